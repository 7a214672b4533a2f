"""Every page fits a 1280x720 laptop screen, in Italian and in English, with the largest counters."""

from __future__ import annotations

import pytest

from facilitator_app.gui import i18n
from facilitator_app.gui.attendance.checkin_model import CheckInModel
from facilitator_app.gui.main_window import MainWindow

# A 1280x720 screen less a window frame (title bar, borders) and a taskbar.
ROOM_W, ROOM_H = 1280 - 16, 720 - 40


@pytest.fixture(params=["it", "en"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")  # removes the translators again


def test_every_page_fits_1280x720(language, demo_ctx, qtbot, monkeypatch):
    monkeypatch.setattr(CheckInModel, "counts", lambda self: (9999, 9999))  # the widest count the entrance shows
    win = MainWindow(demo_ctx)
    qtbot.addWidget(win)
    win.resize(ROOM_W, ROOM_H)
    win.show()
    qtbot.waitExposed(win)
    nav = win.nav.width()
    for key, page in win.pages.items():
        win.show_page(key)
        if key == "checkin":
            page._update_count()
            assert "9999" in page.count_label.text()
        if key == "wall":
            page.count_label.setText(page.tr("%1 of %2 notes").replace("%1", "9999").replace("%2", "9999"))
        qtbot.wait(5)
        hint = page.minimumSizeHint()
        assert hint.width() <= ROOM_W - nav and hint.height() <= ROOM_H - 60, (language, key, hint.toTuple())
        window = win.minimumSizeHint()
        assert window.width() <= ROOM_W and window.height() <= ROOM_H, (language, key, window.toTuple())
