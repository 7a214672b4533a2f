"""Pages that redraw from the file when `ctx.changed` says their tables changed.

A page on screen redraws at once; a hidden one (check-ins at the entrance while
the secretariat looks at another page) only remembers, and redraws once when it
is next shown, so a busy entrance never pays for pages nobody is looking at.
"""

from __future__ import annotations


class RefreshWhenShown:
    """Mixin for a QWidget page with a `refresh()` method; call `refresh_when_shown()` on a change."""

    _dirty = False

    def refresh_when_shown(self) -> None:
        self._dirty = not self.isVisible()
        if not self._dirty:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.refresh()
