"""Two charts drawn with QPainter: the Comune's answers by kind, and progress by Plan area.

Each bar carries its words and numbers, so colour is never the only signal.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator_app.core.followup.board import FollowupRow
from facilitator_app.core.followup.fields import ANSWER_KINDS, PROGRESS
from facilitator_app.core.followup.monitoring import progress_by_area
from facilitator_app.gui.followup import labels as L
from facilitator_app.gui.i18n import fmt

TEXT = QColor("#1d2733")
ROW_H, TITLE_H = 24, 30


class FollowupChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.answers: dict[str, int] = {}
        self.areas: dict[str, dict[str, int]] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[FollowupRow]) -> None:
        self.answers = {k: 0 for k in (*ANSWER_KINDS, "none")}
        for r in rows:
            self.answers[r.answer_kind or "none"] += 1
        self.areas = progress_by_area(rows)
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        rows = max(len(self.answers), len(self.areas) + 1)
        return QSize(760, TITLE_H + rows * ROW_H + 16)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        half = self.width() / 2
        self._answers(p, QRectF(8, 4, half - 20, self.height() - 8))
        self._areas(p, QRectF(half + 8, 4, half - 16, self.height() - 8))
        p.end()

    def _title(self, p: QPainter, rect: QRectF, text: str) -> None:
        f = QFont(self.font())
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.1)
        p.setFont(f)
        p.setPen(TEXT)
        p.drawText(QRectF(rect.left(), rect.top(), rect.width(), TITLE_H - 6),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        p.setFont(self.font())

    def _answers(self, p: QPainter, rect: QRectF) -> None:
        total = sum(self.answers.values())
        self._title(p, rect, fmt(self.tr("The Comune's answers (%1 recommendations)"), total))
        label_w, num_w = 150, 40
        track = rect.width() - label_w - num_w
        y = rect.top() + TITLE_H
        for kind, n in self.answers.items():
            p.setPen(TEXT)
            p.drawText(QRectF(rect.left(), y, label_w - 6, ROW_H), Qt.AlignmentFlag.AlignVCenter, L.answer(
                None if kind == "none" else kind))
            w = track * n / total if total else 0
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#EEF1F4"))
            p.drawRoundedRect(QRectF(rect.left() + label_w, y + 5, track, ROW_H - 10), 3, 3)
            p.setBrush(QColor(L.ANSWER_COLORS[kind]))
            if w:
                p.drawRoundedRect(QRectF(rect.left() + label_w, y + 5, max(w, 3), ROW_H - 10), 3, 3)
            p.setPen(TEXT)
            p.drawText(QRectF(rect.left() + label_w + track + 4, y, num_w, ROW_H),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, str(n))
            y += ROW_H

    def _areas(self, p: QPainter, rect: QRectF) -> None:
        self._title(p, rect, self.tr("Progress by area of the Plan"))
        label_w = min(190.0, rect.width() * 0.38)
        track = rect.width() - label_w - 8
        y = rect.top() + TITLE_H
        states = (*PROGRESS, "none")
        biggest = max((sum(v.values()) for v in self.areas.values()), default=0)
        for area, counts in self.areas.items():
            p.setPen(TEXT)
            p.drawText(QRectF(rect.left(), y, label_w - 6, ROW_H), Qt.AlignmentFlag.AlignVCenter,
                       p.fontMetrics().elidedText(area, Qt.TextElideMode.ElideRight, int(label_w - 6)))
            x = rect.left() + label_w
            for s in states:
                n = counts.get(s, 0)
                if not n:
                    continue
                w = track * n / biggest
                p.setPen(QPen(QColor("white"), 1))
                p.setBrush(QColor(L.PROGRESS_COLORS[s]))
                p.drawRect(QRectF(x, y + 4, w, ROW_H - 8))
                if w > 18:
                    p.setPen(QColor("white") if s in ("done", "in_progress", "abandoned") else TEXT)
                    p.drawText(QRectF(x, y, w, ROW_H), Qt.AlignmentFlag.AlignCenter, str(n))
                x += w
            y += ROW_H
        # legend
        x = rect.left()
        fm = p.fontMetrics()
        for s in states:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(L.PROGRESS_COLORS[s]))
            p.drawRect(QRectF(x, y + 8, 10, 10))
            p.setPen(TEXT)
            text = L.progress(None if s == "none" else s)
            p.drawText(QRectF(x + 14, y, fm.horizontalAdvance(text) + 4, ROW_H), Qt.AlignmentFlag.AlignVCenter, text)
            x += 14 + fm.horizontalAdvance(text) + 14
