"""The standing mask built ahead in worker threads (FloorGeometry.prefetch_standing) is the mask built
when asked, whole or in two halves, and a change to the floor before it is taken drops it."""

import numpy as np
import pytest

from hallplan.geometry import floorgeom
from hallplan.geometry.floorgeom import FloorGeometry
from hallplan.model import EntityKind, FurnitureKind, edits

from .build import counter, exit_door, hall, item


def _hall():
    p, f = hall(30, 15)
    exit_door(f, "e", 2.0, 0.0, width=1.8)
    for k in range(6):
        counter(f, f"c{k}", 6 + 3.2 * k, 7.5, length=3.0)
    for k in range(5):
        item(f, f"s{k}", FurnitureKind.SEAT_ROW, 8 + 3.0 * k, 3.0, 2.4, 0.6)
    return p


@pytest.mark.parametrize("split", [False, True])
def test_prefetched_mask_is_the_mask_built_when_asked(monkeypatch, split):
    if split:  # this small hall in two halves, as a 20,000 m² floor is
        monkeypatch.setattr(floorgeom, "SPLIT_CELLS", 1000)
    p = _hall()
    ahead, asked = FloorGeometry(p, "f1"), FloorGeometry(p, "f1")
    assert len(ahead._first_windows()) == (2 if split else 1)
    ahead.prefetch_standing()
    assert ahead._standing_job is not None
    m = ahead.standing_mask()
    assert np.array_equal(m, asked.standing_mask())
    assert m.sum() > 0 and not m.all()
    # the whole-floor dilation came with it (no second build) when the floor is one window
    assert (("dilated", 0.25) in ahead._memo) == (not split)


def test_a_change_before_the_mask_is_taken_drops_the_prefetched_one():
    p = _hall()
    fg = FloorGeometry(p, "f1")
    fg.prefetch_standing()
    edits.move(p, ["c2"], 0.0, 3.0).apply(p)
    fg.invalidate({EntityKind.WINDOW}, {"c2"})
    assert fg._standing_job is None
    assert np.array_equal(fg.standing_mask(), FloorGeometry(p, "f1").standing_mask())
