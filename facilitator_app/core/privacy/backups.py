"""Automatic backups of an assembly file, encrypted like the file itself, rotated.

A backup is a consistent copy made with SQLite's online backup API while the file is open (an
encrypted file is copied into a new SQLCipher file with the same key, so the copy is never in
clear on disk). Backups live in the user data folder, one folder per assembly file, named with
the time they were made; the newest `keep` are kept. `restore_backup` copies one into a new file
and checks it (integrity, and the same row counts and content digest as the backup) before
saying it is done.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from facilitator_app.core.errors import CoreError
from facilitator_app.core.privacy import cipher
from facilitator_app.core.store.device import data_dir
from facilitator_app.core.store.store import Store

KEEP = 10
EVERY_MINUTES = 10
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{3})\.sqlite$")


class BackupError(CoreError):
    pass


@dataclass
class Backup:
    path: Path
    made_at: str
    size: int
    encrypted: bool

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.path.name, "path": str(self.path), "made_at": self.made_at, "size": self.size,
                "encrypted": self.encrypted}


def backup_dir(db_path: str | Path) -> Path:
    """This assembly file's backup folder (its name and a hash of its full path: two files both
    called assemblea.sqlite do not mix their backups)."""
    p = Path(db_path).resolve()
    digest = hashlib.sha256(str(p).encode("utf-8")).hexdigest()[:10]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", p.stem)[:40] or "assemblea"
    return data_dir() / "backups" / f"{stem}-{digest}"


def make_backup(store: Store, keep: int = KEEP) -> Path:
    """A consistent copy of the open file, then the oldest beyond `keep` removed."""
    if str(store.path) == ":memory:":
        raise BackupError("an assembly kept in memory has no file to back up", code="backup_in_memory")
    return _backup(store.conn, store.path, store.passphrase, keep)


def backup_file(db_path: str | Path, passphrase: str | None, keep: int = KEEP) -> Path:
    """The same from a connection of its own (a background thread's), read-only."""
    db_path = Path(db_path)
    conn = cipher.connect(f"{db_path.resolve().as_uri()}?mode=ro", passphrase, uri=True)
    try:
        return _backup(conn, db_path, passphrase, keep)
    finally:
        conn.close()


def _backup(conn: Any, db_path: Path, passphrase: str | None, keep: int) -> Path:
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    while True:
        now = datetime.now(timezone.utc)
        stamp = now.strftime("%Y%m%d-%H%M%S-") + f"{now.microsecond // 1000:03d}"
        out = folder / f"{db_path.stem}-{stamp}.sqlite"
        if not out.exists():
            break
        time.sleep(0.002)   # two in the same millisecond
    tmp = out.with_name(out.name + ".part")
    try:
        dest = cipher.connect(tmp, passphrase, hmac=cipher.hmac_of(conn))  # the backup API needs equal pages
        try:
            conn.backup(dest)
        finally:
            dest.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except (OSError, *cipher.DB_ERRORS) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"Could not write a backup in {folder}: {exc}", code="backup_failed",
                          folder=str(folder), reason=str(exc)) from exc
    for old in list_backups(db_path)[keep:]:
        old.path.unlink(missing_ok=True)
    return out


def list_backups(db_path: str | Path) -> list[Backup]:
    """This file's backups, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for p in folder.iterdir():
        m = _NAME.match(p.name)
        if not m or not p.is_file():
            continue
        made = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S-%f").replace(tzinfo=timezone.utc)
        found.append(Backup(p, made.isoformat(timespec="seconds"), p.stat().st_size, cipher.is_encrypted(p)))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def remove_backups(db_path: str | Path) -> int:
    """Delete every backup of this file (e.g. after an erasure); how many."""
    backups = list_backups(db_path)
    for b in backups:
        cipher.shred(b.path)
    return len(backups)


def find_backup(db_path: str | Path, name: str) -> Path:
    """A backup named by its file name (as `backup list` shows it), or by a path."""
    p = Path(name)
    if p.is_file():
        return p
    for b in list_backups(db_path):
        if b.path.name == name:
            return b.path
    raise BackupError(f"no backup called {name} (see 'facilitator-app backup list')", code="no_backup", name=name)


def restore_backup(backup: str | Path, out: str | Path, passphrase: str | None) -> dict[str, Any]:
    """Copy a backup into a new file `out`, checked; the backup is never changed."""
    backup, out = Path(backup), Path(out)
    if out.exists():
        raise BackupError(f"{out} already exists; restore into a new file. Nothing was written.",
                          code="restore_target_exists", path=str(out))
    encrypted = cipher.is_encrypted(backup)
    if encrypted and passphrase is None:
        raise BackupError(f"{backup.name} is encrypted: give the passphrase the file had when it was made.",
                          code="backup_needs_passphrase", name=backup.name)
    key = passphrase if encrypted else None
    tmp = out.with_name(out.name + ".part")
    try:
        src = cipher.connect(f"{backup.resolve().as_uri()}?mode=ro", key, uri=True)
        try:
            try:
                src.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except cipher.DATABASE_ERRORS as exc:
                raise BackupError(f"Cannot read {backup.name}: wrong passphrase, or the backup is damaged. "
                                  f"Nothing was written.", code="backup_unreadable", name=backup.name) from exc
            counts, digest = cipher.table_digest(src)
            out.parent.mkdir(parents=True, exist_ok=True)
            dest = cipher.connect(tmp, key, hmac=cipher.hmac_of(src))
            try:
                src.backup(dest)
                check = dest.execute("PRAGMA integrity_check").fetchone()[0]
                got = cipher.table_digest(dest)
            finally:
                dest.close()
        finally:
            src.close()
        if check != "ok" or got != (counts, digest):
            raise BackupError(f"The restored copy of {backup.name} did not verify ({check}); nothing was written.",
                              code="restore_verify_failed", name=backup.name, detail=check)
        os.replace(tmp, out)
    except BaseException:
        for p in (tmp, *cipher.companions(tmp)):
            p.unlink(missing_ok=True)
        raise
    return {"backup": str(backup), "file": str(out), "tables": counts, "rows": sum(counts.values()),
            "digest": digest, "encrypted": encrypted}
