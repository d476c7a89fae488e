from bench.make_plans import make_municipal
from hallplan.io.planfile import dumps


def test_synthetic_hall_is_deterministic_and_to_spec():
    a = make_municipal(3)
    assert dumps(a) == dumps(make_municipal(3))
    assert dumps(a) != dumps(make_municipal(4))
    assert abs(a.gross_area - 20000) < 1
    assert len(a.all_windows()) == 200
    assert sum(len(f.furniture) for f in a.floors) == 2000
    # every counter's public side faces a window-service zone, never the staff strip
    for w in a.all_windows():
        fx, fy = w.front_point(1.0)
        zone = next(z for z in a.floors[0].zones.values()
                    if min(p[0] for p in z.polygon.exterior) <= fx <= max(p[0] for p in z.polygon.exterior)
                    and min(p[1] for p in z.polygon.exterior) <= fy <= max(p[1] for p in z.polygon.exterior))
        assert zone.kind.value == "window_service", (w.number, zone.name)
