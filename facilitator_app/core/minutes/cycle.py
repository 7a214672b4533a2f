"""The read model of the cycle report: every plenary of the assembly file, side by side.

`load_cycle(store, public=...)` gathers, per plenary, attendance figures, groups,
notes and recommendations; the internal version adds the member x plenary
attendance grid (from `attendance_stats.attendance_history`) and the authors of
notes. Like `core.minutes`, the public path never reads a citizen's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from facilitator_app.core.attendance.stats import History, attendance_history
from facilitator_app.core.minutes.minutes import expected_rows, full_name, member_names
from facilitator_app.core.minutes.model import VotedStatus
from facilitator_app.core.notes import tags as tagmod
from facilitator_app.core.followup.cycles import cycle_key_of, cycles
from facilitator_app.core.plenaries.plenaries import list_plenaries
from facilitator_app.core.store.store import Store


@dataclass
class PlenaryLine:
    id: str
    number: int
    date: str
    title: str | None
    venue: str | None
    status: str
    expected: int
    present: int
    groups: int
    notes: int
    recommendations: int
    approved: int            # approved or sent

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected and self.present else None


@dataclass
class CycleRec(VotedStatus):
    plenary: int
    number: int              # order within its plenary (R1, R2 ...)
    title: str
    text: str
    group: str | None
    theme: str | None
    plan_actions: list[str]
    status: str
    votes_for: int | None
    votes_against: int | None
    votes_abstained: int | None


@dataclass
class CycleNote:
    plenary: int
    group: str
    cluster: str
    text: str
    category: str
    tags: list[str]
    votes: int
    created_at: str
    author: str | None       # None in the public version


@dataclass
class Cycle:
    public: bool
    assembly: str
    plenaries: list[PlenaryLine]
    recommendations: list[CycleRec]
    notes: list[CycleNote]
    history: History | None  # member x plenary grid; None in the public version
    generated_at: datetime = field(default_factory=datetime.now)


def cycle_plenaries(store: Store, cycle: str | None = None) -> tuple[str | None, list[dict]]:
    """The plenaries of one cycle, in the order held, and its key: `cycle` (a key of the follow-up's
    cycles, e.g. "2024"), or by default the cycle of the latest plenary (the one under way). A file
    may hold an earlier cycle's plenaries too (the demo's 2023 cycle)."""
    defined = cycles(store)
    plenaries = sorted(list_plenaries(store), key=lambda p: (p["date"] or "", p["number"] or 0))
    keys = {p["id"]: cycle_key_of(p["date"], defined) for p in plenaries}
    if cycle is None:
        cycle = keys[plenaries[-1]["id"]] if plenaries else None
    return cycle, [p for p in plenaries if keys[p["id"]] == str(cycle)]


def load_cycle(store: Store, *, public: bool = False, with_notes: bool = True, cycle: str | None = None) -> Cycle:
    """One cycle's report (by default the latest plenary's cycle; see `cycle_plenaries`)."""
    _, plenaries = cycle_plenaries(store, cycle)
    count = lambda sql: dict(store.conn.execute(sql).fetchall())  # noqa: E731
    present = count("SELECT plenary_id, count(DISTINCT member_id) FROM attendance WHERE deleted = 0 "
                    "AND status = 'present' AND member_id IS NOT NULL GROUP BY plenary_id")
    groups = count("SELECT plenary_id, count(*) FROM groups WHERE deleted = 0 GROUP BY plenary_id")
    notes = count("SELECT plenary_id, count(*) FROM notes WHERE deleted = 0 GROUP BY plenary_id")
    recs = count("SELECT plenary_id, count(*) FROM recommendations WHERE deleted = 0 GROUP BY plenary_id")
    approved = count("SELECT plenary_id, count(*) FROM recommendations WHERE deleted = 0 "
                     "AND status IN ('approved', 'sent') GROUP BY plenary_id")
    lines = [PlenaryLine(p["id"], p["number"], p["date"], p["title"], p["venue"], p["status"],
                         len(expected_rows(store, p)), present.get(p["id"], 0), groups.get(p["id"], 0),
                         notes.get(p["id"], 0), recs.get(p["id"], 0), approved.get(p["id"], 0))
             for p in plenaries]
    number = {p["id"]: p["number"] for p in plenaries}
    themes = {t["id"]: t["name"] for t in tagmod.themes(store)}
    group_names = dict(store.conn.execute("SELECT id, name FROM groups").fetchall())
    rec_rows = store.query("SELECT plenary_id, group_id, theme_id, title, text, plan_actions, status, votes_for, "
                           "votes_against, votes_abstained FROM recommendations WHERE deleted = 0 "
                           "ORDER BY sort_order, created_at")
    rec_rows.sort(key=lambda r: number.get(r["plenary_id"], 0))  # stable: keeps the order within a plenary
    out_recs, seen = [], {}
    for r in rec_rows:
        if r["plenary_id"] not in number:
            continue
        seen[r["plenary_id"]] = seen.get(r["plenary_id"], 0) + 1
        out_recs.append(CycleRec(number[r["plenary_id"]], seen[r["plenary_id"]], r["title"], r["text"] or "",
                                 group_names.get(r["group_id"]), themes.get(r["theme_id"]),
                                 tagmod.decode(r["plan_actions"]), r["status"], r["votes_for"],
                                 r["votes_against"], r["votes_abstained"]))
    history = None
    if not public:
        history = attendance_history(store)
        history.plenaries = [p for p in history.plenaries if p["id"] in number]
    return Cycle(public, store.assembly_name(), lines, out_recs,
                 _notes(store, number, public) if with_notes else [], history)


def _notes(store: Store, number: dict[str, int], public: bool) -> list[CycleNote]:
    votes = {t: max(0, int(n)) for t, n in store.conn.execute(
        "SELECT target_id, sum(delta) FROM votes WHERE deleted = 0 AND target_type = 'note' GROUP BY target_id")}
    rows = store.conn.execute(
        "SELECT n.id, n.plenary_id, g.name, c.title, n.text, cat.name, n.tags, n.created_at, n.author_member_id "
        "FROM notes n JOIN groups g ON g.id = n.group_id "
        "LEFT JOIN clusters c ON c.id = n.cluster_id AND c.deleted = 0 "
        "LEFT JOIN note_categories cat ON cat.id = n.category_id "
        "WHERE n.deleted = 0 ORDER BY g.sort_order, g.name, c.created_at IS NULL, c.created_at, n.created_at, n.id"
    ).fetchall()
    names: dict[str, tuple[str, str]] = {}
    if not public:
        names = member_names(store, {r[8] for r in rows if r[8]})
    out = [CycleNote(number[r[1]], r[2], r[3] or "", r[4], r[5] or "", tagmod.decode(r[6]), votes.get(r[0], 0),
                     r[7], None if public else full_name(names.get(r[8])))
           for r in rows if r[1] in number]
    out.sort(key=lambda n: n.plenary)  # stable
    return out


def cycle_label(cycle: Cycle) -> str:
    """"plenarie 1–8 (20/01/2024 – 12/10/2024)"."""
    if not cycle.plenaries:
        return "nessuna plenaria"
    first, last = cycle.plenaries[0], cycle.plenaries[-1]

    def d(iso: str) -> str:
        y, m, dd = iso.split("-")
        return f"{dd}/{m}/{y}"

    if first is last:
        return f"plenaria {first.number} ({d(first.date)})"
    return f"plenarie {first.number}–{last.number} ({d(first.date)} – {d(last.date)})"

