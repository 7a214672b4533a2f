"""An empty assembly explains itself: one line per page with the action to take, idle buttons disabled with why."""

from __future__ import annotations

from PySide6.QtCore import Qt

from facilitator_app.core.overview import overview
from facilitator_app.gui import pages


def _window(ctx, qtbot):
    from facilitator_app.gui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_every_page_of_an_empty_assembly_says_what_to_do_first(ctx, qtbot):
    win = _window(ctx, qtbot)
    seen = {}
    for row, (key, _t, _f) in enumerate(pages.PAGES):
        win.nav.setCurrentRow(row)
        bar = win.hint_bar
        assert bar.isVisible(), key
        assert bar.label.text() and bar.button.text() and bar.button.isEnabled(), key
        seen[key] = bar.hint.action
    assert seen["members"] == "import_roster" and seen["plenaries"] == "new_plenary"
    assert seen["wall"] == "page:groups"


def test_the_hint_button_does_the_first_thing(ctx, qtbot, monkeypatch):
    from facilitator_app.gui.members import import_wizard

    opened = []
    monkeypatch.setattr(import_wizard.ImportWizard, "exec", lambda self: opened.append(self) or 0)
    win = _window(ctx, qtbot)
    qtbot.mouseClick(win.hint_bar.button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1  # members: the import wizard
    win.show_page("wall")
    qtbot.mouseClick(win.hint_bar.button, Qt.MouseButton.LeftButton)
    assert win.current_key() == "groups"  # the wall: go where groups are formed


def test_the_hint_creates_the_first_plenary_and_then_goes_away(ctx, qtbot):
    win = _window(ctx, qtbot)
    win.show_page("minutes")
    assert win.hint_bar.hint.action == "new_plenary"
    qtbot.mouseClick(win.hint_bar.button, Qt.MouseButton.LeftButton)
    assert win.current_key() == "plenaries"
    assert overview(ctx.store).plenaries == 1
    qtbot.waitUntil(lambda: not win.hint_bar.isVisible())  # the plenaries page has what it needs now
    win.show_page("minutes")
    assert not win.hint_bar.isVisible()


def test_buttons_that_cannot_act_are_disabled_with_a_reason_until_they_can(ctx, qtbot):
    from facilitator_app.core.members import create_member

    win = _window(ctx, qtbot)
    edit = win.pages["members"].edit_button
    assert not edit.isEnabled() and "roster" in edit.toolTip()
    win.show_page("checkin")
    walk_in = win.pages["checkin"].buttons["walkin"]
    assert not walk_in.isEnabled() and walk_in.toolTip()
    create_member(ctx.store, {"surname": "Rossi", "first_name": "Anna"})
    win.show_page("members")
    qtbot.waitUntil(edit.isEnabled)
    assert edit.toolTip() == ""


def test_a_full_assembly_shows_no_hint(demo_ctx, qtbot):
    win = _window(demo_ctx, qtbot)
    for row in range(len(pages.PAGES)):
        win.nav.setCurrentRow(row)
        assert not win.hint_bar.isVisible(), pages.PAGES[row][0]
    assert win.pages["checkin"].buttons["walkin"].isEnabled()
