"""Create or edit one member; validates before anything is written."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.members.members import (
    FieldError,
    ValidationError,
    create_member,
    display_name,
    format_date,
    get_member,
    list_cohorts,
    parse_date_text,
    update_member,
)
from facilitator_app.core.members.vocab import MUNICIPI
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.watch.fields import three_way
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.members.import_wizard import field_label
from facilitator_app.gui.undo import push


def error_text(err: FieldError) -> str:
    """Translated message for a core validation code."""
    translate = QCoreApplication.translate
    messages = {
        "required": translate("MemberErrors", "This field is required."),
        "invalid_email": translate("MemberErrors", "This is not a valid e-mail address."),
        "invalid_phone": translate("MemberErrors", "This is not a valid phone number."),
        "invalid_municipio": translate("MemberErrors", "Milan's municipi go from 1 to 9."),
        "invalid_date": translate("MemberErrors", "Write the date as dd/mm/yyyy."),
        "term_end_before_start": translate("MemberErrors", "The term ends before it starts."),
        "invalid_badge": translate("MemberErrors", "A badge code has 5 characters from the badge alphabet."),
        "duplicate_badge": translate("MemberErrors", "Another member already has this badge code."),
        "implausible_birth_date": translate("MemberErrors", "This birth date is not plausible for a member "
                                                            "of the assembly (too young or too old)."),
        "too_long": translate("MemberErrors", "This text is too long."),
        "control_characters": translate("MemberErrors", "This text contains invisible control characters."),
        "invalid_language": translate("MemberErrors", "Not one of the assembly's languages (see Settings)."),
    }
    return messages.get(err.code) or translate("MemberErrors", "Invalid value.")


class MemberDialog(QDialog):
    def __init__(self, ctx: AppContext, member_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Edit member") if member_id else self.tr("New member"))
        self._errors: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self._build()
        self.base: dict[str, Any] = {}  # the row as it was when the dialog opened (for a field-wise merge)
        if member_id:
            self.base = dict(get_member(ctx.store, member_id) or {})
            self._load(self.base)

    # -- building ---------------------------------------------------------------
    def _combo(self, name: str, items: list[tuple[str, Any]]) -> QComboBox:
        box = QComboBox()
        box.addItem("—", None)
        for label, value in items:
            box.addItem(label, value)
        self._widgets[name] = box
        return box

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self._widgets[name] = edit
        return edit

    def _row(self, form: QFormLayout, label: str, name: str, widget: QWidget) -> None:
        err = QLabel()
        err.setObjectName("fieldError")
        err.setStyleSheet("color: #b00020;")
        err.hide()
        self._errors[name] = err
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(err)
        form.addRow(label, box)

    def _build(self) -> None:
        v = self.ctx.vocab
        vocab_items = lambda kind: [(e["label"], e["key"]) for e in v.entries(kind)]  # noqa: E731
        date_hint = self.tr("dd/mm/yyyy")

        person = QGroupBox(self.tr("Person"))
        f1 = QFormLayout(person)
        self._row(f1, self.tr("Surname *"), "surname", self._line("surname"))
        self._row(f1, self.tr("First name *"), "first_name", self._line("first_name"))
        self._row(f1, self.tr("Gender"), "gender", self._combo("gender", vocab_items("gender")))
        self._row(f1, self.tr("Birth date"), "birth_date", self._line("birth_date", date_hint))
        self._row(f1, self.tr("Citizenship"), "citizenship", self._combo("citizenship", vocab_items("citizenship")))
        self._row(f1, self.tr("Country"), "country", self._line("country"))
        self._row(f1, self.tr("Municipio"), "municipio",
                  self._combo("municipio", [(str(m), m) for m in MUNICIPI]))
        self._row(f1, self.tr("Education"), "education", self._combo("education", vocab_items("education")))

        contact = QGroupBox(self.tr("Contacts and term"))
        f2 = QFormLayout(contact)
        self._row(f2, self.tr("E-mail"), "email", self._line("email"))
        self._row(f2, self.tr("Phone"), "phone", self._line("phone"))
        self._row(f2, self.tr("Postal address"), "address",
                  self._line("address", self.tr("street, number, postcode, city")))
        self._row(f2, self.tr("External id"), "external_id", self._line("external_id"))
        cohorts = [(c["name"], c["id"]) for c in list_cohorts(self.ctx.store)]
        self._row(f2, self.tr("Cohort"), "cohort_id", self._combo("cohort_id", cohorts))
        self._row(f2, self.tr("Term start"), "term_start", self._line("term_start", date_hint))
        self._row(f2, self.tr("Term end"), "term_end", self._line("term_end", date_hint))
        status = self._combo("status", vocab_items("status"))
        status.removeItem(0)  # status is never empty
        self._row(f2, self.tr("Status"), "status", status)
        self._row(f2, self.tr("Badge code"), "badge_code", self._line("badge_code", self.tr("automatic")))
        language = self._combo("language", vocab_items("language"))
        language.removeItem(0)  # never empty: Italian unless the member prefers another language
        language.setToolTip(self.tr("The language of the letters, e-mails and text messages this member receives"))
        self._row(f2, self.tr("Language for messages"), "language", language)

        care = QGroupBox(self.tr("Needs, consents and notes"))
        f3 = QFormLayout(care)
        self._row(f3, self.tr("Accessibility"), "accessibility_notes", self._line("accessibility_notes"))
        self._row(f3, self.tr("Diet"), "dietary_notes", self._line("dietary_notes"))
        privacy = QCheckBox(self.tr("Privacy consent given"))
        photos = QCheckBox(self.tr("Photo consent given"))
        self._widgets["consent_privacy"], self._widgets["consent_photos"] = privacy, photos
        f3.addRow("", privacy)
        f3.addRow("", photos)
        notes = QPlainTextEdit()
        notes.setFixedHeight(60)
        self._widgets["notes"] = notes
        self._row(f3, self.tr("Notes"), "notes", notes)

        grid = QGridLayout()
        grid.addWidget(person, 0, 0)
        grid.addWidget(contact, 0, 1)
        grid.addWidget(care, 1, 0, 1, 2)
        self.general_error = QLabel()
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    # -- values ---------------------------------------------------------------------
    def _load(self, row: dict[str, Any]) -> None:
        for name, w in self._widgets.items():
            value = row.get(name)
            if isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(value)))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(value or "")
            elif name in ("birth_date", "term_start", "term_end"):
                w.setText(format_date(value))
            else:
                w.setText("" if value is None else str(value))

    def values(self) -> tuple[dict[str, Any], list[FieldError]]:
        values: dict[str, Any] = {}
        errors: list[FieldError] = []
        for name, w in self._widgets.items():
            if isinstance(w, QComboBox):
                values[name] = w.currentData()
            elif isinstance(w, QCheckBox):
                values[name] = int(w.isChecked())
            elif isinstance(w, QPlainTextEdit):
                values[name] = w.toPlainText().strip() or None
            else:
                text = w.text().strip()
                if name in ("birth_date", "term_start", "term_end"):
                    try:
                        values[name] = parse_date_text(text)
                    except ValueError:
                        errors.append(FieldError(name, "invalid_date", text))
                elif name == "badge_code":
                    values[name] = text.upper() or None
                else:
                    values[name] = text or None
        for name in ("surname", "first_name"):
            values[name] = values[name] or ""
        return values, errors

    def show_errors(self, errors: list[FieldError]) -> None:
        for label in self._errors.values():
            label.hide()
        for err in errors:
            label = self._errors.get(err.field)
            if label is not None:
                label.setText(error_text(err))
                label.show()
        if errors:
            first = self._widgets.get(errors[0].field)
            if first is not None:
                first.setFocus()

    def _shown(self, name: str, value: Any) -> str:
        """A field's value as the form shows it, for the question about a field changed on both sides."""
        w = self._widgets.get(name)
        if isinstance(w, QComboBox):
            i = w.findData(value)
            return w.itemText(i) if i >= 0 else "—"
        if isinstance(w, QCheckBox):
            return self.tr("yes") if value else self.tr("no")
        if name in ("birth_date", "term_start", "term_end"):
            return format_date(value) or "—"
        return "—" if value in (None, "") else str(value)

    def _merged(self, values: dict[str, Any]) -> dict[str, Any] | None:
        """Only the fields I changed, merged with what others saved since the dialog opened.

        A field only they changed keeps their value; a field changed on both sides to different values is
        asked about (default: keep what was saved). None: the member is gone, nothing to save."""
        current = get_member(self.ctx.store, self.member_id)
        if current is None:
            self.general_error.setText(self.tr("Someone else has deleted this member meanwhile: nothing saved."))
            self.general_error.show()
            return None
        def as_shown(row: dict[str, Any]) -> dict[str, Any]:  # an unset consent reads as "not given"
            return {**row, **{f: int(bool(row.get(f))) for f, w in self._widgets.items() if isinstance(w, QCheckBox)}}

        merge = three_way(as_shown(self.base), values, as_shown(current), list(values))
        if merge.conflicts:
            lines = [fmt(self.tr("%1: yours “%2”, saved meanwhile “%3”"), field_label(f),
                         self._shown(f, values[f]), self._shown(f, current.get(f))) for f in merge.conflicts]
            keep_mine = self.ctx.prompts.confirm(self, self.tr("Changed meanwhile"), fmt(self.tr(
                "While you were editing, someone else changed the same fields:\n%1\n\n"
                "Save your values over theirs? (No keeps theirs; your other changes are saved either way.)"),
                "\n".join(lines)), default=False)
            return merge.resolve(values, keep_mine)
        return merge.write

    def save(self) -> None:
        values, errors = self.values()
        if errors:
            self.show_errors(errors)
            return
        try:
            if self.member_id:
                name = display_name(values)
                values = self._merged(values)
                if values is None:
                    return
                edit = Edit()
                update_member(self.ctx.store, self.member_id, values, self.ctx.vocab, record=edit)
                push(self.ctx, fmt(self.tr("edit member %1"), name), edit)
                self.saved_id = self.member_id
            else:
                if not values.get("badge_code"):
                    values.pop("badge_code", None)
                self.saved_id = create_member(self.ctx.store, values, self.ctx.vocab)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        self.accept()  # only after the transaction has committed
