"""Another process commits; how long until the page on screen shows it, and what the watching costs idle.

Prints: commit (in another process) -> check-in page repainted with the new row, median and max over
`--rounds` check-ins; idle CPU of the window over `--idle` seconds (time.process_time / wall time, % of one
core) with the outside-change polling on, and the same idle with the polling off (the peer figure: what the
window costs anyway).

    .venv/bin/python bench/bench_outside_change.py [--members 1000] [--rounds 20] [--idle 30]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _qt import filled_context, paint_counter  # noqa: E402

OTHER = r"""
import sys, time
from facilitator_app.core.store import Store
from facilitator_app.core.attendance import checkin as A
s = Store(sys.argv[1])
for line in sys.stdin:
    session, member = line.split()
    A.check_in(s, session, member_id=member)
    print(time.time(), flush=True)   # right after the commit
"""


def spin(app, seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def idle_cpu(app, seconds: float) -> float:
    t0, c0 = time.monotonic(), time.process_time()
    spin(app, seconds)
    return 100 * (time.process_time() - c0) / (time.monotonic() - t0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--idle", type=float, default=30.0)
    args = ap.parse_args()

    app, store, ctx, _tmp = filled_context(args.members)
    from facilitator_app.core.plenaries import plenaries as P
    from facilitator_app.gui.attendance.checkin_page import CheckInPage
    from facilitator_app.gui.collector import install

    install(app)
    pid = P.create_plenary(store, 1, date.today().isoformat(), "BASE Milano")
    session = P.sessions_of(store, pid)[0]["id"]
    members = [r["id"] for r in store.query("SELECT id FROM members ORDER BY surname LIMIT ?", (args.rounds,))]
    page = CheckInPage(ctx, now="09:30")
    page.resize(1280, 720)
    page.show()
    page.picker.select(pid, session)
    spin(app, 0.5)
    counter = paint_counter(page.table.viewport())

    other = subprocess.Popen([sys.executable, "-c", OTHER, str(store.path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    latencies = []
    for mid in members:
        page.search.setText(store.get("members", mid)["badge_code"])  # only that row on screen: it must repaint
        spin(app, 0.05)
        painted = counter.paints
        other.stdin.write(f"{session} {mid}\n")
        other.stdin.flush()
        committed = float(other.stdout.readline())
        while page.model.attendance(mid) is None or counter.paints == painted:
            app.processEvents()
            time.sleep(0.001)
            if time.time() - committed > 5:
                raise SystemExit(f"the page never showed the other process's check-in (row known: "
                                 f"{page.model.attendance(mid) is not None}, paints: {counter.paints - painted})")
        latencies.append(time.time() - committed)
        spin(app, 0.1 + (hash(mid) % 400) / 1000)  # commits land at any moment of the polling period
    other.stdin.close()
    other.wait()
    ms = [x * 1000 for x in latencies]
    print(f"other process's commit -> check-in page repainted ({args.members} members, {len(ms)} commits): "
          f"median {statistics.median(ms):.0f} ms, max {max(ms):.0f} ms (polling every {ctx.poll_timer.interval()} ms)")

    page.search.clear()
    spin(app, 1.0)
    on = idle_cpu(app, args.idle)
    ctx.poll_timer.stop()
    off = idle_cpu(app, args.idle)
    print(f"idle CPU over {args.idle:.0f} s, window shown: {on:.2f}% of one core with the polling, "
          f"{off:.2f}% without it (peer)")


if __name__ == "__main__":
    main()
