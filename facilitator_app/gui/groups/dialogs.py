"""Dialogs of the groups page: a group's details, and the automatic assignment (run, look, accept)."""

from __future__ import annotations

import json
import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.groups import assign as GA
from facilitator_app.core.groups import engine as grouping
from facilitator_app.core.groups import groups as G
from facilitator_app.core.plenaries.plenaries import people_of, rooms_of
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.groups import texts
from facilitator_app.gui.groups.commands import run
from facilitator_app.gui.i18n import fmt, number
from facilitator_app.gui.tablemodel import RowsModel


class GroupDialog(QDialog):
    """Name, theme, room, facilitator and capacity of a group (new when group_id is None)."""

    def __init__(self, ctx: AppContext, plenary_id: str, session_id: str | None, group_id: str | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.plenary_id, self.session_id, self.group_id = ctx, plenary_id, session_id, group_id
        store = ctx.store
        row = store.get("groups", group_id) if group_id else None
        self.setWindowTitle(self.tr("Group") if row else self.tr("New group"))
        count = len(G.groups_of(store, plenary_id, session_id))
        self.name = QLineEdit(row["name"] if row else fmt(self.tr("Table %1"), count + 1))
        self.theme = QComboBox()
        self.theme.addItem(self.tr("(no theme)"), None)
        for t in store.select("themes", order_by="sort_order, name"):
            self.theme.addItem(t["name"], t["id"])
        self.theme.setCurrentIndex(max(self.theme.findData(row["theme_id"]), 0) if row else 0)
        self.room = QComboBox()
        self.room.setEditable(True)
        self.room.addItems(rooms_of(store.get("plenaries", plenary_id)))
        self.room.setCurrentText(row["room"] or "" if row else "")
        self.facilitator = QComboBox()
        self.facilitator.setEditable(True)
        self.facilitator.addItems([p["name"] for p in people_of(store, plenary_id)
                                   if p["role"] in ("facilitator", "staff")])
        self.facilitator.setCurrentText(row["facilitator"] or "" if row else "")
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 999)
        self.capacity.setSpecialValueText(self.tr("no limit"))
        self.capacity.setValue(row["capacity"] or 0 if row else 0)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Room or area"), self.room)
        form.addRow(self.tr("Facilitator"), self.facilitator)
        form.addRow(self.tr("Capacity"), self.capacity)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        if row:
            self.delete_button = buttons.addButton(self.tr("Delete group"), QDialogButtonBox.ButtonRole.DestructiveRole)
            self.delete_button.clicked.connect(self.delete)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict:
        return {"name": self.name.text(), "theme_id": self.theme.currentData(), "room": self.room.currentText(),
                "facilitator": self.facilitator.currentText(), "capacity": self.capacity.value() or None}

    def save(self) -> None:
        v = self.values()
        if self.group_id:
            ok = run(self.ctx, self.tr("Edit group"), G.update_group, self.group_id, v, parent=self)
        else:
            ok = run(self.ctx, self.tr("New group"), G.create_group, self.plenary_id, v.pop("name"),
                     session_id=self.session_id, parent=self, **v)
        if ok is not None:
            self.accept()

    def delete(self) -> None:
        if self.ctx.prompts.confirm(self, self.tr("Delete group"),
                                    self.tr("Delete this group? Its people go back to the list of people to seat.")):
            if run(self.ctx, self.tr("Delete group"), G.delete_group, self.group_id, parent=self) is not None:
                self.accept()


