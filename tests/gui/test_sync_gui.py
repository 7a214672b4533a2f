"""The sync folder in the window: background worker, status line, folder dialog, live pages."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from facilitator_app.core.attendance import check_in
from facilitator_app.core.attendance import checkin as A
from facilitator_app.core.attendance import stats as S
from facilitator_app.core.exchange.packages import export_package, import_packages
from facilitator_app.core.members.members import update_member
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store
from facilitator_app.core.sync import SyncLoop

from conftest import RecordingPrompts


@pytest.fixture
def room(tmp_path, demo_store):
    """The demo assembly on this laptop (the window's) and an entrance laptop prepared from it."""
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


def _wait_status(qtbot, window, predicate, timeout=20_000):
    qtbot.waitUntil(lambda: bool(predicate(window.sync.last)), timeout=timeout)


def test_no_folder_no_thread_and_no_status_line(qtbot, room, tmp_path):
    store, _, _ = room
    ctx, window = _window(qtbot, store, tmp_path)
    assert window.sync.thread is None
    assert window.sync_status.isHidden()
    window.close()


def test_checkins_of_another_laptop_appear_in_the_window(qtbot, room, tmp_path):
    from facilitator_app.core.store.lock import FileLock

    store, other, folder = room
    lock = FileLock(store.path)       # the window holds the file's lock, as the app does
    lock.acquire()
    ctx, window = _window(qtbot, store, tmp_path)
    window.show()
    seen = []
    ctx.changed.connect(seen.append)
    from facilitator_app.gui.sync.dialog import SyncFolderDialog

    dialog = SyncFolderDialog(window.sync, window)
    qtbot.addWidget(dialog)
    assert dialog.apply(str(folder))
    assert dialog.path.text() == str(folder.resolve())
    _wait_status(qtbot, window, lambda r: getattr(r, "status", None) is not None and r.status.available)
    # The entrance laptop checks three members in and syncs.
    plenary = other.select("plenaries", order_by="date DESC")[0]
    session = other.select("sessions", "plenary_id = ?", (plenary["id"],), order_by="sort_order")[0]
    present_before = store.scalar("SELECT count(*) FROM attendance WHERE session_id = ? AND status = 'present'",
                                  (session["id"],))
    page = window.show_page("checkin")
    page.picker.select(plenary["id"], session["id"])
    counter = page.count_label.text()
    members = [m["id"] for m in other.select("members", "status = 'active'")]
    arrived = [m for m in members if not other.get("attendance", _aid(session["id"], m))][:3]
    for m in arrived:
        check_in(other, session["id"], member_id=m, confirmed=True)
    SyncLoop(other, folder, settle=0).step()
    qtbot.waitUntil(lambda: any(ch.touches("attendance") for ch in seen), timeout=20_000)
    assert store.scalar("SELECT count(*) FROM attendance WHERE session_id = ? AND status = 'present'",
                        (session["id"],)) == present_before + 3
    # The counter at this entrance counts the other entrance's check-ins, without a click.
    expected = fmt_count(page, present_before + 3)
    qtbot.waitUntil(lambda: page.count_label.text().startswith(expected), timeout=10_000)
    assert page.count_label.text() != counter
    _wait_status(qtbot, window, lambda r: r is not None and r.status.peers)
    assert "Ingresso 2" in window.sync_status.text()
    assert window.sync_status.isVisible()
    assert ctx.prompts.shown == []
    window.close()
    assert window.sync.thread is None
    lock.release()


def fmt_count(page, present):
    """The start of the counter's text for `present` people ("Present 12 of")."""
    from facilitator_app.gui.i18n import fmt

    return fmt(page.tr("Present %1 of %2"), present, "").rstrip()


def _aid(session_id, member_id):
    from facilitator_app.core.attendance import attendance_id

    return attendance_id(session_id, member_id)


def test_a_local_edit_reaches_the_folder_within_seconds(qtbot, room, tmp_path):
    store, other, folder = room
    ctx, window = _window(qtbot, store, tmp_path)
    window.sync.choose_folder(folder)
    _wait_status(qtbot, window, lambda r: r is not None and getattr(r, "status", None) and r.status.available)
    time.sleep(0.2)
    with store.transaction():
        store.insert("themes", {"name": "Tema scritto nella finestra"})
    t0 = time.monotonic()
    loop = SyncLoop(other, folder, settle=0)
    qtbot.waitUntil(lambda: (loop.step(), bool(other.select("themes", "name = ?",
                                                             ("Tema scritto nella finestra",))))[1], timeout=20_000)
    assert time.monotonic() - t0 < 8
    window.close()


def test_the_folder_pulled_out_is_a_quiet_line_not_a_message_box(qtbot, room, tmp_path):
    store, _, folder = room
    ctx, window = _window(qtbot, store, tmp_path)
    window.show()
    window.sync.choose_folder(folder)
    _wait_status(qtbot, window, lambda r: r is not None and getattr(r, "status", None) and r.status.available)
    folder.rename(tmp_path / "away")
    window.sync.thread.wake()
    _wait_status(qtbot, window, lambda r: r is not None and r.status.problem == "unavailable")
    assert window.sync_status.property("problem") is True
    assert window.sync_status.isVisible()
    assert "not available" in window.sync_status.text()
    assert ctx.prompts.shown == []
    window.sync_status.grab().save(str(tmp_path / "status.png"))
    window.close()


def test_the_dialog_refuses_a_folder_that_is_not_there(qtbot, room, tmp_path):
    store, _, folder = room
    ctx, window = _window(qtbot, store, tmp_path)
    from facilitator_app.gui.sync.dialog import SyncFolderDialog

    dialog = SyncFolderDialog(window.sync, window)
    qtbot.addWidget(dialog)
    assert not dialog.apply(str(tmp_path / "non-esiste"))
    assert "non-esiste" in dialog.message.text()
    assert window.sync.thread is None
    assert dialog.apply(str(folder)) and window.sync.thread is not None
    assert dialog.apply(None) and window.sync.thread is None and dialog.path.text() == ""
    window.close()


def test_a_whole_room_is_summed_up_and_the_late_ones_named(qapp):
    from facilitator_app.core.sync.loop import StepReport
    from facilitator_app.core.sync.status import PeerStatus, SyncStatus
    from facilitator_app.gui.sync import texts

    now = "2026-12-03T10:31:00+00:00"
    peers = [PeerStatus(f"d{i}", f"Tavolo {i}", now, now, 0, 2 if i in (3, 5) else 0) for i in range(1, 9)]
    line = texts.status_line(StepReport(SyncStatus("/x", True, peers=peers)))
    assert "8" in line and "Tavolo 3, Tavolo 5" in line and "Tavolo 1" not in line
    few = texts.status_line(StepReport(SyncStatus("/x", True, peers=peers[:2])))
    assert "Tavolo 1" in few and "Tavolo 2" in few
    tip = texts.tooltip(StepReport(SyncStatus("/x", True, peers=peers)))
    assert tip.count("Tavolo") == 8
    assert texts.status_line(StepReport(SyncStatus(None, False, problem="no_folder"))) == ""
    assert "not available" in texts.status_line(StepReport(SyncStatus("/x", False, problem="unavailable")))


def test_the_workers_bookkeeping_is_not_taken_for_an_unexplained_change(qtbot, room, tmp_path):
    """Its steps commit local tables the change log does not name; the window's watcher must not
    answer each with 'everything changed' (every view reloading every few seconds)."""
    from facilitator_app.core.watch.outside import AllChanged

    store, other, folder = room
    ctx, window = _window(qtbot, store, tmp_path)
    seen = []
    ctx.changed.connect(seen.append)
    window.sync.choose_folder(folder)
    _wait_status(qtbot, window, lambda r: getattr(r, "status", None) is not None and r.status.available)
    for _ in range(3):                       # steps that write bookkeeping (a local edit sent, state files)
        with store.transaction():
            store.insert("themes", {"name": f"Tema {len(seen)}"})
        window.sync.thread.wake()
        qtbot.wait(1500)
    qtbot.wait(700)                          # a poll of the watcher after the steps
    assert not any(isinstance(ch, AllChanged) for ch in seen), [type(c).__name__ for c in seen]
    window.close()


# -- the live figures after sync imports --------------------------------------------------------------
def _today(store, other, tmp_path):
    """Today's plenary (one all-day session) in the demo assembly, its active members' term
    extended to today, on this laptop and the other (by a package, as the secretariat prepares them)."""
    from datetime import date

    from facilitator_app.core.plenaries import plenaries as P

    with store.transaction():
        for (mid,) in store.conn.execute("SELECT id FROM members WHERE status = 'active'").fetchall():
            store.update("members", mid, {"term_end": None})
    P.create_plenary(store, P.next_free_number(store), date.today(), "Fabbrica del Vapore",
                     sessions=[("Giornata", "00:00", "23:59")])
    export_package(store, tmp_path / "today.assemblea")
    import_packages(other, [tmp_path / "today.assemblea"])


def _shown(page):
    """What the dashboard shows, as a person reads it."""
    cards = [(c.name.text(), c.figure.text(), c.detail.text()) for c in page.cards if not c.isHidden()]
    missing = [page.missing.item(i).text() for i in range(page.missing.count())]
    chart = {f: [(c.key, c.present, c.expected) for c in fc.categories] for f, fc in page.chart.fields.items()}
    return cards, page.gaps_label.text(), page.missing_title.text(), missing, chart, page.chart.gaps


def _what_it_says(f):
    return f.counts, f.fields, [(m["id"], m["surname"], m["first_name"], m["hlc"]) for m in f.missing]


def test_dashboard_after_sync_imports_equals_a_fresh_one(qtbot, room, tmp_path):
    from facilitator_app.gui.attendance.dashboard import DashboardPage

    store, other, folder = room
    _today(store, other, tmp_path)
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
        want = _what_it_says(S.figures(other, S.roster_for(other, plenary["id"]), session_id))
        # Compared as read (who is missing by id, not their whole rows: a row's updated_at may differ by
        # a millisecond between two laptops, its hlc and content do not).
        qtbot.waitUntil(lambda: page._shown is not None and _what_it_says(page._shown[1]) == want, timeout=20_000)
        fresh = DashboardPage(ctx)
        qtbot.addWidget(fresh)
        fresh.resize(page.size())
        fresh.picker.select(plenary["id"], session_id)
        assert _shown(page) == _shown(fresh)
        fresh.close()
    assert refreshes and ctx.prompts.shown == []
    window.close()
