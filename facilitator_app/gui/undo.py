"""Undo for every page: one QUndoCommand per user action, over the core's `Edit`.

The action runs first, through the core, in its own transaction; what it
changed (a `core.snapshots.Edit`) is then pushed on `ctx.undo_stack` as an
`EditCommand`, whose first redo() does nothing (the action is already done),
later redos call `snapshots.redo` and undo calls `snapshots.undo`.

- `push(ctx, text, edit)`: an action the page ran itself (the check-in returns its edit);
- `run(ctx, text, fn, *args, refused=..., title=...)`: a core action that records into
  `record=` (notes, recommendations, groups, conflicts); a refused action is told through
  `ctx.prompts` and nothing is pushed;
- `run_watched(ctx, text, rows, action, created)`: a core action that does not record:
  the rows it touches are snapshotted around it (plenaries, sessions, agenda, people).

Commands with the same `merge_key` that follow each other (the steps of one drag,
repeated arrow-key nudges of one selection) merge into one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from facilitator_app.core import snapshots
from facilitator_app.core.snapshots import Edit
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text

MERGE_ID = 5005
Rows = list[tuple[str, str]]  # (table, row id)


class EditCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, text: str, edit: Edit, merge_key: Any = None):
        super().__init__(text)
        self.ctx, self.edit, self.merge_key = ctx, edit, merge_key
        self._done = True  # the action already ran when the command is pushed

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        snapshots.redo(self.ctx.store, self.edit)

    def undo(self) -> None:
        snapshots.undo(self.ctx.store, self.edit)

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        self.edit.merge(other.edit)
        return True


def push(ctx: AppContext, text: str, edit: Edit, merge_key: Any = None) -> None:
    """Put what an action changed on the undo stack (only if it changed something)."""
    if edit:
        ctx.undo_stack.push(EditCommand(ctx, text, edit, merge_key))


def _refused(ctx: AppContext, parent: Any, title: str, exc: Exception) -> None:
    ctx.prompts.error(parent, title, error_text(exc))


def run(ctx: AppContext, text: str, fn: Callable[..., Any], *args: Any,
        refused: type[Exception] | tuple[type[Exception], ...] = (), title: str = "", parent: Any = None,
        merge_key: Any = None, **kwargs: Any) -> Any:
    """Do `fn(ctx.store, *args, record=<new Edit>, **kwargs)` undoably.

    Returns its result, or None when it raised one of `refused` (the user is told why, under `title`).
    """
    edit = Edit()
    try:
        result = fn(ctx.store, *args, record=edit, **kwargs)
    except refused as exc:
        _refused(ctx, parent, title, exc)
        return None
    push(ctx, text, edit, merge_key)
    return result


def run_watched(ctx: AppContext, text: str, rows: Callable[[], Rows], action: Callable[[], Any],
                created: Callable[[Any], Rows] | None = None, *,
                refused: type[Exception] | tuple[type[Exception], ...] = (), title: str = "",
                parent: Any = None) -> Any:
    """Run `action()` between two snapshots of the rows it touches and push what changed.

    `rows()` lists the rows known before; `created(result)` the rows the action made.
    Returns the action's result, or None when it raised one of `refused` (told under `title`).
    """
    edit = Edit()
    for table, row_id in rows():
        edit.watch(ctx.store, table, [row_id])
    try:
        result = action()
    except refused as exc:
        _refused(ctx, parent, title, exc)
        return None
    for table, row_id in created(result) if created else []:
        edit.created(table, [row_id])
    push(ctx, text, edit.close(ctx.store))
    return result
