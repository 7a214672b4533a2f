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

from facilitator_app.cli.common import (EXIT_OK, CliError, add_db_option, db_path, open_store, passphrase,
                                        print_json, print_rows)
from facilitator_app.core.errors import CoreError


def register(sub: argparse._SubParsersAction) -> None:
    member = sub.add_parser("member", help="one member's personal data (right to erasure)")
    msub = member.add_subparsers(dest="member_command", metavar="ACTION", required=True)
    erase = msub.add_parser("erase", help="erase the member's personal data here, in the log, in packages to come "
                                          "and, through the next packages, on the other laptops")
    erase.add_argument("member_id", metavar="MEMBER_ID")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    erase.add_argument("--json", action="store_true", help="machine-readable report")
    add_db_option(erase)
    erase.set_defaults(func=cmd_erase)

    ret = sub.add_parser("retention", help="former members' personal data kept N months after their term")
    rsub = ret.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    for name, func, text in (("list", cmd_retention_list, "who is due for erasure"),
                             ("apply", cmd_retention_apply, "erase everyone due, with a report")):
        p = rsub.add_parser(name, help=text)
        p.add_argument("--months", type=int, metavar="N",
                       help="months after the end of the term (default: the assembly's setting, 12)")
        p.add_argument("--json", action="store_true", help="machine-readable output")
        add_db_option(p)
        p.set_defaults(func=func)

    audit = sub.add_parser("audit", help="the audit log of exports, printouts and packages")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    lst = asub.add_parser("list", help="every entry, newest first")
    lst.add_argument("--json", action="store_true", help="machine-readable output")
    lst.add_argument("--csv", metavar="FILE", help="also write the log to a CSV file")
    add_db_option(lst)
    lst.set_defaults(func=cmd_audit_list)

    backup = sub.add_parser("backup", help="automatic encrypted backups of the assembly file")
    bsub = backup.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    bl = bsub.add_parser("list", help="this file's backups, newest first")
    bl.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(bl)
    bl.set_defaults(func=cmd_backup_list)
    br = bsub.add_parser("restore", help="restore a backup into a new file (checked)")
    br.add_argument("backup", metavar="BACKUP", help="a backup's file name as 'backup list' shows it, or a path")
    br.add_argument("--out", metavar="FILE", required=True, help="the new assembly file")
    br.add_argument("--json", action="store_true", help="machine-readable report")
    add_db_option(br)
    br.set_defaults(func=cmd_backup_restore)
    bc = bsub.add_parser("create", help="make a backup now")
    add_db_option(bc)
    bc.set_defaults(func=cmd_backup_create)


def _core(exc: CoreError) -> CliError:
    return CliError(str(exc))


# -- erasure and retention ---------------------------------------------------------------------------
def cmd_erase(args: argparse.Namespace) -> int:
    from facilitator_app.core.privacy.erasure import ErasureError, erase_member

    with open_store(args) as store:
        member = store.get("members", args.member_id, include_deleted=True)
        if member is None:
            raise CliError(f"no member with id {args.member_id} (see 'facilitator-app roster list --json')")
        if not args.yes:
            if not sys.stdin.isatty():
                raise CliError("erasing cannot be undone: pass --yes to confirm")
            answer = input(f"Erase the personal data of {member['surname']} {member['first_name']} everywhere? "
                           f"This cannot be undone. [y/N] ")
            if answer.strip().lower() not in ("y", "yes", "s", "si", "sì"):
                print("nothing erased")
                return EXIT_OK
        try:
            report = erase_member(store, args.member_id)
        except ErasureError as exc:
            raise _core(exc) from exc
    if args.json:
        print_json(report.as_dict())
    else:
        print(f"erased member {report.member_id}: {len(report.fields)} personal fields "
              f"({', '.join(report.fields) or 'none had a value'}); rows anonymised: "
              + ", ".join(f"{t} {n}" for t, n in sorted(report.rows.items())))
        print(f"change log: {report.changes_rewritten} changes rewritten, {report.changes_removed} removed; "
              f"{report.conflicts_removed} conflict versions removed; {report.backups_removed} old backups "
              f"removed, a new one made; the file was compacted (VACUUM)")
        print("the erasure travels with the next packages: the other laptops apply it too")
    return EXIT_OK


def cmd_retention_list(args: argparse.Namespace) -> int:
    from facilitator_app.core.privacy.erasure import ErasureError, due_for_retention, retention_months

    with open_store(args) as store:
        try:
            rows = due_for_retention(store, args.months)
        except ErasureError as exc:
            raise _core(exc) from exc
        months = retention_months(store) if args.months is None else args.months
    print_rows(rows, [("id", "id"), ("surname", "surname"), ("first_name", "first name"), ("status", "status"),
                      ("term_end", "term ended"), ("keep_until", "kept until")], as_json=args.json,
               count=f"former members past {months} months after their term")
    return EXIT_OK


def cmd_retention_apply(args: argparse.Namespace) -> int:
    from facilitator_app.core.privacy.erasure import ErasureError, apply_retention

    with open_store(args) as store:
        try:
            reports = apply_retention(store, args.months)
        except ErasureError as exc:
            raise _core(exc) from exc
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
    from facilitator_app.core.privacy.backups import BackupError, find_backup, restore_backup

    try:
        path = find_backup(db_path(args), args.backup)
        result = restore_backup(path, args.out, passphrase(args, path))
    except BackupError as exc:
        raise _core(exc) from exc
    if args.json:
        print_json(result)
    else:
        print(f"restored {path.name} into {result['file']}: {len(result['tables'])} tables, {result['rows']} rows, "
              f"checked (integrity, row counts and content digest)")
    return EXIT_OK


def cmd_backup_create(args: argparse.Namespace) -> int:
    from facilitator_app.core.privacy.backups import BackupError, make_backup

    with open_store(args) as store:
        try:
            path = make_backup(store)
        except BackupError as exc:
            raise _core(exc) from exc
    print(f"backup written: {path}")
    return EXIT_OK
