"""`facilitator-app gui` (also what runs with no subcommand)."""

from __future__ import annotations

import argparse

from facilitator_app.cli.common import add_db_option


def register(sub: argparse._SubParsersAction) -> None:
    gui = sub.add_parser("gui", help="open the window (the default with no subcommand)")
    gui.add_argument("--lang", choices=["it", "en"], help="interface language (default: Italian)")
    add_db_option(gui)
    gui.set_defaults(func=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    # Imported here so every other subcommand runs without Qt.
    from facilitator_app.gui.app import run

    return run(db=getattr(args, "db", None), lang=getattr(args, "lang", None))
