"""The follow-up page, driven as a secretary would: filters, the forms, undo, the timeline, the chart."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "followup"))
from followup_fixtures import make_assembly  # noqa: E402

from facilitator_app.core.followup import load_board, record_sending  # noqa: E402
from facilitator_app.gui.followup.page import FollowupPage  # noqa: E402


@pytest.fixture
def page(ctx, qtbot):
    a = make_assembly(ctx.store)
    # sent long ago, never answered: overdue today whatever the date
    record_sending(ctx.store, a["b"], "2023-06-20", "Giunta comunale")
    w = FollowupPage(ctx)
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    w.a = a
    return w


def codes(page):
    return [page.model.row(i).code for i in range(page.model.rowCount())]


def select(page, code):
    i = codes(page).index(code)
    page.table.selectRow(i)
    assert page.current_id == page.model.row(i).id


def test_overdue_first_and_flagged(page):
    assert codes(page)[0] == "2023-R2"
    r = page.model.row(0)
    assert r.overdue
    due = page.model.data(page.model.index(0, 3))
    assert due.endswith("· overdue") and due.startswith("20/12/2023")
    assert str(r.days_overdue) in page.model.data(page.model.index(0, 3), Qt.ItemDataRole.ToolTipRole)
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert "1 with the answer overdue" in page.count.text()


def test_filters_and_search(page, qtbot):
    qtbot.keyClicks(page.search, "rifugi")
    assert codes(page) == ["2023-R2"]
    page.search.clear()
    assert len(codes(page)) == 3
    page.cycle.setCurrentIndex(page.cycle.findData("2024"))
    assert codes(page) == ["2024-R1"]
    page.cycle.setCurrentIndex(0)
    page.answer.setCurrentIndex(page.answer.findData("overdue"))
    assert codes(page) == ["2023-R2"]
    page.answer.setCurrentIndex(0)
    page.action.setCurrentIndex(page.action.findData("2.2.3"))
    assert codes(page) == ["2023-R1"]
    page.action.setCurrentIndex(0)
    page.progress.setCurrentIndex(page.progress.findData("none"))
    assert len(codes(page)) == 3
    qtbot.keyClicks(page.search, "nessuna corrispondenza")
    assert codes(page) == [] and not page.detail.isEnabled()


def test_record_sending_then_undo(page, qtbot):
    select(page, "2023-R1")
    page.tabs.setCurrentWidget(page.sending)
    page.sending.sent_on.setDate(QDate(2023, 1, 15))
    page.sending.sent_to.clear()
    qtbot.keyClicks(page.sending.sent_to, "Giunta comunale")
    qtbot.keyClicks(page.sending.protocol, "PG 77/2023")
    qtbot.mouseClick(page.sending.save_button, Qt.MouseButton.LeftButton)
    row = next(r for r in load_board(page.ctx.store) if r.code == "2023-R1")
    assert (row.sent_on, row.sent_to, row.protocol, row.status) == ("2023-01-15", "Giunta comunale", "PG 77/2023",
                                                                    "sent")
    assert page.ctx.undo_stack.count() == 1
    page.ctx.undo_stack.undo()
    row = next(r for r in load_board(page.ctx.store) if r.code == "2023-R1")
    assert row.sent_on is None and row.status == "approved"
    assert "Sent to the Comune" not in " ".join(page.timeline.item(i).text() for i in range(page.timeline.count()))


def test_answer_refused_then_recorded(page, qtbot, tmp_path):
    select(page, "2023-R2")
    form = page.answer_form
    page.tabs.setCurrentWidget(form)
    form.kind.setCurrentIndex(form.kind.findData("partly"))
    form.answer_on.setDate(QDate(2023, 10, 2))
    qtbot.keyClicks(form.text, "Cinque biblioteche aperte la sera")
    qtbot.keyClicks(form.act, "delibera senza numero")
    before = page.ctx.store.scalar("SELECT count(*) FROM changes")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() and page.ctx.store.scalar("SELECT count(*) FROM changes") == before
    assert page.ctx.undo_stack.count() == 0
    form.act.clear()
    qtbot.keyClicks(form.act, "DG 1603/2023")
    pdf = tmp_path / "dg.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    form.set_pdf(str(pdf))
    qtbot.keyClicks(form.responsible, "Direzione Welfare")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == ""
    row = next(r for r in load_board(page.ctx.store) if r.code == "2023-R2")
    assert (row.answer_kind, row.act, row.responsible, row.overdue) == ("partly", "DG 1603/2023", "Direzione Welfare",
                                                                        False)
    assert row.act_file_id
    assert "The Comune's answer: Partly accepted" in page.timeline.item(page.timeline.count() - 1).text()
    assert page.chart.answers["partly"] == 1
    page.ctx.undo_stack.undo()
    assert next(r for r in load_board(page.ctx.store) if r.code == "2023-R2").answer_kind is None


def test_progress_update_with_plan_action(page, qtbot):
    select(page, "2024-R1")
    form = page.update_form
    page.tabs.setCurrentWidget(form)
    form.status.setCurrentIndex(form.status.findData("in_progress"))
    yesterday = date.today() - timedelta(days=1)
    form.on_date.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    qtbot.keyClicks(form.note, "Piantati i primi 30 alberi")
    item = next(form.actions.item(i) for i in range(form.actions.count())
                if form.actions.item(i).data(Qt.ItemDataRole.UserRole) == "4.2.2")
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(form.link, "https://www.comune.milano.it/alberi")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    row = next(r for r in load_board(page.ctx.store) if r.code == "2024-R1")
    assert (row.progress, row.updates) == ("in_progress", 1)
    assert page.ctx.store.select("rec_updates")[0]["plan_actions"] == '["4.2.2"]'
    assert page.tabs.currentWidget() is page.timeline
    assert "Piantati i primi 30 alberi" in page.timeline.item(page.timeline.count() - 1).text()
    # an empty note is refused in the form, nothing written
    page.tabs.setCurrentWidget(form)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() and next(r for r in load_board(page.ctx.store) if r.code == "2024-R1").updates == 1


def test_refreshes_on_changes_made_elsewhere(page):
    from facilitator_app.core.followup import record_answer

    record_answer(page.ctx.store, page.a["b"], "accepted", "Sì", answer_on="2023-09-01")
    assert codes(page)[0] != "2023-R2" or not page.model.row(0).overdue
    assert page.chart.answers["accepted"] == 1


def test_timeline_tells_the_story(page, qtbot):
    from facilitator_app.core import notes as N
    from facilitator_app.core.recommendations.recommendations import set_linked_notes

    store = page.ctx.store
    with store.transaction():
        gid = store.insert("groups", {"plenary_id": page.a["plenaries"][1], "name": "Calore"})
    nid = N.add_note(store, page.a["plenaries"][1], gid, "Rifugi aperti la sera")
    set_linked_notes(store, page.a["b"], [nid])
    select(page, "2023-R2")
    texts = [page.timeline.item(i).text() for i in range(page.timeline.count())]
    assert "Notes of the group (Calore)" in texts[0] and "Rifugi aperti la sera" in texts[0]
    assert any("Sent to the Comune" in t for t in texts)
    assert "days overdue" in texts[-1]


def test_cycle_term_changes_the_due_date_undoably(page, qtbot):
    assert not page.cycle_row.isVisible()
    page.cycle.setCurrentIndex(page.cycle.findData("2023"))
    assert page.cycle_row.isVisible() and page.months.value() == 6     # the fixture's cycle 2023
    page.months.setValue(24)
    qtbot.mouseClick(page.months_save, Qt.MouseButton.LeftButton)
    row = next(r for r in load_board(page.ctx.store) if r.code == "2023-R2")
    assert row.due_on == "2025-06-20"
    page.ctx.undo_stack.undo()
    assert next(r for r in load_board(page.ctx.store) if r.code == "2023-R2").due_on == "2023-12-20"
