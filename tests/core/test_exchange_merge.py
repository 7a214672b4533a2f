"""Merge semantics of exchange packages, scenario by scenario (see core/exchange/merge.py)."""

import json

import pytest
from exchange_sim import base_assembly, check_in, content, copy_laptop, file_state, log_keys, open_laptop, send

from facilitator_app.core.exchange.conflicts import list_conflicts, restore_conflict, set_resolved
from facilitator_app.core.exchange.packages import export_package, import_packages
from facilitator_app.core.snapshots import undo
from facilitator_app.core.store.ids import HybridClock, derived_id


@pytest.fixture
def trio(tmp_path):
    """The secretariat and two group laptops, each starting from the secretariat's full package."""
    sec = open_laptop(tmp_path, "segreteria")
    base = base_assembly(sec)
    a, b = open_laptop(tmp_path, "tavolo1"), open_laptop(tmp_path, "tavolo2")
    for lap in (a, b):
        lap.ensure_assembly("placeholder of a new laptop")
        send(sec, lap, tmp_path, full=True)
    yield sec, a, b, base
    for s in (sec, a, b):
        s.close()


def add_note(store, base, text, group=0):
    with store.transaction():
        return store.insert("notes", {"plenary_id": base["plenary_id"], "group_id": base["group_ids"][group],
                                      "text": text})


def exchange_all(tmp_path, *stores):
    for _ in range(2):
        for src in stores:
            for dst in stores:
                if src is not dst:
                    send(src, dst, tmp_path)


def test_a_new_laptop_adopts_the_assembly_and_gets_everything(trio):
    sec, a, b, base = trio
    assert a.assembly()["id"] == sec.assembly()["id"]
    assert len(a.select("members")) == 6 and len(a.select("groups")) == 2
    assert a.scalar("SELECT count(*) FROM assembly") == 1


def test_text_edit_and_cluster_move_on_two_laptops_both_stay(trio, tmp_path):
    sec, a, b, base = trio
    nid = add_note(sec, base, "Più piste ciclabili")
    exchange_all(tmp_path, sec, a, b)
    with a.transaction():
        a.update("notes", nid, {"text": "Più piste ciclabili protette"})
    with b.transaction():
        cid = b.insert("clusters", {"group_id": base["group_ids"][0], "title": "Mobilità dolce"})
        b.update("notes", nid, {"cluster_id": cid})
    exchange_all(tmp_path, sec, a, b)
    for s in (sec, a, b):
        note = s.get("notes", nid)
        assert (note["text"], note["cluster_id"]) == ("Più piste ciclabili protette", cid)
        assert s.select("conflicts") == []
    assert content(sec) == content(a) == content(b)


def test_concurrent_text_edits_keep_the_losing_version(trio, tmp_path):
    sec, a, b, base = trio
    nid = add_note(sec, base, "Zone 30")
    exchange_all(tmp_path, sec, a, b)
    with a.transaction():
        a.update("notes", nid, {"text": "Zone 30 davanti alle scuole"})
    with b.transaction():
        b.update("notes", nid, {"text": "Zone 30 in tutta la città"})
    b_stamp = b.get("notes", nid)["hlc"]
    exchange_all(tmp_path, sec, a, b)
    # the later stamp wins everywhere; the other version is kept, identically on every laptop
    assert {s.get("notes", nid)["text"] for s in (sec, a, b)} == {"Zone 30 in tutta la città"}
    assert b_stamp > a.get("conflicts", list_conflicts(a)[0]["id"])["lost_hlc"]
    (c,) = list_conflicts(sec)
    assert (c["tbl"], c["row_id"], c["field"]) == ("notes", nid, "text")
    assert (c["lost_value"], c["kept_value"]) == ("Zone 30 davanti alle scuole", "Zone 30 in tutta la città")
    assert c["lost_device_id"] == a.device.id and c["device_name"] == "tavolo1"
    assert content(sec) == content(a) == content(b)


def test_an_edit_made_after_seeing_another_is_not_a_conflict(trio, tmp_path):
    sec, a, b, base = trio
    nid = add_note(a, base, "Alberi")
    send(a, b, tmp_path)
    with b.transaction():
        b.update("notes", nid, {"text": "Più alberi nei cortili"})
    send(b, a, tmp_path)
    with a.transaction():
        a.update("notes", nid, {"text": "Più alberi nei cortili delle scuole"})
    exchange_all(tmp_path, sec, a, b)
    assert sec.get("notes", nid)["text"] == "Più alberi nei cortili delle scuole"
    assert sec.select("conflicts") == []


