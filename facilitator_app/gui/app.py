"""Starting the window: language, the assembly file and its lock."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from facilitator_app.core.store.device import default_db_path
from facilitator_app.core.store.lock import AlreadyOpenError, FileLock
from facilitator_app.core.store.store import Store, StoreError
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt

ORG, APP = "AssembleaClimaMilano", "facilitator_app"


class StoreOpener:
    """Opens assembly files for the window, holding the lock of the open one."""

    def __init__(self):
        self.lock: FileLock | None = None

    def __call__(self, path: Path, parent: QWidget | None = None) -> Store | None:
        lock = FileLock(path)
        try:
            lock.acquire()
        except AlreadyOpenError:
            QMessageBox.critical(parent, QApplication.translate("StoreOpener", "File already open"),
                                 fmt(QApplication.translate("StoreOpener", "%1 is already open in another window "
                                                            "of the app. Use that window, or close it first."),
                                     path))
            return None
        try:
            store = Store(path)
        except StoreError as exc:
            lock.release()
            QMessageBox.critical(parent, QApplication.translate("StoreOpener", "Cannot open the file"),
                                 error_text(exc))
            return None
        if self.lock is not None:
            self.lock.release()
        self.lock = lock
        store.ensure_assembly(path.stem)
        return store


def make_app(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    from facilitator_app.gui import i18n
    from facilitator_app.gui.fonts import install_fonts

    i18n.install(app, i18n.chosen_language(lang))
    install_fonts(app)  # Arabic, Chinese, Bengali, Sinhala and emoji on any laptop
    return app


def run(db: str | None = None, lang: str | None = None) -> int:
    app = make_app(lang=lang)
    from facilitator_app.gui.context import AppContext
    from facilitator_app.gui.main_window import MainWindow

    settings = QSettings()
    path = Path(db or settings.value("file/last", "") or default_db_path())
    opener = StoreOpener()
    store = opener(path)
    if store is None:
        return 2
    settings.setValue("file/last", str(path))
    ctx = AppContext(store, settings)
    window = MainWindow(ctx, opener)
    window.show()
    code = app.exec()
    # An export still writing in the background finishes before the process ends.
    QThreadPool.globalInstance().waitForDone()
    return code
