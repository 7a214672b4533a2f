"""After an export: what was saved, and buttons to open the file or the folder it is in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from facilitator_app.gui.i18n import fmt


class SavedFiles(QWidget):
    """Hidden until `show_files()`; "Open" opens the first file, "Open folder" its folder, with the system's
    own programs (a PDF viewer, a spreadsheet, the file manager)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.files: list[Path] = []
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl  # tests replace it
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #1b5e20; font-weight: 600;")
        self.open_button = QPushButton(self.tr("Open"))
        self.folder_button = QPushButton(self.tr("Open folder"))
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.open_folder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.folder_button)
        self.hide()

    def show_files(self, files: Sequence[Path | str]) -> None:
        self.files = [Path(f) for f in files]
        self.label.setText(fmt(self.tr("Saved: %1"), ", ".join(p.name for p in self.files)))
        self.label.setToolTip("\n".join(str(p) for p in self.files))
        self.open_button.setText(self.tr("Open") if len(self.files) == 1 else
                                 fmt(self.tr("Open %1"), self.files[0].suffix.lstrip(".").upper()))
        self.show()

    def open_file(self) -> None:
        if self.files:
            self.open_url(QUrl.fromLocalFile(str(self.files[0])))

    def open_folder(self) -> None:
        if self.files:
            self.open_url(QUrl.fromLocalFile(str(self.files[0].parent)))
