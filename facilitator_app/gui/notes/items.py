"""The wall's graphics items: a note card and a cluster region.

Cards lay out their text once, when their data changes (`set_data`), and are
cached as pixmaps in item coordinates, so panning, zooming and dragging only
blit; a paint never lays out text. Dimming (search/filter) uses opacity, which
keeps the cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from facilitator_app.core.notes import CARD_H, CARD_W, HEADER_H

TEXT_PX, SMALL_PX, TITLE_PX = 19, 14, 24
MARGIN = 12
DEFAULT_COLOR = "#9E9E9E"
SELECTED = QColor("#0B57D0")
INK = QColor("#1B1B1B")
BUTTON = 28.0
BAND = 28.0
DOT = QColor("#212121")  # dark stickers read on every category colour


@dataclass
class NoteData:
    id: str
    text: str
    color: str | None = None
    category: str = ""
    author: str = ""
    tags: list[str] = field(default_factory=list)
    votes: int = 0
    cluster_id: str | None = None
    category_id: str | None = None
    author_id: str | None = None


def _font(px: int, bold: bool = False, italic: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(px)
    f.setBold(bold)
    f.setItalic(italic)
    return f


def tint(color: str | None, amount: float = 0.78) -> QColor:
    """The category colour mixed with white: a readable card background."""
    c = QColor(color or DEFAULT_COLOR)
    return QColor(int(c.red() + (255 - c.red()) * amount), int(c.green() + (255 - c.green()) * amount),
                  int(c.blue() + (255 - c.blue()) * amount))


def layout_lines(text: str, font: QFont, width: float, max_lines: int) -> tuple[list[str], bool]:
    """Word-wrapped lines of `text` (at most max_lines, the last elided); and whether it was cut."""
    fm = QFontMetricsF(font)
    flat = " ".join(text.split())
    layout = QTextLayout(flat, font)
    opt = QTextOption()
    opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(opt)
    layout.beginLayout()
    lines: list[str] = []
    cut = False
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, n = line.textStart(), line.textLength()
        if len(lines) == max_lines - 1 and start + n < len(flat):
            lines.append(fm.elidedText(flat[start:], Qt.TextElideMode.ElideRight, width))
            cut = True
            break
        lines.append(flat[start:start + n].rstrip())
    layout.endLayout()
    return lines, cut


def draw_dots(p: QPainter, right: float, top: float, votes: int, badge: bool = False) -> None:
    """Dot-vote stickers: one red dot per vote up to five, then a badge with the number."""
    if votes <= 0:
        return
    p.setPen(QPen(QColor("white"), 2))
    p.setBrush(DOT)
    if votes <= 5 and not badge:
        for i in range(votes):
            p.drawEllipse(QPointF(right - 11 - i * 22, top + 11), 9, 9)
    else:
        rect = QRectF(right - 52, top, 52, 24)
        p.drawRoundedRect(rect, 12, 12)
        p.setPen(QColor("white"))
        p.setFont(_font(16, bold=True))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"● {votes}")


def draw_vote_buttons(p: QPainter, minus: QRectF, plus: QRectF) -> None:
    p.setPen(QPen(QColor(0, 0, 0, 90), 1))
    p.setBrush(QColor(255, 255, 255, 170))
    p.setFont(_font(20, bold=True))
    for rect, label in ((minus, "−"), (plus, "+")):
        p.drawEllipse(rect)
        p.setPen(QColor("#333333"))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        p.setPen(QPen(QColor(0, 0, 0, 90), 1))


class _Votable:
    """What a card and a cluster share: the selection outline repaints, and a press on the
    −/+ buttons (`minus_rect`/`plus_rect`) asks the scene for a dot vote on this `kind`."""

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.update()
        return super().itemChange(change, value)

    def mousePressEvent(self, event) -> None:
        scene = self.scene()
        for rect, delta in ((self.plus_rect(), 1), (self.minus_rect(), -1)):
            if rect.contains(event.pos()) and scene is not None and scene.interactive:
                scene.vote_requested.emit(self.kind, self.id, delta)
                event.accept()
                return
        super().mousePressEvent(event)


class NoteCard(_Votable, QGraphicsItem):
    kind = "note"

    def __init__(self, data: NoteData):
        super().__init__()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setCacheMode(QGraphicsItem.CacheMode.ItemCoordinateCache, QSize(int(CARD_W), int(CARD_H)))
        self.setZValue(2)
        self.dimmed = False
        self.set_data(data)

    @property
    def id(self) -> str:
        return self.data_.id

    def set_data(self, data: NoteData) -> None:
        self.data_ = data
        width = CARD_W - 2 * MARGIN
        self._lines, cut = layout_lines(data.text, _font(TEXT_PX), width, 3 if data.tags else 4)
        self._bg, self._strip = tint(data.color), QColor(data.color or DEFAULT_COLOR)
        self._on_strip = QColor("white") if self._strip.lightnessF() < 0.6 else INK
        fm = QFontMetricsF(_font(SMALL_PX))
        self._tags = fm.elidedText("  ".join(f"#{t}" for t in data.tags), Qt.TextElideMode.ElideRight, width)
        self._author = fm.elidedText(data.author, Qt.TextElideMode.ElideRight, width - 2 * BUTTON - 20)
        self._category = QFontMetricsF(_font(SMALL_PX + 1, bold=True)).elidedText(
            data.category, Qt.TextElideMode.ElideRight, width - 6 * 22)
        self.setToolTip(data.text if (cut or len(data.text) > 60) else "")
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, CARD_W, CARD_H)

    def minus_rect(self) -> QRectF:
        return QRectF(CARD_W - 2 * BUTTON - 14, CARD_H - BUTTON - 6, BUTTON, BUTTON)

    def plus_rect(self) -> QRectF:
        return QRectF(CARD_W - BUTTON - 8, CARD_H - BUTTON - 6, BUTTON, BUTTON)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.boundingRect().adjusted(1, 1, -1, -1)
        p.setPen(QPen(QColor(0, 0, 0, 60), 1))
        p.setBrush(self._bg)
        p.drawRect(rect)
        # Header band: the category's colour and name; dot votes stuck on its right.
        p.fillRect(QRectF(1, 1, CARD_W - 2, BAND), self._strip)
        p.setPen(self._on_strip)
        p.setFont(_font(SMALL_PX + 1, bold=True))
        p.drawText(QRectF(MARGIN, 1, CARD_W, BAND), Qt.AlignmentFlag.AlignVCenter, self._category)
        draw_dots(p, CARD_W - 6, 3, self.data_.votes)
        p.setPen(INK)
        p.setFont(_font(TEXT_PX))
        y = BAND + 6 + TEXT_PX
        for line in self._lines:
            p.drawText(QPointF(MARGIN, y), line)
            y += TEXT_PX * 1.22
        p.setFont(_font(SMALL_PX))
        if self._tags:
            p.setPen(QColor("#0D47A1"))
            p.drawText(QPointF(MARGIN, CARD_H - 44), self._tags)
        p.setPen(QColor("#424242"))
        p.drawText(QPointF(MARGIN, CARD_H - 14), self._author)
        draw_vote_buttons(p, self.minus_rect(), self.plus_rect())
        if self.isSelected():
            p.setPen(QPen(SELECTED, 5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self.boundingRect().adjusted(2.5, 2.5, -2.5, -2.5))

    def mouseDoubleClickEvent(self, event) -> None:
        scene = self.scene()
        if scene is not None and scene.interactive:
            scene.edit_requested.emit(self)
        event.accept()


class ClusterItem(_Votable, QGraphicsItem):
    kind = "cluster"

    def __init__(self, cluster_id: str, title: str | None, size: tuple[float, float], votes: int = 0,
                 placeholder: str = ""):
        super().__init__()
        self.id = cluster_id
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        # Large and few: cached at screen size, so an overview does not hold big pixmaps.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1)
        self.placeholder = placeholder
        self._size = size
        self.set_data(title, size, votes)

    def set_data(self, title: str | None, size: tuple[float, float], votes: int) -> None:
        if size != self._size:
            self.prepareGeometryChange()
            self._size = size
        self.title, self.votes = title, votes
        shown = " ".join((title or "").split()) or self.placeholder
        self._title, _ = layout_lines(shown, _font(TITLE_PX, bold=True, italic=not title), self.title_width(), 2)
        self.setToolTip(title or "")
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, *self._size)

    def title_width(self) -> float:
        return self._size[0] - 2 * MARGIN - 2 * BUTTON - 90

    def header_rect(self) -> QRectF:
        return QRectF(0, 0, self._size[0], HEADER_H)

    def minus_rect(self) -> QRectF:
        return QRectF(self._size[0] - 2 * BUTTON - 20, 10, BUTTON, BUTTON)

    def plus_rect(self) -> QRectF:
        return QRectF(self._size[0] - BUTTON - 12, 10, BUTTON, BUTTON)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.boundingRect().adjusted(1, 1, -1, -1)
        p.setPen(QPen(SELECTED if self.isSelected() else QColor("#90A4AE"), 5 if self.isSelected() else 2))
        p.setBrush(QColor("#ECEFF1"))
        p.drawRoundedRect(rect, 10, 10)
        p.setPen(INK if self.title else QColor("#757575"))
        p.setFont(_font(TITLE_PX, bold=True, italic=not self.title))
        line_h = TITLE_PX * 1.15
        y = (HEADER_H - line_h * len(self._title)) / 2 + TITLE_PX - 2
        for line in self._title:
            p.drawText(QPointF(MARGIN + 4, y), line)
            y += line_h
        draw_dots(p, self.minus_rect().left() - 10, 12, self.votes, badge=True)
        draw_vote_buttons(p, self.minus_rect(), self.plus_rect())

    def mouseDoubleClickEvent(self, event) -> None:
        scene = self.scene()
        if scene is not None and scene.interactive and self.header_rect().contains(event.pos()):
            scene.rename_requested.emit(self)
        event.accept()


class OverviewLabel(QGraphicsItem):
    """A cluster's title in screen-size type, shown when the wall is zoomed out to an overview."""

    PX = 22

    def __init__(self, parent: ClusterItem):
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(10)
        self._text, self._w = "", 0.0

    def set_text(self, text: str, max_width: float) -> None:
        fm = QFontMetricsF(_font(self.PX, bold=True))
        text = fm.elidedText(text, Qt.TextElideMode.ElideRight, max(60.0, max_width - 16))
        if text != self._text:
            self.prepareGeometryChange()
            self._text, self._w = text, fm.horizontalAdvance(text) + 16
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._w, self.PX + 12)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(27, 27, 27, 225))
        p.drawRoundedRect(self.boundingRect(), 6, 6)
        p.setPen(QColor("white"))
        p.setFont(_font(self.PX, bold=True))
        p.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, self._text)
