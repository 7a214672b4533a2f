"""Cold start to the painted main window on the demo, against a bare PySide6 window (target: ratio <= 2.0).

    python bench/bench_startup.py [RUNS] [--frozen dist/facilitator_app/facilitator_app]

Builds the demo into a temporary file, compiles the package's bytecode (as an installed or
frozen app has it), then alternates two kinds of fresh Python process, RUNS of each:
- the app: `facilitator-app --db DEMO`, through the real command line, window shown offscreen;
- the peer: a bare PySide6 window (a QMainWindow with a label) that paints and quits.
Each child prints "painted" when its window's first paint is done; the time is measured by
this process, from spawning the child to reading that line, so interpreter start and all
imports count (the teardown after it does not). Prints the best and the median of each and
their ratios. The machine is shared: run it more than once and read the best.
With --frozen EXE the app is that frozen build instead (FACILITATOR_APP_QUIT_AFTER_PAINT=1 makes
it print "painted" and quit), started with an empty environment as a facilitator's laptop would.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Reports the first paint of the main window, then quits. The app is started by its own entry point.
HOOK = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget_) and isinstance(obj.window(), QMainWindow):
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("painted", flush=True), QApplication.instance().quit()))
        return False

from PySide6.QtWidgets import QWidget as QWidget_
app = QApplication(sys.argv[:1])
painted = Painted()
app.installEventFilter(painted)
"""

APP = HOOK + r"""
from facilitator_app.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""

BARE = HOOK + r"""
from PySide6.QtWidgets import QLabel
window = QMainWindow()
window.setCentralWidget(QLabel("Assemblea"))
window.resize(1200, 760)
window.show()
sys.exit(app.exec())
"""


def time_child(code: str | None, args: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning to the child's "painted" line; `code` None runs `args` as the command."""
    command = [sys.executable, "-c", code, *args] if code is not None else args
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    _out, err = child.communicate(timeout=60)
    if "painted" not in line:
        raise SystemExit(f"the window did not paint:\n{err}")
    return elapsed


def main(runs: int = 7, frozen: str | None = None) -> None:
    tmp = Path(tempfile.mkdtemp())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FACILITATOR_APP_HOME": str(tmp / "home")}
    db = tmp / "demo.sqlite"
    subprocess.run([sys.executable, "-m", "facilitator_app", "demo", "--db", str(db)], env=env, check=True,
                   capture_output=True)
    # An installed (pip) or frozen app has its bytecode compiled; a checkout under
    # PYTHONDONTWRITEBYTECODE would compile every module at every start.
    compileall.compile_dir(str(ROOT / "facilitator_app"), quiet=1)
    if frozen:
        exe = str(Path(frozen).resolve())
        frozen_env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp / "home"), "LANG": "C.UTF-8",
                      "QT_QPA_PLATFORM": "offscreen", "FACILITATOR_APP_HOME": str(tmp / "home"),
                      "FACILITATOR_APP_QUIT_AFTER_PAINT": "1"}

        def app_run() -> float:
            return time_child(None, [exe, "--db", str(db)], frozen_env)
    else:
        def app_run() -> float:
            return time_child(APP, [str(db)], env)
    app_times, bare_times = [], []
    time_child(BARE, [], env)  # warm the disk cache for both
    app_run()
    for _ in range(runs):
        bare_times.append(time_child(BARE, [], env))
        app_times.append(app_run())
    app_best, bare_best = min(app_times), min(bare_times)
    app_med, bare_med = statistics.median(app_times), statistics.median(bare_times)
    what = f"frozen {Path(frozen).name}" if frozen else "app"
    print(f"{what} (demo assembly, painted main window): best {app_best:.3f} s, median {app_med:.3f} s over {runs} runs")
    print(f"bare PySide6 window that paints and quits: best {bare_best:.3f} s, median {bare_med:.3f} s over {runs} runs")
    print(f"ratio app / bare: best {app_best / bare_best:.2f}x, median {app_med / bare_med:.2f}x (target <= 2.0)")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="?", type=int, default=7)
    parser.add_argument("--frozen", metavar="EXE", help="time this frozen build instead of the source app")
    options = parser.parse_args()
    main(options.runs, options.frozen)
