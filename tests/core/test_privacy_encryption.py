"""The assembly file encrypted at rest (SQLCipher 4): open, refuse, re-key, encrypt a plain file."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlite_utils

from facilitator_app.core.store.device import Device
from facilitator_app.core.members.members import create_member
from facilitator_app.core.privacy import cipher
from facilitator_app.core.privacy.encryption import EncryptionError, change_passphrase, encrypt_file
from facilitator_app.core.store.store import (DamagedFileError, NotAnAssemblyError, PassphraseRequiredError, Store,
                                        WrongPassphraseError)

PASS = "correct horse battery"
NAME, PHONE = "Sciarabba", "+39 347 555 0199"


def files_of(db: Path) -> dict[str, str]:
    """Every file of the database (main, -wal, -shm) with the hash of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in db.parent.glob(db.name + "*")}


def raw(db: Path) -> bytes:
    return b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*") if not p.name.endswith(".lock"))


@pytest.fixture
def encrypted(tmp_path, device):
    db = tmp_path / "cifrato.sqlite"
    with Store(db, device, passphrase=PASS) as s:
        s.ensure_assembly("Assemblea cifrata")
        create_member(s, {"surname": NAME, "first_name": "Rosalia", "phone": PHONE,
                          "accessibility_notes": "sedia a rotelle"})
    return db


def test_encrypted_file_holds_no_readable_personal_data(encrypted, device):
    assert cipher.file_kind(encrypted) == "encrypted"
    with Store(encrypted, device, passphrase=PASS) as s:
        # the file is also open: its WAL must be encrypted too
        with s.transaction():
            s.insert("members", {"surname": "Quagliarella", "first_name": "Ines", "phone": "+39 333 000 1111"})
        data = raw(encrypted)
        assert data and not any(w in data for w in (NAME.encode(), PHONE.encode(), b"Quagliarella", b"rotelle",
                                                    b"SQLite format 3"))
        # the connection is what the rest of the app expects
        assert s.scalar("PRAGMA journal_mode") == "wal"
        assert s.scalar("PRAGMA foreign_keys") == 1
        assert s.scalar("PRAGMA synchronous") == 2  # FULL
        assert s.scalar("PRAGMA cipher_version").startswith("4.")
        assert sqlite_utils.Database(s.conn)["members"].count == 2
        assert s.db["members"].count == 2
        assert s.encrypted and s.passphrase == PASS


def test_plain_files_keep_working_whatever_the_passphrase(db_path, device):
    with Store(db_path, device) as s:
        s.ensure_assembly("In chiaro")
    with Store(db_path, device, passphrase=PASS) as s:  # e.g. FACILITATOR_APP_PASSPHRASE set in a script
        assert not s.encrypted and s.assembly_name() == "In chiaro"
    assert cipher.file_kind(db_path) == "plain"


@pytest.mark.parametrize("given", [None, "wrong passphrase", PASS + " ", PASS.upper(), "x"])
def test_a_missing_or_wrong_passphrase_is_refused_and_the_file_untouched(encrypted, device, given):
    before = files_of(encrypted)
    with pytest.raises((PassphraseRequiredError, WrongPassphraseError)) as exc:
        Store(encrypted, device, passphrase=given)
    assert exc.value.code == ("passphrase_required" if given is None else "wrong_passphrase")
    assert str(encrypted) in str(exc.value) and "not changed" in str(exc.value)
    assert files_of(encrypted) == before
    with Store(encrypted, device, passphrase=PASS) as s:  # and it still opens with the right one
        assert s.scalar("SELECT count(*) FROM members") == 1


def test_a_file_encrypted_with_another_key_is_refused(tmp_path, encrypted, device):
    other = tmp_path / "altro.sqlite"
    with Store(other, device, passphrase="another assembly's key") as s:
        s.ensure_assembly("Altra")
    before = files_of(other)
    with pytest.raises(WrongPassphraseError):
        Store(other, device, passphrase=PASS)
    assert files_of(other) == before


