"""`facilitator-app export KIND ...`: every printable and file export.

Each domain keeps its export subcommands in its own CLI module, which exposes
`register_export(export_subparsers)`; list that module in `EXPORT_MODULES`.
"""

from __future__ import annotations

import argparse
import importlib

# e.g. "facilitator_app.cli.export_attendance" (badges, signin), "...export_groups" (rosters),
# "...export_minutes" (verbale, cycle).
EXPORT_MODULES: list[str] = ["facilitator_app.cli.export_attendance", "facilitator_app.cli.export_groups",
                             "facilitator_app.cli.export_minutes", "facilitator_app.cli.export_followup"]


def register(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser("export", help="export printables and reports (PDF, Excel)")
    esub = export.add_subparsers(dest="export_command", metavar="KIND", required=True)
    for name in EXPORT_MODULES:
        importlib.import_module(name).register_export(esub)
