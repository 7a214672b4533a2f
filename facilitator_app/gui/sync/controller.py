"""Runs the sync worker for the open assembly file and brings what it imports to the pages.

Imported changes are announced through `ctx` exactly like the window's own commits, so the
check-in counter, the dashboard and the projector refresh what changed. A local commit
wakes the worker, so a check-in reaches the folder within about a second.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from facilitator_app.core.store.store import Changes
from facilitator_app.core.sync.loop import get_folder, set_folder
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.sync.worker import SyncThread


SWITCH_INTERVAL = 0.001


class SyncController(QObject):
    status_changed = Signal(object)     # StepReport, an Exception (file not opened) or None (off)

    def __init__(self, ctx: AppContext, parent: QObject | None = None, **options):
        super().__init__(parent)
        self.ctx = ctx
        self.options = options
        self.thread: SyncThread | None = None
        self.last: object = None
        self._forwarding = False
        self._pending: Changes | None = None
        ctx.store_replaced.connect(self.restart)
        ctx.changed.connect(self._local_changes)
        self.restart()

    @property
    def folder(self) -> Path | None:
        return get_folder(self.ctx.store)

    def restart(self) -> None:
        """(Re)start for the open file; nothing runs while no folder is chosen."""
        self.stop()
        store = self.ctx.store
        if store is None or str(store.path) == ":memory:" or self.folder is None:
            self._report(None)
            return
        # The worker's Python work (reading, merging) shares the interpreter with the window: hand
        # it back every millisecond instead of every 5 (bench_sync --gui: fewer stalls over 16 ms).
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
        self.thread = SyncThread(store.path, store.device, self, paused=self.ctx.outside_paused, **self.options)
        self.thread.stepped.connect(self._report)
        self.thread.imported.connect(self._imported)
        self.thread.start()

    def choose_folder(self, folder: str | Path | None) -> Path | None:
        """This laptop's sync folder (None: stop); CoreError if it cannot be used."""
        path = set_folder(self.ctx.store, folder)
        self.restart()
        return path

    def stop(self) -> None:
        if self.thread is not None:
            self.thread.stop()
            self.thread.deleteLater()
            self.thread = None
        self._pending = None
        self.ctx.outside_paused.clear()

    def _report(self, report: object) -> None:
        """After each step: what it merged goes to the views (with the watcher told that the
        worker's other commits were its bookkeeping), then the watcher polls again."""
        if self.thread is not None:
            changes, self._pending = self._pending, None
            store = self.ctx.store
            if changes:
                # Later local edits must win over what was merged: this connection's clock moves past it.
                top = store.scalar("SELECT max(hlc) FROM changes")
                if top:
                    store.clock.observe(top)
            self._forwarding = True
            try:
                self.ctx.external_changes(changes)
            finally:
                self._forwarding = False
                self.ctx.outside_paused.clear()
        self.last = report
        self.status_changed.emit(report)

    def _imported(self, changes: Changes) -> None:
        self._pending = changes     # delivered with the step's report, right after

    def _local_changes(self, _changes: Changes) -> None:
        if not self._forwarding and self.thread is not None:
            self.thread.wake()
