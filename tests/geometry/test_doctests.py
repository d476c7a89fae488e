"""Every geometry helper carries a doctest; run them all."""

import doctest
import importlib

import pytest

MODULES = ["grid", "shapes", "floorgeom", "cache", "evacuation", "egress", "clearwidth", "reachproof", "separation", "sight"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    mod = importlib.import_module(f"hallplan.geometry.{name}")
    res = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert res.failed == 0
