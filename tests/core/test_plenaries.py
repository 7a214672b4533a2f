"""Plenaries: creation with sessions, lookup by id or number, agenda, people."""

from __future__ import annotations

import json

import pytest

from facilitator_app.core import plenaries as P


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
