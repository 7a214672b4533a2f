"""Attendance (presenze): check-in at the entrance, check-out, justified absences, walk-ins.

One row per (session, person), whatever laptop records it: members get the id
`derived_id("attendance", session_id, member_id)`, everyone else (staff,
experts, guests, walk-ins, all in `plenary_people`) gets
`derived_id("attendance", session_id, "person", person_id)`. Check-ins made on
two entrance laptops therefore merge into one row and are never counted twice.

`status` is "present" or "absent_justified"; no row means not arrived (or
absent). Times are local ISO timestamps with their UTC offset
("2024-05-11T09:41:07+02:00"), so the clock time people saw is kept.

Every action runs in one transaction and is durable (committed, WAL +
synchronous=FULL) when it returns: the entrance screen confirms only then.
Actions return the rows before and after (`Result.edit`, a `snapshots.Edit`),
so undo and redo are `snapshots.undo`/`redo` of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from facilitator_app.core import snapshots
from facilitator_app.core.attendance.attendees import (
    Attendee,
    AttendeeError,
    attendee,
    not_in_office_reason,
    roster,  # noqa: F401 - re-exported: the entrance's list
)
from facilitator_app.core.errors import CoreError, not_found
from facilitator_app.core.members.members import find_by_badge, normalize_badge
from facilitator_app.core.plenaries.plenaries import (
    PERSON_ROLES,
    PlenaryError,
    add_person,
    expected_members,
    get_plenary,
    session_bounds,
    sessions_of,
)
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.ids import derived_id
from facilitator_app.core.store.store import Store

STATUSES = ("present", "absent_justified")
WALK_IN_ROLES = ("guest", "substitute", "observer", "expert", "staff", "facilitator")
SETTING_KEY = "attendance"
DEFAULT_SETTINGS: dict[str, Any] = {
    "late_after_minutes": 10,          # arriving later than start + this is "late"
    "followup_consecutive": 2,         # this many absences in a row -> a follow-up call
    "followup_count_justified": False,  # do justified absences count towards the streak?
    "followup_min_rate": 0.5,          # or a cycle attendance rate below this (None: off)
}


class AttendanceError(CoreError, ValueError):
    """The action cannot be done; the message says why."""


class UnknownBadge(AttendanceError):
    """No member has this badge code (`badge`)."""

    code = "unknown_badge"

    def __init__(self, badge: str):
        super().__init__(f"unknown badge {badge!r}", badge=badge)
        self.badge = badge


class NeedsConfirmation(AttendanceError):
    """Checking in someone who is not in office asks first; pass confirmed=True to go on."""

    def __init__(self, attendee: "Attendee", reason: str):
        super().__init__(f"{attendee.name} is not in office ({reason}); confirm to check in anyway",
                         code="not_in_office", name=attendee.name, reason=reason)
        self.attendee, self.reason = attendee, reason


# -- settings ---------------------------------------------------------------------
def attendance_settings(store: Store) -> dict[str, Any]:
    stored = store.setting(SETTING_KEY)
    out = dict(DEFAULT_SETTINGS)
    if isinstance(stored, dict):
        out.update({k: v for k, v in stored.items() if k in DEFAULT_SETTINGS})
    return out


def save_attendance_settings(store: Store, changes: dict[str, Any]) -> dict[str, Any]:
    values = {**attendance_settings(store), **{k: v for k, v in changes.items() if k in DEFAULT_SETTINGS}}
    for key in ("late_after_minutes", "followup_consecutive"):
        if isinstance(values[key], bool) or not isinstance(values[key], int) or values[key] < (key != "late_after_minutes"):
            raise AttendanceError(f"{key}: expected a whole number, got {values[key]!r}",
                                  code="bad_late_minutes" if key == "late_after_minutes" else "bad_followup_streak",
                                  value=values[key])
    rate = values["followup_min_rate"]
    if rate is not None and (isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate <= 1):
        raise AttendanceError(f"followup_min_rate: expected a share between 0 and 1, got {rate!r}",
                              code="bad_followup_rate", value=rate)
    store.set_setting(SETTING_KEY, values)
    return values


# -- who ---------------------------------------------------------------------------
def attendance_id(session_id: str, member_id: str | None = None, person_id: str | None = None) -> str:
    if member_id:
        return derived_id("attendance", session_id, member_id)
    if person_id:
        return derived_id("attendance", session_id, "person", person_id)
    raise AttendanceError("a member or a person is required", code="who_required")


# -- seats (written by the groups engineer) ----------------------------------------------
@dataclass(frozen=True)
class Seat:
    group: str
    room: str | None = None

    def label(self) -> str:
        return f"{self.group} — {self.room}" if self.room else self.group


_SEAT_SQL = """
    SELECT gm.member_id, gm.session_id, g.name, g.room FROM group_members gm
    JOIN groups g ON g.id = gm.group_id AND g.deleted = 0
    WHERE gm.deleted = 0 AND gm.plenary_id = ? {extra}
    ORDER BY gm.session_id IS NULL, g.sort_order"""


def seat_of(store: Store, plenary_id: str, session_id: str | None, member_id: str) -> Seat | None:
    """The member's group and room for this session (or the plenary's), None when not seated yet."""
    seats = seats_for(store, plenary_id, session_id, member_id=member_id)
    return seats.get(member_id)


def seats_for(store: Store, plenary_id: str, session_id: str | None = None, *,
              member_id: str | None = None) -> dict[str, Seat]:
    """member id -> Seat for one session (plenary-wide seats fill in); any session's seat when None."""
    extra, params = "", [plenary_id]
    if session_id is not None:
        extra += " AND (gm.session_id = ? OR gm.session_id IS NULL)"
        params.append(session_id)
    if member_id is not None:
        extra += " AND gm.member_id = ?"
        params.append(member_id)
    out: dict[str, Seat] = {}
    order = {s["id"]: s["sort_order"] for s in sessions_of(store, plenary_id)} if session_id is None else {}
    rows = store.query(_SEAT_SQL.format(extra=extra), params)
    if order:  # the earliest session's seat is the one a badge shows
        rows.sort(key=lambda r: (r["session_id"] is None, order.get(r["session_id"], 99)))
    for r in rows:
        out.setdefault(r["member_id"], Seat(r["name"], r["room"]))
    return out


