"""Import wizard: choose a file, see the preview (dry run), then import in one transaction."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QScrollArea, QSplitter, QTableView, QVBoxLayout,
                               QWidget, QWizard, QWizardPage)
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
        "implausible_birth_date": translate("ImportIssues", "Not a plausible birth date for a member of the "
                                                            "assembly: left empty."),
        "date_from_number": translate("ImportIssues", "A number, read as an Excel date."),
        "two_digit_year": translate("ImportIssues", "A date with a two-digit year: check the century."),
        "formula_cell": translate("ImportIssues", "A formula: its last calculated value was used."),
        "formula_without_value": translate("ImportIssues", "A formula that was never calculated, so it has no "
                                                           "value: left empty."),
        "formula_error": translate("ImportIssues", "A spreadsheet error, not a value: left empty."),
        "control_characters": translate("ImportIssues", "Invisible control characters: removed."),
        "too_long": translate("ImportIssues", "Text too long: left empty."),
        "name_too_long": translate("ImportIssues", "Name too long: the row was not imported."),
        "not_a_name": translate("ImportIssues", "Not a name (no letters): left empty."),
        "totals_row": translate("ImportIssues", "A totals row, not a person: not imported."),
        "csv_unclosed_quote": translate("ImportIssues", "A double quote that is never closed: the line was read "
                                                        "on its own and the quote removed."),
        "csv_too_many_fields": translate("ImportIssues", "More values than columns in the header (an unquoted "
                                                         "separator?): the row was not imported."),
        "csv_too_few_fields": translate("ImportIssues", "Fewer values than columns in the header: the last "
                                                        "columns were read as empty."),
        "merged_cell": translate("ImportIssues", "Merged cells: the value of the merged block was used."),
        "invalid_consent": translate("ImportIssues", "Not a yes/no answer: left empty."),
        "invalid_badge": translate("ImportIssues", "Not a valid badge code: a new code will be given."),
        "duplicate_badge": translate("ImportIssues", "Already another member's badge: a new code will be given."),
        "term_end_before_start": translate("ImportIssues", "The term ends before it starts: left empty."),
    }
    text = texts.get(issue.code, issue.message)
    if issue.value not in (None, ""):
        value = str(issue.value)
        if len(value) > 60:  # a 10,000-character cell: its start and its length
            value = fmt(translate("ImportIssues", "%1… (%2 characters)"), value[:40], len(value))
        text = fmt(translate("ImportIssues", "%1 (%2)"), text, value)
    return text


def note_text(code: str, params: dict, english: str) -> str:
    """A note about the whole file (sheets not read, title rows, encoding) in the interface language."""
    translate = QCoreApplication.translate
    if code == "title_rows":
        if params["first"] == params["last"]:
            return fmt(translate("ImportNotes", "Row %1, above the header, was not read (a title or notes)."),
                       params["first"])
        return fmt(translate("ImportNotes", "Rows %1–%2, above the header, were not read (a title or notes)."),
                   params["first"], params["last"])
    texts = {
        "hidden_sheets": translate("ImportNotes", "Hidden sheets, not imported: %1."),
        "other_sheets": translate("ImportNotes", "Other sheets, without surname and first name columns: %1."),
        "xlsx_is_csv": translate("ImportNotes", "“%1” is named like an Excel workbook but is a text (CSV) file: "
                                                "it was read as CSV."),
        "encoding_guessed": translate("ImportNotes", "“%1” is not in UTF-8: it was read as %2."),
    }
    if code not in texts:
        return english
    values = {"hidden_sheets": ("sheets",), "other_sheets": ("sheets",), "xlsx_is_csv": ("file",),
              "encoding_guessed": ("file", "encoding")}[code]
    return fmt(texts[code], *(params[v] for v in values))


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
        self.path_edit.editingFinished.connect(self.fill_sheets)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        self.sheet_box = QComboBox()
        self.sheet_box.addItem(self.tr("Automatic (the visible sheet with people)"), None)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(QLabel(self.tr("Sheet:")))
        sheet_row.addWidget(self.sheet_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(sheet_row)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Roster file"), "",
                                              self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if path:
            self.path_edit.setText(path)
            self.fill_sheets()

    def fill_sheets(self) -> None:
        """The workbook's sheets, hidden ones marked (they are imported only when chosen here)."""
        from facilitator_app.importers.table import sheet_names

        self.sheet_box.blockSignals(True)
        while self.sheet_box.count() > 1:
            self.sheet_box.removeItem(1)
        for name, hidden in sheet_names(self.path_edit.text().strip()):
            label = fmt(self.tr("%1 (hidden)"), name) if hidden else name
            self.sheet_box.addItem(label, name)
        self.sheet_box.blockSignals(False)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        from facilitator_app.importers.roster import RosterImportError, plan_import

        path = Path(self.path_edit.text().strip())
        if self.sheet_box.count() == 1:
            self.fill_sheets()
        if path != self.wiz.path:
            self.wiz.mapping = {}
        self.wiz.path, self.wiz.sheet = path, self.sheet_box.currentData()
        try:
            self.wiz.plan = plan_import(self.wiz.ctx.store, path, sheet=self.wiz.sheet, mapping=self.wiz.mapping)
        except RosterImportError as exc:
            self.error.setText(fmt(self.tr("This file cannot be imported: %1"), error_text(exc)))
            return False
        self.error.clear()
        return True


