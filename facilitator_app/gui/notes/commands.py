"""Undo for the wall and the recommendations: one QUndoCommand per user action.

`run(ctx, text, fn, *args, **kw)` calls a core action with a fresh `Edit`
record, shows a refused action through `ctx.prompts` (nothing written), and
pushes an `EditCommand` whose undo/redo call `core.edits.revert/reapply`.
Commands with the same `merge_key` that follow each other (the steps of one
drag, repeated arrow-key nudges of one selection) merge into one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from facilitator_app.core import edits
from facilitator_app.core.edits import Edit
from facilitator_app.core.notes import NoteError
from facilitator_app.core.photos import PhotoError
from facilitator_app.core.recommendations import RecommendationError
from facilitator_app.core.tags import TagError
from facilitator_app.gui.context import AppContext

REFUSED = (NoteError, RecommendationError, PhotoError, TagError)
MERGE_ID = 5005


class EditCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, text: str, edit: Edit, merge_key: Any = None):
        super().__init__(text)
        self.ctx, self.edit, self.merge_key = ctx, edit, merge_key
        self._done = True  # the action already ran when the command is pushed

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        edits.reapply(self.ctx.store, self.edit)

    def undo(self) -> None:
        edits.revert(self.ctx.store, self.edit)

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        self.edit.merge(other.edit)
        return True


def run(ctx: AppContext, text: str, fn: Callable[..., Any], *args: Any, merge_key: Any = None,
        parent=None, **kwargs: Any) -> Any:
    """Do one core action undoably; returns its result, or None if it was refused (and said why)."""
    edit = Edit()
    try:
        result = fn(ctx.store, *args, record=edit, **kwargs)
    except REFUSED as exc:
        ctx.prompts.error(parent, QCoreApplication.translate("Notes", "Not done"), str(exc))
        return None
    if edit:
        ctx.undo_stack.push(EditCommand(ctx, text, edit, merge_key))
    return result
