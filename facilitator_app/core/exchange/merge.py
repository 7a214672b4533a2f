"""Merging changes from other laptops into this assembly file.

Every write is logged in `changes` (hlc, device, table, row, changed fields).
A merge appends the changes it has not seen yet (deduplicated by
(hlc, table, row)) with their original stamp and device, so they can be
forwarded, and rebuilds every row they touch from *all* the changes known for
it. A row's content is therefore a function of the set of changes, whatever
their order of arrival: importing A then B gives the same rows as B then A,
and importing a package twice changes nothing.

Per field, the versions nobody has built on yet are the *heads*. Each change
carries its causal predecessors per field (`pred`: {field: [hlc, ...]}, the
heads its laptop knew when the edit was made); for changes made in this file
they are computed from the log order. Among the heads:

* by default the last writer wins: highest hybrid-logical-clock stamp (the
  stamp embeds the device id, so ties cannot happen and the order is total);
* `created_at`: the earliest;
* `attendance.checked_in_at`: the earliest check-in among concurrent ones
  (two entrance laptops that both checked a person in keep the first
  arrival; it is one row, as its id is derived from session and person),
  and `late` goes with the check-in kept;
* `attendance.checked_out_at`: the latest check-out among concurrent ones.

A later edit made after seeing the merged value supersedes every head, so a
correction always wins. Deletions are tombstones (`deleted` is a field like
any other). Fields are independent: one laptop editing a note's text and
another moving it to a cluster both stay.

Nothing is lost: when a text field was changed concurrently, each version that
lost (a change with a later, different, concurrent one) gets a row in
`conflicts` (id derived from the row, field and losing stamp; `kept_value` is
the first version that beat it). Conflict rows are *derived* on every laptop
from the same changes, so they are not logged; only what people do with them
(`resolved`, a tombstone) travels as ordinary changes.

A row whose changes cannot be materialised yet (its creation or a row it
points to has not arrived, e.g. an incremental package imported before the
earlier one) stays in the log and is listed as pending in `local_meta`; every
later merge retries it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from facilitator_app.core.exchange.changelog import (
    Change,
    as_text,
    conflict_id,
    ensure_preds,
    fill_own_preds,
    load_history,
    lost_versions,
    resolve,
    save_preds,
    stamp_time,
    temp_rows,
)
from facilitator_app.core.privacy.erasure import Erasures, known_erasures, rewrite_log
from facilitator_app.core.store.schema import SYNCED_TABLES
from facilitator_app.core.store.store import Store, decode_value

__all__ = ["Change", "MergeError", "MergeResult", "TableCounts", "ensure_preds", "merge", "stamp_time"]

PENDING_KEY = "exchange.pending"
# Never carried in a change's data: the merge sets them.
ROW_STAMPS = ("id", "updated_at", "device_id", "hlc")
# TEXT columns that hold codes or references, not prose: no conflict record.
CODE_FIELDS = {
    "status", "date", "birth_date", "term_start", "term_end", "gender", "citizenship", "country",
    "education", "role", "target_type", "mime", "color", "key", "code", "badge_code", "external_id",
    "ambito", "rooms", "value_type",
}
NO_CONFLICT_TABLES = {"conflicts", "devices"}


class MergeError(ValueError):
    """The changes cannot be merged into this file (nothing was written)."""


@dataclass
class TableCounts:
    new: int = 0
    updated: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"new": self.new, "updated": self.updated}


@dataclass
class MergeResult:
    """What a merge did, overall and per source (index in the list of change lists given)."""

    received: list[int] = field(default_factory=list)       # changes per source
    new_changes: list[int] = field(default_factory=list)    # not seen before, per source
    by_origin: list[dict[str, int]] = field(default_factory=list)  # device id -> new changes, per source
    tables: list[dict[str, TableCounts]] = field(default_factory=list)
    conflicts: list[int] = field(default_factory=list)
    total_tables: dict[str, TableCounts] = field(default_factory=dict)
    total_conflicts: int = 0
    pending: int = 0
    erasures_applied: int = 0          # erasures received and applied to this file's log


# -- schema facts ------------------------------------------------------------------
@dataclass
class _Table:
    columns: list[str]
    required: set[str]        # NOT NULL without default, excluding the stamps the merge sets
    text: set[str]            # prose fields: concurrent edits leave a conflict record
    parents: set[str]         # tables this one points to


def _tables(store: Store) -> dict[str, _Table]:
    info: dict[str, _Table] = {}
    for t in SYNCED_TABLES:
        cols = store.conn.execute(f"PRAGMA table_info([{t}])").fetchall()
        names = [c[1] for c in cols]
        required = {c[1] for c in cols if c[3] and c[4] is None and c[1] not in ROW_STAMPS}
        text = set()
        if t not in NO_CONFLICT_TABLES:
            text = {c[1] for c in cols if (c[2] or "").upper() == "TEXT" and c[1] not in ROW_STAMPS
                    and c[1] != "created_at" and not c[1].endswith(("_id", "_at")) and c[1] not in CODE_FIELDS}
        parents = {r[2] for r in store.conn.execute(f"PRAGMA foreign_key_list([{t}])")}
        info[t] = _Table(names, required, text, parents)
    return info


def validate_changes(store: Store, changes: list[Change], tables: dict[str, _Table] | None = None) -> None:
    """Every table and field must exist here; otherwise the package is from a newer version."""
    tables = tables or _tables(store)
    for c in changes:
        t = tables.get(c.tbl)
        if t is None:
            raise MergeError(f"unknown table {c.tbl!r}: the package was made by a newer version of the app")
        unknown = set(c.data) - set(t.columns) or set(c.data) & set(ROW_STAMPS)
        if unknown:
            raise MergeError(f"unknown field {sorted(unknown)[0]!r} in {c.tbl}: the package was made by a "
                             f"newer version of the app")


# -- the merge -------------------------------------------------------------------------
def _same(current: Any, value: Any) -> bool:
    return current == value and (current is None) == (value is None)


def _union(a: Change, b: Change) -> Change:
    extra = {f: v for f, v in b.data.items() if f not in a.data}
    pred = {**(a.pred or {}), **{f: hs for f, hs in (b.pred or {}).items() if f in extra}}
    return Change(a.hlc, a.device, a.tbl, a.row, {**a.data, **extra}, pred, partial=a.partial and b.partial)


class _Merge:
    def __init__(self, store: Store, sources: list[list[Change]]):
        self.store, self.conn = store, store.conn
        self.sources = sources
        self.tables = _tables(store)
        self.children: dict[str, set[str]] = defaultdict(set)
        for t, info in self.tables.items():
            for p in info.parents:
                self.children[p].add(t)
        self.result = MergeResult()
        self.status: dict[tuple[str, str], str] = {}     # row -> "new" | "updated"
        self.new_conflicts: set[str] = set()
        self.inserts: dict[tuple[str, tuple[str, ...]], list[tuple]] = defaultdict(list)
        self.updates: dict[tuple[str, tuple[str, ...]], list[tuple]] = defaultdict(list)

    # -- steps ------------------------------------------------------------------------
    def run(self) -> MergeResult:
        incoming: dict[tuple[str, str, str], Change] = {}
        origin: dict[tuple[str, str, str], int] = {}
        for i, src in enumerate(self.sources):
            self.result.received.append(len(src))
            for c in src:
                prev = incoming.get(c.key)
                if prev is None:
                    incoming[c.key], origin[c.key] = c, i
                elif prev.partial:  # two copies of one change: the union of their fields
                    incoming[c.key] = _union(prev, c)
        validate_changes(self.store, list(incoming.values()), self.tables)
        erasures, arriving = self._erasures(incoming)
        with self.store.transaction():
            self.conn.execute("PRAGMA defer_foreign_keys = ON")
            known = self._known(list(incoming))
            widened = self._widen(incoming, known)
            new = sorted((c for k, c in incoming.items() if k not in known), key=lambda c: c.hlc)
            rows_of: list[set[tuple[str, str]]] = [set() for _ in self.sources]
            self.result.new_changes = [0] * len(self.sources)
            self.result.by_origin = [defaultdict(int) for _ in self.sources]
            for c in new:
                i = origin[c.key]
                self.result.new_changes[i] += 1
                self.result.by_origin[i][c.device] += 1
                rows_of[i].add((c.tbl, c.row))
            for key in widened:
                rows_of[origin[key]].add(key[1:])
            fresh = [c for c in new if c.tbl == "erasures"]
            if fresh:   # what this laptop held before the erasure goes from its own log too
                rewrite_log(self.store, erasures)
                self.result.erasures_applied = len(fresh)
            pending = self._pending()
            touched = {(c.tbl, c.row) for c in new} | pending | {k[1:] for k in widened}
            if touched:
                self._apply(new, touched, pending)
            self._summarise(rows_of)
        return self.result

    def _erasures(self, incoming: dict[tuple[str, str, str], Change]) -> tuple[Erasures, int]:
        """Strip from the incoming changes what an erasure (known here or arriving) removed: a package
        made before an erasure, however often it arrives, cannot bring the data back."""
        erasures = known_erasures(self.store)
        arriving = 0
        for c in incoming.values():
            if c.tbl == "erasures" and "targets" in c.data and "before_hlc" in c.data:
                erasures.add(c.data)
                arriving += 1
        if not erasures:
            return erasures, arriving
        for key, c in list(incoming.items()):
            data = erasures.strip(c.tbl, c.row, c.hlc, c.data)
            if data is None:
                del incoming[key]
            elif data is not c.data:
                incoming[key] = Change(c.hlc, c.device, c.tbl, c.row, data,
                                       {f: hs for f, hs in (c.pred or {}).items() if f in data}, partial=True)
        return erasures, arriving

    def _known(self, keys: list[tuple[str, str, str]]) -> dict[tuple[str, str, str], tuple | None]:
        """Keys already in the log -> None, or (seq, data, pred) when the copy here is partial."""
        if not keys:
            return {}
        temp_rows(self.store, "_x_keys", "hlc TEXT, tbl TEXT, row_id TEXT", keys)
        return {(h, t, r): (seq, data, pred) if partial else None for h, t, r, seq, partial, data, pred in
                self.conn.execute(
                    "SELECT k.hlc, k.tbl, k.row_id, c.seq, c.partial, CASE WHEN c.partial THEN c.data END, "
                    "CASE WHEN c.partial THEN c.pred END FROM _x_keys k CROSS JOIN changes c "
                    "ON c.hlc = k.hlc AND c.tbl = k.tbl AND c.row_id = k.row_id")}

    def _widen(self, incoming: dict[tuple[str, str, str], Change],
               known: dict[tuple[str, str, str], tuple | None]) -> set[tuple[str, str, str]]:
        """A change known here only in part (a prepared laptop's copy) takes the fields another copy
        of the same change brings: copies of one edit are subsets of it, so their union converges."""
        widened: set[tuple[str, str, str]] = set()
        updates = []
        for key, stored in known.items():
            if stored is None:
                continue
            seq, data, pred = stored
            c = incoming[key]
            have = json.loads(data)
            extra = {f: v for f, v in c.data.items() if f not in have}
            if not extra and c.partial:
                continue
            preds = json.loads(pred or "{}")
            preds.update({f: hs for f, hs in (c.pred or {}).items() if f in extra})
            updates.append((json.dumps({**have, **extra}), json.dumps(preds, separators=(",", ":")),
                            int(c.partial), seq))
            if extra:
                widened.add(key)
        if updates:
            self.conn.executemany("UPDATE changes SET data = ?, pred = ?, partial = ? WHERE seq = ?", updates)
        return widened

    def _pending(self) -> set[tuple[str, str]]:
        raw = self.store.local(PENDING_KEY)
        return {tuple(k) for k in json.loads(raw)} if raw else set()

    def _apply(self, new: list[Change], touched: set[tuple[str, str]], pending: set[tuple[str, str]]) -> None:
        history = load_history(self.store, touched)
        computed: list[Change] = []
        for hist in history.values():
            computed.extend(fill_own_preds(hist))
        save_preds(self.store, computed)
        dumps = json.dumps
        self.conn.executemany(
            "INSERT INTO changes (hlc, device_id, tbl, row_id, data, pred, partial) VALUES (?,?,?,?,?,?,?)",
            [(c.hlc, c.device, c.tbl, c.row, dumps(c.data),
              dumps(c.pred, separators=(",", ":")) if c.pred else "{}", int(c.partial)) for c in new])
        for c in new:
            c.pred = c.pred or {}
            history[(c.tbl, c.row)].append(c)
        if new:
            self.store.clock.observe(new[-1].hlc)

        current = self._current(touched)
        still_pending: set[tuple[str, str]] = set()
        derived_for: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
        for key, hist in history.items():
            tbl, row = key
            if not hist:
                continue
            if len(hist) == 1:  # the common case: a row seen once (fast path, same result)
                values, by_field, last = hist[0].data, {}, hist[0]
            else:
                values, by_field, last = resolve(tbl, hist)
            cur = current[tbl].get(row)
            if tbl == "conflicts" and not self._complete(tbl, values):
                continue  # what people did to a derived conflict row: overlaid below
            if not self._write_row(tbl, row, values, last, cur):
                still_pending.add(key)
                continue
            fields = [f for f in self.tables[tbl].text if len(by_field.get(f, ())) > 1]
            if fields:
                derived_for[key] = {f: self._conflicts(tbl, row, f, by_field[f]) for f in fields}
        self._flush()
        still_pending |= self._conflict_rows(derived_for, history, current)
        still_pending |= self._check_references({t for t, _ in touched})
        if still_pending != pending:
            self.store.set_local(PENDING_KEY, json.dumps(sorted(still_pending)))
        self.result.pending = len(still_pending)

    def _current(self, keys: set[tuple[str, str]]) -> dict[str, dict[str, dict[str, Any]]]:
        out: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        by_table: dict[str, list[tuple[str]]] = defaultdict(list)
        for t, r in keys:
            by_table[t].append((r,))
        for t, ids in by_table.items():
            temp_rows(self.store, "_x_ids", "id TEXT", ids)
            cur = self.conn.execute(f"SELECT x.* FROM _x_ids i CROSS JOIN [{t}] x ON x.id = i.id")
            names = [d[0] for d in cur.description]
            out[t] = {r[0]: dict(zip(names, r)) for r in cur}
        return out

    def _complete(self, tbl: str, values: dict[str, Any]) -> bool:
        return all(values.get(c) is not None for c in self.tables[tbl].required)

    def _write_row(self, tbl: str, row: str, values: dict[str, Any], last: Change,
                   cur: dict[str, Any] | None) -> bool:
        """Queue the insert or update; False if the row cannot exist yet."""
        if cur is None:
            if not self._complete(tbl, values):
                return False
            cols = tuple(values)
            self.inserts[(tbl, cols)].append(
                (row, stamp_time(last.hlc), last.device, last.hlc, *(decode_value(values[c]) for c in cols)))
            self.status[(tbl, row)] = "new"
            return True
        diff = {f: decode_value(v) for f, v in values.items() if not _same(cur.get(f), decode_value(v))}
        hlc, device = max((cur["hlc"], cur["device_id"]), (last.hlc, last.device))
        if diff or hlc != cur["hlc"]:
            cols = tuple(diff)
            self.updates[(tbl, cols)].append((*diff.values(), stamp_time(hlc), device, hlc, row))
            if diff:
                self.status[(tbl, row)] = "updated"
            else:
                self.store.note_change(tbl, row)
        return True

    def _flush(self) -> None:
        for (tbl, cols), params in self.inserts.items():
            names = ["id", "updated_at", "device_id", "hlc", *cols]
            self.conn.executemany(f"INSERT INTO [{tbl}] ({', '.join(f'[{c}]' for c in names)}) "
                                  f"VALUES ({', '.join('?' * len(names))})", params)
        for (tbl, cols), params in self.updates.items():
            sets = "".join(f"[{c}] = ?, " for c in cols)
            self.conn.executemany(f"UPDATE [{tbl}] SET {sets}updated_at = ?, device_id = ?, hlc = ? WHERE id = ?",
                                  params)
        self.inserts.clear()
        self.updates.clear()

    # -- conflicts ------------------------------------------------------------------------
    def _conflicts(self, tbl: str, row: str, f: str, cs: list[Change]) -> dict[str, dict[str, Any]]:
        out = {}
        for lost, kept in lost_versions(f, cs):
            out[conflict_id(tbl, row, f, lost.hlc)] = {
                "created_at": stamp_time(lost.hlc), "deleted": 0, "tbl": tbl, "row_id": row, "field": f,
                "kept_value": as_text(kept.data[f]), "lost_value": as_text(lost.data[f]),
                "lost_hlc": lost.hlc, "lost_device_id": lost.device, "resolved": 0}
        return out

    def _conflict_rows(self, derived_for: dict[tuple[str, str], dict[str, dict[str, dict[str, Any]]]],
                       history: dict[tuple[str, str], list[Change]],
                       current: dict[str, dict[str, dict[str, Any]]]) -> set[tuple[str, str]]:
        """Write the derived conflict rows with what people did to them (logged changes) on top."""
        existing: dict[str, dict[str, Any]] = dict(current.get("conflicts", {}))
        if derived_for:
            temp_rows(self.store, "_x_rows", "tbl TEXT, row_id TEXT", list(derived_for))
            cur = self.conn.execute("SELECT c.* FROM _x_rows t CROSS JOIN conflicts c "
                                    "ON c.tbl = t.tbl AND c.row_id = t.row_id")
            names = [d[0] for d in cur.description]
            for r in cur:
                existing[r[0]] = dict(zip(names, r))
        desired: dict[str, dict[str, Any]] = {}
        for per_field in derived_for.values():
            for rows in per_field.values():
                desired.update(rows)
        obsolete = [cid for cid, r in existing.items()
                    if (r["tbl"], r["row_id"]) in derived_for and r["field"] in derived_for[(r["tbl"], r["row_id"])]
                    and cid not in desired and not self._self_made(history.get(("conflicts", cid)))]
        wanted = {("conflicts", cid) for cid in desired} - set(history)
        logged = {**load_history(self.store, wanted), **{k: v for k, v in history.items() if k[0] == "conflicts"}}
        pending: set[tuple[str, str]] = set()
        for cid in obsolete:
            self.conn.execute("DELETE FROM conflicts WHERE id = ?", (cid,))
            self.store.note_change("conflicts", cid)
        for (_, cid), hist in logged.items():
            base = desired.get(cid) or existing.get(cid)
            if base is None or cid in obsolete or self._self_made(hist):
                if base is None and hist and not self._self_made(hist):
                    pending.add(("conflicts", cid))
                continue
            values = dict(desired.get(cid) or {})
            last = Change(base["lost_hlc"], base["lost_device_id"], "conflicts", cid, {})
            if hist:
                overlay, _, newest = resolve("conflicts", hist)
                values.update(overlay)
                last = max(last, newest, key=lambda c: c.hlc)
            if cid in existing:
                self._write_row("conflicts", cid, values, last, existing[cid])
            else:
                self._write_row("conflicts", cid, values, last, None)
                self.new_conflicts.add(cid)
        self._flush()
        return pending

    def _self_made(self, hist: list[Change] | None) -> bool:
        """A conflicts row created by an ordinary insert (not derived): merged like any row."""
        return bool(hist) and self._complete("conflicts", resolve("conflicts", hist)[0])

    # -- references -----------------------------------------------------------------------
    def _check_references(self, tables: set[str]) -> set[tuple[str, str]]:
        """Rows pointing to rows that have not arrived wait (removed here, kept in the log)."""
        pending: set[tuple[str, str]] = set()
        check = {t for t in tables if self.tables[t].parents}
        while check:
            bad = []
            for t in sorted(check):
                bad.extend(self.conn.execute(f"PRAGMA foreign_key_check([{t}])").fetchall())
            check = set()
            for t, rowid, _parent, _fk in bad:
                row_id = self.store.scalar(f"SELECT id FROM [{t}] WHERE rowid = ?", (rowid,))
                if row_id is None:
                    continue
                self.conn.execute(f"DELETE FROM [{t}] WHERE rowid = ?", (rowid,))
                pending.add((t, row_id))
                self.status.pop((t, row_id), None)
                self.store.note_change(t, row_id)
                check |= self.children.get(t, set())
        return pending

    # -- summary --------------------------------------------------------------------------
    def _summarise(self, rows_of: list[set[tuple[str, str]]]) -> None:
        totals: dict[str, TableCounts] = defaultdict(TableCounts)
        for (t, row), st in self.status.items():
            self.store.note_change(t, row)
            if t == "conflicts":
                continue
            setattr(totals[t], st, getattr(totals[t], st) + 1)
        self.result.total_tables = dict(totals)
        conflict_rows = defaultdict(int)
        for cid in self.new_conflicts:
            if self.status.get(("conflicts", cid)) == "new":
                r = self.store.get("conflicts", cid, include_deleted=True)
                conflict_rows[(r["tbl"], r["row_id"])] += 1
        self.result.total_conflicts = sum(conflict_rows.values())
        for rows in rows_of:
            counts: dict[str, TableCounts] = defaultdict(TableCounts)
            for key in rows:
                st = self.status.get(key)
                if st and key[0] != "conflicts":
                    setattr(counts[key[0]], st, getattr(counts[key[0]], st) + 1)
            self.result.tables.append(dict(counts))
            self.result.conflicts.append(sum(n for k, n in conflict_rows.items() if k in rows))
        self.result.by_origin = [dict(d) for d in self.result.by_origin]


def merge(store: Store, sources: list[list[Change]]) -> MergeResult:
    """Merge lists of changes (one per package) in one transaction; see the module docstring."""
    return _Merge(store, sources).run()
