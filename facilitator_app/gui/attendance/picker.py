"""Choose the plenary and session: default today's plenary (else the next), session by the clock."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from facilitator_app.core.plenaries.plenaries import default_plenary, list_plenaries, session_at, sessions_of
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.i18n import day, fmt


def plenary_title(widget: QWidget, p: dict) -> str:
    return fmt(QCoreApplication.translate("PlenaryPicker", "Plenary %1 — %2 — %3"), p["number"],
               day(p["date"]), p["venue"] or "")


class PlenaryPicker(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None,
                 now: str | None = None, with_session: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        self._today, self._now = today, now
        self.plenary_box = QComboBox()
        self.session_box = QComboBox()
        self.session_box.setVisible(with_session)
        # Sized by a number of characters, not by the longest title: the page must fit a 1280x720 screen.
        self.plenary_box.setMinimumContentsLength(18)
        self.session_box.setMinimumContentsLength(10)
        for box in (self.plenary_box, self.session_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plenary_label = QLabel(self.tr("Plenary"))
        self.session_label = QLabel(self.tr("Session"))
        self.session_label.setVisible(with_session)
        layout.addWidget(self.plenary_label)
        layout.addWidget(self.plenary_box, 3)
        layout.addWidget(self.session_label)
        layout.addWidget(self.session_box, 1)
        self.plenary_box.currentIndexChanged.connect(self._plenary_changed)
        self.session_box.currentIndexChanged.connect(self._session_changed)
        ctx.changed.connect(self._on_changes)
        ctx.store_replaced.connect(self._store_replaced)
        self.reload(pick_default=True)

    # -- state ------------------------------------------------------------------
    def plenary_id(self) -> str | None:
        return self.plenary_box.currentData()

    def session_id(self) -> str | None:
        return self.session_box.currentData()

    def session_ids_from_current(self) -> list[str]:
        i = self.session_box.currentIndex()
        return [self.session_box.itemData(j) for j in range(max(i, 0), self.session_box.count())]

    def select(self, plenary_id: str, session_id: str | None = None) -> None:
        self.plenary_box.setCurrentIndex(max(0, self.plenary_box.findData(plenary_id)))
        if session_id:
            self.session_box.setCurrentIndex(max(0, self.session_box.findData(session_id)))

    # -- loading ------------------------------------------------------------------
    def reload(self, pick_default: bool = False) -> None:
        store = self.ctx.store
        current = None if pick_default else self.plenary_id()
        if current is None:
            p = default_plenary(store, self._today)
            current = p["id"] if p else None
        self.plenary_box.blockSignals(True)
        self.plenary_box.clear()
        for p in list_plenaries(store):
            self.plenary_box.addItem(plenary_title(self, p), p["id"])
        self.plenary_box.setCurrentIndex(max(0, self.plenary_box.findData(current)))
        self.plenary_box.blockSignals(False)
        self._fill_sessions(pick_default=True)
        self.changed.emit()

    def _fill_sessions(self, pick_default: bool) -> None:
        current = None if pick_default else self.session_id()
        sessions = sessions_of(self.ctx.store, self.plenary_id()) if self.plenary_id() else []
        if current is None and sessions:
            current = session_at(sessions, self._now or datetime.now().strftime("%H:%M"))["id"]
        self.session_box.blockSignals(True)
        self.session_box.clear()
        for s in sessions:
            times = f" {s['starts_at']}–{s['ends_at']}" if s["starts_at"] and s["ends_at"] else ""
            self.session_box.addItem(f"{s['name']}{times}", s["id"])
        self.session_box.setCurrentIndex(max(0, self.session_box.findData(current)))
        self.session_box.blockSignals(False)

    def _store_replaced(self) -> None:
        self.reload(pick_default=True)

    def _session_changed(self, *_: object) -> None:
        self.changed.emit()

    def _plenary_changed(self) -> None:
        self._fill_sessions(pick_default=True)
        self.changed.emit()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("plenaries"):
            self.reload()
        elif changes.touches("sessions"):
            self._fill_sessions(pick_default=False)
            self.changed.emit()
