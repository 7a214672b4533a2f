"""The Plan actions list: seeded from codes in use, editable and undoable, renames followed, in-use protected."""

from __future__ import annotations

import pytest

from facilitator_app.core import notes
from facilitator_app.core.followup import (FollowupError, add_plan_action, add_update, delete_plan_action,
                                           load_board, seed_plan_actions, set_rec_plan_actions, update_plan_action)
from facilitator_app.core.followup.plan import known_codes, plan_actions
from facilitator_app.core.snapshots import Edit, redo, undo

from followup_fixtures import TODAY, make_assembly


def test_seed_adds_codes_in_use_that_the_list_lacks(store):
    a = make_assembly(store)
    gid = None
    with store.transaction():
        gid = store.insert("groups", {"plenary_id": a["plenaries"][0], "name": "Mobilità"})
        store.update("recommendations", a["b"], {"plan_actions": '["3.3.1"]'})
    notes.add_note(store, a["plenaries"][0], gid, "Più bici", tags=["5.1.1", "bici"])
    edit = Edit()
    assert seed_plan_actions(store, record=edit) == ["3.3.1", "5.1.1"]
    assert {"3.3.1", "5.1.1", "1.1.1"} <= known_codes(store)
    assert seed_plan_actions(store) == []
    undo(store, edit)
    assert "3.3.1" not in known_codes(store)
    redo(store, edit)
    assert "3.3.1" in known_codes(store)


def test_add_edit_rename_delete_undoable(store):
    a = make_assembly(store)
    edit = Edit()
    aid = add_plan_action(store, "5.1.4", "Assemblea dei Cittadini", "Milano Consapevole", record=edit)
    with pytest.raises(FollowupError) as exc:
        add_plan_action(store, "5.1.4")
    assert exc.value.code == "duplicate_action"
    with pytest.raises(FollowupError) as exc:
        add_plan_action(store, "cinque")
    assert exc.value.code == "bad_action_code"
    set_rec_plan_actions(store, a["a"], ["2.2.3", "5.1.4"])
    add_update(store, a["a"], "in_progress", "Avviata", on_date="2023-05-01", plan_actions=["5.1.4"], today=TODAY)
    rename = Edit()
    update_plan_action(store, aid, {"code": "5.1.5"}, record=rename)
    row = next(r for r in load_board(store, TODAY) if r.id == a["a"])
    assert row.plan_actions == ["2.2.3", "5.1.5"] and row.areas == ["Milano Connessa e Accessibile",
                                                                   "Milano Consapevole"]
    assert store.select("rec_updates")[0]["plan_actions"] == '["5.1.5"]'
    undo(store, rename)
    assert next(r for r in load_board(store, TODAY) if r.id == a["a"]).plan_actions == ["2.2.3", "5.1.4"]
    with pytest.raises(FollowupError) as exc:
        delete_plan_action(store, aid)
    assert exc.value.code == "plan_action_in_use"
    unused = next(p["id"] for p in plan_actions(store) if p["code"] == "1.1.1")
    d = Edit()
    assert delete_plan_action(store, unused, record=d)
    assert "1.1.1" not in known_codes(store)
    undo(store, d)
    assert "1.1.1" in known_codes(store)


def test_area_falls_back_to_the_code(store):
    a = make_assembly(store)
    set_rec_plan_actions(store, a["c"], ["4.2.2"])
    assert next(r for r in load_board(store, TODAY) if r.id == a["c"]).areas == ["Ambito 4"]
    with pytest.raises(FollowupError) as exc:
        set_rec_plan_actions(store, a["c"], ["7.7.7"])
    assert exc.value.code == "unknown_plan_action"
