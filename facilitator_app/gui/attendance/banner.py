"""The big confirmation banner of the entrance: readable from a step away, colour plus words.

green = checked in, amber = already in, red = unknown / not found, blue-grey = information.
Never relies on colour alone: the first line always says what happened.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

STYLES = {
    "ok": ("#1b7a3d", "#ffffff"),
    "already": ("#ffc21a", "#1a1a1a"),
    "error": ("#b3261e", "#ffffff"),
    "info": ("#dfe7ef", "#13273f"),
    "idle": ("#f2f4f6", "#4a5563"),
}


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.kind = "idle"
        self.headline = QLabel()
        self.title = QLabel()
        self.subtitle = QLabel()
        self.detail = QLabel()
        for label, size, bold in ((self.headline, 15, True), (self.title, 30, True), (self.subtitle, 21, True),
                                  (self.detail, 15, False)):
            f = label.font()
            f.setPointSizeF(size)
            f.setBold(bold)
            label.setFont(f)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 12, 22, 14)
        layout.setSpacing(2)
        for w in (self.headline, self.title, self.subtitle, self.detail):
            layout.addWidget(w)
        self.setMinimumHeight(178)
        self.show_message("idle", "", "", "", "")

    def show_message(self, kind: str, headline: str, title: str, subtitle: str = "", detail: str = "") -> None:
        self.kind = kind
        bg, fg = STYLES[kind]
        self.setStyleSheet(f"QFrame#banner {{ background: {bg}; border-radius: 10px; }}"
                           f"QFrame#banner QLabel {{ color: {fg}; background: transparent; }}")
        for label, text in ((self.headline, headline), (self.title, title), (self.subtitle, subtitle),
                            (self.detail, detail)):
            label.setText(text)
            label.setVisible(bool(text))

    def text(self) -> str:
        """Everything the banner says, for tests and screen readers."""
        return " | ".join(t for t in (self.headline.text(), self.title.text(), self.subtitle.text(),
                                      self.detail.text()) if t)
