"""Opening SQLite connections on plain or SQLCipher 4 files.

An encrypted assembly file is a SQLCipher 4 database (its default settings: AES-256, HMAC-SHA512
per page, PBKDF2-HMAC-SHA512 with 256,000 iterations); a plain file is ordinary SQLite and keeps
opening with the standard library. A plain file starts with the 16 bytes "SQLite format 3\\0";
an encrypted one starts with its random salt, so the header tells which is which without a key.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from typing import Any

try:  # shipped as binary wheels (pyproject: sqlcipher3-binary); without it only plain files open
    import sqlcipher3
except ImportError:  # pragma: no cover - the dependency is always installed
    sqlcipher3 = None

from facilitator_app.core.errors import CoreError

SQLITE_HEADER = b"SQLite format 3\x00"
ENV_PASSPHRASE = "FACILITATOR_APP_PASSPHRASE"
MIN_PASSPHRASE = 8

# Errors of either driver, for code that catches database errors.
DB_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error,) + ((sqlcipher3.Error,) if sqlcipher3 else ())
DATABASE_ERRORS: tuple[type[BaseException], ...] = (sqlite3.DatabaseError,) + (
    (sqlcipher3.DatabaseError,) if sqlcipher3 else ())


class PassphraseError(CoreError):
    """A passphrase is missing, wrong or unusable; nothing was changed."""


def file_kind(path: str | Path) -> str:
    """'missing', 'empty', 'plain' or 'encrypted' (anything not starting as SQLite does)."""
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "missing" if not p.exists() else "encrypted"
    if not head:
        return "empty"
    return "plain" if head == SQLITE_HEADER else "encrypted"


def is_encrypted(path: str | Path) -> bool:
    return file_kind(path) == "encrypted"


def check_passphrase(passphrase: str) -> str:
    """A new passphrase must be long enough to resist guessing; returned unchanged."""
    if "\x00" in passphrase:
        raise PassphraseError("The passphrase cannot contain a NUL character.", code="passphrase_invalid")
    if len(passphrase) < MIN_PASSPHRASE:
        raise PassphraseError(f"The passphrase must be at least {MIN_PASSPHRASE} characters long.",
                              code="passphrase_too_short", minimum=MIN_PASSPHRASE)
    return passphrase


def sql_literal(text: str) -> str:
    """A string as an SQL literal (PRAGMA key takes no bound parameters)."""
    if "\x00" in text:
        raise PassphraseError("The passphrase cannot contain a NUL character.", code="passphrase_invalid")
    return "'" + text.replace("'", "''") + "'"


def connect(path: str | Path, passphrase: str | None, **kwargs: Any) -> Any:
    """A connection on `path`: SQLCipher with the key set first when `passphrase` is given."""
    if passphrase is None:
        return sqlite3.connect(str(path), **kwargs)
    if sqlcipher3 is None:  # pragma: no cover
        raise PassphraseError("This installation cannot open encrypted files (sqlcipher3 is missing).",
                              code="no_sqlcipher")
    conn = sqlcipher3.connect(str(path), **kwargs)
    # Failures are reported as exceptions; SQLCipher's own log would print to the terminal.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {sql_literal(passphrase)}")
    return conn


def table_digest(conn: Any) -> tuple[dict[str, int], str]:
    """Row counts per table and one SHA-256 over every row of every table (in rowid order):
    equal on two files means the same content, whatever their encryption."""
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for t in tables:
        digest.update(f"\x1e{t}\x1f".encode())
        n = 0
        for row in conn.execute(f"SELECT * FROM [{t}] ORDER BY rowid"):
            digest.update(repr(row).encode("utf-8", "surrogatepass"))
            n += 1
        counts[t] = n
    return counts, digest.hexdigest()


def companions(path: str | Path) -> list[Path]:
    """SQLite's side files of a database (WAL, shared memory, rollback journal)."""
    return [Path(str(path) + s) for s in ("-wal", "-shm", "-journal")]


def shred(path: str | Path) -> None:
    """Overwrite a file with zeros (flushed to disk), then delete it. On SSDs and copy-on-write file
    systems the old blocks may survive; this is the best a program can do, and why files are
    encrypted in the first place."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        return
    with open(p, "r+b", buffering=0) as fh:
        block = b"\x00" * 65536
        left = size
        while left > 0:
            n = fh.write(block[:min(left, len(block))])
            left -= n
        os.fsync(fh.fileno())
    p.unlink()
