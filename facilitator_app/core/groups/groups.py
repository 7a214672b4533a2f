"""Breakout groups (tavoli): the groups of a plenary, who sits where, and the day's edits.

Scope rule
----------
Groups belong to a plenary and, optionally, to one of its sessions:
``session_id`` NULL means whole-day groups (the same tables morning and
afternoon), a session id means groups of that session only. A *scope* is the
pair ``(plenary_id, session_id or None)``; every action works in one scope.

A seat is one ``group_members`` row per (plenary, session, member), id
``derived_id("seat", plenary_id, session_id, member_id)`` (``None`` for
whole-day seats, as ``str(None)``), so a move made on two laptops resolves to
one group. A seat with ``pinned = 1`` is a facilitator's decision: the engine
never moves it. Theme commitments live in the synced setting
``"theme_commitments"`` ({member_id: theme_id}): the member is only seated in
groups of that theme (when the scope has such groups).

Who is grouped: *present* = members with attendance status 'present' in the
session (whole-day scope: in any session of the plenary); *expected* = members
in office on the plenary's day. *History* = the seats of earlier plenaries
(and of earlier sessions of the same plenary), one round per scope.

Every write action runs in one transaction and returns the ``Edit`` it recorded
(rows before and after, into ``record`` when given; see ``snapshots.py``) so the
GUI can undo and redo it with ``undo``/``redo``.

This module: groups (create/update/delete/copy), seats (move, pin, unseat), theme
commitments, the reads (groups_of, seats_of, arrangement, people_for, history) and
the demo step (70). The engine-backed actions (automatic assignment, late arrival,
no-shows, scores, board and "where to go" reads) are in ``group_assign.py``; the
algorithm itself is ``grouping.py``.
"""

from __future__ import annotations

import json
import random
from datetime import date
from typing import Any

from facilitator_app.core.errors import CoreError, not_found
from facilitator_app.core.groups import engine as grouping
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.plenaries.plenaries import expected_members, people_of, rooms_of
from facilitator_app.core.snapshots import Edit, recording, redo, undo  # noqa: F401 - undo/redo re-exported
from facilitator_app.core.store.ids import derived_id
from facilitator_app.core.store.store import Store

FIELDS = ("gender", "age_band", "municipio", "citizenship", "education")
COMMITMENTS_KEY = "theme_commitments"
GROUP_FIELDS = ("name", "theme_id", "room", "facilitator", "capacity", "sort_order")


class GroupsError(CoreError, ValueError):
    """The action cannot be done; the message says why."""


# -- reads -------------------------------------------------------------------------------
def seat_id(plenary_id: str, session_id: str | None, member_id: str) -> str:
    return derived_id("seat", plenary_id, session_id, member_id)


def _plenary(store: Store, plenary_id: str) -> dict[str, Any]:
    row = store.get("plenaries", plenary_id)
    if row is None:
        raise not_found(GroupsError, "plenary", plenary_id)
    return row


def _check_session(store: Store, plenary_id: str, session_id: str | None) -> None:
    if session_id is not None:
        row = store.get("sessions", session_id)
        if row is None or row["plenary_id"] != plenary_id:
            raise GroupsError(f"session {session_id} is not part of this plenary", code="session_not_in_plenary",
                              session=session_id)


def groups_of(store: Store, plenary_id: str, session_id: str | None = None) -> list[dict[str, Any]]:
    """The scope's groups in board order, each with its theme's name as ``theme``."""
    return store.query(
        "SELECT g.*, t.name AS theme FROM groups g LEFT JOIN themes t ON t.id = g.theme_id "
        "WHERE g.deleted = 0 AND g.plenary_id = ? AND g.session_id IS ? ORDER BY g.sort_order, g.name",
        (plenary_id, session_id))


def seats_of(store: Store, plenary_id: str, session_id: str | None = None) -> dict[str, dict[str, Any]]:
    """member id -> seat row of the scope (only seats in a live group of the scope)."""
    rows = store.query(
        "SELECT gm.* FROM group_members gm JOIN groups g ON g.id = gm.group_id AND g.deleted = 0 "
        "WHERE gm.deleted = 0 AND gm.plenary_id = ? AND gm.session_id IS ? AND g.session_id IS ?",
        (plenary_id, session_id, session_id))
    return {r["member_id"]: r for r in rows}


