"""Screenshots of what a new user sees: the welcome screen, an empty assembly's pages, the guide.

    QT_QPA_PLATFORM=offscreen python packaging/screenshot_first_run.py [OUT_DIR]

Writes screenshot-welcome.png, screenshot-empty-<page>.png and screenshot-guide.png (default
OUT_DIR: docs/), in Italian, from the real widgets.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EMPTY_PAGES = ("members", "plenaries", "checkin", "wall")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    os.environ["FACILITATOR_APP_HOME"] = str(tmp / "home")
    from PySide6.QtCore import QSettings

    from facilitator_app.gui.app import StoreOpener, make_app

    app = make_app(lang="it")
    from facilitator_app.gui.context import AppContext
    from facilitator_app.gui.help import GuideDialog
    from facilitator_app.gui.main_window import MainWindow
    from facilitator_app.gui.recent import RecentFiles
    from facilitator_app.gui.launcher import Launcher

    settings = QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)
    recent = RecentFiles(settings)
    from facilitator_app.core.store.store import Store

    older = tmp / "Documenti" / "assemblea-ciclo-2024.sqlite"
    Store(older).close()
    recent.add(older)
    gone = tmp / "chiavetta" / "assemblea-2025.sqlite"  # the last one, on a USB stick not plugged in
    recent.add(gone)
    launcher = Launcher(settings, StoreOpener())
    launcher.start(None)  # as at a real start: the welcome screen says the last file is missing
    welcome = launcher.welcome
    welcome.show()
    app.processEvents()
    shots = [(welcome, "screenshot-welcome.png")]
    welcome.grab().save(str(out / shots[0][1]))

    opener = StoreOpener()
    ctx = AppContext(opener(tmp / "assemblea-2025.sqlite", create=True), settings)
    window = MainWindow(ctx, opener)
    window.resize(1280, 720)
    window.show()
    for key in EMPTY_PAGES:
        window.show_page(key)
        app.processEvents()
        window.grab().save(str(out / f"screenshot-empty-{key}.png"))
    guide = GuideDialog("checkin", window)
    guide.resize(1100, 720)
    guide.show()
    app.processEvents()
    guide.grab().save(str(out / "screenshot-guide.png"))
    for name in ["screenshot-welcome.png", *(f"screenshot-empty-{k}.png" for k in EMPTY_PAGES), "screenshot-guide.png"]:
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
