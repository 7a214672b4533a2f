"""What real sync tools do to a folder, simulated with file operations."""

from __future__ import annotations

import os
import shutil
import time
import zipfile

from facilitator_app.core.attendance import check_in
from facilitator_app.core.notes import add_note
from facilitator_app.core.sync.folder import list_folder

from sync_sim import content, laptops, loop, packages


def _age(path, seconds):
    """Make a file look `seconds` old (mtime), as a file that stopped changing long ago."""
    t = time.time() - seconds
    os.utime(path, (t, t))


def _setup(tmp_path, *names):
    folder_a, folder_b = tmp_path / "a", tmp_path / "b"     # each laptop's own copy of the folder
    folder_a.mkdir()
    folder_b.mkdir()
    stores, facts = laptops(tmp_path, *names)
    return stores, facts, folder_a, folder_b


def _written(la, store, facts, n=1):
    for m in facts["members"][:n]:
        check_in(store, facts["session"], member_id=m)
    return la.step().written.file


def test_a_partial_file_is_retried_and_never_set_aside(tmp_path):
    (a, b), facts, fa, fb = _setup(tmp_path, "Ingresso", "Tavolo")
    la, lb = loop(a, fa, settle=30), loop(b, fb, settle=30)
    la.step()
    name = _written(la, a, facts, 3)
    data = (fa / name).read_bytes()
    cut = fb / name
    for size in (0, 10, len(data) // 2, len(data) - 1):     # a copy growing under its final name
        cut.write_bytes(data[:size])
        report = lb.step()
        assert report.status.problem is None
        assert name in report.status.waiting_files
        assert report.arrived == [] and report.status.set_aside == []
        assert b.scalar("SELECT count(*) FROM attendance") == 0
    cut.write_bytes(data)
    report = lb.step()
    assert [x.file for x in report.arrived] == [name]
    assert b.scalar("SELECT count(*) FROM attendance") == 3
    assert not (fb / "quarantine").exists()


def test_a_file_preallocated_with_zeros_waits_until_it_is_filled(tmp_path):
    """Some copiers (Windows Explorer) set the final size first and fill it afterwards."""
    (a, b), facts, fa, fb = _setup(tmp_path, "Ingresso", "Tavolo")
    la, lb = loop(a, fa, settle=5), loop(b, fb, settle=5)
    name = _written(la, a, facts, 2)
    data = (fa / name).read_bytes()
    (fb / name).write_bytes(b"\0" * len(data))
    assert name in lb.step().status.waiting_files
    half = data[: len(data) // 2] + b"\0" * (len(data) - len(data) // 2)
    (fb / name).write_bytes(half)
    assert name in lb.step().status.waiting_files
    (fb / name).write_bytes(data)
    assert [x.file for x in lb.step().arrived] == [name]


def test_a_damaged_file_that_stopped_changing_is_set_aside_and_listed(tmp_path):
    (a, b), facts, fa, fb = _setup(tmp_path, "Ingresso", "Tavolo")
    la, lb = loop(a, fa, settle=5), loop(b, fb, settle=5)
    name = _written(la, a, facts, 2)
    data = bytearray((fa / name).read_bytes())
    data[len(data) // 2] ^= 0xFF                          # one flipped byte: checksum or zip error
    (fb / name).write_bytes(bytes(data))
    (fb / "notes.assemblea").write_text("not a package at all", encoding="utf-8")
    _age(fb / name, 3600)
    _age(fb / "notes.assemblea", 3600)
    first = lb.step()                                     # first sight: maybe still arriving
    assert set(first.status.waiting_files) == {name, "notes.assemblea"}
    b.conn.execute("UPDATE sync_files SET bad_since = bad_since - 10 WHERE status = 'unreadable'")  # 10 s later
    report = lb.step()
    kinds = {x.file: x.kind for x in report.status.set_aside}
    assert kinds == {name: "damaged", "notes.assemblea": "foreign"}
    assert sorted(os.listdir(fb / "quarantine")) == sorted([name, "notes.assemblea"])
    assert not (fb / name).exists()
    assert b.scalar("SELECT count(*) FROM attendance") == 0
    # The good copy arrives again (the writer repairs a missing package): imported.
    shutil.copy(fa / name, fb / name)
    assert [x.file for x in lb.step().arrived] == [name]
    assert b.scalar("SELECT count(*) FROM attendance") == 2
    assert {x.file for x in lb.step().status.set_aside} == {name, "notes.assemblea"}   # still listed


def test_temporary_files_of_sync_tools_are_never_read(tmp_path):
    (a, b), facts, fa, fb = _setup(tmp_path, "Ingresso", "Tavolo")
    la, lb = loop(a, fa, settle=0), loop(b, fb, settle=0)
    name = _written(la, a, facts)
    data = (fa / name).read_bytes()
    for tmp in (f".syncthing.{name}.tmp", f"~syncthing~{name}.tmp", f"{name}.part", f".{name}.tmp",
                f"{name}.tmp", f"{name}.crdownload"):
        (fb / tmp).write_bytes(data[:40])
    assert list(list_folder(fb).packages) == []
    report = lb.step()
    assert report.arrived == [] and report.status.set_aside == [] and report.status.waiting_files == []


def test_conflict_copies_and_duplicates_are_recognised_by_content(tmp_path):
    (a, b), facts, fa, fb = _setup(tmp_path, "Ingresso", "Tavolo")
    la, lb = loop(a, fa), loop(b, fb)
    name = _written(la, a, facts, 2)
    stem = name.removesuffix(".assemblea")
    copies = [name, f"{stem}.sync-conflict-20261203-101500-ABCDEFG.assemblea", f"{stem} (1).assemblea",
              f"{stem} (conflicted copy 2026-12-03).assemblea", f"{stem}-conflict-laptop2.assemblea",
              f"{name}.sync-conflict-20261203-101501-XYZ"]
    for c in copies:
        shutil.copy(fa / name, fb / c)
    report = lb.step()
    assert len(report.arrived) == 1                         # merged once
    assert b.scalar("SELECT count(*) FROM sync_applied") == 1
    statuses = dict(b.conn.execute("SELECT name, status FROM sync_files").fetchall())
    assert sorted(statuses.values()) == ["applied"] + ["duplicate"] * (len(copies) - 1)
    log = b.scalar("SELECT count(*) FROM changes")
    assert lb.step().arrived == [] and b.scalar("SELECT count(*) FROM changes") == log


def test_a_conflict_copy_with_other_content_is_imported_too(tmp_path):
    """A laptop restored from an old backup wrote a package under a name already used."""
    (a, b), facts, fa, fb = _setup(tmp_path, "Ingresso", "Tavolo")
    la, lb = loop(a, fa), loop(b, fb)
    first = _written(la, a, facts, 1)
    shutil.copy(fa / first, fb / first)
    other_name = first.removesuffix(".assemblea") + ".sync-conflict-20261203-101500-QQQ.assemblea"
    check_in(a, facts["session"], member_id=facts["members"][4])
    second = la.step().written.file
    shutil.copy(fa / second, fb / other_name)
    lb.step()
    assert b.scalar("SELECT count(*) FROM attendance") == 2


def test_packages_arriving_out_of_order(tmp_path):
    (a, b), facts, fa, fb = _setup(tmp_path, "Tavolo", "Segreteria")
    la, lb = loop(a, fa), loop(b, fb)
    la.step()
    add_note(a, facts["plenary"], facts["group"], "Una nota")
    n1 = la.step().written.file
    note = a.select("notes")[0]["id"]
    with a.transaction():
        a.update("notes", note, {"text": "Una nota, corretta"})
        a.insert("votes", {"target_type": "note", "target_id": note, "delta": 1})
    n2 = la.step().written.file
    shutil.copy(fa / n2, fb / n2)                            # the later package first
    lb.step()
    assert b.select("notes") == []                            # its note has not arrived yet
    assert lb.step().status.pending > 0
    shutil.copy(fa / n1, fb / n1)
    lb.step()
    assert [n["text"] for n in b.select("notes")] == ["Una nota, corretta"]
    assert content(a)["notes"] == content(b)["notes"] and content(a)["votes"] == content(b)["votes"]


def test_the_folder_disappears_and_comes_back(tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    (a, b), facts = laptops(tmp_path, "Ingresso", "Tavolo")
    la, lb = loop(a, folder), loop(b, folder)
    la.step()
    lb.step()
    moved = tmp_path / "in-a-pocket"
    folder.rename(moved)                                      # the stick is pulled out
    check_in(a, facts["session"], member_id=facts["members"][0])
    report = la.step()
    assert report.status.problem == "unavailable" and report.written is None
    assert not folder.exists()                                # never created on the local disk
    moved.rename(folder)                                      # put back
    assert la.step().written is not None
    lb.step()
    assert b.scalar("SELECT count(*) FROM attendance") == 1


def test_the_folder_failing_mid_step_is_a_status_not_an_exception(tmp_path, monkeypatch):
    folder = tmp_path / "share"
    folder.mkdir()
    (a,), facts = laptops(tmp_path, "Ingresso")
    la = loop(a, folder)
    la.step()
    check_in(a, facts["session"], member_id=facts["members"][0])
    from facilitator_app.core.sync import outbox as outbox_mod

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outbox_mod, "write_package", full_disk)
    report = la.step()
    assert report.status.problem == "folder_error" and "space" in report.status.detail
    monkeypatch.undo()
    report = la.step()                       # recorded before writing: written now, once
    assert report.status.problem is None and report.repaired
    assert len([n for n in packages(folder)]) == 2
    monkeypatch.setattr("facilitator_app.core.sync.loop.import_new",
                        lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom")))
    report = la.step()
    assert report.status.problem == "unexpected" and "boom" in report.status.detail


def test_a_package_deleted_from_the_folder_is_written_again(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    (a, b), facts = laptops(tmp_path, "Ingresso", "Tavolo")
    la, lb = loop(a, folder), loop(b, folder)
    la.step()
    name = _written(la, a, facts, 2)
    before = zipfile.ZipFile(folder / name).read("changes.jsonl")
    (folder / name).unlink()
    assert name in la.step().repaired
    assert zipfile.ZipFile(folder / name).read("changes.jsonl") == before
    lb.step()
    assert b.scalar("SELECT count(*) FROM attendance") == 2


def test_other_assemblies_and_newer_packages_are_listed_and_left_in_place(tmp_path):
    import json

    from facilitator_app.core.exchange.packages import export_package

    from sync_sim import base_assembly, open_laptop

    folder = tmp_path / "share"
    folder.mkdir()
    (a,), facts = laptops(tmp_path, "Ingresso")
    other = open_laptop(tmp_path, "Altro")
    base_assembly(other, 2)
    export_package(other, folder / "altro.assemblea")
    good = tmp_path / "good.assemblea"
    export_package(a, good)
    with zipfile.ZipFile(good) as z:
        manifest, payload = json.loads(z.read("manifest.json")), z.read("changes.jsonl")
    manifest["schema_version"] = 999
    with zipfile.ZipFile(folder / "futuro.assemblea", "w") as z:
        z.writestr("manifest.json", json.dumps(manifest))
        z.writestr("changes.jsonl", payload)
    la = loop(a, folder)
    report = la.step()
    assert {x.file: x.kind for x in report.status.set_aside} == {"altro.assemblea": "other_assembly",
                                                                 "futuro.assemblea": "newer"}
    assert (folder / "altro.assemblea").exists() and (folder / "futuro.assemblea").exists()
    assert a.scalar("SELECT count(*) FROM members") == len(facts["members"])
    la.step()
    assert a.scalar("SELECT count(*) FROM sync_set_aside") == 2       # listed once each
