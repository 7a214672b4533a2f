"""The shared PDF foundation: fonts, safe text, header/footer, metadata, TOC, tables, speed."""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.platypus import PageBreak

from facilitator_app.exporters.pdf import (
    FALLBACK_GLYPH,
    build_pdf,
    content_width,
    data_table,
    esc,
    format_value,
    get_styles,
    heading,
    para,
    safe_text,
)

NAMES = ["Nguyễn Thị Lan", "Şahin Ayşe", "Łukasz Wójcik", "Maria D'Angelo", "Νίκος Παπαδόπουλος", "Ирина Иванова"]
TITLE = "Verbale della plenaria n. 3 – 12 aprile 2025"

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdftotext, pdfinfo) not installed: cannot read the PDF back",
)


def pdftext(path: Path, first: int | None = None, last: int | None = None, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*args, str(path), "-"], check=True, capture_output=True, text=True).stdout


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", "-enc", "UTF-8", str(path)], check=True, capture_output=True, text=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def outline_pages(raw: bytes) -> dict[str, int]:
    """Outline (bookmark) title -> 1-based page, read from reportlab's plain object syntax."""
    text = raw.decode("latin-1")
    kids = [int(x) for x in re.findall(r"(\d+) 0 R", re.search(r"/Kids \[ ([^\]]*) \]", text).group(1))]
    found = {}
    for obj in re.findall(r"<<[^<>]*/Dest \[[^\]]*\][^<>]*>>", text):
        ref, title = re.search(r"/Dest \[ (\d+) 0 R", obj), re.search(r"/Title \(([^)]*)\)", obj)
        if ref and title:
            found[title.group(1)] = kids.index(int(ref.group(1))) + 1
    return found


def sample_story(n_notes: int = 40) -> list:
    ss = get_styles()
    story = [para(TITLE, ss["title"]), para("Fabbrica del Vapore, Milano", ss["subtitle"])]
    story += [heading("1. Presenze", 1, ss), para("Testo con <tag> & simboli > non markup.", ss["body"])]
    rows = [[i + 1, name, f"Municipio {i % 9 + 1}", dt.datetime(2025, 4, 12, 9, i), True] for i, name in enumerate(NAMES)]
    story.append(data_table(["N.", "Nome e cognome", "Municipio", "Firma", "Presente"], rows, ["8%", "40%", "20%", "20%", "12%"]))
    story += [PageBreak(), heading("2. Contributi dei gruppi", 1, ss), heading("2.1 Mobilità", 2, ss)]
    notes = [[n, NAMES[n % len(NAMES)], "idea " * (5 + n % 50)] for n in range(n_notes)]
    story.append(data_table(["#", "Autore", "Post-it"], notes, [30, 120, "*"]))
    return story


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("pdf") / "verbale.pdf"
    pages = build_pdf(
        path, sample_story(), title=TITLE, author="Segreteria dell'Assemblea", subject="Verbale di plenaria",
        keywords=["verbale", "plenaria"], toc=True, footer_left="Documento interno",
    )
    return path, pages


# --- pure functions -------------------------------------------------------------

def test_safe_text_keeps_supported_scripts():
    for name in NAMES:
        assert safe_text(name) == name


def test_safe_text_replaces_missing_glyphs_and_drops_invisible_controls():
    # Chinese, emoji (with their joiners and selectors), Arabic, Bengali, Sinhala: a font prints them
    for text in ("王伟", "ok 🌍", "👩\u200d🌾", "✅\ufe0f", "مرحبا", "বাংলা", "ශ්\u200dරී"):
        assert safe_text(text) == text
    # No font of ours: hieroglyphs, Linear B, private use (our shaped glyph codes live there)
    assert safe_text("𓀀 𐀀 \ue000") == " ".join([FALLBACK_GLYPH] * 3)
    assert FALLBACK_GLYPH != "\u25a1"  # the fallback is not an empty box
    assert safe_text("a\x00b\tc\r\nd") == "ab c\nd"
    assert safe_text("\ud800 lone surrogate") == " lone surrogate"
    assert safe_text("Nguye\u0302\u0303n") == "Nguyễn"  # decomposed input is composed (NFC)
    assert safe_text(None) == "" and safe_text(3) == "3"


