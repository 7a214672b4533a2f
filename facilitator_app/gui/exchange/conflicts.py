"""The "Conflitti" dialog: versions that lost a concurrent edit, and restoring one."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.errors import CoreError
from facilitator_app.core.exchange.conflicts import list_conflicts, restore_conflict, set_resolved
from facilitator_app.core.plenaries.plenaries import duplicate_numbers, next_free_number, renumber_plenary
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.exchange.texts import field_label, table_label
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.undo import run

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _when(iso: str | None) -> str:
    if not iso:
        return ""
    return datetime.fromisoformat(iso).astimezone().strftime("%d/%m/%Y %H:%M")


def _short(value: Any, limit: int = 120) -> str:
    text = " ".join(str(value if value is not None else "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ConflictsModel(QAbstractTableModel):
    """Cached conflict rows (from core.conflicts.list_conflicts); reloads when conflicts change."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.include_resolved = False
        self._rows: list[dict[str, Any]] = []
        self._headers = [self.tr("What"), self.tr("Which"), self.tr("Field"), self.tr("Current version"),
                         self.tr("Other version (not kept)"), self.tr("From"), self.tr("When"), self.tr("Status")]
        ctx.changed.connect(self._on_changes)
        ctx.store_replaced.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = list_conflicts(self.ctx.store, include_resolved=self.include_resolved)
        self.endResetModel()

    def set_include_resolved(self, value: bool) -> None:
        self.include_resolved = value
        self.reload()

    def _on_changes(self, changes: Changes) -> None:
        tables = {r["tbl"] for r in self._rows}
        if changes.touches("conflicts", "devices", *tables):
            self.reload()

    def row(self, index: int) -> dict[str, Any]:
        return self._rows[index]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def _cell(self, r: dict[str, Any], column: int) -> str:
        if column == 0:
            return table_label(r["tbl"])
        if column == 1:  # a row known by the text that changed: say where it is instead
            if r["field"] in ("text", "title", "name") and r["context"]:
                where = self.tr("group %1") if r["context_kind"] == "group" else self.tr("plenary %1")
                return fmt(where, r["context"])
            return r["label"]
        if column == 2:
            return field_label(r["field"])
        if column == 3:
            return _short(r["current_value"])
        if column == 4:
            return _short(r["lost_value"])
        if column == 5:
            return r["device_name"]
        if column == 6:
            return _when(r["lost_at"])
        return self.tr("Resolved") if r["resolved"] else self.tr("Open")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(r, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (3, 4):
            return str(r["current_value" if index.column() == 3 else "lost_value"] or "")
        if role == Qt.ItemDataRole.ForegroundRole and r["resolved"]:
            return QColor("#777777")
        if role == ID_ROLE:
            return r["id"]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class DuplicateNumbers(QGroupBox):
    """Plenaries that share a number after a merge (each laptop created "plenary 9"): shown as a conflict,
    resolved by giving one of them the next free number (undoable)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Plenaries with the same number"))
        self.rows = QVBoxLayout(self)
        self.buttons: dict[str, QPushButton] = {}
        ctx.changed.connect(lambda ch: ch.touches("plenaries") and self.refresh())
        self.refresh()

    def refresh(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.buttons = {}
        groups = duplicate_numbers(self.ctx.store)
        self.setVisible(bool(groups))
        free = next_free_number(self.ctx.store)
        for number, plenaries in groups:
            listed = "; ".join(fmt(self.tr("%1 (%2, made on %3)"), p.get("title") or p["id"][:8],
                                   _day(p["date"]), self.ctx.store.scalar(
                                       "SELECT name FROM devices WHERE id = ?", (p["device_id"],)) or "?")
                               for p in plenaries)
            label = QLabel(fmt(self.tr("%1 plenaries are numbered %2: %3. Give one of them another number."),
                               len(plenaries), number, listed))
            label.setWordWrap(True)
            self.rows.addWidget(label)
            later = plenaries[-1]
            button = QPushButton(fmt(self.tr("Number the one of %1 as %2"), _day(later["date"]), free))
            button.clicked.connect(lambda _=False, pid=later["id"], n=free: self.renumber(pid, n))
            self.rows.addWidget(button)
            self.buttons[later["id"]] = button
            free += 1

    def renumber(self, plenary_id: str, number: int) -> None:
        run(self.ctx, fmt(self.tr("Number the plenary as %1"), number), renumber_plenary, plenary_id, number,
            refused=(CoreError,), title=self.tr("Not renumbered"), parent=self)


def _day(iso: str | None) -> str:
    return datetime.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


class ConflictsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Conflicts"))
        self.setObjectName("ConflictsDialog")
        intro = QLabel(self.tr(
            "When the same text was changed on two laptops before they exchanged packages, the app keeps the "
            "most recent version and saves the other one here, so nothing is lost. If the other version was "
            "the right one, restore it."))
        intro.setWordWrap(True)
        self.model = ConflictsModel(ctx, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.setStyleSheet("QTableView::item { padding: 4px 3px; }")
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((110, 170, 70, 230, 230, 120, 115, 80)):
            self.view.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.empty = QLabel(self.tr("No conflicts: every change from the other laptops fitted in."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.show_resolved = QCheckBox(self.tr("Show resolved"))
        self.show_resolved.toggled.connect(self.model.set_include_resolved)
        self.restore_button = QPushButton(self.tr("Restore this version"))
        self.restore_button.setToolTip(self.tr("Write the other version back (it can be undone with Edit › Undo)"))
        self.keep_button = QPushButton(self.tr("Keep the current one"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.keep_button.clicked.connect(self.keep_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.show_resolved)
        row.addStretch(1)
        row.addWidget(self.keep_button)
        row.addWidget(self.restore_button)
        self.duplicates = DuplicateNumbers(ctx, self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.model.modelReset.connect(self._update)
        self.view.selectionModel().selectionChanged.connect(self._update)
        self.resize(1180, 460)
        self._update()

    def selected(self) -> dict[str, Any] | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update(self, *_: object) -> None:
        self.view.resizeRowsToContents()
        has_rows = self.model.rowCount() > 0
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if has_rows and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)
        r = self.selected()
        self.restore_button.setEnabled(bool(r) and not r["resolved"] and r["current_value"] != r["lost_value"])
        self.keep_button.setEnabled(bool(r) and not r["resolved"])

    def restore_selected(self) -> None:
        r = self.selected()
        if r is None:
            return
        # A new edit that travels; undo writes the previous text back and reopens the conflict.
        run(self.ctx, fmt(self.tr("Restore the version from %1"), r["device_name"]), restore_conflict, r["id"])

    def keep_selected(self) -> None:
        r = self.selected()
        if r is None:
            return
        run(self.ctx, self.tr("Keep the current version"), set_resolved, r["id"], True)
