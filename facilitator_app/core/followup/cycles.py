"""Cycles of the Assembly and the due date of the Comune's answers.

A recommendation belongs to the cycle of its plenary: the defined cycle whose dates contain the
plenary's date (table `followup_cycles`, e.g. "2023" from 2022-12-01 to 2023-11-30, as the first
cycle began on 3 December 2022), else the plenary's year. Each cycle says within how many months of
the sending the Comune should answer (`answer_months`, DEFAULT_ANSWER_MONTHS when not set): the due
date is the sending date plus that many months (31 January + 1 month = 28/29 February).
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from facilitator_app.core import snapshots
from facilitator_app.core.followup.fields import FollowupError, check_date, check_text
from facilitator_app.core.store.ids import derived_id
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Store

DEFAULT_ANSWER_MONTHS = 3
MAX_ANSWER_MONTHS = 36


def cycle_id(key: str) -> str:
    return derived_id("followup_cycle", key)


def cycles(store: Store) -> list[dict[str, Any]]:
    return store.select("followup_cycles", order_by="coalesce(starts_on, key), key")


def cycle_key_of(plenary_date: str | None, defined: list[dict[str, Any]]) -> str:
    """The key of the cycle a plenary held on `plenary_date` belongs to."""
    day = (plenary_date or "")[:10]
    for c in defined:
        if c["starts_on"] and c["ends_on"] and c["starts_on"] <= day <= c["ends_on"]:
            return c["key"]
    return day[:4] or "?"


def answer_months(key: str, defined: list[dict[str, Any]]) -> int:
    for c in defined:
        if c["key"] == key and c["answer_months"] is not None:
            return int(c["answer_months"])
    return DEFAULT_ANSWER_MONTHS


def add_months(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(sent_on: str | None, months: int) -> str | None:
    if not sent_on:
        return None
    return add_months(date.fromisoformat(sent_on[:10]), months).isoformat()


def set_cycle(store: Store, key: str, *, name: str | None = None, starts_on: Any = None, ends_on: Any = None,
              answer_months: Any = None, record: Edit | None = None) -> str:
    """Define or change a cycle (its dates and the months the Comune has to answer); one transaction."""
    key = check_text(key, "cycle", required=True, limit=20)
    start, end = check_date(starts_on, "cycle start"), check_date(ends_on, "cycle end")
    if (start is None) != (end is None):
        raise FollowupError("cycle: give both the first and the last day, or neither", code="cycle_dates_pair")
    if start and end and end < start:
        raise FollowupError(f"cycle: the last day ({end}) comes before the first ({start})",
                            code="cycle_ends_before_start", starts_on=start, ends_on=end)
    months = None
    if answer_months is not None and str(answer_months).strip() != "":
        try:
            months = int(str(answer_months).strip())
        except ValueError:
            months = -1
        if not 1 <= months <= MAX_ANSWER_MONTHS:
            raise FollowupError(f"answer months: a whole number from 1 to {MAX_ANSWER_MONTHS}, got {answer_months!r}",
                                code="bad_answer_months", value=str(answer_months), limit=MAX_ANSWER_MONTHS)
    values = {"key": key, "name": check_text(name, "cycle name", limit=120), "starts_on": start, "ends_on": end,
              "answer_months": months}
    cid = cycle_id(key)
    with store.transaction():
        if start:
            for other in cycles(store):
                if other["key"] != key and other["starts_on"] and other["starts_on"] <= end \
                        and start <= other["ends_on"]:
                    raise FollowupError(f"cycle {key}: its dates overlap cycle {other['key']}",
                                        code="cycles_overlap", cycle=key, other=other["key"])
        put_row(store, "followup_cycles", cid, values, record)
    return cid


def put_row(store: Store, table: str, row_id: str, values: dict[str, Any], record: Edit | None) -> bool:
    """Create (or revive) a row with a derived id, or change its fields, noting it in `record`."""
    current = store.get(table, row_id, include_deleted=True)
    if current is None:
        store.insert(table, values, id=row_id)
        if record is not None:
            record.note(table, row_id, {"deleted": 1}, {"deleted": 0})
        return True
    return snapshots.update(store, table, row_id, {**values, "deleted": 0}, record, current)
