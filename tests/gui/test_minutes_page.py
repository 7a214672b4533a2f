"""The Minutes page: sections saved as you type, live outline, exports in a worker thread."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from _minutes_data import build_cycle  # noqa: E402

from facilitator_app.core.minutes import minutes as M  # noqa: E402
from facilitator_app.core.notes.notes import add_note  # noqa: E402
from facilitator_app.gui.minutes.export import ExportJob  # noqa: E402
from facilitator_app.gui.minutes.page import SAVE_DELAY_MS, MinutesPage  # noqa: E402


@pytest.fixture
def page(ctx, qtbot):
    data = build_cycle(ctx.store, 2, notes=96, recommendations=6, photos_per_plenary=2)
    w = MinutesPage(ctx)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    w.select_plenary(data["plenaries"][0]["id"])
    w.data = data
    return w


def test_typing_is_saved_after_a_pause(page, qtbot):
    pid = page.plenary_id
    edit = page.editors["opening"]
    edit.setFocus()
    qtbot.keyClicks(edit, "Apertura alle 10:00")
    edit.insertPlainText(" — Ελένη")  # QTest types Latin-1 only; a paste of any script
    assert M.sections_of(page.ctx.store, pid).get("opening") in (None, "")  # not yet: debounced
    qtbot.waitUntil(lambda: M.sections_of(page.ctx.store, pid).get("opening") == "Apertura alle 10:00 — Ελένη",
                    timeout=SAVE_DELAY_MS + 2000)
    assert "Saved" in page.saved_label.text()


def test_focus_out_and_switching_plenary_save_at_once(page, qtbot):
    first, second = (p["id"] for p in page.data["plenaries"])
    edit = page.editors["decisions"]
    edit.setFocus()
    qtbot.keyClicks(edit, "Decisione A")
    page.editors["summary"].setFocus()  # focus moves on: saved without waiting
    qtbot.waitUntil(lambda: M.sections_of(page.ctx.store, first).get("decisions") == "Decisione A", timeout=500)
    qtbot.keyClicks(page.editors["next_steps"], "Prossimo incontro")
    page.select_plenary(second)  # pending text belongs to the first plenary
    assert M.sections_of(page.ctx.store, first)["next_steps"] == "Prossimo incontro"
    assert page.editors["next_steps"].toPlainText() == ""
    page.select_plenary(first)
    assert page.editors["decisions"].toPlainText() == "Decisione A"


def test_outline_follows_the_data(page, qtbot):
    o = page.outline
    assert o.notes == 96 and o.recommendations == 6 and o.groups == 8
    assert "96" in page.outline_label.text()
    group = page.ctx.store.select("groups", "plenary_id = ?", (page.plenary_id,))[0]
    add_note(page.ctx.store, page.plenary_id, group["id"], "Un post-it nuovo")
    qtbot.waitUntil(lambda: page.outline.notes == 97, timeout=1000)
    assert "97" in page.outline_label.text()
    M.save_section(page.ctx.store, page.plenary_id, "summary", "Scritto altrove")  # merged from another laptop
    assert page.editors["summary"].toPlainText() == "Scritto altrove"


def _wait_export(page, qtbot, timeout=60000):
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=timeout)
    return page.last_export


def test_export_pdf_in_a_worker_keeps_the_gui_responsive(page, qtbot, tmp_path):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    page.public_box.setChecked(True)
    page.choose_path = lambda *a: str(tmp_path / "pubblico.pdf")
    job = page.export_verbale("pdf")
    assert job is not None and job.db_path == page.ctx.store.path
    assert page.last_export is None  # export_verbale returned before the PDF was made: it runs in a worker
    outcome, detail = _wait_export(page, qtbot)
    timer.stop()
    assert outcome == "done" and isinstance(detail[0], int)
    assert (tmp_path / "pubblico.pdf").read_bytes().startswith(b"%PDF")
    assert job.public is True
    assert ticks  # the event loop kept running while the worker laid out the PDF
    # Saved: the page says so, with buttons to open the file or its folder.
    opened = []
    page.saved_files.open_url = lambda url: opened.append(url.toLocalFile()) or True
    assert page.saved_files.isVisible() and "pubblico.pdf" in page.saved_files.label.text()
    qtbot.mouseClick(page.saved_files.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.saved_files.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path / "pubblico.pdf"), str(tmp_path)]


def test_export_excel_and_cycle(page, qtbot, tmp_path):
    page.choose_path = lambda *a: str(tmp_path / "v.xlsx")
    page.export_verbale("xlsx")
    assert _wait_export(page, qtbot)[0] == "done" and (tmp_path / "v.xlsx").exists()
    page.choose_path = lambda *a: str(tmp_path / "ciclo.pdf")
    page.export_cycle()
    assert _wait_export(page, qtbot)[0] == "done"
    assert (tmp_path / "ciclo.pdf").exists() and (tmp_path / "ciclo.xlsx").exists()


def test_cancelled_or_failed_export_leaves_no_file(page, qtbot, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("out")
    store = page.ctx.store
    job = ExportJob(store.path, store.device, "verbale", page.plenary_id, False, {"pdf": tmp_path / "x.pdf"})
    seen = []
    job.signals.cancelled.connect(lambda: seen.append("cancelled"), Qt.ConnectionType.DirectConnection)
    job.cancel()
    job.run()  # synchronously: the first progress report stops it
    assert seen == ["cancelled"] and list(tmp_path.iterdir()) == []
    page.choose_path = lambda *a: str(tmp_path / "missing" / "x.pdf")
    page.export_verbale("pdf")
    assert _wait_export(page, qtbot)[0] == "failed"
    assert page.ctx.prompts.shown[-1][0] == "error" and not (tmp_path / "missing").exists()


def test_no_path_chosen_does_nothing(page):
    page.choose_path = lambda *a: None
    assert page.export_verbale("pdf") is None and page.export_cycle() is None


def test_grab(page, tmp_path):
    page.editors["opening"].setPlainText("La plenaria è aperta alle 10:00.")
    assert not page.grab().isNull()


def test_readability_of_each_section_follows_the_typing(page, qtbot, tmp_path):
    edit, score = page.editors["summary"], page.readability["summary"]
    edit.setPlainText("")
    assert score.text() == ""
    edit.setFocus()
    # 16 words, 76 letters, one sentence: Gulpease 60.25 -> meets the target
    qtbot.keyClicks(edit, "Sabato ci incontriamo in Comune per parlare del clima e delle proposte dei gruppi di lavoro.")
    assert "60" in score.text() and "target 60" in score.text() and "too hard" not in score.text()
    edit.setPlainText("Il Comune promuove interventi finalizzati alla riqualificazione energetica del patrimonio "
                      "edilizio residenziale pubblico.")  # 29
    assert "29" in score.text() and "too hard" in score.text()
    page.grab().save(str(tmp_path / "minutes.png"))
    # another plenary: the figure is that plenary's text
    other = page.data["plenaries"][1]["id"]
    M.save_section(page.ctx.store, other, "summary", "")
    page.select_plenary(other)
    assert page.readability["summary"].text() == ""
