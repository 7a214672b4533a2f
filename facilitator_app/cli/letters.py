"""`facilitator-app letters ...`: messages to members, each in their language, as files to send.

    facilitator-app letters convocation PLENARY --pdf-dir DIR [--eml-dir DIR] [--sms FILE]
    facilitator-app letters reminder PLENARY --pdf-dir DIR [--eml-dir DIR] [--sms FILE]
    facilitator-app letters summary PLENARY --pdf-dir DIR [--eml-dir DIR] [--sms FILE]
    facilitator-app letters welcome (--cohort NAME | --member ID ...) --pdf-dir DIR [...]
    facilitator-app letters thanks (--cohort NAME | --member ID ...) --pdf-dir DIR [...]

Convocation and reminder go to the members in office on the plenary's day, the summary to
those who took part; --member (id or badge code, repeatable) and --cohort narrow any of
them. One PDF letter per member in DIR, one .eml draft per member with an e-mail address,
one CSV for the SMS gateway; nothing is sent. All files are written together or none.
Members whose language has no translation get Italian and are listed; so are members
without e-mail or phone, and translations still to be reviewed by a native speaker.
Exit 0 done, 1 done but some text messages were too long (left out), 2 nothing written.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from facilitator_app.cli.common import (
    EXIT_OK,
    EXIT_REJECTED,
    CliError,
    add_db_option,
    open_store,
    print_json,
    require_plenary,
)

NEEDS_PLENARY = ("convocation", "reminder", "summary")
HELP = {
    "convocation": "invitation to a plenary: date, times, venue, how to get there, what to bring, the agenda",
    "reminder": "reminder the day before a plenary",
    "summary": "after a plenary, to those who took part: what was done and decided",
    "welcome": "welcome to new members: the Assembly, the six-month term, the calendar, who to call",
    "thanks": "thank-you at the end of the term",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("letters", help="messages to members in their language: PDF letters, e-mails, SMS")
    sub = p.add_subparsers(dest="message", required=True, metavar="MESSAGE")
    for message, text in HELP.items():
        m = sub.add_parser(message, help=text, description=text)
        if message in NEEDS_PLENARY:
            m.add_argument("plenary", metavar="PLENARY", help="plenary number or id")
        m.add_argument("--pdf-dir", type=Path, required=True, metavar="DIR", help="one PDF letter per member here")
        m.add_argument("--eml-dir", type=Path, metavar="DIR",
                       help="one .eml e-mail draft per member with an address, the letter attached")
        m.add_argument("--sms", type=Path, metavar="FILE", help="CSV for the SMS gateway (phone, text, segments)")
        m.add_argument("--member", action="append", metavar="ID", default=[],
                       help="only this member (id or badge code); repeat for more")
        m.add_argument("--cohort", metavar="NAME", help="only the members of this cohort (name or id)")
        m.add_argument("--max-segments", type=int, default=3, metavar="N",
                       help="leave out a text message longer than N SMS (default 3)")
        m.add_argument("--json", action="store_true", help="print what was written as JSON")
        add_db_option(m)
        m.set_defaults(func=cmd_letters)


def _members(store: Any, keys: list[str]) -> list[str]:
    from facilitator_app.core.members.members import find_by_badge

    ids = []
    for key in keys:
        row = store.get("members", key) or find_by_badge(store, key)
        if row is None:
            raise CliError(f"no member with id or badge code '{key}'")
        ids.append(row["id"])
    return ids


def _cohort(store: Any, key: str | None) -> str | None:
    if not key:
        return None
    from facilitator_app.core.members.members import list_cohorts
    from facilitator_app.core.text import fold

    for c in list_cohorts(store):
        if key in (c["id"], c["name"]) or fold(key) == fold(c["name"]):
            return c["id"]
    raise CliError(f"no cohort '{key}'")


def _who(m: dict[str, Any]) -> str:
    return f"{m['surname']} {m['first_name']}".strip()


def cmd_letters(args: argparse.Namespace) -> int:
    from facilitator_app.core.errors import CoreError
    from facilitator_app.core.language.messages import prepare
    from facilitator_app.exporters.letters import write_letters

    if args.max_segments < 1:
        raise CliError("--max-segments must be at least 1")
    with open_store(args) as store:
        plenary = require_plenary(store, args.plenary) if args.message in NEEDS_PLENARY else None
        member_ids = _members(store, args.member) if args.member else None
        cohort_id = _cohort(store, args.cohort)
        if args.message not in NEEDS_PLENARY and not (member_ids or cohort_id):
            raise CliError(f"say who receives the {args.message} letters: --cohort NAME or --member ID")
        for folder in (args.pdf_dir, args.eml_dir):
            if folder is not None:
                if folder.exists() and not folder.is_dir():
                    raise CliError(f"{folder} is not a folder")
                folder.mkdir(parents=True, exist_ok=True)
        try:
            batch = prepare(store, args.message, plenary_id=plenary["id"] if plenary else None,
                            member_ids=member_ids, cohort_id=cohort_id)
            if not batch.letters:
                raise CliError(f"nobody to write to: no member matches for the {args.message}")
            result = write_letters(store, batch, args.pdf_dir, eml_dir=args.eml_dir, sms_path=args.sms,
                                   max_segments=args.max_segments)
        except OSError as exc:
            raise CliError(f"letters not written, nothing was written: {exc}") from exc
        except CoreError as exc:
            raise CliError(str(exc)) from exc
    code = EXIT_REJECTED if result.sms_too_long else EXIT_OK
    if args.json:
        pdfs = dict(zip((lt.member["id"] for lt in batch.letters), result.pdf_files))
        print_json({
            "message": args.message, "plenary": plenary["number"] if plenary else None,
            "letters": [{"id": lt.member["id"], "surname": lt.member["surname"], "first_name": lt.member["first_name"],
                         "language": lt.member.get("language") or "it", "text_language": lt.filled.language,
                         "fallback": lt.filled.fallback, "to_be_reviewed": lt.filled.review,
                         "pdf": str(pdfs.get(lt.member["id"], ""))} for lt in batch.letters],
            "eml_files": [str(p) for p in result.eml_files], "sms_rows": result.sms_rows,
            "no_email": [m["id"] for m in result.no_email] if args.eml_dir else [],
            "no_phone": [m["id"] for m in result.no_phone] if args.sms else [],
            "sms_too_long": [{"id": m["id"], "segments": n} for m, n in result.sms_too_long],
            "to_be_reviewed": sorted(batch.to_review)})
        return code
    what = f"{args.message}" + (f" of plenary {plenary['number']}" if plenary else "")
    langs = Counter(lt.filled.language for lt in batch.letters)
    print(f"{what}: {len(result.pdf_files)} letters in {args.pdf_dir} "
          f"({', '.join(f'{lang} {n}' for lang, n in langs.most_common())})")
    if args.eml_dir:
        print(f"e-mail drafts: {len(result.eml_files)} in {args.eml_dir} (open them in the mail client to send)")
        if result.no_email:
            print(f"  no e-mail address ({len(result.no_email)}): {', '.join(map(_who, result.no_email))}")
    if args.sms:
        print(f"text messages: {result.sms_rows} in {args.sms}")
        if result.no_phone:
            print(f"  no phone number ({len(result.no_phone)}): {', '.join(map(_who, result.no_phone))}")
        for m, n in result.sms_too_long:
            print(f"  left out, {n} SMS long (more than {args.max_segments}): {_who(m)}")
    if batch.fallbacks:
        print(f"in Italian, no translation in their language ({len(batch.fallbacks)}): "
              + ", ".join(f"{_who(m)} ({lang})" for m, lang in batch.fallbacks))
    if batch.to_review:
        print(f"translations still to be checked by a native speaker: {', '.join(sorted(batch.to_review))}")
    return code
