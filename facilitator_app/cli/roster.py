"""`facilitator-app roster import|list`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator_app.cli.common import (
    EXIT_OK,
    EXIT_REJECTED,
    CliError,
    add_db_option,
    add_no_encryption_option,
    open_store,
    print_json,
    print_rows,
)
from facilitator_app.core.members.members import list_members
from facilitator_app.core.members.vocab import Vocabularies

LIST_FIELDS = ["id", "surname", "first_name", "badge_code", "external_id", "gender", "birth_date",
               "age_band", "citizenship", "country", "municipio", "education", "cohort_id", "status",
               "email", "phone"]


def register(sub: argparse._SubParsersAction) -> None:
    roster = sub.add_parser("roster", help="members: import the statistics office's spreadsheet, list")
    rsub = roster.add_subparsers(dest="roster_command", metavar="ACTION", required=True)

    imp = rsub.add_parser("import", help="import or update members from an .xlsx or .csv file")
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="show what would happen, write nothing")
    imp.add_argument("--sheet", help="sheet of an .xlsx to import (default: the only visible sheet with people; "
                                     "hidden sheets only when named here)")
    imp.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD", dest="mapping",
                     help="read the column HEADER (its header text, or its letter such as F) as member FIELD "
                          "(surname, first_name, gender, birth_date, municipio, ...); 'HEADER=' ignores the column. "
                          "Repeatable")
    imp.add_argument("--json", action="store_true", help="machine-readable report")
    add_db_option(imp)
    add_no_encryption_option(imp)
    imp.set_defaults(func=cmd_import)

    lst = rsub.add_parser("list", help="list members")
    lst.add_argument("--json", action="store_true", help="machine-readable output")
    lst.add_argument("--status", help="only members with this status (active, withdrawn, replaced, former)")
    lst.add_argument("--municipio", type=int, help="only members of this municipio (1-9)")
    add_db_option(lst)
    lst.set_defaults(func=cmd_list)


def parse_mapping(items: list[str]) -> dict[str, str | None]:
    """--map "HEADER=field" items -> {header: field or None}; CliError (exit 2) on a malformed one."""
    from facilitator_app.core.members.members import FIELDS
    from facilitator_app.importers.roster import field_for_header

    mapping: dict[str, str | None] = {}
    for item in items:
        header, sep, target = item.rpartition("=")
        if not sep or not header.strip():
            raise CliError(f"--map {item!r}: write it as \"HEADER=field\" (or \"HEADER=\" to ignore the column)")
        target = target.strip()
        if target.lower() in ("", "-", "ignore", "none"):
            mapping[header.strip()] = None
            continue
        f = target if target in FIELDS else field_for_header(target)  # "Cognome" means surname too
        if f is None:
            raise CliError(f"--map {item!r}: {target!r} is not a member field (fields: {', '.join(FIELDS)})")
        mapping[header.strip()] = f
    return mapping


def _column(c) -> dict:
    return {"letter": c.letter, "header": c.header, "field": c.field, "state": c.state, "has_data": c.has_data}


def cmd_import(args: argparse.Namespace) -> int:
    from facilitator_app.importers.roster import RosterImportError, apply_import, plan_import

    mapping = parse_mapping(args.mapping)
    with open_store(args, must_exist=False) as store:
        try:
            plan = plan_import(store, args.file, sheet=args.sheet, mapping=mapping)
        except RosterImportError as exc:
            raise CliError(str(exc)) from exc
        issues = [*plan.rejected, *plan.merged, *plan.warnings]
        if plan.blocking:
            raise CliError("nothing imported: " + "; ".join(plan.blocking))
        result = None if args.dry_run else apply_import(store, plan)
        counts = plan.counts
        cols = plan.column_plan
        if args.json:
            print_json({
                "file": str(args.file), "sheet": plan.sheet, "dry_run": args.dry_run, "header_row": plan.header_row,
                "columns": plan.columns, "unmapped": plan.unmapped,
                "ignored": [c.header or f"column {c.letter}" for c in cols.ignored],
                "column_states": [_column(c) for c in cols.columns if c.header or c.has_data],
                "counts": counts, "notes": plan.notes,
                "issues": [{"row": i.row, "column": i.column, "field": i.field, "code": i.code,
                            "value": i.value, "message": i.message} for i in issues],
                "member_ids": result.member_ids if result else [],
            })
        else:
            for i in sorted(issues, key=lambda i: i.row):
                print(i.message, file=sys.stderr)
            verb = "would import" if args.dry_run else "imported"
            sheet = f" (sheet '{plan.sheet}')" if plan.sheet else ""
            print(f"{verb} {args.file.name}{sheet}: {counts['create']} new, {counts['update']} updated, "
                  f"{counts['unchanged']} unchanged, {counts['merged']} merged, {counts['rejected']} rejected, "
                  f"{counts['warnings']} warnings (header on row {plan.header_row})")
            print(f"rows: {plan.accounting}")
            if cols.unmapped:
                print(f"columns not imported: {', '.join(c.label for c in cols.unmapped)} "
                      f"(map one with --map \"HEADER=field\", or say --map \"HEADER=\" to ignore it)")
            if cols.ignored:
                print(f"columns ignored as asked: {', '.join(c.label for c in cols.ignored)}")
            for note in plan.notes:
                print(f"note: {note}")
            if args.dry_run:
                print("dry run: nothing was written")
        return EXIT_REJECTED if plan.rejected else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        vocab = Vocabularies.load(store)
        rows = list_members(store, status=args.status, municipio=args.municipio)
    for r in rows:
        r["age_band"] = vocab.age_band(r["birth_date"])
    print_rows(rows, [("surname", "surname"), ("first_name", "first_name"), ("badge_code", "badge"),
                      ("municipio", "mun."), ("status", "status"), ("id", "id")],
               as_json=args.json, fields=LIST_FIELDS, count="members")
    return EXIT_OK
