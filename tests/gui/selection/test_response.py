"""The Sorteggio page's invitation list, response rates, further categories, presence at a plenary and the
feasibility check off the GUI thread, driven as a secretary would."""

from __future__ import annotations

import json
import threading

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from facilitator_app.core.selection.engine import Feasibility
from facilitator_app.core.selection.records import invitation_counts
from facilitator_app.gui.selection.page import SelectionPage
from tests.gui.selection.test_page import _fill


@pytest.fixture
def italian():
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))
    yield
    QLocale.setDefault(before)


def _invitations(path):
    rows = "".join(f"{m};{g};{300 + 7 * m}\n" for m in range(1, 10) for g in ("Donna", "Uomo"))
    path.write_text("Municipio;Genere;Invitati\n" + rows + "Totale;;99\n12;Donna;4\n", encoding="utf-8")
    return path


def test_import_invitations_and_response_rates(qtbot, ctx, store, tmp_path, monkeypatch, italian):
    _fill(store, 60)
    page = SelectionPage(ctx)
    qtbot.addWidget(page)
    assert "No invitation list yet" in page.response.summary.text()
    path = _invitations(tmp_path / "inviti.csv")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    ctx.prompts.answer = False                        # the person reads the summary and says no: nothing written
    qtbot.mouseClick(page.response.import_button, Qt.MouseButton.LeftButton)
    kind, _, text = ctx.prompts.shown[-1]
    assert kind == "confirm" and "18 rows counted" in text and "row 20" in text and "row 21" in text
    assert invitation_counts(store) == {}
    ctx.prompts.answer = True
    qtbot.mouseClick(page.response.import_button, Qt.MouseButton.LeftButton)
    total = sum(2 * (300 + 7 * m) for m in range(1, 10))
    assert sum(invitation_counts(store)["gender"].values()) == total
    model = page.response.model
    rows = {(model.index(i, 0).data(), model.index(i, 1).data()): i for i in range(model.rowCount())}
    i = rows[("Municipio", "Municipio 1")]
    n = sum(r["municipio"] == 1 for r in store.select("respondents"))
    assert model.index(i, 2).data() == "614" and model.index(i, 3).data() == str(n)
    rate = model.index(i, 4).data()
    assert rate == f"{n / 614 * 100:.1f}%".replace(".", ",")            # the Italian decimal comma
    assert total == 6030 and QLocale().toString(10000) == "10.000"
    assert "6030 residents" in page.response.summary.text() and "inviti.csv" in page.response.summary.text()
    # the Composition tab now has the invited step; undo takes the list away again
    ctx.undo_stack.undo()
    assert invitation_counts(store) == {}
    assert "No invitation list yet" in page.response.summary.text()


def test_a_file_with_nothing_to_count_is_refused(qtbot, ctx, store, tmp_path):
    page = SelectionPage(ctx)
    qtbot.addWidget(page)
    bad = tmp_path / "bad.csv"
    bad.write_text("Nome;Cognome\nMario;Rossi\n", encoding="utf-8")
    assert not page.response.import_file(str(bad))
    assert ctx.prompts.shown[-1][0] == "error" and invitation_counts(store) == {}


def _with_housing(store):
    rows = store.select("respondents")
    with store.transaction():
        for i, r in enumerate(rows):
            store.update("respondents", r["id"], {"extra": json.dumps({"condizione_abitativa":
                                                                      ("Affitto", "Proprietà")[i % 2]})})


def test_add_and_remove_a_category_in_the_quotas_editor(qtbot, ctx, store):
    _fill(store, 60)
    _with_housing(store)
    page = SelectionPage(ctx)
    qtbot.addWidget(page)
    page.panel_spin.setValue(10)
    qtbot.mouseClick(page.compute_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.add_category_button, Qt.MouseButton.LeftButton)
    dlg = page._category_dialog
    assert dlg.name_combo.currentText() == "Condizione abitativa"
    assert dlg.shares_edit.toPlainText() == "Affitto = \nProprietà = "        # the pool's values, to fill in
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)                         # shares missing: said, not closed
    assert dlg.isVisible() and dlg.error.text()
    dlg.shares_edit.setPlainText("Affitto = 40%\nProprietà = 0,6")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    assert "condizione_abitativa" in store.setting("selection.categories")
    model = page.quotas_model
    labels = [(model.index(i, 0).data(), model.index(i, 1).data()) for i in range(model.rowCount())]
    assert ("Condizione abitativa", "Affitto") in labels and ("Condizione abitativa", "Proprietà") in labels
    row = labels.index(("Condizione abitativa", "Affitto"))
    assert (model.index(row, 2).data(), model.index(row, 3).data()) == (4, 4)
    qtbot.waitUntil(lambda: page.feasibility.text().startswith("✓"), timeout=10000)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert {r["field"] for r in store.select("selection_quotas")} >= {"condizione_abitativa"}
    # the composition chart offers it too
    assert page.field_combo.findData("condizione_abitativa") >= 0
    # remove: select one of its quotas, click
    page.quotas_view.setCurrentIndex(model.index(row, 0))
    qtbot.mouseClick(page.remove_category_button, Qt.MouseButton.LeftButton)
    assert store.setting("selection.categories") == {}
    assert all(model.index(i, 0).data() != "Condizione abitativa" for i in range(model.rowCount()))
    ctx.undo_stack.undo()                                                   # the removal undone
    assert "condizione_abitativa" in store.setting("selection.categories")


