"""The follow-up page's files: a Milano Partecipa export imported after a preview, exports written."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "followup"))
from followup_fixtures import make_assembly  # noqa: E402

from facilitator_app.core.followup import load_board, record_answer  # noqa: E402
from facilitator_app.gui.followup.page import FollowupPage  # noqa: E402


@pytest.fixture
def page(ctx, qtbot):
    w = FollowupPage(ctx)
    w.a = make_assembly(ctx.store)
    qtbot.addWidget(w)
    w.show()
    return w


def export_file(tmp_path, rows, name="export.csv"):
    path = tmp_path / name
    head = "id;participatory_space/id;title/it;body/it;state;state_published_at;answer/it;answered_at\r\n"
    path.write_bytes(("\ufeff" + head + "".join(";".join(r) + "\r\n" for r in rows)).encode("utf-8"))
    return str(path)


def test_import_after_preview_then_undo(page, tmp_path, monkeypatch):
    path = export_file(tmp_path, [["101", "7", "Strade scolastiche in ogni municipio", "x", "accepted", "2023-06-01",
                                   "<p>Accolta</p>", "2023-05-30"]])
    seen = []
    monkeypatch.setattr(page.files, "ask_open", lambda *a: path)

    def confirm(dialog):
        seen.append((dialog.summary.text(), [dialog.list.item(i).text() for i in range(dialog.list.count())],
                     dialog.import_button.isEnabled()))
        return True

    monkeypatch.setattr(page.files, "confirm_preview", confirm)
    assert page.files.import_decidim()
    summary, items, enabled = seen[0]
    assert "1 recommendations would change" in summary and enabled
    assert "Row 2: 2023-R1" in items[0] and "converted from HTML" in items[0]
    row = next(r for r in load_board(page.ctx.store) if r.code == "2023-R1")
    assert (row.decidim_id, row.answer_kind) == ("101", "accepted")
    assert page.chart.answers["accepted"] == 1
    page.ctx.undo_stack.undo()
    assert next(r for r in load_board(page.ctx.store) if r.code == "2023-R1").decidim_id is None


def test_refused_import_writes_nothing(page, tmp_path, monkeypatch):
    path = export_file(tmp_path, [["101", "7", "Strade scolastiche in ogni municipio", "x", "accepted", "", "", ""],
                                  ["102", "9", "Altro processo", "x", "granted", "", "", ""]])
    seen = []
    monkeypatch.setattr(page.files, "ask_open", lambda *a: path)
    monkeypatch.setattr(page.files, "confirm_preview",
                        lambda d: seen.append((d.summary.text(), d.import_button.isEnabled())) or True)
    before = page.ctx.store.scalar("SELECT count(*) FROM changes")
    assert not page.files.import_decidim()
    assert "cannot be imported" in seen[0][0] and not seen[0][1]
    assert page.ctx.store.scalar("SELECT count(*) FROM changes") == before and page.ctx.undo_stack.count() == 0


def test_unreadable_file_is_told(page, tmp_path, monkeypatch):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a workbook")
    monkeypatch.setattr(page.files, "ask_open", lambda *a: str(bad))
    assert not page.files.import_decidim()
    assert page.ctx.prompts.shown[-1][0] == "error"


def test_exports(page, tmp_path, monkeypatch, qtbot):
    targets = iter([tmp_path / "p.csv", tmp_path / "cal.ics", tmp_path / "m.pdf"])
    monkeypatch.setattr(page.files, "ask_save", lambda *a: str(next(targets)))
    assert page.files.export_decidim(False)
    rows = list(csv.reader(io.StringIO((tmp_path / "p.csv").read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["title/it", "body/it"] and len(rows) == 4
    assert not page.files.export_decidim(True)          # no answers linked to Milano Partecipa yet
    assert page.files.export_ics() and (tmp_path / "cal.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    record_answer(page.ctx.store, page.a["a"], "accepted", "Sì", answer_on="2023-03-01")
    assert page.files.export_monitoring(True) is not None  # on a worker thread
    qtbot.waitUntil(lambda: page.files.last_export is not None, timeout=60000)
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF") and (tmp_path / "m.xlsx").exists()
