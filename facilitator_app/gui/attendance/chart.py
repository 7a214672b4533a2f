"""Composition bars drawn with QPainter: who is present against the whole assembly, field by field.

For each category two bars on one track: the thin grey one is the category's
share of the assembly (members in office), the thick one its share among
those present. Under-represented categories among the biggest gaps get a red
row, a warning mark and the count still missing; the words say it too, so
colour is never the only signal.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator_app.core.attendance.stats import FieldComposition
from facilitator_app.gui.i18n import fmt

ASSEMBLY = QColor("#aab4bf")
PRESENT = QColor("#2f5d9a")
GAP_BG = QColor("#fde3e1")
GAP_FG = QColor("#a32018")
TEXT = QColor("#1d2733")
ROW_H, TITLE_H, LABEL_W, NUM_W = 27, 34, 120, 180  # NUM_W: "12 su 46 · −51 punti"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompositionChart", text)


FIELD_TITLES = {"gender": QT_TRANSLATE_NOOP("CompositionChart", "Gender"),
                "age_band": QT_TRANSLATE_NOOP("CompositionChart", "Age band"),
                "citizenship": QT_TRANSLATE_NOOP("CompositionChart", "Citizenship"),
                "municipio": QT_TRANSLATE_NOOP("CompositionChart", "Municipio"),
                "education": QT_TRANSLATE_NOOP("CompositionChart", "Education")}

# Panels in two columns of about the same height: room for long bars.
COLUMNS = (("gender", "citizenship", "education"), ("age_band", "municipio"))


def category_label(fld: str, label: str, short: bool = False) -> str:
    if fld == "municipio" and label != "n.d.":
        return fmt(QCoreApplication.translate("CompositionChart", "Mun. %1") if short
                   else QCoreApplication.translate("CompositionChart", "Municipio %1"), label)
    if fld == "age_band" and not short and label != "n.d.":
        return fmt(QCoreApplication.translate("CompositionChart", "age %1"), label)
    return label


class CompositionChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fields: dict[str, FieldComposition] = {}
        self.gaps: set[tuple[str, str]] = set()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(self._height())

    def set_data(self, fields: list[FieldComposition], gaps: list[tuple[str, object]]) -> None:
        self.fields = {f.field: f for f in fields}
        self.gaps = {(fld, c.key) for fld, c in gaps}
        self.setMinimumHeight(self._height())
        self.update()

    def _panel_height(self, fld: str) -> int:
        n = len(self.fields[fld].categories) if fld in self.fields else 2
        return TITLE_H + n * ROW_H + 14

    def _height(self) -> int:
        return max(sum(self._panel_height(f) for f in col) for col in COLUMNS) + 34

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(1100, self._height())

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        self._legend(p)
        col_w = (self.width() - 20) / len(COLUMNS)
        for i, column in enumerate(COLUMNS):
            y = 34.0
            for fld in column:
                if fld in self.fields:
                    self._panel(p, self.fields[fld], QRectF(10 + i * col_w, y, col_w - 16, self._panel_height(fld)))
                y += self._panel_height(fld)
        p.end()

    def _font(self, p: QPainter, size: float, bold: bool = False) -> None:
        f = QFont(self.font())
        f.setPointSizeF(size)
        f.setBold(bold)
        p.setFont(f)

    def _legend(self, p: QPainter) -> None:
        self._font(p, 11)
        x = 12.0
        for color, h, text in ((ASSEMBLY, 6, QCoreApplication.translate("CompositionChart",
                                                                         "share of the whole assembly")),
                               (PRESENT, 14, QCoreApplication.translate("CompositionChart",
                                                                        "share among those present"))):
            p.fillRect(QRectF(x, 14 - h / 2, 28, h), color)
            p.setPen(TEXT)
            p.drawText(QRectF(x + 36, 2, 320, 24), Qt.AlignmentFlag.AlignVCenter, text)
            x += 36 + p.fontMetrics().horizontalAdvance(text) + 30

    def _panel(self, p: QPainter, fc: FieldComposition, r: QRectF) -> None:
        self._font(p, 12.5, True)
        p.setPen(TEXT)
        p.drawText(QRectF(r.x(), r.y(), r.width(), TITLE_H - 6), Qt.AlignmentFlag.AlignBottom,
                   _tr(FIELD_TITLES.get(fc.field, fc.field)))
        top = max([c.expected_share for c in fc.categories] + [c.present_share for c in fc.categories] + [0.01])
        self._font(p, 11.5, True)
        widest = max((p.fontMetrics().horizontalAdvance("⚠ " + category_label(fc.field, c.label, short=True))
                      for c in fc.categories), default=0)
        label_w = min(max(LABEL_W, widest + 14), r.width() * 0.42)
        track_x = r.x() + label_w
        track_w = max(40.0, r.width() - label_w - NUM_W)
        y = r.y() + TITLE_H
        for c in fc.categories:
            gap = (fc.field, c.key) in self.gaps
            row = QRectF(r.x() - 4, y + 1, r.width() + 4, ROW_H - 2)
            if gap:
                p.fillRect(row, GAP_BG)
            label = category_label(fc.field, c.label, short=True)
            self._font(p, 11.5, gap)
            p.setPen(GAP_FG if gap else TEXT)
            p.drawText(QRectF(r.x() + 2, y, label_w - 8, ROW_H), Qt.AlignmentFlag.AlignVCenter,
                       p.fontMetrics().elidedText(("⚠ " if gap else "") + label, Qt.TextElideMode.ElideRight,
                                                  int(label_w - 8)))
            mid = y + ROW_H / 2
            p.fillRect(QRectF(track_x, mid - 9, track_w, 18), QColor("#eef1f4"))
            p.fillRect(QRectF(track_x, mid + 5, track_w * c.expected_share / top, 4), ASSEMBLY)
            p.fillRect(QRectF(track_x, mid - 8, track_w * c.present_share / top, 11), GAP_FG if gap else PRESENT)
            self._font(p, 11, gap)
            p.setPen(GAP_FG if gap else TEXT)
            text = fmt(QCoreApplication.translate("CompositionChart", "%1 of %2"), c.present, c.expected)
            if gap:
                text += " · " + fmt(QCoreApplication.translate("CompositionChart", "%1 pt"),
                                    f"{c.gap * 100:+.0f}".replace("-", "−"))
            p.drawText(QRectF(track_x + track_w + 8, y, NUM_W - 8, ROW_H), Qt.AlignmentFlag.AlignVCenter, text)
            y += ROW_H
        p.setPen(QPen(QColor("#d5dbe1"), 1))
        p.drawLine(int(r.x()), int(y + 6), int(r.right()), int(y + 6))
