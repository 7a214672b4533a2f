"""Starting the window: language, the assembly file and its lock."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from facilitator_app.core.privacy import cipher, keyring_store
from facilitator_app.core.store.device import default_db_path
from facilitator_app.core.store.lock import AlreadyOpenError, FileLock
from facilitator_app.core.store.store import Store, StoreError, WrongPassphraseError
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt

ORG, APP = "AssembleaClimaMilano", "facilitator_app"


class StoreOpener:
    """Opens assembly files for the window, holding the lock of the open one.

    An encrypted file is opened with the passphrase of the environment or the keyring, else the
    person is asked (again, with the reason, after a wrong one); a new file is encrypted with the
    passphrase the person chooses, unless they explicitly choose not to. `ask(mode, path, parent,
    error)` is the question (gui/privacy/passphrase.ask_passphrase unless a test gives another).
    """

    ATTEMPTS = 5

    def __init__(self, ask: Callable | None = None):
        self.lock: FileLock | None = None
        if ask is None:
            from facilitator_app.gui.privacy.passphrase import ask_passphrase as ask
        self.ask = ask

    def __call__(self, path: Path, parent: QWidget | None = None, *, create: bool = False,
                 passphrase: str | None = None) -> Store | None:
        """The store of `path`, or None after telling the user why not. Only `create=True` (a new
        assembly, an explicit --db) makes a file: a missing file to open is reported, never made empty.
        `passphrase`: the one just chosen for this file (it was encrypted here), asked for no more."""
        path = Path(path).expanduser().resolve()
        if not create and not path.exists():
            QMessageBox.warning(parent, QApplication.translate("StoreOpener", "File not found"),
                                fmt(QApplication.translate("StoreOpener", "The assembly file %1 is no longer there: "
                                                           "it may have been moved, renamed or deleted, or be on a "
                                                           "USB stick that is not plugged in. Nothing was created; "
                                                           "open it from where it is now."), path))
            return None
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
            store = Store(path, passphrase=passphrase) if passphrase else self._open(path, parent)
        except StoreError as exc:
            lock.release()
            QMessageBox.critical(parent, QApplication.translate("StoreOpener", "Cannot open the file"),
                                 error_text(exc))
            return None
        if store is None:  # the person cancelled
            lock.release()
            return None
        if self.lock is not None:
            self.lock.release()
        self.lock = lock
        store.ensure_assembly(path.stem)
        return store

    def _open(self, path: Path, parent: QWidget | None) -> Store | None:
        kind = cipher.file_kind(path)
        if kind == "plain":
            return Store(path)
        if kind in ("missing", "empty"):
            answer = self.ask("new", path, parent, None)
            if answer is None:
                return None
            store = Store(path, passphrase=answer.passphrase)
            if answer.passphrase and answer.remember:
                keyring_store.remember(path, answer.passphrase)
            return store
        for secret in (os.environ.get(cipher.ENV_PASSPHRASE), keyring_store.recall(path)):
            if secret:
                try:
                    return Store(path, passphrase=secret)
                except WrongPassphraseError:
                    continue
        error = None
        for _ in range(self.ATTEMPTS):
            answer = self.ask("open", path, parent, error)
            if answer is None or not answer.passphrase:
                return None
            try:
                store = Store(path, passphrase=answer.passphrase)
            except WrongPassphraseError as exc:
                error = error_text(exc)
                continue
            if answer.remember:
                keyring_store.remember(path, answer.passphrase)
            return store
        raise WrongPassphraseError(path)


def make_app(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    home = os.environ.get("FACILITATOR_APP_HOME")
    if home:  # portable use and tests: the settings live there too, never in the user's real ones
        from PySide6.QtCore import QSettings as Settings  # the class itself (tests replace the module's name)

        Settings.setDefaultFormat(Settings.Format.IniFormat)
        Settings.setPath(Settings.Format.IniFormat, Settings.Scope.UserScope, str(Path(home) / "config"))
    from facilitator_app.gui import i18n
    from facilitator_app.gui.fonts import install_fonts

    i18n.install(app, i18n.chosen_language(lang))
    from facilitator_app.gui import collector, smoke

    collector.install(app)  # cycles are freed in the GUI thread only (see collector.py)
    smoke.install(app)
    install_fonts(app)  # Arabic, Chinese, Bengali, Sinhala and emoji on any laptop
    return app


def run(db: str | None = None, lang: str | None = None) -> int:
    """With --db, that file (created if new); otherwise the last file opened, or the welcome screen
    (first run, or the last file is gone)."""
    app = make_app(lang=lang)
    try:  # temporary export files a killed session left behind; libraries' temp files kept private
        from facilitator_app.core.files.atomic import clean_leftovers, private_tempdir

        clean_leftovers()
        private_tempdir()
    except OSError:
        pass
    from facilitator_app.gui.launcher import Launcher

    launcher = Launcher(QSettings(), StoreOpener())
    if not launcher.start(db):
        return 2
    code = app.exec()
    if launcher.backups is not None:
        launcher.backups.wait()  # a backup being written finishes before the process ends
    # An export still writing in the background finishes before the process ends.
    QThreadPool.globalInstance().waitForDone()
    return code
