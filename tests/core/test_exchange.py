"""Exchange packages: the container, bad packages refused, collecting a folder, preparing laptops."""

import hashlib
import json
import zipfile

import pytest
from exchange_sim import base_assembly, content, file_state, open_laptop

from facilitator_app.core.exchange.packages import (
    FORMAT_VERSION,
    DamagedPackageError,
    ExchangeError,
    ForeignFileError,
    NewerPackageError,
    WrongAssemblyError,
    collect,
    export_package,
    import_packages,
    prepare_laptops,
    read_package,
)


@pytest.fixture
def pair(tmp_path):
    sec = open_laptop(tmp_path, "segreteria")
    base = base_assembly(sec)
    lap = open_laptop(tmp_path, "tavolo1")
    export_package(sec, tmp_path / "prepared.assemblea", full=True)
    import_packages(lap, [tmp_path / "prepared.assemblea"])
    with lap.transaction():
        lap.insert("notes", {"plenary_id": base["plenary_id"], "group_id": base["group_ids"][0], "text": "Ciao"})
    good = tmp_path / "tavolo1.assemblea"
    export_package(lap, good, to="segreteria")
    yield sec, lap, base, good
    sec.close()
    lap.close()


def file_bytes(store):
    return {p.name: p.read_bytes() for p in store.path.parent.glob(store.path.name + "*")}


def rewrite(src, dst, *, manifest=None, payload=None):
    """A copy of a package with its manifest or payload replaced (a valid zip)."""
    with zipfile.ZipFile(src) as z:
        m, data = json.loads(z.read("manifest.json")), z.read("changes.jsonl")
    m = manifest(m) if manifest else m
    data = payload(data) if payload else data
    with zipfile.ZipFile(dst, "w") as z:
        z.writestr("manifest.json", json.dumps(m))
        z.writestr("changes.jsonl", data)
    return dst


def test_the_package_names_its_source_assembly_format_and_checksum(pair):
    sec, lap, base, good = pair
    pkg = read_package(good)
    m = pkg.manifest
    assert m["format"] == "facilitator-app/exchange" and m["format_version"] == FORMAT_VERSION
    assert m["source"] == {"device_id": lap.device.id, "device_name": "tavolo1"}
    assert m["assembly"]["id"] == sec.assembly()["id"] and m["destination"] == "segreteria"
    with zipfile.ZipFile(good) as z:
        assert hashlib.sha256(z.read("changes.jsonl")).hexdigest() == m["payload"]["sha256"]
    # causally complete: its own note and everything it received from the secretariat
    assert {c.device for c in pkg.changes} == {lap.device.id, sec.device.id}
    assert m["payload"]["count"] == len(pkg.changes) == lap.scalar("SELECT count(*) FROM changes")


def _refused(sec, path, error, words):
    before, raw = file_state(sec), file_bytes(sec)
    with pytest.raises(error) as info:
        import_packages(sec, [path])
    assert all(w in str(info.value) for w in words), str(info.value)
    assert file_state(sec) == before and file_bytes(sec) == raw


def test_a_truncated_package_is_refused_and_nothing_changes(pair, tmp_path):
    sec, lap, base, good = pair
    cut = tmp_path / "cut.assemblea"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _refused(sec, cut, DamagedPackageError, ["damaged or incomplete", "Copy it again"])


def test_a_corrupted_package_is_refused(pair, tmp_path):
    sec, lap, base, good = pair
    flipped = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = z.getinfo("changes.jsonl")
    at = info.header_offset + 30 + len(info.filename) + 5   # inside the compressed payload
    flipped[at] ^= 0xFF
    bad = tmp_path / "flipped.assemblea"
    bad.write_bytes(bytes(flipped))
    _refused(sec, bad, DamagedPackageError, ["damaged"])
    edited = rewrite(good, tmp_path / "edited.assemblea", payload=lambda d: d.replace(b"Ciao", b"Cia0"))
    _refused(sec, edited, DamagedPackageError, ["checksum mismatch"])


def test_a_package_with_a_malformed_line_is_refused(pair, tmp_path):
    sec, lap, base, good = pair

    def fix_sum(data):
        return lambda m: {**m, "payload": {**m["payload"], "sha256": hashlib.sha256(data).hexdigest()}}

    data = b'{"hlc": "not a stamp", "device": "x", "tbl": "notes", "row": "r", "data": {}}\n'
    bad = rewrite(good, tmp_path / "bad.assemblea", manifest=fix_sum(data), payload=lambda d: data)
    _refused(sec, bad, DamagedPackageError, ["line 1"])


@pytest.mark.parametrize("kind", ["text", "other zip", "sqlite", "empty"])
def test_a_file_that_is_not_a_package_is_refused(pair, tmp_path, kind):
    sec, lap, base, good = pair
    path = tmp_path / f"foreign-{kind.replace(' ', '')}.assemblea"
    if kind == "text":
        path.write_text("nome;cognome\nAnna;Rossi\n")
    elif kind == "other zip":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
    elif kind == "sqlite":
        path.write_bytes(sec.path.read_bytes()[:4096])
    else:
        path.write_bytes(b"")
    _refused(sec, path, ForeignFileError, ["not an exchange package"])


def test_a_package_from_a_newer_version_is_refused(pair, tmp_path):
    sec, lap, base, good = pair
    newer = rewrite(good, tmp_path / "v2.assemblea", manifest=lambda m: {**m, "format_version": FORMAT_VERSION + 1})
    _refused(sec, newer, NewerPackageError, ["newer version", "Update"])
    schema = rewrite(good, tmp_path / "s99.assemblea", manifest=lambda m: {**m, "schema_version": 99})
    _refused(sec, schema, NewerPackageError, ["newer version"])


