"""Draws recorded in the assembly file: run, verify, replace, confirm into members.

A run stores everything needed to redo it: the inputs (each respondent's id
and quota answers, the members who stayed), their SHA-256 digest, the
quotas, the method and versions, the lottery (panels and chances), the seed
with how it was obtained, the date and the witnesses, and the panel drawn.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from facilitator_app.core import snapshots
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.selection import library
from facilitator_app.core.selection.engine import ALGORITHM_VERSION, Selection, inputs_digest, select
from facilitator_app.core.selection.lottery import Lottery, clean_seed, compute, draw
from facilitator_app.core.selection.model import FIELD_NAMES, Quotas, Respondent, SelectionError, shifted
from facilitator_app.core.selection.records import (
    DRAWABLE, current_quotas, list_pool, member_as_respondent, members_in_office, respondent_features,
    term_for, to_engine,
)
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Store


@dataclass
class RunResult:
    run_id: str
    selection: Selection
    edit: Edit


def _inputs_json(pool: list[Respondent], fixed: list[Respondent], fields) -> str:
    """The published inputs: each person's code and quota answers only (the pool's other columns stay out)."""
    def answers(r: Respondent) -> dict:
        return {f: r.features.get(f) for f in fields}
    return json.dumps({"pool": [[r.id, answers(r)] for r in sorted(pool, key=lambda r: r.id)],
                       "fixed": [[r.id, answers(r)] for r in sorted(fixed, key=lambda r: r.id)]},
                      ensure_ascii=False, sort_keys=True)


def _record(store: Store, sel: Selection, kind: str, pool: list[Respondent], fixed: list[Respondent],
            seed_source: str | None, witnesses: str | None, start: date, record: Edit,
            replaced: str | None = None) -> str:
    from facilitator_app.core.selection.announce import seed_source_for, stamp_run

    seed_source, announcement = seed_source_for(store, seed_source)
    term_start, term_end = term_for(start)
    values = {
        "kind": kind, "method": sel.method, "method_text": sel.method_text,
        "algorithm_version": ALGORITHM_VERSION,
        "library_version": f"sortition-algorithms {library.library_version()}; highspy {library.highs_version()}",
        "panel": sel.quotas.panel, "inputs_digest": sel.digest, "inputs": _inputs_json(pool, fixed, sel.quotas.fields),
        "quotas": json.dumps(sel.quotas.to_json()), "lottery": json.dumps(sel.lottery.to_json()),
        "seed": sel.seed, "seed_source": seed_source, "witnesses": witnesses,
        "drawn_at": start.isoformat(), "selected": json.dumps(sel.selected), "fixed": json.dumps(sel.fixed),
        "replaced_member_id": replaced, "term_start": term_start, "term_end": term_end,
    }
    run_id = snapshots.insert(store, "selection_runs", values, record)
    stamp_run(store, run_id, announcement, record)
    chosen = set(sel.selected)
    for r in pool:
        status = "selected" if r.id in chosen else "reserve"
        snapshots.update(store, "respondents", r.id, {"status": status, "run_id": run_id if r.id in chosen else None},
                         record)
    return run_id


@dataclass
class Prepared:
    """What a draw reads from the file, so the computation can run away from the store (a worker thread)."""

    kind: str
    panel: int
    seed: str
    method: str
    on: date
    quotas: Quotas
    pool: list[Respondent]
    fixed: list[Respondent]

    def compute(self) -> Selection:
        return select(self.pool, self.quotas, self.method, self.seed, fixed=self.fixed)


def prepare_run(store: Store, panel: int, seed: str, method: str = "leximin", *, rotation: bool = False,
                on: date | None = None) -> Prepared:
    seed = clean_seed(seed)
    on = on or date.today()
    q = current_quotas(store, panel)
    fixed = continuing_members(store, on) if rotation else []
    pool = to_engine(list_pool(store, DRAWABLE))
    if not pool:
        raise SelectionError("the pool is empty: import the respondents first", code="empty_pool")
    return Prepared("rotation" if rotation else "first", panel, seed, method, on, q, pool, fixed)


def record_run(store: Store, prep: Prepared, sel: Selection, *, seed_source: str | None = None,
               witnesses: str | None = None) -> RunResult:
    """Record a computed draw, if the pool and quotas are still those it was computed from."""
    again = prepare_run(store, prep.panel, prep.seed, prep.method, rotation=prep.kind == "rotation", on=prep.on)
    if inputs_digest(again.pool, again.quotas, again.fixed, prep.method) != sel.digest:
        raise SelectionError("the pool, the quotas or the members in office changed while the draw was computed; "
                             "nothing was recorded: draw again", code="inputs_changed")
    edit = Edit()
    with store.transaction():
        run_id = _record(store, sel, prep.kind, prep.pool, prep.fixed, seed_source, witnesses, prep.on, edit)
    return RunResult(run_id, sel, edit)


def run_selection(store: Store, panel: int, seed: str, method: str = "leximin", *, rotation: bool = False,
                  seed_source: str | None = None, witnesses: str | None = None, on: date | None = None) -> RunResult:
    """Draw a panel (or, with rotation, the newcomers given the members who continue) and record it."""
    from facilitator_app.core.selection.announce import seed_source_for

    seed_source_for(store, seed_source)  # a source other than the one announced: refused before computing
    prep = prepare_run(store, panel, seed, method, rotation=rotation, on=on)
    return record_run(store, prep, prep.compute(), seed_source=seed_source, witnesses=witnesses)


def continuing_members(store: Store, on: date | None = None, vocab: Vocabularies | None = None) -> list[Respondent]:
    """At a rotation, the members in office who stay: all but the cohort whose term ends first."""
    vocab = vocab or Vocabularies.load(store)
    office = members_in_office(store, on)
    if not office:
        raise SelectionError("no members are in office: a rotation needs the members who continue",
                             code="no_members_in_office")
    ends = sorted({m["term_end"] for m in office if m.get("term_end")})
    outgoing = ends[0] if ends else None
    fixed = [member_as_respondent(store, m, vocab, on) for m in office
             if outgoing is None or (m.get("term_end") or "9999") > outgoing]
    if len(fixed) == len(office):
        raise SelectionError("every member in office continues: nobody's term ends first, so nobody rotates",
                             code="nobody_rotates")
    return fixed


def replace_member(store: Store, member_id: str, seed: str, *, method: str = "leximin",
                   seed_source: str | None = None, witnesses: str | None = None,
                   on: date | None = None) -> RunResult:
    """The member leaves (withdrawn); one replacement is drawn from the reserve so the group stays within quotas."""
    from facilitator_app.core.selection.announce import seed_source_for

    seed = clean_seed(seed)
    seed_source_for(store, seed_source)
    on = on or date.today()
    member = store.get("members", member_id)
    if member is None:
        raise SelectionError(f"no member with id {member_id}", code="no_member", id=member_id)
    office = members_in_office(store, on)
    if member_id not in {m["id"] for m in office}:
        raise SelectionError(f"{member['surname']} {member['first_name']} is not in office",
                             code="replace_not_in_office", id=member_id)
    vocab = Vocabularies.load(store)
    q = current_quotas(store, None)
    if q.panel != len(office):
        q = current_quotas(store, q.panel)
    fixed = [member_as_respondent(store, m, vocab, on) for m in office if m["id"] != member_id]
    q = Quotas(len(fixed) + 1, q.fields) if q.panel != len(fixed) + 1 else q
    pool = to_engine(list_pool(store, ("reserve",)))
    if not pool:
        raise SelectionError("the reserve is empty: nobody can replace this member", code="empty_reserve")
    sel = select(pool, q, method, seed, fixed=fixed)
    edit = Edit()
    with store.transaction():
        snapshots.update(store, "members", member_id, {"status": "withdrawn", "term_end": on.isoformat()}, edit)
        for r in store.select("respondents", "member_id = ?", (member_id,)):
            snapshots.update(store, "respondents", r["id"], {"status": "withdrawn"}, edit)
        run_id = _record(store, sel, "replacement", pool, fixed, seed_source, witnesses, on, edit, member_id)
        # The replacement serves the rest of the leaving member's term.
        if member.get("term_end"):
            snapshots.update(store, "selection_runs", run_id, {"term_end": member["term_end"]}, edit)
    return RunResult(run_id, sel, edit)


def confirm(store: Store, respondent_ids: list[str], *, record: Edit | None = None) -> list[str]:
    """Selected respondents who accepted become members: cohort of their draw, six-month term."""
    created = []
    with store.transaction():
        for rid in respondent_ids:
            r = store.get("respondents", rid)
            if r is None:
                raise SelectionError(f"no respondent with id {rid}", code="no_respondent", id=rid)
            if r["status"] != "selected" or not r.get("run_id"):
                raise SelectionError(f"respondent {r.get('external_id') or rid} was not selected in a draw",
                                     code="not_selected", id=rid)
            run = store.get("selection_runs", r["run_id"])
            cohort_id = run.get("cohort_id")
            if not cohort_id:
                n = store.scalar("SELECT count(*) FROM cohorts WHERE deleted = 0") + 1
                cohort_id = snapshots.insert(store, "cohorts", {"name": f"Coorte {n} ({run['drawn_at']})",
                                                                "term_start": run["term_start"],
                                                                "term_end": run["term_end"]}, record)
                snapshots.update(store, "selection_runs", run["id"], {"cohort_id": cohort_id}, record)
            from facilitator_app.core.members.members import new_badge_code, taken_badges

            values = {k: r.get(k) for k in ("external_id", "email", "phone", "gender", "birth_date", "education",
                                             "citizenship", "country", "municipio", "accessibility_notes")}
            values.update(surname=r.get("surname") or "", first_name=r.get("first_name") or "",
                          cohort_id=cohort_id, term_start=run["term_start"], term_end=run["term_end"],
                          status="active", badge_code=new_badge_code(taken_badges(store)))
            mid = snapshots.insert(store, "members", values, record)
            snapshots.update(store, "respondents", rid, {"status": "confirmed", "member_id": mid}, record)
            created.append(mid)
    return created


def apply_term_ends(store: Store, on: date | None = None, *, record: Edit | None = None) -> list[str]:
    """Members whose term ended before `on` become former members (the end of term applied on its date)."""
    on_s = (on or date.today()).isoformat()
    with store.transaction():
        ended = store.select("members", "status = 'active' AND term_end IS NOT NULL AND term_end < ?", (on_s,))
        for m in ended:
            snapshots.update(store, "members", m["id"], {"status": "former"}, record)
    return [m["id"] for m in ended]


def latest_run(store: Store) -> dict[str, Any] | None:
    rows = store.select("selection_runs", order_by="created_at DESC, hlc DESC")
    return rows[0] if rows else None


@dataclass
class Verification:
    same: bool
    lines: list[str] = field(default_factory=list)


def verify(store: Store, run_id: str | None = None, seed: str | None = None) -> Verification:
    """Redo a recorded draw from its published inputs and seed; say exactly what differs."""
    run = store.get("selection_runs", run_id) if run_id else latest_run(store)
    if run is None:
        raise SelectionError("no draw has been recorded yet", code="no_run")
    lines, same = [], True
    if seed is not None and clean_seed(seed) != run["seed"]:
        same = False
        lines.append(f"the seed given ({clean_seed(seed)!r}) is not the seed recorded for the draw ({run['seed']!r})")
    if run.get("announcement"):
        ann = json.loads(run["announcement"])
        lines.append(f"the seed's source was announced on {ann['announced_at'][:10]}, before the draw: "
                     f"{ann['source']}")
    inputs = json.loads(run["inputs"])
    pool = [Respondent(rid, feats) for rid, feats in inputs["pool"]]
    fixed = [Respondent(rid, feats) for rid, feats in inputs["fixed"]]
    q = Quotas.from_json(json.loads(run["quotas"]))
    if inputs_digest(pool, q, fixed, run["method"]) != run["inputs_digest"]:
        same = False
        lines.append("the recorded inputs do not match their published digest: the record was altered")
    # The pool as it is now, against the pool the draw used.
    now = {r["id"]: r for r in store.select("respondents", include_deleted=True)}
    for r in pool:
        row = now.get(r.id)
        if row is None or row["deleted"]:
            same = False
            lines.append(f"respondent {r.id} was in the pool of the draw and has since been removed")
            continue
        feats = respondent_features(row)
        for f in q.fields:
            if str(feats.get(f)) != str(r.features.get(f)):
                same = False
                lines.append(f"respondent {row.get('external_id') or r.id}: {FIELD_NAMES.get(f, f)} was "
                             f"{r.features.get(f)!r} at the draw and is now {feats.get(f)!r} (pool edited after the draw)")
    used = {r.id for r in pool}
    added = [r for r in now.values() if r["id"] not in used and not r["deleted"] and r["created_at"] > run["created_at"]]
    if added:
        lines.append(f"{len(added)} respondents were added to the pool after the draw (not part of it)")
    # Redo the lottery and the draw.
    stored = Lottery.from_json(json.loads(run["lottery"]))
    redrawn, _, _ = draw(stored, run["seed"])
    recorded = json.loads(run["selected"])
    if redrawn != recorded:
        same = False
        lines.append("the recorded lottery and seed draw a different panel from the one recorded: "
                     + _diff(recorded, redrawn))
    sq, _ = shifted(q, fixed)
    again = compute(pool, sq, run["method"], seed=run["seed"])
    panel, _, _ = draw(again, run["seed"])
    worst = max((abs((again.chances.get(k) or 0) - (v or 0)) for k, v in stored.chances.items()), default=0.0)
    if run["method"] != "legacy" and worst > 1e-6:
        lines.append(f"recomputed chances differ from the recorded ones by up to {worst:.2g}")
    if panel != recorded:
        same = False
        lines.append("recomputing from the published inputs and seed gives a different panel: " + _diff(recorded, panel))
    if same:
        lines.insert(0, f"same panel: the published inputs (digest {run['inputs_digest'][:16]}…) and the seed "
                        f"{run['seed']!r} give the {len(recorded)} people recorded, by {run['method']}")
    return Verification(same, lines)


def _diff(recorded: list[str], other: list[str]) -> str:
    a, b = set(recorded), set(other)
    return f"recorded but not redrawn {sorted(a - b)}, redrawn but not recorded {sorted(b - a)}"
