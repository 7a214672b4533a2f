"""Plenaries (plenarie): the full-day meetings, their sessions, agenda and people.

Each write action runs in one transaction and returns the id it created or
changed, like the member actions. Times of sessions and agenda items are
local wall-clock "HH:MM" strings; the date lives once on the plenary, so
moving a plenary to another day does not require touching its sessions.
`rooms` is stored as a JSON list of room names.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from typing import Any, NamedTuple

from facilitator_app.core import snapshots
from facilitator_app.core.errors import CoreError, not_found
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Store


class SessionSpec(NamedTuple):
    name: str
    starts_at: str  # "HH:MM", local time
    ends_at: str


DEFAULT_SESSIONS: tuple[SessionSpec, ...] = (
    SessionSpec("Mattina", "09:30", "13:00"),
    SessionSpec("Pomeriggio", "14:00", "17:30"),
)

PERSON_ROLES = ("facilitator", "staff", "expert", "guest", "substitute", "observer")
PLENARY_FIELDS = ("number", "title", "date", "venue", "rooms", "status", "notes", "address", "directions", "bring")
PLENARY_STATUSES = ("planned", "held", "cancelled")
SESSION_FIELDS = ("name", "starts_at", "ends_at", "sort_order")
AGENDA_FIELDS = ("title", "starts_at", "ends_at", "presenter", "session_id", "sort_order")
PERSON_FIELDS = ("name", "role", "organisation", "member_id", "notes")

_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class PlenaryError(CoreError, ValueError):
    """Invalid plenary data; the message says what to fix."""


# -- validation helpers ---------------------------------------------------------
def _check_time(value: str | None, what: str) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _HHMM.match(value):
        raise PlenaryError(f"{what}: expected a time as HH:MM, got {value!r}", code="bad_time", what=what, value=value)
    return value


def _check_span(starts_at: str | None, ends_at: str | None, what: str) -> None:
    # "HH:MM" strings compare in time order.
    if starts_at and ends_at and ends_at <= starts_at:
        raise PlenaryError(f"{what}: ends at {ends_at}, not after it starts ({starts_at})", code="ends_before_start",
                           what=what, starts_at=starts_at, ends_at=ends_at)


def _check_date(value: Any) -> str:
    try:
        return value.isoformat() if isinstance(value, date) else date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise PlenaryError(f"date: expected YYYY-MM-DD, got {value!r}", code="bad_date", value=value) from None


def _check_number(store: Store, number: Any, plenary_id: str | None = None) -> int:
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise PlenaryError(f"number: expected a positive whole number, got {number!r}", code="bad_plenary_number",
                           value=number)
    # Numbers must be unique: the CLI and the minutes refer to plenaries by number.
    other = store.scalar("SELECT id FROM plenaries WHERE number = ? AND deleted = 0 AND id IS NOT ?",
                         (number, plenary_id))
    if other:
        raise PlenaryError(f"number: plenary {number} already exists", code="duplicate_plenary_number", number=number)
    return number


def _encode_rooms(rooms: list[str] | tuple[str, ...] | None) -> str | None:
    if rooms is None:
        return None
    return json.dumps([str(r).strip() for r in rooms if str(r).strip()], ensure_ascii=False)


def rooms_of(plenary: dict[str, Any]) -> list[str]:
    """The plenary's room names (tolerates a plain comma/line separated text from elsewhere)."""
    raw = plenary.get("rooms")
    if not raw:
        return []
    try:
        value = json.loads(raw)
        if isinstance(value, list):
            return [str(v) for v in value]
    except ValueError:
        pass
    return [p.strip() for p in re.split(r"[,\n]", raw) if p.strip()]


def _require_plenary(store: Store, plenary_id: str) -> dict[str, Any]:
    row = store.get("plenaries", plenary_id)
    if row is None:
        raise not_found(PlenaryError, "plenary", plenary_id)
    return row


