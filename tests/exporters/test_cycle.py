"""The cycle report: attendance grid with rates (internal), recommendations of every plenary, both files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from _minutes_data import build_cycle  # noqa: E402

from facilitator_app.core.attendance.stats import attendance_history  # noqa: E402
from facilitator_app.core.store.device import Device  # noqa: E402
from facilitator_app.core.store.store import Store  # noqa: E402
from facilitator_app.exporters.cycle import write_cycle_pdf, write_cycle_xlsx  # noqa: E402
from facilitator_app.exporters.pdf import safe_text  # noqa: E402

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cycle")
    store = Store(folder / "a.sqlite", Device("test", "test"))
    data = build_cycle(store, 3, notes=80, recommendations=6, photos_per_plenary=0)
    files = {}
    for public in (False, True):
        files[public] = (folder / f"ciclo_{public}.pdf", folder / f"ciclo_{public}.xlsx")
        write_cycle_pdf(store, files[public][0], public=public)
        write_cycle_xlsx(store, files[public][1], public=public)
    yield store, data, files
    store.close()


def in_order(needle: str, text: str) -> bool:
    """The words of `needle` in order within a short window (a table cell wraps beside other columns)."""
    words, hay = needle.split(), text.split()
    for start in (i for i, w in enumerate(hay) if w == words[0]):
        i, j = 0, start
        while i < len(words) and j < min(len(hay), start + 4 * len(words) + 10):
            i += hay[j] == words[i]
            j += 1
        if i == len(words):
            return True
    return False


def text_of(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(out.split())


@needs_poppler
def test_pdf_internal_grid_and_recommendations(built):
    store, data, files = built
    text = text_of(files[False][0])
    assert "Rapporto del ciclo" in text and "Presenze dei membri" in text and "plenarie 1–3" in text
    history = attendance_history(store)
    for m in history.members:
        assert f"{m['surname']} {m['first_name']}" in text
    for p in data["plenaries"]:
        assert f"Plenaria n. {p['number']}" in text
        for title, _ in p["recommendations"]:
            assert in_order(safe_text(title), text), title
    assert "pagina 1 di" in text


@needs_poppler
def test_pdf_public_has_no_names(built):
    store, data, files = built
    text = text_of(files[True][0])
    assert "Presenze dei membri" not in text and "versione pubblica" in text
    for m in store.select("members"):
        assert f"{m['surname']} {m['first_name']}" not in text and f"{m['first_name']} {m['surname']}" not in text


def test_workbook(built):
    store, data, files = built
    wb = load_workbook(files[False][1])
    assert wb.sheetnames == ["Riepilogo", "Presenze", "Raccomandazioni", "Post-it"]
    summary = list(wb["Riepilogo"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in summary] == [1, 2, 3] and all(0 < r[7] <= 1 for r in summary)
    grid = list(wb["Presenze"].iter_rows(min_row=2, values_only=True))
    history = attendance_history(store)
    assert len(grid) == len(history.members)
    for row, m in zip(grid, history.members):
        assert row[:2] == (m["surname"], m["first_name"])
        assert row[-1] == pytest.approx(history.member_rate(m["id"]))
    recs = list(wb["Raccomandazioni"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2]) for r in recs] == [(p["number"], t) for p in data["plenaries"] for t, _ in p["recommendations"]]
    notes = [r[3] for r in wb["Post-it"].iter_rows(min_row=2, values_only=True)]
    assert sorted(notes) == sorted(n for p in data["plenaries"] for n in p["notes"])
    assert all(c.data_type != "f" for ws in wb for row in ws.iter_rows() for c in row)
    public = load_workbook(files[True][1])
    assert public.sheetnames == ["Riepilogo", "Raccomandazioni", "Post-it"]
    assert "Autore" not in [c.value for c in public["Post-it"][1]]
