"""Automatic backups while the window is open: one when a file is opened, then one every
`EVERY_MINUTES` minutes if something changed. Each runs in a thread with its own read-only
connection, so the window never waits for it."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QTimer

from facilitator_app.core.privacy.backups import EVERY_MINUTES, KEEP, BackupError, backup_file
from facilitator_app.core.privacy.cipher import DB_ERRORS
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.context import AppContext


class BackupScheduler(QObject):
    def __init__(self, ctx: AppContext, minutes: float = EVERY_MINUTES, keep: int = KEEP):
        super().__init__(ctx)
        self.ctx, self.keep = ctx, keep
        self.dirty = False
        self.last_error: str | None = None
        self.made: list[str] = []
        self.threads: list[threading.Thread] = []
        self.timer = QTimer(self)
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.timeout.connect(self.tick)
        ctx.changed.connect(self._on_changes)
        ctx.store_replaced.connect(self.start)
        self.start()

    def _on_changes(self, changes: Changes) -> None:
        self.dirty = True

    def start(self) -> None:
        """A backup of the file just opened, and the timer for the next ones."""
        self.dirty = False
        self.timer.start()
        self.backup_now()

    def tick(self) -> None:
        if self.dirty:
            self.dirty = False
            self.backup_now()

    def backup_now(self) -> threading.Thread | None:
        store = self.ctx.store
        if store is None or str(store.path) == ":memory:":
            return None
        path, passphrase, keep = store.path, store.passphrase, self.keep

        def run() -> None:
            try:
                self.made.append(str(backup_file(path, passphrase, keep)))
            except (BackupError, OSError, *DB_ERRORS) as exc:   # a backup that fails never stops the work
                self.last_error = str(exc)

        thread = threading.Thread(target=run, name="backup", daemon=False)
        self.threads = [t for t in self.threads if t.is_alive()] + [thread]
        thread.start()
        return thread

    def wait(self, timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        for t in list(self.threads):
            t.join(max(0.0, end - time.monotonic()))
