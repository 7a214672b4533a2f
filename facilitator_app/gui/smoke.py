"""Smoke test of an installed or frozen build: `FACILITATOR_APP_QUIT_AFTER_PAINT=1 facilitator_app`
opens the window, prints "painted" once the main window has painted, and quits (exit 0).
packaging/check-frozen.sh uses it to check a build without a person at the screen."""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

ENV = "FACILITATOR_APP_QUIT_AFTER_PAINT"


class _QuitAfterPaint(QObject):
    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.Paint and isinstance(obj, QWidget)
                and isinstance(obj.window(), QMainWindow)):
            app = QApplication.instance()
            app.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
        return False


def install(app: QApplication) -> None:
    """When the variable is set, quit after the first paint of a main window."""
    if os.environ.get(ENV):
        app._quit_after_paint = _QuitAfterPaint(app)
        app.installEventFilter(app._quit_after_paint)
