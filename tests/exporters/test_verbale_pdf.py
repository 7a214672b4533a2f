"""The verbale as PDF, read back with pdftotext: every note, recommendation and present member; no
citizen's name in the public version; Italian, metadata, page numbers; each part rendered."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from _minutes_data import FACILITATORS, GUEST, STAFF, build_cycle  # noqa: E402

from facilitator_app.core.minutes.minutes import load_minutes, save_section  # noqa: E402
from facilitator_app.core.plenaries.plenaries import get_plenary  # noqa: E402
from facilitator_app.core.store.device import Device  # noqa: E402
from facilitator_app.core.store.store import Store  # noqa: E402
from facilitator_app.exporters.pdf import FALLBACK_GLYPH, safe_text  # noqa: E402
from facilitator_app.exporters.verbale import write_verbale_pdf  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                                reason="poppler-utils (pdftotext, pdftoppm) not installed: cannot read the PDF back")


def pdftext(path: Path, first: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8", "-layout"] + (["-f", str(first), "-l", str(first)] if first else [])
    out = subprocess.run([*args, str(path), "-"], check=True, capture_output=True, text=True).stdout
    return out.replace("\u202b", "").replace("\u202c", "")  # pdftotext marks right-to-left runs


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_in(needle: str, text: str) -> None:
    """A text as printed (safe_text), whatever the line breaks; very long ones by their two ends."""
    n = flat(safe_text(needle))
    if len(n) > 200:
        assert n[:80] in text and n[-80:] in text, n[:80]
    else:
        assert n in text, n


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("verbale")
    store = Store(folder / "a.sqlite", Device("test", "test"))
    data = build_cycle(store, 1)
    p = data["plenaries"][0]
    save_section(store, p["id"], "opening", "La plenaria è aperta alle 10:00.\n\nSaluti della Segreteria.")
    save_section(store, p["id"], "decisions", "Si approvano le raccomandazioni votate.")
    files = {}
    for public in (False, True):
        path = folder / f"verbale_{'pubblico' if public else 'interno'}.pdf"
        pages = write_verbale_pdf(store, p["id"], path, public=public)
        files[public] = (path, pages, flat(pdftext(path)))
    members = store.select("members")
    internal = load_minutes(store, p["id"])
    yield store, data, p, files, members, internal
    store.close()


def test_internal_has_every_note_recommendation_and_member(built):
    store, data, p, files, members, m = built
    path, pages, text = files[False]
    for note in p["notes"]:
        assert_in(note, text)
    for title, body in p["recommendations"]:
        assert_in(f"R{p['recommendations'].index((title, body)) + 1}. {title}", text)
        assert_in(body, text)
    for line in m.present_list + m.justified_list + m.absent_list:
        assert flat(line.name) in text, line.name
    for line in m.justified_list:
        assert flat(line.reason) in text
    assert FALLBACK_GLYPH not in text  # every script of the notes has a font
    assert "=SUM(A1:A3)" in text and "<b>grassetto</b> & <i>corsivo</i>" in text


def test_italian_structure_and_page_numbers(built):
    _, _, p, files, _, _ = built
    path, pages, text = files[False]
    for words in ("Verbale della plenaria n. 1", "Indice", "Ordine del giorno", "Apertura dei lavori", "Presenze",
                  "Presenze per sessione", "Composizione dei presenti", "Elenco dei presenti", "Assenti giustificati",
                  "Lavori dei gruppi", "Raccomandazioni", "Favorevoli", "Contrari", "Astenuti", "Decisioni",
                  "Allegato A — Fotografie delle pareti", "Letto, approvato e sottoscritto", "Sabato 20 gennaio 2024",
                  "La plenaria è aperta alle 10:00.", "Saluti della Segreteria."):
        assert words in text, words
    assert "Prossimi passi" not in text  # an empty section is left out
    assert f"pagina 1 di {pages}" in text and f"pagina {pages} di {pages}" in text
    # The index points at the right pages.
    toc = pdftext(path, 2)
    number, page = re.search(r"(\d)\. Raccomandazioni[ .]+(\d+)", toc).groups()
    assert f"{number}. Raccomandazioni" in pdftext(path, int(page))
    assert "2. Apertura dei lavori" in toc and "5. Raccomandazioni" in toc


def test_metadata(built):
    _, _, _, files, _, _ = built
    for public, (path, pages, _) in files.items():
        out = subprocess.run(["pdfinfo", "-enc", "UTF-8", str(path)], check=True, capture_output=True, text=True).stdout
        info = {k.strip(): v.strip() for k, _, v in (ln.partition(":") for ln in out.splitlines())}
        assert info["Title"] == "Verbale della plenaria n. 1 — sabato 20 gennaio 2024"
        assert info["Author"].startswith("Segreteria dell'Assemblea")
        assert ("versione pubblica" in info["Subject"]) is public
        assert info["Pages"] == str(pages)
        assert re.search(rb"/Lang \(it\)", path.read_bytes())
        fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
        rows = [r.split() for r in fonts.splitlines()[2:]]
        dejavu = [r for r in rows if "DejaVuSans" in r[0] or "Noto" in r[0]]
        assert dejavu and all(r[-5] == "yes" for r in dejavu), fonts  # every font that prints is embedded
        names = " ".join(r[0] for r in dejavu)
        for face in ("NotoSansArabic", "NotoSansCJKsc", "NotoEmoji"):  # the notes hold Arabic, Chinese, emoji
            assert face in names, fonts
        # reportlab always lists its base Helvetica resource; nothing here draws with it.
        assert all(r[0] == "Helvetica" for r in rows if r not in dejavu), fonts


def test_public_has_no_citizen_names(built):
    store, data, p, files, members, _ = built
    path, pages, text = files[True]
    for note in p["notes"]:
        assert_in(note, text)
    for title, body in p["recommendations"]:
        assert_in(body, text)
    staff_text = " ".join(FACILITATORS + tuple(n for n, _ in STAFF))
    for mem in members:
        first, surname = mem["first_name"], mem["surname"]
        for full in (f"{first} {surname}", f"{surname} {first}"):
            assert full not in text, full
        # Distinctive surnames (not words of the notes, staff names or Italian text) never appear alone either.
        if len(surname) >= 6 and surname not in staff_text and surname.casefold() not in " ".join(p["notes"]).casefold():
            assert surname not in text, surname
    assert GUEST[0] not in text  # a guest is counted, not named
    assert "Motivi di salute" not in text and "foto di" not in text and "autore:" not in text
    assert "Elenco dei presenti" not in text and "Componenti:" not in text
    for name in FACILITATORS + tuple(n for n, _ in STAFF):
        assert name in text  # staff and facilitators stay named
    assert "Versione pubblica" in text and "1 ospite" in text


def _page_of(path: Path, pages: int, needle: str) -> int:
    for n in range(3, pages + 1):
        if needle in pdftext(path, n):
            return n
    raise AssertionError(needle)


def test_each_part_renders(built, tmp_path):
    from PIL import Image, ImageStat

    _, _, _, files, _, _ = built
    path, pages, _ = files[False]
    parts = {"cover": 1, "attendance": _page_of(path, pages, "Presenze per sessione"),
             "group": _page_of(path, pages, "Tavolo 1 — "), "recommendations": _page_of(path, pages, "5. Raccomandazioni"),
             "photos": _page_of(path, pages, "Allegato A")}
    for name, page in parts.items():
        prefix = tmp_path / name
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), str(path), str(prefix)],
                       check=True)
        png = next(tmp_path.glob(f"{name}*.png"))
        img = Image.open(png).convert("L")
        assert img.size[0] > 400 and ImageStat.Stat(img).stddev[0] > 10, name  # not a blank page
    photo_page = Image.open(next(tmp_path.glob("photos*.png"))).convert("RGB")
    assert len(photo_page.resize((60, 80)).getcolors(10000)) > 50  # the wall photo is drawn


def test_demo_verbale(demo_store, tmp_path):
    """On the demo's data too: every note, and no demo member's name in the public version."""
    p = get_plenary(demo_store, 3)
    members = demo_store.select("members")
    notes = [r["text"] for r in demo_store.select("notes", "plenary_id = ?", (p["id"],))]
    for public in (False, True):
        path = tmp_path / f"demo_{public}.pdf"
        write_verbale_pdf(demo_store, p["id"], path, public=public)
        text = flat(pdftext(path))
        for note in notes:
            if re.search(r"[\u0590-\u08ff]", note):  # right-to-left scripts: reportlab does no bidi, skip
                continue
            assert_in(note, text)
        present = {r["member_id"] for r in demo_store.select("attendance", "plenary_id = ? AND status = 'present' "
                                                              "AND member_id IS NOT NULL", (p["id"],))}
        for mem in members:
            full = f"{mem['surname']} {mem['first_name']}"
            if public:
                assert full not in text and f"{mem['first_name']} {mem['surname']}" not in text, full
            elif mem["id"] in present:
                assert flat(full) in text, full
