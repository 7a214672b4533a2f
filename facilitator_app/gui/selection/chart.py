"""Composition at each step of the selection against Milan, one field at a time (QPainter bars)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator_app.gui.i18n import number

COLORS = [QColor("#aab4bf"), QColor("#7fa7d6"), QColor("#2f5d9a"), QColor("#1b3b66"), QColor("#2e8b57"),
          QColor("#c27c0e"), QColor("#8e3b8e")]
ROW_H, LABEL_W = 22, 150


class StepsChart(QWidget):
    """rows: [(value label, [share per series or None])]; series: the legend (Milan first)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[tuple[str, list[float | None]]] = []
        self.series: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, series: list[str], rows: list[tuple[str, list[float | None]]]) -> None:
        self.series, self.rows = series, rows
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        per = max(1, len(self.series))
        return QSize(520, 30 + len(self.rows) * (ROW_H + per * 6))

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = self.width()
        # legend
        x = 8
        for i, name in enumerate(self.series):
            p.fillRect(QRectF(x, 8, 12, 12), COLORS[i % len(COLORS)])
            p.setPen(Qt.GlobalColor.black)
            p.drawText(QRectF(x + 16, 4, p.fontMetrics().horizontalAdvance(name) + 4, 20),
                       Qt.AlignmentFlag.AlignVCenter, name)
            x += 22 + p.fontMetrics().horizontalAdvance(name)
        y = 30
        per = max(1, len(self.series))
        bar_h = 5
        track = max(50, w - LABEL_W - 70)
        for label, values in self.rows:
            block = ROW_H + per * 6
            p.setPen(Qt.GlobalColor.black)
            p.drawText(QRectF(8, y, LABEL_W - 12, block), Qt.AlignmentFlag.AlignVCenter, label)
            for i, v in enumerate(values):
                if v is None:
                    continue
                p.fillRect(QRectF(LABEL_W, y + 4 + i * 6, track * v, bar_h), COLORS[i % len(COLORS)])
            milan = values[0] if values else None
            if milan is not None:
                p.drawText(QRectF(LABEL_W + track + 6, y, 60, block), Qt.AlignmentFlag.AlignVCenter,
                           QCoreApplication.translate("SelectionPage", "%1%").replace("%1", number(milan * 100, 0)))
            y += block
        p.end()