AUTOMATIC = "(automatic)"  # a column's choice in the list: as recognised from its header


class ColumnsBox(QGroupBox):
    """Every column of the file with the field it goes to; a column not recognised can be given one,
    or explicitly left out. Choices are made by column letter, so two columns with one header differ."""

    def __init__(self, page: "PreviewPage"):
        super().__init__(QCoreApplication.translate("ColumnsBox", "Columns"))
        self.page = page
        self.grid = QGridLayout()
        self.grid.setColumnStretch(3, 1)
        inner = QWidget()
        inner.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        QVBoxLayout(self).addWidget(scroll)
        self.boxes: dict[str, QComboBox] = {}
        self.states: dict[str, QLabel] = {}

    def fill(self, plan) -> None:
        from facilitator_app.core.members.members import FIELDS

        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        self.boxes, self.states = {}, {}
        shown = [c for c in plan.column_plan.columns if c.header or c.has_data]
        for r, c in enumerate(shown):
            box = QComboBox()
            box.addItem(self.tr("(automatic)"), AUTOMATIC)
            box.addItem(self.tr("— not imported —"), None)
            for f in FIELDS:
                box.addItem(field_label(f), f)
            box.setAccessibleName(fmt(self.tr("Field for column %1"), c.letter))
            state = QLabel()
            self.grid.addWidget(QLabel(c.letter), r, 0)
            self.grid.addWidget(QLabel(c.header or self.tr("(no header)")), r, 1)
            self.grid.addWidget(box, r, 2)
            self.grid.addWidget(state, r, 3)
            self.boxes[c.letter], self.states[c.letter] = box, state
            box.currentIndexChanged.connect(lambda _i, letter=c.letter: self.page.choose(letter))
        self.update_states(plan)

    def update_states(self, plan) -> None:
        texts = {
            "recognised": self.tr("recognised"), "mapped": self.tr("your choice"),
            "ignored": self.tr("left out, as you chose"),
            "unmapped": self.tr("not recognised: choose a field or leave it out"),
            "duplicate": self.tr("same header as another column: choose which field each one is"),
        }
        for c in plan.column_plan.columns:
            box, state = self.boxes.get(c.letter), self.states.get(c.letter)
            if box is None:
                continue
            box.blockSignals(True)
            box.setCurrentIndex(0 if c.state in ("duplicate", "unmapped") else max(box.findData(c.field), 0))
            box.blockSignals(False)
            state.setText(texts.get(c.state, c.state))
            alarm = c.state in ("unmapped", "duplicate")
            state.setStyleSheet("color: #b00020; font-weight: bold;" if alarm else "color: #555;")


class PreviewPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("This is what the import will do. Rows with problems are listed below."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.columns_box = ColumnsBox(self)
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
        rejecting = {"missing_name", "name_too_long", "totals_row", "csv_too_many_fields"}
        self.issues_model.foreground = lambda i: QBrush(QColor("#b00020")) if i.code in rejecting else None
        self.rows_view, self.issues_view = QTableView(), QTableView()
        for view, model in ((self.rows_view, self.rows_model), (self.issues_view, self.issues_model)):
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setStretchLastSection(True)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.columns_box)
        split.addWidget(self.rows_view)
        split.addWidget(self.issues_view)
        split.setSizes([270, 190, 170])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Import"))

    def initializePage(self) -> None:
        self.columns_box.fill(self.wiz.plan)
        self.show_plan()

    def choose(self, letter: str) -> None:
        """A column's field chosen in the list: preview again with it (still nothing written)."""
        from facilitator_app.importers.roster import RosterImportError, plan_import

        before = dict(self.wiz.mapping)
        choice = self.columns_box.boxes[letter].currentData()
        if choice == AUTOMATIC:
            self.wiz.mapping.pop(letter, None)
        else:
            self.wiz.mapping[letter] = choice
        try:
            self.wiz.plan = plan_import(self.wiz.ctx.store, self.wiz.path, sheet=self.wiz.sheet,
                                        mapping=self.wiz.mapping)
        except RosterImportError as exc:
            self.wiz.mapping = before
            self.wiz.ctx.prompts.error(self, self.tr("Not possible"), error_text(exc))
        self.columns_box.update_states(self.wiz.plan)
        self.show_plan()

    def show_plan(self) -> None:
        plan = self.wiz.plan
        c = plan.counts
        lines = [fmt(self.tr("Header found on row %1. %2 new members, %3 to update, %4 unchanged, "
                             "%5 rows rejected, %6 warnings."),
                     plan.header_row, c["create"], c["update"], c["unchanged"], c["rejected"], c["warnings"]),
                 fmt(self.tr("Every row is accounted for: %1 data rows = %2 imported + %3 merged with an earlier "
                             "row of the same person + %4 rejected + %5 blank."),
                     c["data_rows"], c["imported"], c["merged"], c["rejected"], c["blank"])]
        if plan.sheet:
            lines.append(fmt(self.tr("Sheet: %1"), plan.sheet))
        if plan.unmapped:
            lines.append(fmt(self.tr("Columns not imported (choose a field below, or leave them out): %1"),
                             ", ".join(c.label for c in plan.column_plan.unmapped)))
        if plan.column_plan.duplicates:
            lines.append(fmt(self.tr("Columns with the same header: %1. Choose below which field each one is; "
                                     "until then nothing can be imported."),
                             ", ".join(c.label for c in plan.column_plan.duplicates)))
        lines.extend(note_text(code, params, english) for (code, params), english in zip(plan.note_codes, plan.notes))
        self.summary.setText("\n".join(lines))
        self.rows_model.set_rows(plan.rows)
        self.issues_model.set_rows(sorted([*plan.rejected, *plan.merged, *plan.warnings], key=lambda i: i.row))
        self.rows_view.resizeColumnsToContents()
        self.issues_view.resizeColumnsToContents()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.wiz.plan is not None and not self.wiz.plan.blocking

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
        r, c = self.wiz.result, self.wiz.plan.counts
        self.label.setText("\n".join([
            fmt(self.tr("Saved: %1 new members, %2 updated, %3 unchanged, %4 rows rejected."),
                r.created, r.updated, r.unchanged, r.rejected),
            fmt(self.tr("%1 data rows = %2 imported + %3 merged with an earlier row + %4 rejected + %5 blank."),
                c["data_rows"], c["imported"], c["merged"], c["rejected"], c["blank"])]))


class ImportWizard(QWizard):
    def __init__(self, ctx: AppContext, parent=None, path: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.plan = None
        self.result = None
        self.path: Path | None = None
        self.sheet: str | None = None
        self.mapping: dict[str, str | None] = {}   # column letter -> field (None: left out), chosen by the user
        self.setWindowTitle(self.tr("Import roster"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(900, 680)
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.done_page = DonePage(self)
        for page in (self.file_page, self.preview_page, self.done_page):
            self.addPage(page)
        if path:
            self.file_page.path_edit.setText(path)
            self.file_page.fill_sheets()
