"""Attendance: check-in rules, idempotence, undo, walk-ins, absences, seats, demo."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator_app.core.attendance import checkin as A
from facilitator_app.core.members.members import create_member
from facilitator_app.core.plenaries import plenaries as P
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.ids import derived_id
from facilitator_app.core.store.store import Store

TZ = timezone(timedelta(hours=2))
DAY = "2024-05-11"


def at(hh, mm, day=DAY):
    y, m, d = map(int, day.split("-"))
    return datetime(y, m, d, hh, mm, tzinfo=TZ)


@pytest.fixture
def day(store):
    pid = P.create_plenary(store, 4, DAY, "Parco Nord", rooms=["Salone", "Aula 1"])
    morning, afternoon = (s["id"] for s in P.sessions_of(store, pid))
    people = {name: create_member(store, {"surname": name, "first_name": first, "status": status,
                                          "badge_code": badge})
              for name, first, status, badge in (("Rossi", "Giulia", "active", "ACDEF"),
                                                  ("Nguyễn", "Thị Lan", "active", "GHJKM"),
                                                  ("Bianchi", "Luca", "withdrawn", "NPQRT"),
                                                  ("D'Angelo", "Niccolò", "former", "UVWXY"))}
    return {"plenary": pid, "morning": morning, "afternoon": afternoon, **people}


def rows(store, session_id=None):
    where, params = ("session_id = ?", (session_id,)) if session_id else (None, ())
    return store.select("attendance", where, params)


def test_check_in_writes_one_row_with_the_derived_id(store, day):
    r = A.check_in(store, day["morning"], member_id=day["Rossi"], at=at(9, 21))
    assert r.outcome == "checked_in" and r.attendee.name == "Giulia Rossi" and not r.late
    (row,) = rows(store)
    assert row["id"] == derived_id("attendance", day["morning"], day["Rossi"])
    assert (row["status"], row["checked_in_at"], row["late"], row["plenary_id"]) == (
        "present", "2024-05-11T09:21:00+02:00", 0, day["plenary"])
    assert A.clock(row["checked_in_at"]) == "9:21"


def test_late_after_the_grace_minutes(store, day):
    assert not A.check_in(store, day["morning"], member_id=day["Rossi"], at=at(9, 40)).late
    assert A.check_in(store, day["morning"], member_id=day["Nguyễn"], at=at(9, 41)).late
    A.save_attendance_settings(store, {"late_after_minutes": 30})
    assert not A.check_in(store, day["afternoon"], member_id=day["Nguyễn"], at=at(14, 25)).late
    # Recorded on another day (a correction after the plenary): not an arrival, never late.
    assert not A.check_in(store, day["afternoon"], member_id=day["Rossi"], at=at(18, 0, "2024-05-13")).late


def test_second_check_in_is_harmless_and_says_when(store, day):
    first = A.check_in(store, day["morning"], member_id=day["Rossi"], at=at(9, 41))
    log = store.scalar("SELECT count(*) FROM changes")
    again = A.check_in(store, day["morning"], member_id=day["Rossi"], at=at(9, 55))
    assert again.outcome == "already" and A.clock(again.at) == "9:41" and not again.changed
    assert store.scalar("SELECT count(*) FROM changes") == log
    assert len(rows(store)) == 1 and first.changed


def test_two_laptops_make_the_same_row(store, day, db_path):
    A.check_in(store, day["morning"], member_id=day["Rossi"], at=at(9, 10))
    other = Store(db_path, Device("laptop-2", "Ingresso 2"))
    try:
        r = A.check_in(other, day["morning"], member_id=day["Rossi"], at=at(9, 12))
        assert r.outcome == "already"
        assert r.attendance_ids == [derived_id("attendance", day["morning"], day["Rossi"])]
    finally:
        other.close()
    assert len(rows(store)) == 1


def test_badge_check_in_normalises_and_unknown_writes_nothing(store, day):
    r = A.check_in_badge(store, day["morning"], " gh jkm\n", at=at(9, 0))
    assert r.attendee.id == day["Nguyễn"]
    with pytest.raises(A.UnknownBadge) as exc:
        A.check_in_badge(store, day["morning"], "zzzzz")
    assert exc.value.badge == "ZZZZZ" and exc.value.code == "unknown_badge"
    assert len(rows(store)) == 1


@pytest.mark.parametrize("who,reason", [("Bianchi", "withdrawn"), ("D'Angelo", "former")])
def test_not_in_office_asks_first(store, day, who, reason):
    with pytest.raises(A.NeedsConfirmation) as exc:
        A.check_in(store, day["morning"], member_id=day[who])
    assert exc.value.reason == reason and rows(store) == []
    assert A.check_in(store, day["morning"], member_id=day[who], confirmed=True).outcome == "checked_in"


def test_out_of_term_asks_first(store, day):
    mid = create_member(store, {"surname": "Verdi", "first_name": "Anna", "term_start": "2024-07-01"})
    with pytest.raises(A.NeedsConfirmation) as exc:
        A.check_in(store, day["morning"], member_id=mid)
    assert exc.value.reason == "out_of_term"


def test_all_remaining_sessions(store, day):
    r = A.check_in(store, day["morning"], member_id=day["Rossi"], at=at(9, 50), all_remaining=True)
    assert len(r.attendance_ids) == 2 and r.late
    afternoon = A.session_rows(store, day["afternoon"])[day["Rossi"]]
    assert afternoon["status"] == "present" and afternoon["late"] == 0
    r = A.check_in(store, day["afternoon"], member_id=day["Nguyễn"], all_remaining=True, at=at(14, 0))
    assert A.session_rows(store, day["morning"]).get(day["Nguyễn"]) is None and len(r.attendance_ids) == 1


def test_check_out_and_return(store, day):
    with pytest.raises(A.AttendanceError):
        A.check_out(store, day["morning"], member_id=day["Rossi"])
    A.check_in(store, day["morning"], member_id=day["Rossi"], at=at(9, 5))
    out = A.check_out(store, day["morning"], member_id=day["Rossi"], at=at(11, 30))
    assert out.outcome == "checked_out"
    assert A.session_rows(store, day["morning"])[day["Rossi"]]["checked_out_at"] == "2024-05-11T11:30:00+02:00"
    back = A.check_in(store, day["morning"], member_id=day["Rossi"], at=at(12, 0))
    assert back.outcome == "returned" and A.clock(back.at) == "9:05"
    assert A.session_rows(store, day["morning"])[day["Rossi"]]["checked_out_at"] is None


def test_undo_and_redo(store, day):
    r = A.check_in(store, day["morning"], member_id=day["Rossi"], at=at(9, 5), all_remaining=True)
    A.undo(store, r)
    assert rows(store) == [] and len(store.select("attendance", include_deleted=True)) == 2
    A.redo(store, r)
    assert len(rows(store)) == 2
    out = A.check_out(store, day["morning"], member_id=day["Rossi"], at=at(11, 0))
    A.undo(store, out)
    assert A.session_rows(store, day["morning"])[day["Rossi"]]["checked_out_at"] is None


def test_undo_of_an_already_is_a_no_op(store, day):
    A.check_in(store, day["morning"], member_id=day["Rossi"], at=at(9, 5))
    again = A.check_in(store, day["morning"], member_id=day["Rossi"])
    A.undo(store, again)
    assert len(rows(store)) == 1


def test_walk_in(store, day):
    r = A.register_walk_in(store, day["morning"], "Marta Colombo", "substitute", "Riserva", at=at(9, 30),
                           all_remaining=True)
    person = store.get("plenary_people", r.attendee.id)
    assert (person["name"], person["role"], person["organisation"]) == ("Marta Colombo", "substitute", "Riserva")
    assert r.attendance_ids[0] == derived_id("attendance", day["morning"], "person", r.attendee.id)
    assert {x["person_id"] for x in rows(store)} == {r.attendee.id} and len(rows(store)) == 2
    A.undo(store, r)
    assert rows(store) == [] and P.people_of(store, day["plenary"]) == []
    A.redo(store, r)
    assert len(P.people_of(store, day["plenary"])) == 1
    with pytest.raises(A.AttendanceError):
        A.register_walk_in(store, day["morning"], "X", "boss")
    with pytest.raises(A.AttendanceError):
        A.register_walk_in(store, day["morning"], "  ", "guest")
    assert len(P.people_of(store, day["plenary"])) == 1


def test_listed_people_check_in_too(store, day):
    pid = P.add_person(store, day["plenary"], "Laura Castoldi", "expert", "Comune di Milano")
    r = A.check_in(store, day["morning"], person_id=pid, at=at(8, 50))
    assert r.attendee.role == "expert" and r.seat is None
    kinds = [(a.kind, a.surname) for a in A.roster(store, day["plenary"])]
    assert kinds[-1] == ("person", "Laura Castoldi") and ("member", "Rossi") in kinds
    assert ("member", "Bianchi") not in kinds  # withdrawn without an end date: not expected


def test_justified_absence(store, day):
    with pytest.raises(A.AttendanceError):
        A.mark_absence(store, day["Rossi"], [day["morning"]], "  ")
    r = A.mark_absence(store, day["Rossi"], [day["morning"], day["afternoon"]], "Visita medica")
    assert {(x["status"], x["reason"]) for x in rows(store)} == {("absent_justified", "Visita medica")}
    # Turns up after all: present, the justification is dropped.
    A.check_in(store, day["morning"], member_id=day["Rossi"], at=at(10, 30))
    row = A.session_rows(store, day["morning"])[day["Rossi"]]
    assert (row["status"], row["reason"], row["late"]) == ("present", None, 1)
    with pytest.raises(A.AttendanceError, match="checked in"):
        A.mark_absence(store, day["Rossi"], [day["morning"]], "Errore")
    A.clear_absence(store, day["Rossi"], [day["afternoon"]])
    assert A.session_rows(store, day["afternoon"]) == {}
    A.undo(store, r)  # back to before the absence: nothing for the afternoon
    assert A.session_rows(store, day["afternoon"]) == {}


def test_set_times_recomputes_late(store, day):
    A.check_in(store, day["morning"], member_id=day["Rossi"], at=at(9, 0))
    r = A.set_times(store, day["morning"], member_id=day["Rossi"], checked_in_at=at(10, 15))
    assert r.late and A.clock(r.at) == "10:15"
    A.undo(store, r)
    assert A.session_rows(store, day["morning"])[day["Rossi"]]["late"] == 0


def test_check_in_is_committed_when_it_returns(store, day, db_path):
    A.check_in(store, day["morning"], member_id=day["Rossi"])
    other = sqlite3.connect(db_path)
    assert other.execute("SELECT count(*) FROM attendance WHERE deleted = 0").fetchone()[0] == 1
    other.close()


def test_one_notification_per_check_in(store, day):
    seen = []
    store.subscribe(seen.append)
    A.check_in(store, day["morning"], member_id=day["Rossi"], all_remaining=True)
    assert len(seen) == 1 and len(seen[0].rows["attendance"]) == 2


def _seat(store, plenary, session, member, name, room):
    with store.transaction():
        gid = store.insert("groups", {"plenary_id": plenary, "session_id": session, "name": name, "room": room})
        store.put("group_members", derived_id("seat", plenary, session, member),
                  {"plenary_id": plenary, "session_id": session, "member_id": member, "group_id": gid})


def test_seat_shows_group_and_room(store, day):
    assert A.seat_of(store, day["plenary"], day["morning"], day["Rossi"]) is None
    _seat(store, day["plenary"], day["morning"], day["Rossi"], "Gruppo 3", "Sala Verde")
    _seat(store, day["plenary"], None, day["Nguyễn"], "Gruppo 1", None)
    seat = A.seat_of(store, day["plenary"], day["morning"], day["Rossi"])
    assert seat.label() == "Gruppo 3 — Sala Verde"
    assert A.seat_of(store, day["plenary"], day["afternoon"], day["Rossi"]) is None
    assert A.seat_of(store, day["plenary"], day["afternoon"], day["Nguyễn"]).label() == "Gruppo 1"
    r = A.check_in(store, day["morning"], member_id=day["Rossi"])
    assert r.seat == seat
    assert set(A.seats_for(store, day["plenary"])) == {day["Rossi"], day["Nguyễn"]}


def test_settings_validation(store):
    assert A.attendance_settings(store)["followup_consecutive"] == 2
    A.save_attendance_settings(store, {"followup_consecutive": 3})
    assert A.attendance_settings(store)["followup_consecutive"] == 3
    for bad in ({"followup_consecutive": 0}, {"late_after_minutes": "10"}, {"followup_min_rate": 2}):
        with pytest.raises(A.AttendanceError):
            A.save_attendance_settings(store, bad)


def test_held_once_someone_checked_in(store, day):
    assert not A.held(store, day["plenary"])
    A.check_in(store, day["morning"], member_id=day["Rossi"])
    assert A.held(store, day["plenary"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["in", "in_all", "out", "undo"]), st.integers(0, 1), st.integers(0, 1)),
                max_size=25))
def test_never_two_rows_for_one_person_and_session(store, day, ops):
    with store.transaction():
        store.conn.execute("DELETE FROM attendance")
    people, sessions = [day["Rossi"], day["Nguyễn"]], [day["morning"], day["afternoon"]]
    done = []
    for op, who, sess in ops:
        try:
            if op == "in":
                done.append(A.check_in(store, sessions[sess], member_id=people[who]))
            elif op == "in_all":
                done.append(A.check_in(store, sessions[sess], member_id=people[who], all_remaining=True))
            elif op == "out":
                done.append(A.check_out(store, sessions[sess], member_id=people[who]))
            elif done:
                A.undo(store, done.pop())
        except A.AttendanceError:
            pass
    keys = [(r["session_id"], r["member_id"]) for r in store.select("attendance", include_deleted=True)]
    assert len(keys) == len(set(keys))
    assert all(r["status"] == "present" and r["checked_in_at"] for r in rows(store))


def test_set_times_can_clear_a_departure(store, day):
    A.check_in(store, day["morning"], member_id=day["Rossi"], at=at(9, 0))
    A.check_out(store, day["morning"], member_id=day["Rossi"], at=at(11, 0))
    A.set_times(store, day["morning"], member_id=day["Rossi"], clear_checkout=True)
    assert A.session_rows(store, day["morning"])[day["Rossi"]]["checked_out_at"] is None
    with pytest.raises(A.AttendanceError):
        A.set_times(store, day["morning"], member_id=day["Nguyễn"], late=True)
