"""`facilitator-app export decidim|ics|monitoring`: the follow-up's files.

    facilitator-app export decidim --out FILE [--format csv|json|xlsx] [--answers] [--cycle C]
    facilitator-app export ics --out FILE
    facilitator-app export monitoring --pdf FILE --xlsx FILE [--public] [--cycle C]

`export decidim` writes the approved recommendations as a Decidim proposals import, or with
--answers the Comune's answers as a Decidim answers import (proposals linked to Milano Partecipa
only). The format comes from --format, else from the file's extension. Files are written
all-or-nothing; exit 2 with a message when nothing can be written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from facilitator_app.cli.common import EXIT_OK, CliError, add_db_option, export_jobs, open_store, write_files


def register_export(esub: argparse._SubParsersAction) -> None:
    d = esub.add_parser("decidim", help="approved recommendations (or, with --answers, the Comune's answers) for "
                                        "Milano Partecipa")
    d.add_argument("--out", required=True, type=Path, metavar="FILE")
    d.add_argument("--format", choices=("csv", "json", "xlsx"), help="default: from the file's extension, else csv")
    d.add_argument("--answers", action="store_true", help="the answers import (id, state, answer/it)")
    d.add_argument("--cycle", metavar="C", help="only this cycle")
    add_db_option(d)
    d.set_defaults(func=cmd_decidim)

    i = esub.add_parser("ics", help="the plenaries as an iCalendar file (.ics) for the public calendar")
    i.add_argument("--out", required=True, type=Path, metavar="FILE")
    add_db_option(i)
    i.set_defaults(func=cmd_ics)

    m = esub.add_parser("monitoring", help="civic monitoring report: every recommendation, answer, act, progress")
    m.add_argument("--pdf", type=Path, metavar="FILE", help="write the report as PDF")
    m.add_argument("--xlsx", type=Path, metavar="FILE", help="write the report as an Excel workbook")
    m.add_argument("--public", action="store_true", help="public version: without who followed each one up")
    m.add_argument("--cycle", metavar="C", help="one cycle (default: the whole mandate)")
    add_db_option(m)
    m.set_defaults(func=cmd_monitoring)


def _rows_of_cycle(store, cycle: str | None):
    from facilitator_app.core.followup.board import load_board

    rows = load_board(store)
    if cycle is None:
        return rows
    known = sorted({r.cycle for r in rows})
    if cycle.strip() not in known:
        raise CliError(f"no cycle {cycle!r} (cycles: {', '.join(known) or 'none yet'})")
    return [r for r in rows if r.cycle == cycle.strip()]


def cmd_decidim(args: argparse.Namespace) -> int:
    from facilitator_app.core.followup.decidim import answer_rows, proposal_rows, state_map
    from facilitator_app.exporters.decidim import write_rows

    fmt = args.format or (args.out.suffix.lstrip(".").lower() if args.out.suffix.lstrip(".").lower() in
                          ("csv", "json", "xlsx") else "csv")
    with open_store(args) as store:
        rows = sorted(_rows_of_cycle(store, args.cycle), key=lambda r: (r.plenary_date, r.number))
        if args.answers:
            header, out = answer_rows(rows, state_map(store))
            if not out:
                raise CliError("no answer to export: record the Comune's answers and link the recommendations to "
                               "Milano Partecipa first (import decidim)")
        else:
            header, out = proposal_rows(rows)
            if not out:
                raise CliError("no approved recommendation to export")
        jobs = export_jobs({"--out": (args.out, lambda tmp: write_rows(header, out, tmp, fmt,
                                                                        sheet="Risposte" if args.answers else
                                                                        "Proposte"))})
        write_files(jobs)
        what = "answers" if args.answers else "proposals"
        print(f"Decidim {what} import ({fmt}): {args.out} ({len(out)} rows)")
        return EXIT_OK


def cmd_ics(args: argparse.Namespace) -> int:
    from facilitator_app.core.followup.ical import calendar_text, event_count

    with open_store(args) as store:
        text = calendar_text(store)
        if not event_count(text):
            raise CliError("no plenaries in this assembly file yet")
        jobs = export_jobs({"--out": (args.out, lambda tmp: Path(tmp).write_bytes(text.encode("utf-8")))})
        write_files(jobs)
        print(f"calendar: {args.out} ({event_count(text)} events)")
        return EXIT_OK


def cmd_monitoring(args: argparse.Namespace) -> int:
    from facilitator_app.core.followup.monitoring import load_monitoring
    from facilitator_app.exporters.monitoring import render_monitoring_pdf, render_monitoring_xlsx

    with open_store(args) as store:
        if args.cycle is not None:
            _rows_of_cycle(store, args.cycle)
        jobs = export_jobs({"--pdf": (args.pdf, lambda tmp: render_monitoring_pdf(m, tmp)),
                            "--xlsx": (args.xlsx, lambda tmp: render_monitoring_xlsx(m, tmp))})
        m = load_monitoring(store, public=args.public, cycle=args.cycle)
        if not m.rows:
            raise CliError("no approved recommendation to report on")
        results = write_files(jobs)
        version = "public" if args.public else "internal"
        for (path, _), result in zip(jobs, results):
            detail = f"{result} pages" if isinstance(result, int) else f"sheets: {', '.join(result)}"
            print(f"monitoring report ({version}): {path} ({detail})")
        return EXIT_OK
