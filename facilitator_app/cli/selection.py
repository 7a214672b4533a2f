"""`facilitator-app selection pool import|list, quotas, check, run, verify, replace, confirm, report`
(invitations and further categories: cli/selection_extra.py)."""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path

from facilitator_app.cli.common import (
    EXIT_OK, EXIT_REJECTED, CliError, add_db_option, add_no_encryption_option, export_jobs, open_store, print_json, print_rows, write_files,
)
from facilitator_app.core.errors import CoreError

EXIT_UNEXPECTED = 3
POOL_FIELDS = ["id", "external_id", "gender", "age_band", "education", "citizenship", "municipio", "status",
               "language"]


def _guarded(fn):
    """Core errors as plain messages (exit 2, nothing written); anything else exit 3, never a traceback."""
    @functools.wraps(fn)
    def run(args: argparse.Namespace) -> int:
        try:
            return fn(args)
        except CliError:
            raise
        except CoreError as exc:
            raise CliError(str(exc)) from exc
        except Exception as exc:  # noqa: BLE001 - the user gets a sentence, not a traceback
            raise CliError(f"unexpected error, nothing was written: {exc.__class__.__name__}: {exc}",
                           EXIT_UNEXPECTED) from exc
    return run


def register(sub: argparse._SubParsersAction) -> None:
    sel = sub.add_parser("selection", help="selection by lot: pool, quotas, fair draw, verify, replace, report")
    ssub = sel.add_subparsers(dest="selection_command", metavar="ACTION", required=True)

    pool = ssub.add_parser("pool", help="the respondents: import, list")
    psub = pool.add_subparsers(dest="pool_command", metavar="ACTION", required=True)
    imp = psub.add_parser("import", help="import respondents from an .xlsx or .csv file")
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="show what would happen, write nothing")
    imp.add_argument("--sheet", help="sheet name of an .xlsx (default: the first)")
    imp.add_argument("--json", action="store_true")
    add_db_option(imp)
    add_no_encryption_option(imp)
    imp.set_defaults(func=_guarded(cmd_pool_import))
    lst = psub.add_parser("list", help="list respondents with their quota answers and status")
    lst.add_argument("--json", action="store_true")
    add_db_option(lst)
    lst.set_defaults(func=_guarded(cmd_pool_list))

    q = ssub.add_parser("quotas", help="quotas for a panel of K from the representativeness targets")
    q.add_argument("--panel", type=int, required=True, metavar="K")
    q.add_argument("--json", action="store_true")
    add_db_option(q)
    q.set_defaults(func=_guarded(cmd_quotas))

    chk = ssub.add_parser("check", help="can the quotas be met with this pool? if not, what to change")
    chk.add_argument("--rotation", action="store_true", help="with the members who continue")
    add_db_option(chk)
    chk.set_defaults(func=_guarded(cmd_check))

    run = ssub.add_parser("run", help="compute the fair lottery and draw the panel with a public seed")
    run.add_argument("--panel", type=int, required=True, metavar="K", help="size of the whole group in office")
    run.add_argument("--seed", required=True, help="the public random number announced for the draw")
    run.add_argument("--method", choices=("leximin", "maximin", "legacy"), default="leximin")
    run.add_argument("--rotation", action="store_true", help="draw the newcomers given the members who continue")
    run.add_argument("--seed-source", help="how the seed was obtained (e.g. lottery of 3 May, wheel of Milan)")
    run.add_argument("--witnesses", help="who witnessed the seed")
    run.add_argument("--json", action="store_true")
    add_db_option(run)
    run.set_defaults(func=_guarded(cmd_run))

    ver = ssub.add_parser("verify", help="redo the last draw from its published inputs and seed")
    ver.add_argument("--seed", help="the seed announced, to check against the one recorded")
    ver.add_argument("--run", help="a run id (default: the last)")
    add_db_option(ver)
    ver.set_defaults(func=_guarded(cmd_verify))

    rep = ssub.add_parser("replace", help="a member leaves: draw a replacement from the reserve")
    rep.add_argument("member", metavar="MEMBER", help="member id, badge code or external id")
    rep.add_argument("--seed", required=True)
    rep.add_argument("--json", action="store_true")
    add_db_option(rep)
    rep.set_defaults(func=_guarded(cmd_replace))

    con = ssub.add_parser("confirm", help="selected respondents who accepted become members (six-month term)")
    con.add_argument("respondents", metavar="ID", nargs="*", help="respondent ids (default: every selected one)")
    add_db_option(con)
    con.set_defaults(func=_guarded(cmd_confirm))

    rpt = ssub.add_parser("report", help="the public selection report (PDF, Italian, no names)")
    rpt.add_argument("--pdf", type=Path, required=True, metavar="FILE")
    rpt.add_argument("--xlsx", type=Path, metavar="FILE")
    add_db_option(rpt)
    rpt.set_defaults(func=_guarded(cmd_report))

    from facilitator_app.cli import selection_extra

    selection_extra.register(ssub, _guarded)
    selection_extra.register_announce(ssub, _guarded)


