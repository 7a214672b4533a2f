"""The board: one column per group, one card per person, drag and drop between columns.

Each column is a QListView over a `CardsModel` (cards prepared by `core.group_assign.board`,
never SQL here). A drop asks the board to move the people (`moveRequested`); the page does
the move through the core and the board refreshes from `ctx.changed`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer,
                            Signal)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QLabel, QListView, QScrollArea,
                               QStyle, QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget)

from facilitator_app.gui.i18n import fmt

MIME = "application/x-facilitator-member-ids"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_ROLE = Qt.ItemDataRole.UserRole + 2
UNSEATED = ""  # group id of the "to seat" column


class CardsModel(QAbstractListModel):
    """The people of one column; drops are forwarded as (member ids, group id)."""

    dropped = Signal(list, str)

    def __init__(self, group_id: str, parent=None):
        super().__init__(parent)
        self.group_id = group_id
        self.cards: list[dict[str, Any]] = []

    def set_cards(self, cards: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.cards = list(cards)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        card = self.cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card['surname']} {card['first_name']}"
        if role == ID_ROLE:
            return card["id"]
        if role == CARD_ROLE:
            return card
        if role == Qt.ItemDataRole.ToolTipRole:
            return card.get("detail", "")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = [self.cards[i.row()]["id"] for i in indexes if i.isValid()]
        data.setData(MIME, "\n".join(dict.fromkeys(ids)).encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        return data.hasFormat(MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not data.hasFormat(MIME):
            return False
        ids = [i for i in bytes(data.data(MIME).data()).decode().split("\n") if i]
        mine = {c["id"] for c in self.cards}
        ids = [i for i in ids if i not in mine]
        if ids:
            self.dropped.emit(ids, self.group_id)
        return False  # the source rows are not removed here: the board reloads from the file


class CardDelegate(QStyledItemDelegate):
    """Two lines per person: the name (bold when pinned) and a grey detail line."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        h = option.fontMetrics.height()
        return QSize(120, int(h * 2.7))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        card = index.data(CARD_ROLE)
        painter.save()
        rect = option.rect.adjusted(3, 2, -3, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        absent = card.get("present") is False
        bg = option.palette.color(QPalette.ColorRole.Highlight) if selected else QColor(
            "#fdecea" if absent else "#ffffff")
        painter.setPen(QColor("#c9d3cd"))
        painter.setBrush(bg)
        painter.drawRoundedRect(rect, 5, 5)
        fg = option.palette.color(QPalette.ColorRole.HighlightedText) if selected else QColor("#1b1b1b")
        font = QFont(option.font)
        font.setBold(card.get("pinned", False))
        painter.setFont(font)
        painter.setPen(fg)
        line = option.fontMetrics.height()
        text_rect = QRect(rect.left() + 8, rect.top() + 3, rect.width() - 16, line + 2)
        name = ("📌 " if card.get("pinned") else "") + f"{card['surname']} {card['first_name']}"
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         option.fontMetrics.elidedText(name, Qt.TextElideMode.ElideRight, text_rect.width()))
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.88)
        painter.setFont(small)
        painter.setPen(fg if selected else QColor("#a12a1a" if absent else "#5b6660"))
        detail_rect = text_rect.translated(0, line + 1)
        painter.drawText(detail_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(small).elidedText(card.get("detail", ""), Qt.TextElideMode.ElideRight,
                                                        detail_rect.width()))  # "…", never cut mid-letter
        painter.restore()


