"""Plenaries: creation with sessions, lookup by id or number, agenda, people."""

from __future__ import annotations

import json

import pytest

from facilitator_app.core.plenaries import plenaries as P


def test_create_plenary_with_default_sessions(store):
    pid = P.create_plenary(store, 1, "2024-01-20", "Fabbrica del Vapore", title="Apertura",
                           rooms=["Sala plenaria", "Spazio 1"])
    row = P.get_plenary(store, pid)
    assert (row["number"], row["date"], row["venue"], row["title"]) == (
        1, "2024-01-20", "Fabbrica del Vapore", "Apertura")
    assert P.rooms_of(row) == ["Sala plenaria", "Spazio 1"]
    sessions = P.sessions_of(store, pid)
    assert [(s["name"], s["starts_at"], s["ends_at"]) for s in sessions] == [
        ("Mattina", "09:30", "13:00"), ("Pomeriggio", "14:00", "17:30")]


def test_create_is_one_transaction_and_notifies_once(store):
    seen = []
    store.subscribe(seen.append)
    pid = P.create_plenary(store, 2, "2024-02-24", "BASE Milano")
    assert len(seen) == 1
    assert seen[0].rows["plenaries"] == {pid}
    assert len(seen[0].rows["sessions"]) == 2


def test_custom_sessions(store):
    pid = P.create_plenary(store, 1, "2024-03-01", None, sessions=[("Sera", "18:00", "21:00")])
    assert [s["name"] for s in P.sessions_of(store, pid)] == ["Sera"]


@pytest.mark.parametrize("kwargs", [
    {"number": 0}, {"number": "3"}, {"date": "20/01/2024"}, {"date": "2024-02-30"},
    {"sessions": [("Mattina", "13:00", "09:30")]}, {"sessions": [("Mattina", "9.30", "13:00")]},
    {"sessions": [("", "09:00", "10:00")]},
])
def test_invalid_plenary_is_refused_and_nothing_written(store, kwargs):
    args = {"number": 1, "date": "2024-01-20", "venue": "X", **kwargs}
    with pytest.raises(P.PlenaryError):
        P.create_plenary(store, args.pop("number"), args.pop("date"), args.pop("venue"), **args)
    assert P.list_plenaries(store) == []
    assert store.select("sessions") == []


def test_numbers_are_unique(store):
    P.create_plenary(store, 1, "2024-01-20", "A")
    with pytest.raises(P.PlenaryError, match="already exists"):
        P.create_plenary(store, 1, "2024-02-20", "B")
    assert len(P.list_plenaries(store)) == 1


def test_get_plenary_by_id_or_number(store):
    p3 = P.create_plenary(store, 3, "2024-04-06", "BASE Milano")
    P.create_plenary(store, 1, "2024-01-20", "Palazzo Marino")
    assert P.get_plenary(store, p3)["number"] == 3
    assert P.get_plenary(store, "3")["id"] == p3
    assert P.get_plenary(store, 3)["id"] == p3
    assert P.get_plenary(store, " 3 ")["id"] == p3
    assert P.get_plenary(store, "9") is None
    assert P.get_plenary(store, "nope") is None
    assert [p["number"] for p in P.list_plenaries(store)] == [1, 3]


def test_deleted_plenary_is_not_found_and_frees_its_number(store):
    pid = P.create_plenary(store, 1, "2024-01-20", "A")
    with store.transaction():
        store.delete("plenaries", pid)
    assert P.get_plenary(store, "1") is None
    P.create_plenary(store, 1, "2024-01-27", "B")


def test_agenda_items_join_the_session_of_their_time(store):
    pid = P.create_plenary(store, 1, "2024-01-20", "A")
    morning, afternoon = (s["id"] for s in P.sessions_of(store, pid))
    a = P.add_agenda_item(store, pid, "Accoglienza", starts_at="09:30", ends_at="10:00", presenter="Segreteria")
    b = P.add_agenda_item(store, pid, "Gruppi", starts_at="14:00", ends_at="15:30")
    lunch = P.add_agenda_item(store, pid, "Pranzo", starts_at="13:00", ends_at="14:00")
    loose = P.add_agenda_item(store, pid, "Varie")
    items = {i["id"]: i for i in P.agenda_of(store, pid)}
    assert items[a]["session_id"] == morning and items[a]["presenter"] == "Segreteria"
    assert items[b]["session_id"] == afternoon
    assert items[lunch]["session_id"] is None
    assert [i["id"] for i in P.agenda_of(store, pid)] == [a, lunch, b, loose]