@pytest.mark.parametrize("keep", [0.9, 0.5, 0.1, 4096 * 2, 100, 16])
def test_a_truncated_encrypted_file_is_refused_untouched(tmp_path, encrypted, device, keep):
    data = encrypted.read_bytes()
    cut = tmp_path / "troncato.sqlite"
    n = int(len(data) * keep) if isinstance(keep, float) else keep
    cut.write_bytes(data[:n])
    before = files_of(cut)
    with pytest.raises((WrongPassphraseError, DamagedFileError, NotAnAssemblyError)) as exc:
        Store(cut, device, passphrase=PASS)
    assert "not changed" in str(exc.value)
    assert files_of(cut) == before


def test_change_passphrase(encrypted, device):
    with Store(encrypted, device, passphrase=PASS) as s:
        with pytest.raises(cipher.PassphraseError):
            change_passphrase(s, "short")
        with pytest.raises(EncryptionError):
            change_passphrase(s, PASS)
        change_passphrase(s, "a brand new passphrase")
        assert s.passphrase == "a brand new passphrase"
        with s.transaction():  # the open connection goes on working
            s.insert("members", {"surname": "Dopo", "first_name": "Cambio"})
    with pytest.raises(WrongPassphraseError):
        Store(encrypted, device, passphrase=PASS)
    with Store(encrypted, device, passphrase="a brand new passphrase") as s:
        assert s.scalar("SELECT count(*) FROM members") == 2
        assert s.scalar("PRAGMA integrity_check") == "ok"


def test_a_plain_file_cannot_be_rekeyed(db_path, device):
    with Store(db_path, device) as s, pytest.raises(EncryptionError) as exc:
        change_passphrase(s, "a brand new passphrase")
    assert exc.value.code == "not_encrypted"


# -- encrypt a plain file ----------------------------------------------------------------------------
def test_encrypt_a_plain_demo_file(tmp_path, demo_store, device):
    plain = demo_store.path
    with demo_store.transaction():  # something still in the WAL when encrypting
        demo_store.insert("members", {"surname": NAME, "first_name": "Rosalia", "phone": PHONE})
    before = {t: demo_store.scalar(f"SELECT count(*) FROM [{t}]") for t in ("members", "changes", "attendance")}
    demo_store.close()
    out = tmp_path / "cifrato.sqlite"
    result = encrypt_file(plain, out, PASS)
    assert result.plain_removed and not plain.exists()
    assert not any(p.exists() for p in cipher.companions(plain))
    assert not (tmp_path / "cifrato.sqlite.part").exists()
    assert cipher.file_kind(out) == "encrypted" and NAME.encode() not in out.read_bytes()
    with Store(out, device, passphrase=PASS) as s:
        assert {t: s.scalar(f"SELECT count(*) FROM [{t}]") for t in before} == before
        assert s.scalar("PRAGMA integrity_check") == "ok"
        assert s.schema_version() > 1
        assert s.select("members", "surname = ?", (NAME,))[0]["phone"] == PHONE
        assert cipher.table_digest(s.conn)[1] != ""
    assert result.tables["members"] == before["members"]


def test_encrypt_refuses_and_keeps_everything(tmp_path, store, encrypted, device):
    plain = store.path
    store.close()
    before = files_of(plain)
    with pytest.raises(EncryptionError) as exc:
        encrypt_file(plain, encrypted, PASS)  # the target exists
    assert exc.value.code == "encrypt_target_exists"
    with pytest.raises(EncryptionError) as exc:
        encrypt_file(encrypted, tmp_path / "nuovo.sqlite", PASS)  # already encrypted
    assert exc.value.code == "encrypt_source_encrypted"
    with pytest.raises(EncryptionError) as exc:
        encrypt_file(tmp_path / "manca.sqlite", tmp_path / "nuovo.sqlite", PASS)
    assert exc.value.code == "encrypt_source_missing"
    with pytest.raises(cipher.PassphraseError):
        encrypt_file(plain, tmp_path / "nuovo.sqlite", "short")
    assert files_of(plain) == before and not (tmp_path / "nuovo.sqlite").exists()


