"""Row snapshots: what undo and redo put back.

An action that wants to be undoable takes a snapshot of the rows it is about
to touch (`take`), does its work, and takes another one afterwards. Undo
restores the first, redo the second (`restore`), each in one transaction, so
undo is just another change that travels to other laptops like any edit.

A snapshot maps (table, row id) to the row's fields, or to None when the row
did not exist; restoring None tombstones the row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from facilitator_app.core.store import BOOKKEEPING, Store

Snapshot = dict[tuple[str, str], dict[str, Any] | None]


def take(store: Store, table: str, ids: Iterable[str], into: Snapshot | None = None) -> Snapshot:
    snap: Snapshot = {} if into is None else into
    for row_id in ids:
        row = store.get(table, row_id, include_deleted=True)
        snap[(table, row_id)] = None if row is None else {k: v for k, v in row.items() if k not in BOOKKEEPING}
    return snap


def restore(store: Store, snap: Snapshot) -> None:
    """Put every row back as it was in the snapshot (one transaction)."""
    with store.transaction():
        # Parents before children on the way back in, children before parents on the way out.
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


_ORDER = {"plenaries": 0, "sessions": 1, "plenary_people": 2, "agenda_items": 3, "attendance": 4}
