"""Messages to members: the secretariat edits a message's text in one language and sees it filled.

Left: the message and the language, the subject, the letter, the text message (with its
length in SMS), the "to be reviewed" mark, the placeholders the message knows (a click
inserts one). Right: the preview filled with a real member and plenary, with the mark
"to be reviewed by a native speaker" when set, and the Gulpease readability of Italian
texts against the target of 60. Save keeps the text in the assembly file (undoable); an
unknown placeholder is refused with its name. The secretariat's contacts are edited here too.
"""
from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.language import messages as MS
from facilitator_app.core.language import templates as TP
from facilitator_app.core.language.readability import TARGET, gulpease
from facilitator_app.core.language.sms import sms_length
from facilitator_app.core.plenaries.plenaries import default_plenary, list_plenaries
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.undo import run_watched

ROWS = [("settings", TP.SETTING_KEY)]
CONTACT_ROWS = [("settings", MS.CONTACTS_KEY)]


def message_label(key: str) -> str:
    translate = QCoreApplication.translate
    return {"convocation": translate("MessagesEditor", "Convocation to a plenary"),
            "reminder": translate("MessagesEditor", "Reminder the day before"),
            "welcome": translate("MessagesEditor", "Welcome to a new member"),
            "summary": translate("MessagesEditor", "Summary after a plenary"),
            "thanks": translate("MessagesEditor", "Thank-you at the end of the term")}[key]


