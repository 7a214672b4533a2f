"""Encrypting a plain assembly file into a new one, and changing an encrypted file's passphrase.

`encrypt_file` copies with `sqlcipher_export` into a temporary file next to the target, checks
the copy (integrity, the row count of every table and one digest of all their content equal to
the plain file's) and only then renames it into place and removes the plain file securely
(overwritten, then deleted, with its -wal/-shm). Any failure leaves the plain file as it was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from facilitator_app.core.errors import CoreError
from facilitator_app.core.store.lock import AlreadyOpenError, FileLock
from facilitator_app.core.privacy import cipher
from facilitator_app.core.store.store import NotAnAssemblyError, Store


class EncryptionError(CoreError):
    """The file could not be encrypted or re-keyed; nothing was changed."""


@dataclass
class EncryptResult:
    plain: Path
    encrypted: Path
    tables: dict[str, int]
    digest: str
    plain_removed: bool


def _locks(*paths: Path) -> list[FileLock]:
    locks: list[FileLock] = []
    try:
        for p in paths:
            lock = FileLock(p)
            lock.acquire()
            locks.append(lock)
    except AlreadyOpenError as exc:
        for lock in locks:
            lock.release()
        raise EncryptionError(f"{exc} is open in a window of the app; close it first. Nothing was changed.",
                              code="file_in_use", path=str(exc)) from exc
    return locks


def encrypt_file(plain: str | Path, out: str | Path, passphrase: str, *,
                 remove_plain: bool = True, plain_locked: bool = False) -> EncryptResult:
    """An encrypted copy of `plain` at `out`, verified before the plain file is removed.

    `plain_locked`: the caller (the window that has the file open) holds the plain file's lock
    and makes no writes meanwhile; only `out` is locked here."""
    plain, out = Path(plain), Path(out)
    cipher.check_passphrase(passphrase)
    kind = cipher.file_kind(plain)
    if kind == "missing":
        raise EncryptionError(f"{plain} does not exist; nothing was changed.", code="encrypt_source_missing",
                              path=str(plain))
    if kind == "empty":
        raise EncryptionError(f"{plain} is empty; nothing was changed.", code="encrypt_source_empty",
                              path=str(plain))
    if kind == "encrypted":
        raise EncryptionError(f"{plain} is already encrypted (or not an SQLite file); nothing was changed.",
                              code="encrypt_source_encrypted", path=str(plain))
    if out.exists() or out.resolve() == plain.resolve():
        raise EncryptionError(f"{out} already exists; choose a new file name. Nothing was changed.",
                              code="encrypt_target_exists", path=str(out))
    _check_assembly(plain)
    locks = _locks(out) if plain_locked else _locks(plain, out)
    tmp = out.with_name(out.name + ".part")
    try:
        for p in (tmp, *cipher.companions(tmp)):
            p.unlink(missing_ok=True)
        src = cipher.sqlcipher3.connect(str(plain), isolation_level=None)
        try:
            src.execute("PRAGMA cipher_log_level = NONE")
            src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            version = src.execute("PRAGMA user_version").fetchone()[0]
            src.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(tmp), passphrase))
            src.execute(f"PRAGMA encrypted.cipher_hmac_algorithm = {cipher.HMAC}")
            src.execute("SELECT sqlcipher_export('encrypted')")
            src.execute(f"PRAGMA encrypted.user_version = {int(version)}")
            src.execute("DETACH DATABASE encrypted")
            counts, digest = cipher.table_digest(src)
        finally:
            src.close()
        _verify(tmp, passphrase, counts, digest)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except cipher.DB_ERRORS as exc:
        for p in (tmp, *cipher.companions(tmp)):
            p.unlink(missing_ok=True)
        raise EncryptionError(f"Could not encrypt {plain}: {exc}. Nothing was changed.", code="encrypt_failed",
                              path=str(plain), reason=str(exc)) from exc
    except BaseException:
        for p in (tmp, *cipher.companions(tmp)):
            p.unlink(missing_ok=True)
        raise
    finally:
        for lock in locks:
            lock.release()
    if remove_plain:
        remove_plain_file(plain)
    return EncryptResult(plain, out, counts, digest, remove_plain)


def remove_plain_file(plain: str | Path) -> int:
    """The plain file, its side files and its automatic backups (plain copies too) overwritten and
    deleted, once its encrypted copy is in use; how many backups went."""
    from facilitator_app.core.privacy.backups import remove_backups

    plain = Path(plain)
    for p in (*cipher.companions(plain), plain):
        cipher.shred(p)
    Path(str(plain) + ".lock").unlink(missing_ok=True)
    return remove_backups(plain)


def _check_assembly(path: Path) -> None:
    """The plain file must be an assembly file (read only: encrypting changes nothing in it)."""
    import sqlite3

    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        tables = set()
        reason = str(exc)
    else:
        reason = "no assembly tables"
    if "schema_migrations" not in tables:
        raise NotAnAssemblyError(f"{path} is not an assembly file ({reason}); nothing was changed.",
                                 path=str(path))


def _verify(path: Path, passphrase: str, counts: dict[str, int], digest: str) -> None:
    conn = cipher.connect(path, passphrase, isolation_level=None)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            raise EncryptionError(f"The encrypted copy failed its integrity check ({check[0][0]}); the plain "
                                  f"file was kept.", code="encrypt_verify_failed", detail=str(check[0][0]))
        got_counts, got_digest = cipher.table_digest(conn)
    finally:
        conn.close()
    if got_counts != counts or got_digest != digest:
        raise EncryptionError("The encrypted copy does not hold the same rows as the plain file; the plain file "
                              "was kept.", code="encrypt_verify_failed", detail="content differs")


def change_passphrase(store: Store, new: str) -> None:
    """Re-key an open encrypted file (every page re-encrypted in one transaction by SQLCipher)."""
    if not store.encrypted:
        raise EncryptionError(f"{store.path} is not encrypted: encrypt it first ('facilitator-app encrypt').",
                              code="not_encrypted", path=str(store.path))
    cipher.check_passphrase(new)
    if new == store.passphrase:
        raise EncryptionError("The new passphrase is the same as the current one.", code="same_passphrase")
    store.conn.execute(f"PRAGMA rekey = {cipher.sql_literal(new)}")
    store.passphrase = new
