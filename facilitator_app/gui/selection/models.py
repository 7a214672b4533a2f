"""Qt models of the Sorteggio page: the pool (cached rows) and the editable quotas."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from facilitator_app.core.selection.model import Quotas, Range
from facilitator_app.gui.i18n import fmt

STATUS_TEXT = {"invited": "Invited", "available": "Available", "selected": "Selected", "confirmed": "Confirmed",
               "declined": "Declined", "reserve": "Reserve", "withdrawn": "Withdrawn"}




def status_text(status: str) -> str:
    return {"invited": QCoreApplication.translate("SelectionPage", "Invited"), "available": QCoreApplication.translate("SelectionPage", "Available"), "selected": QCoreApplication.translate("SelectionPage", "Selected"),
            "confirmed": QCoreApplication.translate("SelectionPage", "Confirmed"), "declined": QCoreApplication.translate("SelectionPage", "Declined"), "reserve": QCoreApplication.translate("SelectionPage", "Reserve"),
            "withdrawn": QCoreApplication.translate("SelectionPage", "Withdrawn")}.get(status, status)


class QuotasModel(QAbstractTableModel):
    """One row per field and value: min and max are editable; `edited` fires after each change."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.quotas: Quotas | None = None
        self._rows: list[tuple[str, str]] = []
        self.labels: dict[tuple[str, str], tuple[str, str]] = {}

    def set_quotas(self, q: Quotas | None, labels: dict[tuple[str, str], tuple[str, str]]) -> None:
        self.beginResetModel()
        self.quotas = q
        self.labels = labels
        self._rows = [(f, v) for f, v, _ in q.pairs()] if q else []
        self.endResetModel()

    def field_at(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def _range(self, row: int) -> Range:
        f, v = self._rows[row]
        return self.quotas.fields[f][v]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.quotas is None:
            return None
        f, v = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() < 2:
                return self.labels.get((f, v), (f, v))[index.column()]
            r = self._range(index.row())
            return r.min if index.column() == 2 else r.max
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() >= 2 else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() < 2 or self.quotas is None:
            return False
        try:
            n = int(value)
        except (TypeError, ValueError):
            return False
        if n < 0:
            return False
        r = self._range(index.row())
        if index.column() == 2:
            r.min = n
        else:
            r.max = n
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [QCoreApplication.translate("SelectionPage", "Characteristic"), QCoreApplication.translate("SelectionPage", "Value"), QCoreApplication.translate("SelectionPage", "Minimum"), QCoreApplication.translate("SelectionPage", "Maximum")][section]
        return None


def problem_text(problem, field_title, labels) -> str:
    """A quota or pool problem in the interface language (the English message when the code is new)."""
    p = dict(problem.params)
    name = field_title(p.get("field", ""))
    value = labels.get((p.get("field"), p.get("value")), ("", p.get("value")))[1] if "value" in p else ""
    templates = {
        "quota_mins_over_panel": (QCoreApplication.translate("SelectionPage", "%1: the minimums add up to %2, more than the %3 seats"),
                                  (name, p.get("total"), p.get("panel"))),
        "quota_maxes_under_panel": (QCoreApplication.translate("SelectionPage", "%1: the maximums add up to %2, fewer than the %3 seats"),
                                    (name, p.get("total"), p.get("panel"))),
        "quota_min_over_max": (QCoreApplication.translate("SelectionPage", "%1 %2: the minimum %3 is more than the maximum %4"),
                               (name, value, p.get("min"), p.get("max"))),
        "quota_negative": (QCoreApplication.translate("SelectionPage", "%1 %2: a quota cannot be negative"), (name, value)),
        "duplicate_respondent": (QCoreApplication.translate("SelectionPage", "The respondent %1 is in the pool more than once"),
                                 (p.get("id"),)),
        "unknown_value": (QCoreApplication.translate("SelectionPage", "A respondent has %1 “%2”, a value the quotas do not know: "
                                              "add it to the quotas"), (name, p.get("value"))),
        "missing_value": (QCoreApplication.translate("SelectionPage", "A respondent has no %1"), (name.lower(),)),
        "pool_too_small": (QCoreApplication.translate("SelectionPage", "The pool has %1 respondents, fewer than the %2 to select"),
                           (p.get("pool"), p.get("panel"))),
        "respondent_in_office": (QCoreApplication.translate("SelectionPage", "A respondent is already in office"), ()),
    }
    if problem.code not in templates:
        return problem.message
    text, args = templates[problem.code]
    return fmt(text, *args)
