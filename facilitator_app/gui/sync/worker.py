"""The sync loop in a background thread, on its own connection to the assembly file.

The window's connection and the worker's are two connections to one SQLite file (WAL:
readers never wait; a write waits for the other's transaction, which the loop keeps short,
one merge at a time). The worker lives in the window's process, which holds the file's
lock (core/store/lock.py), so it is never refused by it. After each step it says what the
step found (`stepped`) and, when packages from other laptops were merged, what they changed
(`imported`: a `Changes`, as the store reports its own commits).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Changes, Store
from facilitator_app.core.sync.loop import DEFAULT_INTERVAL, MIN_GAP, StepReport, SyncLoop

log = logging.getLogger(__name__)


class SyncWorker(QObject):
    stepped = Signal(object)      # StepReport
    imported = Signal(object)     # Changes merged from the folder

    def __init__(self, path: Path, device: Device, interval: float = DEFAULT_INTERVAL,
                 paused: threading.Event | None = None, **loop_options):
        super().__init__()
        self.paused = paused    # set while stepping: the window's watcher waits for our report
        self.path, self.device = path, Device(device.id, device.name)
        self.interval = interval
        self.loop_options = loop_options
        self.store: Store | None = None
        self.loop: SyncLoop | None = None
        self.timer: QTimer | None = None
        self._changes = Changes()
        self._busy = False

    @Slot()
    def start(self) -> None:
        """Runs in the worker's thread: open the file there, step now and every `interval`."""
        try:
            self.store = Store(self.path, self.device, create=False)
        except Exception as exc:   # noqa: BLE001 - the window keeps working without sync
            log.exception("sync worker cannot open %s", self.path)
            self.stepped.emit(exc)
            return
        self.store.subscribe(self._collect)
        self.loop = SyncLoop(self.store, **self.loop_options)
        self.timer = QTimer(self)
        self.timer.setInterval(int(self.interval * 1000))
        self.timer.timeout.connect(self.step)
        self.timer.start()
        self.step()

    def _collect(self, changes: Changes) -> None:
        for table, rows in changes.rows.items():
            for r in rows:
                self._changes.add(table, r)

    @Slot()
    def wake(self) -> None:
        """Something changed here: write it soon (at most once a second)."""
        if self.timer is not None and not self._busy:
            left = self.timer.remainingTime()
            if left > MIN_GAP * 1000:
                self.timer.start(int(MIN_GAP * 1000))

    @Slot()
    def step(self) -> StepReport | None:
        if self.loop is None or self._busy:
            return None
        self._busy = True
        if self.paused is not None:
            self.paused.set()
        try:
            report = self.loop.step()
        finally:
            self._busy = False
        if self.timer is not None:
            self.timer.start(int(self.interval * 1000))
        changes, self._changes = self._changes, Changes()
        if report.arrived and changes:
            self.imported.emit(changes)
        self.stepped.emit(report)
        return report

    @Slot()
    def close(self) -> None:
        """Runs in the worker's thread: its timer must be stopped and deleted there."""
        timer, self.timer = self.timer, None
        if timer is not None:
            timer.stop()
            timer.setParent(None)
            del timer
        if self.store is not None:
            self.store.close()
            self.store = None
        self.loop = None


class SyncThread(QObject):
    """Owns the thread and its worker; started per open assembly file, stopped before it changes."""

    stepped = Signal(object)
    imported = Signal(object)
    _wake = Signal()

    def __init__(self, path: Path, device: Device, parent: QObject | None = None, **options):
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("sync")
        self.worker = SyncWorker(path, device, **options)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.start)
        self.worker.stepped.connect(self.stepped)
        self.worker.imported.connect(self.imported)
        self._wake.connect(self.worker.wake)
        # `finished` is emitted in the worker's thread as it ends: the file and the timer are
        # closed there (a queued call could be dropped when the thread's loop quits).
        self.thread.finished.connect(self.worker.close, Qt.ConnectionType.DirectConnection)

    def start(self) -> None:
        self.thread.start()

    def wake(self) -> None:
        self._wake.emit()

    def stop(self, wait_ms: int = 15_000) -> None:
        if not self.thread.isRunning():
            return
        self.thread.quit()          # after the step under way, if any
        self.thread.wait(wait_ms)
