"""Cycles and the overdue rule: due = sending + the cycle's months; overdue until a deciding answer."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

from facilitator_app.core.followup import FollowupError, load_board, record_answer, record_sending, set_cycle
from facilitator_app.core.followup.cycles import DEFAULT_ANSWER_MONTHS, add_months, cycle_key_of, cycles
from facilitator_app.core.snapshots import Edit, undo

from followup_fixtures import TODAY, make_assembly


def rows(store, today=TODAY):
    return {r.id: r for r in load_board(store, today)}


def test_cycle_of_a_plenary_from_defined_dates_else_its_year(store):
    a = make_assembly(store)
    got = rows(store)
    assert got[a["a"]].cycle == "2023"           # 3 Dec 2022 falls in the first cycle
    assert got[a["b"]].cycle == "2023"
    assert got[a["c"]].cycle == "2024"           # no cycle defined: its year
    assert [got[a[k]].code for k in "abc"] == ["2023-R1", "2023-R2", "2024-R1"]


def test_due_date_per_cycle_and_default(store):
    a = make_assembly(store)
    record_sending(store, a["a"], "2023-01-31", "Giunta", today=TODAY)
    record_sending(store, a["c"], "2024-03-31", "Giunta", today=TODAY)
    got = rows(store)
    assert got[a["a"]].due_on == "2023-07-31"                 # cycle 2023: 6 months
    assert got[a["c"]].due_on == add_months(date(2024, 3, 31), DEFAULT_ANSWER_MONTHS).isoformat()
    edit = Edit()
    set_cycle(store, "2024", starts_on="2023-12-01", ends_on="2024-11-30", answer_months=1, record=edit)
    assert rows(store)[a["c"]].due_on == "2024-04-30"          # 31 March + 1 month: end of April
    undo(store, edit)
    assert rows(store)[a["c"]].cycle == "2024" and not [c for c in cycles(store) if c["key"] == "2024"]


def test_overdue_rule(store):
    a = make_assembly(store)
    record_sending(store, a["a"], "2023-01-15", "Giunta", today=TODAY)          # due 2023-07-15
    record_sending(store, a["b"], "2023-06-20", "Giunta", today=TODAY)          # due 2023-12-20
    record_sending(store, a["c"], "2024-08-01", "Giunta", today=TODAY)          # due 2024-11-01
    got = rows(store)
    assert got[a["a"]].overdue and got[a["b"]].overdue and not got[a["c"]].overdue
    assert got[a["a"]].days_overdue == (TODAY - date(2023, 7, 15)).days
    # overdue first, the longest overdue first
    assert [r.id for r in load_board(store, TODAY)][:2] == [a["a"], a["b"]]
    # the day of the due date is not overdue yet, the next day is
    assert not rows(store, date(2023, 7, 15))[a["a"]].overdue
    assert rows(store, date(2023, 7, 16))[a["a"]].overdue
    # "under evaluation" does not end the wait; a deciding answer does, even a late one
    record_answer(store, a["a"], "evaluating", "Stiamo valutando", answer_on="2023-05-01", today=TODAY)
    assert rows(store)[a["a"]].overdue
    record_answer(store, a["a"], "rejected", "Non possibile", answer_on="2024-01-10", today=TODAY)
    assert not rows(store)[a["a"]].overdue
    # a longer term for the cycle moves the due date
    set_cycle(store, "2023", starts_on="2022-12-01", ends_on="2023-11-30", answer_months=18)
    assert rows(store)[a["b"]].due_on == "2024-12-20" and not rows(store)[a["b"]].overdue
    # not sent: no due date, never overdue
    record_answer(store, a["c"], "evaluating", "In valutazione", answer_on="2024-08-05", today=TODAY)
    late = rows(store, date(2030, 1, 1))
    assert late[a["c"]].overdue and late[a["b"]].overdue


@pytest.mark.parametrize("kwargs, code", [
    ({"starts_on": "2023-01-01"}, "cycle_dates_pair"),
    ({"starts_on": "2023-12-01", "ends_on": "2023-01-01"}, "cycle_ends_before_start"),
    ({"answer_months": 0}, "bad_answer_months"),
    ({"answer_months": "tre"}, "bad_answer_months"),
    ({"answer_months": 37}, "bad_answer_months"),
    ({"starts_on": "2023-06-01", "ends_on": "2024-05-31"}, "cycles_overlap"),
])
def test_bad_cycle(store, kwargs, code):
    make_assembly(store)
    before = store.scalar("SELECT count(*) FROM changes")
    with pytest.raises(FollowupError) as exc:
        set_cycle(store, "2024", **kwargs)
    assert exc.value.code == code
    assert store.scalar("SELECT count(*) FROM changes") == before


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(1, 36))
def test_add_months_lands_in_the_right_month_never_past_its_end(day, months):
    due = add_months(day, months)
    assert (due.year * 12 + due.month) - (day.year * 12 + day.month) == months
    assert due.day == day.day or (due.day < day.day and (due + (date(2000, 1, 2) - date(2000, 1, 1))).month
                                  != due.month)


def test_cycle_key_without_cycles():
    assert cycle_key_of("2026-02-14", []) == "2026"


def test_never_sent_is_never_overdue(store):
    a = make_assembly(store)
    got = rows(store, date(2035, 1, 1))
    assert all(not r.overdue and r.due_on is None for r in got.values())
    assert a["draft"] not in got
