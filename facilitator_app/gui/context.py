"""The application context handed to every window, page and dialog.

One object instead of a god main window: the store, the user's settings, the
undo stack, the prompts and a `changed` signal emitted after each committed
transaction with the tables and rows it touched, so every view refreshes only
what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.store.store import Changes, Store


class Prompts:
    """Questions and messages go through here so tests can answer them without dialogs."""

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)


class AppContext(QObject):
    changed = Signal(object)        # Changes
    store_replaced = Signal()       # File > Open / New: everything reloads

    def __init__(self, store: Store, settings: QSettings | None = None, prompts: Prompts | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        self.prompts = prompts or Prompts()
        self.undo_stack = QUndoStack(self)
        self.store: Store | None = None
        self.vocab = Vocabularies.defaults()
        self.set_store(store)

    def set_store(self, store: Store) -> None:
        if self.store is not None:
            self.store.unsubscribe(self._on_changes)
        self.store = store
        self.vocab = Vocabularies.load(store)
        store.subscribe(self._on_changes)
        self.undo_stack.clear()
        self.store_replaced.emit()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("settings"):
            self.vocab = Vocabularies.load(self.store)
        self.changed.emit(changes)
