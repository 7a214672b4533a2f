"""Table model of members: a cache of rows keyed by id, never SQL in data()."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from facilitator_app.core.members.members import get_member, list_cohorts, list_members
from facilitator_app.core.members.search import PeopleIndex
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("MembersModel", text)


# (field, header) — English headers marked for translation, translated at display.
COLUMNS = [
    ("surname", QT_TRANSLATE_NOOP("MembersModel", "Surname")),
    ("first_name", QT_TRANSLATE_NOOP("MembersModel", "First name")),
    ("badge_code", QT_TRANSLATE_NOOP("MembersModel", "Badge")),
    ("gender", QT_TRANSLATE_NOOP("MembersModel", "Gender")),
    ("age_band", QT_TRANSLATE_NOOP("MembersModel", "Age band")),
    ("municipio", QT_TRANSLATE_NOOP("MembersModel", "Municipio")),
    ("citizenship", QT_TRANSLATE_NOOP("MembersModel", "Citizenship")),
    ("education", QT_TRANSLATE_NOOP("MembersModel", "Education")),
    ("cohort_id", QT_TRANSLATE_NOOP("MembersModel", "Cohort")),
    ("status", QT_TRANSLATE_NOOP("MembersModel", "Status")),
]


class MembersModel(QAbstractTableModel):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._rows: dict[str, dict[str, Any]] = {}
        self._display: dict[str, tuple[str, ...]] = {}
        self._visible: list[str] = []
        self._order: list[str] = []          # every id, in the current sort order
        self._shown_query: str | None = None  # query behind _visible, for narrowing
        self._index = PeopleIndex()
        self._query = ""
        self._filters: dict[str, Any] = {}
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self._cohorts: dict[str, str] = {}
        ctx.changed.connect(self._on_changes)
        ctx.store_replaced.connect(self.reload)
        self.reload()

    # -- loading ------------------------------------------------------------
    def reload(self) -> None:
        store = self.ctx.store
        self._cohorts = {c["id"]: c["name"] for c in list_cohorts(store)}
        rows = list_members(store)
        self._rows = {r["id"]: r for r in rows}
        self._display = {r["id"]: self._format(r) for r in rows}
        self._index = PeopleIndex(rows)
        self._resort()

    def _format(self, r: dict[str, Any]) -> tuple[str, ...]:
        v = self.ctx.vocab
        return (
            r["surname"], r["first_name"], r["badge_code"] or "",
            v.label("gender", r["gender"]), v.label("age_bands", v.age_band(r["birth_date"])),
            str(r["municipio"] or ""),
            v.label("citizenship", r["citizenship"]) + (f" ({r['country']})" if r.get("country") else ""),
            v.label("education", r["education"]), self._cohorts.get(r["cohort_id"] or "", ""),
            v.label("status", r["status"]),
        )

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("cohorts", "settings"):
            self.reload()
            return
        ids = changes.rows.get("members")
        if not ids:
            return
        for rid in ids:
            row = get_member(self.ctx.store, rid)
            if row is None:
                self._rows.pop(rid, None)
                self._display.pop(rid, None)
                self._index.remove(rid)
            else:
                self._rows[rid] = row
                self._display[rid] = self._format(row)
                self._index.put(row)
        self._resort()

    # -- search, filters, sort ----------------------------------------------
    def set_query(self, text: str) -> None:
        self._query = text
        self._refilter()

    def set_filter(self, field: str, value: Any) -> None:
        if value in (None, ""):
            self._filters.pop(field, None)
        else:
            self._filters[field] = value
        self._shown_query = None
        self._refilter()

    def _resort(self) -> None:
        col, order = self._sort
        # Sort on the displayed text, so the order matches what the eye reads.
        self._order = sorted(self._rows, key=lambda rid: (self._display[rid][col].casefold(),
                                                          self._display[rid][0].casefold()),
                             reverse=order == Qt.SortOrder.DescendingOrder)
        self._shown_query = None
        self._refilter()

    def _refilter(self) -> None:
        previous = self._shown_query
        if previous is not None and self._query.startswith(previous) and not self._query[len(previous):].isspace():
            # Typing one more letter can only narrow what is shown: search that, not everyone.
            pool = self._visible
        elif self._filters:
            pool = [rid for rid in self._order if all(self._rows[rid].get(f) == v for f, v in self._filters.items())]
        else:
            pool = self._order
        ids = self._index.match(self._query, pool)
        self.beginResetModel()
        self._visible = ids
        self._shown_query = self._query
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._resort()

    # -- Qt model API ---------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rid = self._visible[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[rid][index.column()]
        if role == ID_ROLE:
            return rid
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section][1])
        return None

    # -- helpers for the page -----------------------------------------------
    def member_id(self, row: int) -> str:
        return self._visible[row]

    def row_of(self, member_id: str) -> int:
        try:
            return self._visible.index(member_id)
        except ValueError:
            return -1

    def total(self) -> int:
        return len(self._rows)

    def cohorts(self) -> dict[str, str]:
        return dict(self._cohorts)
