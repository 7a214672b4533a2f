"""The follow-up page's editors, driven as a secretary would: the Plan actions list, a cycle's dates and
answer term, a progress update with an evidence file, and the monitoring report written off the GUI thread."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "followup"))
from followup_fixtures import make_assembly  # noqa: E402

from facilitator_app.core.followup import load_board, record_sending  # noqa: E402
from facilitator_app.core.followup.cycles import cycles  # noqa: E402
from facilitator_app.core.followup.plan import plan_actions  # noqa: E402
from facilitator_app.gui.followup.page import FollowupPage  # noqa: E402

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def page(ctx, qtbot):
    a = make_assembly(ctx.store)
    record_sending(ctx.store, a["b"], "2023-06-20", "Giunta comunale")
    w = FollowupPage(ctx)
    w.open_dialog = lambda dialog: dialog.show()  # not modal in a test
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    w.a = a
    return w


def codes_in_list(store):
    return [a["code"] for a in plan_actions(store)]


def changes(store):
    return store.scalar("SELECT count(*) FROM changes")


def type_into(qtbot, box, text):
    box.clear()
    qtbot.keyClicks(box, text)


def select(page, code):
    i = [page.model.row(i).code for i in range(page.model.rowCount())].index(code)
    page.table.selectRow(i)


# -- Plan actions ---------------------------------------------------------------------------------------
def test_add_rename_remove_plan_actions_with_undo(page, qtbot):
    qtbot.mouseClick(page.plan_button, LEFT)
    d = page.dialog
    qtbot.addWidget(d)
    assert [d.model.row(i)["code"] for i in range(d.model.rowCount())] == ["1.1.1", "2.2.3", "4.2.2"]
    type_into(qtbot, d.code, "5.1.4")
    type_into(qtbot, d.title, "Assemblea dei cittadini")
    d.area.setEditText("")
    qtbot.keyClicks(d.area.lineEdit(), "Milano Consapevole")
    qtbot.mouseClick(d.add_button, LEFT)
    assert d.message.text() == ""
    added = next(a for a in plan_actions(page.ctx.store) if a["code"] == "5.1.4")
    assert (added["title"], added["ambito"]) == ("Assemblea dei cittadini", "Milano Consapevole")
    assert d.current()["code"] == "5.1.4"
    # the page's progress form offers it at once
    offered = [page.update_form.actions.item(i).data(Qt.ItemDataRole.UserRole)
               for i in range(page.update_form.actions.count())]
    assert "5.1.4" in offered
    # rename a code in use: the recommendation follows the new code
    d.table.selectRow(1)
    assert d.code.text() == "2.2.3"
    type_into(qtbot, d.code, "2.2.4")
    qtbot.mouseClick(d.save_button, LEFT)
    assert "2.2.4" in codes_in_list(page.ctx.store) and "2.2.3" not in codes_in_list(page.ctx.store)
    rec = next(r for r in load_board(page.ctx.store) if r.id == page.a["a"])
    assert rec.plan_actions == ["2.2.4"]
    # a code in use cannot be removed: told in the dialog, nothing written
    before = changes(page.ctx.store)
    d.table.selectRow(1)
    qtbot.mouseClick(d.remove_button, LEFT)
    assert "2.2.4" in d.message.text() and changes(page.ctx.store) == before
    # an unused one can, after a confirmation
    d.table.selectRow(0)
    qtbot.mouseClick(d.remove_button, LEFT)
    assert page.ctx.prompts.shown[-1][0] == "confirm"
    assert "1.1.1" not in codes_in_list(page.ctx.store)
    # each was one undoable step, undone in order
    stack = page.ctx.undo_stack
    assert stack.count() == 3
    stack.undo()
    assert "1.1.1" in codes_in_list(page.ctx.store)
    stack.undo()
    assert next(r for r in load_board(page.ctx.store) if r.id == page.a["a"]).plan_actions == ["2.2.3"]
    stack.undo()
    assert "5.1.4" not in codes_in_list(page.ctx.store)
    assert [d.model.row(i)["code"] for i in range(d.model.rowCount())] == ["1.1.1", "2.2.3", "4.2.2"]


@pytest.mark.parametrize("code,title", [("", "Senza codice"), ("5.1", "x" * 301), ("cinque", "Parole"),
                                        ("5.1.4.2.1", "Troppi livelli"), ("2.2.3", "Doppione"),
                                        ("=1+1", "Formula")])
def test_bad_plan_action_refused_in_the_dialog(page, qtbot, code, title):
    d = page.edit_plan_actions()
    qtbot.addWidget(d)
    before = changes(page.ctx.store)
    type_into(qtbot, d.code, code)
    type_into(qtbot, d.title, title)
    qtbot.mouseClick(d.add_button, LEFT)
    assert d.message.text() and changes(page.ctx.store) == before
    assert page.ctx.undo_stack.count() == 0


def test_seed_adds_the_codes_in_use(page, qtbot):
    with page.ctx.store.transaction():
        page.ctx.store.update("recommendations", page.a["c"], {"plan_actions": '["3.1.2", "4.2.2"]'})
    d = page.edit_plan_actions()
    qtbot.addWidget(d)
    qtbot.mouseClick(d.seed_button, LEFT)
    assert "3.1.2" in codes_in_list(page.ctx.store)
    assert "3.1.2" in d.message.text()
    assert "3.1.2" in [d.model.row(i)["code"] for i in range(d.model.rowCount())]
    qtbot.mouseClick(d.seed_button, LEFT)  # nothing more to add: said so, nothing pushed
    assert page.ctx.undo_stack.count() == 1
    page.ctx.undo_stack.undo()
    assert "3.1.2" not in codes_in_list(page.ctx.store)


# -- cycle dates ----------------------------------------------------------------------------------------
def test_cycle_dates_and_term_edited_on_the_page(page, qtbot):
    page.cycle.setCurrentIndex(page.cycle.findData("2024"))
    assert page.cycle_button.isVisible()
    qtbot.mouseClick(page.cycle_button, LEFT)
    d = page.dialog
    qtbot.addWidget(d)
    assert not d.dated.isChecked() and not d.starts.isEnabled()
    qtbot.mouseClick(d.dated, LEFT)
    assert d.starts.isEnabled()
    d.starts.setDate(QDate(2023, 12, 1))
    d.ends.setDate(QDate(2024, 11, 30))
    d.months.setValue(4)
    type_into(qtbot, d.name, "Secondo ciclo")
    d.save()
    row = next(c for c in cycles(page.ctx.store) if c["key"] == "2024")
    assert (row["name"], row["starts_on"], row["ends_on"], row["answer_months"]) == \
        ("Secondo ciclo", "2023-12-01", "2024-11-30", 4)
    assert page.months.value() == 4  # the page shows the new term
    page.ctx.undo_stack.undo()
    assert not [c for c in cycles(page.ctx.store) if c["key"] == "2024"]


def test_cycle_dates_refused_write_nothing(page, qtbot):
    page.cycle.setCurrentIndex(page.cycle.findData("2024"))
    d = page.edit_cycle()
    qtbot.addWidget(d)
    before = changes(page.ctx.store)
    d.dated.setChecked(True)
    d.starts.setDate(QDate(2024, 6, 1))
    d.ends.setDate(QDate(2024, 1, 1))  # before the start
    assert not d.save()
    assert d.message.text() and d.isVisible() and changes(page.ctx.store) == before
    d.starts.setDate(QDate(2023, 1, 1))  # overlaps the 2023 cycle (1/12/2022 - 30/11/2023)
    d.ends.setDate(QDate(2024, 1, 1))
    assert not d.save()
    assert "2023" in d.message.text() and changes(page.ctx.store) == before


def test_no_cycle_chosen_no_dialog(page):
    assert page.cycle.currentData() is None
    assert page.edit_cycle() is None


# -- evidence file ---------------------------------------------------------------------------------------
def test_progress_update_takes_an_evidence_file(page, qtbot, tmp_path, monkeypatch):
    picture = tmp_path / "cantiere.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(picture), ""))
    select(page, "2024-R1")
    form = page.update_form
    page.tabs.setCurrentWidget(form)
    qtbot.keyClicks(form.note, "Aperto il cantiere")
    qtbot.mouseClick(form.evidence.button, LEFT)
    assert form.evidence.label.text() == "cantiere.png"
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.message.text() == ""
    update = page.ctx.store.select("rec_updates")[0]
    stored = page.ctx.store.get("followup_files", update["evidence_file_id"])
    assert (stored["name"], stored["mime"], stored["data"]) == ("cantiere.png", "image/png", picture.read_bytes())
    assert form.evidence.path == ""  # the form is ready for the next update
    page.ctx.undo_stack.undo()
    assert page.ctx.store.select("rec_updates") == []


@pytest.mark.parametrize("content,name", [(b"MZ\x90\x00 not a document", "virus.exe"), (b"", "vuoto.pdf"),
                                          (b"<html>", "pagina.pdf")])
def test_evidence_file_refused_writes_nothing(page, qtbot, tmp_path, content, name):
    bad = tmp_path / name
    bad.write_bytes(content)
    select(page, "2024-R1")
    form = page.update_form
    qtbot.keyClicks(form.note, "Aperto il cantiere")
    form.evidence.set_path(str(bad))
    before = changes(page.ctx.store)
    qtbot.mouseClick(form.save_button, LEFT)
    assert name in form.message.text() and changes(page.ctx.store) == before
    assert page.ctx.undo_stack.count() == 0


def test_missing_evidence_file_is_told(page, qtbot, tmp_path):
    select(page, "2024-R1")
    form = page.update_form
    qtbot.keyClicks(form.note, "Aperto il cantiere")
    form.evidence.set_path(str(tmp_path / "sparito.pdf"))
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.message.text() and page.ctx.store.select("rec_updates") == []


# -- the monitoring report on a worker thread ------------------------------------------------------------
def test_monitoring_export_runs_off_the_gui_thread(page, qtbot, tmp_path, monkeypatch):
    import facilitator_app.exporters.monitoring as mon

    threads = []
    real = mon.render_monitoring_pdf

    def watched(*a, **k):
        threads.append(threading.get_ident())
        return real(*a, **k)

    monkeypatch.setattr(mon, "render_monitoring_pdf", watched)
    monkeypatch.setattr(page.files, "ask_save", lambda *a: str(tmp_path / "monitoraggio"))
    job = page.files.export_monitoring(True)
    assert job is not None
    qtbot.waitUntil(lambda: page.files.last_export is not None, timeout=60000)
    assert page.files.last_export[0] == "done"
    assert threads and threads[0] != threading.get_ident()
    pdf, xlsx = tmp_path / "monitoraggio.pdf", tmp_path / "monitoraggio.xlsx"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Monitoraggio civico" in text and xlsx.exists()


def test_monitoring_export_cancelled_leaves_no_file(page, qtbot, tmp_path, monkeypatch):
    import facilitator_app.exporters.monitoring as mon

    started = threading.Event()

    def slow(m, target, progress=None):
        started.set()
        for _ in range(2000):  # until the Cancel button makes the next report raise
            progress("Impaginazione del PDF", 0.5)
            threading.Event().wait(0.01)
        raise AssertionError("never cancelled")

    monkeypatch.setattr(mon, "render_monitoring_pdf", slow)
    monkeypatch.setattr(page.files, "ask_save", lambda *a: str(tmp_path / "m.pdf"))
    page.files.export_monitoring(False)
    qtbot.waitUntil(started.is_set, timeout=30000)
    from PySide6.QtWidgets import QPushButton
    cancel = page.files.progress_dialog.findChild(QPushButton)
    qtbot.mouseClick(cancel, LEFT)
    qtbot.waitUntil(lambda: page.files.last_export is not None, timeout=30000)
    assert page.files.last_export[0] == "cancelled"
    assert [f.name for f in tmp_path.iterdir() if not f.name.startswith("assemblea")] == []  # not even a part


def test_monitoring_export_failure_is_told(page, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(page.files, "ask_save", lambda *a: str(tmp_path / "no-such-folder" / "m.pdf"))
    page.files.export_monitoring(True)
    qtbot.waitUntil(lambda: page.files.last_export is not None, timeout=30000)
    assert page.files.last_export[0] == "failed"
    assert page.ctx.prompts.shown[-1][0] == "error"


# -- typing --------------------------------------------------------------------------------------------
def test_typing_filters_at_each_key_and_the_story_follows(page, qtbot):
    select(page, "2023-R2")
    qtbot.waitUntil(lambda: page.timeline.count() > 0)
    statements = []
    page.ctx.store.conn.set_trace_callback(statements.append)
    try:
        for ch in "albe":
            qtbot.keyClick(page.search, ch)
            shown = [page.model.row(i).title.lower() for i in range(page.model.rowCount())]
            assert shown and all(page.search.text() in t or page.search.text() in "albe" for t in shown)
        page.cycle.setCurrentIndex(page.cycle.findData("2024"))
        page.cycle.setCurrentIndex(0)
    finally:
        page.ctx.store.conn.set_trace_callback(None)
    assert statements == []  # filtering reads nothing from the file
    assert [page.model.row(i).code for i in range(page.model.rowCount())] == ["2024-R1"]
    assert page.table.currentIndex().row() == 0
    # the chosen recommendation's story comes when the typing pauses
    qtbot.waitUntil(lambda: page.heading.text().startswith("2024-R1"), timeout=3000)
    assert page._shown == page.a["c"]
    page.search.clear()
    assert page.model.rowCount() == 3
    assert page.model.row(page.table.currentIndex().row()).code == "2024-R1"  # the choice kept


def test_a_form_saved_while_typing_goes_to_the_recommendation_it_shows(page, qtbot):
    select(page, "2023-R2")
    assert page.heading.text().startswith("2023-R2")
    qtbot.keyClicks(page.search, "alberi")  # 2023-R2 is filtered out; the story of 2024-R1 follows later
    assert page.heading.text().startswith("2023-R2") and page.current_id == page.a["b"]
    form = page.sending
    form.protocol.setText("PG 1/2024")
    qtbot.mouseClick(form.save_button, LEFT)
    sent = {r.id: r.protocol for r in load_board(page.ctx.store)}
    assert sent[page.a["b"]] == "PG 1/2024" and sent[page.a["c"]] is None
    qtbot.waitUntil(lambda: page.heading.text().startswith("2024-R1"), timeout=3000)
    assert page.current_id == page.a["c"] and page.sending.protocol.text() == ""
