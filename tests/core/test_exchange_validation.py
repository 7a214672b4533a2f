"""Packages validated like user input: invalid rows, bombs, refused imports that leave no trace,
two assemblies with one name."""

import hashlib
import json
import tracemalloc
import zipfile

import pytest

from facilitator_app.cli import main
from facilitator_app.core.exchange import packages as exchange
from facilitator_app.core.store.device import Device
from facilitator_app.core.exchange.packages import (InvalidPackageError, PackageTooLargeError, WrongAssemblyError,
                                           collect, export_package, import_packages, read_package)
from facilitator_app.core.store.store import Store

from exchange_sim import base_assembly, open_laptop


def sha(path):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.parent.glob(path.name + "*"))
            if not p.name.endswith("-shm")}


@pytest.fixture
def source(tmp_path):
    sec = open_laptop(tmp_path, "segreteria")
    base = base_assembly(sec)
    out = tmp_path / "full.assemblea"
    export_package(sec, out, full=True)
    yield sec, base, out
    sec.close()


def tampered(src, dst, change):
    """A copy of the package with its lines changed by `change(line dict)` and a valid checksum."""
    with zipfile.ZipFile(src) as z:
        manifest, lines = json.loads(z.read("manifest.json")), z.read("changes.jsonl").decode().splitlines()
    out = [json.dumps(change(json.loads(line))) for line in lines]
    payload = ("\n".join(out) + "\n").encode()
    manifest["payload"]["sha256"] = hashlib.sha256(payload).hexdigest()
    with zipfile.ZipFile(dst, "w") as z:
        z.writestr("manifest.json", json.dumps(manifest))
        z.writestr("changes.jsonl", payload)
    return dst


def on_first_member(field, value):
    done = []

    def change(c):
        if c["tbl"] == "members" and "surname" in c["data"] and not done:
            c["data"][field] = value
            done.append(1)
        return c
    return change


@pytest.mark.parametrize("field,value,words", [
    ("birth_date", "ieri", ["members", "birth_date", "'ieri'", "not a date"]),
    ("birth_date", "2024-01-01", ["members", "birth_date", "plausible"]),
    ("municipio", "tre", ["members", "municipio", "whole number"]),
    ("municipio", 12, ["members", "municipio", "municipi"]),
    ("surname", None, ["members", "surname", "required"]),
    ("surname", "X" * 10_000, ["members", "surname", "10,000 characters"]),
    ("first_name", "Anna\x1b[2J", ["members", "first_name", "control characters"]),
    ("gender", "Q", ["members", "gender"]),
    ("email", {"nested": 1}, ["members", "email", "not a plain value"]),
])
def test_an_invalid_row_refuses_the_whole_package_naming_table_field_and_value(source, tmp_path, field, value,
                                                                                 words):
    sec, base, full = source
    bad = tampered(full, tmp_path / "bad.assemblea", on_first_member(field, value))
    path = tmp_path / "nuovo.sqlite"
    Store(path, Device("dev-nuovo", "nuovo")).close()
    before = sha(path)
    with Store(path, Device("dev-nuovo", "nuovo")) as lap:
        with pytest.raises(InvalidPackageError) as info:
            import_packages(lap, [bad])
        assert lap.scalar("SELECT count(*) FROM members") == 0
    assert all(w in str(info.value) for w in words), str(info.value)
    assert info.value.params["table"] == "members" and info.value.params["field"] == field
    assert sha(path) == before


def test_other_tables_are_checked_too(source, tmp_path):
    sec, base, full = source

    def change(c):
        if c["tbl"] == "plenaries":
            c["data"]["number"] = "nove"
        return c
    with pytest.raises(InvalidPackageError, match="plenaries.*number.*'nove'"):
        import_packages(open_laptop(tmp_path, "b"), [tampered(full, tmp_path / "p.assemblea", change)])

    def bad_date(c):
        if c["tbl"] == "plenaries":
            c["data"]["date"] = "9 marzo"
        return c
    with pytest.raises(InvalidPackageError, match="plenaries.*date"):
        import_packages(open_laptop(tmp_path, "c"), [tampered(full, tmp_path / "d.assemblea", bad_date)])


def test_collect_skips_an_invalid_package_and_imports_the_others(source, tmp_path):
    sec, base, full = source
    folder = tmp_path / "stick"
    folder.mkdir()
    tampered(full, folder / "a-bad.assemblea", on_first_member("municipio", "tre"))
    export_package(sec, folder / "b-good.assemblea", full=True)
    lap = open_laptop(tmp_path, "c")
    summary = collect(lap, folder)
    assert [e.kind for e in summary.skipped] == ["invalid"] and summary.skipped[0].file == "a-bad.assemblea"
    assert lap.scalar("SELECT count(*) FROM members") == 6


