"""The selection in the assembly file: pool rows, quotas, runs, confirmation into members.

Each user action is one function, one transaction, and records what it
changed in an `Edit` (undo in the GUI). The engine modules never see the
store: rows become `Respondent`s here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from facilitator_app.core import snapshots
from facilitator_app.core.members.targets import load_targets
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.selection.model import (
    FIELDS, Quotas, Range, Respondent, SelectionError, quotas_from_targets,
)
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.ids import derived_id, utc_now
from facilitator_app.core.store.store import Store

STATUSES = ("invited", "available", "selected", "confirmed", "declined", "reserve", "withdrawn")
# Who can be drawn: in a first draw or a rotation, everyone available or in reserve; in a replacement, the reserve.
DRAWABLE = ("available", "reserve")
PANEL_SETTING = "selection.panel"
TERM_MONTHS = 6


# -- respondents -----------------------------------------------------------------
def respondent_features(row: dict[str, Any]) -> dict[str, str]:
    out = {f: (None if row.get(f) is None else str(row[f])) for f in FIELDS}
    if row.get("extra"):
        out.update({k: str(v) for k, v in json.loads(row["extra"]).items()})
    return out


def to_engine(rows: Iterable[dict[str, Any]]) -> list[Respondent]:
    return [Respondent(r["id"], respondent_features(r)) for r in rows]


def list_pool(store: Store, statuses: Sequence[str] | None = None) -> list[dict[str, Any]]:
    if statuses:
        marks = ",".join("?" * len(statuses))
        return store.select("respondents", f"status IN ({marks})", list(statuses),
                            order_by="coalesce(external_id, ''), surname COLLATE fold, first_name COLLATE fold, id")
    return store.select("respondents", order_by="coalesce(external_id, ''), surname COLLATE fold, "
                                                  "first_name COLLATE fold, id")


def set_status(store: Store, ids: Iterable[str], status: str, record: Edit | None = None) -> list[str]:
    if status not in STATUSES:
        raise SelectionError(f"unknown status {status!r}", code="unknown_status", status=status)
    changed = []
    with store.transaction():
        for rid in ids:
            if snapshots.update(store, "respondents", rid, {"status": status}, record):
                changed.append(rid)
    return changed


# -- members in office --------------------------------------------------------------
def members_in_office(store: Store, on: date | None = None) -> list[dict[str, Any]]:
    on_s = (on or date.today()).isoformat()
    return store.select("members", "status = 'active' AND (term_start IS NULL OR term_start <= ?) "
                        "AND (term_end IS NULL OR term_end >= ?)", (on_s, on_s),
                        order_by="surname COLLATE fold, first_name COLLATE fold")


def member_as_respondent(store: Store, member: dict[str, Any], vocab: Vocabularies,
                         on: date | None = None) -> Respondent:
    """A member's quota answers: their respondent row when they came from the pool, else the member row."""
    rows = store.select("respondents", "member_id = ?", (member["id"],))
    if rows:
        return Respondent(member["id"], respondent_features(rows[0]))
    feats = {f: (None if member.get(f) is None else str(member[f])) for f in FIELDS if f != "age_band"}
    feats["age_band"] = vocab.age_band(member.get("birth_date"), on)
    return Respondent(member["id"], feats)


# -- quotas ------------------------------------------------------------------------
def stored_quotas(store: Store) -> Quotas | None:
    panel = store.setting(PANEL_SETTING)
    rows = store.select("selection_quotas", order_by="sort_order")
    if not panel or not rows:
        return None
    q = Quotas(int(panel))
    for r in rows:
        q.fields.setdefault(r["field"], {})[r["value"]] = Range(int(r["min"]), int(r["max"]))
    return q


def quotas_for_panel(store: Store, panel: int) -> Quotas:
    """Quotas computed from the representativeness targets (settings) for a panel of `panel`,
    the five fields and the further categories (selection.categories)."""
    from facilitator_app.core.selection.categories import category_targets

    extra = category_targets(store)
    return quotas_from_targets({**load_targets(store), **extra}, panel, (*FIELDS, *extra))


def save_quotas(store: Store, q: Quotas, record: Edit | None = None) -> Quotas:
    """Store the quotas (one row per field and value) and the panel size, in one transaction."""
    with store.transaction():
        keep = set()
        order = 0
        for f, vals in q.fields.items():
            for v, r in vals.items():
                rid = derived_id("selection_quota", f, v)
                keep.add(rid)
                values = {"field": f, "value": v, "min": int(r.min), "max": int(r.max), "sort_order": order}
                order += 1
                current = store.get("selection_quotas", rid, include_deleted=True)
                if current is None:
                    store.insert("selection_quotas", values, id=rid)
                    if record is not None:
                        record.note("selection_quotas", rid, {"deleted": 1}, {"deleted": 0})
                else:
                    snapshots.update(store, "selection_quotas", rid, {**values, "deleted": 0}, record, current)
        for row in store.select("selection_quotas"):
            if row["id"] not in keep:
                snapshots.delete(store, "selection_quotas", row["id"], record)
        key = ("settings", PANEL_SETTING)
        before = store.get("settings", PANEL_SETTING, include_deleted=True)
        store.put("settings", PANEL_SETTING, {"value": json.dumps(q.panel)})
        if record is not None:
            record.note(*key, {"value": before["value"], "deleted": before["deleted"]} if before else {"deleted": 1},
                        {"value": json.dumps(q.panel), "deleted": 0})
    return q


def current_quotas(store: Store, panel: int | None = None) -> Quotas:
    """The stored quotas when they are for this panel (or no panel is asked), else from the targets."""
    q = stored_quotas(store)
    if q is not None and (panel is None or q.panel == panel):
        return q
    if panel is None:
        raise SelectionError("no quotas yet: compute them for a panel first (selection quotas --panel K)",
                             code="no_quotas")
    return quotas_for_panel(store, panel)


# -- invitations ------------------------------------------------------------------------
def save_invitation_counts(store: Store, counts: dict[str, dict[str, int]], record: Edit | None = None) -> int:
    with store.transaction():
        n = 0
        for row in store.select("invitation_counts"):
            snapshots.delete(store, "invitation_counts", row["id"], record)
        for f, vals in counts.items():
            for v, c in vals.items():
                rid = derived_id("invitation_count", f, v)
                if store.get("invitation_counts", rid, include_deleted=True) is None:
                    store.insert("invitation_counts", {"field": f, "value": str(v), "invited": int(c)}, id=rid)
                    if record is not None:
                        record.note("invitation_counts", rid, {"deleted": 1}, {"deleted": 0})
                else:
                    snapshots.update(store, "invitation_counts", rid,
                                     {"field": f, "value": str(v), "invited": int(c), "deleted": 0}, record)
                n += 1
    return n


def invitation_counts(store: Store) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for r in store.select("invitation_counts"):
        out.setdefault(r["field"], {})[r["value"]] = r["invited"]
    return out


# -- terms --------------------------------------------------------------------------------
def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    y, m = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise ValueError(d)


def term_for(start: date) -> tuple[str, str]:
    """A six-month term from `start` (its last day the day before the same date six months on)."""
    return start.isoformat(), (add_months(start, TERM_MONTHS) - timedelta(days=1)).isoformat()


def now_iso() -> str:
    return utc_now()
