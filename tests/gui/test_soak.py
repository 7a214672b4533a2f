"""A long session at the venue in one process: thousands of actions over every page, without a crash and
with flat memory. Slow (about a minute), and run by packaging/run-tests.sh with the other GUI tests."""

from __future__ import annotations

import gc
import os
import random

import pytest
from PySide6.QtCore import Qt

from facilitator_app.core.store import Store
from facilitator_app.gui import pages
from facilitator_app.gui.app import StoreOpener
from facilitator_app.gui.main_window import MainWindow

ACTIONS = int(os.environ.get("SOAK_ACTIONS", 5000))
PAGE_KEYS = [k for k, _t, _f in pages.PAGES]


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class Session:
    """A person at the keyboard: every step is one action (a key, a click, a page, a file)."""

    def __init__(self, win: MainWindow, qtbot, files, rng: random.Random):
        self.win, self.qtbot, self.files, self.rng = win, qtbot, files, rng
        self.actions = 0
        self.file = 0

    def tick(self, n: int = 1) -> None:
        self.actions += n
        if self.actions % 25 == 0:
            self.settle()

    def settle(self) -> None:
        """Let the event loop run, as between a person's keystrokes: timers, repaints and deferred deletions
        (processEvents() alone never runs deleteLater's deletions outside a running loop)."""
        self.qtbot.wait(1)

    def go(self, key: str):
        row = PAGE_KEYS.index(key)
        self.qtbot.keyClick(self.win, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
        if self.win.stack.currentIndex() != row:  # the shortcut needs an active window
            self.win.nav.setCurrentRow(row)
        assert self.win.stack.currentWidget() is self.win.pages[key]
        self.tick()
        return self.win.pages[key]

    def type(self, widget, text: str) -> None:
        for ch in text:
            self.qtbot.keyClick(widget, ch)
            self.tick()

    def key(self, widget, key, mods=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(widget, key, mods)
        self.tick()

    # -- what people do -------------------------------------------------------------------------------
    def members(self) -> None:
        page = self.go("members")
        self.type(page.search, self.rng.choice(["ro", "bia", "ng", "co", "ma", "zz"]))
        for _ in range(3):
            self.key(page.search, Qt.Key.Key_Backspace)
        page.search.clear()
        self.tick()

    def checkin(self) -> None:
        page = self.go("checkin")
        store = self.win.ctx.store
        people = page.model._visible[:] if page.model.rowCount() else []
        if people:
            a = page.model.attendee_by_id(self.rng.choice(people))
            self.type(page.search, a.badge_code or a.surname[:3])
            self.key(page.search, Qt.Key.Key_Return)
            if a.badge_code is None:
                self.key(page.search, Qt.Key.Key_Return)  # several matches: the second Enter confirms
        else:
            self.type(page.search, "xyz")
            self.key(page.search, Qt.Key.Key_Return)
        if self.rng.random() < 0.3:
            self.key(page.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        page.search.clear()
        assert store is self.win.ctx.store

    def wall(self) -> None:
        page = self.go("wall")
        if page.scene.group_id is None:
            return
        self.type(page.capture.field, f"nota {self.actions}")
        self.key(page.capture.field, Qt.Key.Key_Return)
        cards = list(page.scene.cards.values())
        if cards:
            card = self.rng.choice(cards)
            page.vote("note", card.id, 1)
            self.tick()
            pos = card.scenePos()
            page.on_drop({card.id: (pos.x() + 30, pos.y() + 10)}, {}, None)
            self.tick()
        # Undo the move, the dot and the note, redo the note, undo it again: the wall ends as it began, so
        # the memory measured is the window's, not a wall that grows by a card (a cached pixmap) per round.
        stack = self.win.ctx.undo_stack
        for do in (stack.undo, stack.undo, stack.undo, stack.redo, stack.undo):
            do()
            self.tick()
        self.key(page.view, Qt.Key.Key_Minus)
        self.key(page.view, Qt.Key.Key_Plus)

    def browse(self) -> None:
        for key in PAGE_KEYS:  # every other page, those added later included
            if key not in ("members", "checkin", "wall"):
                self.go(key)

    def switch_file(self) -> None:
        self.file = 1 - self.file
        self.win.switch_to(self.files[self.file])
        assert self.win.ctx.store.path == self.files[self.file]
        self.tick()


@pytest.mark.slow
def test_five_thousand_actions_in_one_window(demo_store, demo_ctx, qtbot, tmp_path):
    empty = tmp_path / "vuota.sqlite"
    Store(empty).close()
    demo_path = demo_store.path
    opener = StoreOpener()
    win = MainWindow(demo_ctx, opener)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    s = Session(win, qtbot, [demo_path, empty], random.Random(12))
    steps = [s.members, s.checkin, s.checkin, s.wall, s.browse]
    if os.environ.get("SOAK_STEPS"):  # to find which step a growth comes from
        steps = [getattr(s, n) for n in os.environ["SOAK_STEPS"].split(",")]
    start_rss = None
    round_no = 0
    while s.actions < ACTIONS:
        round_no += 1
        for step in steps:
            step()
        if round_no % 12 == 0:
            s.switch_file()
            s.switch_file()  # back on the demo
            if os.environ.get("SOAK_TRACE"):
                gc.collect()
                s.settle()
                print(f"round {round_no}: {s.actions} actions, RSS {rss_mb():.1f} MB", flush=True)
        if start_rss is None and s.actions >= 600:  # after the first visit of everything: the working set
            gc.collect()
            s.settle()
            start_rss = rss_mb()
    gc.collect()
    s.settle()
    end_rss = rss_mb()
    print(f"soak: {s.actions} actions, {round_no} rounds, RSS {start_rss:.1f} -> {end_rss:.1f} MB")
    assert s.actions >= ACTIONS
    assert end_rss - start_rss < 10, (start_rss, end_rss)  # measured: +2 MB over 8,000 actions