def cmd_pool_import(args: argparse.Namespace) -> int:
    from facilitator_app.importers.pool import apply_pool_import, plan_pool_import

    with open_store(args, must_exist=False) as store:
        plan = plan_pool_import(store, args.file, sheet=args.sheet)
        counts = plan.counts() if args.dry_run else apply_pool_import(store, plan)
    issues = [*plan.rejected, *plan.duplicates]
    if args.json:
        print_json({"file": str(args.file), "dry_run": args.dry_run, "sheet": plan.sheet,
                    "other_sheets_not_read": plan.other_sheets, "columns": plan.columns,
                    "unmapped": plan.unmapped, "kept_as_extra": plan.extra, "counts": counts,
                    "issues": [{"row": i.row, "column": i.column, "code": i.code, "value": i.value,
                                "message": i.message} for i in issues]})
    else:
        for i in sorted(issues, key=lambda i: i.row):
            print(i.message, file=sys.stderr)
        verb = "would import" if args.dry_run else "imported"
        print(f"{verb} {args.file.name}: {counts['rows']} rows: {counts['create']} new, {counts['update']} updated, "
              f"{counts['unchanged']} unchanged, {counts['rejected']} rejected, {counts['duplicates']} duplicates, "
              f"{counts['empty']} empty")
        if plan.extra:
            print(f"other columns kept (they can become quota categories: selection category add NAME): "
                  f"{', '.join(plan.extra)}")
        if unused := [c for c in plan.unmapped if c not in plan.extra]:
            print(f"columns not used: {', '.join(unused)}")
        if plan.other_sheets:
            print(f"sheets not read: {', '.join(plan.other_sheets)}")
        if args.dry_run:
            print("dry run: nothing was written")
    return EXIT_REJECTED if plan.rejected or plan.duplicates else EXIT_OK


def cmd_pool_list(args: argparse.Namespace) -> int:
    from facilitator_app.core.selection.records import list_pool

    import json

    from facilitator_app.core.selection.categories import categories

    with open_store(args) as store:
        rows = list_pool(store)
        keys = list(categories(store))
    for r in rows:
        r["municipio"] = None if r["municipio"] is None else str(r["municipio"])
        extra = json.loads(r["extra"]) if r.get("extra") else {}
        r.update({k: extra.get(k) for k in keys})  # the further categories' answers
    print_rows(rows, [("external_id", "id"), ("gender", "gender"), ("age_band", "age"), ("education", "education"),
                      ("citizenship", "citizenship"), ("municipio", "mun."), ("status", "status")],
               as_json=args.json, fields=POOL_FIELDS + keys, count="respondents")
    return EXIT_OK


def _quota_rows(q) -> list[dict]:
    return [{"field": f, "value": v, "min": r.min, "max": r.max} for f, v, r in q.pairs()]


def cmd_quotas(args: argparse.Namespace) -> int:
    from facilitator_app.core.selection.model import quota_problems
    from facilitator_app.core.selection.records import current_quotas, save_quotas

    with open_store(args) as store:
        q = current_quotas(store, args.panel)
        problems = quota_problems(q)
        if problems:
            raise CliError("; ".join(p.message for p in problems))
        save_quotas(store, q)
    if args.json:
        print_json({"panel": q.panel, "quotas": _quota_rows(q)})
    else:
        print_rows(_quota_rows(q), [("field", "field"), ("value", "value"), ("min", "min"), ("max", "max")],
                   as_json=False)
        print(f"quotas for a panel of {q.panel} saved")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from facilitator_app.core.selection.engine import check
    from facilitator_app.core.selection.records import DRAWABLE, current_quotas, list_pool, to_engine
    from facilitator_app.core.selection.runs import continuing_members

    with open_store(args) as store:
        q = current_quotas(store)
        pool = to_engine(list_pool(store, DRAWABLE))
        fixed = continuing_members(store) if args.rotation else []
    feas = check(pool, q, fixed)
    print(feas.text())
    print(f"({len(pool)} respondents, panel of {q.panel}, checked in {feas.seconds:.2f} s)")
    if not feas.ok:
        raise CliError("the quotas cannot be met as they are")
    return EXIT_OK


