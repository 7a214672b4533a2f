"""The application context handed to every window, page and dialog.

One object instead of a god main window: the store, the user's settings, the
undo stack, the prompts and a `changed` signal emitted after each committed
transaction with the tables and rows it touched, so every view refreshes only
what it shows.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.privacy.cipher import OPERATIONAL_ERRORS, PROGRAMMING_ERRORS
from facilitator_app.core.store.store import Changes, Store
from facilitator_app.core.watch.outside import OutsideWatcher

POLL_MS = 500  # another process's commit shows within a second


class Prompts:
    """Questions and messages go through here so tests can answer them without dialogs."""

    def confirm(self, parent: QWidget | None, title: str, text: str, default: bool = False) -> bool:
        """Yes or No; `default` is what Enter answers: No unless the caller says Yes is the safe answer
        (a hurried Enter at the entrance must never check in a withdrawn member or delete a plenary)."""
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        return QMessageBox.question(parent, title, text, yes | no, yes if default else no) == yes

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def ask_text(self, parent: QWidget | None, title: str, text: str) -> str | None:
        """A line of text (a reason), or None when cancelled or left empty."""
        from PySide6.QtWidgets import QInputDialog

        answer, ok = QInputDialog.getText(parent, title, text)
        return answer.strip() or None if ok else None

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)


class AppContext(QObject):
    changed = Signal(object)        # Changes (ours, or another connection's: see core/watch)
    store_closing = Signal()        # about to switch files: save what is pending into the old one
    store_replaced = Signal()       # File > Open / New: everything reloads, nothing of the old file stays

    def __init__(self, store: Store, settings: QSettings | None = None, prompts: Prompts | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        self.prompts = prompts or Prompts()
        self.undo_stack = QUndoStack(self)
        self.store: Store | None = None
        self.watcher: OutsideWatcher | None = None
        # Set while the sync worker (gui/sync) commits on its own connection: it reports what it
        # changed itself, so the poll must not take its bookkeeping for an unexplained change.
        self.outside_paused = threading.Event()
        self.vocab = Vocabularies.defaults()
        self.poll_timer = QTimer(self, interval=POLL_MS, timeout=self.poll_outside)
        self.set_store(store)
        self.poll_timer.start()

    def set_store(self, store: Store) -> None:
        """Show `store` instead of the open file; the old one is closed once every view has let go of it."""
        old = self.store
        if old is store:
            return
        if old is not None:
            self.store_closing.emit()
            old.unsubscribe(self._on_changes)
            self.watcher.close()
        self.store = store
        self.vocab = Vocabularies.load(store)
        store.subscribe(self._on_changes)
        self.watcher = OutsideWatcher(store)
        self.undo_stack.clear()  # its commands refer to the old file's rows
        self.store_replaced.emit()
        if old is not None:
            old.close()

    def poll_outside(self) -> Changes | None:
        """Tell the views what another connection committed since the last poll (cheap when nothing did)."""
        if self.outside_paused.is_set():
            return None
        try:
            changes = self.watcher.poll() if self.watcher is not None else None
        except PROGRAMMING_ERRORS:  # the file was closed under us (the app is ending): nothing to watch
            self.poll_timer.stop()
            return None
        except OPERATIONAL_ERRORS:  # busy or locked for a moment (either driver): the next poll sees it
            return None
        if changes:
            self._on_changes(changes)
        return changes

    def external_changes(self, changes: Changes | None = None) -> None:
        """The sync worker's connection committed (`changes`: what its merges touched): views refresh
        exactly as after a commit made here, and the watcher takes the worker's commits as seen
        (with whatever the log says was written meanwhile)."""
        logged = self.watcher.absorb() if self.watcher is not None else Changes()
        for table, rows in (changes.rows if changes else {}).items():
            for r in rows:
                logged.add(table, r)
        if logged:
            self._on_changes(logged)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("settings"):
            self.vocab = Vocabularies.load(self.store)
        self.changed.emit(changes)
