"""Groups actions through the shared undo (`gui/undo.py`); a refused action is told under "Groups"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from facilitator_app.core.groups.groups import GroupsError
from facilitator_app.core.snapshots import Edit
from facilitator_app.gui import undo
from facilitator_app.gui.context import AppContext


def run(ctx: AppContext, text: str, fn: Callable[..., Edit], *args: Any, parent=None, **kwargs: Any) -> Edit | None:
    """Do one core action undoably; None when it was refused (and the user was told why)."""
    return undo.run(ctx, text, fn, *args, refused=GroupsError,
                    title=QCoreApplication.translate("Groups", "Groups"), parent=parent, **kwargs)
