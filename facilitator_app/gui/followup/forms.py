"""The forms of the follow-up page: sending, the Comune's answer, a progress update.

Each form collects what a secretary types and hands it to the page, which records it through the
core as one undoable action; a refusal is shown in the form's own message line, nothing written.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from facilitator_app.core.followup.board import FollowupRow
from facilitator_app.core.followup.fields import ANSWER_KINDS, PROGRESS
from facilitator_app.gui.followup import labels as L


def _date_edit() -> QDateEdit:
    box = QDateEdit()
    box.setCalendarPopup(True)
    box.setDisplayFormat("dd/MM/yyyy")
    box.setDate(QDate.currentDate())
    return box


def iso(box: QDateEdit) -> str:
    return box.date().toString("yyyy-MM-dd")


def set_iso(box: QDateEdit, value: str | None) -> None:
    d = date.fromisoformat(value) if value else date.today()
    box.setDate(QDate(d.year, d.month, d.day))


class FileField(QWidget):
    """A file to attach: its name, and a button that asks for it (`choose`; tests call `set_path`)."""

    def __init__(self, button: str, dialog_title: str, filters: str, empty: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.path, self._title, self._filters, self._empty = "", dialog_title, filters, empty
        self.label = QLabel(empty)
        self.button = QPushButton(button)
        self.button.clicked.connect(self.choose)
        self.clear_button = QPushButton(self.tr("Remove"))
        self.clear_button.clicked.connect(lambda: self.set_path(""))
        self.clear_button.setVisible(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.clear_button)
        row.addWidget(self.button)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self._title, "", self._filters)
        if path:
            self.set_path(path)

    def set_path(self, path: str) -> None:
        self.path = path
        self.label.setText(path.replace("\\", "/").rsplit("/", 1)[-1] if path else self._empty)
        self.clear_button.setVisible(bool(path))


class _Form(QWidget):
    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B71C1C; font-weight: 600;")
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.submitted.emit(self.values()))
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addLayout(bottom)

    def values(self) -> dict:
        raise NotImplementedError

    def show_row(self, row: FollowupRow | None) -> None:
        raise NotImplementedError


class SendingForm(_Form):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.save_button.setText(self.tr("Record the sending"))
        self.sent_on = _date_edit()
        self.sent_to = QLineEdit()
        self.sent_to.setPlaceholderText(self.tr("e.g. Giunta comunale, Assessorato all'Ambiente"))
        self.protocol = QLineEdit()
        self.protocol.setPlaceholderText(self.tr("e.g. PG 123456/2024"))
        self.form.addRow(self.tr("Sent on"), self.sent_on)
        self.form.addRow(self.tr("To whom"), self.sent_to)
        self.form.addRow(self.tr("Protocol number"), self.protocol)

    def values(self) -> dict:
        return {"sent_on": iso(self.sent_on), "sent_to": self.sent_to.text(), "protocol": self.protocol.text()}

    def show_row(self, row: FollowupRow | None) -> None:
        self.message.clear()
        set_iso(self.sent_on, row.sent_on if row else None)
        self.sent_to.setText((row.sent_to if row else None) or "")
        self.protocol.setText((row.protocol if row else None) or "")


class AnswerForm(_Form):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.save_button.setText(self.tr("Record the answer"))
        self.kind = QComboBox()
        for k in ANSWER_KINDS:
            self.kind.addItem(L.answer(k), k)
        self.answer_on = _date_edit()
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What the Comune answered, in its words"))
        self.text.setTabChangesFocus(True)
        self.act = QLineEdit()
        self.act.setPlaceholderText(self.tr("type and number, e.g. DG 123/2024"))
        self.act_date = _date_edit()
        # The act is usually dated as the answer: its date follows the answer's until changed apart.
        self._answer_date = self.answer_on.date()
        self.answer_on.dateChanged.connect(self._follow_answer_date)
        self.act_link = QLineEdit()
        self.act_link.setPlaceholderText("https://")
        self.responsible = QLineEdit()
        self.responsible.setPlaceholderText(self.tr("Direzione or Assessorato"))
        self.pdf = FileField(self.tr("Attach the act (PDF)…"), self.tr("Attach the act"), self.tr("PDF files (*.pdf)"),
                             self.tr("no PDF attached"))
        self.pdf_label = self.pdf.label
        self.form.addRow(self.tr("Answer"), self.kind)
        self.form.addRow(self.tr("Answered on"), self.answer_on)
        self.form.addRow(self.tr("Text of the answer"), self.text)
        self.form.addRow(self.tr("Act"), self.act)
        self.form.addRow(self.tr("Date of the act"), self.act_date)
        self.form.addRow(self.tr("Link to the act"), self.act_link)
        self.form.addRow(self.tr("Act as PDF"), self.pdf)
        self.form.addRow(self.tr("Responsible office"), self.responsible)

    def _follow_answer_date(self, new: QDate) -> None:
        if self.act_date.date() == self._answer_date:
            self.act_date.setDate(new)
        self._answer_date = new

    @property
    def pdf_path(self) -> str:
        return self.pdf.path

    def set_pdf(self, path: str) -> None:
        self.pdf.set_path(path)

    def values(self) -> dict:
        return {"kind": self.kind.currentData(), "text": self.text.toPlainText(), "answer_on": iso(self.answer_on),
                "act": self.act.text(), "act_date": iso(self.act_date) if self.act.text().strip() else None,
                "act_link": self.act_link.text(), "responsible": self.responsible.text(), "pdf": self.pdf_path}

    def show_row(self, row: FollowupRow | None) -> None:
        self.message.clear()
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.answer_kind if row else None)))
        set_iso(self.answer_on, row.answer_on if row else None)
        self._answer_date = self.answer_on.date()
        self.text.setPlainText((row.answer_text if row else None) or "")
        self.act.setText((row.act if row else None) or "")
        set_iso(self.act_date, (row.act_date or row.answer_on) if row else None)
        self.act_link.setText((row.act_link if row else None) or "")
        self.responsible.setText((row.responsible if row else None) or "")
        self.set_pdf("")


class UpdateForm(_Form):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.save_button.setText(self.tr("Add the update"))
        self.status = QComboBox()
        for s in PROGRESS:
            self.status.addItem(L.progress(s), s)
        self.on_date = _date_edit()
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What happened, in plain words"))
        self.note.setTabChangesFocus(True)
        self.link = QLineEdit()
        self.link.setPlaceholderText(self.tr("https:// (a page or document that shows it)"))
        self.evidence = FileField(self.tr("Attach a file…"), self.tr("Attach the evidence"),
                                  self.tr("Documents and pictures (*.pdf *.png *.jpg *.jpeg)"), self.tr("no file attached"))
        self.actions = QListWidget()
        self.actions.setMaximumHeight(110)
        self.form.addRow(self.tr("State"), self.status)
        self.form.addRow(self.tr("Date"), self.on_date)
        self.form.addRow(self.tr("What happened"), self.note)
        self.form.addRow(self.tr("Evidence (link)"), self.link)
        self.form.addRow(self.tr("Evidence (file)"), self.evidence)
        self.form.addRow(self.tr("Plan actions it concerns"), self.actions)

    def set_actions(self, actions: list[dict]) -> None:
        self.actions.clear()
        for a in actions:
            item = QListWidgetItem(f"{a['code']}  {a['title'] or ''}".strip())
            item.setData(Qt.ItemDataRole.UserRole, a["code"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.actions.addItem(item)

    def values(self) -> dict:
        codes = [self.actions.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.actions.count())
                 if self.actions.item(i).checkState() == Qt.CheckState.Checked]
        return {"status": self.status.currentData(), "on_date": iso(self.on_date), "note": self.note.toPlainText(),
                "evidence_link": self.link.text(), "evidence_file": self.evidence.path, "plan_actions": codes}

    def show_row(self, row: FollowupRow | None) -> None:
        self.message.clear()
        self.status.setCurrentIndex(max(0, self.status.findData(row.progress if row and row.progress else
                                                                 "in_progress")))
        set_iso(self.on_date, None)
        self.note.clear()
        self.link.clear()
        self.evidence.set_path("")
        codes = set(row.plan_actions) if row else set()
        for i in range(self.actions.count()):
            item = self.actions.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes
                               else Qt.CheckState.Unchecked)
