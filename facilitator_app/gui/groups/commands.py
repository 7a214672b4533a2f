"""Undo for the groups: one QUndoCommand per user action, whose undo/redo call the core."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from facilitator_app.core import groups as core
from facilitator_app.core.groups import Edit, GroupsError
from facilitator_app.gui.context import AppContext


class EditCommand(QUndoCommand):
    """Pushed after the action ran: the first redo() does nothing, later ones re-apply the rows."""

    def __init__(self, ctx: AppContext, text: str, edit: Edit):
        super().__init__(text)
        self.ctx, self.edit = ctx, edit
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        core.redo(self.ctx.store, self.edit)

    def undo(self) -> None:
        core.undo(self.ctx.store, self.edit)


def run(ctx: AppContext, text: str, fn: Callable[..., Edit], *args: Any, parent=None, **kwargs: Any) -> Edit | None:
    """Do one core action undoably; None when it was refused (and the user was told why)."""
    try:
        edit = fn(ctx.store, *args, **kwargs)
    except GroupsError as exc:
        ctx.prompts.error(parent, QCoreApplication.translate("Groups", "Groups"), str(exc))
        return None
    if edit:
        ctx.undo_stack.push(EditCommand(ctx, text, edit))
    return edit
