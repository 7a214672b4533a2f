"""The Groups page: drag and drop between columns, late arrival, no-shows, assignment, undo, projector, printables."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import QModelIndex, Qt

from facilitator_app.core.groups import assign as GA
from facilitator_app.core.groups import groups as G
from facilitator_app.core.plenaries.plenaries import expected_members, get_plenary, sessions_of
from facilitator_app.core.store.ids import derived_id
from facilitator_app.gui.groups.board import UNSEATED
from facilitator_app.gui.groups.page import GroupsPage


@pytest.fixture
def page(demo_ctx, qtbot):
    page = GroupsPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(1500, 900)
    page.show()
    page.select_plenary(get_plenary(demo_ctx.store, 6)["id"])
    return page


def column_ids(col):
    return [c["id"] for c in col.model.cards]


def seats(page):
    return {m: s["group_id"] for m, s in G.seats_of(page.ctx.store, page.plenary_id).items()}


def drag(page, member_id, from_col, to_col):
    """What a drop does: the source model packs the card, the target model receives it."""
    row = column_ids(from_col).index(member_id)
    data = from_col.model.mimeData([from_col.model.index(row)])
    assert to_col.model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    to_col.model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())


def test_board_has_a_column_per_group_and_scores(page):
    store = page.ctx.store
    groups = G.groups_of(store, page.plenary_id)
    assert [c.group_id for c in page.board.columns] == [g["id"] for g in groups]
    assert [column_ids(c) for c in page.board.columns] == G.arrangement(store, page.plenary_id)
    assert page.board.columns[0].title.text().startswith(groups[0]["name"])
    s = GA.current_scores(store, page.plenary_id)
    assert f"{s.diversity:.2f}" in page.scores_label.text()
    assert f"{round(100 * s.meeting_relative)}%" in page.scores_label.text()


def test_drag_moves_a_person_saves_at_once_and_undoes(page):
    a, b = page.board.columns[0], page.board.columns[1]
    who = column_ids(a)[0]
    before_scores = page.scores_label.text()
    drag(page, who, a, b)
    assert seats(page)[who] == b.group_id            # saved in the file
    assert who in column_ids(b) and who not in column_ids(a)  # the board followed ctx.changed
    s = GA.current_scores(page.ctx.store, page.plenary_id)
    assert f"{s.diversity:.2f}" in page.scores_label.text()
    assert page.ctx.undo_stack.count() == 1
    page.ctx.undo_stack.undo()
    assert seats(page)[who] == a.group_id and who in column_ids(a)
    assert page.scores_label.text() == before_scores
    page.ctx.undo_stack.redo()
    assert seats(page)[who] == b.group_id


def test_drop_on_the_waiting_column_unseats_and_keyboard_moves(page, qtbot):
    a = page.board.columns[0]
    who = column_ids(a)[0]
    drag(page, who, a, page.board.unseated)
    assert who not in seats(page) and who in column_ids(page.board.unseated)
    view = page.board.unseated.view
    view.setCurrentIndex(page.board.unseated.model.index(column_ids(page.board.unseated).index(who)))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert seats(page)[who] == page.board.columns[2].group_id


def test_late_arrival_is_seated_in_the_best_group_with_reasons(page):
    store = page.ctx.store
    plenary = get_plenary(store, 6)
    seated = set(seats(page))
    late = next(m for m in expected_members(store, plenary) if m["id"] not in seated)
    morning = sessions_of(store, plenary["id"])[0]["id"]
    with store.transaction():  # the entrance checks them in at 11:20
        store.put("attendance", derived_id("attendance", morning, late["id"]),
                  {"plenary_id": plenary["id"], "session_id": morning, "member_id": late["id"], "status": "present"})
    assert late["id"] in column_ids(page.board.unseated)
    sizes = {c.group_id: len(c.model.cards) for c in page.board.columns}
    page.late_button.click()
    gid = seats(page)[late["id"]]
    assert sizes[gid] == min(sizes.values())
    assert page.reasons_label.isVisible()
    name = next(g["name"] for g in G.groups_of(store, plenary["id"]) if g["id"] == gid)
    assert late["surname"] in page.reasons_label.text() and name in page.reasons_label.text()
    assert "new people" in page.reasons_label.text()
    page.ctx.undo_stack.undo()
    assert late["id"] not in seats(page)


def test_no_shows_show_who_moves_then_rebalance_and_undo(page):
    before = seats(page)
    col = page.board.columns[0]
    gone = column_ids(col)[:4]
    for row in range(4):
        col.view.selectionModel().select(col.model.index(row), col.view.selectionModel().SelectionFlag.Select)
    page.noshow_button.click()
    kind, _title, text = page.ctx.prompts.shown[-1]
    assert kind == "confirm" and "move" in text
    after = seats(page)
    assert not set(gone) & set(after)
    movers = {m for m in after if after[m] != before[m]}
    for m in movers:  # everyone who moved was named in the question
        assert page.ctx.store.get("members", m)["surname"] in text
    sizes = [len(c.model.cards) for c in page.board.columns]
    assert max(sizes) - min(sizes) <= 1
    assert len(movers) <= 4
    page.ctx.undo_stack.undo()
    assert seats(page) == before


def test_no_shows_refused_changes_nothing(page):
    page.ctx.prompts.answer = False
    before = seats(page)
    col = page.board.columns[0]
    col.view.selectionModel().select(col.model.index(0), col.view.selectionModel().SelectionFlag.Select)
    page.noshow_button.click()
    assert seats(page) == before and page.ctx.undo_stack.count() == 0


def test_assign_dialog_runs_shows_seed_and_scores_then_accepts(page, qtbot):
    from facilitator_app.gui.groups.dialogs import AssignDialog

    store = page.ctx.store
    p7 = get_plenary(store, 7)
    page.select_plenary(p7["id"])
    assert page.data.columns and not any(page.data.columns)  # groups, nobody seated yet
    dlg = AssignDialog(page.ctx, p7["id"], None, page)
    qtbot.addWidget(dlg)
    assert dlg.who.currentData() is True  # nobody checked in: the expected members
    dlg.seed.setValue(4242)
    dlg.compute()
    assert "4242" in dlg.scores.text() and "bound" in dlg.scores.text()
    assert dlg.mix_model.rowCount() == len(G.groups_of(store, p7["id"]))
    first = [list(g) for g in dlg.plan.result.groups]
    dlg.compute()
    assert dlg.plan.result.groups == first  # same seed, same groups
    dlg.run_button.click()
    assert dlg.plan.seed != 4242 or dlg.plan.result.groups != first
    dlg.accept_button.click()
    assert sum(len(c.model.cards) for c in page.board.columns) == len(expected_members(store, p7))
    page.ctx.undo_stack.undo()
    assert G.seats_of(store, p7["id"]) == {}


def test_group_dialog_creates_and_pin_toggle(page, qtbot):
    from facilitator_app.gui.groups.dialogs import GroupDialog

    n = len(page.board.columns)
    dlg = GroupDialog(page.ctx, page.plenary_id, None, None, page)
    qtbot.addWidget(dlg)
    dlg.room.setCurrentText("Portico")
    dlg.save()
    assert len(page.board.columns) == n + 1 and "Portico" in page.board.columns[-1].info.text()
    who = column_ids(page.board.columns[0])[0]
    page.toggle_pin(who)
    assert next(c for c in page.board.columns[0].model.cards if c["id"] == who)["pinned"]


def test_projector_follows_moves_live(page, tmp_path):
    window = page.show_on_projector()
    view = window.view
    entries = {e[1]: e[2] for e in view.entries}
    a, b = page.board.columns[0], page.board.columns[1]
    who = next(c for c in a.model.cards)
    drag(page, who["id"], a, b)
    label = next(k for k in {e[1] for e in view.entries} if k.startswith(who["surname"]))
    assert dict((e[1], e[2]) for e in view.entries)[label] != entries[label]
    window.showNormal()
    window.resize(1280, 720)
    assert window.grab().save(str(tmp_path / "projector.png"))
    window.close()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_print_rosters_and_poster_through_the_file_dialog(page, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "out.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert page.export_rosters() == str(target)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert page.data.groups[0]["name"] in text and "Documento interno" in text
    assert page.export_poster() == str(target)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "Dove si lavora oggi?" in text
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert page.export_rosters() is None


def test_unseated_constant_is_empty_group_id():
    assert UNSEATED == ""


def test_hidden_page_catches_up_when_shown(page):
    page.hide()
    a, b = page.board.columns[0], page.board.columns[1]
    who = column_ids(a)[0]
    G.move_members(page.ctx.store, page.plenary_id, None, [who], b.group_id)
    assert who in column_ids(a)  # not refreshed while hidden
    page.show()
    assert who in column_ids(b) and who not in column_ids(a)
