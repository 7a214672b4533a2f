"""Seating people in breakout groups with the engine (``grouping.py``): assign, late arrivals, no-shows.

Each user action comes in two steps, so the screen can show the outcome first:
``plan_*`` reads the file and runs the engine (writes nothing) and ``accept_*`` /
``place_*`` / ``apply_*`` write the plan in one transaction and return an
``Edit`` for undo (see ``groups.py`` for the scope rule, seats and undo).

    plan = plan_assignment(store, plenary_id, 7, seed=42)   # plan.result: groups + scores
    edit = accept_assignment(store, plan)                    # seats written; groups.undo(store, edit)

Fields are the member attributes in ``groups.FIELDS`` (a list, or {field: weight}).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from facilitator_app.core.errors import not_found
from facilitator_app.core.groups import engine as grouping
from facilitator_app.core.groups.groups import (
    FIELDS,
    GroupsError,
    _plenary,
    _write_seat,
    arrangement,
    attrs_of,
    groups_of,
    history,
    people_for,
    seats_of,
    theme_commitments,
)
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.snapshots import Edit, recording
from facilitator_app.core.store.store import Store

DEFAULT_GROUP_NAME = "Gruppo {n}"   # name of a group that an assignment creates


def field_weights(fields: Sequence[str] | Mapping[str, float] | None) -> dict[str, float]:
    """A list of field names or {field: weight} -> {field: weight}; GroupsError for unknown fields."""
    if not fields:
        return {f: 1.0 for f in FIELDS}
    weights = dict(fields) if isinstance(fields, Mapping) else {f: 1.0 for f in fields}
    unknown = [f for f in weights if f not in FIELDS]
    if unknown:
        raise GroupsError(f"unknown field(s) {', '.join(unknown)}: choose among {', '.join(FIELDS)}",
                          code="unknown_group_fields", fields=", ".join(unknown), choices=", ".join(FIELDS))
    bad = [f for f, w in weights.items() if not isinstance(w, int | float) or w < 0]
    if bad:
        raise GroupsError(f"weights must be numbers of at least 0 ({', '.join(bad)})", code="bad_weights",
                          fields=", ".join(bad))
    return {f: float(w) for f, w in weights.items()}


def _persons(store: Store, members: Iterable[dict[str, Any]], on: str) -> list[grouping.Person]:
    vocab = Vocabularies.load(store)
    return [grouping.Person(m["id"], attrs_of(m, vocab, on)) for m in members]


def _allowed(commitments: dict[str, str], groups: list[dict[str, Any]],
             ids: Iterable[str]) -> tuple[dict[str, set[int]], list[str]]:
    """Commitments as allowed group indexes; members whose theme has no group here are listed apart."""
    allowed, unmet = {}, []
    for mid in ids:
        theme = commitments.get(mid)
        if theme is None:
            continue
        idx = {i for i, g in enumerate(groups) if g.get("theme_id") == theme}
        if not idx:
            unmet.append(mid)
        elif len(idx) < len(groups):
            allowed[mid] = idx
    return allowed, unmet


def _capacities(groups: list[dict[str, Any]], n: int) -> list[int] | None:
    caps = [g.get("capacity") or n for g in groups]
    return caps if any(g.get("capacity") for g in groups) else None


# -- automatic assignment ---------------------------------------------------------------------
@dataclass
class AssignmentPlan:
    plenary_id: str
    session_id: str | None
    seed: int
    fields: dict[str, float]
    expected: bool
    groups: list[dict[str, Any]]        # group rows; new ones (to create on accept) have id None
    members: dict[str, dict[str, Any]]  # the people grouped, by id
    result: grouping.GroupingResult     # groups of member ids (aligned with `groups`) and scores
    pins: dict[str, int] = field(default_factory=dict)
    commitments: dict[str, set[int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)   # engine codes + "commitment_theme_missing"
    uncommitted: list[str] = field(default_factory=list)  # members whose theme has no group here


def plan_assignment(store: Store, plenary_id: str, k: int | None = None, *, session_id: str | None = None,
                    fields: Sequence[str] | Mapping[str, float] | None = None, seed: int | None = None,
                    expected: bool = False, effort: float = grouping.DEFAULT_EFFORT,
                    meeting_weight: float | None = None) -> AssignmentPlan:
    """Run the engine on the scope's people and groups (nothing is written).

    k: number of groups (default: the scope's groups); extra groups are created on accept;
    fewer than the scope has is refused. seed None draws a new one (plan.seed shows it).
    """
    plenary = _plenary(store, plenary_id)
    weights = field_weights(fields)
    groups = groups_of(store, plenary_id, session_id)
    k = len(groups) if k is None else k
    if k < 1:
        if groups or k != 0:
            raise GroupsError("the number of groups must be at least 1", code="too_few_groups")
        raise GroupsError("this plenary has no groups yet: create them or give a number of groups",
                          code="no_groups_give_a_number")
    if k < len(groups):
        raise GroupsError(f"this plenary has {len(groups)} groups; remove some first or ask for {len(groups)}",
                          code="fewer_than_existing_groups", groups=len(groups))
    start = max((g["sort_order"] for g in groups), default=-1) + 1
    groups = groups + [{"id": None, "name": DEFAULT_GROUP_NAME.format(n=i + 1), "theme_id": None, "theme": None,
                        "room": None, "facilitator": None, "capacity": None, "sort_order": start + i - len(groups)}
                       for i in range(len(groups), k)]
    members = people_for(store, plenary_id, session_id, expected=expected)
    if not members:
        if expected:
            raise GroupsError("nobody is expected at this plenary", code="nobody_expected")
        raise GroupsError("nobody to group: no member is checked in yet (group the expected members instead)",
                          code="nobody_checked_in")
    if k > len(members):
        raise GroupsError(f"more groups ({k}) than people ({len(members)})", code="more_groups_than_people",
                          groups=k, people=len(members))
    index = {g["id"]: i for i, g in enumerate(groups) if g["id"]}
    ids = {m["id"] for m in members}
    pins = {mid: index[s["group_id"]] for mid, s in seats_of(store, plenary_id, session_id).items()
            if s["pinned"] and mid in ids and s["group_id"] in index}
    allowed, unmet = _allowed(theme_commitments(store), groups, sorted(ids))
    seed = random.SystemRandom().randrange(1, 1_000_000) if seed is None else int(seed)
    try:
        result = grouping.assign_groups(
            _persons(store, members, plenary["date"]), k, fields=weights,
            history=history(store, plenary_id, session_id), pins=pins, commitments=allowed,
            capacities=_capacities(groups, len(members)), seed=seed, effort=effort,
            **({} if meeting_weight is None else {"meeting_weight": meeting_weight}))
    except ValueError as exc:
        raise GroupsError.wrap(exc) from exc
    warnings = list(result.warnings) + (["commitment_theme_missing"] if unmet else [])
    return AssignmentPlan(plenary_id, session_id, seed, weights, expected, groups,
                          {m["id"]: m for m in members}, result, pins, allowed, warnings, unmet)


def accept_assignment(store: Store, plan: AssignmentPlan, *, record: Edit | None = None) -> Edit:
    """Write the plan's seats (and create its new groups) in one transaction.

    Seats of the scope held by people outside the plan are removed (undo brings them back);
    the people in the plan keep their pins.
    """
    with store.transaction():
        live = {g["id"] for g in groups_of(store, plan.plenary_id, plan.session_id)}
        if any(g["id"] and g["id"] not in live for g in plan.groups):
            raise GroupsError("the groups changed since this assignment was computed; run it again",
                              code="groups_changed")
        edit = recording(record)
        group_ids = []
        for g in plan.groups:
            gid = g["id"]
            if gid is None:
                gid = store.insert("groups", {k: g[k] for k in ("name", "theme_id", "room", "facilitator",
                                                                 "capacity", "sort_order")}
                                   | {"plenary_id": plan.plenary_id, "session_id": plan.session_id})
                edit.created("groups", [gid])
            group_ids.append(gid)
        seated = set()
        for gid, members in zip(group_ids, plan.result.groups):
            for mid in members:
                _write_seat(store, edit, plan.plenary_id, plan.session_id, mid, gid)
                seated.add(mid)
        for mid in seats_of(store, plan.plenary_id, plan.session_id):
            if mid not in seated:
                _write_seat(store, edit, plan.plenary_id, plan.session_id, mid, None)
        return edit.close(store)


# -- scores of what is on the board -----------------------------------------------------------------
def current_scores(store: Store, plenary_id: str, session_id: str | None = None,
                   fields: Sequence[str] | Mapping[str, float] | None = None) -> grouping.Scores | None:
    """The engine's scores of the seats as they are now (None when nobody is seated)."""
    plenary = _plenary(store, plenary_id)
    groups = arrangement(store, plenary_id, session_id)
    ids = [mid for g in groups for mid in g]
    if not ids:
        return None
    rows = store.select("members", f"id IN ({','.join('?' * len(ids))})", ids, include_deleted=True)
    return grouping.score_groups(groups, _persons(store, rows, plenary["date"]), field_weights(fields),
                                 history(store, plenary_id, session_id))


# -- late arrival -----------------------------------------------------------------------------------
@dataclass
class LatePlan:
    plenary_id: str
    session_id: str | None
    member: dict[str, Any]
    groups: list[dict[str, Any]]
    placement: grouping.Placement   # options ranked best first, each with its reasons
    committed: bool                 # options limited to the member's committed theme

    @property
    def best_group_id(self) -> str:
        return self.groups[self.placement.group]["id"]


def plan_late_arrival(store: Store, plenary_id: str, session_id: str | None, member_id: str,
                      fields: Sequence[str] | Mapping[str, float] | None = None) -> LatePlan:
    """Where a late arrival fits best, and why (nothing is written)."""
    plenary = _plenary(store, plenary_id)
    member = store.get("members", member_id)
    if member is None:
        raise not_found(GroupsError, "member", member_id)
    groups = groups_of(store, plenary_id, session_id)
    if not groups:
        raise GroupsError("this plenary has no groups yet", code="no_groups_yet")
    current = [[mid for mid in g if mid != member_id] for g in arrangement(store, plenary_id, session_id, groups)]
    ids = [mid for g in current for mid in g]
    rows = store.select("members", f"id IN ({','.join('?' * len(ids))})", ids, include_deleted=True) if ids else []
    allowed, _ = _allowed(theme_commitments(store), groups, [member_id])
    try:
        placement = grouping.best_group_for(
            _persons(store, [member], plenary["date"])[0], current, _persons(store, rows, plenary["date"]),
            field_weights(fields), history(store, plenary_id, session_id), allowed=allowed.get(member_id),
            capacities=_capacities(groups, len(ids) + 1))
    except ValueError as exc:
        raise GroupsError.wrap(exc) from exc
    return LatePlan(plenary_id, session_id, member, groups, placement, member_id in allowed)


def place_late_arrival(store: Store, plan: LatePlan, group_id: str | None = None, *,
                       record: Edit | None = None) -> Edit:
    """Seat the late arrival in the best group (or the one chosen among the options)."""
    from facilitator_app.core.groups.groups import move_member

    return move_member(store, plan.member["id"], group_id or plan.best_group_id, record=record)


# -- no-shows and rebalancing --------------------------------------------------------------------------
@dataclass
class NoShowPlan:
    plenary_id: str
    session_id: str | None
    groups: list[dict[str, Any]]
    absent: list[str]                          # seated no-shows whose seats go
    moves: list[tuple[str, str, str]]          # (member id, from group id, to group id)
    balanced: bool                             # False when pins/commitments leave sizes apart by 2+
    sizes_before: list[int]
    sizes_after: list[int]


def absent_seated(store: Store, plenary_id: str, session_id: str | None = None) -> list[str]:
    """Seated members without a check-in (empty when nobody has checked in at all)."""
    from facilitator_app.core.groups.groups import has_attendance, present_ids

    if not has_attendance(store, plenary_id):
        return []
    present = present_ids(store, plenary_id, session_id)
    return [mid for g in arrangement(store, plenary_id, session_id) for mid in g if mid not in present]


def plan_no_shows(store: Store, plenary_id: str, session_id: str | None, absent_ids: Iterable[str] = (),
                  fields: Sequence[str] | Mapping[str, float] | None = None) -> NoShowPlan:
    """Drop no-shows and move the fewest unpinned people to even the group sizes (nothing is written)."""
    plenary = _plenary(store, plenary_id)
    groups = groups_of(store, plenary_id, session_id)
    current = arrangement(store, plenary_id, session_id, groups)
    ids = [mid for g in current for mid in g]
    seats = seats_of(store, plenary_id, session_id)
    absent = [mid for mid in ids if mid in set(absent_ids)]
    rows = store.select("members", f"id IN ({','.join('?' * len(ids))})", ids, include_deleted=True) if ids else []
    allowed, _ = _allowed(theme_commitments(store), groups, ids)
    reb = grouping.rebalance(current, absent, pinned=[m for m, s in seats.items() if s["pinned"]],
                             allowed=allowed, capacities=_capacities(groups, len(ids)),
                             people=_persons(store, rows, plenary["date"]), fields=field_weights(fields),
                             history=history(store, plenary_id, session_id))
    moves = [(m.person_id, groups[m.from_group]["id"], groups[m.to_group]["id"]) for m in reb.moves]
    return NoShowPlan(plenary_id, session_id, groups, reb.removed, moves, reb.balanced,
                      [len(g) for g in current], [len(g) for g in reb.groups])


def apply_no_shows(store: Store, plan: NoShowPlan, *, record: Edit | None = None) -> Edit:
    """Remove the no-shows' seats and make the planned moves (one transaction)."""
    with store.transaction():
        edit = recording(record)
        for mid in plan.absent:
            _write_seat(store, edit, plan.plenary_id, plan.session_id, mid, None)
        for mid, _from, to in plan.moves:
            _write_seat(store, edit, plan.plenary_id, plan.session_id, mid, to)
        return edit.close(store)


# -- what screens show ---------------------------------------------------------------------------------------
@dataclass
class Board:
    """The scope's groups and who sits where, as the board and the projector show it."""

    plenary: dict[str, Any]
    session_id: str | None
    groups: list[dict[str, Any]]
    columns: list[list[dict[str, Any]]]   # member cards per group, by surname
    unseated: list[dict[str, Any]]        # present (or expected, before check-in) but not seated
    checked_in: bool                      # attendance exists: cards say who has not arrived


def board(store: Store, plenary_id: str, session_id: str | None = None) -> Board:
    """Cards: id, surname, first_name, municipio, gender, age_band, pinned, needs, present, theme_id."""
    from facilitator_app.core.groups.groups import has_attendance, present_ids

    plenary = _plenary(store, plenary_id)
    groups = groups_of(store, plenary_id, session_id)
    ids = arrangement(store, plenary_id, session_id, groups)
    seats = seats_of(store, plenary_id, session_id)
    checked_in = has_attendance(store, plenary_id)
    present = present_ids(store, plenary_id, session_id) if checked_in else set()
    pool = people_for(store, plenary_id, session_id, expected=not checked_in)
    seated = {m for g in ids for m in g}
    flat = list(seated)
    rows = {m["id"]: m for m in store.select("members", f"id IN ({','.join('?' * len(flat))})", flat,
                                             include_deleted=True)} if flat else {}
    rows.update({m["id"]: m for m in pool})
    vocab, commitments = Vocabularies.load(store), theme_commitments(store)

    def card(mid: str) -> dict[str, Any]:
        m = rows[mid]
        return {"id": mid, "surname": m["surname"], "first_name": m["first_name"], "municipio": m["municipio"],
                "gender": m["gender"], "age_band": attrs_of(m, vocab, plenary["date"])["age_band"],
                "pinned": bool(seats.get(mid, {}).get("pinned")), "theme_id": commitments.get(mid),
                "needs": bool(m.get("accessibility_notes")), "present": mid in present if checked_in else None}

    return Board(plenary, session_id, groups, [[card(m) for m in g] for g in ids],
                 [card(m["id"]) for m in pool if m["id"] not in seated], checked_in)


def where_entries(store: Store, plenary_id: str, session_id: str | None = None) -> list[tuple[str, str, str, str]]:
    """(sort key, label, group, room) of everyone seated, A-Z: for the entrance poster and the projector.

    The label is "Surname N." (public: no more than needed), or "Surname Name" when two
    people would share the short form.
    """
    from collections import Counter

    from facilitator_app.core.text import fold

    groups = groups_of(store, plenary_id, session_id)
    ids = arrangement(store, plenary_id, session_id, groups)
    flat = [m for g in ids for m in g]
    rows = {m["id"]: m for m in store.select("members", f"id IN ({','.join('?' * len(flat))})", flat,
                                             include_deleted=True)} if flat else {}

    def short(m: dict[str, Any]) -> str:
        initial = (m["first_name"] or "").strip()[:1]
        return f"{m['surname']} {initial}." if initial else m["surname"]

    people = [(rows[mid], g) for g, members in zip(groups, ids) for mid in members]
    clash = {k for k, n in Counter(fold(short(m)) for m, _ in people).items() if n > 1}
    out = [(fold(f"{m['surname']} {m['first_name']}"),
            f"{m['surname']} {m['first_name']}" if fold(short(m)) in clash else short(m), g["name"], g["room"] or "")
           for m, g in people]
    return sorted(out)
