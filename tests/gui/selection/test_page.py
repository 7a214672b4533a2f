"""The Sorteggio page driven as a secretary would: quotas, a live feasibility check, the draw, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from facilitator_app.core.selection.synthetic import synthetic_pool
from facilitator_app.gui.selection.page import SelectionPage


def _fill(store, n=60):
    rows = [{"external_id": r.id, "surname": f"Cognome{i}", "first_name": "Nome", **r.features,
             "municipio": int(r.features["municipio"])} for i, r in enumerate(synthetic_pool(n, 5))]
    with store.transaction():
        store.insert_many("respondents", rows)


def test_quotas_check_draw_and_undo(qtbot, ctx, store):
    _fill(store)
    page = SelectionPage(ctx)
    qtbot.addWidget(page)
    assert "60" in page.summary.text()
    page.panel_spin.setValue(10)
    qtbot.mouseClick(page.compute_button, Qt.MouseButton.LeftButton)
    assert page.quotas_model.rowCount() > 10
    qtbot.waitUntil(lambda: page.feasibility.text().startswith("✓"), timeout=10000)
    # an impossible minimum: the check says so, in words, after the edit
    model = page.quotas_model
    rows = {model.index(i, 1).data(): i for i in range(model.rowCount())}
    foreign = sum(r["citizenship"] == "foreign" for r in store.select("respondents"))
    assert foreign + 1 <= 9
    model.setData(model.index(rows["Italiana"], 2), 10 - foreign - 1)
    model.setData(model.index(rows["Italiana"], 3), 10 - foreign - 1)
    model.setData(model.index(rows["Straniera"], 3), foreign + 1)
    assert model.setData(model.index(rows["Straniera"], 2), foreign + 1)
    qtbot.waitUntil(lambda: page.feasibility.text().startswith("✗"), timeout=5000)
    assert f"lower the minimum from {foreign + 1} to {foreign}" in page.feasibility.text()
    assert not model.setData(model.index(rows["Straniera"], 2), "many")      # not a number: refused
    model.setData(model.index(rows["Straniera"], 2), 1)
    model.setData(model.index(rows["Italiana"], 3), 10)
    model.setData(model.index(rows["Italiana"], 2), 1)
    qtbot.waitUntil(lambda: page.feasibility.text().startswith("✓"), timeout=5000)
    # quotas that cannot hold whatever the pool: said as such
    model.setData(model.index(rows["Straniera"], 2), 12)
    qtbot.waitUntil(lambda: "cannot be used" in page.feasibility.text(), timeout=5000)
    model.setData(model.index(rows["Straniera"], 2), 1)
    qtbot.waitUntil(lambda: page.feasibility.text().startswith("✓"), timeout=5000)
    # the draw, with its seed and witnesses
    page.seed_edit.setText("4 8 15 16 23 42")
    page.witness_edit.setText("Rossi, Bianchi")
    qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    assert not page.draw_button.isEnabled()           # computing on the thread pool; the window stays live
    qtbot.waitUntil(lambda: page.draw_button.isEnabled(), timeout=60000)
    runs = store.select("selection_runs")
    assert len(runs) == 1 and runs[0]["witnesses"] == "Rossi, Bianchi"
    assert "leximin" in page.result.text() and "4 8 15 16 23 42" in page.result.text()
    statuses = [page.pool_model.row(i)["status"] for i in range(page.pool_model.rowCount())]
    assert statuses.count("selected") == 10
    chance_col = page.pool_model.columnCount() - 1
    assert all(page.pool_model.index(i, chance_col).data().endswith("%") for i in range(page.pool_model.rowCount()))
    # undo puts the pool back as it was
    ctx.undo_stack.undo()
    assert store.select("selection_runs") == []
    assert {r["status"] for r in store.select("respondents")} == {"available"}
    ctx.undo_stack.redo()
    assert len(store.select("selection_runs")) == 1
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert ctx.prompts.shown[-1][1] == "Same panel"
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert len(store.select("members")) == 10
    ctx.undo_stack.undo()
    assert store.select("members") == []


def test_empty_seed_is_refused_and_nothing_written(qtbot, ctx, store):
    _fill(store, 30)
    page = SelectionPage(ctx)
    qtbot.addWidget(page)
    page.panel_spin.setValue(6)
    qtbot.mouseClick(page.compute_button, Qt.MouseButton.LeftButton)
    page.seed_edit.setText("   ")
    qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    assert ctx.prompts.shown[-1][0] == "error" and "seed is empty" in ctx.prompts.shown[-1][2]
    assert store.select("selection_runs") == []
