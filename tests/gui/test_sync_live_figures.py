"""The live figures after sync imports: the dashboard kept current from what arrives is exactly what
a page built afresh on the file shows (counts, composition, gaps, who has not arrived)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from facilitator_app.core.attendance import check_in, checkin as A
from facilitator_app.core.attendance import stats as S
from facilitator_app.core.exchange.packages import export_package, import_packages
from facilitator_app.core.members.members import update_member
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store
from facilitator_app.core.sync import SyncLoop

from conftest import RecordingPrompts


@pytest.fixture
def room(tmp_path, demo_store):
    """Today's plenary in the demo assembly (its active members' term extended), on this laptop and
    on an entrance laptop prepared from it."""
    from datetime import date

    from facilitator_app.core.plenaries import plenaries as P

    with demo_store.transaction():
        for (mid,) in demo_store.conn.execute("SELECT id FROM members WHERE status = 'active'").fetchall():
            demo_store.update("members", mid, {"term_end": None})
    P.create_plenary(demo_store, P.next_free_number(demo_store), date.today(), "Fabbrica del Vapore",
                     sessions=[("Giornata", "00:00", "23:59")])
    folder = tmp_path / "cartella"
    folder.mkdir()
    export_package(demo_store, tmp_path / "base.assemblea")
    other = Store(tmp_path / "ingresso.sqlite", Device("devingresso2", "Ingresso 2"))
    import_packages(other, [tmp_path / "base.assemblea"])
    yield demo_store, other, folder
    other.close()


def _window(qtbot, store, tmp_path):
    from facilitator_app.gui.context import AppContext
    from facilitator_app.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(store, settings, RecordingPrompts())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return ctx, window


def _shown(page):
    """What the dashboard shows, as a person reads it."""
    cards = [(c.name.text(), c.figure.text(), c.detail.text()) for c in page.cards if not c.isHidden()]
    missing = [page.missing.item(i).text() for i in range(page.missing.count())]
    chart = {f: [(c.key, c.present, c.expected) for c in fc.categories] for f, fc in page.chart.fields.items()}
    return cards, page.gaps_label.text(), page.missing_title.text(), missing, chart, page.chart.gaps


def test_dashboard_after_sync_imports_equals_a_fresh_one(qtbot, room, tmp_path):
    from facilitator_app.gui.attendance.dashboard import DashboardPage

    store, other, folder = room
    ctx, window = _window(qtbot, store, tmp_path)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("attendance")
    plenary = other.get("plenaries", page.picker.plenary_id())
    session_id = page.picker.session_id()
    window.sync.choose_folder(folder)
    qtbot.waitUntil(lambda: getattr(window.sync.last, "status", None) is not None, timeout=20_000)
    roster = S.roster_for(other, plenary["id"])
    waiting = [m["id"] for m in roster.members if not other.get("attendance", A.attendance_id(session_id, m["id"]))]
    assert len(waiting) == 90 and page.cards[0].figure.text() == "0 / 90"
    refreshes = []
    original = page.refresh
    page.refresh = lambda: (refreshes.append(1), original())
    for round_ in range(3):
        for mid in waiting[round_ * 4:(round_ + 1) * 4]:
            check_in(other, session_id, member_id=mid, confirmed=True)
        if round_ == 1:       # the secretariat corrects a member on the other laptop: who is expected is re-read
            from facilitator_app.core.members.vocab import Vocabularies

            now = other.get("members", waiting[0])["gender"]
            update_member(other, waiting[0], {"gender": next(k for k in Vocabularies.load(other).keys("gender")
                                                             if k != now)})
        if round_ == 2:
            A.check_out(other, session_id, member_id=waiting[1])
        SyncLoop(other, folder, settle=0).step()
        want = S.figures(other, S.roster_for(other, plenary["id"]), session_id)
        qtbot.waitUntil(lambda: page._shown is not None and page._shown[1] == want, timeout=20_000)
        fresh = DashboardPage(ctx)
        qtbot.addWidget(fresh)
        fresh.resize(page.size())
        fresh.picker.select(plenary["id"], session_id)
        assert _shown(page) == _shown(fresh)
        fresh.close()
    assert refreshes and ctx.prompts.shown == []
    window.close()
