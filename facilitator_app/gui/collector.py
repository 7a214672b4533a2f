"""Python's cycle collector runs in the GUI thread only.

Why: CPython runs its cyclic garbage collector in whichever thread happens to
allocate when a generation's threshold is crossed. An export on the thread pool
allocates a lot (reportlab, openpyxl), so collections ran in the worker thread
and freed whatever Qt objects sat in unreachable reference cycles there: a page
or dialog a test or the person had let go of, with its QTimers and event
filters. Qt cannot unregister timers from another thread ("QObject::~QObject:
Timers cannot be stopped from another thread"), so the GUI thread later
delivered a timer event to freed memory and the process died with SIGSEGV.

So automatic collection is switched off and this object collects on a timer
in the GUI thread, with the interpreter's own thresholds: the same work, only
never in a worker. Plain reference counting (most objects) is unaffected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    def __init__(self, app: QCoreApplication, interval_ms: int = INTERVAL_MS):
        super().__init__(app)
        self.thresholds = gc.get_threshold()
        self.collections = [0, 0, 0]  # by generation, for tests and curiosity
        self._timer = QTimer(self, interval=interval_ms, timeout=self.check)
        gc.disable()
        self._timer.start()

    def check(self) -> None:
        """Collect the oldest generation whose count is over its threshold, as the interpreter would."""
        counts = gc.get_count()
        if counts[0] <= self.thresholds[0]:
            return
        generation = 0
        for gen in (1, 2):
            if counts[gen] > self.thresholds[gen]:
                generation = gen
        self.collect(generation)

    def collect(self, generation: int = 2) -> int:
        assert QThread.currentThread() is QCoreApplication.instance().thread()
        self.collections[generation] += 1
        return gc.collect(generation)

    def stop(self) -> None:
        """Back to the interpreter's own collection (e.g. when the application ends)."""
        self._timer.stop()
        gc.enable()


def install(app: QCoreApplication) -> MainThreadCollector:
    """Once per application; later calls return the collector already installed."""
    existing = app.findChild(MainThreadCollector)
    return existing if existing is not None else MainThreadCollector(app)