# -- write actions ------------------------------------------------------------
def create_plenary(store: Store, number: int, date: str | date, venue: str | None, *,
                   title: str | None = None, rooms: list[str] | None = None,
                   sessions: tuple[SessionSpec, ...] | list[tuple[str, str, str]] = DEFAULT_SESSIONS,
                   notes: str | None = None) -> str:
    """A plenary with its sessions (default: morning and afternoon). Returns its id."""
    day = _check_date(date)
    specs = [SessionSpec(*s) for s in sessions]
    for s in specs:
        if not str(s.name).strip():
            raise PlenaryError("session: a name is required", code="session_name_required")
        _check_span(_check_time(s.starts_at, s.name), _check_time(s.ends_at, s.name), s.name)
    with store.transaction():
        _check_number(store, number)
        plenary_id = store.insert("plenaries", {
            "number": number, "date": day, "venue": venue, "title": title,
            "rooms": _encode_rooms(rooms), "notes": notes,
        })
        store.insert_many("sessions", [
            {"plenary_id": plenary_id, "name": s.name, "starts_at": s.starts_at, "ends_at": s.ends_at,
             "sort_order": i}
            for i, s in enumerate(specs)
        ])
        return plenary_id


def update_plenary(store: Store, plenary_id: str, changes: dict[str, Any]) -> bool:
    """Change some fields (number, title, date, venue, rooms, status, notes; address, directions and
    bring: what a convocation tells about the venue)."""
    changes = {k: v for k, v in changes.items() if k in PLENARY_FIELDS}
    if "status" in changes and changes["status"] not in PLENARY_STATUSES:
        raise PlenaryError(f"status: expected one of {', '.join(PLENARY_STATUSES)}, got {changes['status']!r}",
                           code="bad_plenary_status", value=changes["status"])
    if "date" in changes:
        changes["date"] = _check_date(changes["date"])
    if "rooms" in changes and not isinstance(changes["rooms"], (str, type(None))):
        changes["rooms"] = _encode_rooms(changes["rooms"])
    with store.transaction():
        _require_plenary(store, plenary_id)
        if "number" in changes:
            _check_number(store, changes["number"], plenary_id)
        return store.update("plenaries", plenary_id, changes)


def add_session(store: Store, plenary_id: str, name: str, starts_at: str | None = None,
                ends_at: str | None = None) -> str:
    """One more session (e.g. an evening one), after the existing ones."""
    name = str(name or "").strip()
    if not name:
        raise PlenaryError("session: a name is required", code="session_name_required")
    _check_span(_check_time(starts_at, name), _check_time(ends_at, name), name)
    with store.transaction():
        _require_plenary(store, plenary_id)
        order = store.scalar("SELECT coalesce(max(sort_order) + 1, 0) FROM sessions "
                             "WHERE plenary_id = ? AND deleted = 0", (plenary_id,))
        return store.insert("sessions", {"plenary_id": plenary_id, "name": name, "starts_at": starts_at,
                                         "ends_at": ends_at, "sort_order": order})


def add_agenda_item(store: Store, plenary_id: str, title: str, *, starts_at: str | None = None,
                    ends_at: str | None = None, presenter: str | None = None,
                    session_id: str | None = None) -> str:
    """An agenda item; without a session it joins the session whose hours contain its start."""
    if not str(title or "").strip():
        raise PlenaryError("agenda item: a title is required", code="agenda_title_required")
    _check_span(_check_time(starts_at, title), _check_time(ends_at, title), title)
    with store.transaction():
        _require_plenary(store, plenary_id)
        sessions = sessions_of(store, plenary_id)
        if session_id is not None and session_id not in {s["id"] for s in sessions}:
            raise PlenaryError(f"session {session_id} is not part of this plenary", code="session_not_in_plenary",
                               session=session_id)
        if session_id is None and starts_at:
            session_id = next((s["id"] for s in sessions if s["starts_at"] and s["ends_at"]
                               and s["starts_at"] <= starts_at < s["ends_at"]), None)
        order = store.scalar("SELECT coalesce(max(sort_order) + 1, 0) FROM agenda_items "
                             "WHERE plenary_id = ? AND deleted = 0", (plenary_id,))
        return store.insert("agenda_items", {
            "plenary_id": plenary_id, "session_id": session_id, "title": title.strip(),
            "starts_at": starts_at, "ends_at": ends_at, "presenter": presenter, "sort_order": order,
        })


