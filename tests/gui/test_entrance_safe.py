"""The entrance made safe: no silent pick among several matches, No as the default answer, a loud warning on
another day's plenary, and every page on the same plenary."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from facilitator_app.core.attendance import checkin as A
from facilitator_app.core.members.members import create_member
from facilitator_app.core.plenaries import plenaries as P
from facilitator_app.gui.attendance.checkin_page import CheckInPage
from facilitator_app.gui.main_window import MainWindow

DAY = date(2024, 5, 11)


@pytest.fixture
def entrance(ctx):
    pid = P.create_plenary(ctx.store, 4, DAY.isoformat(), "Parco Nord")
    ids = {s: create_member(ctx.store, {"surname": s, "first_name": f, "status": st,
                                        "term_end": "2024-03-01" if st != "active" else None})
           for s, f, st in (("Rossi", "Mario", "active"), ("Rossetti", "Anna", "active"),
                            ("Verdi", "Luca", "active"), ("Bianchi", "Ada", "withdrawn"))}
    return pid, P.sessions_of(ctx.store, pid)[0]["id"], ids


def make_page(ctx, qtbot, today=DAY):
    page = CheckInPage(ctx, today=today, now="09:35")
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    page.search.setFocus()
    return page


def present(ctx, session):
    return {r["member_id"] for r in A.session_rows(ctx.store, session).values() if r["status"] == "present"}


def test_enter_with_two_matches_asks_to_choose_then_checks_in_the_highlighted(ctx, entrance, qtbot):
    _pid, session, ids = entrance
    page = make_page(ctx, qtbot)
    qtbot.keyClicks(page.search, "ross")
    assert page.model.rowCount() == 2
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert present(ctx, session) == set()  # nobody checked in by a hurried Enter
    assert "2" in page.banner.text() and page.banner.kind == "already"
    first = page.highlighted()
    assert first.name in page.banner.text()  # it says who a second Enter would check in
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert present(ctx, session) == {first.member_id}


def test_an_explicit_choice_checks_in_at_the_first_enter(ctx, entrance, qtbot):
    _pid, session, ids = entrance
    page = make_page(ctx, qtbot)
    qtbot.keyClicks(page.search, "ross")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    chosen = page.highlighted()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert present(ctx, session) == {chosen.member_id}
    qtbot.keyClicks(page.search, "ross")  # a new search: a new choice is needed
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert present(ctx, session) == {chosen.member_id}


def test_one_match_checks_in_at_once(ctx, entrance, qtbot):
    _pid, session, ids = entrance
    page = make_page(ctx, qtbot)
    qtbot.keyClicks(page.search, "verdi")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert present(ctx, session) == {ids["Verdi"]}


def test_a_withdrawn_member_is_asked_about_with_no_as_the_default(ctx, entrance, qtbot):
    _pid, session, ids = entrance
    ctx.prompts.answer = False  # what Enter answers, given the default
    page = make_page(ctx, qtbot)
    with ctx.store.transaction():
        ctx.store.update("members", ids["Bianchi"], {"badge_code": "MARTA"})
    qtbot.keyClicks(page.search, "MARTA")  # her badge, scanned (withdrawn: not on the list of the day)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert ctx.prompts.shown[-1][0] == "confirm" and ctx.prompts.defaults == [False]
    assert present(ctx, session) == set() and "Bianchi" in page.banner.text()


def test_the_real_question_box_defaults_to_no(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from facilitator_app.gui.context import Prompts

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a) or QMessageBox.StandardButton.No)
    assert Prompts().confirm(None, "t", "x") is False
    assert asked[0][4] == QMessageBox.StandardButton.No


def test_a_plenary_not_today_is_announced(ctx, entrance, qtbot):
    page = make_page(ctx, qtbot, today=DAY)
    assert not page.day_warning.isVisible()
    later = make_page(ctx, qtbot, today=DAY + timedelta(days=1))
    assert later.day_warning.isVisible()
    text = later.day_warning.text()
    assert "11/05/2024" in text and "12/05/2024" in text


def _chosen(win) -> dict[str, str | None]:
    p = win.pages
    return {"plenaries": p["plenaries"].plenary_id, "checkin": p["checkin"].picker.plenary_id(),
            "attendance": p["attendance"].picker.plenary_id(), "groups": p["groups"].plenary_id,
            "wall": p["wall"].plenary_box.currentData(), "recommendations": p["recommendations"].plenary_box.currentData(),
            "minutes": p["minutes"].plenary_id}


@pytest.mark.parametrize("case", ["today", "next", "last_held"])
def test_every_page_opens_on_the_same_plenary(ctx, qtbot, case):
    today = date.today()
    s = ctx.store
    past_held = P.create_plenary(s, 1, (today - timedelta(days=60)).isoformat(), "A")
    later_held = P.create_plenary(s, 2, (today - timedelta(days=30)).isoformat(), "B")
    with s.transaction():
        for pid in (past_held, later_held):
            s.update("plenaries", pid, {"status": "held"})
    P.create_plenary(s, 3, (today - timedelta(days=2)).isoformat(), "C")  # not held (still planned)
    expected = later_held
    if case in ("today", "next"):
        far = P.create_plenary(s, 5, (today + timedelta(days=40)).isoformat(), "E")
        expected = P.create_plenary(s, 4, (today + timedelta(days=0 if case == "today" else 10)).isoformat(), "D")
        assert far
    for pid in (past_held, expected):  # groups and recommendations elsewhere must not pull a page away
        with s.transaction():
            gid = s.insert("groups", {"plenary_id": pid, "name": "Mobilità", "sort_order": 0})
            s.insert("recommendations", {"plenary_id": pid, "group_id": gid, "title": "R", "sort_order": 0})
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    chosen = _chosen(win)
    assert set(chosen.values()) == {expected}, chosen
