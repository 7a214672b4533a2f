"""The follow-up's read model: every approved recommendation of every cycle, with its state.

`load_board(store, today)` reads everything in a few queries and returns `FollowupRow`s, overdue
answers first; the GUI, the CLI and the reports filter and show these rows (`matches`). A row's
code ("2023-R3") is its cycle and its order among the cycle's approved recommendations (by
plenary, then the plenary's order). `timeline(store, rec_id)` tells one recommendation's story,
from the group's notes to the latest progress update.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from facilitator_app.core.errors import not_found
from facilitator_app.core.followup.actions import followup_id
from facilitator_app.core.followup.cycles import answer_months, cycle_key_of, cycles, due_date
from facilitator_app.core.followup.fields import FINAL_ANSWERS, FollowupError, act_label
from facilitator_app.core.followup.plan import area_of, decode_codes, plan_actions
from facilitator_app.core.store.store import Store

FOLLOWED_STATUSES = ("approved", "sent")


@dataclass
class FollowupRow:
    id: str
    code: str
    cycle: str
    number: int
    plenary_id: str
    plenary_number: int
    plenary_date: str
    title: str
    text: str
    theme: str | None
    group: str | None
    status: str
    plan_actions: list[str]
    areas: list[str]
    votes: tuple[int | None, int | None, int | None]
    sent_on: str | None = None
    sent_to: str | None = None
    protocol: str | None = None
    answer_kind: str | None = None
    answer_text: str | None = None
    answer_on: str | None = None
    act_type: str | None = None
    act_number: str | None = None
    act_date: str | None = None
    act_link: str | None = None
    act_file_id: str | None = None
    responsible: str | None = None
    followed_by: str | None = None
    title_en: str | None = None
    text_en: str | None = None
    decidim_id: str | None = None
    decidim_state: str | None = None
    decidim_answer: str | None = None
    due_on: str | None = None
    overdue: bool = False
    days_overdue: int = 0
    progress: str | None = None
    progress_on: str | None = None
    progress_note: str | None = None
    updates: int = 0
    search: str = field(default="", repr=False)

    @property
    def act(self) -> str | None:
        return act_label(self.act_type, self.act_number)

    @property
    def answered(self) -> bool:
        return self.answer_kind in FINAL_ANSWERS

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "code": self.code, "cycle": self.cycle, "plenary": self.plenary_number,
                "title": self.title, "text": self.text, "theme": self.theme, "status": self.status,
                "plan_actions": self.plan_actions, "sent_on": self.sent_on, "sent_to": self.sent_to,
                "protocol": self.protocol, "answer_kind": self.answer_kind, "answer_text": self.answer_text,
                "answer_on": self.answer_on, "act": self.act, "act_date": self.act_date, "act_link": self.act_link,
                "responsible": self.responsible, "due_on": self.due_on, "overdue": self.overdue,
                "progress": self.progress, "progress_on": self.progress_on, "updates": self.updates,
                "decidim_id": self.decidim_id, "decidim_state": self.decidim_state}


_FU_FIELDS = ("sent_on", "sent_to", "protocol", "answer_kind", "answer_text", "answer_on", "act_type", "act_number",
              "act_date", "act_link", "act_file_id", "responsible", "followed_by", "title_en", "text_en",
              "decidim_id", "decidim_state", "decidim_answer")


def load_board(store: Store, today: date | None = None) -> list[FollowupRow]:
    today_s = (today or date.today()).isoformat()
    defined = cycles(store)
    actions = {a["code"]: a for a in plan_actions(store)}
    themes = dict(store.conn.execute("SELECT id, name FROM themes"))
    groups = dict(store.conn.execute("SELECT id, name FROM groups"))
    recs = store.query(
        "SELECT r.id, r.plenary_id, r.group_id, r.theme_id, r.title, r.text, r.plan_actions, r.status, r.votes_for, "
        "r.votes_against, r.votes_abstained, p.number, p.date, "
        + ", ".join(f"f.{c}" for c in _FU_FIELDS) +
        " FROM recommendations r JOIN plenaries p ON p.id = r.plenary_id AND p.deleted = 0 "
        "LEFT JOIN rec_followup f ON f.recommendation_id = r.id AND f.deleted = 0 "
        f"WHERE r.deleted = 0 AND r.status IN ({', '.join('?' * len(FOLLOWED_STATUSES))}) "
        "ORDER BY p.date, p.number, r.sort_order, r.created_at", FOLLOWED_STATUSES)
    latest: dict[str, tuple[str, str, str]] = {}
    counts: dict[str, int] = {}
    for rec_id, on_date, status, note in store.conn.execute(
            "SELECT recommendation_id, on_date, status, note FROM rec_updates WHERE deleted = 0 "
            "ORDER BY on_date, created_at"):
        latest[rec_id] = (on_date, status, note)
        counts[rec_id] = counts.get(rec_id, 0) + 1
    numbers: dict[str, int] = {}
    out = []
    for r in recs:
        key = cycle_key_of(r["date"], defined)
        numbers[key] = numbers.get(key, 0) + 1
        codes = decode_codes(r["plan_actions"])
        row = FollowupRow(
            r["id"], f"{key}-R{numbers[key]}", key, numbers[key], r["plenary_id"], r["number"], r["date"], r["title"],
            r["text"] or "", themes.get(r["theme_id"]), groups.get(r["group_id"]), r["status"], codes,
            list(dict.fromkeys(area_of(actions.get(c), c) for c in codes)),
            (r["votes_for"], r["votes_against"], r["votes_abstained"]),
            **{c: r[c] for c in _FU_FIELDS})
        row.due_on = due_date(row.sent_on, answer_months(key, defined))
        if row.due_on and not row.answered:
            row.overdue = row.due_on < today_s
            if row.overdue:
                row.days_overdue = (date.fromisoformat(today_s) - date.fromisoformat(row.due_on)).days
        if r["id"] in latest:
            row.progress_on, row.progress, row.progress_note = latest[r["id"]]
        row.updates = counts.get(r["id"], 0)
        row.search = " ".join(filter(None, (row.code, row.title, row.text, row.theme, row.responsible, row.act,
                                            row.protocol, " ".join(codes)))).casefold()
        out.append(row)
    out.sort(key=lambda x: (not x.overdue, -x.days_overdue))  # stable: cycle order within
    return out


@dataclass
class Filters:
    """What the follow-up page filters on; None means any."""

    cycle: str | None = None
    theme: str | None = None
    plan_action: str | None = None
    area: str | None = None
    answer: str | None = None        # an ANSWER_KIND, or "none" (no answer yet), or "overdue"
    progress: str | None = None      # a PROGRESS state, or "none"
    text: str = ""


def matches(row: FollowupRow, f: Filters) -> bool:
    if f.cycle is not None and row.cycle != f.cycle:
        return False
    if f.theme is not None and row.theme != f.theme:
        return False
    if f.plan_action is not None and f.plan_action not in row.plan_actions:
        return False
    if f.area is not None and f.area not in row.areas:
        return False
    if f.answer is not None:
        if f.answer == "overdue":
            if not row.overdue:
                return False
        elif (row.answer_kind or "none") != f.answer:
            return False
    if f.progress is not None and (row.progress or "none") != f.progress:
        return False
    if f.text:
        return all(w in row.search for w in f.text.casefold().split())
    return True


def resolve_rec(rows: list[FollowupRow], key: str) -> FollowupRow:
    """The row a REC argument names: its code (2023-R3), its id, or a unique start of its id (6+ chars)."""
    k = (key or "").strip()
    for r in rows:
        if r.code.casefold() == k.casefold() or r.id == k:
            return r
    hits = [r for r in rows if len(k) >= 6 and r.id.startswith(k.lower())]
    if len(hits) == 1:
        return hits[0]
    raise FollowupError(f"no approved recommendation {k!r} (codes look like {rows[0].code if rows else '2024-R1'})",
                        code="no_followed_recommendation", key=k)


# -- one recommendation's story --------------------------------------------------------------------
@dataclass
class Event:
    on: str          # ISO date
    kind: str        # note, drafted, vote, sent, answer, act, update
    text: str
    detail: str | None = None
    status: str | None = None   # answer kind or progress state


def timeline(store: Store, rec_id: str) -> list[Event]:
    rec = store.get("recommendations", rec_id)
    if rec is None:
        raise not_found(FollowupError, "recommendation", rec_id)
    plenary = store.get("plenaries", rec["plenary_id"]) or {}
    events: list[Event] = []
    for n in store.query(
            "SELECT n.text, n.created_at, g.name AS grp FROM recommendation_notes rn JOIN notes n ON n.id = rn.note_id "
            "LEFT JOIN groups g ON g.id = n.group_id WHERE rn.recommendation_id = ? AND rn.deleted = 0 "
            "AND n.deleted = 0 ORDER BY n.created_at", (rec_id,)):
        events.append(Event(plenary.get("date") or n["created_at"][:10], "note", n["text"], n["grp"]))
    if rec["votes_for"] is not None:
        events.append(Event(plenary.get("date") or rec["created_at"][:10], "vote", rec["title"],
                            f"{rec['votes_for']} / {rec['votes_against']} / {rec['votes_abstained']}"))
    fu = store.get("rec_followup", followup_id(rec_id)) or {}
    if fu.get("sent_on"):
        events.append(Event(fu["sent_on"], "sent", fu.get("sent_to") or "", fu.get("protocol")))
    if fu.get("answer_kind"):
        events.append(Event(fu.get("answer_on") or "", "answer", fu.get("answer_text") or "", fu.get("responsible"),
                            fu["answer_kind"]))
    if fu.get("act_type") and fu.get("act_date") and fu.get("act_date") != fu.get("answer_on"):
        events.append(Event(fu["act_date"], "act", act_label(fu["act_type"], fu["act_number"]) or "",
                            fu.get("act_link")))
    for u in store.select("rec_updates", "recommendation_id = ?", (rec_id,), order_by="on_date, created_at"):
        events.append(Event(u["on_date"], "update", u["note"] or "", u["evidence_link"], u["status"]))
    order = {"note": 0, "vote": 1, "sent": 2, "answer": 3, "act": 4, "update": 5}
    events.sort(key=lambda e: (e.on, order[e.kind]))
    return events

