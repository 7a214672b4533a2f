"""The first screen when there is no file to open: try the demo, create, open, or reopen a recent one.

`gui/launcher.Launcher` shows it when there is no --db and no last file to reopen.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QThread, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QCommandLinkButton, QFileDialog, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from facilitator_app import __version__
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.recent import RecentFiles, absolute, with_suffix

DEMO_NAME = "assemblea-demo.sqlite"


def demo_path() -> Path:
    from facilitator_app.core.store.device import data_dir

    return data_dir() / DEMO_NAME


class DemoBuilder(QThread):
    """Builds the demo assembly into `target` off the main thread (it takes a few seconds), through a
    temporary file renamed at the end, so a half-built demo never exists under the real name."""

    finished_with = Signal(object)  # None when done, else the exception

    def __init__(self, target: Path, parent=None):
        super().__init__(parent)
        self.target = target

    def run(self) -> None:
        from facilitator_app.demo import build_demo
        from facilitator_app.core.store.store import Store

        part = self.target.with_name(self.target.name + ".part")
        try:
            for leftover in (part, Path(f"{part}-wal"), Path(f"{part}-shm")):
                leftover.unlink(missing_ok=True)
            store = Store(part)
            try:
                build_demo(store)
            finally:
                store.close()
            os.replace(part, self.target)
        except Exception as exc:  # reported on screen by the welcome window, never a traceback
            part.unlink(missing_ok=True)
            self.finished_with.emit(exc)
            return
        self.finished_with.emit(None)


class WelcomeWindow(QWidget):
    """What a facilitator sees on the first start. The Launcher acts on `open_requested(path, create)`."""

    open_requested = Signal(object, bool)  # Path, create
    help_requested = Signal()

    def __init__(self, recent: RecentFiles, notice: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.recent = recent
        self.builder: DemoBuilder | None = None
        self.setObjectName("WelcomeWindow")
        self.setWindowTitle(self.tr("Citizens' Assembly on Climate — Facilitator app"))
        self.resize(760, 620)

        title = QLabel(self.tr("Welcome"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr("This app keeps one assembly in one file on this laptop: members, plenaries, "
                               "check-in, groups, post-its, recommendations and minutes. Everything is saved the "
                               "moment you confirm it, and it works without the internet. How do you want to start?"))
        intro.setWordWrap(True)

        self.notice = QLabel(notice)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet("QLabel#notice { background: #fff4d6; border: 1px solid #e0b84a; padding: 8px; }")
        self.notice.setVisible(bool(notice))

        self.demo_button = QCommandLinkButton(
            self.tr("Try the demo"),
            self.tr("A made-up assembly with eight plenaries, groups, post-its and minutes, to explore "
                    "without risk. Nothing you do there touches real data."))
        self.new_button = QCommandLinkButton(
            self.tr("Create a new assembly…"),
            self.tr("An empty file for your cycle: choose where to save it, then import the roster."))
        self.open_button = QCommandLinkButton(
            self.tr("Open an assembly file…"),
            self.tr("A file you already have, for example one a colleague gave you or one on a USB stick."))
        self.demo_button.clicked.connect(self.try_demo)
        self.new_button.clicked.connect(self.new_file)
        self.open_button.clicked.connect(self.open_file)

        self.recent_label = QLabel(self.tr("Recent assemblies"))
        bold = self.recent_label.font()
        bold.setBold(True)
        self.recent_label.setFont(bold)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recent")
        self.recent_list.setIconSize(QSize(16, 16))
        self.recent_list.setMaximumHeight(150)
        self.recent_list.itemActivated.connect(self._open_item)
        self._fill_recent()

        self.status = QLabel()
        self.status.setWordWrap(True)
        help_button = QPushButton(self.tr("Guide (F1)"))
        help_button.clicked.connect(self.help_requested)
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self, activated=self.help_requested.emit)
        version = QLabel(fmt(self.tr("Version %1 · GPL-3.0-or-later"), __version__))
        version.setStyleSheet("color: #666;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 20)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.notice)
        for b in (self.demo_button, self.new_button, self.open_button):
            layout.addWidget(b)
        layout.addSpacing(8)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent_list)
        layout.addWidget(self.status)
        layout.addStretch(1)
        footer = QHBoxLayout()
        footer.addWidget(version)
        footer.addStretch(1)
        footer.addWidget(help_button)
        layout.addLayout(footer)
        self.demo_button.setFocus()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.builder is not None and self.builder.isRunning():
            self.builder.wait()  # a demo half-built is only a .part file, but the thread must end first
        super().closeEvent(event)

    # -- recent files -----------------------------------------------------------------
    def _fill_recent(self) -> None:
        self.recent_list.clear()
        for path in self.recent.paths():
            item = QListWidgetItem(fmt(self.tr("%1 — in %2"), path.name, path.parent))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            if not path.exists():
                item.setText(fmt(self.tr("%1 — not found in %2"), path.name, path.parent))
                item.setForeground(QColor("#8a8a8a"))
                item.setToolTip(self.tr("This file is no longer where it was. Choosing it tells you more; "
                                        "nothing is created."))
            else:
                item.setToolTip(str(path))
            self.recent_list.addItem(item)
        has = self.recent_list.count() > 0
        self.recent_label.setVisible(has)
        self.recent_list.setVisible(has)
        if has:
            self.recent_list.setCurrentRow(0)

    def _open_item(self, item: QListWidgetItem) -> None:
        path = Path(item.data(Qt.ItemDataRole.UserRole))
        if not path.exists():
            self.recent.remove(path)  # reported by the opener; not offered again
        self.open_requested.emit(path, False)
        self._fill_recent()

    # -- the three ways in ----------------------------------------------------------------
    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open assembly"), str(Path.home()),
                                              self.tr("Assembly files (*.sqlite *.db);;All files (*)"))
        if path:
            self.open_requested.emit(absolute(path), False)

    def new_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New assembly"), str(Path.home() / "assemblea.sqlite"),
                                              self.tr("Assembly files (*.sqlite)"))
        if path:
            self.open_requested.emit(absolute(with_suffix(path)), True)

    def try_demo(self) -> None:
        target = demo_path()
        if target.exists():
            self.open_requested.emit(target, False)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        for b in (self.demo_button, self.new_button, self.open_button):
            b.setEnabled(False)
        self.status.setText(self.tr("Preparing the demo assembly… (a few seconds)"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.builder = DemoBuilder(target, self)
        self.builder.finished_with.connect(self._demo_built)
        self.builder.start()

    def _demo_built(self, error: object) -> None:
        QApplication.restoreOverrideCursor()
        self.builder.wait()
        for b in (self.demo_button, self.new_button, self.open_button):
            b.setEnabled(True)
        if error is not None:
            from facilitator_app.gui.errors import error_text

            self.status.setText(fmt(self.tr("The demo could not be prepared: %1"), error_text(error)))
            return
        self.status.clear()
        self.open_requested.emit(demo_path(), False)
