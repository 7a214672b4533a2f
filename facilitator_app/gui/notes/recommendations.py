"""Raccomandazioni: the recommendations of a plenary, their editor, the plenary's vote and status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.notes import tags as T
from facilitator_app.core.notes.notes import groups_of
from facilitator_app.core.plenaries.plenaries import list_plenaries
from facilitator_app.core.recommendations import recommendations as R
from facilitator_app.core.recommendations import vote as V
from facilitator_app.core.store.store import Changes
from facilitator_app.core.watch.fields import same, three_way
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.notes import commands
from facilitator_app.gui.notes.projector_views import short_status, status_label
from facilitator_app.gui.plenary_box import default_index, fill_plenary_box
from facilitator_app.gui.tablemodel import RowsModel


class RecommendationsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.current_id: str | None = None
        self.base: dict = {}
        self._keeping: str | None = None
        self.plenary_box = QComboBox()
        self.plenary_box.setMinimumWidth(300)
        self.plenary_box.currentIndexChanged.connect(self.refresh)
        self._groups: dict[str, str] = {}
        self.model = RowsModel([
            (self.tr("#"), lambda r: r["sort_order"] + 1),
            (self.tr("Title"), lambda r: r["title"]),
            (self.tr("Group"), lambda r: self._groups.get(r["group_id"], "")),
            # One short column for the outcome ("Approved 65/1/2"): the list must fit beside the editor.
            (self.tr("Outcome"), lambda r: " ".join(x for x in (short_status(r["status"]),
                                                                (R.vote_summary(r) or "").replace(" ", "")) if x)),
        ], parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # No horizontal scrolling: the title takes the room left and is cut with "…"; the rest fit their text.
        header = self.table.horizontalHeader()
        for col in range(self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col == 1
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.show_row(cur.row()))

        self.title = QLineEdit()
        self.text = QPlainTextEdit()
        self.group = QComboBox()
        self.theme = QComboBox()
        self.actions = QListWidget()
        self.actions.setMaximumHeight(120)
        self.status = QComboBox()
        for key in R.STATUSES:
            self.status.addItem(status_label(key), key)
        self.votes = [QSpinBox() for _ in R.VOTE_FIELDS]
        for box in self.votes:
            box.setRange(0, 999)
        self.rule = QLabel()
        self.rule.setObjectName("voteRule")
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("QLabel#voteRule { color: #455A64; }")
        self.linked = QLabel()
        self.linked.setWordWrap(True)
        self.message = QLabel()
        self.message.setStyleSheet("color: #B71C1C; font-weight: 600;")
        save, vote, delete, project = (QPushButton(t) for t in (
            self.tr("Save"), self.tr("Record the vote"), self.tr("Delete"), self.tr("Show on projector")))
        save.clicked.connect(self.save)
        vote.clicked.connect(self.record_vote)
        delete.clicked.connect(self.delete)
        project.clicked.connect(self.project)
        self.save_button, self.vote_button = save, vote

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Text"), self.text)
        form.addRow(self.tr("Group"), self.group)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Plan actions"), self.actions)
        form.addRow(self.tr("Notes it comes from"), self.linked)
        form.addRow(self.tr("Status"), self.status)
        votes = QHBoxLayout()
        for label, box in zip((self.tr("In favour"), self.tr("Against"), self.tr("Abstained")), self.votes):
            votes.addWidget(QLabel(label))
            votes.addWidget(box)
        votes.addWidget(vote)
        form.addRow(self.tr("Plenary vote"), votes)
        form.addRow("", self.rule)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for b in (delete, project, save):
            buttons.addWidget(b)
        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addLayout(form)
        editor_layout.addLayout(buttons)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([460, 600])  # the list wide enough for its titles at 1280 pixels, the editor the rest
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Plenary")))
        top.addWidget(self.plenary_box)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        ctx.changed.connect(self._on_changed)
        ctx.store_replaced.connect(self._store_replaced)
        self.reload()

    # -- lists ----------------------------------------------------------------------------------
    def _store_replaced(self) -> None:
        self.current_id = None
        self.reload()

    def reload(self) -> None:
        plenaries = list_plenaries(self.ctx.store)
        fill_plenary_box(self.plenary_box, plenaries, self.tr("Plenary %1 — %2"),
                         default_index(self.ctx.store, plenaries))
        self.theme.clear()
        self.theme.addItem(self.tr("(no theme)"), None)
        for t in T.themes(self.ctx.store):
            self.theme.addItem(t["name"], t["id"])
        self.actions.clear()
        for a in T.plan_actions(self.ctx.store):
            item = QListWidgetItem(f"{a['code']}  {a['title'] or ''}".strip())
            item.setData(Qt.ItemDataRole.UserRole, a["code"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.actions.addItem(item)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("plenaries", "themes", "plan_actions"):
            self.reload()
        elif changes.touches("recommendations", "recommendation_notes", "groups"):
            self.refresh()

    def refresh(self) -> None:
        editing = self._edited()  # before the lists below are refilled
        chosen_group = self.group.currentData()
        pid = self.plenary_box.currentData()
        groups = groups_of(self.ctx.store, pid) if pid else []
        self._groups = {g["id"]: g["name"] for g in groups}
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(self.tr("(no group)"), None)
        for g in groups:
            self.group.addItem(g["name"], g["id"])
        self.group.blockSignals(False)
        rows = R.recommendations_of(self.ctx.store, pid) if pid else []
        # Someone is typing in the editor: a change saved elsewhere (another laptop, the CLI) must not wipe
        # it. The editor keeps its text and the row it was opened on; Save merges field by field.
        keep = self.current_id if editing and self.current_id in {r["id"] for r in rows} else None
        self.model.set_rows(rows)
        ids = [r["id"] for r in rows]
        row = ids.index(self.current_id) if self.current_id in ids else (0 if ids else -1)
        self._keeping = keep
        try:
            if row >= 0:
                self.table.selectRow(row)
            self.show_row(row)
        finally:
            self._keeping = None
        if keep:
            self.group.setCurrentIndex(max(0, self.group.findData(chosen_group)))

    def show_row(self, row: int) -> None:
        if self._keeping is not None and 0 <= row < self.model.rowCount() and \
                self.model.row(row)["id"] == self._keeping:
            self._show_rule(self.model.row(row))  # the figures may have changed; the typing stays
            return
        self.message.setText("")
        if row < 0 or row >= self.model.rowCount():
            self.current_id = None
            self.editor.setEnabled(False)
            self.title.clear()  # a disabled editor must not keep showing the last recommendation
            self.text.clear()
            self.linked.clear()
            for box in self.votes:
                box.setValue(0)
            for i in range(self.actions.count()):
                self.actions.item(i).setCheckState(Qt.CheckState.Unchecked)
            return
        rec = self.model.row(row)
        self.current_id = rec["id"]
        self.base = dict(rec)  # the row as the editor shows it: Save merges against it
        self.editor.setEnabled(True)
        self.title.setText(rec["title"])
        self.text.setPlainText(rec["text"] or "")
        self.group.setCurrentIndex(max(0, self.group.findData(rec["group_id"])))
        self.theme.setCurrentIndex(max(0, self.theme.findData(rec["theme_id"])))
        codes = set(R.plan_actions_of(rec))
        for i in range(self.actions.count()):
            item = self.actions.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes
                               else Qt.CheckState.Unchecked)
        self.status.setCurrentIndex(max(0, self.status.findData(rec["status"])))
        for box, key in zip(self.votes, R.VOTE_FIELDS):
            box.setValue(rec[key] or 0)
        self._show_rule(rec)
        notes = R.linked_notes(self.ctx.store, rec["id"])
        self.linked.setText("\n".join(f"• {' '.join(n['text'].split())[:120]}" for n in notes[:8])
                            + (fmt(self.tr("\n… and %1 more"), len(notes) - 8) if len(notes) > 8 else "")
                            or self.tr("(none)"))

    def _show_rule(self, rec: dict | None) -> None:
        """The rule the status follows, the people entitled to vote, and a kept override reason."""
        lines = [self.tr("Rule: approved when the votes in favour are more than those against (simple majority "
                         "of the votes cast; abstentions are not votes cast; a tie rejects).")]
        present = V.entitled_present(self.ctx.store, rec["plenary_id"]) if rec else None
        lines.append(fmt(self.tr("Members entitled to vote checked in: %1."), present) if present is not None
                     else self.tr("No attendance recorded for this plenary: the votes cannot be checked against it."))
        if rec and rec.get("vote_note"):
            lines.append(fmt(self.tr("Recorded over the attendance because: %1"), rec["vote_note"]))
        self.rule.setText("\n".join(lines))

    # -- actions ----------------------------------------------------------------------------------
    def _fields(self) -> dict:
        codes = [self.actions.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.actions.count())
                 if self.actions.item(i).checkState() == Qt.CheckState.Checked]
        return {"title": self.title.text(), "text": self.text.toPlainText(), "group_id": self.group.currentData(),
                "theme_id": self.theme.currentData(), "plan_actions": codes, "status": self.status.currentData()}

    @staticmethod
    def _comparable(row: dict) -> dict:
        return {**row, "plan_actions": R.plan_actions_of(row) if isinstance(row.get("plan_actions"), str)
                else list(row.get("plan_actions") or [])}

    def _edited(self) -> bool:
        """Fields typed or chosen in the editor that differ from the row it shows."""
        if self.current_id is None or not self.base:
            return False
        mine, base = self._comparable(self._fields()), self._comparable(self.base)
        return any(not same(mine[f], base.get(f)) for f in mine)

    def save(self) -> bool:
        if self.current_id is None:
            return False
        mine = self._fields()
        try:
            R.check_fields(self.ctx.store, mine)
        except R.RecommendationError as exc:
            self.message.setText(error_text(exc))
            return False
        current = self.ctx.store.get("recommendations", self.current_id)
        if current is None:
            self.message.setText(self.tr("Someone else has deleted this recommendation meanwhile: nothing saved."))
            return False
        merge = three_way(self._comparable(self.base), self._comparable(mine), self._comparable(current), list(mine))
        keep_mine = True
        if merge.conflicts:
            labels = {"title": self.tr("Title"), "text": self.tr("Text"), "group_id": self.tr("Group"),
                      "theme_id": self.tr("Theme"), "plan_actions": self.tr("Plan actions"),
                      "status": self.tr("Status")}
            keep_mine = self.ctx.prompts.confirm(self, self.tr("Changed meanwhile"), fmt(self.tr(
                "While you were editing, someone else changed: %1.\n\nSave your version of these over theirs? "
                "(No keeps theirs; your other changes are saved either way.)"),
                ", ".join(labels.get(f, f) for f in merge.conflicts)), default=False)
        changes = merge.resolve(mine, keep_mine)
        if changes:
            commands.run(self.ctx, self.tr("Edit recommendation"), R.update_recommendation, self.current_id,
                         changes, parent=self)
        self.show_row(self.table.currentIndex().row())  # what is saved now, theirs included
        return True

    def record_vote(self) -> bool:
        if self.current_id is None:
            return False
        values = [b.value() for b in self.votes]
        rec = self.model.row(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None
        plenary_id = rec["plenary_id"] if rec else self.plenary_box.currentData()
        present, total, reason = V.entitled_present(self.ctx.store, plenary_id), sum(values), None
        if present is not None and total > present:  # the core refuses it too, unless a reason is given
            reason = self.ctx.prompts.ask_text(self, self.tr("More votes than members present"), fmt(self.tr(
                "%1 votes (in favour, against and abstained), but only %2 members entitled to vote were checked "
                "in.\n\nCheck the figures. To record them anyway, write why (e.g. attendance kept on paper); "
                "the reason is kept with the vote."), total, present))
            if not reason:
                self.message.setText(error_text(V.VoteExceedsPresent(total, present)))
                return False
        return commands.run(self.ctx, self.tr("Record the vote"), V.record_plenary_vote, self.current_id, *values,
                            reason=reason, parent=self) is not None

    def delete(self) -> None:
        if self.current_id and self.ctx.prompts.confirm(self, self.tr("Delete recommendation"),
                                                        fmt(self.tr("Delete “%1”?"), self.title.text())):
            commands.run(self.ctx, self.tr("Delete recommendation"), R.delete_recommendation, self.current_id,
                         parent=self)

    def project(self) -> None:
        from facilitator_app.gui.notes.projector_views import show_recommendations

        pid = self.plenary_box.currentData()
        if pid:
            show_recommendations(self.ctx, pid, self.current_id)
