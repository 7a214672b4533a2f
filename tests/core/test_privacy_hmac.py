"""The page HMAC of encrypted files: HMAC-SHA256 for new ones; files encrypted with SQLCipher's
default (HMAC-SHA512, before this version) still open, are backed up and restored, and a wrong
passphrase is still refused with the file unchanged."""

from __future__ import annotations

import pytest
import sqlcipher3

from facilitator_app.core.privacy import cipher
from facilitator_app.core.privacy.backups import list_backups, make_backup, restore_backup
from facilitator_app.core.privacy.encryption import encrypt_file
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store, WrongPassphraseError

PASS = "correct horse battery"


def _plain(path):
    with Store(path, Device("d1", "Segreteria")) as s:
        s.ensure_assembly("Test")
        with s.transaction():
            s.insert("members", {"surname": "Zanchetta", "first_name": "Ilaria", "phone": "+39 333 9876543",
                                 "status": "active"})
    return path


def _legacy(plain, out):
    """An encrypted copy made with SQLCipher 4's defaults (HMAC-SHA512), as the previous version did."""
    src = sqlcipher3.connect(str(plain), isolation_level=None)
    version = src.execute("PRAGMA user_version").fetchone()[0]
    src.execute("ATTACH DATABASE ? AS enc KEY ?", (str(out), PASS))
    src.execute("SELECT sqlcipher_export('enc')")
    src.execute(f"PRAGMA enc.user_version = {version}")
    src.execute("DETACH DATABASE enc")
    src.close()
    return out


def _reads_with(path, algorithm):
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {cipher.sql_literal(PASS)}")
    conn.execute(f"PRAGMA cipher_hmac_algorithm = {algorithm}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def test_new_and_encrypted_files_use_hmac_sha256(tmp_path):
    with Store(tmp_path / "new.sqlite", Device("d1", "x"), passphrase=PASS) as s:
        s.ensure_assembly("New")
        assert s.scalar("PRAGMA cipher_hmac_algorithm") == "HMAC_SHA256"
        assert s.scalar("PRAGMA cipher_use_hmac") in (1, "1")
    assert _reads_with(tmp_path / "new.sqlite", "HMAC_SHA256")
    assert not _reads_with(tmp_path / "new.sqlite", "HMAC_SHA512")
    encrypt_file(_plain(tmp_path / "p.sqlite"), tmp_path / "e.sqlite", PASS)
    assert _reads_with(tmp_path / "e.sqlite", "HMAC_SHA256")
    assert not _reads_with(tmp_path / "e.sqlite", "HMAC_SHA512")


def test_a_file_with_the_old_hmac_opens_backs_up_and_restores(tmp_path, monkeypatch):
    monkeypatch.setattr("facilitator_app.core.privacy.backups.data_dir", lambda: tmp_path / "data")
    old = _legacy(_plain(tmp_path / "p.sqlite"), tmp_path / "old.sqlite")
    assert _reads_with(old, "HMAC_SHA512") and not _reads_with(old, "HMAC_SHA256")
    with Store(old, Device("d1", "x"), passphrase=PASS) as s:
        assert s.scalar("PRAGMA cipher_hmac_algorithm") == "HMAC_SHA512"
        assert s.scalar("SELECT surname FROM members") == "Zanchetta"
        with s.transaction():
            s.insert("members", {"surname": "Okafor", "first_name": "Chidi", "status": "active"})
        backup = make_backup(s)
    assert _reads_with(old, "HMAC_SHA512")   # still the file it was, written in its own format
    assert list_backups(old)[0].path == backup and _reads_with(backup, "HMAC_SHA512")
    assert b"Zanchetta" not in backup.read_bytes()
    restore_backup(backup, tmp_path / "restored.sqlite", PASS)
    with Store(tmp_path / "restored.sqlite", Device("d1", "x"), passphrase=PASS) as s:
        assert s.scalar("SELECT count(*) FROM members") == 2


@pytest.mark.parametrize("legacy", [False, True])
def test_wrong_passphrase_still_refused_and_file_untouched(tmp_path, legacy):
    plain = _plain(tmp_path / "p.sqlite")
    path = _legacy(plain, tmp_path / "e.sqlite") if legacy else encrypt_file(plain, tmp_path / "e.sqlite", PASS).encrypted
    before = path.read_bytes()
    for wrong in ("correct horse battery!", "Correct horse battery", PASS[:-1]):
        with pytest.raises(WrongPassphraseError):
            Store(path, Device("d1", "x"), passphrase=wrong)
    assert path.read_bytes() == before
