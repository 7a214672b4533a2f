"""`facilitator-app bundle export|import|collect|prepare|conflicts`: laptops without a network.

    bundle export --out FILE [--full] [--to NAME]   a package of this file's changes
    bundle import FILE [FILE...]                    merge packages (all or nothing)
    bundle collect FOLDER                           merge every package of a folder (bad ones skipped)
    bundle prepare PLENARY --out-dir DIR            one package per laptop of a plenary
    bundle conflicts [--all]                        versions kept from concurrent edits

Exit codes: 0 done, 1 done but some packages were skipped (collect), 2 nothing written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
from facilitator_app.core.exchange.packages import (
    ExchangeError,
    ImportSummary,
    collect,
    export_package,
    import_packages,
    prepare_laptops,
)
from facilitator_app.core.store.store import Store


def register(sub: argparse._SubParsersAction) -> None:
    bundle = sub.add_parser("bundle", help="exchange packages between laptops (USB stick, shared folder)")
    bsub = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)

    exp = bsub.add_parser("export", help="write a package of this file's changes")
    exp.add_argument("--out", metavar="FILE", type=Path, required=True, help="package to write (.assemblea)")
    exp.add_argument("--to", metavar="NAME", help="destination: only what was not yet sent to it")
    exp.add_argument("--full", action="store_true", help="everything, even what was already sent")
    exp.add_argument("--json", action="store_true", help="machine-readable report")
    add_db_option(exp)
    exp.set_defaults(func=cmd_export)

    imp = bsub.add_parser("import", help="merge packages into this file (all or nothing)")
    imp.add_argument("files", metavar="FILE", type=Path, nargs="+")
    imp.add_argument("--json", action="store_true", help="machine-readable report")
    add_db_option(imp)
    add_no_encryption_option(imp)
    imp.set_defaults(func=cmd_import)

    col = bsub.add_parser("collect", help="merge every package (.assemblea) of a folder; bad ones are skipped")
    col.add_argument("folder", metavar="FOLDER", type=Path)
    col.add_argument("--json", action="store_true", help="machine-readable report")
    add_db_option(col)
    col.set_defaults(func=cmd_collect)

    prep = bsub.add_parser("prepare", help="one package per laptop of a plenary (entrance, each group)")
    prep.add_argument("plenary", metavar="PLENARY", help="plenary number (or id)")
    prep.add_argument("--out-dir", metavar="DIR", type=Path, required=True)
    prep.add_argument("--include", metavar="WHAT", default="",
                      help="personal data the laptops also get, comma-separated: contact (phone, e-mail), "
                           "birth_date, notes (accessibility, dietary, free notes), profile (gender, citizenship, "
                           "municipio, education), former (members no longer in office); default: none")
    prep.add_argument("--json", action="store_true", help="machine-readable report")
    add_db_option(prep)
    prep.set_defaults(func=cmd_prepare)

    con = bsub.add_parser("conflicts", help="list versions that lost a concurrent edit")
    con.add_argument("--all", action="store_true", help="also the resolved ones")
    con.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(con)
    con.set_defaults(func=cmd_conflicts)


def _exchange(args: argparse.Namespace, action: Callable[[Store], Any], *, must_exist: bool = True) -> Any:
    """Run an exchange action on the assembly file; an ExchangeError is a CliError (exit 2)."""
    with open_store(args, must_exist=must_exist) as store:
        try:
            return action(store)
        except ExchangeError as exc:
            raise CliError(str(exc)) from exc


def cmd_export(args: argparse.Namespace) -> int:
    result = _exchange(args, lambda store: export_package(store, args.out, to=args.to, full=args.full))
    if args.json:
        print_json({"file": str(result.path), "changes": result.count, "destination": result.destination,
                    "full": result.full, "from_seq": result.from_seq, "to_seq": result.to_seq})
    else:
        kind = "full package" if result.full else f"changes since the last package for {result.destination}"
        print(f"wrote {result.path}: {result.count} changes ({kind})")
    return EXIT_OK


def print_summary(summary: ImportSummary) -> None:
    for p in summary.packages:
        kind = "full package" if p.full else "incremental package"
        print(f"{p.file}: from “{p.source_name}” ({kind}), {p.changes} changes, {p.new_changes} new")
        for table, c in sorted(p.tables.items()):
            print(f"    {table}: {c.new} new, {c.updated} updated")
        others = {name: n for name, n in p.origins.items() if name != p.source_name}
        if others:
            print("    forwarded from: " + ", ".join(f"{name} ({n})" for name, n in others.items()))
        if p.conflicts:
            print(f"    conflicts: {p.conflicts}")
        for w in p.warnings:
            print(f"    warning: {w}")
    for exc in summary.skipped:
        print(f"skipped {exc.file}: {exc}", file=sys.stderr)
    totals = ", ".join(f"{t} {c.new} new/{c.updated} updated" for t, c in sorted(summary.tables.items()))
    print(f"total: {summary.new_changes} new changes" + (f"; {totals}" if totals else "; nothing new"))
    if summary.conflicts:
        print(f"{summary.conflicts} concurrent edits kept both versions: see 'facilitator-app bundle conflicts'")


def _report(summary: ImportSummary, as_json: bool) -> int:
    if as_json:
        print_json(summary.as_dict())
    else:
        print_summary(summary)
    return EXIT_REJECTED if summary.skipped else EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    # must_exist=False: a new laptop starts from a prepared package
    summary = _exchange(args, lambda store: import_packages(store, args.files), must_exist=False)
    return _report(summary, args.json)


def cmd_collect(args: argparse.Namespace) -> int:
    return _report(_exchange(args, lambda store: collect(store, args.folder)), args.json)


def cmd_prepare(args: argparse.Namespace) -> int:
    from facilitator_app.core.privacy.scope import ScopeError, parse_include

    try:
        include = parse_include(args.include)
    except ScopeError as exc:
        raise CliError(str(exc)) from exc
    results = _exchange(args, lambda store: prepare_laptops(store, args.plenary, args.out_dir, include))
    rows = []
    for r in results:
        carries = r.purpose["carries"]
        rows.append({"file": str(r.path), "role": r.purpose["role"], "group": r.purpose.get("group_name"),
                     "facilitator": r.purpose.get("facilitator"), "changes": r.count,
                     "members": carries["members"], "include": carries["include"],
                     "member_fields": carries["member_fields"], "withheld": carries["withheld"]})
    print_rows(rows, [("file", "package"), ("role", "laptop"), ("group", "group"), ("facilitator", "facilitator"),
                      ("members", "members"), ("changes", "changes")], as_json=args.json)
    if not args.json:
        extra = ", ".join(sorted(include - {"former"})) or "nothing else"
        print(f"each package carries names, badge codes, cohort, status and term of its members; personal data "
              f"included: {extra}; former members: {'yes' if 'former' in include else 'no'}")
        withheld = results[0].purpose["carries"]["withheld"] if results else []
        if withheld:
            print("not in the packages: " + ", ".join(withheld))
    return EXIT_OK


def cmd_conflicts(args: argparse.Namespace) -> int:
    from facilitator_app.core.exchange.conflicts import list_conflicts

    with open_store(args) as store:
        rows = list_conflicts(store, include_resolved=args.all)
    print_rows(rows, [("id", "id"), ("tbl", "table"), ("label", "item"), ("field", "field"),
                      ("lost_value", "lost version"), ("device_name", "from"), ("resolved", "resolved")],
               as_json=args.json, fields=["id", "tbl", "row_id", "label", "field", "current_value", "kept_value",
                                          "lost_value", "device_name", "lost_at", "resolved"])
    return EXIT_OK