def arrangement(store: Store, plenary_id: str, session_id: str | None = None,
                groups: list[dict[str, Any]] | None = None) -> list[list[str]]:
    """Member ids per group, aligned with ``groups_of`` (each group by surname)."""
    groups = groups if groups is not None else groups_of(store, plenary_id, session_id)
    index = {g["id"]: i for i, g in enumerate(groups)}
    out: list[list[str]] = [[] for _ in groups]
    rows = store.query(
        "SELECT gm.member_id, gm.group_id FROM group_members gm JOIN members m ON m.id = gm.member_id "
        "WHERE gm.deleted = 0 AND gm.plenary_id = ? AND gm.session_id IS ? "
        "ORDER BY m.surname COLLATE fold, m.first_name COLLATE fold", (plenary_id, session_id))
    for r in rows:
        if r["group_id"] in index:
            out[index[r["group_id"]]].append(r["member_id"])
    return out


def present_ids(store: Store, plenary_id: str, session_id: str | None = None) -> set[str]:
    """Members checked in (status 'present') for the session, or for any session when None."""
    sql = ("SELECT DISTINCT member_id FROM attendance WHERE deleted = 0 AND status = 'present' "
           "AND member_id IS NOT NULL AND plenary_id = ?")
    params: list[Any] = [plenary_id]
    if session_id is not None:
        sql += " AND session_id = ?"
        params.append(session_id)
    return {r[0] for r in store.conn.execute(sql, params)}


def has_attendance(store: Store, plenary_id: str) -> bool:
    return bool(store.scalar("SELECT 1 FROM attendance WHERE plenary_id = ? AND deleted = 0 "
                             "AND member_id IS NOT NULL LIMIT 1", (plenary_id,)))


def attrs_of(member: dict[str, Any], vocab: Vocabularies, on: str) -> dict[str, Any]:
    """The fields groups are balanced on (age band on the plenary's day)."""
    return {"gender": member.get("gender"), "municipio": member.get("municipio"),
            "citizenship": member.get("citizenship"), "education": member.get("education"),
            "age_band": vocab.age_band(member.get("birth_date"), date.fromisoformat(on))}


def people_for(store: Store, plenary_id: str, session_id: str | None = None, *,
               expected: bool = False) -> list[dict[str, Any]]:
    """Members to group, by surname: present ones, or those expected when ``expected``."""
    plenary = _plenary(store, plenary_id)
    if expected:
        return expected_members(store, plenary)
    ids = present_ids(store, plenary_id, session_id)
    if not ids:
        return []
    rows = store.select("members", f"id IN ({','.join('?' * len(ids))})", sorted(ids),
                        order_by="surname COLLATE fold, first_name COLLATE fold")
    return rows


def history(store: Store, plenary_id: str, session_id: str | None = None) -> list[list[list[str]]]:
    """Earlier rounds of the cycle: seats of earlier plenaries and earlier sessions of this one."""
    plenary = _plenary(store, plenary_id)
    order = store.scalar("SELECT sort_order FROM sessions WHERE id = ?", (session_id,)) if session_id else None
    rows = store.query(
        "SELECT gm.plenary_id, gm.session_id, gm.group_id, gm.member_id FROM group_members gm "
        "JOIN groups g ON g.id = gm.group_id AND g.deleted = 0 "
        "JOIN plenaries p ON p.id = gm.plenary_id AND p.deleted = 0 "
        "LEFT JOIN sessions s ON s.id = gm.session_id "
        "WHERE gm.deleted = 0 AND ((p.date < ? OR (p.date = ? AND p.number < ?)) "
        "   OR (gm.plenary_id = ? AND ? IS NOT NULL AND s.sort_order < ?)) "
        "ORDER BY p.date, p.number, s.sort_order, gm.group_id, gm.member_id",
        (plenary["date"], plenary["date"], plenary["number"], plenary_id, order, order))
    rounds: dict[tuple[str, str | None], dict[str, list[str]]] = {}
    for r in rows:
        rounds.setdefault((r["plenary_id"], r["session_id"]), {}).setdefault(r["group_id"], []).append(r["member_id"])
    return [list(groups.values()) for groups in rounds.values()]


def previous_plenary(store: Store, plenary_id: str) -> dict[str, Any] | None:
    p = _plenary(store, plenary_id)
    rows = store.select("plenaries", "date < ? OR (date = ? AND number < ?)",
                        (p["date"], p["date"], p["number"]), order_by="date DESC, number DESC")
    return rows[0] if rows else None


