"""The Sorteggio page: the pool and its path, quotas with a live feasibility check, the draw with its
public seed and witnesses, each respondent's chance, and the composition at each step against Milan.

Core calls only (no SQL here); every action that writes goes on the undo stack.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QScrollArea, QSpinBox, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from facilitator_app.core.errors import CoreError
from facilitator_app.core.selection.announce import announce, pending_announcement, seed_source_for
from facilitator_app.core.selection.categories import categories
from facilitator_app.core.selection.model import FIELDS, quota_problems
from facilitator_app.core.selection.records import (
    DRAWABLE, list_pool, quotas_for_panel, save_quotas, stored_quotas, to_engine,
)
from facilitator_app.core.selection.runs import (
    confirm, continuing_members, latest_run, prepare_run, record_run, verify,
)
from facilitator_app.gui import undo
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import day, fmt, number
from facilitator_app.gui.selection.categories import CategoryActions
from facilitator_app.gui.selection.chart import StepsChart
from facilitator_app.gui.selection.models import QuotasModel, problem_text, status_text
from facilitator_app.gui.selection.response import ResponseTab, percent
from facilitator_app.gui.selection.worker import CheckJob, DrawJob, prefetch_library, start as start_job
from facilitator_app.gui.tablemodel import RowsModel

METHODS = ("leximin", "maximin", "legacy")




def field_title(fld: str) -> str:
    return {"gender": QCoreApplication.translate("SelectionPage", "Gender"), "age_band": QCoreApplication.translate("SelectionPage", "Age band"), "education": QCoreApplication.translate("SelectionPage", "Education"),
            "citizenship": QCoreApplication.translate("SelectionPage", "Citizenship"), "municipio": QCoreApplication.translate("SelectionPage", "Municipio")}.get(fld, fld)


class SelectionPage(CategoryActions, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.summary = QLabel()
        self.tabs = QTabWidget()
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.tabs)
        self._cats: dict = {}
        self._check_gen = 0
        self._check_job = None
        self._build_pool()
        self.response = ResponseTab(ctx, self.field_title, self.value_label)
        self.tabs.addTab(self.response, QCoreApplication.translate("SelectionPage", "Response"))
        self._build_quotas()
        self._build_draw()
        self._build_composition()
        self._check_timer = QTimer(self, singleShot=True, interval=250)
        self._check_timer.timeout.connect(self.check_now)
        ctx.changed.connect(self._on_changed)
        ctx.store_replaced.connect(lambda *_: self.reload())
        self.reload()
        prefetch_library()

    # -- building -------------------------------------------------------------------------
    def _build_pool(self) -> None:
        w = QWidget()
        v = QVBoxLayout(w)
        self.pool_model = RowsModel([
            (QCoreApplication.translate("SelectionPage", "Code"), lambda r: r.get("external_id") or ""),
            (QCoreApplication.translate("SelectionPage", "Gender"), lambda r: self.ctx.vocab.label("gender", r.get("gender"))),
            (QCoreApplication.translate("SelectionPage", "Age band"), lambda r: r.get("age_band")),
            (QCoreApplication.translate("SelectionPage", "Education"), lambda r: self.ctx.vocab.label("education", r.get("education"))),
            (QCoreApplication.translate("SelectionPage", "Citizenship"), lambda r: self.ctx.vocab.label("citizenship", r.get("citizenship"))),
            (QCoreApplication.translate("SelectionPage", "Municipio"), lambda r: r.get("municipio")),
            (QCoreApplication.translate("SelectionPage", "Status"), lambda r: status_text(r["status"])),
            (QCoreApplication.translate("SelectionPage", "Chance"), lambda r: percent(r.get("_chance"))),
        ], parent=self)
        self.pool_view = QTableView()
        self.pool_view.setModel(self.pool_model)
        self.pool_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.pool_view.setSortingEnabled(False)
        v.addWidget(self.pool_view)
        self.tabs.addTab(w, QCoreApplication.translate("SelectionPage", "Pool"))

    def _build_quotas(self) -> None:
        w = QWidget()
        v = QVBoxLayout(w)
        row = QHBoxLayout()
        self.panel_spin = QSpinBox(minimum=1, maximum=500, value=45)
        self.panel_spin.setAccessibleName(QCoreApplication.translate("SelectionPage", "Seats in the group in office"))
        self.compute_button = QPushButton(QCoreApplication.translate("SelectionPage", "Compute from Milan's population"))
        self.compute_button.clicked.connect(self.compute_quotas)
        self.save_button = QPushButton(QCoreApplication.translate("SelectionPage", "Save quotas"))
        self.save_button.clicked.connect(self.save_quotas)
        row.addWidget(QLabel(QCoreApplication.translate("SelectionPage", "Seats in the group in office:")))
        row.addWidget(self.panel_spin)
        row.addWidget(self.compute_button)
        self.add_category_button = QPushButton(QCoreApplication.translate("SelectionPage", "Add category…"))
        self.add_category_button.setToolTip(QCoreApplication.translate(
            "SelectionPage", "A further characteristic from a column of the pool file, with Milan's shares"))
        self.add_category_button.clicked.connect(self.open_category_dialog)
        self.remove_category_button = QPushButton(QCoreApplication.translate("SelectionPage", "Remove category"))
        self.remove_category_button.setToolTip(QCoreApplication.translate(
            "SelectionPage", "Remove the further category of the selected quota"))
        self.remove_category_button.clicked.connect(self.remove_selected_category)
        row.addWidget(self.add_category_button)
        row.addWidget(self.remove_category_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        v.addLayout(row)
        self.quotas_model = QuotasModel(self)
        self.quotas_model.edited.connect(self._check_timer_start)
        self.quotas_view = QTableView()
        self.quotas_view.setModel(self.quotas_model)
        self.quotas_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        v.addWidget(self.quotas_view, 1)
        self.feasibility = QLabel(wordWrap=True)
        self.feasibility.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.feasibility)
        self.tabs.addTab(w, QCoreApplication.translate("SelectionPage", "Quotas"))

    def _build_draw(self) -> None:
        w = QWidget()
        v = QVBoxLayout(w)
        form = QFormLayout()
        self.method_combo = QComboBox()
        for m, text in zip(METHODS, (QCoreApplication.translate("SelectionPage", "LEXIMIN (fairest; recommended)"), QCoreApplication.translate("SelectionPage", "Maximin"),
                                     QCoreApplication.translate("SelectionPage", "Legacy (greedy, not fair)"))):
            self.method_combo.addItem(text, m)
        self.rotation_box = QCheckBox(QCoreApplication.translate("SelectionPage", "Rotation: draw the newcomers, keeping the members who continue"))
        self.seed_edit = QLineEdit(placeholderText=QCoreApplication.translate("SelectionPage", "e.g. the numbers of a public lottery"))
        self.source_edit = QLineEdit(placeholderText=QCoreApplication.translate("SelectionPage", "how the seed was obtained"))
        self.witness_edit = QLineEdit(placeholderText=QCoreApplication.translate("SelectionPage", "names of the witnesses"))
        form.addRow(QCoreApplication.translate("SelectionPage", "Method:"), self.method_combo)
        form.addRow("", self.rotation_box)
        form.addRow(QCoreApplication.translate("SelectionPage", "Public seed:"), self.seed_edit)
        self.announce_button = QPushButton(QCoreApplication.translate("SelectionPage", "Announce before the draw"))
        self.announce_button.setToolTip(QCoreApplication.translate(
            "SelectionPage", "Record now how the seed will be obtained: the draw will refuse any other source"))
        self.announce_button.clicked.connect(self.announce_source)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_edit, 1)
        source_row.addWidget(self.announce_button)
        self.announce_label = QLabel(wordWrap=True)
        form.addRow(QCoreApplication.translate("SelectionPage", "Source of the seed:"), source_row)
        form.addRow("", self.announce_label)
        form.addRow(QCoreApplication.translate("SelectionPage", "Witnesses:"), self.witness_edit)
        v.addLayout(form)
        buttons = QHBoxLayout()
        self.draw_button = QPushButton(QCoreApplication.translate("SelectionPage", "Compute chances and draw"))
        self.draw_button.clicked.connect(self.draw)
        self.confirm_button = QPushButton(QCoreApplication.translate("SelectionPage", "Confirm the selected as members"))
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.verify_button = QPushButton(QCoreApplication.translate("SelectionPage", "Verify the last draw"))
        self.verify_button.clicked.connect(self.verify_last)
        self.report_button = QPushButton(QCoreApplication.translate("SelectionPage", "Public report…"))
        self.report_button.clicked.connect(self.export_report)
        for b in (self.draw_button, self.confirm_button, self.verify_button, self.report_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        v.addLayout(buttons)
        self.result = QLabel(wordWrap=True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop)
        v.addWidget(self.result, 1)
        self.tabs.addTab(w, QCoreApplication.translate("SelectionPage", "Draw"))

    def _build_composition(self) -> None:
        w = QWidget()
        v = QVBoxLayout(w)
        self.field_combo = QComboBox()
        for f in FIELDS:
            self.field_combo.addItem(field_title(f), f)
        self.field_combo.currentIndexChanged.connect(self._refresh_chart)
        self.plenary_combo = QComboBox()
        self.plenary_combo.setAccessibleName(QCoreApplication.translate("SelectionPage", "Compare with a plenary"))
        self.plenary_combo.currentIndexChanged.connect(self._refresh_chart)
        row = QHBoxLayout()
        row.addWidget(self.field_combo)
        row.addWidget(QLabel(QCoreApplication.translate("SelectionPage", "Present at:")))
        row.addWidget(self.plenary_combo, 1)
        v.addLayout(row)
        self.chart = StepsChart()
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.chart)
        v.addWidget(scroll, 1)
        self.tabs.addTab(w, QCoreApplication.translate("SelectionPage", "Composition"))
        self.composition_tab = w
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- loading ---------------------------------------------------------------------------
    def _on_changed(self, changes) -> None:
        if changes.touches("respondents", "selection_runs", "selection_quotas", "members", "settings",
                           "invitation_counts"):
            # Quotas being edited stay on screen unless the stored quotas themselves changed (saved, undone,
            # or from another laptop): a new category must not wipe them.
            self.reload(quotas=changes.touches("selection_quotas") or self.quotas_model.quotas is None)
        elif changes.touches("attendance", "plenaries", "sessions"):
            # A check-in at the entrance: only the presence figures change, computed when they are looked at.
            self._presence = None
            if self.tabs.currentWidget() is self.composition_tab:
                self._fill_plenary_combo()
                self._refresh_chart()

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.composition_tab and self._presence is None:
            self._fill_plenary_combo()
            self._refresh_chart()

    def closeEvent(self, event) -> None:
        self._check_timer.stop()  # no check after the page (and perhaps the file) is closed
        self._check_gen += 1
        super().closeEvent(event)

    def reload(self, quotas: bool = True) -> None:
        store = self.ctx.store
        self._cats = categories(store)
        self._fill_field_combo()
        self._presence = None
        rows = list_pool(store)
        run = latest_run(store)
        chances = json.loads(run["lottery"])["chances"] if run else {}
        for r in rows:
            r["_chance"] = chances.get(r["id"])
        self.pool_model.set_rows(rows)
        counts = {}
        for r in rows:
            counts[r["status"]] = counts.get(r["status"], 0) + 1
        parts = [fmt(QCoreApplication.translate("SelectionPage", "%1: %2"), status_text(s), n) for s, n in sorted(counts.items())]
        self.summary.setText(fmt(QCoreApplication.translate("SelectionPage", "Pool: %1 respondents"), len(rows)) + ("  ·  " + "  ·  ".join(parts)
                                                                            if parts else ""))
        q = stored_quotas(store) if quotas else None
        if not quotas:
            self.check_now()  # the same quotas against the pool as it is now
        elif q is not None:
            self.panel_spin.setValue(q.panel)
            self._show_quotas(q)
        else:  # another file, or quotas removed: nothing of the old ones stays on screen
            self.quotas_model.set_quotas(None, {})
            self.check_now()
        self._show_run(run)
        self._show_announcement()
        self.response.reload()
        if self.tabs.currentWidget() is self.composition_tab:
            self._fill_plenary_combo()
        self._refresh_chart()

    # -- characteristics (the five and the further categories) ----------------------------------
    def field_title(self, fld: str) -> str:
        return self._cats[fld]["name"] if fld in self._cats else field_title(fld)

    def value_label(self, fld: str, value: str) -> str:
        kind = {"gender": "gender", "education": "education", "citizenship": "citizenship"}.get(fld)
        if kind:
            return self.ctx.vocab.label(kind, value)
        if fld == "municipio":
            return fmt(QCoreApplication.translate("SelectionPage", "Municipio %1"), value)
        return str(value)

    def _fill_field_combo(self) -> None:
        wanted = [*FIELDS, *self._cats]
        if [self.field_combo.itemData(i) for i in range(self.field_combo.count())] == wanted:
            return
        current = self.field_combo.currentData()
        self.field_combo.blockSignals(True)
        self.field_combo.clear()
        for f in wanted:
            self.field_combo.addItem(self.field_title(f), f)
        self.field_combo.setCurrentIndex(max(0, wanted.index(current) if current in wanted else 0))
        self.field_combo.blockSignals(False)

    def _fill_plenary_combo(self) -> None:
        from facilitator_app.core.selection.presence import presence_by_plenary

        self._presence = {p.plenary_id: p for p in presence_by_plenary(self.ctx.store, [*FIELDS, *self._cats])}
        current = self.plenary_combo.currentData()
        self.plenary_combo.blockSignals(True)
        self.plenary_combo.clear()
        self.plenary_combo.addItem(QCoreApplication.translate("SelectionPage", "no plenary"), None)
        for p in self._presence.values():
            self.plenary_combo.addItem(fmt(QCoreApplication.translate(
                "SelectionPage", "Plenary %1 of %2 (%3 present)"), p.number, day(p.date), p.present), p.plenary_id)
        i = self.plenary_combo.findData(current)
        self.plenary_combo.setCurrentIndex(i if i >= 0 else 0)
        self.plenary_combo.blockSignals(False)

    def _labels(self, q):
        return {(f, v): (self.field_title(f), self.value_label(f, v)) for f, v, _ in q.pairs()}

    def _show_quotas(self, q) -> None:
        self.quotas_model.set_quotas(q.copy(), self._labels(q))
        self.check_now()

    # -- quotas ----------------------------------------------------------------------------
    def compute_quotas(self) -> None:
        q = quotas_for_panel(self.ctx.store, self.panel_spin.value())
        self._show_quotas(q)

    def _check_timer_start(self) -> None:
        self._check_timer.start()

    def check_now(self) -> None:
        """Start the feasibility check on the thread pool; an older check still running is ignored when done."""
        self._check_gen += 1
        self._check_job = None
        q = self.quotas_model.quotas
        if q is None:
            self.feasibility.setText(QCoreApplication.translate("SelectionPage", "No quotas yet: compute them from Milan's population."))
            return
        q.panel = self.panel_spin.value()
        pool = to_engine(list_pool(self.ctx.store, DRAWABLE))
        fixed = self._fixed() if self.rotation_box.isChecked() else []
        self.feasibility.setText(QCoreApplication.translate("SelectionPage", "Checking the quotas…"))
        self._check_pool_n = len(pool)
        job = self._check_job = CheckJob(self._check_gen, pool, q.copy(), list(fixed))
        job.signals.finished.connect(self._checked, Qt.ConnectionType.QueuedConnection)
        start_job(job)

    @property
    def checking(self) -> bool:
        """A check is on its way whose result is not shown yet."""
        return self._check_job is not None

    def _checked(self, generation: int, feas) -> None:
        if generation != self._check_gen:
            return  # the quotas changed since: a newer check is on its way
        self._check_job = None
        q = self.quotas_model.quotas
        if q is None:
            return
        if isinstance(feas, Exception):
            self.feasibility.setText(error_text(feas) if isinstance(feas, CoreError) else
                                     f"{type(feas).__name__}: {feas}")
            return
        pool_n = self._check_pool_n  # of the check that reports (no store access: the file may be closed)
        if feas.ok:
            self.feasibility.setText(fmt(QCoreApplication.translate("SelectionPage", "✓ The quotas can be met with these %1 respondents."), pool_n))
            return
        if feas.problems:
            self.feasibility.setText(QCoreApplication.translate("SelectionPage", "✗ These quotas or this pool cannot be used as they are:") + "\n"
                                     + "\n".join(problem_text(p, self.field_title, self._labels(q)) for p in feas.problems[:12]))
            return
        lines = []
        for r in feas.relaxations:
            what = fmt(QCoreApplication.translate("SelectionPage", "%1 %2"), self.field_title(r.field), self._labels(q).get((r.field, r.value), ("", r.value))[1])
            lines.append(fmt(QCoreApplication.translate("SelectionPage", "%1: lower the minimum from %2 to %3"), what, r.old, r.new) if r.bound == "min"
                         else fmt(QCoreApplication.translate("SelectionPage", "%1: raise the maximum from %2 to %3"), what, r.old, r.new))
        self.feasibility.setText(QCoreApplication.translate("SelectionPage", "✗ No group from this pool meets all these quotas together. "
                                     "The smallest change that fixes it:") + "\n" + "\n".join(lines))

    def _fixed(self):
        try:
            return continuing_members(self.ctx.store)
        except CoreError:
            return []

    def save_quotas(self) -> None:
        q = self.quotas_model.quotas
        if q is None:
            return
        q.panel = self.panel_spin.value()
        problems = quota_problems(q)
        if problems:
            self.ctx.prompts.error(self, QCoreApplication.translate("SelectionPage", "Quotas"), "\n".join(p.message for p in problems))
            return
        undo.run(self.ctx, QCoreApplication.translate("SelectionPage", "Save quotas"), save_quotas, q.copy(), refused=CoreError, title=QCoreApplication.translate("SelectionPage", "Quotas"),
                 parent=self)

    # -- the draw --------------------------------------------------------------------------
    def announce_source(self) -> None:
        undo.run(self.ctx, QCoreApplication.translate("SelectionPage", "Announce the seed's source"), announce,
                 self.source_edit.text(), refused=CoreError,
                 title=QCoreApplication.translate("SelectionPage", "Announcement"), parent=self)
        self._show_announcement()

    def _show_announcement(self) -> None:
        ann = pending_announcement(self.ctx.store)
        if ann is None:
            self.announce_label.setText(QCoreApplication.translate(
                "SelectionPage", "Not announced: the source typed above is recorded with the draw."))
            return
        self.announce_label.setText(fmt(QCoreApplication.translate(
            "SelectionPage", "Announced on %1: the seed will be %2. The draw must use this source."),
            day(ann["announced_at"]), ann["source"]))
        if not self.source_edit.text().strip():
            self.source_edit.setText(ann["source"])

    def draw(self) -> None:
        """Prepare here, compute on the thread pool, record here when it is done."""
        if self.quotas_model.quotas is not None:
            self.save_quotas()
        try:
            seed_source_for(self.ctx.store, self.source_edit.text() or None)  # refused now, not after computing
            prep = prepare_run(self.ctx.store, self.panel_spin.value(), self.seed_edit.text(),
                               self.method_combo.currentData(), rotation=self.rotation_box.isChecked())
        except CoreError as exc:
            self.ctx.prompts.error(self, QCoreApplication.translate("SelectionPage", "Draw"), error_text(exc))
            return
        self._pending = (prep, self.source_edit.text() or None, self.witness_edit.text() or None)
        self.draw_button.setEnabled(False)
        self.result.setText(QCoreApplication.translate("SelectionPage", "Computing the chances and drawing…"))
        job = self._job = DrawJob(prep)
        queued = Qt.ConnectionType.QueuedConnection
        job.signals.finished.connect(self._drawn, queued)
        job.signals.failed.connect(self._draw_failed, queued)
        start_job(job)

    def _drawn(self, sel) -> None:
        prep, source, witnesses = self._pending
        self.draw_button.setEnabled(True)
        try:
            res = record_run(self.ctx.store, prep, sel, seed_source=source, witnesses=witnesses)
        except CoreError as exc:
            self._draw_failed(exc)
            return
        undo.push(self.ctx, QCoreApplication.translate("SelectionPage", "Draw"), res.edit)
        self.reload()

    def _draw_failed(self, exc) -> None:
        self.draw_button.setEnabled(True)
        self._show_run(latest_run(self.ctx.store))
        text = error_text(exc) if isinstance(exc, CoreError) else f"{type(exc).__name__}: {exc}"
        detail = str(exc) if isinstance(exc, CoreError) and str(exc) != text else ""
        self.ctx.prompts.error(self, QCoreApplication.translate("SelectionPage", "Draw"),
                               text + ("\n\n" + detail if detail else ""))

    def _show_run(self, run) -> None:
        if run is None:
            self.result.setText(QCoreApplication.translate("SelectionPage", "No draw recorded yet."))
            return
        lottery = json.loads(run["lottery"])
        chances = sorted(p for p in lottery["chances"].values() if p is not None)
        selected = json.loads(run["selected"])
        fair = len(selected) / len(chances) if chances else 0
        text = [fmt(QCoreApplication.translate("SelectionPage", "Method used: %1"), run["method_text"]),
                fmt(QCoreApplication.translate("SelectionPage", "Seed: “%1” (source: %2; witnesses: %3), drawn on %4"), run["seed"],
                    run["seed_source"] or "—", run["witnesses"] or "—", day(run["drawn_at"])),
                fmt(QCoreApplication.translate("SelectionPage", "%1 selected out of %2; %3 possible groups in the lottery"), len(selected), len(chances),
                    len(lottery["panels"]))]
        if chances:
            under = sum(p < fair / 2 for p in chances) / len(chances)
            text.append(fmt(QCoreApplication.translate("SelectionPage", "Chances: lowest %1%, median %2%, highest %3%; fair %4%; under half the fair "
                                "chance: %5%"), number(chances[0] * 100), number(chances[len(chances) // 2] * 100),
                            number(chances[-1] * 100), number(fair * 100), number(under * 100, 0)))
        text.append(fmt(QCoreApplication.translate("SelectionPage", "Inputs digest: %1"), run["inputs_digest"]))
        self.result.setText("\n".join(text))

    def confirm_selected(self) -> None:
        ids = [r["id"] for r in list_pool(self.ctx.store, ("selected",))]
        if not ids:
            self.ctx.prompts.info(self, QCoreApplication.translate("SelectionPage", "Confirm"), QCoreApplication.translate("SelectionPage", "Nobody is waiting for confirmation."))
            return
        undo.run(self.ctx, QCoreApplication.translate("SelectionPage", "Confirm selected"), confirm, ids, refused=CoreError, title=QCoreApplication.translate("SelectionPage", "Confirm"),
                 parent=self)

    def verify_last(self) -> None:
        try:
            v = verify(self.ctx.store)
        except CoreError as exc:
            self.ctx.prompts.error(self, QCoreApplication.translate("SelectionPage", "Verify"), error_text(exc))
            return
        title = QCoreApplication.translate("SelectionPage", "Same panel") if v.same else QCoreApplication.translate("SelectionPage", "Differences found")
        self.ctx.prompts.info(self, title, "\n".join(v.lines))

    def export_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("SelectionPage", "Public report"), "sorteggio.pdf", "PDF (*.pdf)")
        if not path:
            return
        from facilitator_app.exporters.selection_report import report_data, write_pdf

        write_pdf(report_data(self.ctx.store), path)

    # -- composition --------------------------------------------------------------------------
    def _refresh_chart(self) -> None:
        from facilitator_app.exporters.selection_report import FIELD_IT, STEPS, report_data

        fld = self.field_combo.currentData() or "gender"
        data = report_data(self.ctx.store, presence=False)
        name = FIELD_IT.get(fld) or self._cats.get(fld, {}).get("name", fld)
        rows = [(r[1], list(r[2:])) for r in data["composition"] if r[0] == name]
        values = [v for v in data["values"] if v[0] == fld]
        series = [QCoreApplication.translate("SelectionPage", "Milan"), QCoreApplication.translate("SelectionPage", "Invited"), QCoreApplication.translate("SelectionPage", "Respondents"), QCoreApplication.translate("SelectionPage", "Drawn"), QCoreApplication.translate("SelectionPage", "Accepted"),
                  QCoreApplication.translate("SelectionPage", "In office")][: 1 + len(STEPS)]
        pid = self.plenary_combo.currentData()
        pres = (self._presence or {}).get(pid) if pid else None
        if pres is not None:
            shares = pres.shares(fld)
            series.append(fmt(QCoreApplication.translate("SelectionPage", "Present at plenary %1"), pres.number))
            rows = [(label, [*vals, shares.get(v[1], 0.0) if pres.present else None])
                    for (label, vals), v in zip(rows, values)]
        self.chart.set_data(series, rows)
        self.chart.setToolTip(self.field_title(fld))
