"""`facilitator-app checkin PLENARY --badge CODE | --member ID [--session S]`: the entrance, headless.

Prints who was checked in and their group. Exit 2 with a clear message for an
unknown badge (nothing written). A withdrawn or former member needs --yes
(or a "y" at the prompt when run in a terminal).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from facilitator_app.cli.common import (
    EXIT_OK,
    CliError,
    add_db_option,
    open_store,
    print_json,
    require_plenary,
    require_session,
)
from facilitator_app.core.attendance import checkin as A
from facilitator_app.core.plenaries.plenaries import session_at, sessions_of


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("checkin", help="check a member in at the entrance (badge code or member id)")
    p.add_argument("plenary", metavar="PLENARY", help="plenary number or id")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--badge", metavar="CODE", help="badge code, as the scanner types it")
    who.add_argument("--member", metavar="ID", help="member id")
    p.add_argument("--session", metavar="S", help="session name or number (default: by the clock)")
    p.add_argument("--all-sessions", action="store_true", help="also check into the later sessions of the day")
    p.add_argument("--at", metavar="HH:MM", help="arrival time on the plenary's day (default: now)")
    p.add_argument("--yes", action="store_true", help="check in even a member who is no longer in office")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(p)
    p.set_defaults(func=cmd_checkin)


def _arrival(plenary: dict, hhmm: str | None) -> datetime | None:
    if not hhmm:
        return None
    try:
        t = datetime.strptime(hhmm, "%H:%M").time()
    except ValueError:
        raise CliError(f"--at {hhmm!r}: expected HH:MM") from None
    return datetime.combine(A.plenary_day(plenary), t).astimezone()


def _confirm(exc: A.NeedsConfirmation) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(f"{exc.attendee.name} is not in office ({exc.reason}). Check in anyway? [y/N] ")
    return answer.strip().lower() in ("y", "yes", "s", "si", "sì")


def cmd_checkin(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        plenary = require_plenary(store, args.plenary)
        session = require_session(store, plenary, args.session)
        if session is None:
            session = session_at(sessions_of(store, plenary["id"]), datetime.now().strftime("%H:%M"))
            if session is None:
                raise CliError(f"plenary {plenary['number']} has no sessions")
        kw = {"at": _arrival(plenary, args.at), "all_remaining": args.all_sessions, "confirmed": args.yes}

        def run(**extra):
            if args.badge:
                return A.check_in_badge(store, session["id"], args.badge, **kw, **extra)
            return A.check_in(store, session["id"], member_id=args.member, **kw, **extra)

        try:
            try:
                result = run()
            except A.NeedsConfirmation as exc:
                if not _confirm(exc):
                    raise CliError(f"{exc.attendee.name} is not in office ({exc.reason}); pass --yes to check in "
                                   f"anyway. Nothing was written.") from exc
                kw["confirmed"] = True
                result = run()
        except A.UnknownBadge as exc:
            raise CliError(f"unknown badge {exc.badge!r}: no member has this code. Nothing was written. "
                           f"Check the code or search by name.") from exc
        except A.AttendanceError as exc:
            raise CliError(f"{exc}. Nothing was written.") from exc
        a = result.attendee
        if args.json:
            print_json({"outcome": result.outcome, "id": a.id, "surname": a.surname, "first_name": a.first_name,
                        "badge_code": a.badge_code, "plenary": plenary["number"], "plenary_id": plenary["id"],
                        "session": session["name"], "session_id": session["id"], "checked_in_at": result.at,
                        "late": result.late, "group": result.seat.group if result.seat else None,
                        "room": result.seat.room if result.seat else None,
                        "attendance_ids": result.attendance_ids})
        else:
            when = A.clock(result.at)
            head = {"checked_in": f"checked in at {when}", "already": f"already checked in at {when}",
                    "returned": f"back in (first arrived at {when})"}[result.outcome]
            late = " (late)" if result.late else ""
            group = f" — {result.seat.label()}" if result.seat else ""
            print(f"{a.name} [{a.badge_code}]: {head}{late} — {session['name']}, plenary {plenary['number']}{group}")
        return EXIT_OK
