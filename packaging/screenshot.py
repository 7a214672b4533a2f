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
    window.resize(1360, 820)
    window.show()
    for key in window.pages:
        window.show_page(key)
        app.processEvents()
        path = out / f"screenshot-{key}.png"
        window.grab().save(str(path))
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
