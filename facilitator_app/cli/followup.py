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
from contextlib import contextmanager

from facilitator_app.cli.common import EXIT_OK, CliError, add_db_option, open_store, print_json, print_rows
from facilitator_app.core.followup.fields import ANSWER_IT, ANSWER_KINDS, PROGRESS, PROGRESS_IT, FollowupError


def _arg(*flags: str, **kw) -> tuple[tuple[str, ...], dict]:
    return flags, kw


REC = _arg("rec", metavar="REC", help="code (2023-R3) or id")


def _date(help: str, required: bool = False) -> tuple[tuple[str, ...], dict]:
    return _arg("--date", metavar="D", help=help, **({"required": True} if required else {}))


def _add(parent: argparse._SubParsersAction, name: str, help: str, func, *args: tuple[tuple[str, ...], dict]) -> None:
    """One subcommand: its arguments in order, then --db (and --passphrase-file), then what it runs."""
    cmd = parent.add_parser(name, help=help)
    for flags, kw in args:
        cmd.add_argument(*flags, **kw)
    add_db_option(cmd)
    cmd.set_defaults(func=func)


def register(sub: argparse._SubParsersAction) -> None:
    rec = sub.add_parser("recommendations", help="approved recommendations: sending, the Comune's answer, monitoring")
    rsub = rec.add_subparsers(dest="rec_command", metavar="ACTION", required=True)
    as_json = _arg("--json", action="store_true", help="print JSON")
    _add(rsub, "list", "every approved recommendation with its answer and progress, overdue first", cmd_list,
         _arg("--cycle", metavar="C", help="only this cycle (e.g. 2023)"), as_json)
    _add(rsub, "send", "record that a recommendation was sent to the Comune", cmd_send,
         REC, _date("date sent (2024-10-20 or 20/10/2024)", required=True),
         _arg("--to", required=True, metavar="WHOM", help="to whom (e.g. Giunta comunale)"),
         _arg("--protocol", metavar="P", help="protocol number"))
    _add(rsub, "answer", "record the Comune's answer and the act that states it", cmd_answer,
         REC, _arg("--kind", required=True, choices=ANSWER_KINDS),
         _arg("--text", required=True, metavar="T", help="the text of the answer"),
         _arg("--act", metavar="ACT", help='the act: type and number, e.g. "DG 123/2024"'),
         _date("date of the answer (default today)"),
         _arg("--act-link", metavar="URL", help="web address of the act"),
         _arg("--act-pdf", metavar="FILE", help="the act as a PDF, kept in the assembly file"),
         _arg("--responsible", metavar="OFFICE", help="responsible Direzione or Assessorato"))
    _add(rsub, "progress", "add a dated progress update (civic monitoring)", cmd_progress,
         REC, _arg("--status", required=True, choices=PROGRESS),
         _arg("--note", required=True, metavar="T", help="what happened"),
         _date("date of the update (default today)"),
         _arg("--link", metavar="URL", help="web address of the evidence"),
         _arg("--evidence", metavar="FILE", help="evidence file (PDF, PNG, JPEG)"),
         _arg("--actions", metavar="CODES", help="Plan actions it concerns, comma-separated (2.2.3,4.2.2)"))
    _add(rsub, "cycle", "define a cycle and the months the Comune has to answer its recommendations", cmd_cycle,
         _arg("cycle", metavar="C", help="the cycle's key, e.g. 2023"),
         _arg("--months", required=True, metavar="N", help="months from the sending to the answer's due date"),
         _arg("--from", dest="starts_on", metavar="D", help="the cycle's first day (with --to)"),
         _arg("--to", dest="ends_on", metavar="D", help="the cycle's last day (with --from)"),
         _arg("--name", metavar="NAME", help="a name, e.g. 'Primo ciclo'"))

    imp = sub.add_parser("import", help="import files from other platforms")
    isub = imp.add_subparsers(dest="import_command", metavar="KIND", required=True)
    _add(isub, "decidim", "link recommendations to a Milano Partecipa (Decidim) proposals export "
                          "and take in the published states and answers", cmd_import_decidim,
         _arg("file", metavar="FILE", help="Decidim proposals export (.csv, .json or .xlsx)"),
         _arg("--dry-run", action="store_true", help="show what would change, write nothing"),
         _arg("--json", action="store_true", help="print the preview as JSON"))


@contextmanager
def _refused():
    """A core refusal as the command line's: its message, exit 2, nothing written."""
    try:
        yield
    except FollowupError as exc:
        raise CliError(str(exc)) from exc


@contextmanager
def _on_rec(args: argparse.Namespace):
    """(store, the REC's board row) for a command on one recommendation."""
    from facilitator_app.core.followup.board import load_board, resolve_rec

    with open_store(args) as store, _refused():
        yield store, resolve_rec(load_board(store), args.rec)


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

    with _on_rec(args) as (store, row):
        changed = record_sending(store, row.id, args.date, args.to, args.protocol)
        print(f"{row.code}: sending recorded" if changed else f"{row.code}: already recorded, nothing changed")
        return EXIT_OK


def cmd_answer(args: argparse.Namespace) -> int:
    from facilitator_app.core.followup.actions import record_answer
    from facilitator_app.core.followup.files import read_attachment

    with _on_rec(args) as (store, row):
        pdf = read_attachment(args.act_pdf, pdf_only=True) if args.act_pdf else None
        changed = record_answer(store, row.id, args.kind, args.text, answer_on=args.date, act=args.act,
                                act_link=args.act_link, act_file=pdf, responsible=args.responsible)
        act = f", act {args.act}" if args.act else ""
        print(f"{row.code}: answer recorded ({args.kind}{act})" if changed
              else f"{row.code}: the same answer was already recorded, nothing changed")
        return EXIT_OK


def cmd_progress(args: argparse.Namespace) -> int:
    from facilitator_app.core.followup.actions import add_update
    from facilitator_app.core.followup.files import read_attachment

    with _on_rec(args) as (store, row):
        codes = [c.strip() for c in (args.actions or "").split(",") if c.strip()] or None
        evidence = read_attachment(args.evidence) if args.evidence else None
        add_update(store, row.id, args.status, args.note, on_date=args.date, evidence_link=args.link,
                   evidence_file=evidence, plan_actions=codes)
        print(f"{row.code}: progress update recorded ({args.status})")
        return EXIT_OK


def cmd_cycle(args: argparse.Namespace) -> int:
    from facilitator_app.core.followup.cycles import cycles, set_cycle

    with open_store(args) as store, _refused():
        current = next((c for c in cycles(store) if c["key"] == args.cycle.strip()), {})
        set_cycle(store, args.cycle, name=args.name if args.name is not None else current.get("name"),
                  starts_on=args.starts_on if args.starts_on is not None else current.get("starts_on"),
                  ends_on=args.ends_on if args.ends_on is not None else current.get("ends_on"),
                  answer_months=args.months)
        print(f"cycle {args.cycle.strip()}: the Comune answers within {int(args.months)} months of the sending")
        return EXIT_OK


def cmd_import_decidim(args: argparse.Namespace) -> int:
    from facilitator_app.core.followup.decidim import apply_import, plan_import
    from facilitator_app.core.followup.decidim_io import read_records

    with open_store(args) as store:
        with _refused():
            header, records = read_records(args.file)
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
