"""The passphrase of an encrypted assembly file: asked on open, chosen for a new file, changed.

`PassphraseDialog` has four modes: "open" (one field), "new" (twice, or an explicit choice not
to encrypt, with the risk said next to it), "change" (the new one twice) and "encrypt" (twice:
an unencrypted file about to be encrypted, gui/privacy/encrypt.py). `ask_passphrase`
shows it modally and returns an `Answer`, or None when the person cancels; the opener takes the
asking function as a parameter, so tests answer without a dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLayout, QLineEdit,
                               QVBoxLayout, QWidget)

from facilitator_app.core.privacy import keyring_store
from facilitator_app.core.privacy.cipher import MIN_PASSPHRASE
from facilitator_app.gui.i18n import fmt


@dataclass
class Answer:
    passphrase: str | None      # None: the new file is not encrypted
    remember: bool = False


class PassphraseDialog(QDialog):
    def __init__(self, mode: str, path: Path, parent: QWidget | None = None, error: str | None = None):
        super().__init__(parent)
        self.mode = mode
        self.setWindowTitle({"open": self.tr("Encrypted assembly"), "new": self.tr("New assembly"),
                             "change": self.tr("Change the passphrase"),
                             "encrypt": self.tr("Encrypt this file")}[mode])
        intro = QLabel({
            "open": fmt(self.tr("“%1” is encrypted. Enter its passphrase to open it."), path.name),
            "new": fmt(self.tr("“%1” will hold the members' personal data. Choose a passphrase: the file is "
                               "encrypted with it, and whoever opens it on another laptop needs it too. "
                               "Without the passphrase the data cannot be recovered, by anyone."), path.name),
            "change": fmt(self.tr("Choose a new passphrase for “%1”. Tell it to the colleagues who open this "
                                  "file; packages already sent keep working."), path.name),
            "encrypt": fmt(self.tr("“%1” is not encrypted. It will be copied into an encrypted file next to it, "
                                   "checked, and opened in its place; the unencrypted file and its backups are "
                                   "then overwritten and deleted. Choose a passphrase: whoever opens the file "
                                   "needs it, and without it the data cannot be recovered, by anyone."), path.name),
        }[mode])
        intro.setWordWrap(True)
        intro.setMinimumWidth(440)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setObjectName("repeat")
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:") if mode != "change" else self.tr("New passphrase:"), self.passphrase)
        if mode != "open":
            form.addRow(self.tr("Repeat it:"), self.repeat)
        self.remember = QCheckBox(self.tr("Remember it on this computer (in the system's keyring)"))
        self.remember.setVisible(mode != "change")
        if not keyring_store.available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(self.tr("This computer has no keyring the app can use."))
        self.plain = QCheckBox(self.tr("Do not encrypt this file"))
        self.plain.setVisible(mode == "new")
        self.risk = QLabel(self.tr("Without encryption, anyone who copies the file, or finds the laptop or the "
                                   "USB stick, can read the members' names, phone numbers, birth dates and health "
                                   "notes. Choose this only for test files with invented people."))
        self.risk.setWordWrap(True)
        self.risk.setMinimumWidth(440)
        self.risk.setStyleSheet("color: #a4262c;")
        self.risk.setVisible(False)
        self.message = QLabel(error or "")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a4262c;")
        self.message.setVisible(bool(error))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)   # wrapped texts keep their lines
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.plain)
        layout.addWidget(self.risk)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self.plain.toggled.connect(self._update)
        self._update()

    def problem(self) -> str:
        """Why OK is not possible yet ('' when it is)."""
        if self.mode == "new" and self.plain.isChecked():
            return ""
        text = self.passphrase.text()
        if self.mode == "open":
            return "" if text else self.tr("Enter the passphrase.")
        if len(text) < MIN_PASSPHRASE:
            return fmt(self.tr("At least %1 characters."), MIN_PASSPHRASE)
        if text != self.repeat.text():
            return self.tr("The two passphrases differ.")
        return ""

    def _update(self) -> None:
        plain = self.mode == "new" and self.plain.isChecked()
        self.risk.setVisible(plain)
        self.passphrase.setEnabled(not plain)
        self.repeat.setEnabled(not plain)
        self.remember.setEnabled(not plain and keyring_store.available())
        problem = self.problem()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)
        ok.setToolTip(problem)
        if problem and self.passphrase.text() and self.mode != "open":
            self.message.setText(problem)
            self.message.setVisible(True)
        elif self.mode != "open":
            self.message.setVisible(False)
        self.adjustSize()

    def answer(self) -> Answer:
        if self.mode == "new" and self.plain.isChecked():
            return Answer(None, False)
        return Answer(self.passphrase.text(), self.remember.isChecked() and self.remember.isEnabled())


def ask_passphrase(mode: str, path: Path, parent: QWidget | None = None, error: str | None = None) -> Answer | None:
    dialog = PassphraseDialog(mode, path, parent, error)
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
