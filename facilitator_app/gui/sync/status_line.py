"""The sync status in the main window's status bar: one quiet line, details in its tooltip.

Problems (the folder gone, a file set aside) are shown here and only here: never a message
box in the middle of a check-in. A click opens the sync folder dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from facilitator_app.gui.sync import texts
from facilitator_app.gui.sync.controller import SyncController


class SyncStatusLine(QToolButton):
    open_settings = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # never takes the focus from a check-in field
        self.clicked.connect(self.open_settings)
        # One style sheet, chosen by a property: re-polishing on every step would cost the window time.
        self.setStyleSheet("QToolButton#syncStatus { color: #3b4a43; }"
                           "QToolButton#syncStatus[problem=\"true\"] { color: #8a5300; }")
        self._shown: tuple = ()
        controller.status_changed.connect(self.show_report)
        self.show_report(controller.last)

    def show_report(self, report: object) -> None:
        text = texts.status_line(report)   # type: ignore[arg-type]
        problem = bool(texts.problem_text(report)) if report is not None else False   # type: ignore[arg-type]
        tip = texts.tooltip(report)   # type: ignore[arg-type]
        if (text, problem, tip) == self._shown:
            return      # every few seconds the same: nothing to lay out again
        self._shown = (text, problem, tip)
        self.setText(text)
        self.setToolTip(tip)
        if self.property("problem") != problem:
            self.setProperty("problem", problem)
            self.style().unpolish(self)
            self.style().polish(self)
        self.setVisible(bool(text))
