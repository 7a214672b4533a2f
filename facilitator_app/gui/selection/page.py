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
from facilitator_app.core.selection.engine import check
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
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.selection.chart import StepsChart
from facilitator_app.gui.selection.models import QuotasModel, status_text
from facilitator_app.gui.selection.worker import DrawJob, start as start_job
from facilitator_app.gui.tablemodel import RowsModel

METHODS = ("leximin", "maximin", "legacy")




def field_title(fld: str) -> str:
    return {"gender": QCoreApplication.translate("SelectionPage", "Gender"), "age_band": QCoreApplication.translate("SelectionPage", "Age band"), "education": QCoreApplication.translate("SelectionPage", "Education"),
            "citizenship": QCoreApplication.translate("SelectionPage", "Citizenship"), "municipio": QCoreApplication.translate("SelectionPage", "Municipio")}.get(fld, fld)


class SelectionPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.summary = QLabel()
        self.tabs = QTabWidget()
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.tabs)
        self._build_pool()
        self._build_quotas()
        self._build_draw()
        self._build_composition()
        self._check_timer = QTimer(self, singleShot=True, interval=250)
        self._check_timer.timeout.connect(self.check_now)
        ctx.changed.connect(self._on_changed)
        ctx.store_replaced.connect(self.reload)
        self.reload()

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
            (QCoreApplication.translate("SelectionPage", "Chance"), lambda r: "" if r.get("_chance") is None else f"{r['_chance'] * 100:.1f}%"),
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
        form.addRow(QCoreApplication.translate("SelectionPage", "Source of the seed:"), self.source_edit)
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
        v.addWidget(self.field_combo)
        self.chart = StepsChart()
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.chart)
        v.addWidget(scroll, 1)
        self.tabs.addTab(w, QCoreApplication.translate("SelectionPage", "Composition"))

    # -- loading ---------------------------------------------------------------------------
    def _on_changed(self, changes) -> None:
        if changes.touches("respondents", "selection_runs", "selection_quotas", "members", "settings"):
            self.reload()

    def reload(self) -> None:
        store = self.ctx.store
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
        q = stored_quotas(store)
        if q is not None:
            self.panel_spin.setValue(q.panel)
            self._show_quotas(q)
        else:  # another file, or quotas removed: nothing of the old ones stays on screen
            self.quotas_model.set_quotas(None, {})
            self.check_now()
        self._show_run(run)
        self._refresh_chart()

    def _labels(self, q):
        out = {}
        for f, v, _ in q.pairs():
            kind = {"gender": "gender", "education": "education", "citizenship": "citizenship"}.get(f)
            label = self.ctx.vocab.label(kind, v) if kind else (fmt(QCoreApplication.translate("SelectionPage", "Municipio %1"), v) if f == "municipio" else v)
            out[(f, v)] = (field_title(f), label)
        return out

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
        q = self.quotas_model.quotas
        if q is None:
            self.feasibility.setText(QCoreApplication.translate("SelectionPage", "No quotas yet: compute them from Milan's population."))
            return
        q.panel = self.panel_spin.value()
        pool = to_engine(list_pool(self.ctx.store, DRAWABLE))
        feas = check(pool, q, self._fixed() if self.rotation_box.isChecked() else ())
        if feas.ok:
            self.feasibility.setText(fmt(QCoreApplication.translate("SelectionPage", "✓ The quotas can be met with these %1 respondents."), len(pool)))
            return
        if feas.problems:
            self.feasibility.setText(QCoreApplication.translate("SelectionPage", "✗ These quotas or this pool cannot be used as they are:") + "\n"
                                     + "\n".join(self._problem_text(p, q) for p in feas.problems[:12]))
            return
        lines = []
        for r in feas.relaxations:
            what = fmt(QCoreApplication.translate("SelectionPage", "%1 %2"), field_title(r.field), self._labels(q).get((r.field, r.value), ("", r.value))[1])
            lines.append(fmt(QCoreApplication.translate("SelectionPage", "%1: lower the minimum from %2 to %3"), what, r.old, r.new) if r.bound == "min"
                         else fmt(QCoreApplication.translate("SelectionPage", "%1: raise the maximum from %2 to %3"), what, r.old, r.new))
        self.feasibility.setText(QCoreApplication.translate("SelectionPage", "✗ No group from this pool meets all these quotas together. "
                                     "The smallest change that fixes it:") + "\n" + "\n".join(lines))

    def _problem_text(self, problem, q) -> str:
        """A quota or pool problem in the interface language (the English message when the code is new)."""
        p = dict(problem.params)
        name = field_title(p.get("field", ""))
        value = self._labels(q).get((p.get("field"), p.get("value")), ("", p.get("value")))[1] if "value" in p else ""
        templates = {
            "quota_mins_over_panel": (QCoreApplication.translate("SelectionPage", "%1: the minimums add up to %2, more than the %3 seats"),
                                      (name, p.get("total"), p.get("panel"))),
            "quota_maxes_under_panel": (QCoreApplication.translate("SelectionPage", "%1: the maximums add up to %2, fewer than the %3 seats"),
                                        (name, p.get("total"), p.get("panel"))),
            "quota_min_over_max": (QCoreApplication.translate("SelectionPage", "%1 %2: the minimum %3 is more than the maximum %4"),
                                   (name, value, p.get("min"), p.get("max"))),
            "quota_negative": (QCoreApplication.translate("SelectionPage", "%1 %2: a quota cannot be negative"), (name, value)),
            "duplicate_respondent": (QCoreApplication.translate("SelectionPage", "The respondent %1 is in the pool more than once"),
                                     (p.get("id"),)),
            "unknown_value": (QCoreApplication.translate("SelectionPage", "A respondent has %1 “%2”, a value the quotas do not know: "
                                                  "add it to the quotas"), (name, p.get("value"))),
            "missing_value": (QCoreApplication.translate("SelectionPage", "A respondent has no %1"), (name.lower(),)),
            "pool_too_small": (QCoreApplication.translate("SelectionPage", "The pool has %1 respondents, fewer than the %2 to select"),
                               (p.get("pool"), p.get("panel"))),
            "respondent_in_office": (QCoreApplication.translate("SelectionPage", "A respondent is already in office"), ()),
        }
        if problem.code not in templates:
            return problem.message
        text, args = templates[problem.code]
        return fmt(text, *args)

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
    def draw(self) -> None:
        """Prepare here, compute on the thread pool, record here when it is done."""
        if self.quotas_model.quotas is not None:
            self.save_quotas()
        try:
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
                    run["seed_source"] or "—", run["witnesses"] or "—", run["drawn_at"]),
                fmt(QCoreApplication.translate("SelectionPage", "%1 selected out of %2; %3 possible groups in the lottery"), len(selected), len(chances),
                    len(lottery["panels"]))]
        if chances:
            under = sum(p < fair / 2 for p in chances) / len(chances)
            text.append(fmt(QCoreApplication.translate("SelectionPage", "Chances: lowest %1%, median %2%, highest %3%; fair %4%; under half the fair "
                                "chance: %5%"), f"{chances[0] * 100:.1f}", f"{chances[len(chances) // 2] * 100:.1f}",
                            f"{chances[-1] * 100:.1f}", f"{fair * 100:.1f}", f"{under * 100:.0f}"))
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
        from facilitator_app.exporters.selection_report import STEPS, report_data

        fld = self.field_combo.currentData() or "gender"
        data = report_data(self.ctx.store)
        title = field_title(fld)
        rows = [(r[1], list(r[2:])) for r in data["composition"] if r[0] == _report_field(fld)]
        series = [QCoreApplication.translate("SelectionPage", "Milan"), QCoreApplication.translate("SelectionPage", "Invited"), QCoreApplication.translate("SelectionPage", "Respondents"), QCoreApplication.translate("SelectionPage", "Drawn"), QCoreApplication.translate("SelectionPage", "Accepted"),
                  QCoreApplication.translate("SelectionPage", "In office")][: 1 + len(STEPS)]
        self.chart.set_data(series, rows)
        self.chart.setToolTip(title)


def _report_field(fld: str) -> str:
    from facilitator_app.exporters.selection_report import FIELD_IT

    return FIELD_IT[fld]
