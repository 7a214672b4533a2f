"""`facilitator-app groups assign|list`: breakout groups from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from facilitator_app.cli.common import (
    EXIT_OK,
    CliError,
    add_db_option,
    open_store,
    print_json,
    require_plenary,
    require_session,
)
from facilitator_app.core.groups.engine import DEFAULT_EFFORT
from facilitator_app.core.groups.groups import FIELDS, GroupsError, arrangement, groups_of
from facilitator_app.core.store.store import Store


def register(sub: argparse._SubParsersAction) -> None:
    groups = sub.add_parser("groups", help="breakout groups: assign people to groups, list groups")
    gsub = groups.add_subparsers(dest="groups_command", metavar="ACTION", required=True)

    a = gsub.add_parser("assign", help="split the people present (or expected) into K balanced groups")
    a.add_argument("plenary", metavar="PLENARY", help="plenary number or id")
    a.add_argument("--groups", "-k", type=int, required=True, metavar="K", help="number of groups")
    a.add_argument("--seed", type=int, help="same seed, same groups (default: a new one, printed)")
    a.add_argument("--session", metavar="S", help="groups of one session (number, name or id); "
                                                 "default: whole-day groups")
    a.add_argument("--fields", metavar="F[:W],...",
                   help=f"fields to balance, optionally weighted (default: {','.join(FIELDS)}), "
                        f"e.g. gender:2,age_band,municipio")
    a.add_argument("--expected", action="store_true",
                   help="group the members expected (in office) instead of those checked in")
    a.add_argument("--meeting-weight", type=float, metavar="W",
                   help="how much meeting new people counts against diversity (default: the engine's, "
                        "diversity first; 1 = meetings first)")
    a.add_argument("--effort", type=float, default=DEFAULT_EFFORT,
                   help=f"search effort (default {DEFAULT_EFFORT:g}; time grows with it)")
    a.add_argument("--dry-run", action="store_true", help="show the groups, write nothing")
    a.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(a)
    a.set_defaults(func=cmd_assign)

    ls = gsub.add_parser("list", help="the groups of a plenary and who sits in each")
    ls.add_argument("plenary", metavar="PLENARY", help="plenary number or id")
    ls.add_argument("--session", metavar="S", help="groups of one session (default: whole-day groups)")
    ls.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(ls)
    ls.set_defaults(func=cmd_list)


def parse_fields(text: str | None) -> dict[str, float] | None:
    if not text:
        return None
    out: dict[str, float] = {}
    for part in text.split(","):
        name, _, weight = part.strip().partition(":")
        if not name:
            continue
        if name not in FIELDS:
            raise CliError(f"unknown field {name!r}; choose among {', '.join(FIELDS)}")
        try:
            out[name] = float(weight) if weight else 1.0
        except ValueError:
            raise CliError(f"weight of {name} must be a number, got {weight!r}") from None
        if out[name] < 0:
            raise CliError(f"weight of {name} must be at least 0")
    if not out:
        raise CliError("--fields needs at least one field")
    return out


def resolve(store: Store, args: argparse.Namespace) -> tuple[dict[str, Any], str | None]:
    """The PLENARY argument and the id of the --session one (None: whole-day groups)."""
    plenary = require_plenary(store, args.plenary, "no plenary {key!r} (give its number or id)")
    session = require_session(store, plenary, getattr(args, "session", None) or None,
                              "plenary {number} has no session {key!r}")
    return plenary, session["id"] if session else None


def print_groups(groups: list[dict[str, Any]]) -> None:
    """Each group (theme · room · facilitator) with its members, as `assign` and `list` print them."""
    for g in groups:
        where = " · ".join(x for x in (g["theme"], g["room"], g["facilitator"]) if x)
        print(f"\n{g['name']} ({len(g['members'])}){' — ' + where if where else ''}")
        for m in g["members"]:
            print(f"  {m['surname']} {m['first_name']}")


def scores_dict(s: Any) -> dict[str, Any]:
    return {"diversity": round(s.diversity, 4), "diversity_bound": round(s.diversity_bound, 4),
            "diversity_by_field": {f: round(v, 4) for f, v in s.diversity_by_field.items()},
            "meeting_score": round(s.meeting_score, 4), "meeting_max": round(s.meeting_max, 4),
            "meeting_relative": round(s.meeting_relative, 4),
            "new_pairs": s.new_pairs, "repeat_pairs": s.repeat_pairs, "possible_pairs": s.possible_pairs,
            "sizes": list(s.sizes)}


def score_lines(s: Any) -> list[str]:
    return [f"Diversity {s.diversity:.3f} (rounding bound {s.diversity_bound:.3f}; lower is better, "
            f"{s.diversity / s.diversity_bound if s.diversity_bound else 1:.2f}x the bound)",
            f"New meetings {100 * s.meeting_relative:.0f}% of the maximum "
            f"({s.new_pairs} new of {s.possible_pairs} pairs; score {s.meeting_score:.3f}, max {s.meeting_max:.3f})"]


def cmd_assign(args: argparse.Namespace) -> int:
    from facilitator_app.core.groups.assign import accept_assignment, plan_assignment

    fields = parse_fields(args.fields)
    if args.groups < 1:
        raise CliError("--groups must be at least 1")
    if args.meeting_weight is not None and args.meeting_weight < 0:
        raise CliError("--meeting-weight must be at least 0")
    if args.effort <= 0:
        raise CliError("--effort must be more than 0")
    with open_store(args) as store:
        plenary, session_id = resolve(store, args)
        try:
            plan = plan_assignment(store, plenary["id"], args.groups, session_id=session_id, fields=fields,
                                   seed=args.seed, expected=args.expected, effort=args.effort,
                                   meeting_weight=args.meeting_weight)
            if not args.dry_run:
                edit = accept_assignment(store, plan)
                created = edit.ids("groups")
        except GroupsError as exc:
            raise CliError(str(exc)) from exc
        members, r = plan.members, plan.result
        if not args.dry_run:  # new groups got their ids on accept
            plan.groups = groups_of(store, plenary["id"], session_id)
        out_groups = [{"id": g["id"], "name": g["name"], "theme": g.get("theme"), "room": g["room"],
                       "facilitator": g["facilitator"],
                       "members": [{"id": m, "surname": members[m]["surname"], "first_name": members[m]["first_name"]}
                                   for m in sorted(ids, key=lambda m: (members[m]["surname"].casefold(),
                                                                       members[m]["first_name"].casefold()))]}
                      for g, ids in zip(plan.groups, r.groups)]
        if args.json:
            print_json({"plenary": plenary["number"], "plenary_id": plenary["id"], "session_id": session_id,
                        "seed": plan.seed, "people": len(members), "expected": args.expected,
                        "fields": plan.fields, "dry_run": args.dry_run, "scores": scores_dict(r),
                        "warnings": plan.warnings, "groups": out_groups,
                        "created_group_ids": [] if args.dry_run else created})
            return EXIT_OK
        who = "expected" if args.expected else "present"
        print(f"Plenary {plenary['number']}: {len(members)} people {who} in {len(plan.groups)} groups "
              f"(seed {plan.seed})")
        for line in score_lines(r):
            print(f"  {line}")
        print_groups(out_groups)
        for w in plan.warnings:
            print(f"warning: {w}")
        print("\ndry run: nothing was written" if args.dry_run else "\nseats saved")
        return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from facilitator_app.core.groups.assign import current_scores

    with open_store(args) as store:
        plenary, session_id = resolve(store, args)
        groups = groups_of(store, plenary["id"], session_id)
        seats = arrangement(store, plenary["id"], session_id, groups)
        ids = [m for g in seats for m in g]
        members = {m["id"]: m for m in store.select("members", f"id IN ({','.join('?' * len(ids))})", ids,
                                                    include_deleted=True)} if ids else {}
        scores = current_scores(store, plenary["id"], session_id)
        out = [{"id": g["id"], "name": g["name"], "theme": g["theme"], "room": g["room"],
                "facilitator": g["facilitator"], "capacity": g["capacity"],
                "members": [{"id": m, "surname": members[m]["surname"], "first_name": members[m]["first_name"]}
                            for m in s]} for g, s in zip(groups, seats)]
        if args.json:
            print_json({"plenary": plenary["number"], "plenary_id": plenary["id"], "session_id": session_id,
                        "scores": scores_dict(scores) if scores else None, "groups": out})
            return EXIT_OK
        print(f"Plenary {plenary['number']} ({plenary['date']}): {len(groups)} groups, {len(ids)} people seated")
        if scores:
            for line in score_lines(scores):
                print(f"  {line}")
        print_groups(out)
        return EXIT_OK
