"""subtract_local (the drag path's erosion update) gives the same point set as a plain difference."""

import numpy as np
import shapely

from hallplan.geometry.floorgeom import LOCAL_CUT_MIN, subtract_local


def _hall():
    # a 100 x 60 m hall with a 40 x 40 grid of 0.6 m holes (seats), and a pocket cut off by a wall of holes
    holes = [shapely.box(2 + 2.4 * i, 2 + 1.4 * j, 2.6 + 2.4 * i, 2.6 + 1.4 * j).exterior.coords[::-1]
             for i in range(40) for j in range(40)]
    g = shapely.Polygon([(0, 0), (100, 0), (100, 60), (0, 60)], holes)
    assert shapely.get_num_coordinates(g) >= LOCAL_CUT_MIN and g.is_valid
    return g


def test_same_point_set_as_difference():
    g = _hall()
    rng = np.random.default_rng(5)
    cuts = [shapely.box(x, y, x + w, y + d) for x, y, w, d in zip(rng.uniform(0, 98, 30), rng.uniform(0, 58, 30),
                                                                  rng.uniform(0.2, 3, 30), rng.uniform(0.2, 3, 30), strict=True)]
    cuts += [shapely.box(49, -1, 51, 61),  # splits the hall in two: far holes go back into either part
             shapely.box(-1, -1, 101, 61),  # removes everything
             shapely.Point(30.3, 20.3).buffer(1.5, quad_segs=4),
             shapely.box(2.2, 2.2, 2.4, 2.4)]  # inside a hole: nothing changes
    for c in cuts:
        out = subtract_local(g, c)
        ref = shapely.difference(g, c)
        assert shapely.is_valid(out)
        assert shapely.equals(out, ref) or (out.is_empty and ref.is_empty)
        assert abs(out.area - ref.area) < 1e-9


def test_multipolygon_parts_far_from_the_cut_stay():
    g = shapely.MultiPolygon([_hall(), shapely.box(200, 0, 210, 10)])
    out = subtract_local(g, shapely.box(10, 10, 11, 11))
    assert shapely.equals(out, shapely.difference(g, shapely.box(10, 10, 11, 11)))
    assert any(p.equals_exact(shapely.box(200, 0, 210, 10), 0) for p in shapely.get_parts(out))