def test_agenda_item_validation(store):
    pid = P.create_plenary(store, 1, "2024-01-20", "A")
    other = P.create_plenary(store, 2, "2024-02-20", "B")
    with pytest.raises(P.PlenaryError):
        P.add_agenda_item(store, pid, "  ")
    with pytest.raises(P.PlenaryError):
        P.add_agenda_item(store, pid, "X", starts_at="11:00", ends_at="10:00")
    with pytest.raises(P.PlenaryError):
        P.add_agenda_item(store, pid, "X", session_id=P.sessions_of(store, other)[0]["id"])
    with pytest.raises(P.PlenaryError):
        P.add_agenda_item(store, "missing", "X")
    assert P.agenda_of(store, pid) == []


def test_people_roles(store):
    pid = P.create_plenary(store, 1, "2024-01-20", "A")
    e = P.add_person(store, pid, "Laura Castoldi", "expert", "Comune di Milano — Area Transizione Ambientale")
    f = P.add_person(store, pid, "Sara Benzoni", "facilitator")
    assert [p["id"] for p in P.people_of(store, pid)] == [f, e]  # role order: facilitators first
    assert P.people_of(store, pid, "expert")[0]["organisation"].startswith("Comune di Milano")
    with pytest.raises(P.PlenaryError):
        P.add_person(store, pid, "Tizio", "boss")
    with pytest.raises(P.PlenaryError):
        P.add_person(store, pid, " ", "guest")
    assert set(P.PERSON_ROLES) == {"facilitator", "staff", "expert", "guest", "substitute", "observer"}


def test_update_plenary(store):
    pid = P.create_plenary(store, 1, "2024-01-20", "A")
    P.create_plenary(store, 2, "2024-02-20", "B")
    assert P.update_plenary(store, pid, {"venue": "BASE Milano", "rooms": ["Sala A"]})
    assert P.rooms_of(P.get_plenary(store, pid)) == ["Sala A"]
    assert json.loads(P.get_plenary(store, pid)["rooms"]) == ["Sala A"]
    with pytest.raises(P.PlenaryError):
        P.update_plenary(store, pid, {"number": 2})
    assert P.update_plenary(store, pid, {"venue": "BASE Milano"}) is False


def test_rooms_tolerate_plain_text():
    assert P.rooms_of({"rooms": "Sala A, Sala B\nSala C"}) == ["Sala A", "Sala B", "Sala C"]
    assert P.rooms_of({"rooms": None}) == []


def test_session_bounds(store):
    pid = P.create_plenary(store, 1, "2024-01-20", "A")
    start, end = P.session_bounds(P.get_plenary(store, pid), P.sessions_of(store, pid)[1])
    assert (start.isoformat(), end.isoformat()) == ("2024-01-20T14:00:00", "2024-01-20T17:30:00")


# -- editing (issue 3) ------------------------------------------------------------------
def test_update_and_remove_session(store):
    pid = P.create_plenary(store, 1, "2024-01-20", "A")
    morning, afternoon = (s["id"] for s in P.sessions_of(store, pid))
    assert P.update_session(store, morning, {"name": " Mattinata ", "starts_at": "09:00"})
    assert P.sessions_of(store, pid)[0]["name"] == "Mattinata"
    for bad in ({"name": ""}, {"starts_at": "14:00"}, {"ends_at": "8"}):
        with pytest.raises(P.PlenaryError):
            P.update_session(store, morning, bad)
    item = P.add_agenda_item(store, pid, "Gruppi", starts_at="14:30")
    P.remove_session(store, afternoon)
    assert [s["id"] for s in P.sessions_of(store, pid)] == [morning]
    assert store.get("agenda_items", item)["session_id"] is None
    with pytest.raises(P.PlenaryError):
        P.add_session(store, pid, "  ")


def test_session_with_check_ins_cannot_be_removed(store):
    from facilitator_app.core.attendance.checkin import check_in
    from facilitator_app.core.members.members import create_member

    pid = P.create_plenary(store, 1, "2024-01-20", "A")
    morning = P.sessions_of(store, pid)[0]["id"]
    check_in(store, morning, member_id=create_member(store, {"surname": "Rossi", "first_name": "Anna"}))
    with pytest.raises(P.PlenaryError, match="attendance"):
        P.remove_session(store, morning)
    with pytest.raises(P.PlenaryError, match="attendance"):
        P.delete_plenary(store, pid)


