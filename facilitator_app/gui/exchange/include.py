"""What personal data the prepared laptops also get (nothing of it by default)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class IncludeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("What the laptops receive"))
        intro = QLabel(self.tr(
            "The entrance laptop receives the names, badge codes and groups of the members in office; each "
            "table's laptop only the names of its group's members. Tick what they also need today: it travels "
            "on the USB stick and stays on the laptops."))
        intro.setWordWrap(True)
        intro.setMinimumWidth(460)
        self.boxes = {
            "contact": QCheckBox(self.tr("Phone numbers and e-mail addresses")),
            "birth_date": QCheckBox(self.tr("Birth dates")),
            "notes": QCheckBox(self.tr("Accessibility, dietary and other notes (health data)")),
            "profile": QCheckBox(self.tr("Profile: gender, citizenship, municipio, education")),
            "former": QCheckBox(self.tr("Former members (no longer in office)")),
        }
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose the folder…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for box in self.boxes.values():
            layout.addWidget(box)
        layout.addWidget(buttons)

    def chosen(self) -> frozenset[str]:
        return frozenset(k for k, box in self.boxes.items() if box.isChecked())


def ask_include(parent: QWidget | None = None) -> frozenset[str] | None:
    dialog = IncludeDialog(parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
