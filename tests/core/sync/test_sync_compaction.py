"""The folder stays small over a mandate, and laptops away for a while or new still catch up."""

from __future__ import annotations

from facilitator_app.core.attendance import check_in
from facilitator_app.core.notes import add_note

from sync_sim import content, laptops, loop, open_laptop, packages


def _notes(store, facts, lp, n, prefix):
    for i in range(n):
        add_note(store, facts["plenary"], facts["group"], f"{prefix} {i}")
        assert lp.step().written is not None


def test_packages_everyone_has_are_merged_into_one(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    (a, b), facts = laptops(tmp_path, "Tavolo", "Segreteria")
    la, lb = loop(a, folder, compact_after=5), loop(b, folder, compact_after=5)
    la.step()
    lb.step()
    for i in range(12):
        add_note(a, facts["plenary"], facts["group"], f"Nota {i}")
        la.step()
        lb.step()
    mine = [n for n in packages(folder) if n.startswith("devtavolo")]
    assert len(mine) < 7, mine                              # compacted along the way
    assert any(n.count("-") == 2 for n in mine)             # devtavolo-000001-0000NN.assemblea
    # Nothing lost, nothing merged twice on the laptop that already had it all.
    assert content(a) == content(b)
    log = b.scalar("SELECT count(*) FROM changes")
    lb.step()
    assert b.scalar("SELECT count(*) FROM changes") == log


def test_compaction_waits_for_a_laptop_that_is_away_then_goes_ahead_at_the_limit(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    (a, b, c), facts = laptops(tmp_path, "Tavolo", "Segreteria", "Ingresso")
    la, lb, lc = (loop(s, folder, compact_after=4, compact_limit=10) for s in (a, b, c))
    for lp in (la, lb, lc):
        lp.step()
    for lp in (la, lb, lc):
        lp.step()
    # The entrance laptop is closed for a week; the table and the secretariat go on.
    for i in range(8):
        add_note(a, facts["plenary"], facts["group"], f"Nota {i}")
        la.step()
        lb.step()
    small = [n for n in packages(folder) if n.startswith("devtavolo") and n.count("-") == 1]
    assert len(small) >= 8                                  # held back: the entrance has not seen them
    for i in range(8, 14):
        add_note(a, facts["plenary"], facts["group"], f"Nota {i}")
        la.step()
        lb.step()
    small = [n for n in packages(folder) if n.startswith("devtavolo") and n.count("-") == 1]
    assert len(small) < 10                                  # the limit: compacted anyway
    # A week later the entrance laptop is back: it gets everything from the compacted package.
    lc.step()
    lc.step()
    assert content(c)["notes"] == content(a)["notes"]
    assert len(c.select("notes")) == 14


def test_a_laptop_never_seen_before_gets_everything(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    (a, b), facts = laptops(tmp_path, "Tavolo", "Ingresso")
    la, lb = loop(a, folder, compact_after=3), loop(b, folder, compact_after=3)
    for i in range(10):
        add_note(a, facts["plenary"], facts["group"], f"Nota {i}")
        check_in(b, facts["session"], member_id=facts["members"][i % len(facts["members"])])
        la.step()
        lb.step()
    for _ in range(2):
        la.step()
        lb.step()
    assert len(packages(folder)) < 10
    new = open_laptop(tmp_path, "Nuovo")                     # a blank file, a new laptop
    ln = loop(new, folder)
    report = ln.step()
    assert report.status.problem is None and report.new_changes > 0
    assert new.assembly()["id"] == a.assembly()["id"]       # adopted the assembly
    for s in (a, b):
        assert content(new)["notes"] == content(s)["notes"]
        assert content(new)["attendance"] == content(s)["attendance"]
    assert ln.step().arrived == []


def test_a_day_of_notes_keeps_the_folder_small(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    (a, b), facts = laptops(tmp_path, "Tavolo", "Segreteria")
    la, lb = loop(a, folder), loop(b, folder)
    _notes(a, facts, la, 120, "Una proposta sul trasporto pubblico di quartiere numero")
    lb.step()
    la.step()
    names = packages(folder)
    assert len(names) <= 45, len(names)
    assert sum((folder / n).stat().st_size for n in names) < 200_000


def test_a_restored_backup_does_not_reuse_package_numbers(tmp_path):
    import shutil

    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.store import Store

    folder = tmp_path / "share"
    folder.mkdir()
    (a, b), facts = laptops(tmp_path, "Tavolo", "Segreteria")
    la, lb = loop(a, folder), loop(b, folder)
    la.step()
    a.close()
    shutil.copy(tmp_path / "Tavolo.sqlite", tmp_path / "backup.sqlite")    # yesterday's backup
    a = Store(tmp_path / "Tavolo.sqlite", Device("devtavolo", "Tavolo"))
    la = loop(a, folder)
    _notes(a, facts, la, 2, "Persa?")
    lb.step()
    a.close()
    restored = Store(tmp_path / "backup.sqlite", Device("devtavolo", "Tavolo"))
    lr = loop(restored, folder)
    lr.step()                                     # finds its own later packages: imports them
    assert len(restored.select("notes")) == 2
    add_note(restored, facts["plenary"], facts["group"], "Dopo il ripristino")
    written = lr.step().written
    assert written.seq == 4
    lb.step()
    assert len(b.select("notes")) == 3


def test_a_laptop_switched_off_does_not_hold_compaction_back(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    (a, b), facts = laptops(tmp_path, "Tavolo", "Segreteria")
    lb = loop(b, folder)
    lb.step()                                         # the secretariat set the folder up, then left
    la = loop(a, folder, compact_after=5, active_within=0.5)
    import time

    time.sleep(0.6)
    for i in range(7):
        add_note(a, facts["plenary"], facts["group"], f"Nota {i}")
        la.step()
    mine = [n for n in packages(folder) if n.startswith("devtavolo")]
    assert len(mine) < 5 and any(n.count("-") == 2 for n in mine), mine
    lb.step()                                         # back: everything there, from the compacted package
    assert len(b.select("notes")) == 7