# -- theme commitments ---------------------------------------------------------------------
def theme_commitments(store: Store) -> dict[str, str]:
    value = store.setting(COMMITMENTS_KEY, {})
    return {str(k): str(v) for k, v in value.items() if v} if isinstance(value, dict) else {}


def set_theme_commitment(store: Store, member_id: str, theme_id: str | None) -> dict[str, str]:
    """Commit a member to a theme (or clear it with None); returns the new mapping."""
    with store.transaction():
        if store.get("members", member_id) is None:
            raise not_found(GroupsError, "member", member_id)
        if theme_id is not None and store.get("themes", theme_id) is None:
            raise not_found(GroupsError, "theme", theme_id)
        value = theme_commitments(store)
        if theme_id is None:
            value.pop(member_id, None)
        else:
            value[member_id] = theme_id
        store.set_setting(COMMITMENTS_KEY, value)
        return value


# -- groups ------------------------------------------------------------------------------------
def _clean_group(values: dict[str, Any]) -> dict[str, Any]:
    values = {k: v for k, v in values.items() if k in GROUP_FIELDS}
    if "name" in values:
        values["name"] = str(values["name"] or "").strip()
        if not values["name"]:
            raise GroupsError("group: a name is required", code="group_name_required")
    for key in ("room", "facilitator"):
        if key in values:
            values[key] = str(values[key] or "").strip() or None
    if values.get("capacity") is not None:
        cap = values["capacity"]
        if isinstance(cap, bool) or not isinstance(cap, int) or cap < 1:
            raise GroupsError(f"group: capacity must be a whole number of at least 1, got {cap!r}",
                              code="bad_capacity", value=cap)
    return values


def create_group(store: Store, plenary_id: str, name: str, *, session_id: str | None = None,
                 theme_id: str | None = None, room: str | None = None, facilitator: str | None = None,
                 capacity: int | None = None, record: Edit | None = None) -> Edit:
    """A new group at the end of the scope's board; ``edit.ids("groups")[0]`` is its id."""
    values = _clean_group({"name": name, "theme_id": theme_id, "room": room, "facilitator": facilitator,
                           "capacity": capacity})
    with store.transaction():
        _plenary(store, plenary_id)
        _check_session(store, plenary_id, session_id)
        if theme_id is not None and store.get("themes", theme_id) is None:
            raise not_found(GroupsError, "theme", theme_id)
        order = store.scalar("SELECT coalesce(max(sort_order) + 1, 0) FROM groups WHERE deleted = 0 "
                             "AND plenary_id = ? AND session_id IS ?", (plenary_id, session_id))
        gid = store.insert("groups", {"plenary_id": plenary_id, "session_id": session_id,
                                      "sort_order": order, **values})
        return recording(record).created("groups", [gid]).close(store)


def update_group(store: Store, group_id: str, changes: dict[str, Any], *, record: Edit | None = None) -> Edit:
    changes = _clean_group(changes)
    with store.transaction():
        if store.get("groups", group_id) is None:
            raise not_found(GroupsError, "group", group_id)
        edit = recording(record).watch(store, "groups", [group_id])
        store.update("groups", group_id, changes)
        return edit.close(store)


def delete_group(store: Store, group_id: str, *, record: Edit | None = None) -> Edit:
    """Remove a group; its members become unseated (their seats are tombstoned)."""
    with store.transaction():
        if store.get("groups", group_id) is None:
            raise not_found(GroupsError, "group", group_id)
        seats = [r["id"] for r in store.select("group_members", "group_id = ?", (group_id,))]
        edit = recording(record).watch(store, "groups", [group_id]).watch(store, "group_members", seats)
        for sid in seats:
            store.delete("group_members", sid)
        store.delete("groups", group_id)
        return edit.close(store)


