"""The projector window: a second top-level window for a projector or second screen.

Pages put a read-only, large-type view into it with `set_view()`; the view
itself follows `ctx.changed`, so what the room sees is always live. One window
per application context.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from facilitator_app.gui.context import AppContext


class ProjectorWindow(QWidget):
    def __init__(self, ctx: AppContext):
        super().__init__(None, Qt.WindowType.Window)
        self.ctx = ctx
        self.setObjectName("projector")
        self.setWindowTitle(self.tr("Projector"))
        self.setStyleSheet("QWidget#projector { background: #10231b; }"
                           "QLabel#projectorTitle { color: white; font-size: 34pt; font-weight: 600; }")
        self.title = QLabel()
        self.title.setObjectName("projectorTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(36, 24, 36, 24)
        self._layout.addWidget(self.title)
        self.view: QWidget | None = None
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.leave_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, activated=self.toggle_full_screen)
        self.resize(1280, 720)

    def set_view(self, widget: QWidget, title: str = "") -> None:
        """Replace what the projector shows; the window takes ownership of `widget`."""
        if self.view is not None:
            self._layout.removeWidget(self.view)
            self.view.hide()  # at once: deleteLater waits for the event loop, the room would see both
            self.view.deleteLater()
        self.view = widget
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self._layout.addWidget(widget, 1)

    def clear(self) -> None:
        """Show nothing (another file was opened: the room must not see the old one)."""
        if self.view is not None:
            self._layout.removeWidget(self.view)
            self.view.hide()
            self.view.deleteLater()
            self.view = None
        self.title.setText("")
        self.hide()

    def show_on(self, screen: QScreen | None = None) -> None:
        """Full screen on `screen` (default: the last screen, usually the projector)."""
        screens = QGuiApplication.screens()
        screen = screen or (screens[-1] if screens else None)
        if screen is not None:
            self.setScreen(screen)
            self.move(screen.geometry().topLeft())
        self.showFullScreen()
        self.raise_()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.hide()


def projector_window(ctx: AppContext) -> ProjectorWindow:
    window = getattr(ctx, "_projector", None)
    if window is None:
        window = ProjectorWindow(ctx)
        ctx._projector = window
        ctx.store_replaced.connect(window.clear)
    return window
