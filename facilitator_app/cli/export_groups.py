"""`facilitator-app export rosters PLENARY --pdf FILE [--poster FILE]`: the groups' printables."""

from __future__ import annotations

import argparse
from pathlib import Path

from facilitator_app.cli.common import EXIT_OK, CliError, add_db_option, export_jobs, open_store, write_files


def register_export(esub: argparse._SubParsersAction) -> None:
    p = esub.add_parser("rosters", help="group rosters for facilitators (PDF, internal) and the entrance poster")
    p.add_argument("plenary", metavar="PLENARY", help="plenary number or id")
    p.add_argument("--pdf", type=Path, metavar="FILE", help="rosters: one page per group (internal: personal data)")
    p.add_argument("--poster", type=Path, metavar="FILE", help="poster: surnames A-Z with group and room")
    p.add_argument("--size", choices=("A3", "A4"), default="A3", help="poster paper size (default A3)")
    p.add_argument("--session", metavar="S", help="groups of one session (default: whole-day groups)")
    add_db_option(p)
    p.set_defaults(func=cmd_rosters)


def cmd_rosters(args: argparse.Namespace) -> int:
    from facilitator_app.cli.groups import resolve
    from facilitator_app.exporters.rosters import build_poster, build_rosters

    if not args.pdf and not args.poster:
        raise CliError("nothing to export: pass --pdf FILE and/or --poster FILE")
    with open_store(args) as store:
        plenary, session_id = resolve(store, args)
        jobs = export_jobs({
            "--pdf": (args.pdf, lambda tmp: build_rosters(store, plenary["id"], tmp, session_id)),
            "--poster": (args.poster, lambda tmp: build_poster(store, plenary["id"], tmp, session_id, size=args.size)),
        })
        pages = iter(write_files(jobs, audit=(store, f"group rosters of plenary {plenary['number']}")))
        if args.pdf:
            print(f"rosters: {args.pdf} ({next(pages)} pages)")
        if args.poster:
            print(f"poster: {args.poster} ({next(pages)} pages, {args.size})")
        return EXIT_OK
