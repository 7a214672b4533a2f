"""Files in and out of the follow-up page: Milano Partecipa (Decidim), the calendar, the monitoring report.

The "Milano Partecipa and files" menu of the page. Importing a Decidim proposals export shows a
preview first (what each row would change, and every problem by row); nothing is written until the
secretary confirms, and nothing at all when there is a problem. Exports are written all-or-nothing
(temporary files renamed at the end).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QListWidget, QListWidgetItem, QMenu,
                               QPushButton, QVBoxLayout, QWidget)

from facilitator_app.core.followup.decidim import (ImportPlan, answer_rows, apply_import, plan_import, proposal_rows,
                                                   state_map)
from facilitator_app.core.followup.decidim_io import read_records
from facilitator_app.core.followup.fields import FollowupError
from facilitator_app.core.snapshots import Edit
from facilitator_app.gui import undo
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt


class ImportPreview(QDialog):
    """What importing the file would change, row by row; Import only when there is no problem."""

    def __init__(self, plan: ImportPlan, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import from Milano Partecipa"))
        self.resize(760, 480)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        changed = [c for c in plan.changes if c.changed]
        if plan.ok:
            self.summary.setText(fmt(self.tr("%1: %2 proposals read, %3 recommendations would change."), name,
                                     plan.records, len(changed)))
        else:
            self.summary.setText(fmt(self.tr("%1 cannot be imported: %2 problems (nothing will be written)."), name,
                                     len(plan.problems)))
            self.summary.setStyleSheet("color: #B71C1C; font-weight: 600;")
        for p in plan.problems:
            item = QListWidgetItem(p.message)
            item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
        for c in plan.changes:
            what = ", ".join(sorted(c.changed)) or self.tr("nothing changes")
            text = fmt(self.tr("Row %1: %2 “%3” ← proposal %4 (%5)"), c.row, c.code, c.title, c.decidim_id, what)
            for note in c.notes:
                text += "\n  · " + note
            self.list.addItem(QListWidgetItem(text))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(plan.ok and bool(changed))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)


class FilesButton(QPushButton):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setText(self.tr("Milano Partecipa and files"))
        menu = QMenu(self)
        menu.addAction(self.tr("Import a Milano Partecipa export…"), self.import_decidim)
        menu.addSeparator()
        menu.addAction(self.tr("Proposals for Milano Partecipa (CSV)…"), lambda: self.export_decidim(False))
        menu.addAction(self.tr("Answers for Milano Partecipa (CSV)…"), lambda: self.export_decidim(True))
        menu.addAction(self.tr("Calendar of the plenaries (.ics)…"), self.export_ics)
        menu.addSeparator()
        menu.addAction(self.tr("Public monitoring report (PDF and Excel)…"), lambda: self.export_monitoring(True))
        menu.addAction(self.tr("Internal monitoring report (PDF and Excel)…"), lambda: self.export_monitoring(False))
        self.setMenu(menu)
        self.last_preview: ImportPreview | None = None
        self.job = self.progress_dialog = None
        self.last_export: tuple[str, object] | None = None  # (outcome, detail) of the last report written

    # dialogs a test can answer: override or monkeypatch these two
    def ask_open(self, title: str, filters: str) -> str:
        return QFileDialog.getOpenFileName(self, title, "", filters)[0]

    def ask_save(self, title: str, name: str, filters: str) -> str:
        return QFileDialog.getSaveFileName(self, title, name, filters)[0]

    def confirm_preview(self, dialog: ImportPreview) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _fail(self, title: str, exc: Exception) -> None:
        self.ctx.prompts.error(self, title, error_text(exc) if isinstance(exc, FollowupError) else str(exc))

    def import_decidim(self) -> bool:
        title = self.tr("Import from Milano Partecipa")
        path = self.ask_open(title, self.tr("Decidim exports (*.csv *.json *.xlsx)"))
        if not path:
            return False
        try:
            header, records = read_records(path)
        except FollowupError as exc:
            self._fail(title, exc)
            return False
        plan = plan_import(self.ctx.store, header, records)
        self.last_preview = dialog = ImportPreview(plan, Path(path).name, self)
        if not self.confirm_preview(dialog) or not plan.ok:
            return False
        edit = Edit()
        count = apply_import(self.ctx.store, plan, record=edit)
        undo.push(self.ctx, self.tr("Import from Milano Partecipa"), edit)
        self.ctx.prompts.info(self, title, fmt(self.tr("%1 recommendations updated."), count))
        return True

    def _write(self, path: str, writer) -> bool:
        from facilitator_app.exporters.atomic import write_all

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_all([(Path(path), writer)])
        except OSError as exc:
            self._fail(self.tr("Export"), exc)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True

    def export_decidim(self, answers: bool) -> bool:
        from facilitator_app.core.followup.board import load_board
        from facilitator_app.exporters.decidim import write_rows

        rows = sorted(load_board(self.ctx.store), key=lambda r: (r.plenary_date, r.number))
        header, out = answer_rows(rows, state_map(self.ctx.store)) if answers else proposal_rows(rows)
        if not out:
            self.ctx.prompts.info(self, self.tr("Export"), self.tr("Nothing to export yet.") if not answers else
                                  self.tr("No answer to export: record the Comune's answers and import the proposals "
                                          "from Milano Partecipa first."))
            return False
        path = self.ask_save(self.tr("Export for Milano Partecipa"),
                             "risposte-decidim.csv" if answers else "proposte-decidim.csv", self.tr("CSV (*.csv)"))
        return bool(path) and self._write(path, lambda tmp: write_rows(header, out, tmp, "csv"))

    def export_ics(self) -> bool:
        from facilitator_app.core.followup.ical import calendar_text

        path = self.ask_save(self.tr("Calendar of the plenaries"), "plenarie.ics", self.tr("iCalendar (*.ics)"))
        if not path:
            return False
        text = calendar_text(self.ctx.store)
        return self._write(path, lambda tmp: Path(tmp).write_bytes(text.encode("utf-8")))

    def export_monitoring(self, public: bool):
        """Write the monitoring report (PDF and Excel, both or neither) on a worker thread, with a progress
        dialog that can cancel it: the page stays usable. Returns the job (None when nothing started)."""
        from facilitator_app.gui.minutes.export import ExportJob, start_export

        title = self.tr("Monitoring report")
        path = self.ask_save(title, "monitoraggio.pdf", self.tr("PDF (*.pdf)"))
        if not path:
            return None
        store = self.ctx.store
        if str(store.path) == ":memory:":
            self.ctx.prompts.error(self, title, self.tr("Save the assembly to a file before exporting."))
            return None
        pdf = Path(path).with_suffix(".pdf")
        self.job = ExportJob(store.path, store.device, "monitoring", None, public,
                             {"pdf": pdf, "xlsx": pdf.with_suffix(".xlsx")}, passphrase=store.passphrase)
        self.last_export = None
        self.progress_dialog = start_export(self.window(), self.job, title,
                                            lambda outcome, detail: self._export_done(title, outcome, detail))
        return self.job

    def _export_done(self, title: str, outcome: str, detail) -> None:
        self.last_export = (outcome, detail)
        if outcome == "failed":
            self.ctx.prompts.error(self, title, detail)
