"""`member erase`, `retention list|apply`, `audit list`, `backup list|restore|create`.

    member erase MEMBER_ID [--yes]          erase a member's personal data everywhere (asks first)
    retention list [--months N]             former members whose data is past the retention period
    retention apply [--months N]            erase them all, with a report
    audit list [--json] [--csv FILE]        who exported, printed or packaged personal data
    backup list [--json]                    this file's automatic backups, newest first
    backup restore BACKUP --out FILE        a backup into a new file, checked
    backup create                           a backup now
"""

from __future__ import annotations

import argparse
import sys

from facilitator_app.cli.common import (EXIT_OK, CliError, add_db_option, core_errors, db_path, open_store,
                                        passphrase, print_report, print_rows)


def _command(sub: argparse._SubParsersAction, name: str, func, text: str, json_help: str | None = None
             ) -> argparse.ArgumentParser:
    """One subcommand: its help, --json when it prints something machine-readable, --db and the passphrase."""
    p = sub.add_parser(name, help=text)
    if json_help:
        p.add_argument("--json", action="store_true", help=json_help)
    add_db_option(p)
    p.set_defaults(func=func)
    return p


def register(sub: argparse._SubParsersAction) -> None:
    member = sub.add_parser("member", help="one member's personal data (right to erasure)")
    msub = member.add_subparsers(dest="member_command", metavar="ACTION", required=True)
    erase = _command(msub, "erase", cmd_erase, "erase the member's personal data here, in the log, in packages to "
                     "come and, through the next packages, on the other laptops", "machine-readable report")
    erase.add_argument("member_id", metavar="MEMBER_ID")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    ret = sub.add_parser("retention", help="former members' personal data kept N months after their term")
    rsub = ret.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    for name, func, text in (("list", cmd_retention_list, "who is due for erasure"),
                             ("apply", cmd_retention_apply, "erase everyone due, with a report")):
        _command(rsub, name, func, text, "machine-readable output").add_argument(
            "--months", type=int, metavar="N",
            help="months after the end of the term (default: the assembly's setting, 12)")

    audit = sub.add_parser("audit", help="the audit log of exports, printouts and packages")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    _command(asub, "list", cmd_audit_list, "every entry, newest first", "machine-readable output").add_argument(
        "--csv", metavar="FILE", help="also write the log to a CSV file")

    backup = sub.add_parser("backup", help="automatic encrypted backups of the assembly file")
    bsub = backup.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    _command(bsub, "list", cmd_backup_list, "this file's backups, newest first", "machine-readable output")
    br = _command(bsub, "restore", cmd_backup_restore, "restore a backup into a new file (checked)",
                  "machine-readable report")
    br.add_argument("backup", metavar="BACKUP", help="a backup's file name as 'backup list' shows it, or a path")
    br.add_argument("--out", metavar="FILE", required=True, help="the new assembly file")
    _command(bsub, "create", cmd_backup_create, "make a backup now")


def _confirmed(question: str) -> bool:
    """Asked on a terminal; without one, the command needs --yes."""
    if not sys.stdin.isatty():
        raise CliError("erasing cannot be undone: pass --yes to confirm")
    return input(question).strip().lower() in ("y", "yes", "s", "si", "sì")


# -- erasure and retention ---------------------------------------------------------------------------
def cmd_erase(args: argparse.Namespace) -> int:
    from facilitator_app.core.privacy.erasure import erase_member

    with open_store(args) as store:
        member = store.get("members", args.member_id, include_deleted=True)
        if member is None:
            raise CliError(f"no member with id {args.member_id} (see 'facilitator-app roster list --json')")
        if not args.yes and not _confirmed(f"Erase the personal data of {member['surname']} {member['first_name']} "
                                           f"everywhere? This cannot be undone. [y/N] "):
            print("nothing erased")
            return EXIT_OK
        with core_errors():
            report = erase_member(store, args.member_id)
    print_report(args, report.as_dict(),
                 f"erased member {report.member_id}: {len(report.fields)} personal fields "
                 f"({', '.join(report.fields) or 'none had a value'}); rows anonymised: "
                 + ", ".join(f"{t} {n}" for t, n in sorted(report.rows.items())),
                 f"change log: {report.changes_rewritten} changes rewritten, {report.changes_removed} removed; "
                 f"{report.conflicts_removed} conflict versions removed; {report.backups_removed} old backups "
                 f"removed, a new one made; the file was compacted (VACUUM)",
                 "the erasure travels with the next packages: the other laptops apply it too")
    return EXIT_OK


def cmd_retention_list(args: argparse.Namespace) -> int:
    from facilitator_app.core.privacy.erasure import due_for_retention, retention_months

    with open_store(args) as store, core_errors():
        rows = due_for_retention(store, args.months)
        months = retention_months(store) if args.months is None else args.months
    print_rows(rows, [("id", "id"), ("surname", "surname"), ("first_name", "first name"), ("status", "status"),
                      ("term_end", "term ended"), ("keep_until", "kept until")], as_json=args.json,
               count=f"former members past {months} months after their term")
    return EXIT_OK


def cmd_retention_apply(args: argparse.Namespace) -> int:
    from facilitator_app.core.privacy.erasure import apply_retention

    with open_store(args) as store, core_errors():
        reports = apply_retention(store, args.months)
    rows = [{"id": r.member_id, "fields": len(r.fields), "fields_removed": r.fields,
             "changes_rewritten": r.changes_rewritten, "changes_removed": r.changes_removed,
             "conflicts_removed": r.conflicts_removed} for r in reports]
    print_rows(rows, [("id", "member"), ("fields", "personal fields removed"),
                      ("changes_rewritten", "changes rewritten"), ("changes_removed", "changes removed")],
               as_json=args.json, count="members erased")
    return EXIT_OK


# -- audit ------------------------------------------------------------------------------------------------
def cmd_audit_list(args: argparse.Namespace) -> int:
    from facilitator_app.core.privacy.audit import list_audit, record, write_audit_csv

    with open_store(args) as store:
        rows = list_audit(store)
        if args.csv:
            try:
                write_audit_csv(store, args.csv)
            except OSError as exc:
                raise CliError(f"cannot write {args.csv}: {exc.strerror or exc}") from exc
            record(store, "export", "audit log (CSV)", args.csv)
    print_rows(rows, [("at", "when"), ("device_name", "device"), ("action", "action"), ("what", "what"),
                      ("target", "where")], as_json=args.json, count="entries")
    return EXIT_OK


# -- backups ------------------------------------------------------------------------------------------------
def cmd_backup_list(args: argparse.Namespace) -> int:
    from facilitator_app.core.privacy.backups import list_backups

    rows = [b.as_dict() for b in list_backups(db_path(args))]
    print_rows(rows, [("file", "backup"), ("made_at", "made at (UTC)"), ("size", "bytes"),
                      ("encrypted", "encrypted")], as_json=args.json, count="backups")
    return EXIT_OK


def cmd_backup_restore(args: argparse.Namespace) -> int:
    from facilitator_app.core.privacy.backups import find_backup, restore_backup

    with core_errors():
        path = find_backup(db_path(args), args.backup)
        result = restore_backup(path, args.out, passphrase(args, path))
    print_report(args, result, f"restored {path.name} into {result['file']}: {len(result['tables'])} tables, "
                               f"{result['rows']} rows, checked (integrity, row counts and content digest)")
    return EXIT_OK


def cmd_backup_create(args: argparse.Namespace) -> int:
    from facilitator_app.core.privacy.backups import make_backup

    with open_store(args) as store, core_errors():
        path = make_backup(store)
    print(f"backup written: {path}")
    return EXIT_OK
