"""Attendance figures: counts per session, who is present against the whole assembly,
the member x plenary history of the cycle and the follow-up list.

Read-only; the dashboard and history pages and the CLI show what these return.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from facilitator_app.core.attendance.checkin import attendance_settings
from facilitator_app.core.members.targets import FIELDS as COMPOSITION_FIELDS
from facilitator_app.core.members.targets import member_category
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.plenaries.plenaries import expected_members, list_plenaries, sessions_of
from facilitator_app.core.store.store import Store
from facilitator_app.core.text import fold

UNKNOWN = "?"  # category key of members whose value is not known


# -- per session ------------------------------------------------------------------------
@dataclass
class SessionCount:
    session_id: str
    name: str
    starts_at: str | None
    ends_at: str | None
    expected: int          # members in office that day
    present: int           # members checked in (including those who left early)
    left: int              # ... of whom checked out
    late: int
    justified: int
    others: int            # staff, experts, guests, walk-ins checked in

    @property
    def not_arrived(self) -> int:
        return max(0, self.expected - self.present - self.justified)

    @property
    def rate(self) -> float:
        return self.present / self.expected if self.expected else 0.0


@dataclass
class Roster:
    """Who a plenary expects, with each member's category per composition field: what every figure
    of its sessions is counted against. Depends on the members, the plenary's day and the
    vocabularies only, so a page keeps it while only attendance changes (a check-in arriving from
    another laptop recounts without reading or sorting the members again)."""

    plenary: dict[str, Any]
    members: list[dict[str, Any]]                       # in office that day, by surname
    ids: frozenset[str]
    fields: tuple[str, ...]
    categories: dict[str, list[str]]                    # field -> category key of each member, same order
    keys: dict[str, list[str]]                          # field -> category keys in display order
    labels: dict[tuple[str, str], str]


def roster_for(store: Store, plenary_id: str, vocab: Vocabularies | None = None,
               fields: tuple[str, ...] = COMPOSITION_FIELDS) -> Roster | None:
    plenary = store.get("plenaries", plenary_id)
    if plenary is None:
        return None
    vocab = vocab or Vocabularies.load(store)
    on = date.fromisoformat(plenary["date"])
    members = expected_members(store, plenary)
    categories, keys, labels = {}, {}, {}
    for fld in fields:
        cats = [member_category(m, fld, vocab, on) or UNKNOWN for m in members]
        seen = set(cats)
        order = _order(vocab, fld)
        keys[fld] = [k for k in order if k in seen] + sorted(k for k in seen if k not in order)
        categories[fld] = cats
        labels.update({(fld, k): _label(vocab, fld, k) for k in keys[fld]})
    return Roster(plenary, members, frozenset(m["id"] for m in members), fields, categories, keys, labels)


def _attendance_rows(store: Store, plenary_id: str) -> list[dict[str, Any]]:
    return store.query("SELECT session_id, member_id, person_id, status, late, checked_out_at FROM attendance "
                       "WHERE plenary_id = ? AND deleted = 0", (plenary_id,))


def _counts(store: Store, plenary_id: str, expected: frozenset[str] | set[str],
            rows: list[dict[str, Any]]) -> list[SessionCount]:
    out = []
    for s in sessions_of(store, plenary_id):
        mine = [r for r in rows if r["session_id"] == s["id"]]
        present = [r for r in mine if r["status"] == "present" and r["member_id"]]
        out.append(SessionCount(
            s["id"], s["name"], s["starts_at"], s["ends_at"], len(expected), len(present),
            sum(1 for r in present if r["checked_out_at"]), sum(1 for r in present if r["late"]),
            sum(1 for r in mine if r["status"] == "absent_justified" and r["member_id"] in expected),
            sum(1 for r in mine if r["status"] == "present" and r["person_id"])))
    return out


def session_counts(store: Store, plenary_id: str, roster: Roster | None = None) -> list[SessionCount]:
    plenary = store.get("plenaries", plenary_id)
    if roster is not None:
        expected: frozenset[str] | set[str] = roster.ids
    else:
        expected = {m["id"] for m in expected_members(store, plenary)} if plenary else set()
    return _counts(store, plenary_id, expected, _attendance_rows(store, plenary_id))


def _missing(roster: Roster, rows: list[dict[str, Any]], session_id: str) -> list[dict[str, Any]]:
    seen = {r["member_id"] for r in rows if r["session_id"] == session_id and r["member_id"]}
    return [m for m in roster.members if m["id"] not in seen]


def missing_members(store: Store, session_id: str, roster: Roster | None = None) -> list[dict[str, Any]]:
    """Members expected in this session who have neither checked in nor sent a justification."""
    session = store.get("sessions", session_id)
    if roster is None:
        plenary = store.get("plenaries", session["plenary_id"])
        members = expected_members(store, plenary)
    else:
        members = roster.members
    seen = {r[0] for r in store.conn.execute(
        "SELECT member_id FROM attendance WHERE session_id = ? AND deleted = 0 AND member_id IS NOT NULL",
        (session_id,))}
    return [m for m in members if m["id"] not in seen]


# -- composition ------------------------------------------------------------------------
@dataclass
class Category:
    key: str
    label: str
    expected: int
    present: int
    expected_share: float
    present_share: float

    @property
    def gap(self) -> float:
        """Present share minus assembly share (negative: under-represented among those present)."""
        return self.present_share - self.expected_share


@dataclass
class FieldComposition:
    field: str
    categories: list[Category]


def _label(vocab: Vocabularies, fld: str, key: str) -> str:
    if key == UNKNOWN:
        return "n.d."
    if fld == "municipio":
        return key
    return vocab.label("age_bands" if fld == "age_band" else fld, key)


def _order(vocab: Vocabularies, fld: str) -> list[str]:
    if fld == "municipio":
        return [str(m) for m in range(1, 10)]
    return vocab.keys("age_bands" if fld == "age_band" else fld)


def _composition(roster: Roster, present_ids: set[str]) -> list[FieldComposition]:
    here = [m["id"] in present_ids for m in roster.members]
    n_pre = sum(here)
    n_exp = len(roster.members) or 1
    out = []
    for fld in roster.fields:
        cats = roster.categories[fld]
        exp = Counter(cats)
        pre = Counter(c for c, h in zip(cats, here) if h)
        out.append(FieldComposition(fld, [
            Category(k, roster.labels[(fld, k)], exp[k], pre[k], exp[k] / n_exp, pre[k] / (n_pre or 1) if n_pre else 0.0)
            for k in roster.keys[fld]]))
    return out


def composition(store: Store, session_id: str, vocab: Vocabularies | None = None,
                fields: tuple[str, ...] = COMPOSITION_FIELDS, roster: Roster | None = None) -> list[FieldComposition]:
    """Per field, each category's share among the members present vs among all members in office."""
    session = store.get("sessions", session_id)
    if roster is None or roster.fields != fields:
        roster = roster_for(store, session["plenary_id"], vocab, fields)
    present_ids = {r[0] for r in store.conn.execute(
        "SELECT member_id FROM attendance WHERE session_id = ? AND status = 'present' AND deleted = 0 "
        "AND member_id IS NOT NULL", (session_id,))}
    return _composition(roster, present_ids)


