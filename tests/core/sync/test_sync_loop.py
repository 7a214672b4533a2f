"""The sync loop between laptops sharing one folder: writing, importing, never twice."""

from __future__ import annotations

import os
import zipfile

from facilitator_app.core.attendance import check_in
from facilitator_app.core.notes import add_note
from facilitator_app.core.sync import SyncLoop, get_folder, set_folder
from facilitator_app.core.sync.loop import SyncFolderError

import pytest

from sync_sim import content, laptops, loop, packages


def round_(*loops, times=2):
    for _ in range(times):
        for lp in loops:
            report = lp.step()
            assert report.status.problem is None, report.status.detail


def test_changes_travel_both_ways_and_nothing_is_imported_twice(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    (a, b), facts = laptops(tmp_path, "Ingresso", "Tavolo")
    la, lb = loop(a, folder), loop(b, folder)
    check_in(a, facts["session"], member_id=facts["members"][0])
    add_note(b, facts["plenary"], facts["group"], "Più piste ciclabili in periferia")
    round_(la, lb)
    assert content(a) == content(b)
    assert b.scalar("SELECT count(*) FROM attendance") == 1
    assert a.scalar("SELECT count(*) FROM notes") == 1
    log_a = a.scalar("SELECT count(*) FROM changes")
    applied = a.scalar("SELECT count(*) FROM sync_applied")
    files = packages(folder)
    round_(la, lb, times=3)                       # nothing new: nothing written, nothing merged
    assert packages(folder) == files
    assert a.scalar("SELECT count(*) FROM changes") == log_a
    assert a.scalar("SELECT count(*) FROM sync_applied") == applied
    assert all(r.arrived == [] and r.written is None for r in (la.step(), lb.step()))


def test_packages_are_named_by_device_and_sequence_and_written_atomically(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    (a, b), facts = laptops(tmp_path, "Ingresso", "Tavolo")
    la = loop(a, folder)
    first = la.step().written
    check_in(a, facts["session"], member_id=facts["members"][1])
    second = la.step().written
    assert (first.file, second.file) == ("devingresso-000001.assemblea", "devingresso-000002.assemblea")
    assert [n for n in os.listdir(folder) if n.startswith(".") or n.endswith(".tmp")] == []
    with zipfile.ZipFile(folder / second.file) as z:
        assert z.testzip() is None and set(z.namelist()) == {"manifest.json", "changes.jsonl"}
    # The second package holds only the check-in, not the assembly sent before.
    assert second.count == a.scalar("SELECT count(*) FROM changes WHERE tbl = 'attendance'")


def test_received_changes_are_not_sent_back(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    (a, b, c), facts = laptops(tmp_path, "Segreteria", "Ingresso", "Tavolo")
    la, lb, lc = (loop(s, folder) for s in (a, b, c))
    round_(la, lb, lc)
    size_before = sum(p.stat().st_size for p in folder.glob("*.assemblea"))
    for m in facts["members"][:3]:
        check_in(b, facts["session"], member_id=m)
    round_(la, lb, lc)
    # Only the entrance wrote a package with the check-ins; the others relayed nothing.
    new = [r for r in a.query("SELECT source, changes FROM sync_applied")]
    writers = {r["source"] for r in new if r["changes"]}
    assert "devingresso" in writers
    assert c.scalar("SELECT count(*) FROM sync_outbox WHERE device_id = 'devtavolo'") <= 1
    assert sum(p.stat().st_size for p in folder.glob("*.assemblea")) - size_before < 4000
    assert content(a) == content(b) == content(c)


def test_the_folder_is_a_setting_of_this_laptop(tmp_path):
    (a, b), _ = laptops(tmp_path, "Ingresso", "Tavolo")
    folder = tmp_path / "shared"
    folder.mkdir()
    assert get_folder(a) is None
    set_folder(a, folder)
    assert get_folder(a) == folder.resolve() and get_folder(b) is None
    # Kept per device: the same file opened by another laptop does not sync to that folder.
    assert a.scalar("SELECT count(*) FROM local_meta WHERE key LIKE 'sync.folder:%'") == 1
    assert a.scalar("SELECT count(*) FROM changes WHERE tbl = 'settings'") == 0
    with pytest.raises(SyncFolderError):
        set_folder(a, tmp_path / "nowhere")
    assert get_folder(a) == folder.resolve()
    set_folder(a, None)
    assert get_folder(a) is None
    report = SyncLoop(a).step()
    assert report.status.problem == "no_folder"


def test_a_local_edit_made_while_the_loop_runs_on_its_own_connection(tmp_path):
    """The window and the loop: two connections to one file, the loop never refused."""
    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.store import Store

    folder = tmp_path / "shared"
    folder.mkdir()
    (a, b), facts = laptops(tmp_path, "Ingresso", "Tavolo")
    worker = Store(a.path, Device(a.device.id, a.device.name))
    la, lb = loop(worker, folder), loop(b, folder)
    got = []
    worker.subscribe(got.append)
    round_(la, lb)
    add_note(b, facts["plenary"], facts["group"], "Alberi nei cortili delle scuole")
    lb.step()
    la.step()
    assert a.scalar("SELECT count(*) FROM notes") == 1     # the window's connection sees it
    assert any(ch.touches("notes") for ch in got)           # and the loop said what changed
    check_in(a, facts["session"], member_id=facts["members"][2])   # written on the window's connection
    assert la.step().written is not None
    lb.step()
    assert b.scalar("SELECT count(*) FROM attendance") == 1
    worker.close()
