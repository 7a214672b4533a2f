"""The cycle collector runs in the GUI thread only: a Qt object freed from a worker thread keeps its timers
registered, and the next timer event lands on freed memory (the intermittent SIGSEGV of long sessions)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QLineEdit, QWidget

from facilitator_app.gui import collector
from facilitator_app.gui.minutes.export import ExportJob


class _Orphan(QWidget):
    """A widget in a reference cycle (as a lambda slot capturing its page makes one), with live timers."""

    def __init__(self):
        super().__init__()
        self.me = self
        self.ticks = 0
        self.timer = QTimer(self, interval=5, timeout=self._tick)
        self.timer.start()
        self.field = QLineEdit(self)
        self.field.installEventFilter(self)

    def _tick(self):
        self.ticks += 1


def test_the_app_collects_cycles_in_the_gui_thread_only(qapp):
    installed = collector.install(qapp)
    assert collector.install(qapp) is installed  # one per application
    assert not gc.isenabled()


def test_an_export_in_a_worker_never_frees_gui_objects(demo_store, qapp, qtbot, tmp_path):
    threads: list[str] = []

    def watch(phase, _info):
        if phase == "start":
            threads.append(threading.current_thread().name)

    orphans = []
    for _ in range(20):
        o = _Orphan()
        orphans.append(weakref.ref(o))
        del o
    qtbot.wait(20)
    plenary = demo_store.query("SELECT id FROM plenaries ORDER BY number LIMIT 1")[0]["id"]
    gc.callbacks.append(watch)
    try:
        # An export allocates hundreds of thousands of objects: with automatic collection it collected
        # the orphans above in the worker thread.
        job = ExportJob(demo_store.path, demo_store.device, "verbale", plenary, False,
                        {"pdf": tmp_path / "v.pdf", "xlsx": tmp_path / "v.xlsx"})
        done = []
        job.signals.finished.connect(lambda r: done.append(r))
        QThreadPool.globalInstance().start(job)
        qtbot.waitUntil(lambda: job.done.is_set(), timeout=60_000)
        qtbot.waitUntil(lambda: bool(done), timeout=5000)
        assert (tmp_path / "v.pdf").exists()
        # ... and the GUI thread frees them by itself, soon.
        qtbot.waitUntil(lambda: all(r() is None for r in orphans), timeout=5000)
        qtbot.wait(30)  # timer events would now reach any object freed wrongly
    finally:
        gc.callbacks.remove(watch)
    main = threading.main_thread().name
    assert threads and set(threads) == {main}


class _Node:
    pass


def test_collection_follows_the_interpreter_thresholds(qapp, qtbot):
    c = collector.install(qapp)
    before = sum(c.collections)
    nodes = [_Node() for _ in range(c.thresholds[0] * 3)]
    for n in nodes:
        n.me = n  # cycles only a collection can free
    refs = [weakref.ref(n) for n in nodes[::100]]
    del nodes, n
    qtbot.waitUntil(lambda: all(r() is None for r in refs), timeout=3000)
    assert sum(c.collections) > before
