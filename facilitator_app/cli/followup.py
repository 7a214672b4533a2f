"""`facilitator-app recommendations ...` and `import decidim`: the follow-up after the vote.

    facilitator-app recommendations list [--cycle C] [--json]
    facilitator-app recommendations send REC --date D --to WHOM [--protocol P]
    facilitator-app recommendations answer REC --kind accepted|partly|rejected|evaluating --text T
                                           [--act "DG 123/2024"] [--date D] [--act-link URL] [--act-pdf FILE]
                                           [--responsible OFFICE]
    facilitator-app recommendations progress REC --status not_started|in_progress|done|abandoned --note T
                                             [--date D] [--link URL] [--evidence FILE] [--actions 2.2.3,4.2.2]
    facilitator-app recommendations cycle C --months N [--from D --to D] [--name NAME]
    facilitator-app import decidim FILE [--dry-run] [--json]

REC is a recommendation's code as `recommendations list` shows it (2023-R3) or its id. Exit 0 done,
2 nothing written (unknown recommendation, bad value, a Decidim file refused: every problem is
listed by row).
"""

from __future__ import annotations

import argparse
import sys

from facilitator_app.cli.common import EXIT_OK, CliError, add_db_option, open_store, print_json, print_rows
from facilitator_app.core.followup.fields import ANSWER_IT, ANSWER_KINDS, PROGRESS, PROGRESS_IT, FollowupError


def register(sub: argparse._SubParsersAction) -> None:
    rec = sub.add_parser("recommendations", help="approved recommendations: sending, the Comune's answer, monitoring")
    rsub = rec.add_subparsers(dest="rec_command", metavar="ACTION", required=True)

    ls = rsub.add_parser("list", help="every approved recommendation with its answer and progress, overdue first")
    ls.add_argument("--cycle", metavar="C", help="only this cycle (e.g. 2023)")
    ls.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(ls)
    ls.set_defaults(func=cmd_list)

    send = rsub.add_parser("send", help="record that a recommendation was sent to the Comune")
    send.add_argument("rec", metavar="REC", help="code (2023-R3) or id")
    send.add_argument("--date", required=True, metavar="D", help="date sent (2024-10-20 or 20/10/2024)")
    send.add_argument("--to", required=True, metavar="WHOM", help="to whom (e.g. Giunta comunale)")
    send.add_argument("--protocol", metavar="P", help="protocol number")
    add_db_option(send)
    send.set_defaults(func=cmd_send)

    ans = rsub.add_parser("answer", help="record the Comune's answer and the act that states it")
    ans.add_argument("rec", metavar="REC", help="code (2023-R3) or id")
    ans.add_argument("--kind", required=True, choices=ANSWER_KINDS)
    ans.add_argument("--text", required=True, metavar="T", help="the text of the answer")
    ans.add_argument("--act", metavar="ACT", help='the act: type and number, e.g. "DG 123/2024"')
    ans.add_argument("--date", metavar="D", help="date of the answer (default today)")
    ans.add_argument("--act-link", metavar="URL", help="web address of the act")
    ans.add_argument("--act-pdf", metavar="FILE", help="the act as a PDF, kept in the assembly file")
    ans.add_argument("--responsible", metavar="OFFICE", help="responsible Direzione or Assessorato")
    add_db_option(ans)
    ans.set_defaults(func=cmd_answer)

    prog = rsub.add_parser("progress", help="add a dated progress update (civic monitoring)")
    prog.add_argument("rec", metavar="REC", help="code (2023-R3) or id")
    prog.add_argument("--status", required=True, choices=PROGRESS)
    prog.add_argument("--note", required=True, metavar="T", help="what happened")
    prog.add_argument("--date", metavar="D", help="date of the update (default today)")
    prog.add_argument("--link", metavar="URL", help="web address of the evidence")
    prog.add_argument("--evidence", metavar="FILE", help="evidence file (PDF, PNG, JPEG)")
    prog.add_argument("--actions", metavar="CODES", help="Plan actions it concerns, comma-separated (2.2.3,4.2.2)")
    add_db_option(prog)
    prog.set_defaults(func=cmd_progress)

    cyc = rsub.add_parser("cycle", help="define a cycle and the months the Comune has to answer its recommendations")
    cyc.add_argument("cycle", metavar="C", help="the cycle's key, e.g. 2023")
    cyc.add_argument("--months", required=True, metavar="N", help="months from the sending to the answer's due date")
    cyc.add_argument("--from", dest="starts_on", metavar="D", help="the cycle's first day (with --to)")
    cyc.add_argument("--to", dest="ends_on", metavar="D", help="the cycle's last day (with --from)")
    cyc.add_argument("--name", metavar="NAME", help="a name, e.g. 'Primo ciclo'")
    add_db_option(cyc)
    cyc.set_defaults(func=cmd_cycle)

    imp = sub.add_parser("import", help="import files from other platforms")
    isub = imp.add_subparsers(dest="import_command", metavar="KIND", required=True)
    dec = isub.add_parser("decidim", help="link recommendations to a Milano Partecipa (Decidim) proposals export "
                                          "and take in the published states and answers")
    dec.add_argument("file", metavar="FILE", help="Decidim proposals export (.csv, .json or .xlsx)")
    dec.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    dec.add_argument("--json", action="store_true", help="print the preview as JSON")
    add_db_option(dec)
    dec.set_defaults(func=cmd_import_decidim)


def _fail(exc: FollowupError) -> CliError:
    return CliError(str(exc))


