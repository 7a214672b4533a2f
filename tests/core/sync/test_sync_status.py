"""The status of each other laptop: name, last package, changes on their way."""

from __future__ import annotations

from datetime import datetime

from facilitator_app.core.attendance import check_in
from facilitator_app.core.notes import add_note

from sync_sim import laptops, loop


def test_each_other_laptop_with_its_name_last_package_and_what_is_waiting(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    (a, b, c), facts = laptops(tmp_path, "Segreteria", "Ingresso", "Tavolo")
    la, lb, lc = (loop(s, folder) for s in (a, b, c))
    for _ in range(2):
        for lp in (la, lb, lc):
            lp.step()
    status = la.step().status
    assert [p.name for p in status.peers] == ["Ingresso", "Tavolo"]
    assert all(p.waiting == 0 for p in status.peers)
    # The entrance checks in three people; the table laptop is closed meanwhile.
    for m in facts["members"][:3]:
        check_in(b, facts["session"], member_id=m)
    lb.step()
    status = la.step().status
    entrance = next(p for p in status.peers if p.name == "Ingresso")
    assert entrance.waiting_in == 0                       # imported already
    assert datetime.fromisoformat(entrance.last_package_at)
    status = lb.step().status
    table = next(p for p in status.peers if p.name == "Tavolo")
    assert table.waiting_out == 3                         # the table has not confirmed the check-ins
    add_note(c, facts["plenary"], facts["group"], "Nota dal tavolo")
    lc.step()                                             # the table imports, writes, confirms
    status = lb.step().status
    table = next(p for p in status.peers if p.name == "Tavolo")
    assert table.waiting_out == 0 and table.waiting_in == 0
    assert b.scalar("SELECT count(*) FROM notes") == 1


def test_what_a_peer_announced_but_has_not_arrived_counts_as_waiting(tmp_path):
    import shutil

    fa, fb = tmp_path / "a", tmp_path / "b"
    fa.mkdir()
    fb.mkdir()
    (a, b), facts = laptops(tmp_path, "Ingresso", "Segreteria")
    la, lb = loop(a, fa), loop(b, fb)
    la.step()
    for m in facts["members"][:4]:
        check_in(a, facts["session"], member_id=m)
    name = la.step().written.file
    # The sync tool brought the state file over, not yet the package.
    for f in fa.iterdir():
        if f.name.endswith(".peer.json") or f.name.endswith("000001.assemblea"):
            shutil.copy(f, fb / f.name)
    status = lb.step().status
    assert [(p.name, p.waiting_in) for p in status.peers] == [("Ingresso", 4)]
    shutil.copy(fa / name, fb / name)
    status = lb.step().status
    assert [(p.name, p.waiting_in) for p in status.peers] == [("Ingresso", 0)]
    assert status.as_dict()["peers"][0]["name"] == "Ingresso"
