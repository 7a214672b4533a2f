"""Helpers shared by the subcommand modules."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from facilitator_app.core.device import default_db_path
from facilitator_app.core.store import Store, StoreError

EXIT_OK, EXIT_REJECTED, EXIT_NOTHING_WRITTEN = 0, 1, 2


class CliError(Exception):
    def __init__(self, message: str, exit_code: int = EXIT_NOTHING_WRITTEN):
        super().__init__(message)
        self.exit_code = exit_code


def add_db_option(parser: argparse.ArgumentParser) -> None:
    # Accepted both before and after the subcommand.
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="assembly file (default: the user data folder)")


def db_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "db", None) or default_db_path())


def open_store(args: argparse.Namespace, *, must_exist: bool = True) -> Store:
    path = db_path(args)
    if must_exist and not path.exists():
        raise CliError(f"no assembly file at {path} (create one with 'facilitator-app demo' or pass --db)")
    try:
        return Store(path, create=not must_exist)
    except StoreError as exc:
        raise CliError(str(exc)) from exc


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> None:
    """Plain aligned text table: columns are (field, header)."""
    cells = [[h for _, h in columns]] + [["" if r.get(f) is None else str(r.get(f)) for f, _ in columns] for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(columns))]
    for line in cells:
        print("  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip())
