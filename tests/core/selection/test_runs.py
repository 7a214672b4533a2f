"""Runs in the assembly file: recorded, undone through their Edit, members' terms, end of term applied."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator_app.core import snapshots
from facilitator_app.core.selection.records import save_quotas, quotas_for_panel, term_for
from facilitator_app.core.selection.runs import apply_term_ends, confirm, run_selection, verify
from facilitator_app.core.selection.synthetic import synthetic_pool
from facilitator_app.core.store.schema import SYNCED_TABLES


def _fill(store, n=40):
    rows = [{"external_id": r.id, "surname": f"S{r.id}", "first_name": "N", **r.features,
             "municipio": int(r.features["municipio"]), "status": "available"} for r in synthetic_pool(n, 3)]
    with store.transaction():
        store.insert_many("respondents", rows)


def test_tables_are_synced():
    assert {"respondents", "invitation_counts", "selection_quotas", "selection_runs"} <= set(SYNCED_TABLES)


def test_run_is_recorded_and_undone(store):
    _fill(store)
    save_quotas(store, quotas_for_panel(store, 8))
    res = run_selection(store, 8, "seed one", witnesses="Rossi, Bianchi", seed_source="dadi", on=date(2025, 3, 1))
    run = store.get("selection_runs", res.run_id)
    assert run["seed"] == "seed one" and run["witnesses"] == "Rossi, Bianchi" and run["method"] == "leximin"
    assert run["inputs_digest"] == res.selection.digest and len(run["inputs_digest"]) == 64
    statuses = {r["status"] for r in store.select("respondents")}
    assert statuses == {"selected", "reserve"}
    assert verify(store).same
    snapshots.undo(store, res.edit)
    assert store.select("selection_runs") == []
    assert {r["status"] for r in store.select("respondents")} == {"available"}
    snapshots.redo(store, res.edit)
    assert len(store.select("selection_runs")) == 1 and verify(store).same


def test_confirmed_become_members_with_a_six_month_term_and_terms_end(store):
    _fill(store)
    save_quotas(store, quotas_for_panel(store, 6))
    res = run_selection(store, 6, "x", on=date(2025, 1, 15))
    edit = snapshots.Edit()
    members = confirm(store, res.selection.selected[:3], record=edit)
    rows = [store.get("members", m) for m in members]
    assert {(m["term_start"], m["term_end"]) for m in rows} == {("2025-01-15", "2025-07-14")}
    assert len({m["cohort_id"] for m in rows}) == 1 and all(m["badge_code"] for m in rows)
    assert term_for(date(2024, 8, 31)) == ("2024-08-31", "2025-02-27")
    assert apply_term_ends(store, date(2025, 7, 14)) == []
    assert sorted(apply_term_ends(store, date(2025, 7, 15))) == sorted(members)
    snapshots.undo(store, edit)
    assert store.select("members", "status = 'active'") == []
    with pytest.raises(Exception):
        confirm(store, [r["id"] for r in store.select("respondents", "status = 'reserve'")][:1])


def test_a_draw_computed_on_inputs_that_changed_meanwhile_is_not_recorded(store):
    from facilitator_app.core.selection.model import SelectionError
    from facilitator_app.core.selection.runs import prepare_run, record_run

    _fill(store)
    save_quotas(store, quotas_for_panel(store, 8))
    prep = prepare_run(store, 8, "late")
    sel = prep.compute()
    r = store.select("respondents")[0]
    with store.transaction():
        store.update("respondents", r["id"], {"education": "laurea" if r["education"] != "laurea" else "base"})
    with pytest.raises(SelectionError) as exc:
        record_run(store, prep, sel)
    assert exc.value.code == "inputs_changed"
    assert store.select("selection_runs") == []
    assert {x["status"] for x in store.select("respondents")} == {"available"}
