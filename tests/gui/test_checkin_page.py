"""The entrance screen, driven with the keyboard as the entrance table (and a USB scanner) would."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from facilitator_app.core.attendance import checkin as A
from facilitator_app.core.members.members import create_member
from facilitator_app.core.plenaries import plenaries as P
from facilitator_app.core.store.ids import derived_id
from facilitator_app.gui.attendance.checkin_page import CheckInPage

DAY = date(2024, 5, 11)
PEOPLE = [("Rossi", "Mario", "active", "ACDEF"), ("Rossetti", "Anna", "active", "GHJKM"),
          ("Martani", "Luca", "active", "NPQRT"), ("Nguyễn", "Thị Lan", "active", "UVWXY"),
          ("Bianchi", "Luca", "withdrawn", "MARTA"), ("D'Angelo", "Chiara", "active", "34679")]


@pytest.fixture
def setup(ctx):
    pid = P.create_plenary(ctx.store, 4, DAY.isoformat(), "Parco Nord", rooms=["Salone"])
    ids = {s: create_member(ctx.store, {"surname": s, "first_name": f, "status": st, "badge_code": b,
                                        "term_end": "2024-03-01" if st != "active" else None})
           for s, f, st, b in PEOPLE}
    morning, afternoon = (s["id"] for s in P.sessions_of(ctx.store, pid))
    return {"plenary": pid, "morning": morning, "afternoon": afternoon, "ids": ids}


@pytest.fixture
def page(ctx, setup, qtbot):
    page = CheckInPage(ctx, today=DAY, now="09:35")
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.search.setFocus()
    return page


def visible(page):
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def present(ctx, session_id):
    return {r["member_id"] or r["person_id"] for r in A.session_rows(ctx.store, session_id).values()
            if r["status"] == "present"}


def scan(qtbot, page, code):
    qtbot.keyClicks(page.search, code)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)


def test_defaults_today_and_session_by_clock(ctx, setup, qtbot):
    P.create_plenary(ctx.store, 5, "2024-06-15", "BASE")
    page = CheckInPage(ctx, today=DAY, now="15:10")
    qtbot.addWidget(page)
    assert page.picker.plenary_id() == setup["plenary"] and page.session_id == setup["afternoon"]
    later = CheckInPage(ctx, today=date(2024, 5, 20), now="08:00")
    qtbot.addWidget(later)
    assert later.picker.plenary_box.currentText().startswith("Plenary 5") and later.picker.session_box.currentIndex() == 0


def test_typing_narrows_and_enter_checks_in_the_highlighted(ctx, setup, page, qtbot):
    assert len(visible(page)) == 5  # the withdrawn member is not expected
    qtbot.keyClicks(page.search, "ros")
    assert visible(page) == ["Rossetti Anna", "Rossi Mario"]
    assert page.highlighted().surname == "Rossetti"
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.highlighted().surname == "Rossi"
    qtbot.keyClick(page.search, Qt.Key.Key_Up)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert present(ctx, setup["morning"]) == {setup["ids"]["Rossi"]}
    assert page.banner.kind == "ok" and "Mario Rossi" in page.banner.text()
    assert page.search.text() == "" and page.search.hasFocus()
    assert "Present 1 of 5" in page.count_label.text()
    row = page.model.row_of(setup["ids"]["Rossi"])
    assert page.model.index(row, 3).data().startswith("✓")


def test_scanner_badge_wins_over_name_search(ctx, setup, page, qtbot):
    scan(qtbot, page, "34679")
    assert present(ctx, setup["morning"]) == {setup["ids"]["D'Angelo"]}
    # "MARTA" is both the start of a surname (Martani) and a badge: the exact badge wins...
    ctx.prompts.answer = True
    scan(qtbot, page, "marta")
    assert setup["ids"]["Bianchi"] in present(ctx, setup["morning"])
    assert setup["ids"]["Martani"] not in present(ctx, setup["morning"])
    assert ctx.prompts.shown[-1][0] == "confirm"  # ...and asks first: Bianchi has withdrawn


def test_scanning_twice_is_harmless_and_says_when(ctx, setup, page, qtbot):
    scan(qtbot, page, "UVWXY")
    first = A.session_rows(ctx.store, setup["morning"])[setup["ids"]["Nguyễn"]]["checked_in_at"]
    scan(qtbot, page, "UVWXY")
    assert page.banner.kind == "already" and A.clock(first) in page.banner.text()
    assert len(A.session_rows(ctx.store, setup["morning"])) == 1
    assert ctx.undo_stack.count() == 1


def test_unknown_badge_is_red_and_writes_nothing(ctx, setup, page, qtbot):
    scan(qtbot, page, "XXXXX")
    assert page.banner.kind == "error" and "XXXXX" in page.banner.text()
    assert A.session_rows(ctx.store, setup["morning"]) == {}
    qtbot.keyClicks(page.search, "ACDEF")  # the red code is selected: the next scan replaces it
    assert page.search.text() == "ACDEF"
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.banner.kind == "ok"


def test_nobody_found(ctx, setup, page, qtbot):
    scan(qtbot, page, "zzz")
    assert page.banner.kind == "error" and "zzz" in page.banner.text()


def test_undo_last_check_in_with_ctrl_z_and_button(ctx, setup, page, qtbot):
    scan(qtbot, page, "ACDEF")
    scan(qtbot, page, "GHJKM")
    assert len(present(ctx, setup["morning"])) == 2
    qtbot.keyClick(page.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert present(ctx, setup["morning"]) == {setup["ids"]["Rossi"]}
    assert page.banner.kind == "info" and "Rossetti" in page.banner.text()
    qtbot.mouseClick(page.buttons["undo"], Qt.MouseButton.LeftButton)
    assert present(ctx, setup["morning"]) == set()
    assert "Present 0 of 5" in page.count_label.text() and page.search.hasFocus()
    ctx.undo_stack.redo()
    assert present(ctx, setup["morning"]) == {setup["ids"]["Rossi"]}


def test_withdrawn_member_asks_first(ctx, setup, page, qtbot):
    ctx.prompts.answer = False
    scan(qtbot, page, "MARTA")
    assert ctx.prompts.shown[-1][0] == "confirm" and "Luca Bianchi" in ctx.prompts.shown[-1][2]
    assert present(ctx, setup["morning"]) == set() and page.banner.kind == "info"
    ctx.prompts.answer = True
    scan(qtbot, page, "MARTA")
    assert present(ctx, setup["morning"]) == {setup["ids"]["Bianchi"]}


def test_walk_in_keyboard_only(ctx, setup, page, qtbot):
    qtbot.keyClicks(page.search, "Colombo")
    qtbot.keyClick(page, Qt.Key.Key_F2)
    assert page.walkin.isVisible() and page.walkin.name.text() == "Colombo"
    qtbot.keyClick(page.walkin.name, Qt.Key.Key_Home)
    qtbot.keyClicks(page.walkin.name, "Marta ")
    qtbot.keyClick(page.walkin.name, Qt.Key.Key_Tab)
    assert page.walkin.role.hasFocus()
    qtbot.keyClick(page.walkin.role, Qt.Key.Key_Down)  # guest -> substitute
    qtbot.keyClick(page.walkin.role, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.walkin.organisation, "Riserva Coorte B")
    qtbot.keyClick(page.walkin.organisation, Qt.Key.Key_Return)
    (person,) = P.people_of(ctx.store, setup["plenary"])
    assert (person["name"], person["role"], person["organisation"]) == ("Marta Colombo", "substitute",
                                                                        "Riserva Coorte B")
    assert present(ctx, setup["morning"]) == {person["id"]}
    assert not page.walkin.isVisible() and page.search.hasFocus() and page.banner.kind == "ok"
    assert "Substitute" in page.banner.text()
    qtbot.keyClick(page.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert P.people_of(ctx.store, setup["plenary"]) == [] and present(ctx, setup["morning"]) == set()


def test_walk_in_escape_and_empty_name(ctx, setup, page, qtbot):
    qtbot.keyClick(page, Qt.Key.Key_F2)
    qtbot.keyClick(page.walkin.name, Qt.Key.Key_Return)
    assert page.walkin.error.isVisible() and P.people_of(ctx.store, setup["plenary"]) == []
    qtbot.keyClick(page.walkin.name, Qt.Key.Key_Escape)
    assert not page.walkin.isVisible() and page.search.hasFocus()


def test_check_out_and_times(ctx, setup, page, qtbot, monkeypatch):
    scan(qtbot, page, "ACDEF")
    qtbot.keyClick(page, Qt.Key.Key_F6)
    row = A.session_rows(ctx.store, setup["morning"])[setup["ids"]["Rossi"]]
    assert row["checked_out_at"] and page.banner.kind == "info"
    assert "left" in page.model.index(page.model.row_of(setup["ids"]["Rossi"]), 3).data()
    from datetime import datetime
    arrival = datetime(2024, 5, 11, 10, 5).astimezone()
    monkeypatch.setattr(page, "ask_times", lambda a, r: (arrival, None))
    qtbot.keyClick(page, Qt.Key.Key_F7)
    row = A.session_rows(ctx.store, setup["morning"])[setup["ids"]["Rossi"]]
    assert A.clock(row["checked_in_at"]) == "10:05" and row["late"] == 1
    assert "late" in page.model.index(page.model.row_of(setup["ids"]["Rossi"]), 3).data()


def test_all_remaining_sessions(ctx, setup, page, qtbot):
    page.all_day.setChecked(True)
    assert page.search.hasFocus()
    scan(qtbot, page, "ACDEF")
    assert setup["ids"]["Rossi"] in present(ctx, setup["afternoon"])
    assert ctx.settings.value("checkin/all_day", type=bool)


def test_justified_absence(ctx, setup, page, qtbot, monkeypatch):
    qtbot.keyClicks(page.search, "nguy")
    monkeypatch.setattr(page, "ask_absence", lambda a, sessions, justified: (
        [s["id"] for s in sessions], "Visita medica", False))
    qtbot.keyClick(page, Qt.Key.Key_F9)
    rows = [A.session_rows(ctx.store, s)[setup["ids"]["Nguyễn"]] for s in (setup["morning"], setup["afternoon"])]
    assert {(r["status"], r["reason"]) for r in rows} == {("absent_justified", "Visita medica")}
    assert page.model.index(page.model.row_of(setup["ids"]["Nguyễn"]), 3).data() == "justified absence"
    monkeypatch.setattr(page, "ask_absence", lambda a, sessions, justified: (list(justified), "", True))
    qtbot.keyClick(page, Qt.Key.Key_F9)
    assert A.session_rows(ctx.store, setup["morning"]) == {}


def test_only_missing(ctx, setup, page, qtbot):
    scan(qtbot, page, "ACDEF")
    qtbot.keyClick(page, Qt.Key.Key_F4)
    assert "Rossi Mario" not in visible(page) and len(visible(page)) == 4
    scan(qtbot, page, "GHJKM")
    assert "Rossetti Anna" not in visible(page)
    qtbot.keyClick(page, Qt.Key.Key_F4)
    assert len(visible(page)) == 5


def test_check_in_from_another_laptop_updates_the_row(ctx, setup, page, qtbot):
    qtbot.keyClicks(page.search, "ros")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    resets = []
    page.model.modelReset.connect(lambda: resets.append(1))
    A.check_in(ctx.store, setup["morning"], member_id=setup["ids"]["Rossetti"])  # as merged from laptop 2
    assert resets == [] and page.highlighted().surname == "Rossi"
    assert page.model.index(0, 3).data().startswith("✓") and "Present 1 of 5" in page.count_label.text()


def test_seat_on_the_banner(ctx, setup, page, qtbot):
    store, pid, morning = ctx.store, setup["plenary"], setup["morning"]
    with store.transaction():
        g = store.insert("groups", {"plenary_id": pid, "session_id": morning, "name": "Gruppo 3", "room": "Sala Verde"})
        store.put("group_members", derived_id("seat", pid, morning, setup["ids"]["Rossi"]),
                  {"plenary_id": pid, "session_id": morning, "member_id": setup["ids"]["Rossi"], "group_id": g})
    scan(qtbot, page, "ACDEF")
    assert "Gruppo 3 — Sala Verde" in page.banner.text()
    scan(qtbot, page, "GHJKM")
    assert "Gruppo" not in page.banner.text()  # no seat yet: nothing shown


def test_badge_scanned_onto_half_typed_letters(ctx, setup, page, qtbot):
    qtbot.keyClicks(page.search, "zo")  # someone started typing, then the scanner fires
    scan(qtbot, page, "UVWXY")
    assert present(ctx, setup["morning"]) == {setup["ids"]["Nguyễn"]} and page.banner.kind == "ok"


def test_demo_entrance_screen_reads_well(demo_ctx, qtbot, tmp_path):
    """On the demo assembly at laptop size (1366 px minus the navigation): nothing clipped."""
    page = CheckInPage(demo_ctx, today=date(2024, 9, 14), now="09:35")
    qtbot.addWidget(page)
    page.resize(1176, 700)
    page.show()
    qtbot.waitExposed(page)
    assert page.minimumSizeHint().width() <= 1176
    member = P.expected_members(demo_ctx.store, P.get_plenary(demo_ctx.store, 7))[0]
    scan(qtbot, page, member["badge_code"])
    assert page.banner.kind == "ok"
    for b in page.buttons.values():
        assert b.width() >= b.sizeHint().width() - 2, b.text()
    for label in (page.banner.title, page.banner.detail, page.count_label):
        assert label.width() >= min(label.sizeHint().width(), page.width() - 60), label.text()
    assert page.search.font().pointSizeF() >= 20 and page.banner.title.font().pointSizeF() >= 24
    assert page.grab().save(str(tmp_path / "checkin.png"))