def _rec(store, key):
    from facilitator_app.core.followup.board import load_board, resolve_rec

    try:
        return resolve_rec(load_board(store), key)
    except FollowupError as exc:
        raise _fail(exc) from exc


def cmd_list(args: argparse.Namespace) -> int:
    from facilitator_app.core.followup.board import load_board

    with open_store(args) as store:
        rows = load_board(store)
        if args.cycle is not None:
            known = sorted({r.cycle for r in rows})
            rows = [r for r in rows if r.cycle == args.cycle.strip()]
            if not rows and args.cycle.strip() not in known:
                raise CliError(f"no cycle {args.cycle!r} (cycles: {', '.join(known) or 'none yet'})")
        if args.json:
            print_json([r.as_json() for r in rows])
            return EXIT_OK
        table = [{"code": r.code, "title": r.title if len(r.title) <= 48 else r.title[:47] + "…",
                  "answer": ANSWER_IT[r.answer_kind], "act": r.act, "due": r.due_on,
                  "late": f"OVERDUE {r.days_overdue} d" if r.overdue else "",
                  "progress": PROGRESS_IT[r.progress] if r.progress else ""} for r in rows]
        print_rows(table, [("code", "code"), ("title", "title"), ("answer", "answer"), ("act", "act"),
                           ("due", "answer due"), ("late", ""), ("progress", "progress")],
                   as_json=False, count="recommendations")
        return EXIT_OK


def cmd_send(args: argparse.Namespace) -> int:
    from facilitator_app.core.followup.actions import record_sending

    with open_store(args) as store:
        row = _rec(store, args.rec)
        try:
            changed = record_sending(store, row.id, args.date, args.to, args.protocol)
        except FollowupError as exc:
            raise _fail(exc) from exc
        print(f"{row.code}: sending recorded" if changed else f"{row.code}: already recorded, nothing changed")
        return EXIT_OK


def cmd_answer(args: argparse.Namespace) -> int:
    from facilitator_app.core.followup.actions import record_answer
    from facilitator_app.core.followup.files import read_attachment

    with open_store(args) as store:
        row = _rec(store, args.rec)
        try:
            pdf = read_attachment(args.act_pdf, pdf_only=True) if args.act_pdf else None
            changed = record_answer(store, row.id, args.kind, args.text, answer_on=args.date, act=args.act,
                                    act_link=args.act_link, act_file=pdf, responsible=args.responsible)
        except FollowupError as exc:
            raise _fail(exc) from exc
        act = f", act {args.act}" if args.act else ""
        print(f"{row.code}: answer recorded ({args.kind}{act})" if changed
              else f"{row.code}: the same answer was already recorded, nothing changed")
        return EXIT_OK


def cmd_progress(args: argparse.Namespace) -> int:
    from facilitator_app.core.followup.actions import add_update
    from facilitator_app.core.followup.files import read_attachment

    with open_store(args) as store:
        row = _rec(store, args.rec)
        codes = [c.strip() for c in (args.actions or "").split(",") if c.strip()] or None
        try:
            evidence = read_attachment(args.evidence) if args.evidence else None
            add_update(store, row.id, args.status, args.note, on_date=args.date, evidence_link=args.link,
                       evidence_file=evidence, plan_actions=codes)
        except FollowupError as exc:
            raise _fail(exc) from exc
        print(f"{row.code}: progress update recorded ({args.status})")
        return EXIT_OK


def cmd_cycle(args: argparse.Namespace) -> int:
    from facilitator_app.core.followup.cycles import cycles, set_cycle

    with open_store(args) as store:
        current = next((c for c in cycles(store) if c["key"] == args.cycle.strip()), {})
        try:
            set_cycle(store, args.cycle, name=args.name if args.name is not None else current.get("name"),
                      starts_on=args.starts_on if args.starts_on is not None else current.get("starts_on"),
                      ends_on=args.ends_on if args.ends_on is not None else current.get("ends_on"),
                      answer_months=args.months)
        except FollowupError as exc:
            raise _fail(exc) from exc
        print(f"cycle {args.cycle.strip()}: the Comune answers within {int(args.months)} months of the sending")
        return EXIT_OK


def cmd_import_decidim(args: argparse.Namespace) -> int:
    from facilitator_app.core.followup.decidim import apply_import, plan_import
    from facilitator_app.core.followup.decidim_io import read_records

    with open_store(args) as store:
        try:
            header, records = read_records(args.file)
        except FollowupError as exc:
            raise _fail(exc) from exc
        plan = plan_import(store, header, records)
        if args.json:
            print_json(plan.to_json())
        else:
            _print_plan(plan)
        if not plan.ok:
            raise CliError(f"{len(plan.problems)} problem(s) in {args.file}: nothing imported")
        if args.dry_run:
            if not args.json:
                print("dry run: nothing written")
            return EXIT_OK
        count = apply_import(store, plan)
        if not args.json:
            print(f"{count} recommendations updated from {args.file}")
        return EXIT_OK


def _print_plan(plan) -> None:
    for c in plan.changes:
        what = ", ".join(f"{k} = {str(v)[:40]!r}" for k, v in c.changed.items()) or "no change"
        print(f"row {c.row}: {c.code} “{c.title[:40]}” ← proposal {c.decidim_id}: {what}")
        for note in c.notes:
            print(f"    note: {note}")
    for p in plan.problems:
        print(f"{'file' if p.row is None else f'row {p.row}'}: {p.message}", file=sys.stderr)