def test_update_and_remove_agenda_items_and_people(store):
    pid = P.create_plenary(store, 1, "2024-01-20", "A")
    item = P.add_agenda_item(store, pid, "Apertura", starts_at="10:00", ends_at="10:30")
    assert P.update_agenda_item(store, item, {"presenter": "Sara", "ends_at": "10:45"})
    assert P.agenda_of(store, pid)[0]["ends_at"] == "10:45"
    with pytest.raises(P.PlenaryError):
        P.update_agenda_item(store, item, {"ends_at": "09:00"})
    with pytest.raises(P.PlenaryError):
        P.update_agenda_item(store, item, {"title": " "})
    P.remove_agenda_item(store, item)
    assert P.agenda_of(store, pid) == []
    person = P.add_person(store, pid, "Laura", "expert")
    assert P.update_person(store, person, {"organisation": "AMAT", "role": "guest"})
    with pytest.raises(P.PlenaryError):
        P.update_person(store, person, {"role": "boss"})
    P.remove_person(store, person)
    assert P.people_of(store, pid) == []


def test_status_values(store):
    pid = P.create_plenary(store, 1, "2024-01-20", "A")
    P.update_plenary(store, pid, {"status": "held"})
    with pytest.raises(P.PlenaryError):
        P.update_plenary(store, pid, {"status": "done"})


def test_delete_plenary_and_undo(store):
    from facilitator_app.core.snapshots import restore, take

    pid = P.create_plenary(store, 1, "2024-01-20", "A")
    P.add_agenda_item(store, pid, "Apertura")
    P.add_person(store, pid, "Sara", "facilitator")
    before: dict = {}
    for table in ("plenaries", "sessions", "agenda_items", "plenary_people"):
        take(store, table, [r["id"] for r in store.select(table)], into=before)
    touched = P.delete_plenary(store, pid)
    assert len(touched) == 5 and P.list_plenaries(store) == [] and store.select("sessions") == []
    restore(store, before)
    assert P.get_plenary(store, 1)["id"] == pid and len(P.sessions_of(store, pid)) == 2


def test_expected_members_follow_terms(store):
    from facilitator_app.core.members.members import create_member

    pid = P.create_plenary(store, 1, "2024-05-11", "A")
    a = create_member(store, {"surname": "Alfa", "first_name": "A", "term_start": "2024-01-15", "term_end": "2024-07-14"})
    create_member(store, {"surname": "Beta", "first_name": "B", "term_start": "2024-06-01"})
    c = create_member(store, {"surname": "Gamma", "first_name": "C", "status": "withdrawn", "term_end": "2024-06-01"})
    create_member(store, {"surname": "Delta", "first_name": "D", "status": "withdrawn"})
    create_member(store, {"surname": "Eta", "first_name": "E", "term_end": "2024-03-01"})
    e = create_member(store, {"surname": "epsilon", "first_name": "E"})
    assert [m["id"] for m in P.expected_members(store, P.get_plenary(store, pid))] == [a, e, c]


def test_default_plenary_and_session_by_clock(store):
    from datetime import date

    assert P.default_plenary(store) is None
    P.create_plenary(store, 1, "2024-01-20", "A")
    P.create_plenary(store, 2, "2024-03-02", "B")
    P.create_plenary(store, 3, "2024-05-11", "C")
    assert P.default_plenary(store, date(2024, 3, 2))["number"] == 2     # today's
    assert P.default_plenary(store, date(2024, 3, 3))["number"] == 3     # else the next
    assert P.default_plenary(store, date(2025, 1, 1))["number"] == 3     # else the last
    with store.transaction():  # plenary 3 did not take place (still "planned"): the last held one is 2
        store.update("plenaries", P.get_plenary(store, 2)["id"], {"status": "held"})
    assert P.default_plenary(store, date(2025, 1, 1))["number"] == 2
    sessions = P.sessions_of(store, P.get_plenary(store, 1)["id"])
    assert [P.session_at(sessions, t)["name"] for t in ("08:00", "09:30", "12:59", "13:30", "15:00", "19:00")] == \
        ["Mattina", "Mattina", "Mattina", "Pomeriggio", "Pomeriggio", "Pomeriggio"]
    assert P.session_at([], "10:00") is None


def test_find_session_by_name_number_or_id(store):
    pid = P.create_plenary(store, 1, "2024-01-20", "A")
    morning, afternoon = P.sessions_of(store, pid)
    assert P.find_session(store, pid, "pomeriggio")["id"] == afternoon["id"]
    assert P.find_session(store, pid, "1")["id"] == morning["id"]
    assert P.find_session(store, pid, 2)["id"] == afternoon["id"]
    assert P.find_session(store, pid, afternoon["id"])["id"] == afternoon["id"]
    assert P.find_session(store, pid, "3") is None and P.find_session(store, pid, "sera") is None
