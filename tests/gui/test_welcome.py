"""First run: the welcome screen, the demo, new and recent files; a missing file is reported, never recreated."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from facilitator_app.gui.app import StoreOpener
from facilitator_app.gui.recent import RecentFiles, with_suffix
from facilitator_app.gui.launcher import Launcher
from facilitator_app.gui.welcome import WelcomeWindow, demo_path


@pytest.fixture
def settings(tmp_path, qapp):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    return shown


@pytest.fixture
def launcher(settings, qtbot):
    made = Launcher(settings, StoreOpener())
    yield made
    for w in (made.window, made.welcome):
        if w is not None:
            w.close()
    if made.window is not None:
        made.window.ctx.store.close()
        made.opener.lock.release()


def test_first_run_shows_the_welcome_screen_and_creates_no_file(launcher, app_home, qtbot):
    assert launcher.start(None)
    assert launcher.window is None and isinstance(launcher.welcome, WelcomeWindow)
    qtbot.waitExposed(launcher.welcome)
    assert not launcher.welcome.recent_list.isVisible()  # nothing recent yet: no empty list
    assert not list(app_home.rglob("*.sqlite"))


def test_try_the_demo_builds_it_and_opens_the_window(launcher, qtbot):
    launcher.start(None)
    welcome = launcher.welcome
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    assert not welcome.demo_button.isEnabled()  # a second click cannot start a second build
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=120_000)
    assert launcher.welcome is None
    store = launcher.window.ctx.store
    assert store.path == demo_path() and store.scalar("SELECT count(*) FROM plenaries") == 9  # the 2024 cycle and the 2023 cycle's vote
    assert RecentFiles(launcher.settings).last() == demo_path()
    assert not Path(f"{demo_path()}.part").exists()


def test_new_assembly_adds_the_extension_and_is_remembered_absolute(launcher, qtbot, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("ciclo 2025", ""))
    launcher.start(None)
    qtbot.mouseClick(launcher.welcome.new_button, Qt.MouseButton.LeftButton)
    assert launcher.window is not None
    made = tmp_path / "ciclo 2025.sqlite"
    assert made.exists() and launcher.window.ctx.store.path == made
    assert RecentFiles(launcher.settings).paths() == [made]


def test_the_last_file_opens_directly_next_time(launcher, settings, store, qtbot):
    RecentFiles(settings).add(store.path)
    store.close()
    assert launcher.start(None)
    assert launcher.welcome is None and launcher.window.ctx.store.path == store.path


def test_a_missing_last_file_is_reported_on_the_welcome_screen_and_not_recreated(launcher, settings, tmp_path,
                                                                                 qtbot):
    gone = tmp_path / "usb" / "assemblea.sqlite"
    RecentFiles(settings).add(gone)
    assert launcher.start(None)
    assert launcher.window is None
    notice = launcher.welcome.notice
    assert notice.isVisibleTo(launcher.welcome) and "assemblea.sqlite" in notice.text()
    assert not gone.exists() and not gone.parent.exists()
    assert RecentFiles(settings).last() is None  # not offered again as "last"


def test_a_missing_recent_file_chosen_from_the_list_is_reported_and_dropped(launcher, settings, store, tmp_path,
                                                                            warnings, qtbot):
    gone = tmp_path / "spostato.sqlite"
    recent = RecentFiles(settings)
    recent.add(gone)
    recent.add(store.path)
    store.path.rename(tmp_path / "altrove.sqlite")  # the last one is gone too: the welcome screen shows
    store.close()
    launcher.start(None)
    welcome = launcher.welcome
    items = [welcome.recent_list.item(i) for i in range(welcome.recent_list.count())]
    assert [Path(i.data(Qt.ItemDataRole.UserRole)) for i in items] == [gone]
    assert "spostato.sqlite" in items[0].text() and items[0].toolTip()
    welcome.recent_list.setCurrentRow(0)
    qtbot.keyClick(welcome.recent_list, Qt.Key.Key_Return)
    assert warnings and str(gone) in warnings[0]
    assert not gone.exists() and launcher.window is None
    assert RecentFiles(settings).paths() == [] and welcome.recent_list.count() == 0


def test_an_explicit_db_is_created_when_new(launcher, tmp_path):
    target = tmp_path / "nuova.sqlite"
    assert launcher.start(str(target))
    assert target.exists() and launcher.window.ctx.store.path == target


def test_relative_and_old_entries_are_never_guessed(settings):
    settings.setValue("file/last", "assemblea.sqlite")
    settings.setValue("file/recent", ["relative/x.sqlite"])
    recent = RecentFiles(settings)
    assert recent.last() is None and recent.paths() == []


@pytest.mark.parametrize("typed, made", [("a", "a.sqlite"), ("a.sqlite", "a.sqlite"), ("a.SQLITE", "a.SQLITE"),
                                         ("a.db", "a.db"), ("verbale.v2", "verbale.v2.sqlite"),
                                         ("ciclo 2025.", "ciclo 2025..sqlite")])
def test_with_suffix(typed, made):
    assert with_suffix(Path("/x") / typed) == Path("/x") / made


def test_the_recent_menu_of_the_window_switches_files(demo_ctx, qtbot, tmp_path, warnings):
    from facilitator_app.core.store import Store
    from facilitator_app.gui.main_window import MainWindow

    other, gone = tmp_path / "other.sqlite", tmp_path / "gone.sqlite"
    Store(other).close()
    opener = StoreOpener()
    recent = RecentFiles(demo_ctx.settings)
    first = demo_ctx.store.path
    recent.add(first)  # the open one: not listed while it is open
    recent.add(gone)
    recent.add(other)
    win = MainWindow(demo_ctx, opener)
    qtbot.addWidget(win)
    win._fill_recent_menu()
    actions = {a.text(): a for a in win.recent_menu.actions()}
    assert len(actions) == 2
    next(a for t, a in actions.items() if "gone.sqlite" in t).trigger()
    assert warnings and str(gone) in warnings[0] and not gone.exists()
    assert gone not in recent.paths()
    next(a for t, a in actions.items() if "other.sqlite" in t).trigger()
    assert win.ctx.store.path == other and recent.last() == other
    win._fill_recent_menu()  # the open file itself is not listed; the one left before is
    assert [a.text() for a in win.recent_menu.actions()][0].startswith(first.name)
    qtbot.wait(20)  # the window's deferred refreshes run before the file is closed
    win.ctx.store.close()
    opener.lock.release()


def test_closing_the_welcome_screen_while_the_demo_builds_waits_for_it(launcher, qtbot):
    launcher.start(None)
    welcome = launcher.welcome
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    welcome.close()  # must not destroy a running thread
    assert not welcome.builder.isRunning()
    assert demo_path().exists()
    launcher.welcome = None


def test_file_new_assembly_in_the_window_adds_the_extension(demo_ctx, qtbot, tmp_path, monkeypatch):
    from facilitator_app.gui.main_window import MainWindow

    opener = StoreOpener()
    win = MainWindow(demo_ctx, opener)
    qtbot.addWidget(win)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "ciclo-2026"), ""))
    win.new_action.trigger()
    made = tmp_path / "ciclo-2026.sqlite"
    assert made.exists() and win.ctx.store.path == made and not (tmp_path / "ciclo-2026").exists()
    assert RecentFiles(demo_ctx.settings).last() == made
    qtbot.wait(20)
    win.ctx.store.close()
    opener.lock.release()


def test_a_relative_last_file_from_an_older_version_is_reported_not_guessed(launcher, settings, tmp_path,
                                                                           monkeypatch, qtbot):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "assemblea.sqlite").write_bytes(b"")  # a file of that name here must not be taken for it
    settings.setValue("file/last", "assemblea.sqlite")
    assert launcher.start(None)
    assert launcher.window is None
    notice = launcher.welcome.notice
    assert notice.isVisibleTo(launcher.welcome) and "assemblea.sqlite" in notice.text()
    assert settings.value("file/last") is None