def _selection_json(sel, run_id: str) -> dict:
    return {"run_id": run_id, "method": sel.method, "method_text": sel.method_text, "seed": sel.seed,
            "u": sel.u, "inputs_digest": sel.digest, "selected": sel.selected, "continuing": sel.fixed,
            "respondents": [{"id": rid, "probability": p} for rid, p in sorted(sel.probabilities().items())]}


def _print_selection(sel, run_id: str, source: dict | None = None) -> None:
    chances = [p for p in sel.probabilities().values() if p is not None]
    print(f"method: {sel.method_text}")
    print(f"seed: {sel.seed!r} -> u = {sel.u:.12f}; panel {sel.panel_index + 1} of {len(sel.lottery.panels)} "
          f"in the lottery")
    if chances:
        print(f"chances: min {min(chances):.4f}, max {max(chances):.4f}, sum {sum(chances):.3f}")
    print(f"selected {len(sel.selected)}: {', '.join(sel.selected)}")
    if source and source.get("seed_source"):
        print(f"seed source: {source['seed_source']}"
              + (f" (announced on {source['announced_at'][:10]})" if source.get("announced_at") else " (not announced)"))
    print(f"recorded as run {run_id} (inputs digest {sel.digest})")


def cmd_run(args: argparse.Namespace) -> int:
    from facilitator_app.core.selection.runs import run_selection

    with open_store(args) as store:
        res = run_selection(store, args.panel, args.seed, args.method, rotation=args.rotation,
                            seed_source=args.seed_source, witnesses=args.witnesses)
        source = _source(store, res.run_id)
    if args.json:
        print_json({**_selection_json(res.selection, res.run_id), **source})
    else:
        _print_selection(res.selection, res.run_id, source)
    return EXIT_OK


def _source(store, run_id: str) -> dict:
    """The seed's source recorded with the run and, when it was announced, when."""
    import json

    run = store.get("selection_runs", run_id)
    ann = json.loads(run["announcement"]) if run.get("announcement") else None
    return {"seed_source": run.get("seed_source"), "announced_at": ann["announced_at"] if ann else None}


def cmd_verify(args: argparse.Namespace) -> int:
    from facilitator_app.core.selection.runs import verify

    with open_store(args) as store:
        v = verify(store, args.run, args.seed)
    for line in v.lines:
        print(line)
    if not v.same:
        raise CliError("verification failed: see above", EXIT_REJECTED)
    return EXIT_OK


def _member_id(store, key: str) -> str:
    rows = store.select("members", "id = ? OR badge_code = ? OR external_id = ?", (key, key.upper(), key))
    if len(rows) != 1:
        raise CliError(f"no member {key!r} (give the member's id, badge code or external id)"
                       if not rows else f"{key!r} names {len(rows)} members: give the member's id")
    return rows[0]["id"]


def cmd_replace(args: argparse.Namespace) -> int:
    from facilitator_app.core.selection.runs import replace_member

    with open_store(args) as store:
        res = replace_member(store, _member_id(store, args.member), args.seed)
        source = _source(store, res.run_id)
    if args.json:
        print_json({**_selection_json(res.selection, res.run_id), **source})
    else:
        _print_selection(res.selection, res.run_id, source)
    return EXIT_OK


def cmd_confirm(args: argparse.Namespace) -> int:
    from facilitator_app.core.selection.runs import confirm

    with open_store(args) as store:
        ids = args.respondents or [r["id"] for r in store.select("respondents", "status = 'selected'")]
        created = confirm(store, ids)
    print(f"{len(created)} members added (six-month term)")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from facilitator_app.exporters.selection_report import report_data, write_pdf, write_xlsx

    with open_store(args) as store:
        data = report_data(store)
    jobs = export_jobs({"--pdf": (args.pdf, lambda p: write_pdf(data, p)),
                        "--xlsx": (args.xlsx, lambda p: write_xlsx(data, p))})
    write_files(jobs)
    print(f"report written: {', '.join(str(j[0]) for j in jobs)}")
    return EXIT_OK
