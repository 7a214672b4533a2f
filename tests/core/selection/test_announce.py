"""The seed's announcement: a draw with another source is refused (nothing written), the announced one is
kept with its run and cleared, undo brings it back, verify and the report say it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from facilitator_app.core import snapshots
from facilitator_app.core.selection.announce import announce, pending_announcement, withdraw_announcement
from facilitator_app.core.selection.model import SelectionError
from facilitator_app.core.selection.records import quotas_for_panel, save_quotas
from facilitator_app.core.selection.runs import run_selection, verify
from tests.core.selection.test_runs import _fill

LOTTO = "primi cinque numeri del Lotto del 12 marzo, ruota di Milano"


def _changes(store) -> int:
    return store.scalar("SELECT count(*) FROM changes")


def test_announced_source_is_required_kept_and_cleared(store):
    _fill(store)
    save_quotas(store, quotas_for_panel(store, 8))
    with pytest.raises(SelectionError) as exc:
        announce(store, "   ")
    assert exc.value.code == "announcement_empty"
    edit = snapshots.Edit()
    announce(store, LOTTO, draw_on=date(2025, 3, 12), record=edit)
    assert pending_announcement(store)["source"] == LOTTO
    before = _changes(store)
    with pytest.raises(SelectionError) as exc:
        run_selection(store, 8, "5 18 33 47 81", seed_source="dadi lanciati in sala", on=date(2025, 3, 12))
    assert exc.value.code == "seed_not_announced" and exc.value.params["announced"] == LOTTO
    assert _changes(store) == before and store.select("selection_runs") == []     # nothing written
    # the same source typed differently is the same source; none given takes the announced one
    res = run_selection(store, 8, "5 18 33 47 81", seed_source="  Primi cinque numeri del lotto del 12 marzo, "
                                                                "ruota di MILANO", on=date(2025, 3, 12))
    run = store.get("selection_runs", res.run_id)
    assert run["seed_source"] == LOTTO and json.loads(run["announcement"])["source"] == LOTTO
    assert pending_announcement(store) is None                              # each draw its own announcement
    v = verify(store)
    assert v.same and any("announced on" in line for line in v.lines)
    # undoing the draw brings the announcement back; redo uses it again
    snapshots.undo(store, res.edit)
    assert store.select("selection_runs") == [] and pending_announcement(store)["source"] == LOTTO
    snapshots.redo(store, res.edit)
    assert pending_announcement(store) is None and len(store.select("selection_runs")) == 1
    # undoing the announcement itself (after the draw was undone) leaves no announcement
    snapshots.undo(store, res.edit)
    snapshots.undo(store, edit)
    assert pending_announcement(store) is None


def test_without_announcement_nothing_changes_and_withdraw(store):
    _fill(store)
    save_quotas(store, quotas_for_panel(store, 8))
    announce(store, LOTTO)
    assert withdraw_announcement(store) and not withdraw_announcement(store)
    res = run_selection(store, 8, "x", seed_source="dadi", on=date(2025, 3, 1))
    run = store.get("selection_runs", res.run_id)
    assert run["seed_source"] == "dadi" and run["announcement"] is None