@dataclass
class Figures:
    """Everything the attendance dashboard shows for a plenary and its current session."""

    counts: list[SessionCount]
    fields: list[FieldComposition]
    missing: list[dict[str, Any]]


def figures(store: Store, roster: Roster, session_id: str | None) -> Figures:
    """The dashboard's figures from one read of the plenary's attendance (the roster given, not re-read)."""
    pid = roster.plenary["id"]
    rows = _attendance_rows(store, pid)
    counts = _counts(store, pid, roster.ids, rows)
    if not session_id:
        return Figures(counts, [], [])
    present = {r["member_id"] for r in rows
               if r["session_id"] == session_id and r["status"] == "present" and r["member_id"]}
    return Figures(counts, _composition(roster, present), _missing(roster, rows, session_id))


def biggest_gaps(fields: list[FieldComposition], n: int = 3, threshold: float = 0.03) -> list[tuple[str, Category]]:
    """The categories most under-represented among those present (share gap beyond `threshold`)."""
    gaps = [(f.field, c) for f in fields for c in f.categories if c.key != UNKNOWN and c.gap <= -threshold]
    gaps.sort(key=lambda fc: (fc[1].gap, -fc[1].expected))
    return gaps[:n]


# -- history of the cycle -------------------------------------------------------------------
PRESENT, PARTIAL, JUSTIFIED, ABSENT, NOT_EXPECTED, UPCOMING = (
    "present", "partial", "justified", "absent", "not_expected", "upcoming")


@dataclass
class Cell:
    state: str
    attended: int = 0      # sessions attended
    sessions: int = 0      # sessions of the plenary
    reason: str | None = None


