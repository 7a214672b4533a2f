"""Screenshots for the README, taken from the real window on the demo assembly.

    QT_QPA_PLATFORM=offscreen python packaging/screenshot.py [OUT_DIR]

Writes one PNG per page of the main window (default OUT_DIR: docs/).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    os.environ.setdefault("FACILITATOR_APP_HOME", str(tmp / "home"))
    from PySide6.QtCore import QSettings

    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.store import Store
    from facilitator_app.demo.build import build_demo
    from facilitator_app.gui.app import StoreOpener, make_app

    app = make_app(lang="it")
    db = tmp / "assemblea-demo.sqlite"
    store = Store(db, Device("screenshot", "Laptop segreteria"))
    build_demo(store)
    store.close()
    from facilitator_app.gui.context import AppContext
    from facilitator_app.gui.main_window import MainWindow

    opener = StoreOpener()
    ctx = AppContext(opener(db), QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(ctx, opener)
    window.resize(1280, 720)  # the small laptop at the venue
    window.show()
    for key in window.pages:
        window.show_page(key)
        spin(200)
        path = out / f"screenshot-{key}.png"
        window.grab().save(str(path))
        print(path)
    shoot_entrance(app, window, out)
    shoot_projector(app, window, out)
    return 0


def spin(ms: int) -> None:
    """Run the event loop for a while, as a person waiting would (timers, deferred deletions)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot_entrance(app, window, out: Path) -> None:
    """The entrance after Enter on a surname two people share the first letters of."""
    from collections import Counter

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    page = window.show_page("checkin")
    names = Counter(page.model.attendee(r).surname[:4] for r in range(page.model.rowCount()))
    prefix = next((p for p, n in names.most_common() if n == 2), names.most_common(1)[0][0])
    page.search.setText(prefix)
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    app.processEvents()
    window.grab().save(str(out / "screenshot-checkin-two-matches.png"))
    print(out / "screenshot-checkin-two-matches.png")
    page.search.clear()


def shoot_projector(app, window, out: Path) -> None:
    """The projector window at 1280x720 (a common projector): the wall, the recommendations, where to go."""
    from facilitator_app.gui.notes.projector_views import show_recommendations, show_wall
    from facilitator_app.gui.projector import projector_window

    ctx = window.ctx
    store = ctx.store
    wall = window.pages["wall"]
    group = store.query("SELECT group_id, count(*) n FROM notes WHERE deleted = 0 AND group_id IN "
                        "(SELECT id FROM groups WHERE plenary_id = ?) GROUP BY group_id ORDER BY n DESC LIMIT 1",
                        (wall.plenary_box.currentData(),))
    shots = []
    if group:
        shots.append(("wall", lambda: show_wall(ctx, wall.plenary_box.currentData(), group[0]["group_id"])))
    recs = window.pages["recommendations"]
    if recs.plenary_box.currentData():
        shots.append(("recommendations", lambda: show_recommendations(ctx, recs.plenary_box.currentData())))
    shots.append(("where", lambda: window.pages["groups"].show_on_projector()))
    for name, show in shots:
        show()
        win = projector_window(ctx)
        win.showNormal()
        win.resize(1280, 720)
        spin(400)  # the view refits once its size is final; the previous view is deleted
        path = out / f"projector-{name}.png"
        win.grab().save(str(path))
        print(path)


if __name__ == "__main__":
    raise SystemExit(main())
