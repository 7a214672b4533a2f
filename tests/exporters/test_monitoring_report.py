"""The civic monitoring report: PDF read back with pdftotext and pdfinfo, Excel with openpyxl.

The public version never names a citizen (checked against every member's name, also one typed
into a recommendation and an update), nor who followed each recommendation up; the internal one does.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from facilitator_app.core.followup import add_update, load_board, record_answer, record_sending, set_details
from facilitator_app.core.followup.monitoring import OMITTED, load_monitoring
from facilitator_app.core.store import Device, Store
from facilitator_app.demo import build_demo
from facilitator_app.exporters.monitoring import render_monitoring_pdf, render_monitoring_xlsx

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
TODAY = date(2024, 12, 20)


def pdftext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("monitoring")
    store = Store(folder / "a.sqlite", Device("test", "test"))
    build_demo(store, seed=2024)
    rows = load_board(store, TODAY)
    member = store.select("members", order_by="surname")[0]
    name = f"{member['first_name']} {member['surname']}"
    r0, r1 = [r for r in rows if not r.sent_on][:2]  # the demo already followed some up
    with store.transaction():
        store.update("recommendations", r0.id, {"text": f"Come ha detto {name} in plenaria: più ombra. =1+1"})
    record_sending(store, r0.id, "2024-10-20", "Giunta comunale", "PG 4567/2024", today=TODAY)
    record_answer(store, r0.id, "partly", "Si aprono cinque rifugi climatici nelle biblioteche.",
                  answer_on="2024-12-01", act="Delibera di Giunta 1234/2024",
                  act_link="https://www.comune.milano.it/delibere/1234", responsible="Direzione Verde e Ambiente",
                  today=TODAY)
    set_details(store, r0.id, {"followed_by": "Elisa Cremonesi"})
    add_update(store, r0.id, "in_progress", f"Aperta la prima biblioteca; ne ha parlato {member['surname']} "
                                            f"{member['first_name']}.", on_date="2024-12-10",
               evidence_link="https://www.comune.milano.it/rifugi", author="Marco Tagliabue", today=TODAY)
    record_sending(store, r1.id, "2024-06-01", "Assessorato all'Ambiente", today=TODAY)   # due 2024-09-01: overdue
    files = {}
    for public in (True, False):
        m = load_monitoring(store, public=public, today=TODAY)
        pdf, xlsx = folder / f"m{int(public)}.pdf", folder / f"m{int(public)}.xlsx"
        pages = render_monitoring_pdf(m, pdf)
        sheets = render_monitoring_xlsx(m, xlsx)
        files[public] = (pdf, xlsx, pages, sheets, flat(pdftext(pdf)))
    yield store, files, name, r0, r1
    store.close()


def test_public_report_names_no_member(built):
    store, files, name, r0, _ = built
    _, xlsx, _, _, text = files[True]
    members = store.select("members", include_deleted=True)
    assert len(members) > 90
    for mem in members:
        for full in (f"{mem['first_name']} {mem['surname']}", f"{mem['surname']} {mem['first_name']}"):
            assert full not in text, full
    assert OMITTED in text
    assert "Elisa Cremonesi" not in text and "Marco Tagliabue" not in text
    wb = load_workbook(xlsx)
    cells = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    for mem in members:
        assert f"{mem['first_name']} {mem['surname']}" not in cells
    assert "Seguita da" not in cells and "Scritto da" not in cells and "Elisa Cremonesi" not in cells


def test_internal_report_says_who_followed_up(built):
    _, files, name, _, _ = built
    _, xlsx, _, _, text = files[False]
    assert "Seguita da (uso interno) Elisa Cremonesi" in text and "Marco Tagliabue" in text
    assert name in text  # the internal version keeps the text as written
    ws = load_workbook(xlsx)["Raccomandazioni"]
    header = [c.value for c in ws[1]]
    assert header[-1] == "Seguita da"


def test_report_content_in_plain_italian(built):
    _, files, _, r0, r1 = built
    _, _, pages, _, text = files[True]
    for needle in (f"{r0.code} · {r0.title}", "Accolta in parte, il 01/12/2024", "Delibera di Giunta 1234/2024 del "
                   "01/12/2024", "Direzione Verde e Ambiente", "Il 20/10/2024 a Giunta comunale (protocollo PG "
                   "4567/2024)", "Aperta la prima biblioteca", "20/02/2025",
                   "01/10/2024: scaduto da 80 giorni, senza una risposta definitiva",
                   "Le azioni del Piano Aria e Clima", "Come leggere questo documento", "Indice", "In sintesi",
                   f"pagina 1 di {pages}", f"pagina {pages} di {pages}", "Versione pubblica"):
        assert needle in text, needle
    assert "Nel mandato 2022–2030 l'Assemblea ha approvato 23 raccomandazioni" in text  # 13 of 2024, the 2023 cycle's 10


def test_metadata_and_outline(built):
    _, files, _, _, _ = built
    pdf = files[True][0]
    info = subprocess.run(["pdfinfo", "-enc", "UTF-8", str(pdf)], check=True, capture_output=True, text=True).stdout
    fields = {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in info.splitlines())}
    assert fields["Title"] == "Monitoraggio civico delle raccomandazioni — mandato 2022–2030"
    assert fields["Author"].startswith("Segreteria dell'Assemblea") and "versione pubblica" in fields["Subject"]
    assert "monitoraggio civico" in info  # keywords


def test_excel_sheets_and_text_cells(built):
    _, files, _, r0, _ = built
    xlsx, sheets = files[True][1], files[True][3]
    assert sheets == ["Riepilogo", "Raccomandazioni", "Aggiornamenti", "Azioni del Piano"]
    wb = load_workbook(xlsx)
    recs = wb["Raccomandazioni"]
    rows = {r[0].value: r for r in recs.iter_rows(min_row=2)}
    row = rows[r0.code]
    header = [c.value for c in recs[1]]
    assert row[header.index("Risposta")].value == "Accolta in parte"
    assert row[header.index("Atto")].value == "Delibera di Giunta 1234/2024"
    text_cell = row[header.index("Testo")]
    assert text_cell.data_type == "s" and text_cell.value.endswith("=1+1")
    ups = [u for u in wb["Aggiornamenti"].iter_rows(min_row=2, values_only=True) if u[0] == r0.code]
    assert len(ups) == 1 and ups[0][2] == "In corso" and ups[0][3].startswith("Aperta la prima biblioteca")


def test_one_cycle(built, tmp_path):
    store, _, _, _, _ = built
    m = load_monitoring(store, public=True, cycle="2024", today=TODAY)
    assert m.label == "ciclo 2024" and len(m.rows) == 13
    pdf = tmp_path / "c.pdf"
    render_monitoring_pdf(m, pdf)
    assert "Monitoraggio civico — ciclo 2024" in flat(pdftext(pdf))