@dataclass
class History:
    plenaries: list[dict[str, Any]]
    held: dict[str, bool]
    members: list[dict[str, Any]]
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)

    def cell(self, member_id: str, plenary_id: str) -> Cell:
        return self.cells.get((member_id, plenary_id), Cell(NOT_EXPECTED))

    def member_rate(self, member_id: str) -> float | None:
        """Sessions attended / sessions expected, over held plenaries; None if none expected yet."""
        cells = [self.cell(member_id, p["id"]) for p in self.plenaries if self.held[p["id"]]]
        total = sum(c.sessions for c in cells if c.state not in (NOT_EXPECTED, UPCOMING))
        return sum(c.attended for c in cells) / total if total else None

    def plenary_rate(self, plenary_id: str) -> float | None:
        if not self.held[plenary_id]:
            return None
        cells = [self.cell(m["id"], plenary_id) for m in self.members]
        cells = [c for c in cells if c.state != NOT_EXPECTED]
        total = sum(c.sessions for c in cells)
        return sum(c.attended for c in cells) / total if total else None


def attendance_history(store: Store) -> History:
    # In the order they were held: "the last plenaries" and streaks are about time, and a file
    # may hold an earlier cycle's plenary under a higher number (the demo's 2023 cycle: number 9).
    plenaries = sorted((p for p in list_plenaries(store) if p["status"] != "cancelled"),
                       key=lambda p: (p["date"] or "", p["number"] or 0))
    rows = store.query("SELECT plenary_id, session_id, member_id, status, reason FROM attendance "
                       "WHERE deleted = 0 AND member_id IS NOT NULL")
    by_key: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        by_key.setdefault((r["member_id"], r["plenary_id"]), []).append(r)
    held = {p["id"]: p["status"] == "held" or any(r["plenary_id"] == p["id"] and r["status"] == "present"
                                                  for r in rows) for p in plenaries}
    members: dict[str, dict[str, Any]] = {}
    cells: dict[tuple[str, str], Cell] = {}
    for p in plenaries:
        n_sessions = len(sessions_of(store, p["id"]))
        for m in expected_members(store, p):
            members.setdefault(m["id"], m)
            mine = by_key.get((m["id"], p["id"]), [])
            attended = sum(1 for r in mine if r["status"] == "present")
            justified = [r for r in mine if r["status"] == "absent_justified"]
            if not held[p["id"]]:
                state = UPCOMING
            elif attended and attended >= n_sessions:
                state = PRESENT
            elif attended:
                state = PARTIAL
            elif justified:
                state = JUSTIFIED
            else:
                state = ABSENT
            cells[(m["id"], p["id"])] = Cell(state, attended, n_sessions, justified[0]["reason"] if justified else None)
    ordered = sorted(members.values(), key=lambda m: (fold(m["surname"]), fold(m["first_name"])))
    return History(plenaries, held, ordered, cells)


@dataclass
class FollowUp:
    member: dict[str, Any]
    streak: int                 # absences in a row, up to the last held plenary
    rate: float | None
    last_present: int | None    # number of the last plenary attended
    reasons: list[str]          # "streak", "rate"


def followups(history: History, settings: dict[str, Any]) -> list[FollowUp]:
    """Members still in office who missed `followup_consecutive` plenaries in a row (or attend too little)."""
    need = int(settings.get("followup_consecutive") or 0)
    count_justified = bool(settings.get("followup_count_justified"))
    min_rate = settings.get("followup_min_rate")
    held = [p for p in history.plenaries if history.held[p["id"]]]
    if not held:
        return []
    last = held[-1]
    out = []
    for m in history.members:
        if m["status"] != "active" or history.cell(m["id"], last["id"]).state == NOT_EXPECTED:
            continue
        streak, last_present = 0, None
        for p in reversed(held):
            c = history.cell(m["id"], p["id"])
            if c.state == NOT_EXPECTED:
                continue
            if c.state in (PRESENT, PARTIAL):
                last_present = p["number"]
                break
            if c.state == ABSENT or count_justified:
                streak += 1
        if last_present is None:
            last_present = next((p["number"] for p in reversed(held)
                                 if history.cell(m["id"], p["id"]).state in (PRESENT, PARTIAL)), None)
        rate = history.member_rate(m["id"])
        expected_held = sum(1 for p in held if history.cell(m["id"], p["id"]).state != NOT_EXPECTED)
        reasons = []
        if need and streak >= need:
            reasons.append("streak")
        if min_rate is not None and rate is not None and expected_held >= 2 and rate < min_rate:
            reasons.append("rate")
        if reasons:
            out.append(FollowUp(m, streak, rate, last_present, reasons))
    out.sort(key=lambda f: (-f.streak, f.rate if f.rate is not None else 1, f.member["surname"].casefold()))
    return out


def followups_for(store: Store) -> list[FollowUp]:
    return followups(attendance_history(store), attendance_settings(store))
