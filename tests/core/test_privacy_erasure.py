"""Erasure that erases: the file, its WAL, the change log, conflicts, future packages, other laptops."""

from __future__ import annotations

import json
from datetime import date

import pytest
from exchange_sim import content, open_laptop, send

from facilitator_app.core.exchange.packages import export_package, import_packages
from facilitator_app.core.members.members import create_member
from facilitator_app.core.notes import notes as N
from facilitator_app.core.plenaries.plenaries import create_plenary, sessions_of
from facilitator_app.core.privacy.erasure import (ERASED_FIELDS, ErasureError, apply_retention, due_for_retention,
                                                  erase_member)

NAME, FIRST, PHONE, MAIL = "Sciarabba", "Rosalinda", "+39 347 555 0199", "rosalinda.sciarabba@example.org"


def raw_files(store) -> bytes:
    """The bytes of the database file and its WAL, as `strings` would read them."""
    return b"".join(p.read_bytes() for p in store.path.parent.glob(store.path.name + "*")
                    if not p.name.endswith((".lock", ".assemblea")))


def holds(store, *words: str) -> list[str]:
    data = raw_files(store)
    return [w for w in words if w.encode() in data or w.encode("utf-16-le") in data]


@pytest.fixture
def sec(tmp_path):
    s = open_laptop(tmp_path, "segreteria")
    s.conn.execute("PRAGMA synchronous = FULL")
    s.ensure_assembly("Assemblea")
    pid = create_plenary(s, 1, "2024-03-09", "Parco Nord")
    sid = sessions_of(s, pid)[0]["id"]
    with s.transaction():
        gid = s.insert("groups", {"plenary_id": pid, "name": "Mobilità"})
    mid = create_member(s, {"surname": NAME, "first_name": FIRST, "phone": "+39 333 111 2222",
                            "email": MAIL, "accessibility_notes": "sedia a rotelle", "birth_date": "1961-04-02",
                            "gender": "F", "municipio": 4, "term_end": "2024-06-30"})
    with s.transaction():   # corrected later: the old phone stays in the change log
        s.update("members", mid, {"phone": PHONE})
        s.insert("attendance", {"plenary_id": pid, "session_id": sid, "member_id": mid, "status": "absent",
                                "reason": "visita medica"})
    nid = N.add_note(s, pid, gid, "Più alberi nei cortili delle scuole", author_member_id=mid)
    other = create_member(s, {"surname": "Bianchi", "first_name": "Luca", "phone": "+39 320 000 0001"})
    yield {"s": s, "mid": mid, "nid": nid, "pid": pid, "sid": sid, "other": other}
    s.close()


def test_erase_removes_the_personal_data_from_the_file_the_wal_and_the_log(sec):
    s, mid = sec["s"], sec["mid"]
    assert holds(s, NAME, PHONE, MAIL)   # the test can see them before
    report = erase_member(s, mid)
    assert set(report.fields) >= {"surname", "first_name", "phone", "email", "birth_date", "accessibility_notes"}
    assert report.changes_rewritten >= 2
    assert holds(s, NAME, PHONE, "+39 333 111 2222", MAIL, "sedia a rotelle", "1961-04-02", "visita medica") == []
    row = s.get("members", mid, include_deleted=True)
    assert all(row[f] is None for f in ERASED_FIELDS if f not in ("surname", "first_name"))
    assert row["surname"] == "—" and row["gender"] == "F" and row["municipio"] == 4   # anonymous facts stay
    # attendance counted, the note's text kept without its author, the other member untouched
    assert s.scalar("SELECT count(*) FROM attendance WHERE member_id = ?", (mid,)) == 1
    note = s.get("notes", sec["nid"])
    assert note["text"] == "Più alberi nei cortili delle scuole" and note["author_member_id"] is None
    assert s.get("members", sec["other"])["phone"] == "+39 320 000 0001"
    for (data,) in s.conn.execute("SELECT data FROM changes WHERE row_id = ?", (mid,)):
        assert not set(json.loads(data)) & {"phone", "email", "birth_date"} or \
            all(json.loads(data).get(f) is None for f in ("phone", "email", "birth_date"))
    assert s.scalar("PRAGMA integrity_check") == "ok"


