"""`facilitator-app sync FOLDER [--once] [--interval S]`: keep this file current through a shared folder.

Runs the loop the window runs (core/sync): every S seconds (default 3) it imports the
packages other laptops wrote into FOLDER and writes this file's new changes there.
For the secretariat's desktop or a small always-on machine. Ctrl+C (or SIGTERM) ends it
after the step under way, exit 0. FOLDER is used for this run; the folder chosen in the
window (this laptop's setting) is left as it is.

Exit codes: 0 done (or stopped), 1 --once set some files aside, 2 bad folder or the file
is open in the window, 3 the step failed unexpectedly (--once).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from facilitator_app.cli.common import EXIT_OK, EXIT_REJECTED, CliError, add_db_option, db_path, open_store, \
    print_json
from facilitator_app.core.store.lock import AlreadyOpenError, FileLock
from facilitator_app.core.sync import StepReport, SyncLoop
from facilitator_app.core.sync.folder import available
from facilitator_app.core.sync.loop import DEFAULT_INTERVAL

EXIT_UNEXPECTED = 3
PROBLEMS = {
    "unavailable": "the folder is not available (stick pulled out, share offline?): waiting for it",
    "folder_error": "the folder could not be used",
    "busy": "the assembly file was busy: trying again",
    "unexpected": "something unexpected went wrong: trying again",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="keep this file current with other laptops through a shared folder")
    p.add_argument("folder", metavar="FOLDER", type=Path,
                   help="the shared folder (USB stick, network share, Syncthing or cloud folder)")
    p.add_argument("--once", action="store_true", help="one round (import, write, compact) and exit")
    p.add_argument("--interval", metavar="S", type=_seconds, default=DEFAULT_INTERVAL,
                   help=f"seconds between rounds (default {DEFAULT_INTERVAL:g})")
    p.add_argument("--json", action="store_true", help="machine-readable output (one JSON object per round)")
    add_db_option(p)
    p.set_defaults(func=cmd_sync)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0.1 <= value <= 3600:
        raise argparse.ArgumentTypeError("the interval must be between 0.1 and 3600 seconds")
    return value


def _report_dict(r: StepReport) -> dict[str, Any]:
    return {**r.status.as_dict(),
            "arrived": [vars(a) for a in r.arrived], "new_changes": r.new_changes,
            "written": {"file": r.written.file, "changes": r.written.count} if r.written else None,
            "set_aside_now": [vars(a) for a in r.aside], "repaired": r.repaired, "removed": r.removed,
            "compacted": {"file": r.compacted.file, "changes": r.compacted.count} if r.compacted else None}


def _print_text(r: StepReport, *, quiet_when_idle: bool) -> None:
    now = datetime.now().strftime("%H:%M:%S")
    lines = [f"received {a.new_changes} new of {a.changes} changes from {a.source_name} ({a.file})"
             for a in r.arrived]
    if r.written:
        lines.append(f"wrote {r.written.file} ({r.written.count} changes)")
    lines += [f"wrote again {n} (it was missing from the folder)" for n in r.repaired]
    if r.compacted:
        lines.append(f"compacted this laptop's packages into {r.compacted.file}")
    s = r.status
    if s.problem:
        detail = f" ({s.detail})" if s.detail else ""
        lines.append(PROBLEMS.get(s.problem, s.problem) + detail)
    lines += [f"set aside {a.file}: {a.reason}" + (f" (moved to {a.moved_to})" if a.moved_to else "")
              for a in r.aside]
    lines += [f"still arriving: {n}" for n in s.waiting_files]
    if not quiet_when_idle or lines:
        for p in s.peers:
            waiting = f", {p.waiting} changes on their way" if p.waiting else ", up to date"
            last = p.last_package_at[11:19] if p.last_package_at else "no package yet"
            lines.append(f"  {p.name}: last package {last}{waiting}")
    for line in lines:
        print(f"{now} {line}", flush=True)


def cmd_sync(args: argparse.Namespace) -> int:
    folder = args.folder.expanduser()
    if not folder.is_dir():
        raise CliError(f"{folder} is not a folder")
    if not available(folder):
        raise CliError(f"{folder} cannot be written here")
    lock = FileLock(db_path(args))
    try:
        lock.acquire()
    except AlreadyOpenError:
        raise CliError(f"{db_path(args)} is open in the app, which keeps it in sync itself") from None
    try:
        with open_store(args) as store:
            loop = SyncLoop(store, folder)
            if args.once:
                return _once(loop, args)
            return _forever(loop, args)
    finally:
        lock.release()


def _once(loop: SyncLoop, args: argparse.Namespace) -> int:
    r = loop.step()
    if args.json:
        print_json(_report_dict(r))
    else:
        _print_text(r, quiet_when_idle=False)
    if r.status.problem in ("unavailable", "folder_error"):
        return 2
    if r.status.problem:
        return EXIT_UNEXPECTED
    return EXIT_REJECTED if r.aside else EXIT_OK


def _forever(loop: SyncLoop, args: argparse.Namespace) -> int:
    stop = threading.Event()
    previous: dict[int, Any] = {}

    def ask_to_stop(signum: int, _frame: Any) -> None:
        stop.set()
        signal.signal(signum, previous.get(signum, signal.SIG_DFL))   # a second Ctrl+C stops at once

    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, ask_to_stop)
    if not args.json:
        print(f"Syncing {loop.store.path} through {loop.folder} every {args.interval:g} s; Ctrl+C to stop.",
              flush=True)

    def show(r: StepReport) -> None:
        if args.json:
            print_json(_report_dict(r))
        else:
            _print_text(r, quiet_when_idle=True)

    try:
        loop.run(stop, args.interval, on_step=show)
    except KeyboardInterrupt:
        pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if not args.json:
        print("Stopped.", flush=True)
    sys.stdout.flush()
    return EXIT_OK