# -- time -------------------------------------------------------------------------------
def local_now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def _aware(at: datetime | None) -> datetime:
    if at is None:
        return local_now()
    return (at if at.tzinfo else at.astimezone()).replace(microsecond=0)


def clock(iso: str | None) -> str:
    """"2024-05-11T09:41:07+02:00" -> "9:41" (the time people saw)."""
    if not iso:
        return ""
    t = datetime.fromisoformat(iso)
    return f"{t.hour}:{t.minute:02d}"


def _is_late(store: Store, plenary: dict[str, Any], session: dict[str, Any], at: datetime) -> bool:
    start, _ = session_bounds(plenary, session)
    if start is None or at.date() != start.date():  # recorded another day: a correction, not an arrival
        return False
    grace = timedelta(minutes=attendance_settings(store)["late_after_minutes"])
    return at.replace(tzinfo=None) > start + grace


# -- results ------------------------------------------------------------------------
@dataclass
class Result:
    """What one action did: enough for the banner, for undo (before) and redo (after)."""

    outcome: str                      # checked_in | already | returned | checked_out | absence | cleared
    attendee: Attendee
    session_id: str
    attendance_ids: list[str]
    at: str | None = None             # check-in (or check-out) time of the first session
    late: bool = False
    seat: Seat | None = None
    edit: Edit = field(default_factory=Edit)

    @property
    def changed(self) -> bool:
        return bool(self.edit)


def undo(store: Store, result: Result) -> None:
    snapshots.undo(store, result.edit)


def redo(store: Store, result: Result) -> None:
    snapshots.redo(store, result.edit)


def _attendee(store: Store, member_id: str | None, person_id: str | None) -> Attendee:
    try:
        return attendee(store, member_id, person_id)
    except AttendeeError as exc:
        raise AttendanceError.wrap(exc) from exc


def _plenary(store: Store, plenary_id: str) -> dict[str, Any]:
    row = get_plenary(store, plenary_id)
    if row is None:
        raise not_found(AttendanceError, "plenary", plenary_id, f"no plenary {plenary_id}")
    return row


def _session(store: Store, session_id: str) -> tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]:
    session = store.get("sessions", session_id)
    if session is None:
        raise not_found(AttendanceError, "session", session_id)
    plenary = _plenary(store, session["plenary_id"])
    return session, plenary, sessions_of(store, plenary["id"])


