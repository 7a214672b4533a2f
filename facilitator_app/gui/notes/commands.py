"""Wall and recommendation actions through the shared undo (`gui/undo.py`).

`run(ctx, text, fn, *args, **kw)` calls a core action with a fresh `Edit`
record, shows a refused action through `ctx.prompts` (nothing written), and
pushes what it changed; `merge_key` merges the steps of one drag.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from facilitator_app.core.notes.notes import NoteError
from facilitator_app.core.notes.photos import PhotoError
from facilitator_app.core.notes.tags import TagError
from facilitator_app.core.recommendations.recommendations import RecommendationError
from facilitator_app.gui import undo
from facilitator_app.gui.context import AppContext

REFUSED = (NoteError, RecommendationError, PhotoError, TagError)


def run(ctx: AppContext, text: str, fn: Callable[..., Any], *args: Any, merge_key: Any = None,
        parent=None, **kwargs: Any) -> Any:
    """Do one core action undoably; returns its result, or None if it was refused (and said why)."""
    return undo.run(ctx, text, fn, *args, refused=REFUSED, title=QCoreApplication.translate("Notes", "Not done"),
                    parent=parent, merge_key=merge_key, **kwargs)
