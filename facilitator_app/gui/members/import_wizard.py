"""Import wizard: choose a file, see the preview (dry run), then import in one transaction."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QSplitter, QTableView, QVBoxLayout, QWizard, QWizardPage)
from PySide6.QtCore import Qt

from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.tablemodel import RowsModel


def issue_text(issue) -> str:
    """Translated text of an importer issue (falls back to the importer's English)."""
    translate = QCoreApplication.translate
    texts = {
        "missing_name": translate("ImportIssues", "Row without surname or first name: not imported."),
        "invalid_municipio": translate("ImportIssues", "Municipio not between 1 and 9: left empty."),
        "invalid_date": translate("ImportIssues", "Not a valid date: left empty."),
        "invalid_email": translate("ImportIssues", "Malformed e-mail address: left empty."),
        "invalid_phone": translate("ImportIssues", "Malformed phone number: left empty."),
        "unknown_gender": translate("ImportIssues", "Unknown gender: left empty."),
        "unknown_education": translate("ImportIssues", "Unknown education level: left empty."),
        "unknown_citizenship": translate("ImportIssues", "Unknown citizenship: left empty."),
        "unknown_status": translate("ImportIssues", "Unknown status: left empty."),
        "unknown_language": translate("ImportIssues", "Not one of the assembly's languages (see Settings): "
                                                      "Italian is used."),
        "duplicate_in_file": translate("ImportIssues", "Same person as an earlier row: merged into one member."),
    }
    text = texts.get(issue.code, issue.message)
    if issue.value not in (None, ""):
        text = fmt(translate("ImportIssues", "%1 (%2)"), text, issue.value)
    return text


def field_label(name: str) -> str:
    """A member field as the person reads it (the preview lists what an update changes)."""
    translate = QCoreApplication.translate
    labels = {
        "surname": translate("ImportFields", "surname"), "first_name": translate("ImportFields", "first name"),
        "gender": translate("ImportFields", "gender"), "birth_date": translate("ImportFields", "birth date"),
        "citizenship": translate("ImportFields", "citizenship"), "country": translate("ImportFields", "country"),
        "municipio": translate("ImportFields", "municipio"), "education": translate("ImportFields", "education"),
        "email": translate("ImportFields", "e-mail"), "phone": translate("ImportFields", "phone"),
        "external_id": translate("ImportFields", "external id"), "cohort_id": translate("ImportFields", "cohort"),
        "term_start": translate("ImportFields", "term start"), "term_end": translate("ImportFields", "term end"),
        "status": translate("ImportFields", "status"), "badge_code": translate("ImportFields", "badge code"),
        "accessibility_notes": translate("ImportFields", "accessibility"),
        "dietary_notes": translate("ImportFields", "diet"),
        "consent_privacy": translate("ImportFields", "privacy consent"),
        "consent_photos": translate("ImportFields", "photo consent"), "notes": translate("ImportFields", "notes"),
        "language": translate("ImportFields", "language"),
        "address": translate("ImportFields", "postal address"),
    }
    return labels.get(name, name)


class FilePage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose the roster file"))
        self.setSubTitle(self.tr("An .xlsx or .csv file from the statistics office. Nothing is written "
                                 "until you confirm on the next page."))
        self.path_edit = QLineEdit()
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Roster file"), "",
                                              self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        from facilitator_app.importers.roster import RosterImportError, plan_import

        try:
            self.wiz.plan = plan_import(self.wiz.ctx.store, Path(self.path_edit.text().strip()))
        except RosterImportError as exc:
            self.error.setText(fmt(self.tr("This file cannot be imported: %1"), error_text(exc)))
            return False
        self.error.clear()
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("This is what the import will do. Rows with problems are listed below."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        actions = {"create": self.tr("new"), "update": self.tr("update"), "unchanged": self.tr("unchanged")}
        self.rows_model = RowsModel([
            (self.tr("Row"), lambda r: r.row),
            (self.tr("Surname"), lambda r: r.values.get("surname")),
            (self.tr("First name"), lambda r: r.values.get("first_name")),
            (self.tr("Action"), lambda r: actions.get(r.action, r.action)),
            (self.tr("Changes"), lambda r: ", ".join(sorted(map(field_label, r.changes)))
             if r.action == "update" else ""),
            (self.tr("Warnings"), lambda r: len(r.warnings) or ""),
        ], parent=self)
        self.issues_model = RowsModel([
            (self.tr("Row"), lambda i: i.row),
            (self.tr("Column"), lambda i: i.column or ""),
            (self.tr("Problem"), issue_text),
        ], parent=self)
        self.issues_model.foreground = lambda i: QBrush(QColor("#b00020")) if i.code == "missing_name" else None
        self.rows_view, self.issues_view = QTableView(), QTableView()
        for view, model in ((self.rows_view, self.rows_model), (self.issues_view, self.issues_model)):
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setStretchLastSection(True)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.rows_view)
        split.addWidget(self.issues_view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Import"))

    def initializePage(self) -> None:
        plan = self.wiz.plan
        c = plan.counts
        text = fmt(self.tr("Header found on row %1. %2 new members, %3 to update, %4 unchanged, "
                           "%5 rows rejected, %6 warnings."),
                   plan.header_row, c["create"], c["update"], c["unchanged"], c["rejected"], c["warnings"])
        if plan.unmapped:
            text += "\n" + fmt(self.tr("Columns not used: %1"), ", ".join(plan.unmapped))
        self.summary.setText(text)
        self.rows_model.set_rows(plan.rows)
        self.issues_model.set_rows(sorted([*plan.rejected, *plan.merged, *plan.warnings], key=lambda i: i.row))
        self.rows_view.resizeColumnsToContents()
        self.issues_view.resizeColumnsToContents()

    def validatePage(self) -> bool:
        from facilitator_app.importers.roster import RosterImportError, apply_import

        try:
            self.wiz.result = apply_import(self.wiz.ctx.store, self.wiz.plan)
        except RosterImportError as exc:
            self.wiz.ctx.prompts.error(self, self.tr("Not imported"), error_text(exc))
            return False
        return True


class DonePage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Import done"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.label)

    def initializePage(self) -> None:
        r = self.wiz.result
        self.label.setText(fmt(self.tr("Saved: %1 new members, %2 updated, %3 unchanged, %4 rows rejected."),
                               r.created, r.updated, r.unchanged, r.rejected))


class ImportWizard(QWizard):
    def __init__(self, ctx: AppContext, parent=None, path: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.plan = None
        self.result = None
        self.setWindowTitle(self.tr("Import roster"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(900, 620)
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.done_page = DonePage(self)
        for page in (self.file_page, self.preview_page, self.done_page):
            self.addPage(page)
        if path:
            self.file_page.path_edit.setText(path)
