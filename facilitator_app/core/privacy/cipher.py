"""Opening SQLite connections on plain or SQLCipher 4 files.

An encrypted assembly file is a SQLCipher 4 database: AES-256 and an HMAC on every page, the key
derived from the passphrase by PBKDF2-HMAC-SHA512 with 256,000 iterations (SQLCipher 4's
defaults), except that the page HMAC is HMAC-SHA256 rather than HMAC-SHA512: a check-in writes
about ten pages, and hashing each one with SHA-512 was most of the cost of encryption (SHA-256 runs
on the processor's SHA instructions); a 256-bit HMAC is the tag TLS and Signal use. Files
encrypted with SQLCipher's default (HMAC-SHA512) still open: `connect` tries the current HMAC,
then derives the key once from the salt at the start of the file and tries the older ones. A plain file is ordinary SQLite and keeps
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
HMAC = "HMAC_SHA256"               # the page HMAC of every file encrypted by this version
LEGACY_HMACS = ("HMAC_SHA512",)    # SQLCipher 4's default: files encrypted before still open
KDF_ITER = 256_000                 # SQLCipher 4's PBKDF2-HMAC-SHA512 iterations (its default, kept)
SALT_SIZE = 16
ENV_PASSPHRASE = "FACILITATOR_APP_PASSPHRASE"
MIN_PASSPHRASE = 8

# Errors of either driver, for code that catches database errors.
DB_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error,) + ((sqlcipher3.Error,) if sqlcipher3 else ())
DATABASE_ERRORS: tuple[type[BaseException], ...] = (sqlite3.DatabaseError,) + (
    (sqlcipher3.DatabaseError,) if sqlcipher3 else ())
PROGRAMMING_ERRORS: tuple[type[BaseException], ...] = (sqlite3.ProgrammingError,) + (
    (sqlcipher3.ProgrammingError,) if sqlcipher3 else ())   # e.g. a closed connection
OPERATIONAL_ERRORS: tuple[type[BaseException], ...] = (sqlite3.OperationalError,) + (
    (sqlcipher3.OperationalError,) if sqlcipher3 else ())   # e.g. busy or locked


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


def _file_of(path: str | Path) -> Path | None:
    text = str(path)
    if text == ":memory:":
        return None
    if text.startswith("file:"):
        from urllib.parse import unquote, urlsplit

        return Path(unquote(urlsplit(text).path))
    return Path(text)


def _salt(path: str | Path) -> bytes | None:
    """The salt at the start of an existing encrypted file (None for a new or plain one)."""
    file = _file_of(path)
    if file is None or file_kind(file) != "encrypted":
        return None
    try:
        with open(file, "rb") as fh:
            salt = fh.read(SALT_SIZE)
    except OSError:
        return None
    return salt if len(salt) == SALT_SIZE else None


def _keyed(path: str | Path, key_sql: str, hmac: str, kwargs: dict[str, Any]) -> Any:
    conn = sqlcipher3.connect(str(path), **kwargs)
    # Failures are reported as exceptions; SQLCipher's own log would print to the terminal.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(key_sql)
    conn.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")
    return conn


def connect(path: str | Path, passphrase: str | None, *, hmac: str | None = None, **kwargs: Any) -> Any:
    """A connection on `path`: SQLCipher with the key set first when `passphrase` is given.

    A new file gets `HMAC` (or the `hmac` asked for: a backup takes its source's). An existing
    one is tried with `HMAC` (SQLCipher derives the key); when that does not read, the key is
    derived here once from the file's salt (the same PBKDF2) and each legacy HMAC is tried with
    it. When none fits (a wrong passphrase, a damaged file) the connection is returned anyway and
    its first read fails."""
    if passphrase is None:
        return sqlite3.connect(str(path), **kwargs)
    if sqlcipher3 is None:  # pragma: no cover
        raise PassphraseError("This installation cannot open encrypted files (sqlcipher3 is missing).",
                              code="no_sqlcipher")
    conn = _keyed(path, f"PRAGMA key = {sql_literal(passphrase)}", hmac or HMAC, kwargs)
    salt = None if hmac else _salt(path)
    if salt is None:
        return conn
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except DATABASE_ERRORS:
        conn.close()
    raw = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITER, 32)
    key_sql = f"PRAGMA key = \"x'{raw.hex()}'\""
    for n, algorithm in enumerate(LEGACY_HMACS):
        conn = _keyed(path, key_sql, algorithm, kwargs)
        if n == len(LEGACY_HMACS) - 1:
            return conn
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except DATABASE_ERRORS:
            conn.close()
    raise AssertionError("unreachable")  # pragma: no cover


def hmac_of(conn: Any) -> str | None:
    """The page HMAC of an encrypted connection (None for a plain one)."""
    if sqlcipher3 is None or not isinstance(conn, sqlcipher3.Connection):
        return None
    row = conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()
    return row[0] if row else None


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
