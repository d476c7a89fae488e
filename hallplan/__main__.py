"""Entry point: a bare ``hallplan`` (or a file) opens the editor; subcommands go to the CLI."""

import sys


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (len(args) == 1 and args[0].endswith(".hallplan")):
        from hallplan.gui.app import run

        return run(args[0] if args else None)
    from hallplan.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
