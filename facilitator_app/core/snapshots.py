"""What one user action changed, so it can be undone and redone: the `Edit`.

An `Edit` holds, for each row the action touched, the row's fields before and
after: `before[(table, row id)]` and `after[(table, row id)]`, each a dict of
fields to write back, or None when the row did not exist. `undo` restores the
`before` side, `redo` the `after` side (`restore`), each in one transaction
through the normal store writes, so an undo is itself a change that travels
to other laptops like any edit.

An action records its Edit in one of two ways:
- around the writes, whole rows: `edit.watch(store, table, ids)` before
  touching rows (each row is snapshotted the first time only), `edit.created`
  for rows it inserts, `edit.close(store)` at the end (attendance, groups,
  plenaries);
- while writing, only the fields that change: the writes below (`insert`,
  `update`, `delete`) take a `record` Edit (the wall, recommendations,
  members, conflicts). A row they create is undone by its tombstone
  (`deleted = 1`) and redone by reviving it, so ids and links stay valid.

`take`/`restore` are the snapshot primitives under both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from facilitator_app.core.store.store import BOOKKEEPING, Store

Snapshot = dict[tuple[str, str], dict[str, Any] | None]

# Parents before children, so a row put back in finds the rows it refers to.
_ORDER = {"plenaries": 0, "sessions": 1, "plenary_people": 2, "agenda_items": 3, "attendance": 4,
          "groups": 5, "group_members": 6}


def take(store: Store, table: str, ids: Iterable[str], into: Snapshot | None = None) -> Snapshot:
    snap: Snapshot = {} if into is None else into
    for row_id in ids:
        row = store.get(table, row_id, include_deleted=True)
        snap[(table, row_id)] = None if row is None else {k: v for k, v in row.items() if k not in BOOKKEEPING}
    return snap


def restore(store: Store, snap: Snapshot) -> None:
    """Put every row back as it was in the snapshot (one transaction); None tombstones the row."""
    with store.transaction():
        for (table, row_id), values in sorted(snap.items(), key=lambda kv: _ORDER.get(kv[0][0], 99)):
            current = store.get(table, row_id, include_deleted=True)
            if values is None:
                if current is not None and not current["deleted"]:
                    store.delete(table, row_id)
            elif current is None:
                store.insert(table, {k: v for k, v in values.items() if k != "deleted"}, id=row_id)
                if values.get("deleted"):
                    store.delete(table, row_id)
            else:
                store.update(table, row_id, values)


def _over(base: dict[str, Any] | None, top: dict[str, Any] | None) -> dict[str, Any] | None:
    """`top`'s fields over `base`'s; None (no row) stands for the whole row."""
    if top is None or base is None:
        return None if top is None else dict(top)
    return {**base, **top}


@dataclass
class Edit:
    """Rows before and after one action, in the order first touched."""

    before: Snapshot = field(default_factory=dict)
    after: Snapshot = field(default_factory=dict)

    def __bool__(self) -> bool:
        return self.before != self.after

    def ids(self, table: str) -> list[str]:
        return [row_id for (t, row_id) in self.after if t == table]

    # -- whole rows, around the writes ------------------------------------------------
    def watch(self, store: Store, table: str, ids: Iterable[str]) -> "Edit":
        """Snapshot rows about to change (those not watched yet)."""
        take(store, table, [i for i in ids if (table, i) not in self.before], into=self.before)
        return self

    def created(self, table: str, ids: Iterable[str]) -> "Edit":
        """Rows the action inserts: undo tombstones them."""
        for row_id in ids:
            self.before.setdefault((table, row_id), None)
        return self

    def close(self, store: Store) -> "Edit":
        """Snapshot every watched or created row as the action left it."""
        self.after = {}
        for table, row_id in self.before:
            take(store, table, [row_id], into=self.after)
        return self

    # -- fields, while writing -----------------------------------------------------
    def note(self, table: str, row_id: str, before: dict[str, Any] | None, after: dict[str, Any] | None) -> None:
        """Record a change of one row, keeping the oldest "before" of each field and the newest "after"."""
        key = (table, row_id)
        if key in self.before:
            self.before[key] = _over(before, self.before[key])
            self.after[key] = _over(self.after.get(key), after)
        else:
            self.before[key], self.after[key] = _over({}, before), _over({}, after)

    def merge(self, later: "Edit") -> "Edit":
        """Fold a later action into this one (the steps of one drag become one undo)."""
        for (table, row_id), before in later.before.items():
            self.note(table, row_id, before, later.after.get((table, row_id)))
        return self


def recording(record: Edit | None) -> Edit:
    """The Edit an action records into: the caller's, or a new one."""
    return Edit() if record is None else record


def undo(store: Store, edit: Edit) -> None:
    """Put every recorded row back as it was before the action (one transaction)."""
    restore(store, edit.before)


def redo(store: Store, edit: Edit) -> None:
    """Do the recorded action again (one transaction)."""
    restore(store, edit.after)


# -- writes that record the fields they change ------------------------------------------
def insert(store: Store, table: str, values: dict[str, Any], record: Edit | None) -> str:
    row_id = store.insert(table, values)
    if record is not None:
        record.note(table, row_id, {"deleted": 1}, {"deleted": 0})
    return row_id


def update(store: Store, table: str, row_id: str, changes: dict[str, Any], record: Edit | None,
           current: dict[str, Any] | None = None) -> bool:
    """`store.update`, noting the previous values of the fields that really change."""
    if record is not None:
        current = current if current is not None else store.get(table, row_id, include_deleted=True)
        if current is None:
            raise KeyError(f"{table} {row_id} does not exist")
        diff = {k: v for k, v in changes.items() if current.get(k) != v}
        if not diff:
            return False
        record.note(table, row_id, {k: current.get(k) for k in diff}, diff)
        changes = diff
    return store.update(table, row_id, changes)


def delete(store: Store, table: str, row_id: str, record: Edit | None) -> bool:
    return update(store, table, row_id, {"deleted": 1}, record)
