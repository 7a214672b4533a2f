"""Check-in speed: the entrance must be faster than the queue.

    python bench/bench_checkin.py

1. Keystroke to narrowed list on the check-in page over 10,000 people (target < 16 ms):
   setText + processEvents, a paint counter on the list's viewport proves it repainted.
2. A scanned badge: Enter to committed check-in and banner on screen.
3. Median check-in commit, core function on a file-backed store (WAL, synchronous=FULL; target < 10 ms).
4. Badges for the 90 members of a demo plenary + its sign-in sheets (target < 2 s together).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _qt import filled_context, time_keystrokes  # noqa: E402


def main(n: int = 10_000) -> None:
    app, store, ctx, tmp = filled_context(n)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from facilitator_app.core.attendance import checkin as A
    from facilitator_app.core.plenaries.plenaries import create_plenary, get_plenary, sessions_of
    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.store import Store
    from facilitator_app.demo.build import build_demo
    from facilitator_app.exporters.badges import write_badges
    from facilitator_app.exporters.signin import write_signin
    from facilitator_app.gui.attendance.checkin_page import CheckInPage

    pid = create_plenary(store, 1, "2024-05-11", "Parco Nord")
    morning = sessions_of(store, pid)[0]["id"]
    page = CheckInPage(ctx, now="09:35")
    page.resize(1280, 760)
    page.show()
    app.processEvents()
    times, unpainted = time_keystrokes(app, page.search, page.table.viewport())
    print(f"check-in search over {len(page.model._order):,} people: keystroke to repainted list "
          f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms ({len(times)} keystrokes, "
          f"{unpainted} without a repaint)")

    badges = [r[0] for r in store.conn.execute("SELECT badge_code FROM members LIMIT 40")]
    scans = []
    for code in badges:
        page.search.clear()
        app.processEvents()
        QTest.keyClicks(page.search, code)  # the scanner types the code...
        start = time.perf_counter()
        QTest.keyClick(page.search, Qt.Key.Key_Return)  # ...and Enter
        app.processEvents()
        scans.append((time.perf_counter() - start) * 1000)
        assert page.banner.kind == "ok", page.banner.text()
    print(f"scanned badge: Enter to committed check-in and green banner, median {statistics.median(scans):.1f} ms, "
          f"max {max(scans):.1f} ms ({len(scans)} scans, file-backed store)")

    # The core alone: its own connection to the same file, no window listening.
    core = Store(tmp / "bench.sqlite", Device("bench-core", "bench core"))
    ids = [r[0] for r in core.conn.execute("SELECT id FROM members LIMIT 300 OFFSET 100")]
    commits = []
    for member_id in ids:
        start = time.perf_counter()
        A.check_in(core, morning, member_id=member_id)
        commits.append((time.perf_counter() - start) * 1000)
    print(f"check-in commit (core, WAL + synchronous=FULL): median {statistics.median(commits):.2f} ms, "
          f"p95 {sorted(commits)[int(len(commits) * 0.95)]:.2f} ms ({len(commits)} check-ins)")

    demo = Store(tmp / "demo.sqlite", Device("bench-demo", "bench"))
    build_demo(demo)
    plenary = get_plenary(demo, 6)
    start = time.perf_counter()
    pages_b = write_badges(demo, plenary["id"], tmp / "badges.pdf")
    mid = time.perf_counter()
    pages_s = write_signin(demo, plenary["id"], tmp / "firme.pdf")
    end = time.perf_counter()
    members = len(A.roster(demo, plenary["id"]))
    print(f"printables for plenary 6 ({members} people): badges {mid - start:.2f} s ({pages_b} pages) + "
          f"sign-in sheets for both sessions {end - mid:.2f} s ({pages_s} pages) = {end - start:.2f} s")


if __name__ == "__main__":
    main()
