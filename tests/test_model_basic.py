from hallplan.io.planfile import PlanFileError, dumps, loads
from hallplan.model import Floor, HallLevel, History, Plan, Polygon, edits


def test_window_row_undo_and_file_round_trip():
    p = Plan("测试便民服务中心", HallLevel.TOWN)
    p.floors.append(Floor("f-1", 1, Polygon.rect(0, 0, 20, 15)))
    h = History(p)
    h.push(edits.window_row(p, "f-1", (2, 10), (14, 10), 6))
    assert [w.number for w in p.all_windows()] == ["1", "2", "3", "4", "5", "6"]
    again = loads(dumps(p))
    assert again == p
    h.undo()
    assert p.all_windows() == []


def test_newer_version_refused():
    import json

    p = Plan("x", HallLevel.TOWN)
    d = json.loads(dumps(p))
    d["version"] = 99
    try:
        loads(json.dumps(d))
    except PlanFileError as e:
        assert e.location == "version"
    else:
        raise AssertionError("newer file accepted")
