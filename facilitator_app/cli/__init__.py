"""Headless command line: `facilitator-app SUBCOMMAND ...`.

Each domain registers its subcommands from its own module (see `MODULES`):
a module exposes `register(subparsers)` and sets `func` on its parsers; a
func takes the parsed args and returns the exit code.

Exit codes: 0 done, 1 done with rejected rows, 2 nothing written (bad file,
bad usage).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from facilitator_app import __version__
from facilitator_app.cli.common import EXIT_NOTHING_WRITTEN, CliError

# Subcommand modules, in help order. Later features add theirs here.
MODULES = ["demo", "roster", "plenary", "checkin", "export", "notes", "groups", "bundle", "followup", "letters",
           "gui"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator-app",
        description="Offline app for the facilitators and secretariat of Milan's "
                    "Permanent Citizens' Assembly on Climate. Without a subcommand, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH", help="assembly file (default: the user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in MODULES:
        importlib.import_module(f"facilitator_app.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        from facilitator_app.cli.gui import run_gui
        return run_gui(args)
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - no traceback for a person: one line, exit 3
        print(f"unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    raise SystemExit(main())
