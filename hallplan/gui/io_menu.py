"""File ▸ Export / Import: a registry other modules populate.

An entry names a catalogue key for its menu text, a file-dialog filter key and a function:
exporters are called ``fn(plan, path)``, importers ``fn(path)`` and return a :class:`Plan`.
:func:`discover` wires in the DXF, signs and report dialogs when the menus are first opened.
"""

from __future__ import annotations

import importlib
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


# (module, function, registry entry args); the option dialogs of hallplan.gui wrap the io functions
_KNOWN = (
    ("hallplan.gui.dxf_dialog", "export_dxf", "export",
     ("dxf", "menu.io.export_dxf", "menu.io.filter_dxf", ".dxf", False)),
    ("hallplan.gui.dxf_dialog", "import_dxf", "import",
     ("dxf", "menu.io.import_dxf", "menu.io.filter_dxf", ".dxf", False)),
    ("hallplan.gui.export_dialogs", "export_signs", "export",
     ("signs", "menu.io.export_signs", "menu.io.filter_folder", "", True)),
    ("hallplan.gui.export_dialogs", "export_report", "export",
     ("report", "menu.io.export_report", "menu.io.filter_pdf", ".pdf", False)),
)


def discover() -> None:
    """Register the import/export dialogs (imported on first use, not at start-up). A module that
    fails to import is skipped."""
    for modname, fname, kind, args in _KNOWN:
        reg = EXPORTERS if kind == "export" else IMPORTERS
        if args[0] in reg:
            continue
        try:
            fn = getattr(importlib.import_module(modname), fname)
        except Exception:  # noqa: BLE001 - a broken module must not stop the editor
            continue
        if kind == "export":
            register_export(args[0], args[1], args[2], args[3], fn, args[4])
        else:
            register_import(args[0], args[1], args[2], args[3], fn)
