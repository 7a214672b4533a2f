"""Commits of other connections: noticed with data_version, named by the change log; field-wise merges."""

from __future__ import annotations

import subprocess
import sys

from facilitator_app.core.members.members import create_member, update_member
from facilitator_app.core.store import Store
from facilitator_app.core.watch import AllChanged, OutsideWatcher, same, three_way


def test_own_commits_are_not_reported_others_are_by_row(store, db_path, device):
    w = OutsideWatcher(store)
    mine = create_member(store, {"surname": "Rossi", "first_name": "Mario"})
    assert w.poll() is None  # our own commit: the listeners already had it
    with Store(db_path, device) as other:
        theirs = create_member(other, {"surname": "Bianchi", "first_name": "Anna"})
        update_member(other, mine, {"phone": "+39 333 1234567"})
    changes = w.poll()
    assert changes is not None and not isinstance(changes, AllChanged)
    assert changes.rows["members"] == {mine, theirs}
    assert w.poll() is None  # reported once


def test_a_commit_by_another_process_is_seen(store, db_path):
    w = OutsideWatcher(store)
    code = ("import sys; from facilitator_app.core.store import Store; "
            "from facilitator_app.core.members.members import create_member; "
            "s = Store(sys.argv[1]); print(create_member(s, {'surname': 'Esposito', 'first_name': 'Gennaro'}))")
    out = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True, text=True, check=True)
    changes = w.poll()
    assert out.stdout.strip() in changes.rows["members"]


def test_both_sides_writing_in_turn_loses_nothing(store, db_path, device):
    w = OutsideWatcher(store)
    with Store(db_path, device) as other:
        a = create_member(other, {"surname": "A", "first_name": "a"})
        b = create_member(store, {"surname": "B", "first_name": "b"})  # ours, after theirs, before the poll
        c = create_member(other, {"surname": "C", "first_name": "c"})
    changes = w.poll()
    assert {a, c} <= changes.rows["members"]  # ours may be named too (harmless), theirs never missed
    assert w.poll() is None
    assert b


def test_a_write_the_log_does_not_name_reloads_everything(store, db_path, device):
    w = OutsideWatcher(store)
    with Store(db_path, device) as other:
        other.conn.execute("UPDATE assembly SET city = 'Monza'")  # no change-log row
    changes = w.poll()
    assert isinstance(changes, AllChanged) and changes.touches("members") and changes


def test_three_way_merge_field_by_field():
    base = {"email": "a@x.it", "phone": None, "notes": "", "municipio": 3, "consent_photos": 0}
    theirs = {"email": "b@x.it", "phone": "333", "notes": "", "municipio": 3, "consent_photos": 0}
    mine = {"email": "a@x.it", "phone": "444", "notes": "celiaca", "municipio": 3, "consent_photos": False}
    m = three_way(base, mine, theirs)
    assert m.write == {"notes": "celiaca"}       # only I changed it
    assert m.conflicts == ["phone"]              # both, differently
    assert m.theirs_kept == ["email"]            # only they did: untouched
    assert m.resolve(mine, keep_mine=True) == {"notes": "celiaca", "phone": "444"}
    assert m.resolve(mine, keep_mine=False) == {"notes": "celiaca"}
    same_change = three_way({"phone": None}, {"phone": "333 "}, {"phone": "333"})
    assert same_change.write == {} and same_change.conflicts == []  # both typed the same: nothing to ask
    assert same(None, "") and same(" a ", "a") and same(True, 1) and not same("a", "b")
