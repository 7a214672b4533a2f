"""Plenaries page: list, details editor, sessions/agenda/people tables, undo, the printed kit."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import QDate

from facilitator_app.core.attendance.checkin import check_in
from facilitator_app.core.members.members import create_member
from facilitator_app.core.plenaries import plenaries as P
from facilitator_app.gui.plenaries.page import PlenariesPage


@pytest.fixture
def page(ctx, qtbot):
    P.create_plenary(ctx.store, 1, "2024-01-20", "Palazzo Marino", rooms=["Sala Alessi"])
    P.create_plenary(ctx.store, 2, "2024-03-02", "Fabbrica del Vapore")
    page = PlenariesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    page.list.selectRow(0)
    return page


def test_list_and_details(ctx, page):
    assert page.list_model.rowCount() == 2
    assert page.list_model.index(1, 2).data() == "Fabbrica del Vapore"
    assert page.venue.text() == "Palazzo Marino" and page.rooms.text() == "Sala Alessi"
    assert page.sessions[0].rowCount() == 2 and page.sessions[0].index(0, 1).data() == "09:30"


def test_save_details_and_undo(ctx, page):
    pid = page.plenary_id
    page.venue.setText("Parco Nord")
    page.rooms.setText("Salone, Aula 1 ,")
    page.date.setDate(QDate(2024, 1, 27))
    page.status.setCurrentIndex(page.status.findData("held"))
    page.save_button.click()
    p = P.get_plenary(ctx.store, pid)
    assert (p["venue"], P.rooms_of(p), p["date"], p["status"]) == ("Parco Nord", ["Salone", "Aula 1"],
                                                                 "2024-01-27", "held")
    ctx.undo_stack.undo()
    assert P.get_plenary(ctx.store, pid)["venue"] == "Palazzo Marino"
    assert page.venue.text() == "Palazzo Marino"
    page.number.setValue(2)  # taken
    page.save_button.click()
    assert ctx.prompts.shown[-1][0] == "error" and P.get_plenary(ctx.store, pid)["number"] == 1


def test_edit_session_times_with_validation_and_undo(ctx, page):
    model = page.sessions[0]
    assert model.setData(model.index(0, 1), "09:00")
    assert P.sessions_of(ctx.store, page.plenary_id)[0]["starts_at"] == "09:00"
    assert not model.setData(model.index(0, 1), "9 e mezza")
    assert ctx.prompts.shown[-1][0] == "error"
    assert not model.setData(model.index(0, 2), "08:00")  # before the start
    ctx.undo_stack.undo()
    assert P.sessions_of(ctx.store, page.plenary_id)[0]["starts_at"] == "09:30"


def test_agenda_and_people(ctx, page):
    page.agenda[2].click()
    model = page.agenda[0]
    assert model.rowCount() == 1 and model.index(0, 2).data() == "New item"
    model.setData(model.index(0, 2), "Accoglienza e registrazione")
    model.setData(model.index(0, 0), "09:30")
    afternoon = P.sessions_of(ctx.store, page.plenary_id)[1]["id"]
    model.setData(model.index(0, 4), afternoon)
    assert model.index(0, 4).data() == "Pomeriggio"
    item = P.agenda_of(ctx.store, page.plenary_id)[0]
    assert (item["title"], item["starts_at"], item["session_id"]) == ("Accoglienza e registrazione", "09:30", afternoon)
    page.people[2].click()
    people = page.people[0]
    people.setData(people.index(0, 0), "Laura Castoldi")
    people.setData(people.index(0, 1), "guest")
    people.setData(people.index(0, 2), "Comune di Milano")
    (person,) = P.people_of(ctx.store, page.plenary_id)
    assert (person["name"], person["role"], person["organisation"]) == ("Laura Castoldi", "guest", "Comune di Milano")
    assert people.index(0, 1).data() == "Guest"
    page.people[1].selectRow(0)
    page.people[3].click()
    assert P.people_of(ctx.store, page.plenary_id) == []
    ctx.undo_stack.undo()
    assert len(P.people_of(ctx.store, page.plenary_id)) == 1


def test_new_and_delete_plenary_with_undo(ctx, page):
    page.new_button.click()
    p3 = P.get_plenary(ctx.store, 3)
    assert p3 and p3["date"] == "2024-04-27" and p3["venue"] == "Fabbrica del Vapore"
    assert page.plenary_id == p3["id"] and page.number.value() == 3
    ctx.undo_stack.undo()
    assert P.get_plenary(ctx.store, 3) is None and page.list_model.rowCount() == 2
    ctx.undo_stack.redo()
    assert P.get_plenary(ctx.store, 3)["id"] == p3["id"] and len(P.sessions_of(ctx.store, p3["id"])) == 2
    page.select(p3["id"])
    page.delete_button.click()
    assert ctx.prompts.shown[-1][0] == "confirm" and P.get_plenary(ctx.store, 3) is None
    ctx.undo_stack.undo()
    assert len(P.sessions_of(ctx.store, p3["id"])) == 2


def test_delete_refused_after_check_ins(ctx, page):
    member = create_member(ctx.store, {"surname": "Rossi", "first_name": "Anna"})
    check_in(ctx.store, P.sessions_of(ctx.store, page.plenary_id)[0]["id"], member_id=member)
    page.delete_button.click()
    assert ctx.prompts.shown[-1][0] == "error" and "attendance" in ctx.prompts.shown[-1][2]
    assert page.list_model.rowCount() == 2


def test_remove_session_and_undo(ctx, page):
    view = page.sessions[1]
    view.selectRow(1)
    page.sessions[3].click()
    assert [s["name"] for s in P.sessions_of(ctx.store, page.plenary_id)] == ["Mattina"]
    ctx.undo_stack.undo()
    assert len(P.sessions_of(ctx.store, page.plenary_id)) == 2


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
@pytest.mark.parametrize("kind,needle", [("badges", "Nguyễn"), ("signin", "Foglio firme"),
                                         ("checklist", "Lista di registrazione")])
def test_export_the_kit(ctx, page, tmp_path, monkeypatch, kind, needle):
    create_member(ctx.store, {"surname": "Nguyễn", "first_name": "Thị Lan"})
    out = tmp_path / f"{kind}.pdf"
    monkeypatch.setattr(page, "ask_save_path", lambda title, suggested: str(out))
    assert page.export(kind) == str(out)
    assert needle in subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert ctx.prompts.shown[-1][0] == "info"
    monkeypatch.setattr(page, "ask_save_path", lambda title, suggested: None)
    assert page.export(kind) is None


def test_convocation_details_address_directions_bring(ctx, page):
    pid = page.plenary_id
    page.address.setText("Piazza della Scala 2, 20121 Milano")
    page.directions.setText("M1 e M3 Duomo")
    page.bring.setText("il badge")
    page.save_button.click()
    p = P.get_plenary(ctx.store, pid)
    assert (p["address"], p["directions"], p["bring"]) == ("Piazza della Scala 2, 20121 Milano", "M1 e M3 Duomo",
                                                           "il badge")
    ctx.undo_stack.undo()
    assert P.get_plenary(ctx.store, pid)["address"] is None and page.address.text() == ""
