"""The wall: a scene of one group's notes and clusters, and a view to pan, zoom and drag it.

`WallScene` mirrors the store for one group and follows `ctx.changed`,
updating only the cards and clusters whose rows changed. It never writes:
moves, drops, votes and edits come out as signals that the page turns into
undoable core actions. `WallView` pans (drag the background, scroll), zooms
(Ctrl+wheel, +/-, fit), selects with a rubber band (Shift+drag) and edits texts
in place with small overlay editors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPixmapCache, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QLineEdit, QPlainTextEdit, QWidget
from shiboken6 import isValid

from facilitator_app.core.notes import notes as N
from facilitator_app.core.notes import tags as T
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.notes.items import LOD_ZOOM, TEXT_PX, TITLE_PX, ClusterItem, NoteCard, NoteData

DIM = 0.18
OVERVIEW = LOD_ZOOM  # below: cluster titles in screen-size type, cards as sketches in their cluster's picture
MIN_ZOOM, MAX_ZOOM = 0.04, 4.0
SETTLE_MS = 150  # this long after the last pan or zoom step, cards are drawn smooth again


class WallScene(QGraphicsScene):
    vote_requested = Signal(str, str, int)      # target type, id, +1/-1
    edit_requested = Signal(object)             # NoteCard
    rename_requested = Signal(object)           # ClusterItem
    dropped = Signal(dict, dict, object)        # note positions, cluster positions, target item or None
    loaded = Signal()

    def __init__(self, ctx: AppContext, interactive: bool = True, parent=None):
        super().__init__(parent)
        self.ctx, self.interactive = ctx, interactive
        self.group_id: str | None = None
        self.cards: dict[str, NoteCard] = {}
        self.clusters: dict[str, ClusterItem] = {}
        self.placeholder = self.tr("Untitled cluster")
        self._filter: Callable[[NoteData], bool] | None = None
        self._press: dict[Any, QPointF] = {}
        self.overview_zoom = 1.0
        self._selected: set = set()
        self.selectionChanged.connect(self._selection_changed)
        self.setBackgroundBrush(QColor("#FAFAF7"))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        ctx.changed.connect(self.apply_changes)
        ctx.store_replaced.connect(self._store_replaced)  # bound: dropped with the scene

    # -- loading ----------------------------------------------------------------------------
    def _store_replaced(self) -> None:
        self.load(None)

    def _lookups(self) -> None:
        store = self.ctx.store
        self._cats = {c["id"]: c for c in store.select("note_categories", include_deleted=True)}
        self._names = {m["id"]: f"{m['first_name']} {m['surname']}" for m in store.query(
            "SELECT id, first_name, surname FROM members WHERE id IN "
            "(SELECT author_member_id FROM notes WHERE group_id = ? AND author_member_id IS NOT NULL)",
            (self.group_id,))}

    def note_data(self, row: dict[str, Any], votes: int) -> NoteData:
        cat = self._cats.get(row["category_id"]) or {}
        author = row["author_member_id"]
        if author and author not in self._names:
            m = self.ctx.store.get("members", author, include_deleted=True)
            self._names[author] = f"{m['first_name']} {m['surname']}" if m else ""
        # The projector (a scene that is not interactive) never shows who said what: the room sees ideas.
        shown_author = self._names.get(author, "") if author and self.interactive else ""
        return NoteData(row["id"], row["text"], cat.get("color"), cat.get("name") or "",
                        shown_author, T.decode(row["tags"]), votes,
                        row["cluster_id"], row["category_id"], author)

    def load(self, group_id: str | None) -> None:
        self._selected = set()
        self.clear()
        self.cards.clear()
        self.clusters.clear()
        self.group_id = group_id
        if group_id is None:
            self.loaded.emit()
            return
        store = self.ctx.store
        self._lookups()
        votes = N.vote_totals(store, group_id=group_id)
        rows = N.notes_of(store, group_id=group_id)
        counts: dict[str, int] = {}
        for r in rows:
            if r["cluster_id"]:
                counts[r["cluster_id"]] = counts.get(r["cluster_id"], 0) + 1
        for c in N.clusters_of(store, group_id):
            self._add_cluster(c, counts.get(c["id"], 0), votes.get(c["id"], 0))
        for r in rows:
            self._place(self._add_card(r, votes.get(r["id"], 0)), r)
        self._apply_filter(self.cards.values())
        self.setSceneRect(self.itemsBoundingRect().adjusted(-2000, -2000, 2000, 2000))
        self.loaded.emit()

    def _add_cluster(self, row: dict[str, Any], n: int, votes: int) -> ClusterItem:
        item = ClusterItem(row["id"], row["title"], N.cluster_size(n), votes, self.placeholder)
        item.count = n
        item.setPos(row["x"] or 0, row["y"] or 0)
        self.clusters[row["id"]] = item
        self.addItem(item)
        item.set_lod(self.overview_zoom < LOD_ZOOM)
        return item

    def set_overview(self, zoom: float) -> None:
        """Below LOD_ZOOM each cluster draws its cards in one cached picture. (The view draws the cluster
        titles in screen-size type then: WallView.drawForeground.)"""
        self.overview_zoom = zoom
        for item in self.clusters.values():
            item.set_lod(zoom < LOD_ZOOM)

    def _add_card(self, row: dict[str, Any], votes: int) -> NoteCard:
        card = NoteCard(self.note_data(row, votes))
        self.cards[row["id"]] = card
        self.addItem(card)
        return card

    def _place(self, card: NoteCard, row: dict[str, Any]) -> None:
        parent = self.clusters.get(row["cluster_id"]) if row["cluster_id"] else None
        if card.parentItem() is not parent:
            card.setParentItem(parent)
            card.sync_lod()
        x, y = row["x"] or 0, row["y"] or 0
        if parent is not None:
            x, y = x - parent.pos().x(), y - parent.pos().y()
        card.setPos(x, y)
        card.picture_changed()

    # -- live updates ---------------------------------------------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        if self.group_id is None:
            return
        store = self.ctx.store
        if changes.touches("note_categories", "members"):
            self.load(self.group_id)
            return
        note_ids = list(changes.rows.get("notes", ()))
        cluster_ids = list(changes.rows.get("clusters", ()))
        targets: set[str] = set()
        if "votes" in changes.rows:
            targets = {t for (t,) in self._fetch("SELECT target_id FROM votes WHERE id IN ({})",
                                                 list(changes.rows["votes"]))}
            targets &= set(self.cards) | set(self.clusters)
        if not (note_ids or cluster_ids or targets):
            return
        crow = {r["id"]: r for r in self._rows("clusters", cluster_ids)}
        nrow = {r["id"]: r for r in self._rows("notes", note_ids)}
        votes = N.vote_totals(store, list(nrow) + list(crow) + list(targets))
        for cid, r in crow.items():
            alive = not r["deleted"] and r["group_id"] == self.group_id
            item = self.clusters.get(cid)
            if alive and item is None:
                self._add_cluster(r, 0, votes.get(cid, 0))
            elif alive:
                item.setPos(r["x"] or 0, r["y"] or 0)
                item.set_data(r["title"], item.boundingRect().size().toTuple(), votes.get(cid, 0))
        for nid, r in nrow.items():
            card = self.cards.get(nid)
            if r["deleted"] or r["group_id"] != self.group_id:
                if card is not None:
                    self.removeItem(card)
                    del self.cards[nid]
                continue
            if r["author_member_id"] and r["author_member_id"] not in self._names:
                self._lookups()
            if card is None:
                card = self._add_card(r, votes.get(nid, 0))
            else:
                card.set_data(self.note_data(r, votes.get(nid, 0)))
            self._place(card, r)
            self._apply_filter([card])
        for cid, r in crow.items():
            if (r["deleted"] or r["group_id"] != self.group_id) and cid in self.clusters:
                item = self.clusters.pop(cid)
                for child in [c for c in item.childItems() if isinstance(c, NoteCard)]:
                    pos = child.scenePos()
                    child.setParentItem(None)
                    child.setPos(pos)
                    child.sync_lod()
                self.removeItem(item)
        for t in targets:
            if t in self.cards:
                self.cards[t].set_votes(votes.get(t, 0))
            elif t in self.clusters:
                item = self.clusters[t]
                item.set_data(item.title, item.boundingRect().size().toTuple(), votes.get(t, 0))
        for item in self.clusters.values():
            count = sum(isinstance(c, NoteCard) for c in item.childItems())
            if count != item.count:  # the overview label shows it
                item.count = count
                item.update()
            size = N.cluster_size(count)
            if size != item.boundingRect().size().toTuple():
                item.set_data(item.title, size, item.votes)
        self.setSceneRect(self.sceneRect().united(self.itemsBoundingRect().adjusted(-2000, -2000, 2000, 2000)))

    def _fetch(self, sql: str, ids: list[str]) -> list[tuple]:
        out = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            out += self.ctx.store.conn.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
        return out

    def _rows(self, table: str, ids: list[str]) -> list[dict[str, Any]]:
        out = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            out += self.ctx.store.query(f"SELECT * FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        return out

    def reset_positions(self) -> None:
        """Put every item back where the store has it (after a refused or empty drop)."""
        if self.group_id is None:
            return
        for r in N.clusters_of(self.ctx.store, self.group_id):
            if r["id"] in self.clusters:
                self.clusters[r["id"]].setPos(r["x"] or 0, r["y"] or 0)
        for r in N.notes_of(self.ctx.store, group_id=self.group_id):
            if r["id"] in self.cards:
                self._place(self.cards[r["id"]], r)

    # -- filter -----------------------------------------------------------------------------------
    def set_filter(self, predicate: Callable[[NoteData], bool] | None) -> None:
        self._filter = predicate
        self._apply_filter(self.cards.values())

    def _apply_filter(self, cards) -> None:
        for card in cards:
            dim = self._filter is not None and not self._filter(card.data_)
            if dim != card.dimmed:
                card.dimmed = dim
                card.setOpacity(DIM if dim else 1.0)
                card.picture_changed()

    def matching(self) -> list[NoteCard]:
        return [c for c in self.cards.values() if not c.dimmed]

    # -- selection ---------------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        """Repaint what was selected or unselected (its outline); a zoomed-out card paints itself while selected."""
        now = set(self.selectedItems())
        for item in now.symmetric_difference(self._selected):
            if isValid(item) and item.scene() is self:
                item.selection_changed()
        self._selected = now

    def selected_notes(self) -> list[str]:
        return [i.id for i in self.selectedItems() if isinstance(i, NoteCard)]

    def selected_clusters(self) -> list[str]:
        return [i.id for i in self.selectedItems() if isinstance(i, ClusterItem)]

    # -- drags: remember where items started, tell the page where they ended ----------------------
    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)
        if self.interactive and event.button() == Qt.MouseButton.LeftButton:
            self._press = {i: i.scenePos() for i in self.selectedItems()}
            for item in self._press:
                top = item.topLevelItem()
                top.setZValue(3)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, {}
        for item in press:
            item.topLevelItem().setZValue(2 if isinstance(item.topLevelItem(), NoteCard) else 1)
        if not self.interactive or event.button() != Qt.MouseButton.LeftButton:
            return
        moved = [i for i, p in press.items() if i.scene() is self and (i.scenePos() - p).manhattanLength() > 2]
        if not moved:
            return
        notes = {i.id: i.scenePos().toTuple() for i in moved if isinstance(i, NoteCard)}
        clusters = {i.id: i.scenePos().toTuple() for i in moved if isinstance(i, ClusterItem)}
        target = self.drop_target(event.scenePos(), moved)
        if isinstance(target, ClusterItem) and target.header_rect().contains(target.mapFromScene(event.scenePos())):
            notes = {nid: None for nid in notes}  # dropped on the title: join at the end
        self.dropped.emit(notes, clusters, target)

    def drop_target(self, pos: QPointF, moved: list) -> NoteCard | ClusterItem | None:
        moving = set(moved)
        for item in self.items(pos):
            if item in moving or any(a in moving for a in _ancestors(item)):
                continue
            if isinstance(item, (NoteCard, ClusterItem)):
                return item
        return None


def _ancestors(item):
    p = item.parentItem()
    while p is not None:
        yield p
        p = p.parentItem()


class WallView(QGraphicsView):
    text_edited = Signal(str, str)       # note id, new text
    title_edited = Signal(str, str)      # cluster id, new title
    zoom_changed = Signal(float)

    def __init__(self, scene: WallScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 384 * 1024))  # KB: ~1,500 cached cards
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS, timeout=self._set_quality)
        self.zoom_changed.connect(scene.set_overview)
        self.zoom_changed.connect(self._set_quality)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.editor: QWidget | None = None
        self._zoom_sent: float | None = None
        self.auto_fit = False  # fitted and not zoomed or panned since: a resize fits again
        if scene.interactive:
            scene.edit_requested.connect(self.edit_note)
            scene.rename_requested.connect(self.rename_cluster)

    def wall(self) -> WallScene:
        return self.scene()

    # -- zoom and pan ---------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def _set_quality(self, *_zoom) -> None:
        """Scale the cards' cached pixmaps smoothly only when it shows and the wall is still: smoothing costs
        about 0.1 ms a card (10 ms for the ~100 in view at zoom 0.5, two thirds of the frame), so while it is
        panned or zoomed they are scaled plainly and drawn once more, smooth, SETTLE_MS after it stops. Below
        OVERVIEW card text is unreadable anyway (the overview labels carry the titles)."""
        smooth = self.zoom() >= OVERVIEW and not self._settle.isActive()
        if bool(self.renderHints() & QPainter.RenderHint.SmoothPixmapTransform) != smooth:
            self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)  # repaints the view

    def _moving(self) -> None:
        self._settle.start()
        self._set_quality()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self._moving()
        super().scrollContentsBy(dx, dy)

    def _zoomed(self, always: bool = False) -> None:
        """Tell the scene (overview labels, level of detail) that the zoom changed, whoever changed it."""
        if always or self.zoom() != self._zoom_sent:
            self._zoom_sent = self.zoom()
            self.zoom_changed.emit(self._zoom_sent)

    def scale(self, sx: float, sy: float) -> None:
        super().scale(sx, sy)
        self._zoomed()

    def resetTransform(self) -> None:
        super().resetTransform()
        self._zoomed()

    def setTransform(self, matrix, combine: bool = False) -> None:
        super().setTransform(matrix, combine)
        self._zoomed()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.auto_fit:  # e.g. the page was fitted while hidden, at a size it no longer has
            self.fit()

    def zoom_by(self, factor: float) -> None:
        self.auto_fit = False
        z = self.zoom()
        factor = max(MIN_ZOOM / z, min(MAX_ZOOM / z, factor))
        self._moving()
        self.scale(factor, factor)

    def fit(self, items=None) -> None:
        scene = self.wall()
        rect = QRectF()
        for item in (items if items is not None else list(scene.cards.values()) + list(scene.clusters.values())):
            rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty():
            rect = QRectF(0, 0, 3 * N.CARD_W, 2 * N.CARD_H)
        self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.5:
            self.zoom_by(1.5 / self.zoom())
        self._zoomed(always=True)
        self.auto_fit = True

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """Zoomed out to an overview, each cluster's title, dots and number of notes in screen-size type over
        its top left corner (within the cluster, so it is repainted whenever the cluster is)."""
        z = self.zoom()
        if z >= OVERVIEW:
            return
        to_view = self.viewportTransform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # whole pixels: fills ~10x faster
        for item in self.wall().clusters.values():
            box = item.sceneBoundingRect()
            if not box.intersects(rect):
                continue
            label = item.label
            label.layout(item.shown_title(), item.votes, item.count, box.width() * z, box.height() * z)
            at = to_view.map(box.topLeft())
            # A tiny cluster far out: keep to it, or moving it would leave bits of label behind.
            clip = label.size.width() > box.width() * z - 4 or label.size.height() > box.height() * z - 4
            if clip:
                painter.save()
                painter.setClipRect(to_view.mapRect(box), Qt.ClipOperation.IntersectClip)
            label.paint(painter, QPointF(round(at.x()) + 4, round(at.y()) + 4))
            if clip:
                painter.restore()
        painter.restore()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.15 ** (event.angleDelta().y() / 120))
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif key in (Qt.Key.Key_0, Qt.Key.Key_F) and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.fit()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:
        self.auto_fit = False  # the person takes over: a pan, a drag, a selection
        on_item = self.itemAt(event.position().toPoint()) is not None
        mods = event.modifiers()
        rubber = self.wall().interactive and not on_item and mods & (Qt.KeyboardModifier.ShiftModifier
                                                                      | Qt.KeyboardModifier.ControlModifier)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag if rubber else QGraphicsView.DragMode.ScrollHandDrag)
        super().mousePressEvent(event)

    # -- in-place editors ------------------------------------------------------------------------
    def _overlay(self, editor: QWidget, rect: QRectF) -> None:
        self.close_editor()
        self.editor = editor
        r = self.mapFromScene(rect).boundingRect()
        editor.setParent(self.viewport())
        editor.setGeometry(r)
        editor.show()
        editor.setFocus()

    def close_editor(self) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.hide()
            editor.deleteLater()
            self.setFocus()

    def edit_note(self, card: NoteCard) -> None:
        editor = _NoteEditor(card.data_.text, self)
        font = QFont()
        font.setPixelSize(max(12, int(TEXT_PX * self.zoom())))
        editor.setFont(font)
        editor.setObjectName("noteEditor")
        editor.done.connect(lambda text, nid=card.id: self._finish(self.text_edited, nid, text))
        rect = card.sceneBoundingRect()
        self._overlay(editor, QRectF(rect.topLeft(), rect.size() * 1.4) if self.zoom() < 1 else rect)

    def rename_cluster(self, item: ClusterItem) -> None:
        editor = QLineEdit(item.title or "")
        editor.setObjectName("clusterEditor")
        editor.setPlaceholderText(self.tr("Cluster name"))
        font = QFont()
        font.setPixelSize(max(14, int(TITLE_PX * self.zoom())))
        font.setBold(True)
        editor.setFont(font)
        editor.returnPressed.connect(lambda cid=item.id: self._finish(self.title_edited, cid, editor.text()))
        editor.installEventFilter(self)
        rect = item.sceneBoundingRect()
        self._overlay(editor, QRectF(rect.left(), rect.top(), max(rect.width(), 420 / max(self.zoom(), 0.1)),
                                     N.HEADER_H))
        editor.selectAll()

    def _finish(self, signal, row_id: str, text: str) -> None:
        self.close_editor()
        signal.emit(row_id, text)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.editor and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.close_editor()
            return True
        return super().eventFilter(obj, event)


class _NoteEditor(QPlainTextEdit):
    """Enter saves, Shift+Enter starts a new line, Esc cancels."""

    done = Signal(str)

    def __init__(self, text: str, view: WallView):
        super().__init__()
        self.view = view
        self.setPlainText(text)
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.done.emit(self.toPlainText())
        elif event.key() == Qt.Key.Key_Escape:
            self.view.close_editor()
        else:
            super().keyPressEvent(event)
