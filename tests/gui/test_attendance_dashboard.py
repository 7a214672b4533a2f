"""The attendance dashboard: counts per session, composition chart, gaps, missing list; refresh on changes only."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator_app.core.attendance import checkin as A
from facilitator_app.core.members.members import create_member
from facilitator_app.core.plenaries import plenaries as P
from facilitator_app.gui.attendance.dashboard import DashboardPage


@pytest.fixture
def setup(ctx):
    pid = P.create_plenary(ctx.store, 1, "2024-05-11", "Parco Nord")
    spec = [("Rossi", "F", "1980-01-01", 1), ("Bruno", "M", "1970-01-01", 2), ("Conti", "F", "1960-01-01", 3),
            ("Gallo", "M", "1950-01-01", 4), ("Ricci", "F", "2000-01-01", 9), ("Greco", "M", "2001-01-01", 9)]
    ids = {s: create_member(ctx.store, {"surname": s, "first_name": "X", "gender": g, "birth_date": b,
                                        "municipio": m, "citizenship": "italian", "education": "diploma"})
           for s, g, b, m in spec}
    morning, afternoon = (s["id"] for s in P.sessions_of(ctx.store, pid))
    return {"plenary": pid, "morning": morning, "afternoon": afternoon, "ids": ids}


@pytest.fixture
def page(ctx, setup, qtbot):
    page = DashboardPage(ctx, today=date(2024, 5, 11), now="10:00")
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    return page


def test_counts_gaps_and_missing(ctx, setup, page):
    assert page.cards[0].figure.text() == "0 / 6" and page.missing.count() == 6
    assert "Nobody checked in" in page.gaps_label.text()
    for s in ("Rossi", "Bruno", "Conti", "Gallo"):
        A.check_in(ctx.store, setup["morning"], member_id=setup["ids"][s])
    assert page.cards[0].figure.text() == "4 / 6" and "67% present" in page.cards[0].detail.text()
    assert page.cards[1].figure.text() == "0 / 6"
    assert page.missing.count() == 2 and "Greco X" in [page.missing.item(i).text() for i in range(2)]
    gaps = page.chart.gaps
    assert ("municipio", "9") in gaps and ("age_band", "16-29") in gaps
    assert "Municipio 9" in page.gaps_label.text() and "age 16–29" in page.gaps_label.text()


def test_balanced_presence_says_so(ctx, setup, page):
    for s in ("Rossi", "Bruno", "Ricci", "Greco", "Conti", "Gallo"):
        A.check_in(ctx.store, setup["morning"], member_id=setup["ids"][s])
    assert page.chart.gaps == set() and "mirror" in page.gaps_label.text()


def test_refreshes_only_on_relevant_changes_and_when_shown(ctx, setup, page, monkeypatch):
    calls = []
    original = page.refresh
    monkeypatch.setattr(page, "refresh", lambda: (calls.append(1), original()))
    with ctx.store.transaction():
        ctx.store.insert("themes", {"name": "Mobilità"})
    assert calls == []
    page.hide()
    A.check_in(ctx.store, setup["morning"], member_id=setup["ids"]["Rossi"])
    assert calls == [] and page._dirty
    page.show()
    assert calls == [1] and page.cards[0].figure.text() == "1 / 6"


def test_switching_session(ctx, setup, page):
    A.check_in(ctx.store, setup["afternoon"], member_id=setup["ids"]["Rossi"])
    page.picker.session_box.setCurrentIndex(1)
    assert page.missing.count() == 5 and "◀" in page.cards[1].name.text()


def test_demo_dashboard_renders(demo_ctx, qtbot, tmp_path):
    page = DashboardPage(demo_ctx, today=date(2024, 7, 13), now="10:00")
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    assert page.picker.plenary_box.currentText().startswith("Plenary 6")
    assert page.cards[0].figure.text().endswith("/ 90")
    image = page.grab()
    assert image.width() == 1366 and image.save(str(tmp_path / "dashboard.png"))
