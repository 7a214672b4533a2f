"""What one user action changed, kept so it can be undone and redone.

The wall and the recommendations write through the small helpers here
(`insert`, `update`, `delete`) instead of calling the store directly: each
records the row's fields before and after into an `Edit`. The GUI's undo
command then calls `revert(store, edit)` and `reapply(store, edit)`, each one
transaction through the normal store writes, so an undo is itself a change
that travels to other laptops like any other.

Created rows are undone by their tombstone (`deleted = 1`) and redone by
reviving them, so ids stay stable and links to them stay valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from facilitator_app.core.store import Store


@dataclass
class Edit:
    """(table, row id) -> (fields before, fields after), in the order first touched."""

    rows: dict[tuple[str, str], tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(before != after for before, after in self.rows.values())

    def note(self, table: str, row_id: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        key = (table, row_id)
        if key in self.rows:
            first, last = self.rows[key]
            # Keep the oldest "before" of each field, the newest "after".
            self.rows[key] = ({**before, **first}, {**last, **after})
        else:
            self.rows[key] = (dict(before), dict(after))

    def merge(self, later: "Edit") -> None:
        for (table, row_id), (before, after) in later.rows.items():
            self.note(table, row_id, before, after)

    def ids(self, table: str) -> list[str]:
        return [row_id for (t, row_id) in self.rows if t == table]


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


def _apply(store: Store, edit: Edit, side: int) -> None:
    items = list(edit.rows.items())
    if side == 0:
        items.reverse()
    with store.transaction():
        for (table, row_id), pair in items:
            store.update(table, row_id, pair[side])


def revert(store: Store, edit: Edit) -> None:
    """Put every recorded row back as it was before the action (one transaction)."""
    _apply(store, edit, 0)


def reapply(store: Store, edit: Edit) -> None:
    """Do the recorded action again (one transaction)."""
    _apply(store, edit, 1)