def test_feasibility_check_runs_off_the_gui_thread_and_stale_results_are_dropped(qtbot, ctx, store, monkeypatch):
    import facilitator_app.core.selection.engine as engine

    threads = []
    real = engine.check

    def spy(*a, **k):
        threads.append(threading.current_thread())
        return real(*a, **k)
    monkeypatch.setattr(engine, "check", spy)
    _fill(store, 60)
    page = SelectionPage(ctx)
    qtbot.addWidget(page)
    page.panel_spin.setValue(10)
    qtbot.mouseClick(page.compute_button, Qt.MouseButton.LeftButton)
    assert page.feasibility.text().startswith("Checking")
    qtbot.waitUntil(lambda: page.feasibility.text().startswith("✓"), timeout=10000)
    assert threads and all(t is not threading.main_thread() for t in threads)
    # an older check that reports late is ignored: the label keeps the latest result
    page._checked(page._check_gen - 1, Feasibility(False, relaxations=[]))
    assert page.feasibility.text().startswith("✓")
    # typing several edits quickly: only the last check's result is shown
    model = page.quotas_model
    for n in range(3):
        model.setData(model.index(0, 2), n)
    page.check_now()
    gen = page._check_gen
    qtbot.waitUntil(lambda: not page.checking, timeout=10000)
    assert page._check_gen == gen and not page.feasibility.text().startswith("Checking")


def test_presence_at_a_plenary_in_the_composition_chart(qtbot, demo_ctx, italian):
    page = SelectionPage(demo_ctx)
    qtbot.addWidget(page)
    assert page._presence is None                 # not computed until the Composition tab is looked at
    page.tabs.setCurrentWidget(page.composition_tab)
    assert page.plenary_combo.count() > 1
    page.plenary_combo.setCurrentIndex(1)
    assert page.chart.series[-1].startswith("Present at plenary") or page.chart.series[-1].startswith("Presenti")
    assert all(len(vals) == len(page.chart.series) for _, vals in page.chart.rows)
    shares = [vals[-1] for _, vals in page.chart.rows]
    assert abs(sum(shares) - 1) < 1e-9
    page.plenary_combo.setCurrentIndex(0)
    assert not any(s.startswith("Present at") for s in page.chart.series)


def test_announce_the_seed_and_a_draw_from_another_source_is_refused(qtbot, ctx, store):
    _fill(store, 30)
    page = SelectionPage(ctx)
    qtbot.addWidget(page)
    page.panel_spin.setValue(6)
    qtbot.mouseClick(page.compute_button, Qt.MouseButton.LeftButton)
    assert page.announce_label.text().startswith("Not announced")
    page.source_edit.setText("Lotto del 12 marzo, ruota di Milano")
    qtbot.mouseClick(page.announce_button, Qt.MouseButton.LeftButton)
    assert "Lotto del 12 marzo" in page.announce_label.text()
    page.source_edit.setText("dadi")
    page.seed_edit.setText("4 8 15")
    qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    assert ctx.prompts.shown[-1][0] == "error" and "not the one announced" in ctx.prompts.shown[-1][2]
    assert store.select("selection_runs") == [] and page.draw_button.isEnabled()
    page.source_edit.clear()
    qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.draw_button.isEnabled(), timeout=60000)
    run = store.select("selection_runs")[0]
    assert run["seed_source"] == "Lotto del 12 marzo, ruota di Milano" and run["announcement"]
    assert page.announce_label.text().startswith("Not announced")     # used by this draw
