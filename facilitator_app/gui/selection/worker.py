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
_RUNNING: set[QRunnable] = set()


def start(job: QRunnable) -> None:
    _RUNNING.difference_update([j for j in _RUNNING if j.done.is_set()])
    _RUNNING.add(job)
    QThreadPool.globalInstance().start(job)


class _CheckSignals(QObject):
    finished = Signal(int, object)     # generation, Feasibility (or the exception)


class CheckJob(QRunnable):
    """The live feasibility check off the GUI thread (the first one imports the sortition library, ~1.4 s).

    Its inputs are plain data taken on the GUI thread (the engine needs no store); each job carries the
    page's generation number and the page drops any result that is not the latest's.
    """

    def __init__(self, generation: int, pool, quotas, fixed):
        super().__init__()
        self.setAutoDelete(False)
        self.generation, self.pool, self.quotas, self.fixed = generation, pool, quotas, fixed
        self.signals = _CheckSignals()
        self.done = threading.Event()

    def run(self) -> None:
        from facilitator_app.core.selection.engine import check

        try:
            result = check(self.pool, self.quotas, self.fixed)
        except Exception as exc:  # shown on the page in words, never a crash of the worker thread
            if not hasattr(exc, "code"):
                traceback.print_exc()
            result = exc
        self.signals.finished.emit(self.generation, result)
        self.done.set()


class _Prefetch(QRunnable):
    def __init__(self):
        super().__init__()
        self.setAutoDelete(False)
        self.done = threading.Event()

    def run(self) -> None:
        try:
            from facilitator_app.core.selection.library import load

            load()   # what the check needs, under the library's import lock
        except Exception:  # the check itself will say what is wrong
            pass
        finally:
            self.done.set()


def prefetch_library() -> None:
    """Import the sortition library on the thread pool when the page opens, not while quotas are being typed."""
    import sys

    if "sortition_algorithms.committee_generation.common" not in sys.modules:
        start(_Prefetch())
