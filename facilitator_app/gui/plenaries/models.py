"""Editable tables of one plenary (sessions, agenda, people): cached rows, edits through core actions.

Each edit is one core call wrapped in an undo command (snapshots of the row);
a refused value (a time that is not HH:MM, an end before the start) is
reported through ctx.prompts and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from facilitator_app.core.plenaries.plenaries import PlenaryError
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.undo import run_watched


@dataclass
class Column:
    header: str
    field: str
    choices: Callable[[], list[tuple[str, Any]]] | None = None  # (label, value) for a combo box
    editable: bool = True


class EditableRowsModel(QAbstractTableModel):
    def __init__(self, ctx: AppContext, table: str, columns: list[Column], load: Callable[[Any, str], list[dict]],
                 update: Callable[[Any, str, dict], Any], what: str, parent=None):
        # what: the whole undo text of an edit in this table ("edit session"), translated by the page
        super().__init__(parent)
        self.ctx, self.table, self.columns = ctx, table, columns
        self._load, self._update, self.what = load, update, what
        self.plenary_id: str | None = None
        self._rows: list[dict[str, Any]] = []
        ctx.changed.connect(self._on_changes)

    def set_plenary(self, plenary_id: str | None) -> None:
        self.plenary_id = plenary_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._load(self.ctx.store, self.plenary_id) if self.plenary_id else []
        self.endResetModel()

    def _on_changes(self, changes: Changes) -> None:
        if self.plenary_id and changes.touches(self.table, "sessions"):
            self.reload()

    def row_id(self, row: int) -> str:
        return self._rows[row]["id"]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if self.columns[index.column()].editable else base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        value = self._rows[index.row()].get(col.field)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            if col.choices:
                return next((label for label, v in col.choices() if v == value), "" if value is None else str(value))
            return "" if value is None else str(value)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self._rows[index.row()]
        field = self.columns[index.column()].field
        if isinstance(value, str):
            value = value.strip() or None
        if row.get(field) == value:
            return False
        done = run_watched(self.ctx, self.what, lambda: [(self.table, row["id"])],
                           lambda: self._update(self.ctx.store, row["id"], {field: value}),
                           refused=PlenaryError, title=self.tr("Not saved"))
        return done is not None  # None: refused (and said why)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor for columns with choices (role, session)."""

    def __init__(self, model: EditableRowsModel, parent=None):
        super().__init__(parent)
        self.model = model

    def _choices(self, index) -> list[tuple[str, Any]] | None:
        return self.model.columns[index.column()].choices and self.model.columns[index.column()].choices()

    def createEditor(self, parent: QWidget, option, index):  # noqa: N802
        choices = self._choices(index)
        if not choices:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        for label, value in choices:
            box.addItem(label, value)
        return box

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
