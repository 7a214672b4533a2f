"""The entrance list: everyone expected at the plenary, their seat and their state in the session.

Cached rows (roster, attendance of the session, seats); search narrows with
core.search.PeopleIndex; attendance changes update single rows without a reset,
so the highlighted row stays where it is.
"""

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
from PySide6.QtGui import QColor, QFont

from facilitator_app.core.attendance.checkin import Attendee, clock, roster, seats_for, session_rows
from facilitator_app.core.members.search import PeopleIndex
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.i18n import fmt

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("CheckInModel", text)


PRESENT_BG, JUSTIFIED_FG, LEFT_BG = QColor("#d8f3e3"), QColor("#5b6470"), QColor("#fff0cc")
RELOAD_TABLES = ("members", "plenary_people", "plenaries", "sessions", "groups", "group_members")


def role_label(role: str | None) -> str:
    """The role of a person who is not a member (facilitator, expert…), in the interface language."""
    translate = QCoreApplication.translate
    labels = {"facilitator": translate("CheckInModel", "Facilitator"), "staff": translate("CheckInModel", "Staff"),
              "expert": translate("CheckInModel", "Expert"), "guest": translate("CheckInModel", "Guest"),
              "substitute": translate("CheckInModel", "Substitute"),
              "observer": translate("CheckInModel", "Observer")}
    return labels.get(role or "", role or "")


class CheckInModel(QAbstractTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("CheckInModel", "Name"), QT_TRANSLATE_NOOP("CheckInModel", "Badge"),
               QT_TRANSLATE_NOOP("CheckInModel", "Group"), QT_TRANSLATE_NOOP("CheckInModel", "Status"))

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.plenary_id: str | None = None
        self.session_id: str | None = None
        self._people: dict[str, Attendee] = {}
        self._order: list[str] = []
        self._n_members = 0
        self._index = PeopleIndex()
        self._att: dict[str, dict[str, Any]] = {}
        self._seats: dict[str, Any] = {}
        self._display: dict[str, tuple[str, str, str, str]] = {}
        self._visible: list[str] = []
        self._row_of: dict[str, int] = {}
        self._query = ""
        self._shown_query: str | None = None
        self.missing_only = False
        self._bold = QFont()
        self._bold.setBold(True)
        ctx.changed.connect(self._on_changes)

    # -- loading --------------------------------------------------------------------
    def set_session(self, plenary_id: str | None, session_id: str | None) -> None:
        self.plenary_id, self.session_id = plenary_id, session_id
        self.reload()

    def reload(self) -> None:
        store = self.ctx.store
        people = roster(store, self.plenary_id) if self.plenary_id and store.get("plenaries", self.plenary_id) else []
        self._people = {a.id: a for a in people}
        self._order = [a.id for a in people]
        self._n_members = sum(1 for a in people if a.kind == "member")
        self._index = PeopleIndex({"id": a.id, "surname": a.surname, "first_name": a.first_name,
                                   "badge_code": a.badge_code} for a in people)
        self._seats = seats_for(store, self.plenary_id, self.session_id) if self.plenary_id else {}
        self._att = session_rows(store, self.session_id) if self.session_id else {}
        self._display = {pid: self._format(pid) for pid in self._order}
        self._shown_query = None
        self._refilter()

    def _format(self, pid: str) -> tuple[str, str, str, str]:
        a = self._people[pid]
        name = f"{a.surname} {a.first_name}".strip()
        if a.kind == "person":
            group = role_label(a.role)
        else:
            seat = self._seats.get(pid)
            group = seat.label() if seat else ""
        return (name, a.badge_code or "", group, self._status_text(pid))

    def _status_text(self, pid: str) -> str:
        row = self._att.get(pid)
        if row is None:
            return ""
        if row["status"] == "absent_justified":
            return QCoreApplication.translate("CheckInModel", "justified absence")
        if row["checked_out_at"]:
            return fmt(QCoreApplication.translate("CheckInModel", "✓ %1 · left %2"), clock(row["checked_in_at"]),
                       clock(row["checked_out_at"]))
        if row["late"]:
            return fmt(QCoreApplication.translate("CheckInModel", "✓ %1 · late"), clock(row["checked_in_at"]))
        return fmt(QCoreApplication.translate("CheckInModel", "✓ %1"), clock(row["checked_in_at"]))

    def _on_changes(self, changes: Changes) -> None:
        if not self.session_id:
            return
        if changes.touches(*RELOAD_TABLES):
            self.reload()
            return
        if not changes.touches("attendance"):
            return
        old = self._att
        self._att = session_rows(self.ctx.store, self.session_id)
        touched = {pid for pid in set(old) | set(self._att) if old.get(pid) != self._att.get(pid)}
        touched &= set(self._people)
        for pid in touched:
            self._display[pid] = self._format(pid)
        if self.missing_only and touched:
            self._shown_query = None
            self._refilter()
            return
        for pid in touched:
            row = self._row_of.get(pid)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    # -- search -------------------------------------------------------------------------
    def set_query(self, text: str) -> None:
        self._query = text
        self._refilter()

    def set_missing_only(self, on: bool) -> None:
        self.missing_only = on
        self._shown_query = None
        self._refilter()

    def _refilter(self) -> None:
        prev = self._shown_query
        if prev is not None and self._query.startswith(prev) and not self._query[len(prev):].isspace():
            pool = self._visible  # one more letter can only narrow
        elif self.missing_only:
            pool = [pid for pid in self._order if self._people[pid].kind == "member" and pid not in self._att]
        else:
            pool = self._order
        ids = self._index.match(self._query, pool)
        self.beginResetModel()
        self._visible = ids
        self._row_of = {pid: i for i, pid in enumerate(ids)}
        self._shown_query = self._query
        self.endResetModel()

    # -- helpers for the page ---------------------------------------------------------------
    def attendee(self, row: int) -> Attendee | None:
        return self._people[self._visible[row]] if 0 <= row < len(self._visible) else None

    def attendee_by_id(self, pid: str) -> Attendee | None:
        return self._people.get(pid)

    def row_of(self, pid: str) -> int:
        return self._row_of.get(pid, -1)

    def attendance(self, pid: str) -> dict[str, Any] | None:
        return self._att.get(pid)

    def counts(self) -> tuple[int, int]:
        """(members present, members expected) in the session."""
        people = self._people
        present = sum(1 for pid, row in self._att.items()
                      if row["status"] == "present" and pid in people and people[pid].kind == "member")
        return present, self._n_members

    # -- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        pid = self._visible[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[pid][index.column()]
        if role == ID_ROLE:
            return pid
        row = self._att.get(pid)
        if role == Qt.ItemDataRole.BackgroundRole and row is not None and row["status"] == "present":
            return LEFT_BG if row["checked_out_at"] else PRESENT_BG
        if role == Qt.ItemDataRole.ForegroundRole and row is not None and row["status"] != "present":
            return JUSTIFIED_FG
        if role == Qt.ItemDataRole.FontRole and index.column() == 0:
            return self._bold
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.COLUMNS[section])
        return None
