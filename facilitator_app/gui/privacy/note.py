"""The privacy note (Help menu): what is stored where, who sees what, how to erase."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from facilitator_app.core.privacy.backups import backup_dir
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.i18n import fmt


class PrivacyNote(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Privacy"))
        store = ctx.store
        state = (fmt(self.tr("This file (%1) is encrypted: without its passphrase it cannot be read."), store.path)
                 if store.encrypted else
                 fmt(self.tr("This file (%1) is NOT encrypted: anyone who copies it can read it. Encrypt it with "
                             "“Encrypt this file…” on the Privacy page."), store.path))
        sections = [
            (self.tr("What is stored where"), [
                state,
                self.tr("The assembly file holds the members' names, contact details, birth dates, profile and "
                        "accessibility and dietary notes, their attendance, the groups and the notes of the "
                        "plenaries. New files are encrypted with a passphrase (SQLCipher, AES-256)."),
                fmt(self.tr("Automatic backups, encrypted like the file, are kept in %1 (the latest 10)."),
                    backup_dir(store.path)),
                self.tr("Packages for other laptops (.assemblea) are encrypted with the assembly's passphrase "
                        "and checked before they are opened."),
            ]),
            (self.tr("Who sees what"), [
                self.tr("The entrance laptop receives only the names, badge codes and groups of the members in "
                        "office; a table's laptop only its group's members. Phone numbers, e-mail addresses, "
                        "birth dates, notes and former members go only if the secretariat ticks them."),
                self.tr("Public minutes and reports never contain personal data."),
                self.tr("Every export, printout and package is recorded in the audit log (File › Audit log…), "
                        "with the laptop, the time and the file."),
            ]),
            (self.tr("How to erase"), [
                self.tr("A member's data is erased with “Erase personal data…” on the Members page (or "
                        "“facilitator-app member erase MEMBER_ID”): from the file, its change log and backups, and "
                        "from every package made afterwards; the other laptops erase it too when they receive the "
                        "next package. Attendance counts and the text of notes remain, without the name."),
                self.tr("Former members' data is erased after the retention period (12 months after the end of "
                        "the term by default) on the Privacy page, which lists who is due (or with "
                        "“facilitator-app retention apply”)."),
            ]),
        ]
        html = "".join(f"<h3>{escape(title)}</h3>" + "".join(f"<p>{escape(p)}</p>" for p in paras)
                       for title, paras in sections)
        text = QTextBrowser()
        text.setHtml(html)
        text.setOpenLinks(False)
        self.text = text
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(620, 560)