def test_a_valid_package_still_imports(source, tmp_path):
    sec, base, full = source
    lap = open_laptop(tmp_path, "nuovo")
    import_packages(lap, [full])
    assert lap.scalar("SELECT count(*) FROM members") == 6


def test_a_zip_bomb_is_refused_in_bounded_memory(tmp_path, monkeypatch, source):
    sec, base, full = source
    monkeypatch.setattr(exchange, "MAX_PAYLOAD", 32 << 20)
    with zipfile.ZipFile(full) as z:
        manifest = json.loads(z.read("manifest.json"))
    bomb = tmp_path / "bomb.assemblea"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", json.dumps(manifest))
        with z.open("changes.jsonl", "w", force_zip64=True) as fh:
            for _ in range(200):  # 200 MiB of spaces, ~200 KB on disk
                fh.write(b" " * (1 << 20))
    assert bomb.stat().st_size < 2 << 20
    tracemalloc.start()
    with pytest.raises(PackageTooLargeError, match="far larger once unpacked"):
        read_package(bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 40 << 20


def test_the_compression_ratio_is_bounded_even_under_the_size_limit(tmp_path, source):
    sec, base, full = source
    with zipfile.ZipFile(full) as z:
        manifest = json.loads(z.read("manifest.json"))
    bomb = tmp_path / "ratio.assemblea"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", json.dumps(manifest))
        z.writestr("changes.jsonl", b"\n" * (64 << 20))  # under MAX_PAYLOAD, but ~1000:1
    with pytest.raises(PackageTooLargeError):
        read_package(bomb)


def test_a_refused_import_into_a_missing_path_creates_nothing(source, tmp_path, capsys):
    sec, base, full = source
    bad = tampered(full, tmp_path / "bad.assemblea", on_first_member("municipio", "tre"))
    target = tmp_path / "new" / "folder" / "laptop.sqlite"
    for plain in ([], ["--no-encryption"]):  # refused for want of a passphrase, or for the bad value
        assert main(["bundle", "import", str(bad), "--db", str(target), *plain]) == 2
        assert ("municipio" if plain else "passphrase") in capsys.readouterr().err
        assert not target.exists() and not (tmp_path / "new").exists()
    # a good package does create it
    assert main(["bundle", "import", str(full), "--db", str(target), "--no-encryption"]) == 0
    assert target.exists()


def test_a_refused_import_by_a_laptop_that_never_opened_the_file_changes_nothing(source, tmp_path):
    sec, base, full = source
    path = sec.path
    sec.close()
    Store(path, Device("dev-segreteria", "segreteria")).close()  # checkpointed, no -wal left
    before = sha(path)
    bad = tampered(full, tmp_path / "bad.assemblea", on_first_member("birth_date", "ieri"))
    with Store(path, Device("never-seen", "Portatile nuovo")) as other:
        with pytest.raises(InvalidPackageError):
            import_packages(other, [bad])
        assert other.scalar("SELECT count(*) FROM devices WHERE id = 'never-seen'") == 0
    assert sha(path) == before
    # the devices row comes with the first real write
    with Store(path, Device("never-seen", "Portatile nuovo")) as other:
        with other.transaction():
            other.insert("themes", {"name": "Nuovo tema"})
        assert other.get("devices", "never-seen")["name"] == "Portatile nuovo"


def test_two_assemblies_with_one_name_are_told_apart(tmp_path):
    a = open_laptop(tmp_path, "Portatile Giulia")
    base_assembly(a)
    b = open_laptop(tmp_path, "Portatile Marco")
    base_assembly(b)  # the same name, "Assemblea di prova", started separately
    with b.transaction():
        b.insert("themes", {"name": "Aria"})
    export_package(a, tmp_path / "a.assemblea", full=True)
    b.close()
    before = sha(b.path)
    b = Store(b.path, Device("dev-Portatile Marco", "Portatile Marco"))
    with pytest.raises(WrongAssemblyError) as info:
        import_packages(b, [tmp_path / "a.assemblea"])
    text = str(info.value)
    day = a.assembly()["created_at"][:10]
    assert "also called “Assemblea di prova”" in text and "Portatile Giulia" in text and "Portatile Marco" in text
    assert day in text and info.value.code == "package_same_name_other_assembly"
    b.close()
    a.close()
    assert sha(b.path) == before
