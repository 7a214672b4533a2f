"""Encrypted exchange packages: sealed with the assembly's key, authenticated before anything is parsed."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from facilitator_app.core.exchange import packages as X
from facilitator_app.core.store.device import Device
from facilitator_app.core.members.members import create_member
from facilitator_app.core.plenaries.plenaries import create_plenary
from facilitator_app.core.privacy import sealed
from facilitator_app.core.store.store import Store

PASS = "frase della segreteria"
NAME, PHONE = "Sciarabba", "+39 347 555 0199"


def files_of(db: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in db.parent.glob(db.name + "*")
            if not p.name.endswith(".lock")}


@pytest.fixture
def secretariat(tmp_path):
    s = Store(tmp_path / "segreteria.sqlite", Device("dev-sec", "Segreteria"), passphrase=PASS)
    s.ensure_assembly("Assemblea")
    create_member(s, {"surname": NAME, "first_name": "Rosalia", "phone": PHONE, "email": "rosalia@example.org"})
    create_plenary(s, 3, "2024-05-18", "Parco Nord")
    yield s
    s.close()


@pytest.fixture
def package(secretariat, tmp_path):
    out = tmp_path / "sec.assemblea"
    X.export_package(secretariat, out)
    return out


def laptop(tmp_path, name="portatile", passphrase=PASS, device="dev-lap"):
    return Store(tmp_path / f"{name}.sqlite", Device(device, name), passphrase=passphrase)


def test_a_package_of_an_encrypted_file_is_sealed_and_opens_with_the_same_passphrase(package, tmp_path):
    raw = package.read_bytes()
    assert sealed.is_sealed(raw) and not raw.startswith(b"PK")
    for secret in (NAME, PHONE, "rosalia@example.org", "Parco Nord", "changes.jsonl"):
        assert secret.encode() not in raw
    with laptop(tmp_path) as lap:   # a new laptop, blank encrypted file with the assembly's passphrase
        summary = X.import_packages(lap, [package])
        assert summary.new_changes > 0
        assert lap.select("members")[0]["phone"] == PHONE


def test_another_key_is_refused_and_the_laptop_untouched(package, tmp_path):
    lap = laptop(tmp_path, passphrase="un'altra assemblea")
    lap.ensure_assembly("Altra")
    lap.close()
    before = files_of(lap.path)
    with Store(lap.path, Device("dev-lap", "portatile"), passphrase="un'altra assemblea") as s:
        with pytest.raises(X.PackageKeyError) as exc:
            X.import_packages(s, [package])
        assert exc.value.code == "package_wrong_key" and exc.value.kind == "wrong_key"
        assert "another key" in str(exc.value) and "nothing was imported" in str(exc.value)
        assert s.scalar("SELECT count(*) FROM members") == 0
    assert files_of(lap.path) == before


def test_plain_and_sealed_do_not_mix(tmp_path, package):
    plain = Store(tmp_path / "chiaro.sqlite", Device("dev-p", "Chiaro"))
    plain.ensure_assembly("Chiaro")
    with pytest.raises(X.PackageKeyError) as exc:
        X.import_packages(plain, [package])
    assert exc.value.code == "package_needs_key"
    plain_pkg = tmp_path / "chiaro.assemblea"
    X.export_package(plain, plain_pkg)
    assert plain_pkg.read_bytes().startswith(b"PK")
    with laptop(tmp_path) as lap, pytest.raises(X.PackageKeyError) as exc:
        X.import_packages(lap, [plain_pkg])
    assert exc.value.code == "package_not_encrypted"
    plain.close()


def _positions(raw: bytes) -> dict[str, int]:
    fixed = sealed._FIXED.size
    return {"magic": 1, "version": 8, "scrypt": 10, "salt": 12, "nonce": 28, "check": 40, "assembly": fixed + 2,
            "body": fixed + 40 + (len(raw) - fixed - 40) // 2, "tag": len(raw) - 3}


@pytest.mark.parametrize("where", ["magic", "version", "scrypt", "salt", "nonce", "check", "assembly", "body", "tag",
                                   "cut", "cut-header", "appended"])
def test_a_tampered_package_is_refused_before_anything_is_parsed(package, tmp_path, monkeypatch, where):
    raw = bytearray(package.read_bytes())
    if where == "cut":
        raw = raw[:-100]
    elif where == "cut-header":
        raw = raw[:30]
    elif where == "appended":
        raw += b"\x00extra"
    else:
        raw[_positions(bytes(raw))[where]] ^= 0x01
    bad = tmp_path / "manomesso.assemblea"
    bad.write_bytes(bytes(raw))

    def never(*a, **k):
        raise AssertionError("the ZIP was opened before the package was authenticated")

    monkeypatch.setattr(zipfile, "ZipFile", never)
    with laptop(tmp_path) as lap:
        lap.ensure_assembly("Assemblea")
        before = lap.scalar("SELECT count(*) FROM changes")
        with pytest.raises(X.PackageError) as exc:
            X.import_packages(lap, [bad])
        assert "nothing was imported" in str(exc.value)
        assert exc.value.kind in ("damaged", "wrong_key", "newer", "foreign"), exc.value.kind
        assert lap.scalar("SELECT count(*) FROM changes") == before


def test_every_single_bit_flip_in_the_header_is_refused(package):
    raw = package.read_bytes()
    key = sealed.PackageKey(PASS)
    end = sealed.read_header(raw).size
    for i in range(end):
        for bit in (0x01, 0x80):
            forged = bytearray(raw)
            forged[i] ^= bit
            with pytest.raises(sealed.SealError):
                sealed.open_sealed(bytes(forged), key)
    assert sealed.open_sealed(raw, key)[1].startswith(b"PK")


def test_a_forged_header_cannot_ask_for_gigabytes_of_scrypt(package):
    raw = bytearray(package.read_bytes())
    raw[9] = 30   # log2(N) = 30: 128 GiB
    with pytest.raises(sealed.SealDamaged):
        sealed.read_header(bytes(raw))


def test_collect_skips_a_package_of_another_key(secretariat, tmp_path):
    folder = tmp_path / "chiavetta"
    X.export_package(secretariat, folder / "buono.assemblea")
    other = laptop(tmp_path, "altra", passphrase="chiave di un'altra")
    other.ensure_assembly("Altra")
    X.export_package(other, folder / "altro.assemblea")
    with laptop(tmp_path, "nuovo", device="dev-new") as lap:
        summary = X.collect(lap, folder)
        assert [p.file for p in summary.packages] == ["buono.assemblea"]
        assert [(e.file, e.kind) for e in summary.skipped] == [("altro.assemblea", "wrong_key")]
    other.close()


def test_prepared_laptop_packages_are_sealed(secretariat, tmp_path):
    results = X.prepare_laptops(secretariat, 3, tmp_path / "portatili")
    assert results
    for r in results:
        assert sealed.is_sealed(r.path.read_bytes())
        assert X.read_package(r.path, X.package_key(secretariat)).manifest["purpose"]["plenary_number"] == 3


def test_the_key_is_derived_once_per_run(secretariat, tmp_path, monkeypatch):
    calls = []
    real = sealed._derive
    monkeypatch.setattr(sealed, "_derive", lambda *a: calls.append(1) or real(*a))
    secretariat._package_key = None
    for i in range(3):
        X.export_package(secretariat, tmp_path / f"p{i}.assemblea")
    assert len(calls) == 1
