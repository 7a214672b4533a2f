"""`facilitator-app selection invitations import|list`, `selection category add|list|remove` and
`selection announce`.

Registered under `selection` by cli/selection.py (one parser for the domain).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator_app.cli.common import (
    EXIT_OK, EXIT_REJECTED, CliError, add_db_option, add_no_encryption_option, open_store, print_json, print_rows,
)


def register(ssub: argparse._SubParsersAction, guarded) -> None:
    inv = ssub.add_parser("invitations", help="the invitation list (counts per stratum): import, list with response "
                                              "rates")
    isub = inv.add_subparsers(dest="invitations_command", metavar="ACTION", required=True)
    imp = isub.add_parser("import", help="import the invitation list: one row per resident, counts per stratum, or "
                                         "characteristic/value/count rows (only counts are stored)")
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="show what would happen, write nothing")
    imp.add_argument("--sheet", help="sheet name of an .xlsx (default: the one with the quota columns)")
    imp.add_argument("--json", action="store_true")
    add_db_option(imp)
    add_no_encryption_option(imp)
    imp.set_defaults(func=guarded(cmd_invitations_import))
    lst = isub.add_parser("list", help="invited, respondents and response rate per value of each characteristic")
    lst.add_argument("--json", action="store_true")
    add_db_option(lst)
    lst.set_defaults(func=guarded(cmd_invitations_list))

    cat = ssub.add_parser("category", help="further quota categories (a column of the pool file): add, list, remove")
    csub = cat.add_subparsers(dest="category_command", metavar="ACTION", required=True)
    add = csub.add_parser("add", help="add a category with the population share of each value")
    add.add_argument("name", metavar="NAME", help="the column's header in the pool file, e.g. \"Condizione abitativa\"")
    add.add_argument("--share", action="append", required=True, metavar="VALUE=SHARE",
                     help="a value and its share of Milan's population (0.35 or 35%%); repeat for each value")
    add.add_argument("--json", action="store_true")
    add_db_option(add)
    add.set_defaults(func=guarded(cmd_category_add))
    cl = csub.add_parser("list", help="the further categories and their shares")
    cl.add_argument("--json", action="store_true")
    add_db_option(cl)
    cl.set_defaults(func=guarded(cmd_category_list))
    rm = csub.add_parser("remove", help="remove a further category (its quotas go at the next computation)")
    rm.add_argument("name", metavar="NAME")
    add_db_option(rm)
    rm.set_defaults(func=guarded(cmd_category_remove))


def register_announce(ssub: argparse._SubParsersAction, guarded) -> None:
    ann = ssub.add_parser("announce", help="before a draw: record publicly how its seed will be obtained (the draw "
                                           "then refuses another source); without options, show it")
    ann.add_argument("--source", help="how the seed will be drawn, e.g. \"first five numbers of the Lotto draw of "
                                      "12 March, Milan wheel\"")
    ann.add_argument("--draw-date", metavar="YYYY-MM-DD", help="the day of the draw, if known")
    ann.add_argument("--withdraw", action="store_true", help="withdraw the announcement not yet used")
    ann.add_argument("--json", action="store_true")
    add_db_option(ann)
    ann.set_defaults(func=guarded(cmd_announce))


def cmd_announce(args: argparse.Namespace) -> int:
    from datetime import date

    from facilitator_app.core.selection.announce import announce, pending_announcement, withdraw_announcement

    if args.withdraw and args.source:
        raise CliError("give either --source or --withdraw")
    draw_on = None
    if args.draw_date:
        try:
            draw_on = date.fromisoformat(args.draw_date)
        except ValueError:
            raise CliError(f"--draw-date {args.draw_date!r} is not a date (YYYY-MM-DD)") from None
    with open_store(args) as store:
        before = pending_announcement(store)
        if args.withdraw:
            done = withdraw_announcement(store)
            print("announcement withdrawn" if done else "there was no announcement to withdraw")
            return EXIT_OK
        current = announce(store, args.source, draw_on=draw_on) if args.source is not None else before
    if args.json:
        print_json(current)
    elif current is None:
        print("no announcement: the next draw records the source given with it (selection announce --source ...)")
    else:
        if args.source is not None and before:
            print(f"replaces the announcement of {before['announced_at'][:10]}: {before['source']}")
        print(f"announced on {current['announced_at'][:10]}"
              + (f" for the draw of {current['draw_on']}" if current.get("draw_on") else "")
              + f": the seed will be {current['source']}")
        print("the next draw must use this source (selection run --seed ...)")
    return EXIT_OK


def _pct(x: float | None) -> str:
    return "" if x is None else f"{x * 100:.1f}%"


def cmd_invitations_import(args: argparse.Namespace) -> int:
    from facilitator_app.importers.invitations import apply_invitations_import, plan_invitations_import

    with open_store(args, must_exist=False) as store:
        plan = plan_invitations_import(store, args.file, sheet=args.sheet)
        summary = plan.summary() if args.dry_run else apply_invitations_import(store, plan)
    issues = sorted([*plan.rejected, *plan.duplicates, *plan.totals_rows], key=lambda i: i.row)
    if args.json:
        print_json({"file": str(args.file), "dry_run": args.dry_run, "shape": plan.shape, "sheet": plan.sheet,
                    "other_sheets_not_read": plan.other_sheets, "columns": plan.columns,
                    "personal_columns_not_stored": plan.personal, "unmapped": plan.unmapped, "notes": plan.notes,
                    "counts": summary, "invited": plan.counts,
                    "issues": [{"row": i.row, "column": i.column, "code": i.code, "value": i.value,
                                "message": i.message} for i in issues]})
    else:
        for i in issues:
            print(i.message, file=sys.stderr)
        shape = {"residents": "one row per resident", "strata": "counts per stratum",
                 "long": "characteristic, value, count"}[plan.shape]
        verb = "would import" if args.dry_run else "imported"
        print(f"{verb} {args.file.name} ({shape}): {summary['rows']} rows: {summary['counted']} counted, "
              f"{summary['totals_rows']} totals rows not counted, {summary['rejected']} rejected, "
              f"{summary['duplicates']} duplicates, {summary['empty']} empty; {summary['invited']} residents invited")
        for fld, vals in plan.counts.items():
            print(f"  {fld}: " + ", ".join(f"{v} {n}" for v, n in vals.items()))
        if plan.personal:
            print(f"personal data not stored: {', '.join(plan.personal)}")
        if plan.unmapped:
            print(f"columns not used: {', '.join(plan.unmapped)}")
        if plan.other_sheets:
            print(f"sheets not read: {', '.join(plan.other_sheets)}")
        for n in plan.notes:
            print(f"note: {n}")
        if args.dry_run:
            print("dry run: nothing was written")
    if not plan.counts:
        raise CliError("no row of the invitation list could be counted; nothing was written")
    return EXIT_REJECTED if plan.rejected or plan.duplicates else EXIT_OK


def cmd_invitations_list(args: argparse.Namespace) -> int:
    from facilitator_app.core.selection.invitations import invitations_info, overall_rate, response_rates

    with open_store(args) as store:
        info = invitations_info(store)
        rates = response_rates(store)
        invited, respondents, rate = overall_rate(store)
    if args.json:
        print_json({"invited": invited, "respondents": respondents, "rate": rate,
                    "source": (info or {}).get("source"), "imported_at": (info or {}).get("imported_at"),
                    "strata": [r.to_json() for r in rates]})
        return EXIT_OK
    if info is None:
        print("no invitation list yet (selection invitations import FILE)")
        return EXIT_OK
    rows = [{**r.to_json(), "rate_text": _pct(r.rate)} for r in rates]
    print_rows(rows, [("field", "characteristic"), ("value", "value"), ("invited", "invited"),
                      ("respondents", "respondents"), ("rate_text", "response rate")], as_json=False)
    print(f"{invited} invited ({info.get('source') or 'source not recorded'}), {respondents} respondents: "
          f"{_pct(rate)} replied")
    over = [r for r in rates if r.invited is not None and r.respondents > r.invited]
    for r in over:
        print(f"note: {r.field} {r.value}: more respondents ({r.respondents}) than invited ({r.invited})")
    return EXIT_OK


def cmd_category_add(args: argparse.Namespace) -> int:
    from facilitator_app.core.selection.categories import add_category, parse_share

    shares: dict[str, float] = {}
    for text in args.share:
        v, s = parse_share(text)
        if v in shares:
            raise CliError(f"the value {v!r} is given twice")
        shares[v] = s
    with open_store(args) as store:
        res = add_category(store, args.name, shares)
    if args.json:
        print_json(res)
        return EXIT_OK
    print(f"category {res['name']!r} ({res['key']}) saved: "
          + ", ".join(f"{v} {s * 100:.1f}%" for v, s in res["shares"].items()))
    print(f"{res['respondents']} respondents have a value for it")
    if res["unknown"]:
        print(f"note: values in the pool with no share (those respondents cannot be drawn until you add them): "
              f"{', '.join(res['unknown'])}")
    if res["missing"]:
        print(f"note: no respondent gave: {', '.join(res['missing'])}")
    print("compute the quotas again (selection quotas --panel K) to use it")
    return EXIT_OK


def cmd_category_list(args: argparse.Namespace) -> int:
    from facilitator_app.core.selection.categories import categories

    with open_store(args) as store:
        cats = categories(store)
    rows = [{"key": k, "name": c["name"], "value": v, "share": s} for k, c in cats.items()
            for v, s in c["shares"].items()]
    print_rows(rows, [("name", "category"), ("value", "value"), (lambda r: f"{r['share'] * 100:.1f}%", "share")],
               as_json=args.json, count=None)
    return EXIT_OK


def cmd_category_remove(args: argparse.Namespace) -> int:
    from facilitator_app.core.selection.categories import remove_category

    with open_store(args) as store:
        key = remove_category(store, args.name)
    print(f"category {key} removed; compute the quotas again to drop its quotas")
    return EXIT_OK
