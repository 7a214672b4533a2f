"""The wall's graphics items: a note card and a cluster region.

Cards lay out their text once, when their data changes (`set_data`), and are
cached as pixmaps in item coordinates, so panning, zooming and dragging only
blit; a paint never lays out text. Dimming (search/filter) uses opacity, which
keeps the cache.

Level of detail: below LOD_ZOOM a cluster draws itself and its cards, as
sketches (colours, dots, grey bars for the text), from one picture made at
LOD_ZOOM and redrawn only when one of its cards changes; the cards stay in the
scene (a click, a double-click, a drag or a rubber band still reaches them) but
paint nothing, so the view draws one picture per cluster instead of one pixmap
per card. A selected card paints itself (and leaves the picture), so what is
dragged is always seen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap, QTextLayout, QTextOption
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from facilitator_app.core.notes.notes import CARD_H, CARD_W, HEADER_H

TEXT_PX, SMALL_PX, TITLE_PX = 19, 14, 24
MARGIN = 12
DEFAULT_COLOR = "#9E9E9E"
SELECTED = QColor("#0B57D0")
INK = QColor("#1B1B1B")
BUTTON = 28.0
BAND = 28.0
DOT = QColor("#212121")  # dark stickers read on every category colour
LOD_ZOOM = 0.5  # below this zoom (card text under 10 px) clusters draw their cards as one picture
GREEK = QColor(0, 0, 0, 80)  # the grey bars that stand for text in a card's sketch
SKETCH_EDGE = QColor(0, 0, 0, 60)
CLUSTER_BG = QColor("#ECEFF1")
NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


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


def layout_lines(text: str, font: QFont, width: float, max_lines: int,
                 anywhere: bool = True) -> tuple[list[str], bool]:
    """Word-wrapped lines of `text` (at most max_lines, the last elided); and whether it was cut.
    A word longer than the width is broken (`anywhere`) or elided on its own line."""
    fm = QFontMetricsF(font)
    flat = " ".join(text.split())
    layout = QTextLayout(flat, font)
    opt = QTextOption()
    opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if anywhere else QTextOption.WrapMode.WordWrap)
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
        line_text = flat[start:start + n].rstrip()
        if not anywhere and line.naturalTextWidth() > width:
            line_text, cut = fm.elidedText(line_text, Qt.TextElideMode.ElideRight, width), True
        lines.append(line_text)
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


def _controls(item) -> bool:
    """Vote buttons only where they work: the projector's wall (not interactive) shows none."""
    scene = item.scene()
    return scene is None or getattr(scene, "interactive", True)


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
    """What a card and a cluster share: the selection outline repaints (the scene calls `selection_changed`:
    no Python itemChange, which Qt would call for every change of every one of 1,000 cards), and a press on
    the −/+ buttons (`minus_rect`/`plus_rect`) asks the scene for a dot vote on this `kind`."""

    def selection_changed(self) -> None:
        self.update()

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
        self._sketched = False  # mirrors ItemHasNoContents (reading flags() costs 1,000 enum operations)
        self.set_data(data)

    def selection_changed(self) -> None:
        self.update()
        self.sync_lod()

    def sketched(self) -> bool:
        """Whether the card is drawn by its cluster's picture (zoomed out, not selected) instead of itself."""
        return self._sketched

    def sync_lod(self, notify: bool = True) -> None:
        """Paint itself, or be sketched in its cluster's picture: after a change of parent or selection, or of
        the cluster's level of detail (`notify` False: the cluster repaints itself once for all its cards)."""
        parent = self.parentItem()
        sketch = isinstance(parent, ClusterItem) and parent.lod and not self.isSelected()
        if sketch == self._sketched:
            return
        self._sketched = sketch
        self.setFlag(NO_CONTENTS, sketch)
        if notify:
            # Repaint where it is (a selected card may lie outside its cluster) without update(), which would
            # throw its cached pixmap away: 1:1 pixmaps stay valid while the cluster's picture stands in.
            if self.scene() is not None:
                self.scene().update(self.sceneBoundingRect())
            if isinstance(parent, ClusterItem):
                parent.refresh_picture()

    def picture_changed(self) -> None:
        """Its look or place changed: its cluster's picture is out of date."""
        parent = self.parentItem()
        if isinstance(parent, ClusterItem):
            parent.refresh_picture()

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
        self._widths = [QFontMetricsF(_font(TEXT_PX)).horizontalAdvance(line) for line in self._lines]
        self.setToolTip(data.text if (cut or len(data.text) > 60) else "")
        self.update()
        self.picture_changed()

    def set_votes(self, votes: int) -> None:
        self.data_.votes = votes
        self.update()
        self.picture_changed()

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
        if _controls(self):
            draw_vote_buttons(p, self.minus_rect(), self.plus_rect())
        if self.isSelected():
            p.setPen(QPen(SELECTED, 5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self.boundingRect().adjusted(2.5, 2.5, -2.5, -2.5))

    def paint_sketch(self, p: QPainter) -> None:
        """The card at a glance, for its cluster's picture: colours, dots and the shape of the text.
        Fills only (no stroked outlines): a picture of 16 cards draws in about a millisecond."""
        p.fillRect(QRectF(0, 0, CARD_W, CARD_H), SKETCH_EDGE)
        p.fillRect(QRectF(1.5, 1.5, CARD_W - 3, CARD_H - 3), self._bg)
        p.fillRect(QRectF(1.5, 1.5, CARD_W - 3, BAND), self._strip)
        if self._category:
            ink = QColor(self._on_strip)
            ink.setAlpha(150)
            p.fillRect(QRectF(MARGIN, 9, min(110.0, 9.0 * len(self._category)), 11), ink)
        y = BAND + 6 + TEXT_PX
        for w in self._widths:
            p.fillRect(QRectF(MARGIN, y - TEXT_PX * 0.72, w, TEXT_PX * 0.62), GREEK)
            y += TEXT_PX * 1.22
        if self._tags:
            p.fillRect(QRectF(MARGIN, CARD_H - 55, min(CARD_W - 2 * MARGIN, 7.5 * len(self._tags)), 10),
                       QColor(13, 71, 161, 110))
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0, 40))
        p.drawEllipse(self.minus_rect())
        p.drawEllipse(self.plus_rect())
        votes = self.data_.votes
        if votes > 0:  # the dot stickers, up to five, or a badge
            p.setBrush(DOT)
            if votes <= 5:
                for i in range(votes):
                    p.drawEllipse(QPointF(CARD_W - 17 - i * 22, 14), 10, 10)
            else:
                p.drawRoundedRect(QRectF(CARD_W - 58, 3, 52, 24), 12, 12)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

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
        # Painted directly (a fill and a few texts): a screen-size cache would be redrawn, in a new pixmap, at
        # every zoom step; zoomed out it draws its own picture (set_lod).
        self.setZValue(1)
        self.placeholder = placeholder
        self.lod = False
        self._pictures: list[QPixmap] = []  # its picture at LOD_ZOOM, then halved (made when needed)
        self._picture_dpr = 1.0
        self._picture_cards: frozenset = frozenset()  # the cards sketched in it
        self.count = 0  # its cards, for the overview label
        self.label = OverviewLabel()
        self._size = size
        self.set_data(title, size, votes)

    def set_lod(self, on: bool) -> None:
        """Zoomed out (on): draw the cluster and its cards' sketches from one picture; the cards paint nothing.
        The picture is kept when zooming in, and made again only if something it shows changed meanwhile."""
        if on == self.lod:
            return
        self.lod = on
        cards = [c for c in self.childItems() if isinstance(c, NoteCard)]
        for card in cards:
            card.sync_lod(notify=False)
        if on and frozenset(c for c in cards if c.sketched()) != self._picture_cards:
            self._pictures = []  # a card was selected or unselected while zoomed in
        # No update(): the zoom change that switches the level repaints the whole view; an update here
        # would queue a second full paint after it.

    def refresh_picture(self) -> None:
        """Something it draws changed (a card's look, place or selection; a card in or out): redraw the picture."""
        self._pictures = []
        if self.lod:
            self.update()

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):
        if change in (QGraphicsItem.GraphicsItemChange.ItemChildAddedChange,
                      QGraphicsItem.GraphicsItemChange.ItemChildRemovedChange):
            self.refresh_picture()
        return super().itemChange(change, value)

    def set_data(self, title: str | None, size: tuple[float, float], votes: int) -> None:
        if size != self._size:
            self.prepareGeometryChange()
            self._size = size
        self.title, self.votes = title, votes
        self._title, _ = layout_lines(self.shown_title(), _font(TITLE_PX, bold=True, italic=not title),
                                      self.title_width(), 2)
        self.setToolTip(title or "")
        self._pictures = []
        self.update()

    def shown_title(self) -> str:
        return " ".join((self.title or "").split()) or self.placeholder

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
        if not self.lod:
            self._paint_region(p, self.isSelected())
            return
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        if not self._pictures or self._picture_dpr != dpr:
            self._pictures, self._picture_dpr = [self._render_picture(dpr)], dpr
        # The picture halved as often as the zoom needs (each half made once, smoothly), then drawn scaled by
        # less than 2: cheap without smoothing, and thin bars do not vanish.
        device = option.levelOfDetailFromTransform(p.worldTransform()) * dpr
        level = 0
        while LOD_ZOOM * dpr / 2 ** (level + 1) >= device and self._pictures[level].width() > 8:
            level += 1
            if level == len(self._pictures):
                pic = self._pictures[-1]
                self._pictures.append(pic.scaled(pic.width() // 2, pic.height() // 2,
                                                 Qt.AspectRatioMode.IgnoreAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        picture = self._pictures[level]
        p.drawPixmap(self.boundingRect(), picture, QRectF(picture.rect()))
        if self.isSelected():
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(SELECTED, 5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 10, 10)

    def _render_picture(self, dpr: float) -> QPixmap:
        """The cluster as it looks at LOD_ZOOM, with its cards as sketches (those that do not paint themselves)."""
        scale = LOD_ZOOM * dpr
        pix = QPixmap(max(1, round(self._size[0] * scale)), max(1, round(self._size[1] * scale)))
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.scale(pix.width() / self._size[0], pix.height() / self._size[1])
        self._paint_region(p, False)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # fills on the pixel grid: ~10x faster
        sketched = [c for c in self.childItems() if isinstance(c, NoteCard) and c.sketched()]
        self._picture_cards = frozenset(sketched)
        for child in sketched:
            pos = child.pos()
            p.translate(pos)
            p.setOpacity(child.opacity())
            child.paint_sketch(p)
            p.translate(-pos)
        p.end()
        return pix

    def _paint_region(self, p: QPainter, selected: bool) -> None:
        rect = self.boundingRect().adjusted(1, 1, -1, -1)
        # The large fill without antialiasing (spans, fast), then the outline with it.
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(CLUSTER_BG)
        p.drawRoundedRect(rect, 10, 10)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(SELECTED if selected else QColor("#90A4AE"), 5 if selected else 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(rect, 10, 10)
        p.setPen(INK if self.title else QColor("#757575"))
        p.setFont(_font(TITLE_PX, bold=True, italic=not self.title))
        line_h = TITLE_PX * 1.15
        y = (HEADER_H - line_h * len(self._title)) / 2 + TITLE_PX - 2
        for line in self._title:
            p.drawText(QPointF(MARGIN + 4, y), line)
            y += line_h
        draw_dots(p, self.minus_rect().left() - 10, 12, self.votes, badge=True)
        if _controls(self):
            draw_vote_buttons(p, self.minus_rect(), self.plus_rect())

    def mouseDoubleClickEvent(self, event) -> None:
        scene = self.scene()
        if scene is not None and scene.interactive and self.header_rect().contains(event.pos()):
            scene.rename_requested.emit(self)
        event.accept()


class OverviewLabel:
    """A cluster's title, dots and number of notes in screen-size type, white on dark, for the overview: the view
    draws it over the cluster's top left corner (WallView.drawForeground), so a projector shows it from the back
    of the room at any zoom.

    Not a graphics item: an ItemIgnoresTransformations item cannot be indexed by the scene, which then walks
    every cluster and every card on every paint (even at 1:1, where labels are hidden); and a label that scales
    with 1/zoom changes the scene at every zoom step (re-indexing, a second paint). Drawn straight from its
    layout (about 30 µs); the layout is kept while it fits the room the cluster has on screen and that room
    has not grown by 30% (one -/+ key step is 25%), so most zoom steps do not redo it."""

    PX, MIN_PX = 22, 15
    COVER = 0.9  # at most this much of the cluster's height
    BACK = QColor(27, 27, 27, 225)

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._room, self._whole = (0.0, 0.0), False
        self.size = QSizeF()

    def layout(self, title: str, votes: int, count: int, room_w: float, room_h: float) -> None:
        """Fit the label in room_w x room_h screen pixels (at most COVER of the height, so a band of cards stays
        in sight): type from 22 px down to 15; the title on up to 3 lines broken between words; then the dots
        and the number of notes on a last line, unless that would leave the title on one cut line."""
        room_w, room_h = max(48.0, room_w - 8), max(24.0, room_h - 8)
        key = (title, votes, count)
        if (key == self._key and self.size.width() <= room_w + 0.5 and self.size.height() <= room_h + 0.5
                and (self._whole or (room_w < 1.3 * self._room[0] and room_h < 1.3 * self._room[1]))):
            return  # still fits, and the room has not grown by 30% (or it shows everything already)
        self._key, self._room = key, (room_w, room_h)
        room_w, room_h = int(room_w), int(room_h)
        px = max(self.MIN_PX, min(self.PX, room_w // 8))
        small = max(self.MIN_PX - 2, px - 4)
        pad = 6 if px >= 18 else 4
        line_h, row_h = round(px * 1.2), round(small * 1.3)
        cap = max(2 * pad + line_h, int(room_h * self.COVER))
        self.font, self.font_small = _font(px, bold=True), _font(small, bold=True)
        rows = min(3, (cap - 2 * pad - row_h) // line_h)
        lines, cut = layout_lines(title, self.font, room_w - 2 * pad, max(1, rows), anywhere=False)
        counts = rows >= 2 or (rows == 1 and not cut)
        if not counts:
            lines, _ = layout_lines(title, self.font, room_w - 2 * pad, max(1, min(3, (cap - 2 * pad) // line_h)),
                                    anywhere=False)
        self.lines = lines
        self.dots, self.count = (f"● {votes}" if votes else "", str(count)) if counts else ("", "")
        fm, fs = QFontMetricsF(self.font), QFontMetricsF(self.font_small)
        width = max([fm.horizontalAdvance(line) for line in lines]
                    + [fs.horizontalAdvance(f"{self.dots}  {self.count}") + 2 * small if counts else 0])
        self.size = QSizeF(min(room_w, width + 2 * pad), 2 * pad + len(lines) * line_h + (row_h if counts else 0))
        self.px, self.small, self.line_h, self.pad = px, small, line_h, pad
        self.dots_w = fs.horizontalAdvance(self.dots) + small if self.dots else 0.0
        self._whole = px == self.PX and len(lines) == 1 and not cut and counts

    def paint(self, p: QPainter, at: QPointF) -> None:
        """Draw the label (laid out by `layout`) with its top left corner at `at`, in device pixels."""
        p.fillRect(QRectF(at, self.size), self.BACK)
        p.setPen(QColor("white"))
        p.setFont(self.font)
        x, y = at.x() + self.pad, at.y() + self.pad + self.px
        for line in self.lines:
            p.drawText(QPointF(x, y), line)
            y += self.line_h
        if not self.count:
            return
        p.setFont(self.font_small)  # the dots, then a stack of two cards and how many notes the cluster holds
        y += self.small * 1.3 - self.line_h + 2
        if self.dots:
            p.drawText(QPointF(x, y), self.dots)
            x += self.dots_w
        side = round(self.small * 0.72)
        top = round(y - side - 1)
        p.fillRect(QRectF(x + 3, top - 3, side, side), QColor("#9E9E9E"))  # two post-its, one on the other
        p.fillRect(QRectF(x, top, side, side), QColor("white"))
        p.drawText(QPointF(x + side + 6, y), self.count)
