"""Seguito: every approved recommendation of every cycle with the Comune's answer and its progress.

Filters by cycle, theme, Plan action, answer and progress, and a search field; overdue answers
first (in red, with the days). For the chosen recommendation: its timeline, from the group's notes
to the latest update, and the forms to record the sending, the answer and a progress update (each
one undoable action). Under the table, a chart of the answers by kind and of progress by Plan area.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QScrollArea, QSizePolicy, QSpinBox, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from facilitator_app.core.followup import actions as A
from facilitator_app.core.followup.board import Filters, FollowupRow, load_board, timeline
from facilitator_app.core.followup.cycles import MAX_ANSWER_MONTHS, answer_months, cycles, set_cycle
from facilitator_app.core.followup.fields import ANSWER_KINDS, PROGRESS, FollowupError
from facilitator_app.core.followup.files import read_attachment
from facilitator_app.core.followup.plan import plan_actions
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Changes
from facilitator_app.gui import undo
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.followup import labels as L
from facilitator_app.gui.followup.chart import FollowupChart
from facilitator_app.gui.followup.exchange import FilesButton
from facilitator_app.gui.followup.forms import AnswerForm, SendingForm, UpdateForm
from facilitator_app.gui.followup.model import FollowupModel
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.refresh import RefreshWhenShown
from facilitator_app.gui.tablemodel import rows_view

DETAIL_DELAY_MS = 150  # after the last keystroke, the chosen recommendation's timeline and forms
WATCHED = ("recommendations", "rec_followup", "rec_updates", "followup_cycles", "plan_actions", "plenaries",
           "themes", "recommendation_notes", "notes")


class FollowupPage(RefreshWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.current_id: str | None = None
        self._shown: str | None = None  # the recommendation whose timeline and forms are on screen
        self._cycles: list[dict] = []  # the cycles' rules, read with the board (no SQL while filtering)
        # While typing or filtering, the chosen recommendation's story is read once the keys pause:
        # each keystroke only filters and repaints the table (within a frame).
        self._detail_later = QTimer(self)
        self._detail_later.setSingleShot(True)
        self._detail_later.setInterval(DETAIL_DELAY_MS)
        self._detail_later.timeout.connect(self._show_later)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search code, title, act, office…"))
        self.search.setClearButtonEnabled(True)
        self.cycle, self.theme, self.action, self.answer, self.progress = (QComboBox() for _ in range(5))
        self.count = QLabel()
        # Its text changes at every keystroke: a fixed box, so the page is not laid out again each time.
        self.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.search.setMinimumWidth(240)
        for box in (self.cycle, self.theme, self.action, self.answer, self.progress):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8 if box in (self.cycle, self.progress) else 11)
            box.currentIndexChanged.connect(self._filters_changed)
        self.search.textChanged.connect(self._filters_changed)

        self.model = FollowupModel(self)
        self.table = rows_view(self.model)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 76), (2, 140), (3, 170), (4, 150), (5, 150), (6, 100)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._current_changed(cur.row()))

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        self.timeline.setAlternatingRowColors(True)
        self.sending, self.answer_form, self.update_form = SendingForm(), AnswerForm(), UpdateForm()
        self.sending.submitted.connect(self.record_sending)
        self.answer_form.submitted.connect(self.record_answer)
        self.update_form.submitted.connect(self.add_update)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.tabs.addTab(self.sending, self.tr("Sending"))
        self.tabs.addTab(self.answer_form, self.tr("Answer and act"))
        self.tabs.addTab(self.update_form, self.tr("Progress update"))
        self.detail = QWidget()
        dl = QVBoxLayout(self.detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.heading)
        dl.addWidget(self.tabs, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([960, 420])
        self.chart = FollowupChart()

        bar = QHBoxLayout()  # the filters; the search sits on the row below (1280-pixel screens)
        for label, box in ((self.tr("Cycle"), self.cycle), (self.tr("Theme"), self.theme),
                           (self.tr("Plan action"), self.action), (self.tr("Answer"), self.answer),
                           (self.tr("Progress"), self.progress)):
            bar.addWidget(QLabel(label))
            bar.addWidget(box, 1)
        # The due-date rule of the cycle chosen in the filter: months from the sending to the answer.
        self.months = QSpinBox()
        self.months.setRange(1, MAX_ANSWER_MONTHS)
        self.months_label = QLabel()
        self.months_save = QPushButton(self.tr("Save the term"))
        self.months_save.clicked.connect(self.save_months)
        self.cycle_row = QWidget()
        cr = QHBoxLayout(self.cycle_row)
        cr.setContentsMargins(0, 0, 0, 0)
        cr.addWidget(self.months_label)
        cr.addWidget(self.months)
        cr.addWidget(QLabel(self.tr("months of the sending")))
        cr.addWidget(self.months_save)
        self.cycle_button = QPushButton(self.tr("Dates of the cycle…"))
        self.cycle_button.clicked.connect(self.edit_cycle)
        cr.addWidget(self.cycle_button)
        cr.addStretch(1)
        self.files = FilesButton(ctx, self)
        self.plan_button = QPushButton(self.tr("Plan actions…"))
        self.plan_button.setToolTip(self.tr("The list of the Air and Climate Plan's actions: add, rename, remove"))
        self.plan_button.clicked.connect(self.edit_plan_actions)
        status = QHBoxLayout()
        status.addWidget(self.search, 1)
        status.addWidget(self.count, 1)
        status.addWidget(self.plan_button)
        status.addWidget(self.files)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(status)
        layout.addWidget(self.cycle_row)  # its own line: shown only while a cycle is chosen in the filter
        layout.addWidget(split, 1)
        # In a scroll area: on a 720-pixel screen the chart gives up height rather than push the window
        # past the screen; with room it shows whole (the area's size hint is the chart's).
        chart_area = QScrollArea()
        chart_area.setWidget(self.chart)
        chart_area.setWidgetResizable(True)
        chart_area.setFrameShape(QFrame.Shape.NoFrame)
        chart_area.setMinimumHeight(90)
        chart_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(chart_area)
        ctx.changed.connect(self._on_changed)
        ctx.store_replaced.connect(self.refresh)
        self.refresh()

    # -- data ---------------------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED):
            self.refresh_when_shown()

    def refresh(self) -> None:
        self._shown = None  # the file changed: the chosen recommendation's timeline is read again
        rows = load_board(self.ctx.store)
        self._cycles = cycles(self.ctx.store)
        self._fill_filters(rows)
        self.update_form.set_actions(plan_actions(self.ctx.store))
        self.model.set_rows(rows)
        self.chart.set_rows(rows)
        self.apply_filters(immediate=True)

    def _fill(self, box: QComboBox, items: list[tuple[str, object]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("All"), None)
        for text, data in items:
            box.addItem(text, data)
        box.setCurrentIndex(max(0, box.findData(current)))
        box.blockSignals(False)

    def _fill_filters(self, rows: list[FollowupRow]) -> None:
        self._fill(self.cycle, [(c, c) for c in sorted({r.cycle for r in rows})])
        self._fill(self.theme, [(t, t) for t in sorted({r.theme for r in rows if r.theme})])
        codes = {a["code"]: a["title"] for a in plan_actions(self.ctx.store)}
        used = sorted({c for r in rows for c in r.plan_actions}, key=lambda c: [int(p) for p in c.split(".")
                                                                            if p.isdecimal()])
        self._fill(self.action, [(f"{c} {codes.get(c) or ''}".strip(), c) for c in used])
        self._fill(self.answer, [(self.tr("Overdue"), "overdue"), *[(L.answer(k), k) for k in ANSWER_KINDS],
                                 (L.answer(None), "none")])
        self._fill(self.progress, [*[(L.progress(s), s) for s in PROGRESS], (L.progress(None), "none")])

    def _filters_changed(self, *_args) -> None:
        self.apply_filters(immediate=False)

    def apply_filters(self, immediate: bool = True) -> None:
        """Filter the table; `immediate=False` (a keystroke, a filter chosen): the chosen recommendation's
        story follows when the keys pause (DETAIL_DELAY_MS)."""
        self.model.set_filters(Filters(cycle=self.cycle.currentData(), theme=self.theme.currentData(),
                                       plan_action=self.action.currentData(), answer=self.answer.currentData(),
                                       progress=self.progress.currentData(), text=self.search.text()))
        self._show_cycle_rule(self.cycle.currentData())
        shown, total = self.model.rowCount(), len(self.model.all_rows())
        overdue = sum(r.overdue for r in self.model.visible())
        self.count.setText(fmt(self.tr("%1 of %2 recommendations shown · %3 with the answer overdue"), shown, total,
                               overdue))
        keep = self._pending if self._detail_later.isActive() else self.current_id  # the one chosen last
        row = self.model.index_of(keep)
        if row < 0 and shown:
            row = 0
        if row >= 0 and row != self.table.currentIndex().row():
            self._filtering = True  # the selection follows the filter: its story comes when the keys pause
            try:
                self.table.selectRow(row)
            finally:
                self._filtering = False
        if row >= 0 and not immediate and self.model.row(row).id != self._shown:
            # Until then the pane (heading, timeline, forms) and current_id stay on the one shown, together:
            # a form saved meanwhile goes to the recommendation its heading names.
            self._pending = self.model.row(row).id
            self._detail_later.start()
        else:
            self.show_row(row)

    _filtering = False

    _pending: str | None = None

    def _show_later(self) -> None:
        if self.isVisible():  # a page closed meanwhile (its file too) reads nothing
            self.show_row(self.model.index_of(self._pending))

    def _current_changed(self, row: int) -> None:
        if not self._filtering:  # a click or an arrow key: the story at once
            self.show_row(row)

    def show_row(self, row: int) -> None:
        self._detail_later.stop()
        if row < 0 or row >= self.model.rowCount():
            self.current_id = self._shown = None
            self.detail.setEnabled(False)
            self.heading.setText(self.tr("No recommendation matches the filters."))
            self.timeline.clear()
            return
        r = self.model.row(row)
        changed = r.id != self.current_id
        self.current_id = r.id
        self.detail.setEnabled(True)
        if self._shown == r.id:  # typing in the search keeps the same one chosen: nothing to read again
            return
        self._shown = r.id
        self.heading.setText(f"{r.code} · {r.title}")
        self._fill_timeline(r)
        if changed:
            for form in (self.sending, self.answer_form, self.update_form):
                form.show_row(r)

    def current_row(self) -> FollowupRow | None:
        i = self.model.index_of(self.current_id)
        return self.model.row(i) if i >= 0 else None

    def _fill_timeline(self, r: FollowupRow) -> None:
        self.timeline.clear()
        events = timeline(self.ctx.store, r.id)
        notes = [e for e in events if e.kind == "note"]
        if notes:  # the group's notes as one entry: where the recommendation comes from
            groups = ", ".join(dict.fromkeys(e.detail for e in notes if e.detail))
            self.timeline.addItem(QListWidgetItem(
                fmt(self.tr("%1 — Notes of the group (%2)"), L.day(notes[0].on), groups or "—") + "\n"
                + "\n".join(f"• {' '.join(e.text.split())}" for e in notes)))
        for e in events:
            if e.kind == "note":
                continue
            what = L.event(e.kind)
            if e.kind == "answer":
                what = fmt(self.tr("%1: %2"), what, L.answer(e.status))
            elif e.kind == "update":
                what = fmt(self.tr("%1: %2"), what, L.progress(e.status))
            text = f"{L.day(e.on)} — {what}\n{' '.join(e.text.split())}"
            if e.kind == "vote" and e.detail:
                text += "\n" + fmt(self.tr("in favour %1, against %2, abstained %3"), *e.detail.split(" / "))
            elif e.kind == "sent" and e.detail:
                text += "\n" + fmt(self.tr("protocol %1"), e.detail)
            elif e.detail:
                text += f"\n{e.detail}"
            item = QListWidgetItem(text)
            if e.kind in ("answer", "update") and e.status:
                color = (L.ANSWER_COLORS if e.kind == "answer" else L.PROGRESS_COLORS)[e.status]
                item.setForeground(Qt.GlobalColor.black)
                item.setData(Qt.ItemDataRole.DecorationRole, _swatch(color))
            self.timeline.addItem(item)
        if r.overdue:
            late = QListWidgetItem(fmt(self.tr("The answer was due on %1: %2 days overdue."), L.day(r.due_on),
                                       r.days_overdue))
            late.setForeground(Qt.GlobalColor.darkRed)
            self.timeline.addItem(late)
        self.timeline.scrollToBottom()

    def _show_cycle_rule(self, key: str | None) -> None:
        self.cycle_row.setVisible(key is not None)
        if key is not None:
            self.months_label.setText(fmt(self.tr("Cycle %1: the Comune answers within"), key))
            self.months.setValue(answer_months(key, self._cycles))

    def save_months(self) -> bool:
        key = self.cycle.currentData()
        if key is None:
            return False
        current = next((c for c in self._cycles if c["key"] == key), {})
        edit = Edit()
        try:
            set_cycle(self.ctx.store, key, name=current.get("name"), starts_on=current.get("starts_on"),
                      ends_on=current.get("ends_on"), answer_months=self.months.value(), record=edit)
        except FollowupError as exc:
            self.ctx.prompts.error(self, self.tr("Answer term"), error_text(exc))
            return False
        undo.push(self.ctx, self.tr("Change the answer term"), edit)
        return True

    # The editors; a test reads the dialog from here, and `open_dialog` shows it (tests replace it).
    dialog = None

    def open_dialog(self, dialog) -> None:
        dialog.open()

    def edit_plan_actions(self):
        from facilitator_app.gui.followup.editors import PlanActionsDialog

        self.dialog = PlanActionsDialog(self.ctx, self)
        self.open_dialog(self.dialog)
        return self.dialog

    def edit_cycle(self):
        from facilitator_app.gui.followup.editors import CycleDialog

        key = self.cycle.currentData()
        if key is None:
            return None
        self.dialog = CycleDialog(self.ctx, key, self)
        self.open_dialog(self.dialog)
        return self.dialog

    # -- actions (each one undoable transaction) -----------------------------------------------------------
    def _run(self, form, text: str, fn, *args, **kwargs) -> bool:
        edit = Edit()
        try:
            fn(self.ctx.store, *args, record=edit, **kwargs)
        except FollowupError as exc:
            form.message.setText(error_text(exc))
            return False
        undo.push(self.ctx, text, edit)
        form.message.clear()
        return True

    def record_sending(self, values: dict) -> bool:
        if self.current_id is None:
            return False
        return self._run(self.sending, self.tr("Record the sending"), A.record_sending, self.current_id,
                         values["sent_on"], values["sent_to"], values["protocol"])

    def record_answer(self, values: dict) -> bool:
        if self.current_id is None:
            return False
        try:
            pdf = read_attachment(values["pdf"], pdf_only=True) if values.get("pdf") else None
        except FollowupError as exc:
            self.answer_form.message.setText(error_text(exc))
            return False
        done = self._run(self.answer_form, self.tr("Record the answer"), A.record_answer, self.current_id,
                         values["kind"], values["text"], answer_on=values["answer_on"], act=values["act"] or None,
                         act_date=values["act_date"], act_link=values["act_link"] or None,
                         responsible=values["responsible"] or None, act_file=pdf)
        if done:
            self.answer_form.set_pdf("")
        return done

    def add_update(self, values: dict) -> bool:
        if self.current_id is None:
            return False
        try:  # the same reading as the command line's --evidence FILE
            evidence = read_attachment(values["evidence_file"]) if values.get("evidence_file") else None
        except FollowupError as exc:
            self.update_form.message.setText(error_text(exc))
            return False
        done = self._run(self.update_form, self.tr("Add a progress update"), A.add_update, self.current_id,
                         values["status"], values["note"], on_date=values["on_date"],
                         evidence_link=values["evidence_link"] or None, evidence_file=evidence,
                         plan_actions=values["plan_actions"] or None)
        if done:
            self.update_form.note.clear()
            self.update_form.link.clear()
            self.update_form.evidence.set_path("")
            self.tabs.setCurrentWidget(self.timeline)
        return done


def _swatch(color: str) -> QPixmap:
    pm = QPixmap(12, 12)
    pm.fill(QColor(color))
    return pm