def test_encrypt_keeps_the_plain_file_when_the_copy_does_not_verify(tmp_path, store, monkeypatch):
    plain = store.path
    store.close()
    before = plain.read_bytes()
    real = cipher.table_digest
    calls = []

    def digest(conn):
        counts, d = real(conn)
        calls.append(d)
        return counts, d if len(calls) == 1 else "0" * 64   # the copy "differs"

    monkeypatch.setattr(cipher, "table_digest", digest)
    with pytest.raises(EncryptionError) as exc:
        encrypt_file(plain, tmp_path / "nuovo.sqlite", PASS)
    assert exc.value.code == "encrypt_verify_failed"
    assert plain.read_bytes() == before
    assert not (tmp_path / "nuovo.sqlite").exists() and not (tmp_path / "nuovo.sqlite.part").exists()


def test_encrypt_refuses_a_file_open_elsewhere(tmp_path, store):
    from facilitator_app.core.store.lock import FileLock

    plain = store.path
    store.close()
    with FileLock(plain), pytest.raises(EncryptionError) as exc:
        encrypt_file(plain, tmp_path / "nuovo.sqlite", PASS)
    assert exc.value.code == "file_in_use" and plain.exists()


def test_shred_overwrites_before_unlinking(tmp_path, monkeypatch):
    f = tmp_path / "segreto.bin"
    f.write_bytes(b"Rossi Mario 347" * 1000)
    seen = {}
    real_unlink = Path.unlink

    def unlink(self, *a, **k):
        seen["bytes"] = self.read_bytes()
        return real_unlink(self, *a, **k)

    monkeypatch.setattr(Path, "unlink", unlink)
    cipher.shred(f)
    assert not f.exists() and seen["bytes"] == b"\x00" * 15000


# -- the lock and crash safety on an encrypted file -------------------------------------------------
def test_the_lock_works_on_encrypted_files(encrypted):
    from facilitator_app.core.store.lock import AlreadyOpenError, FileLock

    with FileLock(encrypted), pytest.raises(AlreadyOpenError):
        FileLock(encrypted).acquire()


@pytest.mark.slow
def test_confirmed_check_ins_survive_sigkill_on_an_encrypted_file(tmp_path):
    from facilitator_app.core.plenaries.plenaries import create_plenary, sessions_of

    db = tmp_path / "kill.sqlite"
    with Store(db, Device("setup", "setup"), passphrase=PASS) as store:
        pid = create_plenary(store, 1, "2024-05-11", "Parco Nord")
        session_id = sessions_of(store, pid)[0]["id"]
        with store.transaction():
            store.insert_many("members", [{"surname": f"Rossi{i:05d}", "first_name": "Anna", "status": "active"}
                                          for i in range(5_000)])
    worker = Path(__file__).with_name("checkin_worker.py")
    env = {**os.environ, "PYTHONUNBUFFERED": "1", cipher.ENV_PASSPHRASE: PASS}
    rng = random.Random(5)
    confirmed: list[str] = []
    for round_ in range(3):
        proc = subprocess.Popen([sys.executable, str(worker), str(db), session_id], stdout=subprocess.PIPE,
                                text=True, env=env)
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")), daemon=True)
        reader.start()
        deadline = time.monotonic() + 30
        while "ready\n" not in lines and time.monotonic() < deadline:
            time.sleep(0.005)
        assert "ready\n" in lines, f"worker did not start (round {round_})"
        time.sleep(rng.uniform(0.1, 0.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        reader.join(5)
        got = [ln.split()[1] for ln in lines if ln.startswith("confirmed ")]
        assert got
        confirmed += got
        with Store(db, Device("check", "check"), passphrase=PASS) as s:
            assert s.scalar("PRAGMA integrity_check") == "ok"
            present = {r["member_id"] for r in s.select("attendance", "session_id = ?", (session_id,))}
        assert set(confirmed) <= present
