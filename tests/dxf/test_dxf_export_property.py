"""Every export passes ezdxf's audit and reads back, whatever the edits and names (newlines, control
characters, very long or exotic text) — a property test over random edits of a sample."""

from __future__ import annotations

import io

import ezdxf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hallplan.io.dxf_export import ExportOptions, build_document, clean_text
from hallplan.io.dxf_import import import_dxf
from hallplan.io.planfile import load
from hallplan.model import CommandError, History, edits
from tests.conftest import PLANS

BASE = load(PLANS / "village_station.hallplan")

names = st.text(st.characters(codec="utf-8"), max_size=40)
op = st.one_of(
    st.tuples(st.just("move"), st.integers(0, 99), st.floats(-3, 3), st.floats(-3, 3)),
    st.tuples(st.just("rotate"), st.integers(0, 99), st.floats(-360, 360)),
    st.tuples(st.just("delete"), st.integers(0, 99)),
    st.tuples(st.just("dup"), st.integers(0, 99)),
    st.tuples(st.just("name"), st.integers(0, 99), names),
)


@settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(op, max_size=8), names, st.sampled_from(["zh", "en"]))
def test_any_edited_plan_exports_clean_and_reads_back(ops, hall_name, lang):
    plan = BASE.copy()
    plan.name = hall_name
    h = History(plan)
    for o in ops:
        ents = [e for _, e in plan.entities()]
        if not ents:
            break
        eid = ents[o[1] % len(ents)].id
        try:
            if o[0] == "move":
                h.push(edits.move(plan, [eid], o[2], o[3]))
            elif o[0] == "rotate":
                h.push(edits.rotate(plan, [eid], o[2]))
            elif o[0] == "delete":
                h.push(edits.delete(plan, [eid]))
            elif o[0] == "dup":
                h.push(edits.duplicate(plan, [eid]))
            elif o[0] == "name":
                _, e = plan.find(eid)
                if hasattr(e, "name"):
                    h.push(edits.set_props(plan, eid, name=o[2]))
        except CommandError:
            pass
    doc, _ = build_document(plan, ExportOptions(lang=lang, date="2025-01-01"))
    auditor = doc.audit()
    assert not auditor.has_errors, [e.message for e in auditor.errors]
    buf = io.StringIO()
    doc.write(buf)
    data = buf.getvalue().encode("utf-8")
    assert not ezdxf.read(io.StringIO(data.decode("utf-8"))).audit().has_errors
    back = import_dxf(data).plan
    f0, f1 = plan.floors[0], back.floors[0]
    assert set(f0.zones) == set(f1.zones) and set(f0.windows) == set(f1.windows)
    for zid, z in f0.zones.items():
        assert f1.zones[zid].name == clean_text(z.name)[:250]
    for wid, w in f0.windows.items():
        assert f1.windows[wid].name == clean_text(w.name)[:250]


def test_line_breaks_and_control_characters_in_names():
    plan = BASE.copy()
    h = History(plan)
    z = next(iter(plan.floors[0].zones.values()))
    w = next(iter(plan.floors[0].windows.values()))
    for nm in ("a\nb\r\nc", "x\x00y\x1f", "^J\\P{}%%c", "𝔘𝔫𝔦 😀"):
        h.push(edits.set_props(plan, z.id, name=nm))
        h.push(edits.set_props(plan, w.id, name=nm))
        plan.name = nm
        doc, _ = build_document(plan, ExportOptions(date="2025-01-01"))
        assert not doc.audit().has_errors
        buf = io.StringIO()
        doc.write(buf)
        back = import_dxf(buf.getvalue().encode("utf-8")).plan
        assert back.floors[0].zones[z.id].name == clean_text(nm) == back.floors[0].windows[w.id].name
