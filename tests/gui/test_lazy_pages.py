"""The window starts with its first page only; the others are built when first shown."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt

from facilitator_app.gui import pages


def _window(ctx, qtbot):
    from facilitator_app.gui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def test_only_the_first_page_is_built_at_start(demo_ctx, qtbot):
    win = _window(demo_ctx, qtbot)
    assert win.stack.built() == ["members"]
    assert win.stack.currentWidget() is win.pages["members"]
    assert win.stack.built() == ["members"]  # asking for the shown page builds nothing more


def test_a_page_is_built_on_its_first_visit_and_kept(demo_ctx, qtbot):
    win = _window(demo_ctx, qtbot)
    qtbot.keyClick(win.focusWidget() or win, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # Attendance history
    assert win.stack.built() == ["members", "attendance_history"]
    history = win.stack.currentWidget()
    assert history is win.pages["attendance_history"] and history.isVisible()
    assert win.nav.currentRow() == 4
    qtbot.keyClick(win.focusWidget() or win, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win.focusWidget() or win, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert win.stack.currentWidget() is history  # the same page, not built twice
    assert win.stack.count() == len(pages.PAGES)


def test_a_page_never_opened_is_never_built_even_when_data_changes(demo_ctx, qtbot):
    from facilitator_app.core.members import list_members, update_member

    win = _window(demo_ctx, qtbot)
    member = list_members(demo_ctx.store)[0]
    update_member(demo_ctx.store, member["id"], {"phone": "+39 02 1234567"})
    assert win.stack.built() == ["members"]


def test_every_page_can_be_reached_and_shows_in_order(demo_ctx, qtbot):
    win = _window(demo_ctx, qtbot)
    for row, (key, _t, _f) in enumerate(pages.PAGES):
        win.nav.setCurrentRow(row)
        assert win.stack.currentIndex() == row
        assert win.stack.currentWidget() is win.pages[key]
    assert win.stack.built() == [k for k, _t, _f in pages.PAGES]
    assert list(win.pages) == [k for k, _t, _f in pages.PAGES] and "nothing" not in win.pages


def test_the_members_import_button_still_opens_the_wizard(demo_ctx, qtbot, monkeypatch):
    from facilitator_app.gui.members import import_wizard

    opened = []
    monkeypatch.setattr(import_wizard.ImportWizard, "exec", lambda self: opened.append(self) or 0)
    win = _window(demo_ctx, qtbot)
    qtbot.mouseClick(win.pages["members"].import_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1


def test_the_window_does_not_import_the_pages_it_has_not_built(demo_ctx, qtbot):
    # Run in a fresh interpreter: this process may already have imported every page.
    import subprocess

    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
            "from facilitator_app.core.store import Store; from facilitator_app.gui.context import AppContext;"
            "from facilitator_app.gui.main_window import MainWindow;"
            f"w = MainWindow(AppContext(Store({str(demo_ctx.store.path)!r}))); w.show(); app.processEvents();"
            "print(sorted(m for m in sys.modules if m.startswith(('facilitator_app.gui.attendance',"
            "'facilitator_app.gui.groups', 'facilitator_app.gui.notes', 'facilitator_app.gui.minutes',"
            "'reportlab', 'openpyxl', 'sqlite_utils', 'facilitator_app.core.groups.engine'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
