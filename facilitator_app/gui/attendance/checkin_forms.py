"""Small keyboard-only forms of the entrance: walk-in, justified absence, corrected times."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.attendance.checkin import WALK_IN_ROLES, Attendee
from facilitator_app.gui.i18n import fmt


class WalkInPanel(QFrame):
    """Name, role, organisation; Enter registers, Esc closes. Opens in place, under the search field."""

    submitted = Signal(str, str, str)   # name, role, organisation
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("walkin")
        self.setStyleSheet("QFrame#walkin { background: #eef3fb; border: 2px solid #2f5d9a; border-radius: 8px; }")
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("First name and surname"))
        self.role = QComboBox()
        labels = {"guest": self.tr("Guest"), "substitute": self.tr("Substitute"), "observer": self.tr("Observer"),
                  "expert": self.tr("Municipal expert"), "staff": self.tr("Staff"),
                  "facilitator": self.tr("Facilitator")}
        for role in WALK_IN_ROLES:
            self.role.addItem(labels[role], role)
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText(self.tr("Organisation (optional)"))
        self.ok = QPushButton(self.tr("Register and check in"))
        self.ok.setDefault(True)
        self.cancel = QPushButton(self.tr("Cancel (Esc)"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.error.hide()
        for w in (self.name, self.role, self.organisation, self.ok, self.cancel):
            f = w.font()
            f.setPointSizeF(14)
            w.setFont(f)
            w.setMinimumHeight(40)
        title = QLabel(self.tr("Walk-in: someone not on the list"))
        f = title.font()
        f.setBold(True)
        f.setPointSizeF(13)
        title.setFont(f)
        row = QHBoxLayout()
        row.addWidget(self.name, 3)
        row.addWidget(self.role, 2)
        row.addWidget(self.organisation, 3)
        row.addWidget(self.ok)
        row.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.ok.clicked.connect(self._submit)
        self.cancel.clicked.connect(self.cancelled)
        # Enter reaches keyPressEvent below from any field (line edits pass it on after returnPressed).

    def open(self, name: str = "") -> None:
        self.name.setText(name)
        self.organisation.clear()
        self.role.setCurrentIndex(0)
        self.error.hide()
        self.show()
        self.name.setFocus()
        self.name.selectAll()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.name.setFocus()

    def _submit(self) -> None:
        if not self.name.text().strip():
            self.show_error(self.tr("Write the person's name."))
            return
        self.submitted.emit(self.name.text().strip(), self.role.currentData(), self.organisation.text().strip())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter on the role box too
            self._submit()
            return
        super().keyPressEvent(event)


class AbsenceDialog(QDialog):
    """A justified absence for one member: which sessions, and why (required)."""

    def __init__(self, attendee: Attendee, sessions: list[dict], justified: dict[str, str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Justified absence"))
        self.clear_requested = False
        layout = QVBoxLayout(self)
        who = QLabel(attendee.name)
        f = who.font()
        f.setPointSizeF(16)
        f.setBold(True)
        who.setFont(f)
        layout.addWidget(who)
        self.boxes: list[tuple[QCheckBox, str]] = []
        for s in sessions:
            box = QCheckBox(s["name"])
            box.setChecked(True)
            layout.addWidget(box)
            self.boxes.append((box, s["id"]))
        self.reason = QLineEdit(next(iter(justified.values()), ""))
        self.reason.setPlaceholderText(self.tr("Reason (e.g. health, work, family)"))
        self.reason.setMinimumWidth(self.reason.fontMetrics().horizontalAdvance(self.reason.placeholderText()) + 24)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        if justified:
            clear = buttons.addButton(self.tr("Remove the justification"), QDialogButtonBox.ButtonRole.DestructiveRole)
            clear.clicked.connect(self._clear)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def session_ids(self) -> list[str]:
        return [sid for box, sid in self.boxes if box.isChecked()]

    def _clear(self) -> None:
        self.clear_requested = True
        self.accept()

    def _accept(self) -> None:
        if not self.reason.text().strip():
            self.error.setText(self.tr("A justified absence needs a reason."))
            self.error.show()
            return
        if not self.session_ids():
            self.error.setText(self.tr("Choose at least one session."))
            self.error.show()
            return
        self.accept()


class TimesDialog(QDialog):
    """Correct the arrival (and departure) time of someone present."""

    def __init__(self, attendee: Attendee, row: dict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(fmt(self.tr("Times of %1"), attendee.name))
        self.arrival = QTimeEdit(self._time(row["checked_in_at"]))
        self.departure = QTimeEdit(self._time(row["checked_out_at"]) if row["checked_out_at"] else QTime(13, 0))
        self.left = QCheckBox(self.tr("Left early at"))
        self.left.setChecked(bool(row["checked_out_at"]))
        for edit in (self.arrival, self.departure):
            edit.setDisplayFormat("HH:mm")
        form = QFormLayout(self)
        form.addRow(self.tr("Arrived at"), self.arrival)
        form.addRow(self.left, self.departure)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _time(iso: str) -> QTime:
        t = datetime.fromisoformat(iso)
        return QTime(t.hour, t.minute)