def test_a_future_package_carries_nothing_of_it(sec, tmp_path):
    s, mid = sec["s"], sec["mid"]
    erase_member(s, mid)
    pkg = tmp_path / "dopo.assemblea"
    export_package(s, pkg)
    import zipfile
    with zipfile.ZipFile(pkg) as z:
        payload = z.read("changes.jsonl").decode()
    for w in (NAME, PHONE, MAIL, "sedia a rotelle", "visita medica"):
        assert w not in payload


def test_the_erasure_travels_and_an_old_package_cannot_bring_the_data_back(sec, tmp_path):
    s, mid = sec["s"], sec["mid"]
    lap = open_laptop(tmp_path, "portatile")
    send(s, lap, tmp_path, full=True)
    old = tmp_path / "prima.assemblea"
    export_package(s, old)                      # made before the erasure
    assert lap.get("members", mid)["phone"] == PHONE
    erase_member(s, mid)
    summary = send(s, lap, tmp_path)            # the erasure arrives on the laptop
    assert summary.new_changes > 0
    assert lap.get("members", mid, include_deleted=True)["phone"] is None
    assert holds(lap, NAME, PHONE, MAIL, "sedia a rotelle") == []
    # the old package, received again, twice, by both
    for target in (lap, s, lap):
        import_packages(target, [old])
        assert target.get("members", mid, include_deleted=True)["surname"] == "—"
        assert holds(target, NAME, PHONE, MAIL) == []
    # a new laptop that gets the old package first and the erasure afterwards
    late = open_laptop(tmp_path, "ritardatario")
    import_packages(late, [old])
    assert late.get("members", mid)["phone"] == PHONE
    send(s, late, tmp_path, full=True)
    assert holds(late, NAME, PHONE, MAIL) == []
    # and one that gets both at once
    both = open_laptop(tmp_path, "entrambi")
    export_package(s, tmp_path / "dopo.assemblea")
    import_packages(both, [old, tmp_path / "dopo.assemblea"])
    assert holds(both, NAME, PHONE, MAIL) == []
    ref = {t: r for t, r in content(s).items() if t not in ("devices", "audit_log")}
    for x in (lap, late, both):
        assert {t: r for t, r in content(x).items() if t not in ("devices", "audit_log")} == ref
        x.close()


def test_conflicting_versions_of_erased_fields_go_too(sec, tmp_path):
    s, mid = sec["s"], sec["mid"]
    lap = open_laptop(tmp_path, "portatile")
    send(s, lap, tmp_path, full=True)
    with lap.transaction():
        lap.update("members", mid, {"notes": "preferisce essere chiamata Rosi"})
    with s.transaction():
        s.update("members", mid, {"notes": "arriva sempre in bici"})
    send(lap, s, tmp_path, full=True)
    assert s.scalar("SELECT count(*) FROM conflicts WHERE row_id = ?", (mid,)) == 1
    erase_member(s, mid)
    assert s.scalar("SELECT count(*) FROM conflicts WHERE row_id = ?", (mid,)) == 0
    assert holds(s, "chiamata Rosi", "sempre in bici") == []
    lap.close()


def test_erasing_an_unknown_member_writes_nothing(sec):
    s = sec["s"]
    before = s.scalar("SELECT count(*) FROM changes")
    with pytest.raises(ErasureError) as exc:
        erase_member(s, "nessuno")
    assert exc.value.code == "no_member" and s.scalar("SELECT count(*) FROM changes") == before


def test_retention_lists_and_erases_former_members_past_the_period(sec):
    s, mid = sec["s"], sec["mid"]   # term ended 2024-06-30
    assert due_for_retention(s, months=12, today=date(2025, 6, 30)) == []
    due = due_for_retention(s, months=12, today=date(2025, 7, 1))
    assert [d["id"] for d in due] == [mid] and due[0]["keep_until"] == "2025-06-30"
    assert due_for_retention(s, months=0, today=date(2024, 7, 1))[0]["id"] == mid
    reports = apply_retention(s, months=12, today=date(2025, 7, 1))
    assert [r.member_id for r in reports] == [mid] and reports[0].reason == "retention"
    assert holds(s, NAME, PHONE, MAIL) == []
    assert due_for_retention(s, months=12, today=date(2025, 7, 1)) == []   # not due twice
    assert s.get("members", sec["other"])["surname"] == "Bianchi"
    with pytest.raises(ErasureError):
        due_for_retention(s, months=-1)
