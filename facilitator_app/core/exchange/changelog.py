"""The change log as the merge reads it: changes, their causal predecessors, and the field rules.

Each logged change can carry `pred` ({field: [hlc, ...]}): the versions of
each field its laptop knew when the edit was made (the heads). Changes that
arrive in packages carry it; for changes made in this file it is NULL until
`fill_own_preds` computes it from the log order (everything earlier in this
file's log had been seen) and `save_preds` keeps it.

`resolve` chooses each field's value among its heads (see `core/exchange/merge.py`
for the rules in words); `lost_versions` finds the versions that lost a
concurrent edit.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from facilitator_app.core.store.ids import derived_id
from facilitator_app.core.store.store import Store

# Fields whose value is chosen among concurrent heads by value, not by clock.
MIN_FIELDS = {("attendance", "checked_in_at")}
MAX_FIELDS = {("attendance", "checked_out_at")}
FOLLOWS = {("attendance", "late"): "checked_in_at"}

@dataclass
class Change:
    hlc: str
    device: str
    tbl: str
    row: str
    data: dict[str, Any]                     # field -> JSON value (bytes as {"$b64": ...})
    pred: dict[str, list[str]] | None = None  # None: made in this file, not computed yet
    seq: int | None = None
    partial: bool = False                    # some of its fields were withheld (a prepared laptop's copy)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.hlc, self.tbl, self.row)


# -- stamps --------------------------------------------------------------------------
def stamp_time(hlc: str) -> str:
    """The wall-clock part of an HLC stamp as an ISO timestamp (UTC, milliseconds)."""
    ms = int(hlc.split("-", 1)[0])
    return datetime.fromtimestamp(ms / 1000, timezone.utc).isoformat(timespec="milliseconds")


# -- the log -------------------------------------------------------------------------
def temp_rows(store: Store, name: str, cols: str, rows: list[tuple]) -> None:
    store.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} ({cols})")
    store.conn.execute(f"DELETE FROM {name}")
    if rows:
        store.conn.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(rows[0]))})", rows)


def load_history(store: Store, keys: set[tuple[str, str]]) -> dict[tuple[str, str], list[Change]]:
    """All logged changes of these rows, in log order."""
    out: dict[tuple[str, str], list[Change]] = {k: [] for k in keys}
    if not keys:
        return out
    temp_rows(store, "_x_rows", "tbl TEXT, row_id TEXT", list(keys))
    cur = store.conn.execute(
        "SELECT c.seq, c.hlc, c.device_id, c.tbl, c.row_id, c.data, c.pred FROM _x_rows t "
        "CROSS JOIN changes c ON c.tbl = t.tbl AND c.row_id = t.row_id ORDER BY c.seq")
    loads = json.loads
    for seq, hlc, device, tbl, row, data, pred in cur:
        out[(tbl, row)].append(Change(hlc, device, tbl, row, loads(data),
                                      None if pred is None else loads(pred), seq))
    return out


def fill_own_preds(history: list[Change]) -> list[Change]:
    """Give changes made in this file (pred None) the heads that preceded them in the log."""
    computed: list[Change] = []
    allpreds: dict[str, set[str]] = defaultdict(set)
    heads: dict[str, set[str]] = defaultdict(set)
    for c in history:
        if c.pred is None:
            c.pred = {f: sorted(heads[f]) for f in c.data if heads.get(f)}
            computed.append(c)
        for f in c.data:
            allpreds[f].update(c.pred.get(f, ()))
            h = heads[f]
            h.add(c.hlc)
            h.difference_update(allpreds[f])
    return computed


def save_preds(store: Store, changes: list[Change]) -> None:
    store.conn.executemany("UPDATE changes SET pred = ? WHERE seq = ?",
                           [(json.dumps(c.pred, separators=(",", ":")), c.seq) for c in changes])


def ensure_preds(store: Store) -> None:
    """Compute and keep the predecessors of every change made in this file (before exporting)."""
    # No DISTINCT: it would scan the whole log by (tbl, row_id); this reads the partial index of the
    # few changes still without predecessors (every sync step asks, over a mandate's log).
    keys = {(t, r) for t, r in store.conn.execute("SELECT tbl, row_id FROM changes WHERE pred IS NULL")}
    if not keys:
        return
    with store.transaction():
        for history in load_history(store, keys).values():
            save_preds(store, fill_own_preds(history))


# -- resolving one row ----------------------------------------------------------------
def _heads(f: str, cs: list[Change]) -> list[Change]:
    if len(cs) == 1:
        return cs
    seen: set[str] = set()
    for c in cs:
        seen.update(c.pred.get(f, ()))
    return [c for c in cs if c.hlc not in seen] or cs


def _by_value(f: str, heads: list[Change], pick: Any) -> Change:
    with_value = [c for c in heads if c.data[f] is not None]
    if not with_value:
        return max(heads, key=lambda c: c.hlc)
    return pick(with_value, key=lambda c: (str(c.data[f]), c.hlc))


def resolve(tbl: str, history: list[Change]) -> tuple[dict[str, Any], dict[str, list[Change]], Change]:
    """The row's fields from its changes; also the changes per field and the latest change."""
    by_field: dict[str, list[Change]] = defaultdict(list)
    for c in history:
        for f in c.data:
            by_field[f].append(c)
    winners: dict[str, Change] = {}
    for f, cs in by_field.items():
        if (tbl, f) in FOLLOWS:
            continue
        heads = _heads(f, cs)
        if len(heads) == 1:
            winners[f] = heads[0]
        elif (tbl, f) in MIN_FIELDS or f == "created_at":
            winners[f] = _by_value(f, heads, min)
        elif (tbl, f) in MAX_FIELDS:
            winners[f] = _by_value(f, heads, max)
        else:
            winners[f] = max(heads, key=lambda c: c.hlc)
    for (t, f), leader in FOLLOWS.items():
        if t == tbl and f in by_field:
            heads = _heads(f, by_field[f])
            lead = winners.get(leader)
            winners[f] = lead if lead in heads else max(heads, key=lambda c: c.hlc)
    values = {f: w.data[f] for f, w in winners.items()}
    return values, by_field, max(history, key=lambda c: c.hlc)


def _ancestors(f: str, c: Change, index: dict[str, Change], memo: dict[str, set[str]]) -> set[str]:
    if c.hlc in memo:
        return memo[c.hlc]
    result: set[str] = set()
    stack = list(c.pred.get(f, ()))
    while stack:
        h = stack.pop()
        if h in result:
            continue
        result.add(h)
        if h in memo:
            result |= memo[h]
        elif h in index:
            stack.extend(index[h].pred.get(f, ()))
    memo[c.hlc] = result
    return result


def lost_versions(f: str, cs: list[Change]) -> list[tuple[Change, Change]]:
    """(lost, first version that beat it): changes with a later, different, concurrent one."""
    if len(cs) < 2 or len({c.device for c in cs}) < 2 or len({json.dumps(c.data[f]) for c in cs}) < 2:
        return []
    index = {c.hlc: c for c in cs}
    memo: dict[str, set[str]] = {}
    ordered = sorted(cs, key=lambda c: c.hlc)
    out = []
    for i, lost in enumerate(ordered):
        for later in ordered[i + 1:]:
            if later.data[f] != lost.data[f] and lost.hlc not in _ancestors(f, later, index, memo):
                out.append((lost, later))
                break
    return out


def as_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def conflict_id(tbl: str, row_id: str, field_name: str, lost_hlc: str) -> str:
    return derived_id("conflict", tbl, row_id, field_name, lost_hlc)