class AssignDialog(QDialog):
    """Run the engine (seed shown), look at the scores and the mix of each group, accept or run again."""

    def __init__(self, ctx: AppContext, plenary_id: str, session_id: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.plenary_id, self.session_id = ctx, plenary_id, session_id
        self.plan: GA.AssignmentPlan | None = None
        self.setWindowTitle(self.tr("Assign people to groups"))
        store = ctx.store
        self.k = QSpinBox()
        self.k.setRange(1, 200)
        self.k.setValue(max(len(G.groups_of(store, plenary_id, session_id)), 1))
        self.who = QComboBox()
        self.who.addItem(self.tr("People checked in"), False)
        self.who.addItem(self.tr("People expected"), True)
        self.who.setCurrentIndex(0 if G.has_attendance(store, plenary_id) else 1)
        self.seed = QSpinBox()
        self.seed.setRange(0, 999_999)
        self.seed.setValue(random.randrange(1, 1_000_000))
        saved = {}
        try:
            saved = GA.field_weights(json.loads(ctx.settings.value("groups/fields") or "null"))
        except (ValueError, TypeError):
            saved = GA.field_weights(None)
        self.meeting_weight = QDoubleSpinBox()
        self.meeting_weight.setRange(0.0, 5.0)
        self.meeting_weight.setSingleStep(0.05)
        self.meeting_weight.setDecimals(2)
        self.meeting_weight.setToolTip(self.tr("How much meeting new people counts against a balanced mix "
                                               "(small: mix first; 1: meetings first)"))
        self.meeting_weight.setValue(float(ctx.settings.value("groups/meeting_weight",
                                                              grouping.DEFAULT_MEETING_WEIGHT)))
        fields_box = QGroupBox(self.tr("Balance on (weight)"))
        grid = QGridLayout(fields_box)
        self.field_checks: dict[str, QCheckBox] = {}
        self.field_weights: dict[str, QDoubleSpinBox] = {}
        for i, f in enumerate(G.FIELDS):
            check = QCheckBox(texts.field_label(f))
            check.setChecked(f in saved)
            weight = QDoubleSpinBox()
            weight.setRange(0.0, 10.0)
            weight.setSingleStep(0.5)
            weight.setValue(saved.get(f, 1.0))
            grid.addWidget(check, i, 0)
            grid.addWidget(weight, i, 1)
            self.field_checks[f], self.field_weights[f] = check, weight
        form = QFormLayout()
        form.addRow(self.tr("Groups"), self.k)
        form.addRow(self.tr("Who"), self.who)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("New meetings (weight)"), self.meeting_weight)
        self.run_button = QPushButton(self.tr("Run again (new seed)"))
        self.run_button.clicked.connect(self.run_new_seed)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(fields_box)
        left.addWidget(self.run_button)
        left.addStretch(1)

        self.scores = QLabel()
        self.scores.setWordWrap(True)
        self.scores.setTextFormat(Qt.TextFormat.PlainText)
        self.scores.setStyleSheet("font-size: 12pt;")
        self.mix_model = RowsModel([], parent=self)
        self.mix_view = QTableView()
        self.mix_view.setModel(self.mix_model)
        self.mix_view.verticalHeader().hide()
        self.mix_view.setWordWrap(True)
        self.mix_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.mix_view.horizontalHeader().setStretchLastSection(True)
        right = QVBoxLayout()
        right.addWidget(self.scores)
        right.addWidget(self.mix_view, 1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.accept_button = buttons.addButton(self.tr("Accept and save the seats"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept_plan)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.resize(1000, 560)
        self.k.editingFinished.connect(self.compute)
        self.seed.editingFinished.connect(self.compute)
        self.who.currentIndexChanged.connect(lambda _i: self.compute())
        self.meeting_weight.editingFinished.connect(self.compute)
        for f in G.FIELDS:
            self.field_checks[f].toggled.connect(lambda _on: self.compute())
            self.field_weights[f].editingFinished.connect(self.compute)
        self.compute()

    def chosen_fields(self) -> dict[str, float]:
        return {f: self.field_weights[f].value() for f, c in self.field_checks.items() if c.isChecked()}

    def run_new_seed(self) -> None:
        self.seed.setValue(random.randrange(1, 1_000_000))
        self.compute()

    def compute(self) -> None:
        fields = self.chosen_fields()
        self.plan = None
        self.accept_button.setEnabled(False)
        if not fields:
            self.scores.setText(self.tr("Choose at least one field to balance."))
            return
        try:
            self.plan = GA.plan_assignment(self.ctx.store, self.plenary_id, self.k.value(),
                                           session_id=self.session_id, fields=fields, seed=self.seed.value(),
                                           expected=bool(self.who.currentData()),
                                           meeting_weight=self.meeting_weight.value())
        except G.GroupsError as exc:
            self.scores.setText(error_text(exc))
            self.mix_model.set_rows([])
            return
        self.ctx.settings.setValue("groups/fields", json.dumps(fields))
        self.ctx.settings.setValue("groups/meeting_weight", self.meeting_weight.value())
        r = self.plan.result
        lines = [fmt(self.tr("%1 people in %2 groups · seed %3"), len(self.plan.members), len(self.plan.groups),
                     self.plan.seed),
                 fmt(self.tr("Diversity %1 — rounding bound %2 (lower is better; no grouping can go below the bound)"),
                     number(r.diversity, 3), number(r.diversity_bound, 3)),
                 fmt(self.tr("New meetings: %1% of the maximum (%2 of %3 pairs meet for the first time; "
                             "by lot about %4%)"), round(100 * r.meeting_relative), r.new_pairs, r.possible_pairs,
                     round(100 * getattr(r, "meeting_lottery", r.meeting_score)))]
        if self.plan.uncommitted:
            lines.append(fmt(self.tr("%1 people committed to a theme that has no group here."),
                             len(self.plan.uncommitted)))
        self.scores.setText("\n".join(lines))
        vocab, fields_order = self.ctx.vocab, list(fields)
        columns = [(self.tr("Group"), lambda row: row[0]), (self.tr("People"), lambda row: row[1])]
        for j, f in enumerate(fields_order):
            columns.append((texts.field_label(f), lambda row, j=j: row[2][j]))
        columns.append((self.tr("Members"), lambda row: row[3]))
        self.mix_model = RowsModel(columns, parent=self)
        rows = []
        for g, ids, mix in zip(self.plan.groups, r.groups, r.mix):
            cells = [", ".join(f"{texts.value_label(f, v, vocab)} {n}" for v, n in
                               sorted(mix[f].items(), key=lambda kv: (kv[0] is None, str(kv[0]))))
                     for f in fields_order]
            names = ", ".join(sorted(f"{self.plan.members[m]['surname']} {self.plan.members[m]['first_name'][:1]}."
                                     for m in ids))
            rows.append((g["name"], len(ids), cells, names))
        self.mix_model.set_rows(rows)
        self.mix_view.setModel(self.mix_model)
        self.accept_button.setEnabled(True)

    def accept_plan(self) -> None:
        if self.plan is None:
            return
        if run(self.ctx, self.tr("Assign groups"), GA.accept_assignment, self.plan, parent=self) is not None:
            self.accept()
