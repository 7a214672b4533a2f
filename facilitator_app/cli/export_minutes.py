"""`facilitator-app export verbale PLENARY` and `export cycle`: the minutes and the cycle report.

    facilitator-app export verbale 3 --pdf verbale3.pdf --xlsx verbale3.xlsx [--public] [--db PATH]
    facilitator-app export cycle --pdf ciclo.pdf --xlsx ciclo.xlsx [--public] [--db PATH]

Either or both of --pdf/--xlsx. Files are written all-or-nothing (temporary
files renamed at the end): a failed export leaves no half file and no lone
half of a pair. Exit 2 with a message for an unknown plenary, a folder that
does not exist or cannot be written, or nothing asked.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from facilitator_app.cli.common import (
    EXIT_OK,
    CliError,
    add_db_option,
    export_jobs,
    open_store,
    require_plenary,
    write_files,
)


def register_export(esub: argparse._SubParsersAction) -> None:
    v = esub.add_parser("verbale", help="minutes (verbale) of a plenary: PDF and/or Excel, internal or public")
    v.add_argument("plenary", metavar="PLENARY", help="plenary number or id")
    _outputs(v, "the verbale")
    v.set_defaults(func=cmd_verbale)

    c = esub.add_parser("cycle", help="cycle report over a cycle's plenaries: attendance grid and recommendations")
    _outputs(c, "the cycle report")
    c.add_argument("--cycle", metavar="C", help="the cycle (e.g. 2024); default: the latest plenary's cycle")
    c.set_defaults(func=cmd_cycle)


def _outputs(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--pdf", type=Path, metavar="FILE", help=f"write {what} as PDF")
    p.add_argument("--xlsx", type=Path, metavar="FILE", help=f"write {what} as an Excel workbook")
    p.add_argument("--public", action="store_true",
                   help="public version: no citizen's personal data (names, authors, absences' reasons)")
    add_db_option(p)


def _print_results(jobs: list, results: list, what: str) -> None:
    for (path, _), result in zip(jobs, results):
        detail = f"{result} pages" if isinstance(result, int) else f"sheets: {', '.join(result)}"
        print(f"{what}: {path} ({detail})")


def cmd_verbale(args: argparse.Namespace) -> int:
    from facilitator_app.core.minutes.minutes import load_minutes
    from facilitator_app.core.notes.photos import photo_data
    from facilitator_app.exporters.verbale import render_verbale_pdf
    from facilitator_app.exporters.verbale_xlsx import render_verbale_xlsx

    with open_store(args) as store:
        plenary = require_plenary(store, args.plenary)
        jobs = export_jobs({  # targets checked before the minutes are read
            "--pdf": (args.pdf, lambda tmp: render_verbale_pdf(m, tmp, lambda pid: photo_data(store, pid))),
            "--xlsx": (args.xlsx, lambda tmp: render_verbale_xlsx(m, tmp))})
        m = load_minutes(store, plenary["id"], public=args.public)  # once for both files
        version = "public" if args.public else "internal"
        what = f"verbale ({version}) of plenary {plenary['number']}"
        _print_results(jobs, write_files(jobs, private=not args.public, audit=(store, what)), what)
        return EXIT_OK


def cmd_cycle(args: argparse.Namespace) -> int:
    from facilitator_app.core.minutes.cycle import load_cycle
    from facilitator_app.exporters.cycle import render_cycle_pdf, render_cycle_xlsx

    with open_store(args) as store:
        jobs = export_jobs({"--pdf": (args.pdf, lambda tmp: render_cycle_pdf(c, tmp)),
                            "--xlsx": (args.xlsx, lambda tmp: render_cycle_xlsx(c, tmp))})
        c = load_cycle(store, public=args.public, with_notes=bool(args.xlsx), cycle=args.cycle)
        if not c.plenaries:
            raise CliError(f"no plenaries of cycle {args.cycle} in this assembly file" if args.cycle
                           else "no plenaries in this assembly file yet")
        version = "public" if args.public else "internal"
        what = f"cycle report ({version}), {len(c.plenaries)} plenaries"
        _print_results(jobs, write_files(jobs, private=not args.public, audit=(store, what)), what)
        return EXIT_OK