def add_person(store: Store, plenary_id: str, name: str, role: str, organisation: str | None = None, *,
               member_id: str | None = None, notes: str | None = None) -> str:
    """Staff, a facilitator, an expert, a guest, a substitute or an observer of one plenary."""
    if role not in PERSON_ROLES:
        raise PlenaryError(f"role: expected one of {', '.join(PERSON_ROLES)}, got {role!r}", code="bad_role",
                           value=role)
    if not str(name or "").strip():
        raise PlenaryError("person: a name is required", code="person_name_required")
    with store.transaction():
        _require_plenary(store, plenary_id)
        return store.insert("plenary_people", {
            "plenary_id": plenary_id, "name": name.strip(), "role": role,
            "organisation": organisation, "member_id": member_id, "notes": notes,
        })


def _require(store: Store, table: str, row_id: str, what: str) -> dict[str, Any]:
    row = store.get(table, row_id)
    if row is None:
        raise not_found(PlenaryError, what, row_id)
    return row


def update_session(store: Store, session_id: str, changes: dict[str, Any]) -> bool:
    """Rename a session or change its times."""
    changes = {k: v for k, v in changes.items() if k in SESSION_FIELDS}
    if "name" in changes:
        changes["name"] = str(changes["name"] or "").strip()
        if not changes["name"]:
            raise PlenaryError("session: a name is required", code="session_name_required")
    with store.transaction():
        row = _require(store, "sessions", session_id, "session")
        merged = {**row, **changes}
        for f in ("starts_at", "ends_at"):
            if f in changes:
                changes[f] = _check_time(changes[f] or None, merged["name"])
        _check_span(changes.get("starts_at", row["starts_at"]), changes.get("ends_at", row["ends_at"]), merged["name"])
        return store.update("sessions", session_id, changes)


def remove_session(store: Store, session_id: str) -> bool:
    """Delete a session that nobody has checked into yet; its agenda items stay, without a session."""
    with store.transaction():
        _require(store, "sessions", session_id, "session")
        if store.scalar("SELECT count(*) FROM attendance WHERE session_id = ? AND deleted = 0", (session_id,)):
            raise PlenaryError("session: it already has attendance records; it cannot be deleted",
                               code="session_has_attendance")
        for item in store.select("agenda_items", "session_id = ?", (session_id,)):
            store.update("agenda_items", item["id"], {"session_id": None})
        return store.delete("sessions", session_id)


def update_agenda_item(store: Store, item_id: str, changes: dict[str, Any]) -> bool:
    changes = {k: v for k, v in changes.items() if k in AGENDA_FIELDS}
    if "title" in changes:
        changes["title"] = str(changes["title"] or "").strip()
        if not changes["title"]:
            raise PlenaryError("agenda item: a title is required", code="agenda_title_required")
    with store.transaction():
        row = _require(store, "agenda_items", item_id, "agenda item")
        for f in ("starts_at", "ends_at"):
            if f in changes:
                changes[f] = _check_time(changes[f] or None, row["title"])
        _check_span(changes.get("starts_at", row["starts_at"]), changes.get("ends_at", row["ends_at"]),
                    changes.get("title", row["title"]))
        if changes.get("session_id") and changes["session_id"] not in {
                s["id"] for s in sessions_of(store, row["plenary_id"])}:
            raise PlenaryError(f"session {changes['session_id']} is not part of this plenary",
                               code="session_not_in_plenary", session=changes["session_id"])
        return store.update("agenda_items", item_id, changes)


def remove_agenda_item(store: Store, item_id: str) -> bool:
    with store.transaction():
        _require(store, "agenda_items", item_id, "agenda item")
        return store.delete("agenda_items", item_id)


