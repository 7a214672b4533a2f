"""Reads well: the wall's Fit, a message after promoting, the projector views from two metres away, the groups'
figures in words, decimals and dates in the interface language, Qt's own dialogs in Italian, no horizontal
scrolling in the recommendations list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from facilitator_app.core.notes import notes as N
from facilitator_app.core.plenaries.plenaries import create_plenary
from facilitator_app.core.recommendations import recommendations as R
from facilitator_app.gui import i18n


@pytest.fixture
def wall(ctx, qtbot):
    from facilitator_app.gui.notes.page import NotesPage

    s = ctx.store
    pid = create_plenary(s, 2, "2024-02-24", "Fabbrica del Vapore")
    with s.transaction():
        s.update("plenaries", pid, {"status": "held"})
        gid = s.insert("groups", {"plenary_id": pid, "name": "Mobilità", "sort_order": 0})
        mid = s.insert("members", {"surname": "Haddad", "first_name": "Amina"})
    for i in range(12):
        N.add_note(s, pid, gid, f"Più piste ciclabili {i}", author_member_id=mid)
    page = NotesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    page.ids = {"plenary": pid, "group": gid, "member": mid}
    return page


def _button(page, text):
    return next(b for b in page.findChildren(QPushButton) if b.text() == text)


def test_the_fit_button_fits_the_wall(wall, qtbot):
    for _ in range(12):
        wall.view.zoom_by(1.25)
    zoomed = wall.view.zoom()
    qtbot.mouseClick(_button(wall, wall.tr("Fit")), Qt.MouseButton.LeftButton)  # clicked(bool) once broke it
    assert wall.view.zoom() < zoomed
    shown = wall.view.mapToScene(wall.view.viewport().rect()).boundingRect()
    assert all(shown.contains(c.sceneBoundingRect()) for c in wall.scene.cards.values())


def test_promoting_says_so_on_the_wall(wall, qtbot):
    card = next(iter(wall.scene.cards.values()))
    rec_id = wall.promote(card)
    assert rec_id and wall.notice.isVisible()
    assert R.recommendations_of(wall.ctx.store, wall.ids["plenary"])[0]["title"] in wall.notice.text()


def test_the_projector_wall_has_no_authors_and_no_controls(wall, qtbot):
    from facilitator_app.gui.notes.projector_views import show_wall
    from facilitator_app.gui.projector import projector_window

    assert any(c.data_.author for c in wall.scene.cards.values())  # the facilitator's wall shows them
    view = show_wall(wall.ctx, wall.ids["plenary"], wall.ids["group"])
    qtbot.addWidget(projector_window(wall.ctx))
    assert view.scene.cards and not any(c.data_.author for c in view.scene.cards.values())
    assert "Haddad" not in " ".join(c.data_.author for c in view.scene.cards.values())
    from facilitator_app.gui.notes.items import _controls

    assert not any(_controls(c) for c in view.scene.cards.values())
    assert view.view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert all(_controls(c) for c in wall.scene.cards.values())


def test_where_to_go_shows_rooms_in_full(ctx, qtbot, monkeypatch):
    from PySide6.QtGui import QImage

    from facilitator_app.gui.groups import projector_view as PV

    entries = [(f"k{i}", f"Rossi {chr(65 + i)}.", f"Tavolo {i % 8 + 1}", "Sala grande — area C (primo piano)")
               for i in range(40)]
    monkeypatch.setattr(PV, "where_entries", lambda *a: entries)
    drawn: list[str] = []
    real = PV.QPainter.drawText

    def spy(self, *args):
        drawn.append(args[-1])
        return real(self, *args)

    monkeypatch.setattr(PV.QPainter, "drawText", spy)
    view = PV.WhereView(ctx, "p")
    qtbot.addWidget(view)
    view.resize(1280, 640)
    view.render(QImage(1280, 640, QImage.Format.Format_RGB32))
    assert "Sala grande — area C (primo piano)" in drawn  # never "Sala grande — ar…"
    assert not any(t.endswith("…") and t.startswith("Sala") for t in drawn)


def test_the_groups_figures_are_words_with_local_decimals(qapp):
    from types import SimpleNamespace

    from facilitator_app.core.members.vocab import Vocabularies
    from facilitator_app.gui.groups import texts

    vocab = Vocabularies.defaults()
    mix = {"gender": {"F": 5, "M": 4}, "citizenship": {"foreign": 2, "italian": 7},
           "age_band": {vocab.entries("age_bands")[0]["key"]: 3}}
    i18n.install(qapp, "it")
    try:
        line = texts.mix_line(mix, vocab)
        scores = texts.scores_line(SimpleNamespace(diversity=0.7234, diversity_bound=0.66, meeting_relative=0.86))
        assert "0,72" in scores and "0,66" in scores and "86%" in scores
        assert i18n.day("2024-05-11") == "11/05/2024"
    finally:
        i18n.install(qapp, "en")
    assert "F5" not in line and vocab.label("gender", "F") in line and "2" in line
    assert vocab.entries("age_bands")[0]["label"] in texts.mix_tooltip(mix, vocab)  # the ages: in the tooltip
    assert "0.72" in texts.scores_line(SimpleNamespace(diversity=0.7234, diversity_bound=0.66, meeting_relative=0.5))


def test_qt_own_dialogs_speak_italian(qapp):
    i18n.install(qapp, "it")
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annulla"
        assert QCoreApplication.translate("QPlatformTheme", "&Yes").replace("&", "") == "Sì"
    finally:
        i18n.install(qapp, "en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_the_recommendations_list_never_scrolls_sideways(ctx, qtbot):
    from facilitator_app.gui.notes.recommendations import RecommendationsPage

    pid = create_plenary(ctx.store, 8, "2024-10-12", "Palazzo Marino")
    for i in range(5):
        rid = R.create_recommendation(ctx.store, pid, "Rifugi climatici aperti la sera in ogni Municipio " * 3, "")
        R.record_vote(ctx.store, rid, 120, 30, 9)
    page = RecommendationsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280 - 16 - 190 - 20, 660)  # what the window leaves a page on a 1280-pixel screen
    page.show()
    qtbot.waitExposed(page)
    qtbot.wait(20)
    header = page.table.horizontalHeader()
    assert header.length() <= page.table.viewport().width() + 1
    assert not page.table.horizontalScrollBar().isVisible()
    outcome = page.model.data(page.model.index(0, 3))
    assert "120/30/9" in outcome and header.sectionSize(3) >= page.table.fontMetrics().horizontalAdvance(outcome)
    assert header.sectionSize(1) >= 150  # the title keeps room to be read


def test_the_group_board_headers_are_not_cut(demo_ctx, qtbot):
    from facilitator_app.gui.groups.page import GroupsPage

    page = GroupsPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(1280 - 206, 660)
    page.show()
    qtbot.waitExposed(page)
    qtbot.wait(50)  # the headers align once the columns have their width
    cols = page.board.columns
    assert cols and page.legend.isVisible() and page.legend.text()
    for col in cols:
        for label in (col.info, col.mix):
            needed = label.heightForWidth(label.width())
            assert needed <= label.height(), (col.title.text(), label.text(), needed, label.height())
        assert col.title.sizeHint().width() <= col.width()


def test_a_wall_fitted_while_hidden_fits_again_when_shown_larger(wall, qtbot):
    wall.resize(500, 400)  # fitted small (e.g. built before the window had its size)
    wall.view.fit()
    small = wall.view.zoom()
    wall.resize(1280, 720)
    qtbot.wait(20)
    assert wall.view.zoom() > small  # fitted again to the room it has now
    wall.view.zoom_by(0.8)  # the person zooms: a resize no longer refits
    zoomed = wall.view.zoom()
    wall.resize(1000, 700)
    qtbot.wait(20)
    assert wall.view.zoom() == zoomed