def _from(sessions: list[dict[str, Any]], session: dict[str, Any], all_remaining: bool) -> list[dict[str, Any]]:
    if not all_remaining:
        return [session]
    at = next(i for i, s in enumerate(sessions) if s["id"] == session["id"])
    return sessions[at:]


# -- actions ------------------------------------------------------------------------
def check_in(store: Store, session_id: str, *, member_id: str | None = None, person_id: str | None = None,
             at: datetime | None = None, all_remaining: bool = False, confirmed: bool = False) -> Result:
    """Mark someone present (idempotent: a second check-in changes nothing and says when the first was).

    A member who is not in office (withdrawn, former, out of term) raises NeedsConfirmation
    unless `confirmed`. With `all_remaining`, also the later sessions of the same day.
    """
    at = _aware(at)
    with store.transaction():
        session, plenary, sessions = _session(store, session_id)
        who = _attendee(store, member_id, person_id)
        if who.kind == "member" and not confirmed:
            reason = not_in_office_reason(store.get("members", who.id), plenary)
            if reason:
                raise NeedsConfirmation(who, reason)
        targets = _from(sessions, session, all_remaining)
        ids = [attendance_id(s["id"], who.member_id, who.person_id) for s in targets]
        edit = Edit().watch(store, "attendance", ids)
        outcome, first_at, first_late = "checked_in", at.isoformat(), False
        for n, (s, aid) in enumerate(zip(targets, ids)):
            row = store.get("attendance", aid)
            if row is not None and row["status"] == "present":
                if row["checked_out_at"]:  # came back after leaving: keep the first arrival
                    store.update("attendance", aid, {"checked_out_at": None})
                    kind = "returned"
                else:
                    kind = "already"
                if n == 0:
                    outcome, first_at, first_late = kind, row["checked_in_at"], bool(row["late"])
                continue
            late = _is_late(store, plenary, s, at)
            store.put("attendance", aid, {
                "plenary_id": plenary["id"], "session_id": s["id"], "member_id": who.member_id,
                "person_id": who.person_id, "status": "present", "checked_in_at": at.isoformat(),
                "checked_out_at": None, "late": int(late), "reason": None})
            if n == 0:
                first_late = late
        edit.close(store)
        seat = seat_of(store, plenary["id"], session_id, who.id) if who.kind == "member" else None
    return Result(outcome, who, session_id, ids, first_at, first_late, seat, edit)


def check_in_badge(store: Store, session_id: str, typed: str, **kw: Any) -> Result:
    """Check in the member whose badge code was scanned or typed; UnknownBadge if none has it."""
    member = find_by_badge(store, typed)
    if member is None:
        raise UnknownBadge(normalize_badge(typed))
    return check_in(store, session_id, member_id=member["id"], **kw)


def check_out(store: Store, session_id: str, *, member_id: str | None = None, person_id: str | None = None,
              at: datetime | None = None) -> Result:
    """Someone leaves early: the check-out time is recorded on this session's row."""
    at = _aware(at)
    with store.transaction():
        _session(store, session_id)
        who = _attendee(store, member_id, person_id)
        aid = attendance_id(session_id, who.member_id, who.person_id)
        edit = Edit().watch(store, "attendance", [aid])
        row = store.get("attendance", aid)
        if row is None or row["status"] != "present":
            raise AttendanceError(f"{who.name} is not checked in for this session", code="not_checked_in",
                                  name=who.name)
        store.update("attendance", aid, {"checked_out_at": at.isoformat()})
        edit.close(store)
    return Result("checked_out", who, session_id, [aid], at.isoformat(), bool(row["late"]), None, edit)


def set_times(store: Store, session_id: str, *, member_id: str | None = None, person_id: str | None = None,
              checked_in_at: datetime | None = None, checked_out_at: datetime | None = None,
              late: bool | None = None, clear_checkout: bool = False) -> Result:
    """Correct the recorded times of a present person (e.g. a late arrival noted on paper).

    `clear_checkout` removes a departure recorded by mistake."""
    with store.transaction():
        session, plenary, _ = _session(store, session_id)
        who = _attendee(store, member_id, person_id)
        aid = attendance_id(session_id, who.member_id, who.person_id)
        row = store.get("attendance", aid)
        if row is None or row["status"] != "present":
            raise AttendanceError(f"{who.name} is not checked in for this session", code="not_checked_in",
                                  name=who.name)
        edit = Edit().watch(store, "attendance", [aid])
        changes: dict[str, Any] = {}
        if checked_in_at is not None:
            changes["checked_in_at"] = _aware(checked_in_at).isoformat()
            changes["late"] = int(_is_late(store, plenary, session, _aware(checked_in_at)))
        if checked_out_at is not None:
            changes["checked_out_at"] = _aware(checked_out_at).isoformat()
        elif clear_checkout:
            changes["checked_out_at"] = None
        if late is not None:
            changes["late"] = int(late)
        store.update("attendance", aid, changes)
        edit.close(store)
        row = store.get("attendance", aid)
    return Result("corrected", who, session_id, [aid], row["checked_in_at"], bool(row["late"]), None, edit)