def test_restore_a_lost_version_travels_and_can_be_undone(trio, tmp_path):
    sec, a, b, base = trio
    nid = add_note(sec, base, "Tetti verdi")
    exchange_all(tmp_path, sec, a, b)
    for s, text in ((a, "Tetti verdi sugli edifici pubblici"), (b, "Tetti verdi e fotovoltaico")):
        with s.transaction():
            s.update("notes", nid, {"text": text})
    exchange_all(tmp_path, sec, a, b)
    (c,) = list_conflicts(sec)
    restored = restore_conflict(sec, c["id"])
    assert sec.get("notes", nid)["text"] == c["lost_value"] and list_conflicts(sec) == []
    undo(sec, restored)
    assert sec.get("notes", nid)["text"] == c["kept_value"] and len(list_conflicts(sec)) == 1
    restore_conflict(sec, c["id"])
    exchange_all(tmp_path, sec, a, b)
    for s in (sec, a, b):
        assert s.get("notes", nid)["text"] == c["lost_value"]
        assert list_conflicts(s) == [] and len(list_conflicts(s, include_resolved=True)) == 1
    assert content(sec) == content(a) == content(b)
    set_resolved(a, c["id"], False)
    exchange_all(tmp_path, sec, a, b)
    assert len(list_conflicts(b)) == 1


def test_deletions_travel_as_tombstones(trio, tmp_path):
    sec, a, b, base = trio
    nid = add_note(a, base, "Da cancellare")
    exchange_all(tmp_path, sec, a, b)
    with b.transaction():
        b.delete("notes", nid)
    exchange_all(tmp_path, sec, a, b)
    for s in (sec, a, b):
        assert s.get("notes", nid) is None and s.get("notes", nid, include_deleted=True)["deleted"] == 1


def test_two_entrance_laptops_never_count_a_person_twice(trio, tmp_path):
    sec, a, b, base = trio
    m1, m2 = base["member_ids"][:2]
    check_in(a, base, m1, "2024-03-09T09:31:00+01:00")
    check_in(b, base, m1, "2024-03-09T09:45:00+01:00")   # the same person, at the other desk, later
    check_in(b, base, m2, "2024-03-09T09:20:00+01:00")
    aid = derived_id("attendance", base["session_id"], m1)
    with a.transaction():
        a.update("attendance", aid, {"checked_out_at": "2024-03-09T12:00:00+01:00"})
    with b.transaction():
        b.update("attendance", aid, {"checked_out_at": "2024-03-09T12:30:00+01:00"})
    exchange_all(tmp_path, sec, a, b)
    for s in (sec, a, b):
        rows = s.select("attendance")
        assert sorted(r["member_id"] for r in rows) == sorted([m1, m2])
        row = s.get("attendance", aid)
        assert row["checked_in_at"] == "2024-03-09T09:31:00+01:00" and row["late"] == 0   # first arrival
        assert row["checked_out_at"] == "2024-03-09T12:30:00+01:00"                      # last departure
    assert content(sec) == content(a) == content(b)
    # a correction made after seeing the merged row wins, even towards a later time
    with sec.transaction():
        sec.update("attendance", aid, {"checked_in_at": "2024-03-09T09:50:00+01:00", "late": 1})
    exchange_all(tmp_path, sec, a, b)
    assert {s.get("attendance", aid)["checked_in_at"] for s in (sec, a, b)} == {"2024-03-09T09:50:00+01:00"}


def test_dot_votes_from_two_laptops_add_up(trio, tmp_path):
    sec, a, b, base = trio
    nid = add_note(sec, base, "Bus notturni")
    exchange_all(tmp_path, sec, a, b)
    for s, n in ((a, 3), (b, 2)):
        with s.transaction():
            for _ in range(n):
                s.insert("votes", {"target_type": "note", "target_id": nid, "delta": 1})
    exchange_all(tmp_path, sec, a, b)
    assert sec.scalar("SELECT sum(delta) FROM votes WHERE target_id = ? AND deleted = 0", (nid,)) == 5


def test_remote_changes_keep_their_stamp_and_are_forwarded(trio, tmp_path):
    sec, a, b, base = trio
    nid = add_note(a, base, "Inoltrata")
    send(a, b, tmp_path)
    (row,) = b.query("SELECT hlc, device_id, pred FROM changes WHERE row_id = ?", (nid,))
    assert row["device_id"] == a.device.id and json.loads(row["pred"]) == {}
    send(b, sec, tmp_path)             # the secretariat gets a's note through b
    assert sec.get("notes", nid)["device_id"] == a.device.id
    assert log_keys(sec) >= {k for k in log_keys(a)}


