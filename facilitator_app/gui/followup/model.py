"""The follow-up table: cached board rows, filtered in memory (no SQL here), overdue ones first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from facilitator_app.core.followup.board import Filters, FollowupRow, matches
from facilitator_app.gui.followup import labels as L
from facilitator_app.gui.i18n import fmt

OVERDUE_BG = QColor("#FDE3E1")
OVERDUE_FG = QColor("#A32018")


class FollowupModel(QAbstractTableModel):
    COLUMNS = ("code", "title", "answer", "due", "act", "progress", "actions")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[FollowupRow] = []
        self._rows: list[FollowupRow] = []
        self.filters = Filters()
        self._headers = [self.tr("Code"), self.tr("Recommendation"), self.tr("Answer"), self.tr("Answer due"), self.tr("Act"),
                         self.tr("Progress"), self.tr("Plan actions")]
        self._bold = QFont()
        self._bold.setBold(True)
        self._overdue_bg, self._overdue_fg = QBrush(OVERDUE_BG), QBrush(OVERDUE_FG)
        self._late = self.tr("%1 · overdue")
        self._late_tip = self.tr("The answer is overdue by %1 days")
        self._not_sent = self.tr("not sent yet")
        self._texts: dict[str, tuple[str, ...]] = {}

    def set_rows(self, rows: list[FollowupRow]) -> None:
        """New rows from the file: a reset (their texts are made again)."""
        self.beginResetModel()
        self._all = rows
        self._texts = {}
        self._rows = [r for r in rows if matches(r, self.filters)]
        self.endResetModel()

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.apply()

    def apply(self) -> None:
        """Filter the cached rows (no SQL). A new set of rows is a layout change, not a reset: the view
        keeps its header, scroll and selection (moved to where the rows now are), and repaints once."""
        rows = [r for r in self._all if matches(r, self.filters)]
        if len(rows) == len(self._rows) and all(a is b for a, b in zip(rows, self._rows)):
            return  # the same rows (another letter that filters nothing out): nothing to repaint
        self.layoutAboutToBeChanged.emit()
        where = {r.id: i for i, r in enumerate(rows)}
        old = self.persistentIndexList()
        moved = []
        for ix in old:
            i = where.get(self._rows[ix.row()].id) if ix.row() < len(self._rows) else None
            moved.append(QModelIndex() if i is None else self.createIndex(i, ix.column()))
        self._rows = rows
        self.changePersistentIndexList(old, moved)
        self.layoutChanged.emit()

    def all_rows(self) -> list[FollowupRow]:
        return self._all

    def visible(self) -> list[FollowupRow]:
        return self._rows

    def row(self, i: int) -> FollowupRow:
        return self._rows[i]

    def index_of(self, rec_id: str | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == rec_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def _display(self, r: FollowupRow) -> tuple[str, ...]:
        """The row's texts, made once per load (data() is asked for them at every paint)."""
        cached = self._texts.get(r.id)
        if cached is None:
            if not r.due_on:
                due = self._not_sent if not r.sent_on else "—"
            else:
                due = fmt(self._late, L.day(r.due_on)) if r.overdue else L.day(r.due_on)
            cached = self._texts[r.id] = (r.code, r.title, L.answer(r.answer_kind), due, r.act or "—",
                                          L.progress(r.progress), ", ".join(r.plan_actions))
        return cached

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        # Asked for about 7 roles x every visible cell at each paint: plain int roles (Qt passes ints;
        # an ItemDataRole is an IntEnum and compares equal), the cheap answers first.
        if role == _DISPLAY:
            return self._display(self._rows[index.row()])[index.column()]
        if role in _OVERDUE_ROLES:
            r = self._rows[index.row()]
            if not r.overdue:
                return None
            if role == _BACKGROUND:
                return self._overdue_bg
            col = index.column()
            if role == _FOREGROUND:
                return self._overdue_fg if col == 3 else None
            return self._bold if col in (0, 3) else None
        if role == _TOOLTIP:
            r, col = self._rows[index.row()], self.COLUMNS[index.column()]
            if col == "title":
                return r.title
            if col == "due" and r.overdue:
                return fmt(self._late_tip, r.days_overdue)
            if col == "act" and r.act:
                return r.act
        return None


_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND, _FOREGROUND = int(Qt.ItemDataRole.BackgroundRole), int(Qt.ItemDataRole.ForegroundRole)
_OVERDUE_ROLES = frozenset({_BACKGROUND, _FOREGROUND, int(Qt.ItemDataRole.FontRole)})
