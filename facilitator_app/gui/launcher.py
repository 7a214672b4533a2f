"""What the app shows at start, and who owns the main window afterwards.

The file given with --db (created if new); else the last file opened; else the welcome
screen (first run, or the last file is gone: then the screen says so, and nothing is
created). The welcome screen's module is imported only when it is shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.recent import LAST_KEY, RecentFiles, absolute


class Launcher:
    """Opens the first file (or shows the welcome screen) and then keeps the main window."""

    def __init__(self, settings: QSettings, opener):
        self.settings = settings
        self.opener = opener
        self.recent = RecentFiles(settings)
        self.window = None     # the MainWindow once a file is open
        self.backups = None    # its BackupScheduler
        self.welcome = None    # the WelcomeWindow while it is shown

    def start(self, db: str | None = None) -> bool:
        """Show the first window; False when an explicit --db cannot be opened (nothing shown)."""
        if db:
            return self.open(absolute(db), create=True)
        last = self.recent.last()
        if last is not None and last.exists() and self.open(last):
            return True
        notice = ""
        if last is not None and not last.exists():
            notice = fmt(QApplication.translate(
                "Welcome", "The assembly you had open last time, %1, is no longer in %2. It may have been moved, "
                "renamed or be on a USB stick that is not plugged in. Nothing was created: open it from where it "
                "is now, or choose another way to start."), last.name, last.parent)
            self.recent.remove(last)
        old = str(self.settings.value(LAST_KEY, "") or "")
        if last is None and old:  # an older version remembered it without its folder: never guessed
            notice = fmt(QApplication.translate(
                "Welcome", "The app remembered the last assembly only as %1, without its folder, so it cannot "
                "know which file that was. Nothing was created: open it from where it is."), old)
            self.settings.remove(LAST_KEY)
        self.show_welcome(notice)
        return True

    def show_welcome(self, notice: str = ""):
        from facilitator_app.gui.welcome import WelcomeWindow

        self.welcome = WelcomeWindow(self.recent, notice)
        self.welcome.open_requested.connect(lambda path, create: self.open(path, create=create, parent=self.welcome))
        self.welcome.help_requested.connect(lambda: self._help(self.welcome))
        self.welcome.show()
        return self.welcome

    def open(self, path: Path, *, create: bool = False, parent: QWidget | None = None) -> bool:
        store = self.opener(path, parent, create=create)
        if store is None:
            return False
        self.recent.add(store.path)
        if self.window is None:
            from facilitator_app.gui.context import AppContext
            from facilitator_app.gui.main_window import MainWindow

            from facilitator_app.gui.privacy.backups import BackupScheduler

            self.window = MainWindow(AppContext(store, self.settings), self.opener)
            self.backups = BackupScheduler(self.window.ctx)  # one now, then every few minutes of changes
            self.window.show()
        else:
            self.window.ctx.set_store(store)
        if self.welcome is not None:
            self.welcome.close()
            self.welcome.deleteLater()
            self.welcome = None
        return True

    def _help(self, parent: QWidget) -> None:
        from facilitator_app.gui.help import show_guide

        show_guide(parent, "welcome")
