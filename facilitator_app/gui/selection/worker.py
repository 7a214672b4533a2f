"""The draw's computation on the thread pool: the engine needs no store, so the window stays responsive.

The page prepares the inputs (main thread), `DrawJob` computes the lottery and the draw, and the page
records the result (main thread), which `record_run` refuses if the inputs changed meanwhile.
"""

from __future__ import annotations

import threading
import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from facilitator_app.core.selection.runs import Prepared


class _Signals(QObject):
    finished = Signal(object)     # Selection
    failed = Signal(object)       # the exception


class DrawJob(QRunnable):
    def __init__(self, prep: Prepared):
        super().__init__()
        self.setAutoDelete(False)
        self.prep = prep
        self.signals = _Signals()
        self.done = threading.Event()

    def run(self) -> None:
        try:
            self.signals.finished.emit(self.prep.compute())
        except Exception as exc:  # reported on the page, never a crash of the worker thread
            if not hasattr(exc, "code"):
                traceback.print_exc()
            self.signals.failed.emit(exc)
        finally:
            self.done.set()


# Jobs still running stay referenced here (a collected QRunnable mid-run would crash the process).
_RUNNING: set[DrawJob] = set()


def start(job: DrawJob) -> None:
    _RUNNING.difference_update([j for j in _RUNNING if j.done.is_set()])
    _RUNNING.add(job)
    QThreadPool.globalInstance().start(job)
