"""The verbale as an Excel workbook, read back with openpyxl and opened by LibreOffice."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from _minutes_data import GUEST, ODD_NOTES, build_cycle  # noqa: E402

from facilitator_app.core.minutes.minutes import load_minutes  # noqa: E402
from facilitator_app.core.store.device import Device  # noqa: E402
from facilitator_app.core.store.store import Store  # noqa: E402
from facilitator_app.exporters.verbale_xlsx import write_verbale_xlsx  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("verbale_xlsx")
    store = Store(folder / "a.sqlite", Device("test", "test"))
    data = build_cycle(store, 1, notes=240, recommendations=12, photos_per_plenary=1)
    p = data["plenaries"][0]
    files = {}
    for public in (False, True):
        path = folder / f"verbale_{public}.xlsx"
        files[public] = (path, write_verbale_xlsx(store, p["id"], path, public=public))
    yield store, p, files, store.select("members"), load_minutes(store, p["id"])
    store.close()


def _values(wb):
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                yield ws.title, c


def test_internal_sheets_and_content(built):
    store, p, files, members, m = built
    path, sheets = files[False]
    assert sheets == ["Riepilogo", "Presenze", "Composizione", "Gruppi", "Componenti gruppi", "Post-it",
                      "Raccomandazioni"]
    wb = load_workbook(path)
    notes = wb["Post-it"]
    header = [c.value for c in notes[1]]
    assert header[3] == "Post-it" and header[-1] == "Autore"
    texts = [r[3] for r in notes.iter_rows(min_row=2, values_only=True)]
    assert sorted(texts) == sorted(p["notes"])  # every note, exactly as typed
    assert any(r[-1] for r in notes.iter_rows(min_row=2, values_only=True))
    recs = wb["Raccomandazioni"]
    assert [(r[1], r[2]) for r in recs.iter_rows(min_row=2, values_only=True)] == p["recommendations"]
    voted = [r for r in recs.iter_rows(min_row=2, values_only=True) if r[6] is not None]
    assert voted and all(isinstance(r[6], int) and r[9] == r[6] + r[7] + r[8] for r in voted)
    att = wb["Presenze"]
    rows = list(att.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 90 * 2  # member x session
    present = {(r[0], r[1]) for r in rows if r[3] == "Presente"}
    assert present == {(ln.surname, ln.first_name) for ln in m.present_list}
    times = [r[4] for r in rows if r[3] == "Presente"]
    assert all(isinstance(t, dt.datetime) and t.date() == dt.date(2024, 1, 20) for t in times)
    assert min(t.hour for t in times) == 9  # the wall-clock time people saw, not shifted to another zone
    assert {r[7] for r in rows if r[3] == "Assente giustificato/a"} <= {"Motivi di salute", "Impegni di lavoro",
                                                                       "Motivi familiari"}
    summary = {r[0]: r[1] for r in wb["Riepilogo"].iter_rows(min_row=2, values_only=True)}
    assert summary["Data"] == dt.datetime(2024, 1, 20) and summary["Membri in carica"] == 90
    assert summary["Post-it"] == 240 and summary["Presenti ad almeno una sessione"] == m.present
    seats = list(wb["Componenti gruppi"].iter_rows(min_row=2, values_only=True))
    assert len(seats) == sum(g.member_count for g in m.groups)


def test_formula_looking_notes_stay_text(built):
    _, _, files, _, _ = built
    for public in (False, True):
        wb = load_workbook(files[public][0])
        for title, c in _values(wb):
            assert c.data_type != "f", (title, c.coordinate, c.value)
        texts = [c.value for _, c in _values(wb)]
        for odd in ODD_NOTES[:5]:
            assert odd in texts


def test_sheets_look_right(built):
    _, _, files, _, _ = built
    wb = load_workbook(files[False][0])
    for ws in wb:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
        assert all(c.font.b for c in ws[1]), ws.title
        assert all(6 <= ws.column_dimensions[c.column_letter].width <= 62 for c in ws[1]), ws.title
    assert wb["Presenze"]["E2"].number_format == "dd/mm/yyyy hh:mm"
    assert wb["Composizione"]["D2"].number_format == "0.0%"
    assert wb.properties.language == "it-IT"


def test_public_has_no_personal_data(built):
    _, p, files, members, _ = built
    path, sheets = files[True]
    assert "Componenti gruppi" not in sheets
    wb = load_workbook(path)
    assert "Autore" not in [c.value for c in wb["Post-it"][1]]
    assert [c.value for c in wb["Presenze"][1]][:5] == ["Sessione", "Inizio", "Fine", "Membri in carica", "Presenti"]
    texts = [str(c.value) for _, c in _values(wb) if c.value is not None]
    blob = "\n".join(texts)
    for mem in members:
        assert f"{mem['surname']} {mem['first_name']}" not in blob and f"{mem['first_name']} {mem['surname']}" not in blob
        assert mem["surname"] not in texts and mem["first_name"] not in texts  # never a name cell
        assert mem["email"] not in blob
    assert GUEST[0] not in blob and "Motivi di salute" not in blob
    assert sorted(r[3] for r in wb["Post-it"].iter_rows(min_row=2, values_only=True)) == sorted(p["notes"])


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed: cannot open the workbook")
def test_libreoffice_opens_it(built, tmp_path):
    """A real spreadsheet program converts it without complaint, and shows '=SUM(A1:A3)' as text."""
    _, _, files, _, _ = built
    profile = tmp_path / "lo-profile"
    out = tmp_path / "out"
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf",
           "--outdir", str(out), str(files[False][0])]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=240)
    pdf = out / (files[False][0].stem + ".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stderr
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "=SUM(A1:A3)" in text and "Err:" not in text and "#NAME?" not in text
        assert "Riepilogo" in text or "Assemblea" in text
