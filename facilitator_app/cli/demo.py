"""`facilitator-app demo`: build the demo assembly into a file."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from facilitator_app.cli.common import EXIT_OK, CliError, add_db_option, db_path, print_json
from facilitator_app.core.store.lock import AlreadyOpenError, FileLock
from facilitator_app.core.store.store import NotAnAssemblyError, Store, StoreError
from facilitator_app.demo.build import STEPS, DemoError, build_demo

# SQLite's companions of a WAL-mode file: left behind, they would be replayed into a new file.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="build a demo assembly (2024 cycle, invented people) to try the app")
    p.add_argument("--seed", type=int, default=2024, help="same seed, same content (default: 2024)")
    p.add_argument("--force", action="store_true",
                   help="if the file already has members, delete it and build the demo into a fresh file")
    p.add_argument("--first-cycle", action="store_true",
                   help="kept for older scripts: the demo always has the 2023 cycle now (its ten proposals, "
                        "the Comune's answers and a year of monitoring)")
    p.add_argument("--json", action="store_true", help="machine-readable summary")
    add_db_option(p)
    p.set_defaults(func=cmd_demo)


def _member_count(path: Path) -> int:
    """Members in an existing file; CliError if it is not an assembly file (never deleted)."""
    try:
        with Store(path, create=False) as store:
            return store.scalar("SELECT count(*) FROM members") or 0
    except NotAnAssemblyError as exc:
        raise CliError(f"{exc}; not touching it") from exc
    except StoreError as exc:
        raise CliError(str(exc)) from exc


def _delete_assembly_file(path: Path) -> None:
    for p in (path, *(Path(str(path) + s) for s in COMPANION_SUFFIXES)):
        p.unlink(missing_ok=True)


def cmd_demo(args: argparse.Namespace) -> int:
    path = db_path(args)
    lock = FileLock(path)
    try:
        lock.acquire()
    except AlreadyOpenError as exc:
        raise CliError(f"{path} is open in another window; close it first") from exc
    try:
        if path.exists() and path.stat().st_size > 0:
            members = _member_count(path)
            if members and not args.force:
                raise CliError(f"{path} already has {members} members; nothing was written. "
                               f"Pass --force to delete it and build the demo into a fresh file, "
                               f"or choose another file with --db.")
            if args.force:
                _delete_assembly_file(path)
        started = time.perf_counter()
        try:
            with Store(path) as store:
                summary = build_demo(store, seed=args.seed, steps=STEPS)
        except DemoError as exc:
            raise CliError(f"{path}: {exc}; pass --force to start from a fresh file") from exc
        except StoreError as exc:
            raise CliError(str(exc)) from exc
        elapsed = time.perf_counter() - started
    finally:
        lock.release()
    if args.json:
        print_json({"db": str(path), "elapsed_s": round(elapsed, 3), **summary})
    else:
        print(f"Demo assembly written to {path} (seed {summary['seed']}, {elapsed:.2f} s)")
        for key, value in summary.items():
            if key not in ("seed", "assembly"):
                print(f"  {key:<16} {value}")
    return EXIT_OK
