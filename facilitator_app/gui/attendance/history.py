"""Attendance history of the cycle: member x plenary grid with rates, and who needs a follow-up call.

The follow-up threshold (absences in a row, minimum attendance) is stored in
the assembly's settings, so every laptop and the secretariat use the same.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.attendance import stats as S
from facilitator_app.core.attendance.checkin import AttendanceError, attendance_settings, save_attendance_settings
from facilitator_app.core.store.store import Changes
from facilitator_app.core.text import fold
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.refresh import RefreshWhenShown
from facilitator_app.gui.tablemodel import RowsModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
WATCHED = ("attendance", "members", "plenaries", "sessions", "settings")
CELL = {S.PRESENT: ("●", "#cdebd8"), S.PARTIAL: ("◐", "#e6f2d9"), S.JUSTIFIED: ("G", "#e4e8ee"),
        S.ABSENT: ("✗", "#f8d4d0"), S.UPCOMING: ("·", None), S.NOT_EXPECTED: ("", None)}


def percent(rate: float | None) -> str:
    return "" if rate is None else f"{round(rate * 100)}%"


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.history: S.History | None = None
        self._rows: list[tuple[dict[str, Any], list[S.Cell], float | None]] = []
        self._headers: list[str] = []

    def set_history(self, h: S.History) -> None:
        self.beginResetModel()
        self.history = h
        self._rows = [(m, [h.cell(m["id"], p["id"]) for p in h.plenaries], h.member_rate(m["id"])) for m in h.members]
        self._headers = [self.tr("Member")]
        for p in h.plenaries:
            d = date.fromisoformat(p["date"])
            self._headers.append(f"{p['number']}\n{d.day:02d}/{d.month:02d}\n{percent(h.plenary_rate(p['id']))}")
        self._headers.append(self.tr("Rate"))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member, cells, rate = self._rows[index.row()]
        col = index.column()
        last = len(self._headers) - 1
        if col == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{member['surname']} {member['first_name']}"
            if role == SORT_ROLE:  # as people read names: Şahin with the S, Ødegård with the O
                return f"{fold(member['surname'])} {fold(member['first_name'])}"
            return None
        if col == last:
            if role == Qt.ItemDataRole.DisplayRole:
                return percent(rate)
            if role == SORT_ROLE:
                return -1 if rate is None else rate
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        cell = cells[col - 1]
        glyph, bg = CELL[cell.state]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return glyph
        if role == Qt.ItemDataRole.BackgroundRole and bg:
            return QColor(bg)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            text = {S.PRESENT: self.tr("present"), S.PARTIAL: fmt(self.tr("present at %1 of %2 sessions"),
                                                                cell.attended, cell.sessions),
                    S.JUSTIFIED: fmt(self.tr("justified: %1"), cell.reason or ""), S.ABSENT: self.tr("absent"),
                    S.UPCOMING: self.tr("not held yet"), S.NOT_EXPECTED: self.tr("not in office")}[cell.state]
            return text
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def member_id(self, row: int) -> str:
        return self._rows[row][0]["id"]


class HistoryPage(RefreshWhenShown, QWidget):
    export_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = HistoryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setMinimumSectionSize(30)
        self.table.setStyleSheet("QTableView { font-size: 11pt; }")
        self.legend = QLabel(self.tr("● present all day   ◐ part of the day   G justified   ✗ absent   · not held yet   "
                                     "(empty: not in office)"))
        self.legend.setWordWrap(True)  # one long line would set the page's (and the window's) minimum width

        self.followup_model = RowsModel([
            (self.tr("Member"), lambda f: f"{f.member['surname']} {f.member['first_name']}"),
            (self.tr("In a row"), lambda f: f.streak),
            (self.tr("Rate"), lambda f: percent(f.rate)),
            (self.tr("Last present"), lambda f: f.last_present if f.last_present is not None else "—"),
            (self.tr("Phone"), lambda f: f.member.get("phone") or ""),
        ], parent=self)
        self.followups = QTableView()
        self.followups.setModel(self.followup_model)
        self.followups.verticalHeader().hide()
        self.followups.horizontalHeader().setStretchLastSection(True)
        self.followups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.followup_title = QLabel()
        f = self.followup_title.font()
        f.setBold(True)
        f.setPointSizeF(13)
        self.followup_title.setFont(f)
        self.consecutive = QSpinBox()
        self.consecutive.setRange(1, 10)
        self.min_rate = QSpinBox()
        self.min_rate.setRange(0, 100)
        self.min_rate.setSuffix(" %")
        self.min_rate.setSpecialValueText(self.tr("off"))
        self._load_settings()
        self.consecutive.valueChanged.connect(self._save_settings)
        self.min_rate.valueChanged.connect(self._save_settings)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export_xlsx)

        settings_row = QHBoxLayout()
        settings_row.addWidget(QLabel(self.tr("Call after absences in a row:")))
        settings_row.addWidget(self.consecutive)
        settings_row.addWidget(QLabel(self.tr("or attendance below:")))
        settings_row.addWidget(self.min_rate)
        settings_row.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.followup_title)
        rl.addLayout(settings_row)
        rl.addWidget(self.followups, 1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.table, 1)
        ll.addWidget(self.legend)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([800, 480])
        top = QHBoxLayout()
        title = QLabel(self.tr("Attendance across the cycle"))
        title.setFont(self.followup_title.font())
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        ctx.changed.connect(self._on_changes)
        ctx.store_replaced.connect(self.refresh)
        self.refresh()
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def _load_settings(self) -> None:
        s = attendance_settings(self.ctx.store)
        for box, value in ((self.consecutive, s["followup_consecutive"]),
                           (self.min_rate, round((s["followup_min_rate"] or 0) * 100))):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)

    def _save_settings(self) -> None:
        try:
            save_attendance_settings(self.ctx.store, {
                "followup_consecutive": self.consecutive.value(),
                "followup_min_rate": self.min_rate.value() / 100 or None})
        except AttendanceError as exc:
            self.ctx.prompts.error(self, self.tr("Follow-up"), error_text(exc))

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*WATCHED):
            if changes.touches("settings"):
                self._load_settings()
            self.refresh_when_shown()

    def refresh(self) -> None:
        history = S.attendance_history(self.ctx.store)
        self.model.set_history(history)
        self.table.setColumnWidth(0, 230)
        for col in range(1, self.model.columnCount()):
            self.table.setColumnWidth(col, 62)
        rows = S.followups(history, attendance_settings(self.ctx.store))
        self.followup_model.set_rows(rows)
        self.followups.resizeColumnsToContents()
        self.followup_title.setText(fmt(self.tr("To call (%1)"), len(rows)))

    def export_xlsx(self, path: str | None = None) -> None:
        from facilitator_app.exporters.attendance_xlsx import write_attendance_xlsx

        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export attendance"), "presenze.xlsx",
                                                  self.tr("Excel files (*.xlsx)"))
        if path:
            write_attendance_xlsx(self.ctx.store, path)
            from facilitator_app.core.privacy.audit import record

            record(self.ctx.store, "export", "attendance of the cycle (Excel)", path)
