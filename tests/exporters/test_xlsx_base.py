"""The shared Excel foundation: real types, no formulas from user text, header, filter, speed."""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from facilitator_app.exporters.xlsx import MAX_WIDTH, MIN_WIDTH, new_workbook, save_workbook, sheet_title, write_sheet

RISKY = ["=SUM(A1)", "+39 02 1234567", "-x", "@foo", "#N/A", "=1+1"]
HEADER = ["N.", "Nome", "Nato il", "Firma", "Ora", "Punteggio", "Presente", "Nota"]


def sample_rows(n: int = 10) -> list[list]:
    return [
        [i + 1, RISKY[i % len(RISKY)], dt.date(1980, 1, 1) + dt.timedelta(days=i), dt.datetime(2025, 4, 12, 9, i % 60),
         dt.time(9, i % 60), 7.5 + i, i % 2 == 0, "nota lunga " * (i % 20)]
        for i in range(n)
    ]


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet"))


@pytest.fixture(params=[False, True], ids=["normal", "write_only"])
def workbook_path(request, tmp_path) -> Path:
    wb = new_workbook(title="Presenze plenaria 3", author="Segreteria", write_only=request.param)
    write_sheet(wb, "Presenze", HEADER, sample_rows())
    path = tmp_path / "presenze.xlsx"
    save_workbook(wb, path)
    return path


def test_values_keep_their_types(workbook_path):
    ws = openpyxl.load_workbook(workbook_path)["Presenze"]
    row = [c for c in ws[2]]
    assert row[0].value == 1 and row[0].data_type == "n"
    assert row[2].is_date and row[2].value.date() == dt.date(1980, 1, 1) and row[2].number_format == "dd/mm/yyyy"
    assert row[3].is_date and row[3].number_format == "dd/mm/yyyy hh:mm"
    assert row[4].is_date and row[4].number_format == "hh:mm"
    assert isinstance(row[5].value, float) and row[5].value == 7.5
    assert row[6].value is True


def test_user_text_never_becomes_a_formula(workbook_path):
    ws = openpyxl.load_workbook(workbook_path)["Presenze"]
    stored = [ws.cell(row=r, column=2) for r in range(2, 2 + len(RISKY))]
    assert [c.value for c in stored] == RISKY
    assert all(c.data_type == "s" for c in stored)
    xml = sheet_xml(workbook_path)
    assert "<f>" not in xml and "<f " not in xml
    assert 't="e"' not in xml  # "#N/A" is text, not an error value


def test_header_frozen_bold_and_filtered(workbook_path):
    ws = openpyxl.load_workbook(workbook_path)["Presenze"]
    assert [c.value for c in ws[1]] == HEADER
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:H11"
    assert ws.print_title_rows == "$1:$1"
    widths = [ws.column_dimensions[chr(65 + i)].width for i in range(len(HEADER))]
    assert all(MIN_WIDTH <= w <= MAX_WIDTH for w in widths)
    assert widths[7] > widths[0]  # the notes column is wider than "N."


def test_metadata(workbook_path):
    props = openpyxl.load_workbook(workbook_path).properties
    assert props.title == "Presenze plenaria 3" and props.creator == "Segreteria" and props.language == "it-IT"


def test_col_types_parse_and_force(tmp_path):
    wb = new_workbook()
    rows = [["02134", "1.234,5", "2025-03-01", "2025-03-01T09:30:00", "09:30", "0,125", "sì", "not a date"]]
    write_sheet(wb, "Tipi", list("ABCDEFGH"), rows, ["text", "number", "date", "datetime", "time", "percent", "bool", "date"])
    path = tmp_path / "tipi.xlsx"
    save_workbook(wb, path)
    c = list(openpyxl.load_workbook(path)["Tipi"][2])
    assert c[0].value == "02134"  # leading zero kept
    assert c[1].value == 1234.5
    assert c[2].value == dt.datetime(2025, 3, 1) and c[2].number_format == "dd/mm/yyyy"
    assert c[3].value == dt.datetime(2025, 3, 1, 9, 30)
    assert c[4].value == dt.time(9, 30)
    assert c[5].value == 0.125 and "%" in c[5].number_format
    assert c[6].value is True
    assert c[7].value == "not a date"  # unparseable input is kept, not lost


def test_awkward_input_does_not_crash(tmp_path):
    wb = new_workbook()
    aware = dt.datetime(2025, 4, 12, 8, 0, tzinfo=dt.timezone.utc)
    rows = [["bell\x07 and \x00null", aware, None, "x" * 40_000, Path("a/b")], ["corta"]]  # ragged too
    write_sheet(wb, "Strani", ["Testo", "Quando", "Vuoto", "Lungo", "Percorso"], rows)
    path = tmp_path / "strani.xlsx"
    save_workbook(wb, path)
    ws = openpyxl.load_workbook(path)["Strani"]
    assert ws["A2"].value == "bell and null"
    assert ws["B2"].is_date and len(ws["D2"].value) == 32_767 and ws["D2"].value.startswith("x" * 32_000)
    assert ws["D2"].value.endswith("[testo tagliato: 40.000 caratteri in tutto; il testo completo è nel file "
                                   "dell'assemblea]")  # never cut silently
    assert ws["E2"].value == str(Path("a/b"))
    assert not list(tmp_path.glob(".*"))  # atomic save left no temp file


def test_sheet_titles():
    assert sheet_title("Presenze: plenaria 3/2025") == "Presenze plenaria 3-2025"
    assert sheet_title("[Gruppo] mobilità e qualità dell'aria, sessione pomeridiana") == "(Gruppo) mobilità e qualità del"
    assert sheet_title("'citato'") == "citato" and sheet_title("   ") == "Foglio"
    name = "Idee per la mobilità e il quar'tiere"
    assert name[30] == "'" and sheet_title(name) == "Idee per la mobilità e il quar"  # no edge apostrophe
    assert sheet_title("History") != "History"
    long = "Raccomandazioni approvate dall'Assemblea"
    first = sheet_title(long)
    second = sheet_title(long, [first])
    assert len(first) <= 31 and len(second) <= 31 and second.endswith("(2)") and second != first
    for t in (first, second, sheet_title("a*b?c:d")):
        assert not re.search(r"[\[\]:*?/\\]", t)


def test_five_thousand_rows_are_fast(tmp_path):
    rows = sample_rows(5000)
    wb = new_workbook()
    write_sheet(wb, "Grande", HEADER, rows)
    save_workbook(wb, tmp_path / "grande.xlsx")
    # Speed is measured by the benchmarks, not asserted here: this checks the big sheet is whole.
    from openpyxl import load_workbook

    assert load_workbook(tmp_path / "grande.xlsx", read_only=True)["Grande"].max_row == 5001
