"""Benchmark: the follow-up page over 8 cycles x 30 recommendations x 20 updates (240 x 4,800).

    python bench/bench_followup.py            # figures printed; nothing asserted
    python bench/bench_followup.py --repeat 3 # best of three passes over the keystrokes

Measures, window-less (offscreen), with the event loop run after each step so painting is included:
- opening: building the page (the board read in a few queries) and showing it;
- each keystroke in the search field (typed one character at a time, with clears), and each change
  of a filter (cycle, answer, progress, Plan action): milliseconds until the table has repainted;
- selecting another recommendation (its timeline read from the file).
Peer in the same run: the Recommendations page of one plenary opened on the same file.
Target (issue #14): opens and filters within a frame, 16 ms per keystroke.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _qt import paint_counter, time_keystrokes  # noqa: E402

QUERIES = ("a", "al", "alb", "albe", "alber", "alberi", "", "s", "sc", "scu", "scuole", "scuole q", "", "2", "20",
           "202", "2027", "2027-", "2027-R1", "", "d", "de", "del", "deli", "delibera", "")


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def line(name: str, xs: list[float]) -> str:
    med, p90, worst = statistics.median(xs), pct(xs, 0.9), max(xs)
    ok = "within" if p90 < 16 else "OVER"
    return f"{name:<34} median {med:6.2f} ms  p90 {p90:6.2f} ms  max {worst:6.2f} ms  ({ok} the 16 ms frame at p90)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from _followup_data import build
    from facilitator_app.gui.context import AppContext

    tmp = Path(tempfile.mkdtemp())
    os.environ["FACILITATOR_APP_HOME"] = str(tmp / "home")
    app = QApplication.instance() or QApplication([])
    store = build(tmp / "bench.sqlite")
    ctx = AppContext(store, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    from facilitator_app.gui.followup.page import FollowupPage
    from facilitator_app.gui.notes.recommendations import RecommendationsPage

    opens, peer_opens = [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        page = FollowupPage(ctx)
        page.resize(1400, 860)
        page.show()
        app.processEvents()
        opens.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        peer = RecommendationsPage(ctx)
        peer.resize(1400, 860)
        peer.show()
        app.processEvents()
        peer_opens.append((time.perf_counter() - t) * 1000)
        peer.close()
        peer.deleteLater()
        if _ < args.repeat - 1:
            page.close()
            page.deleteLater()
            app.processEvents()
    viewport = page.table.viewport()
    keys: list[float] = []
    unpainted = 0
    cpu0 = time.process_time()
    for _ in range(args.repeat):
        times, missed = time_keystrokes(app, page.search, viewport, QUERIES)
        keys += times
        unpainted += missed
    cpu_key = (time.process_time() - cpu0) * 1000 / len(keys)
    filters: list[float] = []
    counter = paint_counter(viewport)
    for _ in range(args.repeat):
        for box in (page.cycle, page.answer, page.progress, page.action, page.theme):
            for i in list(range(1, min(box.count(), 6))) + [0]:
                t = time.perf_counter()
                box.setCurrentIndex(i)
                app.processEvents()
                filters.append((time.perf_counter() - t) * 1000)
    selects: list[float] = []
    for i in range(0, 60, 3):
        t = time.perf_counter()
        page.table.selectRow(i)
        app.processEvents()
        selects.append((time.perf_counter() - t) * 1000)
    del counter
    rows = len(page.model.all_rows())
    updates = store.scalar("SELECT count(*) FROM rec_updates")
    print(f"follow-up page: {rows} recommendations, {updates} updates, 8 cycles; offscreen; best of "
          f"{args.repeat} opens")
    print(f"{'open (build + show + paint)':<34} best {min(opens):7.1f} ms   (peer: Recommendations page "
          f"of one plenary {min(peer_opens):.1f} ms)")
    print(line("search, per keystroke", keys) + (f"; {unpainted} did not repaint" if unpainted else ""))
    print(f"{'  CPU time per keystroke (mean)':<34} {cpu_key:6.2f} ms (what the wall figures are when the "
          "machine is not shared)")
    print(line("filter change (combo)", filters))
    print(line("select a recommendation", selects))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
