"""Milano Partecipa (Decidim): the files of the round trip.

- `proposal_rows`: approved recommendations as a Decidim proposals import (`title/it`, `body/it`,
  and `title/en`, `body/en` when an English text exists); plain text, no personal data.
- `answer_rows`: the Comune's answers recorded here as a Decidim answers import (`id`, `state`,
  `answer/it`), for proposals already linked to their Decidim id.
- `plan_import` / `apply_import`: a Decidim proposals export read back: each proposal linked to its
  recommendation (by Decidim id, else by its Italian title), its published state and answer taken
  in. The plan is a preview; any refusal (another participatory space, unknown ids, missing
  columns, other locales only, an unknown state token, ...) is reported by row and nothing is
  written. HTML in answers is turned into plain text, never rendered.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from facilitator_app.core.followup.actions import check_fields, followup_id, write_fields
from facilitator_app.core.followup.board import FollowupRow, load_board
from facilitator_app.core.followup.cycles import put_row
from facilitator_app.core.followup.decidim_io import Record
from facilitator_app.core.followup.fields import ANSWER_IT, FollowupError, act_label
from facilitator_app.core.followup.plaintext import html_to_text, looks_like_html
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Store

LOCALE, OTHER_LOCALE = "it", "en"
SPACE_SETTING = "followup.decidim_space"
STATE_MAP_SETTING = "followup.decidim_states"
# The app's answer kinds as Decidim state tokens. Decidim's default states have no "partly
# accepted": it goes out as "accepted" (the answer's text says "in parte") unless the platform
# has a custom state and the setting names its token.
DEFAULT_STATE_MAP = {"accepted": "accepted", "partly": "accepted", "rejected": "rejected", "evaluating": "evaluating"}
# Decidim tokens that carry no answer of the Comune.
NO_ANSWER_TOKENS = ("", "not_answered", "withdrawn")


def state_map(store: Store) -> dict[str, str]:
    return {**DEFAULT_STATE_MAP, **(store.setting(STATE_MAP_SETTING) or {})}


def _fmt(iso: str | None) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else ""


# -- export ---------------------------------------------------------------------------------------
def proposal_rows(rows: list[FollowupRow]) -> tuple[list[str], list[dict[str, Any]]]:
    english = any(r.title_en or r.text_en for r in rows)
    header = [f"title/{LOCALE}", f"body/{LOCALE}"] + ([f"title/{OTHER_LOCALE}", f"body/{OTHER_LOCALE}"]
                                                      if english else [])
    out = []
    for r in rows:
        body = (r.text or r.title).strip()
        origin = (f"Proposta dell'Assemblea Permanente dei Cittadini sul Clima, approvata nella plenaria "
                  f"del {_fmt(r.plenary_date)} (ciclo {r.cycle}).")
        row = {f"title/{LOCALE}": r.title.strip(), f"body/{LOCALE}": f"{body}\n\n{origin}"}
        if english:
            row[f"title/{OTHER_LOCALE}"] = r.title_en or ""
            row[f"body/{OTHER_LOCALE}"] = (f"{r.text_en.strip()}\n\nProposal of the Permanent Citizens' Assembly on "
                                           f"Climate, approved at the plenary of {_fmt(r.plenary_date)}."
                                           if r.text_en else "")
        out.append(row)
    return header, out


def answer_text(r: FollowupRow) -> str:
    parts = [r.answer_text or ANSWER_IT[r.answer_kind]]
    if r.answer_kind == "partly" and not (r.answer_text or "").lower().startswith("accolta in parte"):
        parts.insert(0, "Accolta in parte.")
    if r.act:
        act = f"Atto: {act_label(r.act_type, r.act_number)}"
        if r.act_date:
            act += f" del {_fmt(r.act_date)}"
        if r.act_link:
            act += f" ({r.act_link})"
        parts.append(act + ".")
    if r.responsible:
        parts.append(f"Responsabile: {r.responsible}.")
    return "\n\n".join(parts)


def answer_rows(rows: list[FollowupRow], states: dict[str, str]) -> tuple[list[str], list[dict[str, Any]]]:
    header = ["id", "state", f"answer/{LOCALE}"]
    out = [{"id": r.decidim_id, "state": states[r.answer_kind], f"answer/{LOCALE}": answer_text(r)}
           for r in rows if r.decidim_id and r.answer_kind]
    return header, out


# -- import -----------------------------------------------------------------------------------------
@dataclass
class RowProblem:
    row: int | None          # None: the whole file
    code: str
    message: str


@dataclass
class Change:
    row: int
    rec_id: str
    code: str                # the recommendation's code (2023-R3)
    title: str
    decidim_id: str
    values: dict[str, Any]   # follow-up fields to write
    before: dict[str, Any]
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> dict[str, Any]:
        return {k: v for k, v in self.values.items() if self.before.get(k) != v}


@dataclass
class ImportPlan:
    changes: list[Change]
    problems: list[RowProblem]
    space_id: str | None
    records: int

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"records": self.records, "space_id": self.space_id, "ok": self.ok,
                "changes": [{"row": c.row, "id": c.rec_id, "code": c.code, "title": c.title,
                             "decidim_id": c.decidim_id, "changes": c.changed, "notes": c.notes}
                            for c in self.changes],
                "problems": [{"row": p.row, "code": p.code, "message": p.message} for p in self.problems]}


def _fold(text: Any) -> str:
    return " ".join(str(text or "").casefold().split())


def _cell(rec: dict[str, Any], key: str) -> str:
    v = rec.get(key)
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()


def _check_header(header: list[str]) -> list[RowProblem]:
    problems = []
    locales = sorted({h.split("/", 1)[1] for h in header if h.startswith(("title/", "body/", "answer/"))
                      and h.count("/") == 1})
    needed = ["id", "state", f"title/{LOCALE}"]
    missing = [h for h in needed if h not in header]
    if f"title/{LOCALE}" in missing and locales and LOCALE not in locales:
        problems.append(RowProblem(None, "decidim_other_locales",
                                   f"no Italian texts in the file (title/{LOCALE}): it has only "
                                   f"{', '.join(locales)}; export it again with Italian"))
        missing.remove(f"title/{LOCALE}")
    if missing:
        problems.append(RowProblem(None, "decidim_missing_columns",
                                   f"missing columns: {', '.join(missing)} (is this a Decidim proposals export?)"))
    dupes = sorted({h for h in header if h and header.count(h) > 1})
    if dupes:
        problems.append(RowProblem(None, "decidim_duplicate_columns", f"columns appear twice: {', '.join(dupes)}"))
    return problems


def plan_import(store: Store, header: list[str], records: list[Record], *, today: date | None = None) -> ImportPlan:
    """What importing a Decidim proposals export would change, and every reason to refuse it."""
    known_space = store.setting(SPACE_SETTING)
    if not records:
        return ImportPlan([], [RowProblem(None, "decidim_empty", "the file has no proposals")], known_space, 0)
    problems = _check_header(header)
    if problems:
        return ImportPlan([], problems, known_space, len(records))
    board = load_board(store, today)
    by_decidim = {r.decidim_id: r for r in board if r.decidim_id}
    by_title: dict[str, list[FollowupRow]] = {}
    for r in board:
        by_title.setdefault(_fold(r.title), []).append(r)
    tokens = {"accepted": "accepted", "rejected": "rejected", "evaluating": "evaluating"}
    tokens.setdefault(state_map(store)["partly"].strip().lower(), "partly")  # a custom state, when named
    spaces: dict[str, list[int]] = {}
    seen_ids: dict[str, int] = {}
    taken: dict[str, int] = {}
    changes: list[Change] = []
    for n, rec in records:
        space = _cell(rec, "participatory_space/id")
        if space:
            spaces.setdefault(space, []).append(n)
        pid = _cell(rec, "id")
        if not re.fullmatch(r"\d{1,12}", pid):
            problems.append(RowProblem(n, "decidim_bad_id", f"row {n}: id {pid!r} is not a Decidim proposal id"))
            continue
        if pid in seen_ids:
            problems.append(RowProblem(n, "decidim_duplicate_id", f"row {n}: proposal {pid} is also on row "
                                                                   f"{seen_ids[pid]}"))
            continue
        seen_ids[pid] = n
        title = html_to_text(_cell(rec, f"title/{LOCALE}"))
        target = by_decidim.get(pid)
        if target is None:
            candidates = [r for r in by_title.get(_fold(title), []) if not r.decidim_id]
            if len(candidates) != 1:
                why = "matches no approved recommendation" if not candidates else "matches several recommendations"
                problems.append(RowProblem(n, "decidim_unknown_id",
                                           f"row {n}: proposal {pid} “{title[:60]}” {why}"))
                continue
            target = candidates[0]
        if target.id in taken:
            problems.append(RowProblem(n, "decidim_same_recommendation",
                                       f"row {n}: proposal {pid} and row {taken[target.id]} are the same "
                                       f"recommendation ({target.code})"))
            continue
        taken[target.id] = n
        token = _cell(rec, "state").lower()
        if token not in tokens and token not in NO_ANSWER_TOKENS:
            problems.append(RowProblem(n, "decidim_unknown_state",
                                       f"row {n}: state {token!r} is not one the app knows "
                                       f"({', '.join(sorted(set(tokens) | {'not_answered', 'withdrawn'}))})"))
            continue
        notes: list[str] = []
        published = "state_published_at" not in rec or bool(_cell(rec, "state_published_at"))
        if token and token not in NO_ANSWER_TOKENS and not published:
            notes.append("state not yet published on Milano Partecipa: not taken")
            token = ""
        raw_answer = _cell(rec, f"answer/{LOCALE}")
        if not raw_answer and _cell(rec, f"answer/{OTHER_LOCALE}"):
            notes.append(f"answer only in {OTHER_LOCALE}: not taken")
        if looks_like_html(raw_answer):
            notes.append("answer converted from HTML to plain text")
        answer = html_to_text(raw_answer) or None
        values: dict[str, Any] = {"decidim_id": pid, "decidim_state": token or None,
                                  "decidim_answer": answer if published else None}
        kind = tokens.get(token)
        if kind and not target.answer_kind:
            answered = _cell(rec, "answered_at")[:10] or _cell(rec, "state_published_at")[:10]
            values.update(answer_kind=kind, answer_text=answer or ANSWER_IT[kind],
                          answer_on=answered if re.fullmatch(r"\d{4}-\d{2}-\d{2}", answered) else
                          (today or date.today()).isoformat())
            if target.sent_on and values["answer_on"] < target.sent_on:
                values["answer_on"] = target.sent_on
        elif kind and target.answer_kind and kind != target.answer_kind:
            notes.append(f"published state {token} differs from the answer recorded here "
                         f"({target.answer_kind}): the app's answer is kept")
        try:
            values = check_fields(values)
        except FollowupError as exc:  # e.g. an answer longer than any the app keeps
            problems.append(RowProblem(n, exc.code, f"row {n}: {exc}"))
            continue
        before = {k: getattr(target, k) for k in values}
        changes.append(Change(n, target.id, target.code, target.title, pid, values, before, notes))
    if len(spaces) > 1:
        listed = "; ".join(f"space {s} on rows {', '.join(map(str, rows[:5]))}" for s, rows in spaces.items())
        problems.append(RowProblem(None, "decidim_mixed_spaces",
                                   f"the file mixes participatory spaces ({listed})"))
    space = next(iter(spaces), None)
    if space and known_space and space != str(known_space):
        problems.append(RowProblem(None, "decidim_other_space",
                                   f"the file comes from participatory space {space}, this assembly publishes in "
                                   f"space {known_space}"))
    problems.sort(key=lambda p: (p.row is not None, p.row or 0))
    return ImportPlan(changes, problems, space or known_space, len(records))


def apply_import(store: Store, plan: ImportPlan, *, record: Edit | None = None) -> int:
    """Write a plan without problems (one transaction); the number of recommendations changed."""
    if not plan.ok:
        raise ValueError("a plan with problems is never applied")
    count = 0
    with store.transaction():
        if plan.space_id and store.setting(SPACE_SETTING) is None:
            put_row(store, "settings", SPACE_SETTING, {"value": json.dumps(str(plan.space_id))}, record)
        for c in plan.changes:
            if write_fields(store, c.rec_id, c.values, record):
                count += 1
    return count


__all__ = ["ImportPlan", "Change", "RowProblem", "plan_import", "apply_import", "proposal_rows", "answer_rows",
           "state_map", "followup_id"]