class CardsView(QListView):
    def __init__(self, model: CardsModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CardDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setStyleSheet("QListView { background: #eef2ef; border: none; }")

    def selected_ids(self) -> list[str]:
        return [i.data(ID_ROLE) for i in sorted(self.selectedIndexes(), key=lambda i: i.row())]


class GroupColumn(QFrame):
    """Header (name, theme, room, facilitator, size and mix) above the list of cards."""

    headerActivated = Signal(str)
    widthChanged = Signal()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.widthChanged.emit()  # the header labels may wrap onto another line now

    def __init__(self, group_id: str, parent=None):
        super().__init__(parent)
        self.group_id = group_id
        self.setObjectName("groupColumn")
        self.setStyleSheet("QFrame#groupColumn { background: #eef2ef; border-radius: 6px; }"
                           "QLabel#groupTitle { font-size: 13pt; font-weight: 600; color: #15402f; }"
                           "QLabel#groupInfo, QLabel#groupMix { color: #3e4a44; }")
        self.setMinimumWidth(185)
        self.title = QLabel()
        self.title.setObjectName("groupTitle")
        self.info = QLabel()
        self.info.setObjectName("groupInfo")
        self.info.setWordWrap(True)
        self.mix = QLabel()
        self.mix.setObjectName("groupMix")
        self.mix.setWordWrap(True)
        # Same header height in every column, so the cards line up across the board.
        line = self.info.fontMetrics().height()
        self.info.setFixedHeight(line * 3 + 2)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.mix.setFixedHeight(line * 2 + 2)
        self.mix.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.model = CardsModel(group_id, self)
        self.view = CardsView(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(3)
        for w in (self.title, self.info, self.mix):
            layout.addWidget(w)
        layout.addWidget(self.view, 1)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.group_id:
            self.headerActivated.emit(self.group_id)
        super().mouseDoubleClickEvent(event)

    def set_header(self, title: str, info: str, mix: str) -> None:
        self.title.setText(title)
        self.info.setText(info)
        self.mix.setText(mix)


class Board(QScrollArea):
    """A horizontal row: the "to seat" column (late arrivals wait here), then one column per group."""

    moveRequested = Signal(list, str)       # member ids, group id ("" = unseat)
    groupActivated = Signal(str)
    contextRequested = Signal(object, object)  # CardsView, QPoint (global)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._inner = QWidget()
        self._row = QHBoxLayout(self._inner)
        self._row.setContentsMargins(4, 4, 4, 4)
        self._row.setSpacing(8)
        self.setWidget(self._inner)
        self.columns: list[GroupColumn] = []
        self._align = QTimer(self, singleShot=True, interval=0, timeout=self.align_headers)  # once, after layout
        self.unseated = self._make_column(UNSEATED)
        self._row.addWidget(self.unseated)
        self._row.addStretch(0)

    def _make_column(self, group_id: str) -> GroupColumn:
        col = GroupColumn(group_id)
        col.model.dropped.connect(self.moveRequested)
        col.headerActivated.connect(self.groupActivated)
        col.widthChanged.connect(self._align.start)
        col.view.customContextMenuRequested.connect(
            lambda pos, v=col.view: self.contextRequested.emit(v, v.viewport().mapToGlobal(pos)))
        return col

    def set_groups(self, group_ids: list[str]) -> None:
        """Keep one column per group id, in order (columns are reused when the ids match)."""
        if [c.group_id for c in self.columns] == group_ids:
            return
        for c in self.columns:
            self._row.removeWidget(c)
            c.hide()  # at once: deleteLater waits for the event loop
            c.deleteLater()
        self.columns = [self._make_column(gid) for gid in group_ids]
        for i, c in enumerate(self.columns):
            self._row.insertWidget(i + 1, c, 1)  # after the "to seat" column

    def align_headers(self) -> None:
        """Every column's header as tall as the tallest one needs (a long room name wraps to one more line),
        so no header is cut and the cards still line up across the board."""
        cols = [self.unseated, *self.columns]
        for attr, lines in (("info", 3), ("mix", 2)):
            labels = [getattr(c, attr) for c in cols]
            base = labels[0].fontMetrics().height() * lines + 2
            need = max([base] + [lab.heightForWidth(max(lab.width(), c.minimumWidth() - 16))
                                 for lab, c in zip(labels, cols) if lab.text()])
            for lab in labels:
                if lab.height() != need or lab.minimumHeight() != need:
                    lab.setFixedHeight(need)

    def column(self, group_id: str) -> GroupColumn | None:
        if group_id == UNSEATED:
            return self.unseated
        return next((c for c in self.columns if c.group_id == group_id), None)

    def views(self) -> list[CardsView]:
        return [c.view for c in self.columns] + [self.unseated.view]

    def selected_ids(self) -> list[str]:
        return [i for v in self.views() for i in v.selected_ids()]

    def clear_selection(self, keep: CardsView | None = None) -> None:
        for v in self.views():
            if v is not keep:
                v.clearSelection()


def size_text(n: int, capacity: int | None) -> str:
    return fmt("%1/%2", n, capacity) if capacity else str(n)
