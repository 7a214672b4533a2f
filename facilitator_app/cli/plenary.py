"""`facilitator-app plenary create|list|show`: the plenary days of the cycle."""

from __future__ import annotations

import argparse
import re
from typing import Any

from facilitator_app.cli.common import (
    EXIT_OK,
    CliError,
    add_db_option,
    add_no_encryption_option,
    open_store,
    print_json,
    print_rows,
    require_plenary,
)
from facilitator_app.core.plenaries import plenaries as P

_SESSION = re.compile(r"^\s*(?P<name>[^=]+?)\s*=\s*(?P<start>\d{1,2}:\d{2})\s*-\s*(?P<end>\d{1,2}:\d{2})\s*$")


def register(sub: argparse._SubParsersAction) -> None:
    plenary = sub.add_parser("plenary", help="plenaries: create, list, show one")
    psub = plenary.add_subparsers(dest="plenary_command", metavar="ACTION", required=True)

    create = psub.add_parser("create", help="create a plenary with its sessions (default: morning and afternoon)")
    create.add_argument("--number", type=int, required=True, metavar="N", help="number in the cycle")
    create.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    create.add_argument("--venue", required=True, metavar="V", help="e.g. \"Parco Nord — Cascina Centro Parco\"")
    create.add_argument("--rooms", nargs="+", metavar="ROOM", help="room names (main room first)")
    create.add_argument("--title", help="theme or title of the day")
    create.add_argument("--session", action="append", dest="sessions", metavar="NAME=HH:MM-HH:MM",
                        help="a session (repeat for each); default Mattina=09:30-13:00 Pomeriggio=14:00-17:30")
    create.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(create)
    add_no_encryption_option(create)
    create.set_defaults(func=cmd_create)

    lst = psub.add_parser("list", help="list the plenaries with their sessions")
    lst.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(lst)
    lst.set_defaults(func=cmd_list)

    show = psub.add_parser("show", help="one plenary: sessions, agenda, people, attendance counts")
    show.add_argument("plenary", metavar="PLENARY", help="plenary number or id")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(show)
    show.set_defaults(func=cmd_show)


def _parse_sessions(values: list[str] | None) -> list[tuple[str, str, str]] | None:
    if not values:
        return None
    out = []
    for v in values:
        m = _SESSION.match(v)
        if not m:
            raise CliError(f"--session {v!r}: expected NAME=HH:MM-HH:MM, e.g. Mattina=09:30-13:00")
        out.append((m["name"], m["start"].zfill(5), m["end"].zfill(5)))
    return out


def _summary(store, p: dict[str, Any]) -> dict[str, Any]:
    return {"id": p["id"], "number": p["number"], "date": p["date"], "venue": p["venue"], "title": p["title"],
            "status": p["status"], "rooms": P.rooms_of(p),
            "sessions": [{"id": s["id"], "name": s["name"], "starts_at": s["starts_at"], "ends_at": s["ends_at"]}
                         for s in P.sessions_of(store, p["id"])]}


def cmd_create(args: argparse.Namespace) -> int:
    with open_store(args, must_exist=False) as store:
        store.ensure_assembly(store.path.stem)
        kw: dict[str, Any] = {"rooms": args.rooms, "title": args.title}
        sessions = _parse_sessions(args.sessions)
        if sessions:
            kw["sessions"] = sessions
        try:
            pid = P.create_plenary(store, args.number, args.date, args.venue, **kw)
        except P.PlenaryError as exc:
            raise CliError(f"{exc}; nothing was written") from exc
        data = _summary(store, P.get_plenary(store, pid))
        if args.json:
            print_json(data)
        else:
            sessions = ", ".join(f"{s['name']} {s['starts_at']}–{s['ends_at']}" for s in data["sessions"])
            print(f"plenary {data['number']} on {data['date']} at {data['venue']}: {sessions} (id {pid})")
        return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = [_summary(store, p) for p in P.list_plenaries(store)]
    print_rows(rows, [("number", "n."), ("date", "date"), ("venue", "venue"), ("status", "status"),
                      (lambda r: ", ".join(s["name"] for s in r["sessions"]), "sessions"), ("id", "id")],
               as_json=args.json, count="plenaries")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from facilitator_app.core.attendance.stats import session_counts

    with open_store(args) as store:
        p = require_plenary(store, args.plenary)
        data = _summary(store, p)
        counts = {c.session_id: c for c in session_counts(store, p["id"])}
        for s in data["sessions"]:
            c = counts[s["id"]]
            s.update(expected=c.expected, present=c.present, late=c.late, left=c.left, justified=c.justified,
                     others=c.others)
        data["agenda"] = [{"starts_at": a["starts_at"], "ends_at": a["ends_at"], "title": a["title"],
                           "presenter": a["presenter"]} for a in P.agenda_of(store, p["id"])]
        data["people"] = [{"id": x["id"], "name": x["name"], "role": x["role"], "organisation": x["organisation"]}
                          for x in P.people_of(store, p["id"])]
        if args.json:
            print_json(data)
            return EXIT_OK
        print(f"Plenary {p['number']} — {p['date']} — {p['venue'] or ''}" + (f" — {p['title']}" if p["title"] else ""))
        if data["rooms"]:
            print("Rooms: " + ", ".join(data["rooms"]))
        for s in data["sessions"]:
            print(f"  {s['name']} {s['starts_at'] or ''}–{s['ends_at'] or ''}: {s['present']}/{s['expected']} present"
                  f", {s['late']} late, {s['left']} left early, {s['justified']} justified, {s['others']} others")
        for a in data["agenda"]:
            print(f"  {a['starts_at'] or '     '} {a['title']}" + (f" ({a['presenter']})" if a["presenter"] else ""))
        for x in data["people"]:
            print(f"  [{x['role']}] {x['name']}" + (f", {x['organisation']}" if x["organisation"] else ""))
        return EXIT_OK