def copy_groups(store: Store, from_plenary_id: str, to_plenary_id: str, *,
                session_id: str | None = None, from_session_id: str | None = None,
                record: Edit | None = None) -> Edit:
    """Start from another plenary's groups (name, theme, facilitator, capacity, room).

    A room that was the i-th room of the old plenary becomes the i-th room of the new one.
    """
    with store.transaction():
        old_p, new_p = _plenary(store, from_plenary_id), _plenary(store, to_plenary_id)
        _check_session(store, to_plenary_id, session_id)
        old_rooms, new_rooms = rooms_of(old_p), rooms_of(new_p)
        start = store.scalar("SELECT coalesce(max(sort_order) + 1, 0) FROM groups WHERE deleted = 0 "
                             "AND plenary_id = ? AND session_id IS ?", (to_plenary_id, session_id))
        rows = []
        for i, g in enumerate(groups_of(store, from_plenary_id, from_session_id)):
            room = g["room"]
            if room in old_rooms and old_rooms.index(room) < len(new_rooms):
                room = new_rooms[old_rooms.index(room)]
            rows.append({"plenary_id": to_plenary_id, "session_id": session_id, "name": g["name"],
                         "theme_id": g["theme_id"], "room": room, "facilitator": g["facilitator"],
                         "capacity": g["capacity"], "sort_order": start + i})
        if not rows:
            raise GroupsError("the other plenary has no groups to copy", code="no_groups_to_copy")
        return recording(record).created("groups", store.insert_many("groups", rows)).close(store)


# -- seats: moves, pins, no-shows -----------------------------------------------------------------
def _seat_values(plenary_id: str, session_id: str | None, member_id: str, group_id: str,
                 pinned: int) -> dict[str, Any]:
    return {"plenary_id": plenary_id, "session_id": session_id, "member_id": member_id,
            "group_id": group_id, "pinned": pinned}


def _write_seat(store: Store, edit: Edit, plenary_id: str, session_id: str | None, member_id: str,
                group_id: str | None, pinned: bool | None = None) -> None:
    sid = seat_id(plenary_id, session_id, member_id)
    edit.watch(store, "group_members", [sid])
    current = store.get("group_members", sid)
    if group_id is None:
        if current is not None:
            store.delete("group_members", sid)
        return
    keep = current["pinned"] if current is not None and pinned is None else int(bool(pinned))
    store.put("group_members", sid, _seat_values(plenary_id, session_id, member_id, group_id, keep))


def _group_in_scope(store: Store, group_id: str) -> dict[str, Any]:
    g = store.get("groups", group_id)
    if g is None:
        raise not_found(GroupsError, "group", group_id)
    return g


def move_member(store: Store, member_id: str, group_id: str, *, pinned: bool | None = None,
                record: Edit | None = None) -> Edit:
    """Seat a member in a group of that group's scope (a drag on the board, a late arrival)."""
    with store.transaction():
        g = _group_in_scope(store, group_id)
        if store.get("members", member_id) is None:
            raise not_found(GroupsError, "member", member_id)
        edit = recording(record)
        _write_seat(store, edit, g["plenary_id"], g["session_id"], member_id, group_id, pinned)
        return edit.close(store)


def move_members(store: Store, plenary_id: str, session_id: str | None, member_ids: list[str],
                 group_id: str | None, *, record: Edit | None = None) -> Edit:
    """Seat several members in one group of the scope (None: unseat them), one transaction."""
    with store.transaction():
        if group_id is not None:
            g = _group_in_scope(store, group_id)
            if (g["plenary_id"], g["session_id"]) != (plenary_id, session_id):
                raise GroupsError("the group belongs to another plenary or session", code="group_of_another_scope")
        edit = recording(record)
        for mid in member_ids:
            if store.get("members", mid) is None:
                raise not_found(GroupsError, "member", mid)
            _write_seat(store, edit, plenary_id, session_id, mid, group_id)
        return edit.close(store)


def set_pinned(store: Store, plenary_id: str, session_id: str | None, member_id: str, pinned: bool, *,
               record: Edit | None = None) -> Edit:
    with store.transaction():
        row = seats_of(store, plenary_id, session_id).get(member_id)
        if row is None:
            raise GroupsError("the member is not seated in this plenary's groups", code="not_seated")
        edit = recording(record).watch(store, "group_members", [row["id"]])
        store.update("group_members", row["id"], {"pinned": int(bool(pinned))})
        return edit.close(store)


def unseat(store: Store, plenary_id: str, session_id: str | None, member_ids: list[str], *,
           record: Edit | None = None) -> Edit:
    with store.transaction():
        edit = recording(record)
        for mid in member_ids:
            _write_seat(store, edit, plenary_id, session_id, mid, None)
        return edit.close(store)