def test_the_clock_moves_past_merged_stamps(trio, tmp_path):
    sec, a, b, base = trio
    nid = add_note(a, base, "x")
    future = "9999999999999-000000-dev-tavolo1"
    with a.transaction():  # a laptop whose clock is far ahead
        a.clock = HybridClock(a.device.id, future)
        a.update("notes", nid, {"text": "from the future"})
    send(a, b, tmp_path)
    with b.transaction():
        b.update("notes", nid, {"text": "edited here afterwards"})
    assert b.get("notes", nid)["hlc"] > a.get("notes", nid)["hlc"]
    send(b, a, tmp_path)
    assert a.get("notes", nid)["text"] == "edited here afterwards" and a.select("conflicts") == []


def test_importing_twice_changes_nothing(trio, tmp_path):
    sec, a, b, base = trio
    add_note(a, base, "una")
    check_in(a, base, base["member_ids"][0], "2024-03-09T09:30:00+01:00")
    path = tmp_path / "a.assemblea"
    export_package(a, path, full=True)
    first = import_packages(sec, [path])
    state = file_state(sec)
    again = import_packages(sec, [path])
    assert first.new_changes > 0 and again.new_changes == 0 and again.tables == {}
    assert file_state(sec) == state


def test_import_order_does_not_matter(trio, tmp_path):
    sec, a, b, base = trio
    nid = add_note(sec, base, "comune")
    exchange_all(tmp_path, sec, a, b)
    for s, t in ((a, "versione A"), (b, "versione B")):
        with s.transaction():
            s.update("notes", nid, {"text": t})
            s.insert("votes", {"target_type": "note", "target_id": nid, "delta": 1})
        add_note(s, base, f"nuova da {t}")
        check_in(s, base, base["member_ids"][3], f"2024-03-09T09:3{len(t) % 7}:00+01:00")
    pa, pb = tmp_path / "a.assemblea", tmp_path / "b.assemblea"
    export_package(a, pa, to="segreteria")
    export_package(b, pb, to="segreteria")
    x1, x2 = copy_laptop(sec, tmp_path / "x1.sqlite"), copy_laptop(sec, tmp_path / "x2.sqlite")
    x3 = copy_laptop(sec, tmp_path / "x3.sqlite")
    import_packages(x1, [pa])
    import_packages(x1, [pb])
    import_packages(x2, [pb])
    import_packages(x2, [pa])
    import_packages(x3, [pa, pb])
    assert content(x1) == content(x2) == content(x3)
    assert log_keys(x1) == log_keys(x2) == log_keys(x3)
    assert len(x1.select("conflicts")) == 1


def test_an_incremental_package_before_the_earlier_one_waits_then_completes(trio, tmp_path):
    sec, a, b, base = trio
    with a.transaction():
        gid = a.insert("groups", {"plenary_id": base["plenary_id"], "name": "Nuovo gruppo"})
    p1, p2 = tmp_path / "1.assemblea", tmp_path / "2.assemblea"
    export_package(a, p1, to="segreteria")
    with a.transaction():
        nid = a.insert("notes", {"plenary_id": base["plenary_id"], "group_id": gid, "text": "nel nuovo gruppo"})
    export_package(a, p2, to="segreteria")
    summary = import_packages(sec, [p2])
    assert sec.get("notes", nid) is None and summary.pending == 1
    assert any("earlier package" in w for w in summary.packages[0].warnings)
    summary = import_packages(sec, [p1])
    assert sec.get("notes", nid)["text"] == "nel nuovo gruppo" and summary.pending == 0
    assert sec.local("exchange.pending") == "[]"


def test_incremental_packages_hold_only_what_was_not_sent(trio, tmp_path):
    sec, a, b, base = trio
    p = tmp_path / "p.assemblea"
    first = export_package(a, p, to="segreteria")
    add_note(a, base, "dopo")
    second = export_package(a, p, to="segreteria")
    assert second.from_seq == first.to_seq and second.count == 1 and not second.full
    assert export_package(a, p, to="tavolo2").count == first.count + 1   # another destination: everything
    # a whole copy asked for carries its own audit entry (core/privacy/audit.py) besides the note
    assert export_package(a, p, to="segreteria", full=True).count == first.count + 2
