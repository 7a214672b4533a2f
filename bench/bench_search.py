"""Member search over 10,000 members: keystroke to updated view (target: under 16 ms).

    python bench/bench_search.py

Types queries into the real members page (offscreen) and times each keystroke
from the text change until the event loop has repainted the table once (a
filter on the viewport counts the paints, so a keystroke that did not repaint
would be reported).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _people import fill  # noqa: E402


def main(n: int = 10_000) -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["FACILITATOR_APP_HOME"] = str(tmp / "home")
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from facilitator_app.core.device import Device
    from facilitator_app.core.store import Store
    from facilitator_app.gui.context import AppContext
    from facilitator_app.gui.members.page import MembersPage

    app = QApplication.instance() or QApplication([])
    store = Store(tmp / "bench.sqlite", Device("bench", "bench"))
    fill(store, n)
    ctx = AppContext(store, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    page = MembersPage(ctx)
    page.resize(1200, 800)
    page.show()
    app.processEvents()

    class PaintCounter(QObject):
        paints = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                PaintCounter.paints += 1
            return False

    counter = PaintCounter()
    page.table.viewport().installEventFilter(counter)
    times = []
    unpainted = 0
    for query in ("r", "ro", "ros", "ross", "rossi", "rossi g", "", "n", "ng", "ngu", "", "k", "ko", "kow", "",
                  "d'a", "m", "ma", "mar", "marc", "marco", ""):
        before = PaintCounter.paints
        start = time.perf_counter()
        page.search.setText(query)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        unpainted += PaintCounter.paints == before
    print(f"member search over {n:,} members: keystroke to repainted view "
          f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms ({len(times)} keystrokes, "
          f"{unpainted} without a repaint)")


if __name__ == "__main__":
    main()
