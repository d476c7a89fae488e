"""File ▸ Export / Import: a registry other modules populate.

An entry names a catalogue key for its menu text, a file-dialog filter key and a function:
exporters are called ``fn(plan, path)``, importers ``fn(path)`` and return a :class:`Plan`.
:func:`discover` wires in the io modules that exist (DXF, signs, report) without importing them
at start-up cost when absent.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class IOEntry:
    key: str  # unique id, e.g. "dxf"
    label_key: str  # catalogue key for the menu text
    filter_key: str  # catalogue key for the file-dialog filter
    suffix: str  # default suffix, e.g. ".dxf"
    fn: Callable
    kind: str = "export"  # "export" or "import"
    folder: bool = False  # the exporter writes into a folder (e.g. a set of sign PDFs)


EXPORTERS: dict[str, IOEntry] = {}
IMPORTERS: dict[str, IOEntry] = {}


def register_export(key: str, label_key: str, filter_key: str, suffix: str, fn: Callable, folder: bool = False) -> None:
    EXPORTERS[key] = IOEntry(key, label_key, filter_key, suffix, fn, "export", folder)


def register_import(key: str, label_key: str, filter_key: str, suffix: str, fn: Callable) -> None:
    IMPORTERS[key] = IOEntry(key, label_key, filter_key, suffix, fn, "import")


# (module, candidate function names, registry entry args)
_KNOWN = (
    # DXF: option dialogs first (hallplan.gui.dxf_dialog: units/layers for import), io functions as fallback
    ("hallplan.gui.dxf_dialog", ("export_dxf",), "export",
     ("dxf", "menu.io.export_dxf", "menu.io.filter_dxf", ".dxf", False)),
    ("hallplan.gui.dxf_dialog", ("import_dxf",), "import",
     ("dxf", "menu.io.import_dxf", "menu.io.filter_dxf", ".dxf", False)),
    ("hallplan.io.dxf_export", ("export_plan", "export_dxf", "write_dxf"), "export",
     ("dxf", "menu.io.export_dxf", "menu.io.filter_dxf", ".dxf", False)),
    # signs and report: option dialogs first (hallplan.gui.export_dialogs), the bare io functions as fallback
    ("hallplan.gui.export_dialogs", ("export_signs",), "export",
     ("signs", "menu.io.export_signs", "menu.io.filter_folder", "", True)),
    ("hallplan.gui.export_dialogs", ("export_report",), "export",
     ("report", "menu.io.export_report", "menu.io.filter_pdf", ".pdf", False)),
    ("hallplan.io.signs", ("generate_signs", "export_signs", "write_signs"), "export",
     ("signs", "menu.io.export_signs", "menu.io.filter_folder", "", True)),
    ("hallplan.io.report", ("export_report", "write_report", "generate_report", "make_report"), "export",
     ("report", "menu.io.export_report", "menu.io.filter_pdf", ".pdf", False)),
    ("hallplan.io.dxf_import", ("import_dxf", "import_plan", "read_dxf", "load_dxf"), "import",
     ("dxf", "menu.io.import_dxf", "menu.io.filter_dxf", ".dxf", False)),
)


def _find_fn(mod, names):
    for n in names:
        fn = getattr(mod, n, None)
        if callable(fn) and not inspect.isclass(fn):
            return fn
    return None


def discover() -> None:
    """Register the io modules that are present. Missing or broken modules are skipped."""
    for modname, names, kind, args in _KNOWN:
        key = args[0]
        reg = EXPORTERS if kind == "export" else IMPORTERS
        if key in reg:
            continue
        try:
            if importlib.util.find_spec(modname) is None:
                continue
            mod = importlib.import_module(modname)
        except Exception:  # noqa: BLE001 - a half-written module must not stop the editor
            continue
        fn = _find_fn(mod, names)
        if fn is None:
            continue
        if kind == "export":
            register_export(args[0], args[1], args[2], args[3], fn, args[4])
        else:
            register_import(args[0], args[1], args[2], args[3], fn)