def test_a_change_with_an_unknown_field_is_refused_inside_the_transaction(pair, tmp_path):
    sec, lap, base, good = pair
    with zipfile.ZipFile(good) as z:
        data = z.read("changes.jsonl")
    extra = data.replace(b'"text": "Ciao"', b'"text": "Ciao", "mood": "happy"')
    bad = rewrite(good, tmp_path / "mood.assemblea", payload=lambda d: extra,
                  manifest=lambda m: {**m, "payload": {**m["payload"], "sha256": hashlib.sha256(extra).hexdigest()}})
    _refused(sec, bad, NewerPackageError, ["unknown field 'mood'"])


def test_a_package_of_another_assembly_is_refused(pair, tmp_path):
    sec, lap, base, good = pair
    other = open_laptop(tmp_path, "altra")
    base_assembly(other)
    foreign = tmp_path / "altra.assemblea"
    export_package(other, foreign)
    _refused(sec, foreign, WrongAssemblyError, ["belongs to another assembly", "also called", "Nothing was imported"])
    before = file_state(sec)
    with pytest.raises(WrongAssemblyError):  # a good one and a foreign one together: neither
        import_packages(sec, [good, foreign])
    assert file_state(sec) == before
    other.close()


def test_one_bad_file_among_several_imports_nothing(pair, tmp_path):
    sec, lap, base, good = pair
    bad = tmp_path / "bad.assemblea"
    bad.write_bytes(good.read_bytes()[:100])
    before = file_state(sec)
    with pytest.raises(DamagedPackageError, match="bad.assemblea"):
        import_packages(sec, [good, bad])
    assert file_state(sec) == before


def test_collect_imports_the_good_packages_and_lists_the_others(pair, tmp_path):
    sec, lap, base, good = pair
    folder = tmp_path / "chiavetta"
    folder.mkdir()
    (folder / good.name).write_bytes(good.read_bytes())
    (folder / "rotto.assemblea").write_bytes(good.read_bytes()[:200])
    (folder / "leggimi.txt").write_text("not a package, not even looked at")
    seen = []
    summary = collect(sec, folder, progress=lambda i, n, name: seen.append((i, n, name)))
    assert [(e.file, e.kind) for e in summary.skipped] == [("rotto.assemblea", "damaged")]
    (report,) = summary.packages
    assert report.source_name == "tavolo1" and report.tables["notes"].new == 1
    assert report.origins == {"tavolo1": 2} and report.tables["devices"].new == 1   # the note, its name
    assert seen == [(0, 3, "rotto.assemblea"), (1, 3, "tavolo1.assemblea"), (2, 3, ""), (3, 3, "")]
    assert summary.as_dict()["tables"]["notes"] == {"new": 1, "updated": 0}
    (tmp_path / "senza_pacchetti").mkdir()
    with pytest.raises(ExchangeError, match="No packages"):
        collect(sec, tmp_path / "senza_pacchetti")


def test_collect_with_only_bad_packages_fails(pair, tmp_path):
    sec, lap, base, good = pair
    folder = tmp_path / "vuota"
    folder.mkdir()
    (folder / "a.assemblea").write_text("x")
    before = file_state(sec)
    with pytest.raises(ExchangeError, match="None of the packages"):
        collect(sec, folder)
    assert file_state(sec) == before


def test_prepare_makes_one_full_package_per_laptop_of_the_plenary(pair, tmp_path):
    sec, lap, base, good = pair
    results = prepare_laptops(sec, 1, tmp_path / "portatili")
    names = sorted(r.path.name for r in results)
    assert names == ["P01-energia-marco.assemblea", "P01-ingresso.assemblea", "P01-mobilita-giulia.assemblea"]
    purposes = {r.purpose["role"] for r in results}
    assert purposes == {"entrance", "group"} and all(r.full for r in results)
    new = open_laptop(tmp_path, "nuovo")
    new.ensure_assembly("nuovo.sqlite")   # what opening a new file in the window does
    summary = import_packages(new, [tmp_path / "portatili" / "P01-mobilita-giulia.assemblea"])
    assert summary.adopted and new.assembly()["id"] == sec.assembly()["id"]
    assert json.loads(new.local("exchange.purpose"))["group_name"] == "Mobilità"
    # everything but the members: a group's laptop gets only its group's (nobody is seated here);
    # what each laptop receives is tested in test_privacy_scope.py
    personal = ("devices", "members", "attendance", "group_members", "audit_log")  # the audit: written after
    assert {t: rows for t, rows in content(new).items() if t not in personal} == \
        {t: rows for t, rows in content(sec).items() if t not in personal}
    assert content(new)["members"] == {}
    with pytest.raises(ExchangeError, match="No plenary 7"):
        prepare_laptops(sec, 7, tmp_path / "portatili")
    new.close()


def test_a_laptop_with_its_own_work_does_not_adopt_another_assembly(pair, tmp_path):
    sec, lap, base, good = pair
    other = open_laptop(tmp_path, "altra")
    other.ensure_assembly("Altra")
    with other.transaction():
        other.insert("themes", {"name": "Caldo"})
    _refused(other, good, WrongAssemblyError, ["belongs to the assembly"])
    other.close()


def test_exporting_a_file_without_assembly_says_so(tmp_path):
    empty = open_laptop(tmp_path, "vuoto")
    with pytest.raises(ExchangeError, match="no assembly"):
        export_package(empty, tmp_path / "x.assemblea")
    assert not (tmp_path / "x.assemblea").exists() and not list(tmp_path.glob("*.part"))
    empty.close()