class MessagesEditor(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Messages to members"))
        self.resize(1180, 760)
        self._loading = False

        self.message_box = QComboBox()
        for key in TP.MESSAGES:
            self.message_box.addItem(message_label(key), key)
        self.language_box = QComboBox()
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setMinimumHeight(280)
        self.sms = QLineEdit()
        self.sms_length = QLabel()
        self.review = QCheckBox(self.tr("To be reviewed by a native speaker"))
        self.readability = QLabel()
        self.readability.setObjectName("readability")
        self.readability.setWordWrap(True)
        self.placeholders = QLabel()
        self.placeholders.setWordWrap(True)
        self.placeholders.setTextFormat(Qt.TextFormat.RichText)
        self.placeholders.linkActivated.connect(self._insert_placeholder)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.state = QLabel()
        self.state.setStyleSheet("color: #555;")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Message")))
        top.addWidget(self.message_box, 1)
        top.addWidget(QLabel(self.tr("Language")))
        top.addWidget(self.language_box, 1)
        form = QFormLayout()
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Letter and e-mail"), self.body)
        form.addRow(self.tr("Text message"), self.sms)
        form.addRow("", self.sms_length)
        form.addRow("", self.review)
        form.addRow(self.tr("Readability"), self.readability)
        self.save_button = QPushButton(self.tr("Save this text"))
        self.restore_button = QPushButton(self.tr("Back to the shipped text"))
        self.save_button.clicked.connect(self.save)
        self.restore_button.clicked.connect(self.restore)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.save_button)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addLayout(top)
        ll.addLayout(form, 1)
        ll.addWidget(self.placeholders)
        ll.addWidget(self.error)
        ll.addLayout(buttons)

        self.member_box = QComboBox()
        self.plenary_box = QComboBox()
        self.review_banner = QLabel(self.tr("To be reviewed: a native speaker must check this translation "
                                            "before it is sent."))
        self.review_banner.setObjectName("review_banner")
        self.review_banner.setWordWrap(True)
        self.review_banner.setStyleSheet("background: #fff3cd; color: #7a4d00; padding: 6px; font-weight: bold;")
        self.preview = QTextBrowser()
        self.preview.setObjectName("preview")
        pform = QFormLayout()
        pform.addRow(self.tr("Member"), self.member_box)
        pform.addRow(self.tr("Plenary"), self.plenary_box)
        right = QGroupBox(self.tr("Preview"))
        rl = QVBoxLayout(right)
        rl.addLayout(pform)
        rl.addWidget(self.review_banner)
        rl.addWidget(self.preview, 1)

        contacts = QGroupBox(self.tr("Who members contact (in every message)"))
        c = MS.contacts(ctx.store)
        self.phone, self.email, self.sender = QLineEdit(c["phone"]), QLineEdit(c["email"]), QLineEdit(c["sender"])
        cf = QHBoxLayout(contacts)
        for label, w in ((self.tr("Phone"), self.phone), (self.tr("E-mail"), self.email),
                         (self.tr("Sender"), self.sender)):
            cf.addWidget(QLabel(label))
            cf.addWidget(w, 1)
        save_contacts = QPushButton(self.tr("Save contacts"))
        save_contacts.clicked.connect(self.save_contacts)
        cf.addWidget(save_contacts)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(contacts)
        layout.addWidget(close)

        self._timer = QTimer(self)  # the preview follows the typing, a moment after it
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_preview)
        for w in (self.subject, self.sms):
            w.textChanged.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self.review.toggled.connect(self._edited)
        self.message_box.currentIndexChanged.connect(self._message_chosen)
        self.language_box.currentIndexChanged.connect(self.load_text)
        self.member_box.currentIndexChanged.connect(self.refresh_preview)
        self.plenary_box.currentIndexChanged.connect(self.refresh_preview)
        self._fill_languages()
        self._fill_people()
        self._message_chosen()

    # -- choices ---------------------------------------------------------------------------
    @property
    def message(self) -> str:
        return self.message_box.currentData()

    @property
    def language(self) -> str:
        return self.language_box.currentData()

    def _fill_languages(self) -> None:
        self.language_box.blockSignals(True)
        self.language_box.clear()
        for e in self.ctx.vocab.entries("language"):
            self.language_box.addItem(e["label"], e["key"])
        self.language_box.blockSignals(False)

    def _fill_people(self) -> None:
        members = self.ctx.store.select("members", "status = 'active'", order_by="surname COLLATE fold, first_name")
        for m in members:
            lang = self.ctx.vocab.label("language", m.get("language"))
            self.member_box.addItem(f"{m['surname']} {m['first_name']} — {lang}", m["id"])
        if not members:
            self.member_box.addItem(self.tr("(an example member)"), None)
        plenaries = list_plenaries(self.ctx.store)
        for p in plenaries:
            self.plenary_box.addItem(fmt(self.tr("Plenary %1 — %2"), p["number"], p["date"]), p["id"])
        chosen = default_plenary(self.ctx.store)
        if chosen:
            self.plenary_box.setCurrentIndex(self.plenary_box.findData(chosen["id"]))

    def _message_chosen(self) -> None:
        needs, known = TP.MESSAGES[self.message]
        self.plenary_box.setEnabled(needs)
        links = " ".join(f'<a href="{k}">{{{k}}}</a>' for k in known)
        self.placeholders.setText(fmt(self.tr("Placeholders (click to insert): %1"), links))
        self.load_text()

    def _insert_placeholder(self, name: str) -> None:
        self.body.insertPlainText(f"{{{name}}}")
        self.body.setFocus()

    # -- text ------------------------------------------------------------------------------
    def _current(self) -> TP.Translation:
        return TP.Translation(self.message, self.language, self.subject.text().strip(), self.body.toPlainText(),
                              self.sms.text().strip(), self.review.isChecked())

    def load_text(self) -> None:
        if self.message is None or self.language is None:
            return
        all_ = TP.translations(self.ctx.store, self.message)
        t = all_.get(self.language)
        self._loading = True
        if t is None:  # no translation yet: start from the Italian, marked to be reviewed
            base = all_.get(TP.BASE_LANGUAGE)
            self.subject.setText(base.subject if base else "")
            self.body.setPlainText(base.body if base else "")
            self.sms.setText(base.sms if base else "")
            self.review.setChecked(True)
            self.state.setText(self.tr("No text in this language yet: members who speak it get the Italian one. "
                                       "Write the translation over the Italian text and save it."))
        else:
            self.subject.setText(t.subject)
            self.body.setPlainText(t.body)
            self.sms.setText(t.sms)
            self.review.setChecked(t.review)
            self.state.setText(self.tr("Edited by the secretariat (kept in the assembly file).") if t.edited
                               else self.tr("The text shipped with the app."))
        self.restore_button.setEnabled(t is not None and t.edited)
        self._loading = False
        self.refresh_preview()

    def _edited(self) -> None:
        if not self._loading:
            self._timer.start()

    def refresh_preview(self) -> None:
        self._timer.stop()
        t = self._current()
        self.review_banner.setVisible(t.review)
        member = self.ctx.store.get("members", self.member_box.currentData()) if self.member_box.currentData() else None
        plenary = self.ctx.store.get("plenaries", self.plenary_box.currentData()) \
            if TP.MESSAGES[self.message][0] and self.plenary_box.currentData() else None
        try:
            filled = MS.preview(self.ctx.store, t, member, plenary)
        except TP.TemplateError as exc:
            self.error.setText(error_text(exc))
            self.save_button.setEnabled(False)
            return
        self.error.clear()
        self.save_button.setEnabled(bool(t.subject and t.body.strip()))
        n = sms_length(filled.sms)  # as this member's phone receives it, the data filled in
        self.sms_length.setText(fmt(self.tr("%1 characters · %2 · %3 SMS (for this member)"), n.units, n.encoding,
                                    n.segments) if filled.sms else self.tr("No text message for this language."))
        rtl = self.language == "ar"
        direction = ' dir="rtl"' if rtl else ""
        paras = "".join(f"<p{direction}>{escape(block).replace(chr(10), '<br/>')}</p>"
                        for block in filled.body.split("\n\n"))
        sms = f"<hr/><p{direction}><i>SMS:</i> {escape(filled.sms)}</p>" if filled.sms else ""
        self.preview.setHtml(f"<h3{direction}>{escape(filled.subject)}</h3>{paras}{sms}")
        self._show_readability(filled)

    def _show_readability(self, filled: TP.Filled) -> None:
        if self.language != TP.BASE_LANGUAGE:
            self.readability.setText(self.tr("Readability (Gulpease) is measured on Italian texts only."))
            self.readability.setStyleSheet("color: #555;")
            return
        # The letter as the member reads it, minus the data (names, addresses) it was filled with.
        text = re.sub(r"\{\w+\}", "", self.body.toPlainText())
        r = gulpease(text)
        if r is None:
            self.readability.clear()
            return
        ok = r.meets_target
        self.readability.setText(fmt(self.tr("Readability (Gulpease): %1 of 100 — target %2 for texts to citizens"),
                                     f"{r.index:.0f}", f"{TARGET:.0f}")
                                 + ("" if ok else " " + self.tr("(too hard: shorter sentences, everyday words)")))
        self.readability.setStyleSheet("color: #2e6b30;" if ok else "color: #8a4b00;")

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        t = self._current()
        done = run_watched(self.ctx, fmt(self.tr("edit the message %1 (%2)"), message_label(t.message), t.language),
                           lambda: ROWS, lambda: TP.save_translation(self.ctx.store, t) or True, lambda _r: ROWS,
                           refused=TP.TemplateError, title=self.tr("Message not saved"), parent=self)
        if done:
            self.state.setText(self.tr("Saved in the assembly file."))
            self.restore_button.setEnabled(True)

    def restore(self) -> None:
        run_watched(self.ctx, fmt(self.tr("restore the message %1 (%2)"), message_label(self.message), self.language),
                    lambda: ROWS, lambda: TP.restore_shipped(self.ctx.store, self.message, self.language) or True,
                    lambda _r: ROWS)
        self.load_text()

    def save_contacts(self) -> None:
        values = {"phone": self.phone.text(), "email": self.email.text(), "sender": self.sender.text()}
        run_watched(self.ctx, self.tr("change the secretariat's contacts"), lambda: CONTACT_ROWS,
                    lambda: MS.save_contacts(self.ctx.store, values), lambda _r: CONTACT_ROWS)
        self.refresh_preview()
