"""Cold start to the painted main window on the demo assembly (target: under 1.5 s).

    python bench/bench_startup.py

Builds the demo into a temp file, then starts a fresh Python process per run
that opens the window (offscreen) and reports when the first paint of the
main window is done; the time is measured by this process, from spawning the
child to that report, so interpreter start and all imports count.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from facilitator_app.gui.app import make_app, StoreOpener
app = make_app()
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.main_window import MainWindow
opener = StoreOpener()
store = opener(Path(sys.argv[1]))
window = MainWindow(AppContext(store), opener)

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
            obj.removeEventFilter(self)
        return False

window.installEventFilter(Painted(window))
window.show()
app.exec()
"""


def main(runs: int = 5) -> None:
    tmp = Path(tempfile.mkdtemp())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FACILITATOR_APP_HOME": str(tmp / "home")}
    db = tmp / "demo.sqlite"
    subprocess.run([sys.executable, "-m", "facilitator_app", "demo", "--db", str(db)], env=env, check=True,
                   capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", CHILD, str(db)], env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if "painted" not in out.stdout:
            raise SystemExit(f"the window did not paint:\n{out.stderr}")
        times.append(elapsed)
    print(f"cold start to painted main window (demo assembly): median {statistics.median(times):.2f} s, "
          f"max {max(times):.2f} s over {runs} runs")


if __name__ == "__main__":
    main()
