"""Command-line interface: the same checks and exports as the editor, without a window.

Verbs live in modules of this package; each defines ``register(subparsers)`` and is discovered here.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hallplan", description="hallplan: service-hall plans and checks")
    sub = parser.add_subparsers(dest="verb", required=True)
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if mod.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{mod.name}")
        if hasattr(module, "register"):
            module.register(sub)
    return parser


def _interrupted(exc: BaseException) -> bool:
    """Ctrl-C during an import can surface as an ImportError (numpy wraps it): look down the chain."""
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, KeyboardInterrupt):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def main(argv=None) -> int:
    from hallplan.i18n import language, set_language

    previous = language()  # a verb may switch it for its --lang: callers in the same process keep theirs
    try:
        parser = build_parser()  # imports every verb's modules: Ctrl-C may well land here
        args = parser.parse_args(argv)
        return int(args.func(args) or 0)
    except (KeyboardInterrupt, ImportError) as exc:
        if isinstance(exc, ImportError) and not _interrupted(exc):
            raise
        # every output is written to a temp file and renamed into place: nothing half-written remains
        print("interrupted: the file being written was not changed (files already finished are kept)",
              file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        set_language(previous)


if __name__ == "__main__":
    sys.exit(main())
