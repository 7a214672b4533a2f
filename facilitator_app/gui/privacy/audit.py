"""The audit log in a dialog (File menu): who exported, printed or packaged personal data."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from facilitator_app.core.privacy.audit import list_audit, record, write_audit_csv
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.tablemodel import RowsModel


def _when(iso: str | None) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d/%m/%Y %H:%M") if iso else ""
    except ValueError:
        return iso or ""


class AuditDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Audit log"))
        actions = {"export": self.tr("exported"), "print": self.tr("printed"), "package": self.tr("packaged")}
        self.model = RowsModel([
            (self.tr("When"), lambda r: _when(r["at"])),
            (self.tr("Device"), lambda r: r["device_name"]),
            (self.tr("Action"), lambda r: actions.get(r["action"], r["action"])),
            (self.tr("What"), lambda r: r["what"]),
            (self.tr("Where to"), lambda r: r["target"]),
        ], parent=self)
        intro = QLabel(self.tr("Every export, printout and package of the assembly's data made on any laptop, once "
                               "its packages have arrived here. Entries cannot be changed or deleted."))
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
        self.export_button = QPushButton(self.tr("Export as CSV…"))
        self.export_button.clicked.connect(lambda: self.export_csv())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(900, 480)
        ctx.changed.connect(self._on_changes)
        self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("audit_log"):
            self.reload()

    def reload(self) -> None:
        self.model.set_rows(list_audit(self.ctx.store))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.count.setText(fmt(self.tr("%1 entries"), self.model.rowCount()))

    def export_csv(self, path: str | None = None) -> str | None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), "registro_accessi.csv",
                                                  self.tr("CSV files (*.csv)"))
        if not path:
            return None
        try:
            n = write_audit_csv(self.ctx.store, path)
        except OSError as exc:
            self.ctx.prompts.error(self, self.tr("Audit log"), fmt(self.tr("Could not write %1: %2"), path,
                                                                   exc.strerror or str(exc)))
            return None
        record(self.ctx.store, "export", "audit log (CSV)", path)
        self.ctx.prompts.info(self, self.tr("Audit log"), fmt(self.tr("%1 entries saved to %2."), n, path))
        return path


def show_audit(ctx: AppContext, parent: QWidget | None = None) -> AuditDialog:
    dialog = AuditDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
