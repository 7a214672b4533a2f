"""Opening another file: nothing of the old one stays on any page, and no handle on it stays open."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGraphicsView, QLabel, QLineEdit,
                               QPlainTextEdit, QWidget)

from facilitator_app.core.attendance import checkin as A
from facilitator_app.core.store import Store
from facilitator_app.gui import pages
from facilitator_app.gui.app import StoreOpener
from facilitator_app.gui.main_window import MainWindow
from facilitator_app.gui.minutes.page import MinutesPage


def texts_of(widget: QWidget) -> list[str]:
    """Every text a person can read on `widget`: labels, fields, combo items, every cell and header of its views."""
    out: list[str] = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QLineEdit):
            out.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        if isinstance(w, QAbstractItemView) and isinstance(w.model(), QAbstractItemModel):
            m = w.model()
            root = QModelIndex()
            cols = 1 if isinstance(m, QAbstractListModel) else m.columnCount(root)
            out += [str(m.index(r, c, root).data() or "") for r in range(m.rowCount(root)) for c in range(cols)]
    return out


def rows_in_views(widget: QWidget) -> dict[str, int]:
    out = {}
    combo_models = {id(c.model()) for c in widget.findChildren(QComboBox)}  # their items are checked as texts
    for v in widget.findChildren(QAbstractItemView):
        m = v.model()
        if m is not None and m.rowCount(QModelIndex()) and id(m) not in combo_models:
            out[v.objectName() or type(m).__name__] = m.rowCount(QModelIndex())
    return out


def handles_on(path: Path) -> list[str]:
    names = {str(path), f"{path}-wal", f"{path}-shm", f"{path}.lock"}
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target in names:
            found.append(target)
    return found


def demo_words(store: Store) -> set[str]:
    """Names, places and texts of the demo that no empty file can show."""
    words = {m["surname"] for m in store.select("members")}
    words |= {p["venue"] for p in store.select("plenaries") if p["venue"]}
    words |= {p["title"] for p in store.select("plenaries") if p["title"]}
    words |= {g["name"] for g in store.select("groups")}
    words |= {n["text"][:30] for n in store.select("notes")}
    words |= {r["title"] for r in store.select("recommendations")}
    words |= {c["name"] for c in store.select("cohorts")}
    return {w for w in words if w and len(w) >= 4}


def test_an_empty_file_shows_nothing_of_the_demo(demo_store, demo_ctx, qtbot, tmp_path):
    demo_path = demo_store.path
    empty = tmp_path / "nuova.sqlite"
    Store(empty).close()
    opener = StoreOpener()
    opened = opener(demo_path)  # the window holds the demo's lock, as at start-up
    opened.close()  # (the window works on demo_store, the fixture's connection)
    win = MainWindow(demo_ctx, opener)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    words = demo_words(demo_store)
    counts = {demo_store.scalar(f"SELECT count(*) FROM {t} WHERE deleted = 0")
              for t in ("members", "notes", "attendance", "group_members", "clusters")} | {90}
    counts = {n for n in counts if n >= 10}  # small numbers are also municipi, hours, plenary numbers
    plenary = demo_store.query("SELECT id FROM plenaries ORDER BY number DESC LIMIT 1")[0]["id"]

    # Use every page as on a plenary day, leaving something on each.
    members = win.show_page("members")
    qtbot.keyClicks(members.search, "ro")
    members.status_filter.setCurrentIndex(1)
    checkin = win.show_page("checkin")
    session = checkin.session_id
    someone = checkin.model.attendee(0)
    qtbot.keyClicks(checkin.search, someone.badge_code)
    qtbot.keyClick(checkin.search, Qt.Key.Key_Return)
    assert someone.surname in checkin.banner.text()
    qtbot.keyClicks(checkin.search, someone.surname[:3])
    checkin.buttons["missing"].click()
    wall = win.show_page("wall")
    qtbot.keyClicks(wall.capture.field, "una nota a meta")
    qtbot.keyClicks(wall.search, "bici")
    minutes: MinutesPage = win.show_page("minutes")
    minutes.select_plenary(plenary)
    minutes.editors["opening"].setFocus()
    qtbot.keyClicks(minutes.editors["opening"], "Apertura")  # still pending when the file changes
    recs = win.show_page("recommendations")
    if recs.model.rowCount():
        recs.table.selectRow(0)
    groups = win.show_page("groups")
    groups.show_on_projector()
    before = {key: texts_of(win.show_page(key)) for key, _t, _f in pages.PAGES}
    for key in ("members", "checkin", "plenaries", "wall", "attendance"):  # the scan does see the demo
        assert any(w in t for t in before[key] for w in words), key

    win.switch_to(empty)

    assert win.ctx.store.path == empty
    # The pending minutes text went into the demo file before it was closed.
    with Store(demo_path) as again:
        from facilitator_app.core.minutes import minutes as M

        assert M.sections_of(again, plenary)["opening"].endswith("Apertura")
        assert A.session_rows(again, session)[someone.id]["status"] == "present"
    assert handles_on(demo_path) == []
    assert empty.name in win.windowTitle() and demo_path.name not in win.windowTitle()
    assert not win.ctx.undo_stack.canUndo()
    from facilitator_app.gui.projector import projector_window

    assert projector_window(win.ctx).view is None and not projector_window(win.ctx).isVisible()
    for key, page in win.pages.items():
        win.show_page(key)
        qtbot.wait(5)
        shown = texts_of(page)
        leaks = sorted({w for w in words for t in shown if w in t})
        assert leaks == [], (key, leaks[:5])
        assert rows_in_views(page) == {}, key
        for t in shown:  # no count of the demo: every number on an empty file is 0 (or a time or a date)
            assert not any(str(n) in t.replace("/", " ").split() for n in counts), (key, t)
        for v in page.findChildren(QGraphicsView):
            assert v.scene() is None or not v.scene().items(), key
    assert win.pages["checkin"].banner.kind == "idle"
    assert win.pages["checkin"].search.text() == "" and not win.pages["checkin"].buttons["missing"].isChecked()
    assert win.pages["members"].model.rowCount() == 0 and win.pages["members"].search.text() == ""

    # And back: the demo shows again, whole, and the empty file is let go.
    win.switch_to(demo_path)
    assert win.pages["members"].model.rowCount() == win.ctx.store.scalar(
        "SELECT count(*) FROM members WHERE deleted = 0") > 0
    assert handles_on(empty) == []