def test_escaping_prevents_markup_injection():
    assert esc("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    p = para("<font size=40>grande</font>\nriga 2", get_styles()["body"])
    assert p.getPlainText().startswith("<font size=40>grande</font>")


def test_format_value_is_italian():
    assert format_value(dt.date(2025, 4, 2)) == "02/04/2025"
    assert format_value(dt.datetime(2025, 4, 2, 9, 5)) == "02/04/2025 09:05"
    assert format_value(1234.5) == "1.234,5"
    assert format_value(True) == "sì" and format_value(None) == ""


# --- built documents -------------------------------------------------------------

@needs_poppler
def test_names_and_page_numbers_print(sample_pdf):
    path, pages = sample_pdf
    text = pdftext(path)
    for name in NAMES:
        assert name in text, name
    assert pages >= 3
    assert f"pagina 1 di {pages}" in text
    assert f"pagina {pages} di {pages}" in text
    assert "Testo con <tag> & simboli > non markup." in text


@needs_poppler
def test_metadata_and_language(sample_pdf):
    path, pages = sample_pdf
    info = pdfinfo(path)
    assert info["Title"] == TITLE
    assert info["Author"] == "Segreteria dell'Assemblea"
    assert info["Subject"] == "Verbale di plenaria"
    assert "verbale" in info["Keywords"]
    assert info["Pages"] == str(pages)
    assert "A4" in info["Page size"]
    raw = path.read_bytes()
    assert re.search(rb"/Lang \(it\)", raw), "catalog lacks /Lang (it)"
    assert b"/Outlines" in raw  # headings are bookmarks


@needs_poppler
def test_toc_page_numbers_point_at_the_headings(sample_pdf):
    path, _ = sample_pdf
    toc = pdftext(path, 1, layout=True)
    assert "Indice" in toc
    for title in ("1. Presenze", "2. Contributi dei gruppi", "2.1 Mobilità"):
        m = re.search(re.escape(title) + r"[ .]*(\d+)", toc)
        assert m, f"{title} missing from the TOC"
        assert title in pdftext(path, int(m.group(1))), f"{title} not on page {m.group(1)}"
    # Bookmarks are set while pages are held back for "pagina X di Y": they must still
    # point at the page where the heading is, not at page 1.
    bookmarks = outline_pages(path.read_bytes())
    assert bookmarks["1. Presenze"] == int(re.search(r"1\. Presenze[ .]*(\d+)", toc).group(1))
    assert bookmarks["2. Contributi dei gruppi"] == int(re.search(r"2\. Contributi dei gruppi[ .]*(\d+)", toc).group(1))


def test_empty_tables_and_file_objects():
    out = io.BytesIO()
    story = [data_table(["A", "B"], []), data_table(None, []), data_table(["A"], [[1, 2, 3], []])]
    assert build_pdf(out, story, title="Vuoto") == 1
    assert out.getvalue().startswith(b"%PDF")


@needs_poppler
def test_emoji_and_cjk_print_as_themselves(tmp_path):
    ss = get_styles()
    story = [para("Zhang 王伟 🌍🤝 ok 𓀀", ss["body"]), data_table(["Nome"], [["李娜 🎉"]], None)]
    path = tmp_path / "cjk.pdf"
    build_pdf(path, story, title="王伟 🌍", header_left="Assemblea 🌍")  # metadata keeps real Unicode
    text = pdftext(path)
    assert f"Zhang 王伟 🌍🤝 ok {FALLBACK_GLYPH}" in text  # a hieroglyph: no font, a visible mark
    assert "李娜 🎉" in text
    assert "Assemblea 🌍" in text


@needs_poppler
def test_long_cells_wrap_inside_the_page(tmp_path):
    long_word = "Supercalifragilistichespiralidoso" * 6
    rows = [[1, long_word, "parola " * 2500]]  # one cell taller than a page, too
    path = tmp_path / "long.pdf"
    pages = build_pdf(path, [data_table(["N.", "Parola", "Testo"], rows, [30, 150, "*"])], title="Lungo", landscape=True)
    assert pages >= 2  # the huge row continued on the next page instead of failing
    assert "841.89 x 595.276" in pdfinfo(path)["Page size"]
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    x_max = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', html))
    assert x_max <= 841.89 - 20 * 72 / 25.4 + 1, "text overflows the right margin"


def test_hundred_pages_of_tables_are_fast(tmp_path):
    ss = get_styles()
    attendees = [[i + 1, f"{NAMES[i % 6]} {i}", f"Municipio {i % 9 + 1}", dt.datetime(2025, 4, 12, 9, i % 60), i % 7 != 0]
                 for i in range(90)]
    story = [para(TITLE, ss["title"]), heading("Presenze", 1, ss),
             data_table(["N.", "Nome", "Municipio", "Firma", "Presente"], attendees, ["8%", "42%", "20%", "18%", "12%"])]
    words = "ridurre il traffico privato e aumentare le piste ciclabili protette nei quartieri periferici".split()
    for g in range(12):
        notes = [[n + 1, NAMES[n % 6], " ".join(words[(n + k) % len(words)] for k in range(12 + n % 40)), "proposta"]
                 for n in range(100)]
        story += [heading(f"Gruppo {g + 1}", 2, ss), data_table(["#", "Autore", "Post-it", "Tipo"], notes, ["6%", "24%", "55%", "15%"])]
    pages = build_pdf(tmp_path / "big.pdf", story, title="Verbale", toc=True)
    assert pages >= 100  # speed itself is measured by the benchmarks, not asserted in tests


def test_geometry_helper():
    assert 465 < content_width() < 470 and content_width(landscape=True) > 700


def test_exporters_do_not_import_qt():
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import facilitator_app.exporters.pdf, facilitator_app.exporters.xlsx\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules if sys.modules[m] is not None)\n"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
