"""The light verbs start without the PDF stack (reportlab) and without Qt: building the parser must not
import what only ``signs`` / ``report`` (or the editor) need. Each run is a fresh interpreter, since the
test process itself has imported everything long before."""

import json
import subprocess
import sys

import pytest

from tests.conftest import PLANS, ROOT

COUNTY = str(PLANS / "county_centre.hallplan")
HEAVY = ("reportlab", "PyQt6")

_PROBE = """
import json, sys
from hallplan.__main__ import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:  # --help
    code = exc.code
print(json.dumps({"code": code, "modules": sorted({m.split('.')[0] for m in sys.modules})}),
      file=sys.stderr)
"""


def _run(*argv: str) -> tuple[int, set[str], str]:
    out = subprocess.run([sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True,
                         timeout=120, cwd=ROOT)
    lines = out.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("{"), out.stderr
    probe = json.loads(lines[-1])
    return probe["code"], set(probe["modules"]), out.stdout


@pytest.mark.parametrize("argv", [
    ("validate", COUNTY),
    ("info", COUNTY),
    ("check", COUNTY, "--lang", "en"),
    ("rules", "--coverage"),
    ("size", COUNTY),
    ("--help",),
])
def test_light_verbs_do_not_import_reportlab_or_qt(argv):
    code, modules, _ = _run(*argv)
    assert code in (0, 1)  # check exits 1 when the sample has errors
    assert not modules & set(HEAVY), f"{argv[0]} imported {sorted(modules & set(HEAVY))}"


def test_signs_help_still_lists_the_sign_types():
    from hallplan.io.signs import SIGN_TYPES

    code, modules, out = _run("signs", "--help")
    assert code == 0
    text = " ".join(out.split())  # argparse wraps the help
    assert ", ".join(SIGN_TYPES) in text
    assert "{sign_types}" not in text
