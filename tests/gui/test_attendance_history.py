"""Attendance history page: member x plenary grid, rates, follow-up list with a stored threshold."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from facilitator_app.core.attendance import checkin as A
from facilitator_app.gui.attendance.history import HistoryPage


@pytest.fixture
def page(demo_ctx, qtbot):
    page = HistoryPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    return page


def cell_text(page, surname, column):
    m = page.proxy
    for r in range(m.rowCount()):
        if m.index(r, 0).data().startswith(surname):
            return m.index(r, column).data()
    raise KeyError(surname)


def test_grid_and_rates(demo_ctx, page):
    h = page.model.history
    # in the order held: the 2023 cycle's plenary 9 (June 2023) first, then the 2024 cycle's 1 to 8
    assert page.proxy.columnCount() == 1 + len(h.plenaries) + 1 == 11
    assert page.proxy.headerData(1, Qt.Orientation.Horizontal).startswith("9\n17/06\n")
    header = page.proxy.headerData(7, Qt.Orientation.Horizontal)
    assert header.startswith("6\n13/07\n") and header.endswith("%")
    assert page.proxy.headerData(8, Qt.Orientation.Horizontal).endswith("\n")  # plenary 7: not held, no rate
    followup = demo_ctx.store.get("members", page.followup_model.row(0).member["id"])
    assert cell_text(page, followup["surname"] + " " + followup["first_name"], 6) == "✗"
    assert cell_text(page, followup["surname"] + " " + followup["first_name"], 8) == "·"
    glyphs = {page.proxy.index(r, c).data() for r in range(page.proxy.rowCount()) for c in range(1, 10)}
    assert {"●", "◐", "G", "✗", "·", ""} <= glyphs


def test_sort_by_rate(page):
    page.table.sortByColumn(10, Qt.SortOrder.AscendingOrder)
    rates = [page.proxy.index(r, 10).data() for r in range(page.proxy.rowCount())]
    numbers = [int(x[:-1]) for x in rates if x]
    assert numbers == sorted(numbers)


def test_followups_threshold_is_stored_and_applied(demo_ctx, page):
    assert "To call (" in page.followup_title.text()
    before = page.followup_model.rowCount()
    assert before >= 1
    assert page.followup_model.row(0).streak >= 2
    page.min_rate.setValue(0)
    page.consecutive.setValue(3)
    assert A.attendance_settings(demo_ctx.store)["followup_consecutive"] == 3
    assert A.attendance_settings(demo_ctx.store)["followup_min_rate"] is None
    assert page.followup_model.rowCount() < before
    page.consecutive.setValue(1)
    ones = [page.followup_model.row(r) for r in range(page.followup_model.rowCount())]
    assert len(ones) >= before and all(f.streak >= 1 for f in ones)


def test_refresh_on_check_in(demo_ctx, page):
    from facilitator_app.core.plenaries.plenaries import get_plenary, sessions_of

    p7 = get_plenary(demo_ctx.store, 7)
    member = demo_ctx.store.select("members", "status = 'active' AND cohort_id = (SELECT id FROM cohorts "
                                   "WHERE name = 'Coorte aprile 2024')")[0]
    A.check_in(demo_ctx.store, sessions_of(demo_ctx.store, p7["id"])[0]["id"], member_id=member["id"])
    assert page.model.history.held[p7["id"]]
    assert page.proxy.headerData(7, Qt.Orientation.Horizontal).endswith("%")


def test_export_xlsx(demo_ctx, page, tmp_path):
    import openpyxl

    page.export_xlsx(str(tmp_path / "p.xlsx"))
    wb = openpyxl.load_workbook(tmp_path / "p.xlsx")
    assert wb["Da richiamare"].max_row >= 2 and wb["Presenze"].max_row == 1 + page.model.rowCount()
