"""Undo commands over row snapshots: the action runs once, undo/redo restore snapshots.

An action function returns something with `before` and `after` snapshots
(core.attendance.Result does); the first redo is the action itself (already
done when the command is pushed), later redos and undos restore snapshots.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from facilitator_app.core.snapshots import Snapshot, restore
from facilitator_app.gui.context import AppContext


class SnapshotCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, text: str, before: Snapshot, after: Snapshot, payload: Any = None):
        super().__init__(text)
        self.ctx, self.before, self.after, self.payload = ctx, before, after, payload
        self._done = True  # pushed after the action ran

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        restore(self.ctx.store, self.after)

    def undo(self) -> None:
        restore(self.ctx.store, self.before)


def push_result(ctx: AppContext, text: str, result: Any) -> None:
    """Put an action's result on the undo stack (only if it changed something)."""
    if result.before != result.after:
        ctx.undo_stack.push(SnapshotCommand(ctx, text, result.before, result.after, result))


def run_snapshot(ctx: AppContext, text: str, tables_ids: Callable[[], list[tuple[str, str]]],
                 action: Callable[[], Any], extra: Callable[[Any], list[tuple[str, str]]] | None = None) -> Any:
    """Run `action` between two snapshots of the rows it touches and push an undo command.

    tables_ids lists (table, id) pairs known before; `extra(result)` adds rows the action created.
    """
    from facilitator_app.core.snapshots import take

    pairs = tables_ids()
    before: Snapshot = {}
    for table, row_id in pairs:
        take(ctx.store, table, [row_id], into=before)
    result = action()
    created = extra(result) if extra else []
    for key in created:
        before.setdefault(key, None)
    after: Snapshot = {}
    for table, row_id in [*pairs, *created]:
        take(ctx.store, table, [row_id], into=after)
    if before != after:
        ctx.undo_stack.push(SnapshotCommand(ctx, text, before, after, result))
    return result