def mark_absence(store: Store, member_id: str, session_ids: list[str], reason: str) -> Result:
    """A justified absence (before or after the day), for one or more sessions."""
    reason = str(reason or "").strip()
    if not reason:
        raise AttendanceError("a justified absence needs a reason", code="absence_reason_required")
    if not session_ids:
        raise AttendanceError("choose at least one session", code="choose_a_session")
    with store.transaction():
        who = _attendee(store, member_id, None)
        ids = [attendance_id(s, member_id) for s in session_ids]
        edit = Edit().watch(store, "attendance", ids)
        for sid, aid in zip(session_ids, ids):
            session, plenary, _ = _session(store, sid)
            row = store.get("attendance", aid)
            if row is not None and row["status"] == "present":
                raise AttendanceError(f"{who.name} is checked in for {session['name']}; undo the check-in first",
                                      code="absent_but_checked_in", name=who.name, session=session["name"])
            store.put("attendance", aid, {
                "plenary_id": plenary["id"], "session_id": sid, "member_id": member_id, "person_id": None,
                "status": "absent_justified", "checked_in_at": None, "checked_out_at": None, "late": 0,
                "reason": reason})
        edit.close(store)
    return Result("absence", who, session_ids[0], ids, None, False, None, edit)


def clear_absence(store: Store, member_id: str, session_ids: list[str]) -> Result:
    """Withdraw a justified absence (the member is back to "not arrived")."""
    with store.transaction():
        who = _attendee(store, member_id, None)
        ids = [attendance_id(s, member_id) for s in session_ids]
        edit = Edit().watch(store, "attendance", ids)
        for aid in ids:
            row = store.get("attendance", aid)
            if row is not None and row["status"] == "absent_justified":
                store.delete("attendance", aid)
        edit.close(store)
    return Result("cleared", who, session_ids[0] if session_ids else "", ids, None, False, None, edit)


def register_walk_in(store: Store, session_id: str, name: str, role: str, organisation: str | None = None, *,
                     at: datetime | None = None, all_remaining: bool = False, notes: str | None = None) -> Result:
    """Someone not on the list (guest, substitute, observer, expert...): added to the plenary and checked in."""
    if role not in PERSON_ROLES:
        raise AttendanceError(f"role: expected one of {', '.join(PERSON_ROLES)}, got {role!r}", code="bad_role",
                              value=role)
    with store.transaction():
        session, plenary, _ = _session(store, session_id)
        try:
            pid = add_person(store, plenary["id"], name, role, (organisation or "").strip() or None, notes=notes)
        except PlenaryError as exc:
            raise AttendanceError.wrap(exc) from exc
        result = check_in(store, session_id, person_id=pid, at=at, all_remaining=all_remaining)
        result.edit.created("plenary_people", [pid]).close(store)
    return result


# -- reads ------------------------------------------------------------------------------
def session_rows(store: Store, session_id: str) -> dict[str, dict[str, Any]]:
    """member or person id -> attendance row of one session."""
    return {(r["member_id"] or r["person_id"]): r for r in store.select("attendance", "session_id = ?", (session_id,))}


def plenary_rows(store: Store, plenary_id: str) -> list[dict[str, Any]]:
    return store.select("attendance", "plenary_id = ?", (plenary_id,))


def held(store: Store, plenary_id: str) -> bool:
    """A plenary counts as held once someone was checked in (or it is marked held)."""
    row = store.get("plenaries", plenary_id)
    return bool(row and (row["status"] == "held" or store.scalar(
        "SELECT 1 FROM attendance WHERE plenary_id = ? AND status = 'present' AND deleted = 0 LIMIT 1",
        (plenary_id,))))


def plenary_day(plenary: dict[str, Any]) -> date:
    return date.fromisoformat(plenary["date"])
