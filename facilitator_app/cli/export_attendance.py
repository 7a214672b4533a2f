"""`facilitator-app export badges|signin|checklist PLENARY --pdf FILE`: the plenary kit."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from facilitator_app.cli.common import (EXIT_OK, CliError, add_db_option, export_jobs, open_store, require_plenary,
                                        require_session, write_files)


def register_export(esub: argparse._SubParsersAction) -> None:
    b = esub.add_parser("badges", help="name badges on A4 label sheets (2 x 4 labels, 105 x 74 mm)")
    _common(b)
    b.add_argument("--blanks", type=int, default=0, metavar="N", help="also N blank badges for walk-ins")
    b.add_argument("--no-people", action="store_true", help="members only (no staff, experts, guests)")
    b.set_defaults(func=cmd_badges)

    s = esub.add_parser("signin", help="sign-in sheet (foglio firme) per session")
    _common(s)
    s.add_argument("--session", metavar="S", help="one session (name or number); default: every session")
    s.set_defaults(func=cmd_signin)

    c = esub.add_parser("checklist", help="paper check-in list (fallback if a laptop dies)")
    _common(c)
    c.set_defaults(func=cmd_checklist)

    a = esub.add_parser("attendance", help="attendance of the whole cycle, with the follow-up list (Excel)")
    a.add_argument("--xlsx", type=Path, metavar="FILE", required=True, help="where to write the workbook")
    add_db_option(a)
    a.set_defaults(func=cmd_attendance)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("plenary", metavar="PLENARY", help="plenary number or id")
    p.add_argument("--pdf", type=Path, metavar="FILE", required=True, help="where to write the PDF")
    add_db_option(p)


def _export(args: argparse.Namespace, what: str, write: Callable) -> int:
    """Write one PDF of the plenary, all-or-nothing (its folder is made if missing)."""
    with open_store(args) as store:
        plenary = require_plenary(store, args.plenary)
        jobs = export_jobs({"--pdf": (args.pdf, lambda tmp: write(store, plenary, tmp))}, make_folders=True)
        (pages,) = write_files(jobs, failed="cannot write {path}: {exc}",
                               audit=(store, f"{what} of plenary {plenary['number']}"))
        print(f"{what}: {args.pdf} ({pages} pages, plenary {plenary['number']})")
        return EXIT_OK


def cmd_badges(args: argparse.Namespace) -> int:
    from facilitator_app.exporters.badges import write_badges

    if args.blanks < 0:
        raise CliError("--blanks must be 0 or more")
    return _export(args, "badges", lambda store, p, out: write_badges(
        store, p["id"], out, include_people=not args.no_people, blanks=args.blanks))


def cmd_signin(args: argparse.Namespace) -> int:
    from facilitator_app.exporters.signin import write_signin

    def write(store, p, out):
        session = require_session(store, p, args.session)
        return write_signin(store, p["id"], out, session["id"] if session else None)

    return _export(args, "sign-in sheet", write)


def cmd_checklist(args: argparse.Namespace) -> int:
    from facilitator_app.exporters.signin import write_checklist

    return _export(args, "check-in list", lambda store, p, out: write_checklist(store, p["id"], out))


def cmd_attendance(args: argparse.Namespace) -> int:
    from facilitator_app.exporters.attendance_xlsx import write_attendance_xlsx

    with open_store(args) as store:
        jobs = export_jobs({"--xlsx": (args.xlsx, lambda tmp: write_attendance_xlsx(store, tmp))})
        write_files(jobs, failed="cannot write {path}: {exc}", audit=(store, "attendance of the cycle (Excel)"))
        print(f"attendance: {args.xlsx}")
        return EXIT_OK
