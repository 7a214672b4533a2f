"""What the GUI benchmarks share: a window-less app over a file of n synthetic members, keystroke timing."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

from _people import fill

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Typed one character at a time, with clears in between: names common, rare and non-Latin.
QUERIES = ("r", "ro", "ros", "ross", "rossi", "rossi g", "", "n", "ng", "ngu", "", "k", "ko", "kow", "",
           "d'a", "m", "ma", "mar", "marc", "marco", "")


def filled_context(n: int) -> tuple[Any, Any, Any, Path]:
    """(QApplication, Store of n members in a temporary folder, AppContext on it, the folder)."""
    tmp = Path(tempfile.mkdtemp())
    os.environ["FACILITATOR_APP_HOME"] = str(tmp / "home")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.store import Store
    from facilitator_app.gui.context import AppContext

    app = QApplication.instance() or QApplication([])
    store = Store(tmp / "bench.sqlite", Device("bench", "bench"))
    fill(store, n)
    return app, store, AppContext(store, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)), tmp


def paint_counter(viewport: Any) -> Any:
    """Install a filter on `viewport` counting its paints; returns the counter (its class
    attribute `paints` grows), which the caller keeps alive while counting."""
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        paints = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                PaintCounter.paints += 1
            return False

    counter = PaintCounter(viewport)  # parented: lives as long as the viewport
    viewport.installEventFilter(counter)
    return counter


def time_keystrokes(app: Any, search: Any, viewport: Any,
                    queries: tuple[str, ...] = QUERIES) -> tuple[list[float], int]:
    """Milliseconds from each query's setText until the event loop has run, and how many did not repaint
    `viewport` (a keystroke that left the view unpainted would look fast for the wrong reason)."""
    PaintCounter = paint_counter(viewport)  # the counter; .paints counts
    times, unpainted = [], 0
    for query in queries:
        before = PaintCounter.paints
        start = time.perf_counter()
        search.setText(query)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        unpainted += PaintCounter.paints == before
    viewport.removeEventFilter(PaintCounter)
    return times, unpainted
