"""“Encrypt this file”: a plain assembly file becomes an encrypted one, from the window.

1. the passphrase, asked twice (gui/privacy/passphrase, mode "encrypt");
2. a worker thread writes the encrypted copy next to the file and verifies it (integrity, row
   counts and content digest: core/privacy/encryption.encrypt_file) while a modal progress
   dialog keeps anyone from editing the plain file meanwhile (the window keeps its lock);
3. the window switches to the encrypted copy (and the recent files with it);
4. a second worker overwrites and deletes the plain file, its side files and its plain
   backups (waiting first for a backup being written), and the result is shown.
A failure before step 3 leaves the plain file open and unchanged; errors are shown in words.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from facilitator_app.core.errors import CoreError
from facilitator_app.core.privacy import cipher, keyring_store
from facilitator_app.core.privacy.encryption import encrypt_file, remove_plain_file
from facilitator_app.gui import recent
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt


def encrypted_name(plain: Path, pattern: str) -> Path:
    """`pattern` ("%1-encrypted", translated) applied to the stem, numbered when taken."""
    stem = fmt(pattern, plain.stem)
    out, n = plain.with_name(f"{stem}{plain.suffix or '.sqlite'}"), 2
    while out.exists():
        out, n = plain.with_name(f"{stem}-{n}{plain.suffix or '.sqlite'}"), n + 1
    return out


class _Worker:
    """A function on a thread; `result` or `error` when `done`."""

    def __init__(self, fn: Callable[[], Any]):
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False
        self.thread = threading.Thread(target=self._run, args=(fn,), name="encrypt", daemon=False)
        self.thread.start()

    def _run(self, fn: Callable[[], Any]) -> None:
        try:
            self.result = fn()
        except BaseException as exc:  # reported in the GUI thread, in words
            self.error = exc
        finally:
            self.done = True


class EncryptFlow(QObject):
    """One run of “Encrypt this file” for `window` (a MainWindow); `finished(ok)` at the end."""

    finished = Signal(bool)

    def __init__(self, window: QWidget, ask: Callable | None = None):
        super().__init__(window)
        self.window, self.ctx = window, window.ctx
        if ask is None:
            from facilitator_app.gui.privacy.passphrase import ask_passphrase as ask
        self.ask = ask
        self.title = self.tr("Encrypt this file")
        self.plain: Path | None = None
        self.out: Path | None = None
        self.backups_removed = 0
        self.message = ""
        self.progress: QProgressDialog | None = None
        self._timer = QTimer(self, interval=40)
        self._timer.timeout.connect(self._poll)
        self._worker: _Worker | None = None
        self._then: Callable[[_Worker], None] | None = None

    # -- steps -------------------------------------------------------------------------------
    def start(self) -> bool:
        store = self.ctx.store
        if store.encrypted:
            self.ctx.prompts.info(self.window, self.title, self.tr("This file is already encrypted."))
            return False
        if str(store.path) == ":memory:" or getattr(self.window, "_open_store", None) is None:
            return False
        self.plain = store.path
        self.answer = self.ask("encrypt", self.plain, self.window, None)
        if self.answer is None or not self.answer.passphrase:
            return False
        self.out = encrypted_name(self.plain, self.tr("%1-encrypted"))
        sync = getattr(self.window, "sync", None)
        if sync is not None:
            sync.stop()   # its own connection must not write the plain file while it is copied
        self._show_progress(self.tr("Writing the encrypted copy and checking it…"))
        plain, out, secret = self.plain, self.out, self.answer.passphrase
        self._run(lambda: encrypt_file(plain, out, secret, remove_plain=False, plain_locked=True), self._copied)
        return True

    def _copied(self, worker: _Worker) -> None:
        if worker.error is not None:
            self._close_progress()
            sync = getattr(self.window, "sync", None)
            if sync is not None:
                sync.restart()
            return self._fail(worker.error)
        store = self.window._open_store(self.out, self.window, passphrase=self.answer.passphrase)
        if store is None:   # reported by the opener; the plain file stays open and unchanged
            self._close_progress()
            cipher.shred(self.out)
            self.finished.emit(False)
            return
        self.ctx.set_store(store)
        files = recent.RecentFiles(self.ctx.settings)
        files.remove(self.plain)
        files.add(self.out)
        self.window.statusBar().showMessage(str(self.out))
        if self.answer.remember:
            keyring_store.remember(self.out, self.answer.passphrase)
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Overwriting and removing the unencrypted file and its backups…"))
        plain, schedulers = self.plain, self._backup_schedulers()
        self._run(lambda: self._remove(plain, schedulers), self._removed)

    @staticmethod
    def _remove(plain: Path, schedulers: list) -> int:
        for s in schedulers:
            s.wait()   # a backup of the plain file being written ends before its folder is emptied
        return remove_plain_file(plain)

    def _removed(self, worker: _Worker) -> None:
        self._close_progress()
        if worker.error is not None:
            self.message = fmt(self.tr("The file is now encrypted: %1. The unencrypted file %2 could not be "
                                       "removed (%3): delete it yourself."), self.out, self.plain,
                               error_text(worker.error) if isinstance(worker.error, CoreError) else
                               getattr(worker.error, "strerror", None) or type(worker.error).__name__)
            self.ctx.prompts.error(self.window, self.title, self.message)
            self.finished.emit(True)
            return
        self.backups_removed = worker.result
        self.message = fmt(self.tr("The file is now encrypted: %1. It was checked against the original (every "
                                   "table, every row) before the window switched to it. The unencrypted file "
                                   "%2 was overwritten and deleted, with %3 unencrypted backups. Whoever opens "
                                   "the file from now on needs the passphrase; without it nobody can recover "
                                   "the data."), self.out, self.plain, self.backups_removed)
        self.ctx.prompts.info(self.window, self.title, self.message)
        self.finished.emit(True)

    def _fail(self, exc: BaseException) -> None:
        if isinstance(exc, CoreError):
            text = error_text(exc)
        else:
            text = fmt(self.tr("The file could not be encrypted (%1). Nothing was changed."),
                       getattr(exc, "strerror", None) or type(exc).__name__)
        self.message = text
        self.ctx.prompts.error(self.window, self.title, text)
        self.finished.emit(False)

    # -- plumbing --------------------------------------------------------------------------------
    def _backup_schedulers(self) -> list:
        from facilitator_app.gui.privacy.backups import BackupScheduler

        return self.ctx.findChildren(BackupScheduler)

    def _run(self, fn: Callable[[], Any], then: Callable[[_Worker], None]) -> None:
        self._then = then
        self._worker = _Worker(fn)
        self._timer.start()

    def _poll(self) -> None:
        if self._worker is None or not self._worker.done:
            return
        self._timer.stop()
        worker, then = self._worker, self._then
        self._worker = self._then = None
        then(worker)

    def _show_progress(self, text: str) -> None:
        self.progress = QProgressDialog(text, "", 0, 0, self.window)
        self.progress.setWindowTitle(self.title)
        self.progress.setCancelButton(None)   # a copy half-made is removed anyway; stopping it gains nothing
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.show()

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
