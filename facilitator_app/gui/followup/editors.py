"""Two editors of the follow-up page: the list of the Plan's actions, and a cycle's dates and answer term.

Each change is one undoable action through the core (core/followup/plan.py, cycles.py); a refusal is
shown in the dialog's message line and nothing is written.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from facilitator_app.core.followup.cycles import DEFAULT_ANSWER_MONTHS, MAX_ANSWER_MONTHS, cycles, set_cycle
from facilitator_app.core.followup.fields import FollowupError
from facilitator_app.core.followup.plan import (add_plan_action, delete_plan_action, plan_actions, seed_plan_actions,
                                                update_plan_action)
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Changes
from facilitator_app.gui import undo
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.tablemodel import RowsModel, rows_view

_MESSAGE_STYLE = "color: #B71C1C; font-weight: 600;"


def _do(ctx: AppContext, message: QLabel, text: str, fn, *args, **kwargs):
    """fn(store, *args, record=edit, **kwargs) as one undoable action; a refusal goes to `message`.
    Returns (done, result)."""
    edit = Edit()
    try:
        result = fn(ctx.store, *args, record=edit, **kwargs)
    except FollowupError as exc:
        message.setStyleSheet(_MESSAGE_STYLE)
        message.setText(error_text(exc))
        return False, None
    undo.push(ctx, text, edit)
    message.clear()
    return True, result


class PlanActionsDialog(QDialog):
    """The Plan actions the recommendations and updates can be tied to: add, rename, remove."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Plan actions"))
        self.resize(720, 520)
        self.model = RowsModel([(self.tr("Code"), lambda a: a["code"]), (self.tr("Title"), lambda a: a["title"] or ""),
                                (self.tr("Area"), lambda a: a["ambito"] or "")], parent=self)
        self.table = rows_view(self.model)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 80)
        self.table.setColumnWidth(2, 200)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._chosen(cur.row()))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. 5.1.4"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("What the action does, in plain words"))
        self.area = QComboBox()
        self.area.setEditable(True)
        self.area.lineEdit().setPlaceholderText(self.tr("e.g. Milano Consapevole"))
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Area of the Plan"), self.area)
        self.add_button = QPushButton(self.tr("Add as a new action"))
        self.save_button = QPushButton(self.tr("Save the changes"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.seed_button = QPushButton(self.tr("Add the codes in use"))
        self.seed_button.setToolTip(self.tr("Adds every action code already used by recommendations, progress "
                                            "updates or the notes' tags that the list lacks"))
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        self.seed_button.clicked.connect(self.seed)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.save_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.seed_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("plan_actions"):
            self.refresh()

    def refresh(self) -> None:
        chosen = self.current()
        rows = plan_actions(self.ctx.store)
        self.model.set_rows(rows)
        areas = sorted({(a["ambito"] or "").strip() for a in rows} - {""})
        text = self.area.currentText()
        self.area.clear()
        self.area.addItems(areas)
        self.area.setEditText(text)
        at = next((i for i, a in enumerate(rows) if chosen and a["id"] == chosen["id"]), -1)
        if at >= 0:
            self.table.selectRow(at)
        self._buttons()

    def current(self) -> dict | None:
        row = self.table.currentIndex().row() if self.table.currentIndex().isValid() else -1
        return self.model.row(row) if 0 <= row < self.model.rowCount() else None

    def _chosen(self, row: int) -> None:
        a = self.model.row(row) if 0 <= row < self.model.rowCount() else None
        self.code.setText(a["code"] if a else "")
        self.title.setText((a["title"] or "") if a else "")
        self.area.setEditText((a["ambito"] or "") if a else "")
        self._buttons()

    def _buttons(self) -> None:
        chosen = self.current() is not None
        self.save_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _values(self) -> tuple[str, str | None, str | None]:
        return self.code.text().strip(), self.title.text().strip() or None, self.area.currentText().strip() or None

    def add(self) -> bool:
        code, title, area = self._values()
        done, _ = _do(self.ctx, self.message, self.tr("Add a Plan action"), add_plan_action, code, title, area)
        if done:
            self._select_code(code)
        return done

    def save(self) -> bool:
        a = self.current()
        if a is None:
            return False
        code, title, area = self._values()
        done, _ = _do(self.ctx, self.message, self.tr("Change a Plan action"), update_plan_action, a["id"],
                      {"code": code, "title": title, "ambito": area})
        if done:
            self._select_code(code)
        return done

    def remove(self) -> bool:
        a = self.current()
        if a is None or not self.ctx.prompts.confirm(
                self, self.tr("Remove a Plan action"),
                fmt(self.tr("Remove the action %1 from the list?"), a["code"])):
            return False
        done, _ = _do(self.ctx, self.message, self.tr("Remove a Plan action"), delete_plan_action, a["id"])
        return done

    def seed(self) -> list[str]:
        done, added = _do(self.ctx, self.message, self.tr("Add the Plan action codes in use"), seed_plan_actions)
        if done:
            self.message.setStyleSheet("")
            self.message.setText(fmt(self.tr("%1 codes added: %2"), len(added), ", ".join(added)) if added
                                 else self.tr("Every code in use is already in the list."))
        return added or []

    def _select_code(self, code: str) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row(i)["code"] == code:
                self.table.selectRow(i)
                return


def _qdate(iso: str | None) -> QDate:
    d = date.fromisoformat(iso) if iso else date.today()
    return QDate(d.year, d.month, d.day)


class CycleDialog(QDialog):
    """A cycle of the Assembly: its name, its first and last day (the plenaries held between them belong
    to it), and the months the Comune has to answer its recommendations."""

    def __init__(self, ctx: AppContext, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.key = ctx, key
        current = next((c for c in cycles(ctx.store) if c["key"] == key), {})
        self.setWindowTitle(fmt(self.tr("Cycle %1"), key))
        self.name = QLineEdit(current.get("name") or "")
        self.name.setPlaceholderText(self.tr("e.g. Second cycle, on heat and energy"))
        self.dated = QCheckBox(self.tr("The cycle has its own dates"))
        self.dated.setToolTip(self.tr("Without dates, a cycle is the calendar year of its plenaries"))
        self.starts, self.ends = QDateEdit(), QDateEdit()
        for box, value in ((self.starts, current.get("starts_on")), (self.ends, current.get("ends_on"))):
            box.setCalendarPopup(True)
            box.setDisplayFormat("dd/MM/yyyy")
            box.setDate(_qdate(value or (f"{key[:4]}-01-01" if box is self.starts and key[:4].isdecimal() else
                                         f"{key[:4]}-12-31" if key[:4].isdecimal() else None)))
        self.dated.setChecked(bool(current.get("starts_on")))
        self.dated.toggled.connect(self._enable)
        self.months = QSpinBox()
        self.months.setRange(1, MAX_ANSWER_MONTHS)
        self.months.setValue(int(current.get("answer_months") or DEFAULT_ANSWER_MONTHS))
        self.months.setSuffix(self.tr(" months"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.dated)
        form.addRow(self.tr("First day"), self.starts)
        form.addRow(self.tr("Last day"), self.ends)
        form.addRow(self.tr("The Comune answers within"), self.months)
        form.addRow("", QLabel(self.tr("counted from the day each recommendation is sent")))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._enable(self.dated.isChecked())

    def _enable(self, on: bool) -> None:
        self.starts.setEnabled(on)
        self.ends.setEnabled(on)

    def save(self) -> bool:
        dated = self.dated.isChecked()
        done, _ = _do(self.ctx, self.message, fmt(self.tr("Change the cycle %1"), self.key), set_cycle, self.key,
                      name=self.name.text().strip() or None,
                      starts_on=self.starts.date().toString("yyyy-MM-dd") if dated else None,
                      ends_on=self.ends.date().toString("yyyy-MM-dd") if dated else None,
                      answer_months=self.months.value())
        if done:
            self.accept()
        return done


__all__ = ["CycleDialog", "PlanActionsDialog"]