def update_person(store: Store, person_id: str, changes: dict[str, Any]) -> bool:
    changes = {k: v for k, v in changes.items() if k in PERSON_FIELDS}
    if "role" in changes and changes["role"] not in PERSON_ROLES:
        raise PlenaryError(f"role: expected one of {', '.join(PERSON_ROLES)}, got {changes['role']!r}", code="bad_role",
                           value=changes["role"])
    if "name" in changes:
        changes["name"] = str(changes["name"] or "").strip()
        if not changes["name"]:
            raise PlenaryError("person: a name is required", code="person_name_required")
    with store.transaction():
        _require(store, "plenary_people", person_id, "person")
        return store.update("plenary_people", person_id, changes)


def remove_person(store: Store, person_id: str) -> bool:
    with store.transaction():
        _require(store, "plenary_people", person_id, "person")
        return store.delete("plenary_people", person_id)


def delete_plenary(store: Store, plenary_id: str) -> list[tuple[str, str]]:
    """Tombstone a plenary with its sessions, agenda and people; returns the (table, id) pairs touched.

    Refused once anyone has checked in: attendance is the Comune's proof and is never dropped silently.
    """
    with store.transaction():
        _require_plenary(store, plenary_id)
        if store.scalar("SELECT count(*) FROM attendance WHERE plenary_id = ? AND deleted = 0", (plenary_id,)):
            raise PlenaryError("plenary: it already has attendance records; it cannot be deleted",
                               code="plenary_has_attendance")
        touched = [("plenaries", plenary_id)]
        for table in ("sessions", "agenda_items", "plenary_people"):
            touched += [(table, r["id"]) for r in store.select(table, "plenary_id = ?", (plenary_id,))]
        for table, row_id in reversed(touched):
            store.delete(table, row_id)
        return touched


# -- reads ------------------------------------------------------------------------
def list_plenaries(store: Store) -> list[dict[str, Any]]:
    return store.select("plenaries", order_by="number, date")


class AmbiguousPlenaryError(PlenaryError):
    """Two laptops each created a plenary with this number (merged packages): which one is not ours to guess."""

    code = "plenary_number_ambiguous"

    def __init__(self, number: int, candidates: list[dict[str, Any]]):
        listed = "; ".join(f"{p['id']} ({p['date']}{', ' + p['title'] if p.get('title') else ''})"
                           for p in candidates)
        super().__init__(f"there are {len(candidates)} plenaries numbered {number} (two laptops each created one): "
                         f"{listed}. Name it by its id, and give one of them another number", number=number,
                         candidates=listed, count=len(candidates))
        self.number, self.candidates = number, candidates


def get_plenary(store: Store, id_or_number: str | int) -> dict[str, Any] | None:
    """By id, or by number ("3" or 3) as people and the CLI say it; None if unknown.

    AmbiguousPlenaryError when the number belongs to several plenaries (after a merge).
    """
    key = str(id_or_number).strip()
    row = store.get("plenaries", key)
    if row is None and key.isdecimal():
        rows = store.select("plenaries", "number = ?", (int(key),), order_by="date, created_at")
        if len(rows) > 1:
            raise AmbiguousPlenaryError(int(key), rows)
        row = rows[0] if rows else None
    return row


def duplicate_numbers(store: Store) -> list[tuple[int, list[dict[str, Any]]]]:
    """(number, plenaries) for each number held by more than one plenary: a conflict to resolve by
    giving one of them another number (`update_plenary`)."""
    rows = store.query("SELECT * FROM plenaries WHERE deleted = 0 AND number IN (SELECT number FROM plenaries "
                       "WHERE deleted = 0 GROUP BY number HAVING count(*) > 1) ORDER BY number, date, created_at")
    out: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r["number"], []).append(r)
    return list(out.items())


def next_free_number(store: Store) -> int:
    return (store.scalar("SELECT max(number) FROM plenaries WHERE deleted = 0") or 0) + 1


