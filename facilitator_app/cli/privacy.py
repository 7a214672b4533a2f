"""Personal data protection from the command line.

    encrypt --db PLAIN --out ENCRYPTED --passphrase-file F   encrypted copy, verified; the plain file removed
    passphrase change [--new-passphrase-file F]              re-key an encrypted file
    member erase MEMBER_ID [--yes]                           right to erasure
    retention list|apply [--months N]                        former members' data past the retention period
    audit list [--json]                                      who exported or packaged personal data
    backup list|restore BACKUP --out FILE                    automatic encrypted backups

Secrets come from files or the environment (FACILITATOR_APP_PASSPHRASE, and
FACILITATOR_APP_NEW_PASSPHRASE for `passphrase change`), never from the command line.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from facilitator_app.cli.common import (EXIT_OK, CliError, add_db_option, core_errors, db_path, open_store,
                                        print_report, read_secret_file)
from facilitator_app.core.privacy import cipher, keyring_store

ENV_NEW_PASSPHRASE = "FACILITATOR_APP_NEW_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:
    enc = sub.add_parser("encrypt", help="encrypt a plain assembly file into a new file (the plain one is removed)")
    enc.add_argument("--out", metavar="ENCRYPTED", type=Path, required=True, help="the encrypted file to create")
    enc.add_argument("--keep-plain", action="store_true", help="do not remove the plain file afterwards")
    enc.add_argument("--json", action="store_true", help="machine-readable report")
    add_db_option(enc)
    enc.set_defaults(func=cmd_encrypt)

    pas = sub.add_parser("passphrase", help="the passphrase of an encrypted assembly file")
    psub = pas.add_subparsers(dest="passphrase_command", metavar="ACTION", required=True)
    chg = psub.add_parser("change", help="give the file a new passphrase")
    chg.add_argument("--new-passphrase-file", metavar="FILE", type=Path,
                     help=f"file holding the new passphrase (or set {ENV_NEW_PASSPHRASE})")
    add_db_option(chg)
    chg.set_defaults(func=cmd_passphrase_change)

    from facilitator_app.cli import privacy_data

    privacy_data.register(sub)


def cmd_encrypt(args: argparse.Namespace) -> int:
    from facilitator_app.core.privacy.encryption import encrypt_file

    plain = db_path(args)
    file = getattr(args, "passphrase_file", None)
    secret = read_secret_file(file) if file else os.environ.get(cipher.ENV_PASSPHRASE)
    if not secret:
        raise CliError(f"give the new file's passphrase with --passphrase-file FILE or {cipher.ENV_PASSPHRASE}")
    with core_errors():   # a refusal, a bad passphrase, a source that is not an assembly file
        result = encrypt_file(plain, args.out, secret, remove_plain=not args.keep_plain)
    rows = sum(result.tables.values())
    print_report(args, {"plain": str(result.plain), "encrypted": str(result.encrypted), "tables": result.tables,
                        "rows": rows, "digest": result.digest, "plain_removed": result.plain_removed},
                 f"wrote {result.encrypted}: {len(result.tables)} tables, {rows} rows, verified "
                 f"(integrity, row counts and content digest equal)",
                 f"removed {result.plain} (overwritten, then deleted)" if result.plain_removed
                 else f"kept {result.plain}: remove it yourself once you no longer need it")
    return EXIT_OK


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    from facilitator_app.core.privacy.encryption import change_passphrase

    new = (read_secret_file(args.new_passphrase_file, "new passphrase") if args.new_passphrase_file
           else os.environ.get(ENV_NEW_PASSPHRASE))
    if not new:
        raise CliError(f"give the new passphrase with --new-passphrase-file FILE or {ENV_NEW_PASSPHRASE}")
    with open_store(args) as store:
        with core_errors():
            change_passphrase(store, new)
        if keyring_store.recall(store.path) is not None:
            keyring_store.remember(store.path, new)
    print(f"{db_path(args)}: passphrase changed", file=sys.stdout)
    return EXIT_OK

