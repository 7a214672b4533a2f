"""The read model of the civic monitoring report (monitoraggio civico), per cycle or for the mandate.

`load_monitoring(store, public=..., cycle=None)` gathers every approved recommendation with its
answer, act, progress updates and Plan actions, plus the figures of the summary. The public
version leaves out who followed each recommendation up and who wrote each update, and blanks any
member's full name that a text happens to contain ("[nome omesso]"): citizens' personal data
never reaches a public document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from facilitator_app.core.followup.board import FollowupRow, load_board
from facilitator_app.core.followup.fields import ANSWER_KINDS, PROGRESS
from facilitator_app.core.followup.plan import area_of, decode_codes, plan_actions
from facilitator_app.core.store.store import Store

MANDATE = ("2022", "2030")
OMITTED = "[nome omesso]"


@dataclass
class Update:
    on_date: str
    status: str
    note: str
    evidence_link: str | None
    has_file: bool
    plan_actions: list[str]
    author: str | None        # None in the public version


@dataclass
class PlanLine:
    code: str
    title: str
    area: str
    recs: list[str]           # codes of the recommendations tied to it
    progress: dict[str, int]  # latest progress of those recommendations, by state ("none" too)


@dataclass
class Monitoring:
    public: bool
    assembly: str
    cycle: str | None                      # None: the whole mandate
    rows: list[FollowupRow]
    updates: dict[str, list[Update]]       # recommendation id -> updates, oldest first
    plan: list[PlanLine]
    today: date
    generated_at: datetime = field(default_factory=datetime.now)

    @property
    def label(self) -> str:
        return f"ciclo {self.cycle}" if self.cycle else f"mandato {MANDATE[0]}–{MANDATE[1]}"

    def answers(self) -> dict[str, int]:
        out = {k: 0 for k in (*ANSWER_KINDS, "none")}
        for r in self.rows:
            out[r.answer_kind or "none"] += 1
        return out

    def progress(self) -> dict[str, int]:
        out = {k: 0 for k in (*PROGRESS, "none")}
        for r in self.rows:
            out[r.progress or "none"] += 1
        return out

    def overdue(self) -> int:
        return sum(1 for r in self.rows if r.overdue)

    def cycles(self) -> list[str]:
        return list(dict.fromkeys(r.cycle for r in self.rows))


def name_scrubber(store: Store):
    """A function blanking every member's full name (either order, any case) in a text."""
    names = set()
    for surname, first in store.conn.execute("SELECT surname, first_name FROM members"):
        surname, first = (surname or "").strip(), (first or "").strip()
        if surname and first:
            names.add(f"{first} {surname}")
            names.add(f"{surname} {first}")
    if not names:
        return lambda text: text
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+")
                                                  for n in sorted(names, key=len, reverse=True)) + r")(?!\w)",
                         re.IGNORECASE)
    return lambda text: pattern.sub(OMITTED, text) if text else text


def load_monitoring(store: Store, *, public: bool = False, cycle: str | None = None,
                    today: date | None = None) -> Monitoring:
    today = today or date.today()
    rows = [r for r in load_board(store, today) if cycle is None or r.cycle == cycle]
    rows.sort(key=lambda r: (r.cycle, r.number))
    ids = {r.id for r in rows}
    updates: dict[str, list[Update]] = {}
    for u in store.query("SELECT recommendation_id, on_date, status, note, evidence_link, evidence_file_id, "
                         "plan_actions, author FROM rec_updates WHERE deleted = 0 ORDER BY on_date, created_at"):
        if u["recommendation_id"] in ids:
            updates.setdefault(u["recommendation_id"], []).append(Update(
                u["on_date"], u["status"], u["note"] or "", u["evidence_link"], bool(u["evidence_file_id"]),
                decode_codes(u["plan_actions"]), None if public else u["author"]))
    if public:
        scrub = name_scrubber(store)
        for r in rows:
            r.followed_by = None
            for f in ("title", "text", "answer_text", "responsible", "sent_to", "progress_note", "decidim_answer"):
                setattr(r, f, scrub(getattr(r, f)))
        for ups in updates.values():
            for u in ups:
                u.note = scrub(u.note)
    plan = []
    for a in plan_actions(store):
        linked = [r for r in rows if a["code"] in r.plan_actions]
        if not linked:
            continue
        prog: dict[str, int] = {}
        for r in linked:
            prog[r.progress or "none"] = prog.get(r.progress or "none", 0) + 1
        plan.append(PlanLine(a["code"], a["title"] or "", area_of(a, a["code"]), [r.code for r in linked], prog))
    return Monitoring(public, store.assembly_name(), cycle, rows, updates, plan, today)


def progress_by_area(rows: list[FollowupRow]) -> dict[str, dict[str, int]]:
    """Area of the Plan -> latest progress state -> number of recommendations (for the chart)."""
    out: dict[str, dict[str, int]] = {}
    for r in rows:
        for area in r.areas or ["Senza azione del Piano"]:
            bucket = out.setdefault(area, {})
            bucket[r.progress or "none"] = bucket.get(r.progress or "none", 0) + 1
    return dict(sorted(out.items()))


def summary_sentence(m: Monitoring) -> str:
    a = m.answers()
    n = len(m.rows)
    parts = [f"{a['accepted']} accolte", f"{a['partly']} accolte in parte", f"{a['rejected']} non accolte"]
    text = (f"Nel {m.label} l'Assemblea ha approvato {n} raccomandazioni. Il Comune ne ha "
            f"{', '.join(parts[:-1])} e {parts[-1]}; {a['evaluating']} sono in valutazione e {a['none']} "
            f"attendono ancora una risposta.")
    if m.overdue():
        text += f" Per {m.overdue()} la risposta è oltre il termine previsto."
    return text