def renumber_plenary(store: Store, plenary_id: str, number: int | None = None, *,
                     record: Edit | None = None) -> int:
    """Resolve a duplicate number: give the plenary `number` (default: the next free one); undoable."""
    with store.transaction():
        row = _require_plenary(store, plenary_id)
        number = next_free_number(store) if number is None else number
        _check_number(store, number, plenary_id)
        snapshots.update(store, "plenaries", plenary_id, {"number": number}, record, row)
    return number


def sessions_of(store: Store, plenary_id: str) -> list[dict[str, Any]]:
    return store.select("sessions", "plenary_id = ?", (plenary_id,), order_by="sort_order, starts_at")


def agenda_of(store: Store, plenary_id: str) -> list[dict[str, Any]]:
    # Items without a time sort after timed ones, in the order they were added.
    return store.select("agenda_items", "plenary_id = ?", (plenary_id,),
                        order_by="starts_at IS NULL, starts_at, sort_order")


def people_of(store: Store, plenary_id: str, role: str | None = None) -> list[dict[str, Any]]:
    where, params = "plenary_id = ?", [plenary_id]
    if role is not None:
        where += " AND role = ?"
        params.append(role)
    order = "CASE role " + " ".join(f"WHEN '{r}' THEN {i}" for i, r in enumerate(PERSON_ROLES)) + " END, name"
    return store.select("plenary_people", where, params, order_by=order)


def session_bounds(plenary: dict[str, Any], session: dict[str, Any]) -> tuple[datetime | None, datetime | None]:
    """Local (naive) start and end of a session on the plenary's day, e.g. to tell who came late."""
    day = date.fromisoformat(plenary["date"])

    def at(hhmm: str | None) -> datetime | None:
        return datetime.combine(day, time.fromisoformat(hhmm)) if hhmm else None

    return at(session.get("starts_at")), at(session.get("ends_at"))


def expected_members(store: Store, plenary: dict[str, Any]) -> list[dict[str, Any]]:
    """Members in office on the plenary's day, by surname: the people the entrance waits for.

    In office = the term (when known) covers the day, and the member is active, or has left
    since (a term_end after the day: they were still expected then).
    """
    day = plenary["date"]
    return store.select(
        "members",
        "(term_start IS NULL OR term_start <= ?) AND (term_end IS NULL OR term_end >= ?) "
        "AND (status = 'active' OR term_end IS NOT NULL)",
        (day, day), order_by="surname COLLATE fold, first_name COLLATE fold")


def default_plenary(store: Store, today: date | None = None) -> dict[str, Any] | None:
    """The plenary every page opens on: today's if any, else the next one, else the last one held
    (else the most recent one). The one rule for all pages, so they all show the same day."""
    today_iso = (today or date.today()).isoformat()
    rows = [p for p in list_plenaries(store) if p["status"] != "cancelled"] or list_plenaries(store)
    upcoming = sorted((p for p in rows if p["date"] >= today_iso), key=lambda p: (p["date"], p["number"]))
    if upcoming:
        return upcoming[0]
    held = [p for p in rows if p["status"] == "held"]
    return max(held or rows, key=lambda p: (p["date"], p["number"]), default=None)


def session_at(sessions: list[dict[str, Any]], hhmm: str) -> dict[str, Any] | None:
    """The session running at a local "HH:MM", else the next one to start, else the last one."""
    if not sessions:
        return None
    for s in sessions:
        if s["starts_at"] and s["ends_at"] and s["starts_at"] <= hhmm < s["ends_at"]:
            return s
    later = [s for s in sessions if s["starts_at"] and s["starts_at"] > hhmm]
    return later[0] if later else sessions[-1]


def find_session(store: Store, plenary_id: str, key: str | int | None) -> dict[str, Any] | None:
    """A session of the plenary by id, by number in order (1, 2 ...) or by name (case-insensitive)."""
    sessions = sessions_of(store, plenary_id)
    if key is None:
        return None
    text = str(key).strip()
    for s in sessions:
        if s["id"] == text or s["name"].casefold() == text.casefold():
            return s
    if text.isdecimal() and 1 <= int(text) <= len(sessions):
        return sessions[int(text) - 1]
    return None
