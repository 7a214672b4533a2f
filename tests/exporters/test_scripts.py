"""Every script printed right: each script rendered to PDF and read back (pdftotext, pdffonts,
word positions with -bbox, pixels with pdftoppm); Arabic in logical order after extraction and
in visual order on the page, mixed with Italian words and numbers."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from facilitator_app.exporters import scripts
from facilitator_app.exporters.pdf import FALLBACK_GLYPH, build_pdf, data_table, get_styles, heading, para, safe_text

pytestmark = pytest.mark.skipif(any(shutil.which(t) is None for t in ("pdftotext", "pdffonts", "pdftoppm")),
                                reason="poppler-utils not installed")

SAMPLES = {
    "arabic": ("NotoSansArabic", "نريد المزيد من الأشجار في الحي"),
    "chinese": ("NotoSansCJKsc", "我们希望社区里有更多的树"),
    "bengali": ("NotoSansBengali", "আমরা আমাদের শহরে আরও গাছ চাই"),
    "sinhala": ("NotoSansSinhala", "අපට අපේ නගරයේ තවත් ගස් අවශ්\u200dයයි"),
    "tagalog": ("DejaVuSans", "Gusto namin ng mas maraming puno sa aming lungsod"),
    "romanian": ("DejaVuSans", "Vrem mai mulți copaci în curțile școlilor, și mai multă umbră"),
    "spanish": ("DejaVuSans", "Queremos más árboles en el barrio, señora Núñez"),
    "emoji": ("NotoEmoji", "🌍 🌳 🚲 ❤️ 👍🏽 👩\u200d🌾 🇮🇹"),
}


def pdftext(path: Path, *extra: str) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", *extra, str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    # pdftotext marks right-to-left runs with embedding controls; a vowel sign drawn in three
    # glyphs (Bengali o) leaves a zero-width space: neither is in what was written.
    return out.replace("\u202b", "").replace("\u202c", "").replace("\u200b", "")


def fonts_of(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [r.split() for r in out.splitlines()[2:]]


def dark_pixels(path: Path, tmp: Path) -> int:
    """Dark pixels on page 1 (greyscale PGM): a box or an empty glyph draws almost none."""
    subprocess.run(["pdftoppm", "-gray", "-r", "72", "-f", "1", "-l", "1", str(path), str(tmp / "page")], check=True)
    pgm = next(tmp.glob("page*.pgm")).read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", pgm)
    return sum(1 for b in pgm[header.end():] if b < 128)


@pytest.mark.parametrize("script", SAMPLES)
def test_each_script_extracts_as_written_with_its_font_embedded(tmp_path, script):
    face, text = SAMPLES[script]
    ss = get_styles()
    path = tmp_path / f"{script}.pdf"
    build_pdf(path, [para(text, ss["body"]), data_table(["Nota"], [[text]], styles=ss)], title=script,
              header_left="Assemblea")
    extracted = pdftext(path)
    assert extracted.count(text) == 2, (text, extracted)  # the paragraph and the table cell
    assert FALLBACK_GLYPH not in extracted
    rows = fonts_of(path)
    mine = [r for r in rows if face in r[0]]
    assert mine and all(r[-5] == "yes" and r[-4] == "yes" for r in mine), rows  # embedded, subset


@pytest.mark.parametrize("script", SAMPLES)
def test_each_script_draws_ink(tmp_path, script):
    """The glyphs are really drawn: a line of the script inks the page like Italian does."""
    face, text = SAMPLES[script]
    ss = get_styles()
    path = tmp_path / "ink.pdf"
    build_pdf(path, [para(text, ss["h1"])], title="x", header_left="", footer_left="")
    blank = tmp_path / "blank.pdf"
    build_pdf(blank, [para(" ", ss["h1"])], title="x", header_left="", footer_left="")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert dark_pixels(path, tmp_path / "a") > dark_pixels(blank, tmp_path / "b") + 40


def test_arabic_is_shaped_not_isolated_letters():
    """HarfBuzz joins the letters: the medial/final forms are other glyphs than the isolated ones."""
    scripts.register_script_fonts()
    word = "الأشجار"
    glyphs = scripts.shape("NotoSansArabic-Regular", word)
    isolated = [scripts.shape("NotoSansArabic-Regular", ch) for ch in word]
    assert glyphs != "".join(isolated[::-1])
    assert any(scripts.is_glyph_code(ord(g)) for g in glyphs)  # contextual forms have no code point


def _words(path: Path) -> list[tuple[float, str]]:
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    found = [(float(x), w) for x, w in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', html)]
    # -bbox prints an Arabic word's letters in drawing order (left to right): reverse those
    return [(x, w[::-1] if scripts.token_is_rtl(w) else w) for x, w in found]


def test_arabic_sentence_with_street_and_number_is_in_visual_order(tmp_path):
    ss = get_styles()
    text = "الاجتماع في Via Dante 12 الساعة 9:30 الهاتف 02 8845 1234"
    path = tmp_path / "mixed.pdf"
    build_pdf(path, [para(text, ss["body"])], title="x", header_left="", footer_left="")
    x = {w: v for v, w in _words(path)}
    # Right to left: the first Arabic word on the right, the Italian street name reads left to
    # right inside, the number stays with it, the time at the far left.
    assert x["9:30"] < x["الساعة"] < x["Via"] < x["Dante"] < x["12"] < x["في"] < x["الاجتماع"], x
    assert x["02"] < x["8845"] < x["1234"] < x["الهاتف"] < x["9:30"], x  # a phone number is never reversed
    assert "الاجتماع في" in pdftext(path) and "Via Dante 12" in pdftext(path)


def test_italian_paragraph_quoting_arabic_keeps_italian_order(tmp_path):
    ss = get_styles()
    text = "Fatima ha scritto «نريد المزيد من الأشجار» e 12 persone hanno votato."
    path = tmp_path / "quote.pdf"
    build_pdf(path, [para(text, ss["body"])], title="x", header_left="", footer_left="")
    x = {w.strip("«»"): v for v, w in _words(path)}
    assert x["Fatima"] < x["scritto"] < x["e"] < x["persone"] < x["votato."]
    assert x["scritto"] < x["نريد"] < x["e"]
    assert x["المزيد"] < x["نريد"]
    assert "نريد المزيد من الأشجار" in pdftext(path)


def test_long_arabic_paragraph_breaks_lines_in_reading_order(tmp_path):
    """The first words read come on the first line (lines are broken logically, drawn visually)."""
    ss = get_styles()
    letters = "بتثجحخسشصضطعغفقكلمنهي"
    words = [f"{a}ا{b}" for a in letters[:6] for b in letters[6:16]]  # 60 distinct words
    path = tmp_path / "long.pdf"
    build_pdf(path, [para(" ".join(words), ss["body"])], title="x", header_left="", footer_left="")
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    found = [(float(y), -float(x), w[::-1] if w[::-1] in words else w)
             for x, y, w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', html)]
    found = [f for f in found if f[2] in words]
    assert len({round(y) for y, _, _ in found}) > 2  # several lines
    # top to bottom, each line right to left: the reading order
    assert [w for _, _, w in sorted(found)] == words


def test_heading_outline_and_toc_keep_the_logical_text(tmp_path):
    ss = get_styles()
    path = tmp_path / "toc.pdf"
    build_pdf(path, [heading("1. ملاحظات المجموعة", 1, ss), para("testo", ss["body"])], title="x", toc=True)
    assert pdftext(path).count("ملاحظات المجموعة") >= 2  # the TOC line and the heading


def test_canvas_lines_badges_and_headers(tmp_path):
    """draw_string: one line in any script on a canvas, right-aligned and centred too."""
    scripts.register_script_fonts()
    from facilitator_app.exporters.pdf import register_fonts

    register_fonts()
    path = tmp_path / "canvas.pdf"
    c = Canvas(str(path))
    c.setFont("DejaVuSans", 12)
    w1 = scripts.draw_string(c, 20 * mm, 250 * mm, "Ahmed محمد 王伟 🌍")
    w2 = scripts.draw_string(c, 190 * mm, 240 * mm, "ශ්\u200dරී ලංකාව বাংলা", anchor="right")
    c.save()
    assert w1 == pytest.approx(scripts.text_width("Ahmed محمد 王伟 🌍", "DejaVuSans", 12))
    assert w2 > 0
    text = pdftext(path)
    # pdftotext puts the space before a right-to-left word on its other side: compare without spaces
    assert "Ahmedمحمد王伟🌍" in "".join(text.split()) and "ශ්\u200dරී ලංකාව বাংলা" in text


def test_badges_print_arabic_and_chinese_names(tmp_path):
    from facilitator_app.exporters.badges import Badge, draw_badges

    path = tmp_path / "badges.pdf"
    draw_badges([Badge("محمد", "عبد الله", "K7Q2M9", "Gruppo 3"), Badge("伟", "王", "X2", None)], path,
                assembly="Assemblea")
    text = pdftext(path)
    assert "محمد" in text and "عبد الله" in text and "王" in text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc 12 مرحبا你好বাংলাශ්‍රී🌍👍🏽.,()«»-\n")), max_size=60))
@example("\u0627\n\u200d")  # a zero-width joiner alone on a line: the bidi algorithm drops it
def test_any_mix_of_scripts_builds(text):
    """Whatever the mix, the PDF builds and no character is silently lost to a box."""
    import io

    ss = get_styles()
    out = io.BytesIO()
    build_pdf(out, [para(text, ss["body"]), data_table(["a"], [[text]], styles=ss)], title="x")
    assert out.getvalue().startswith(b"%PDF")
    assert FALLBACK_GLYPH not in safe_text(text)


@pytest.mark.parametrize("rtl_base", [True, False])
def test_arabic_comma_drawn_on_the_left_of_its_word(tmp_path, rtl_base):
    """HarfBuzz puts a word's final Arabic comma on its left; the line's reordering must not move
    it back (a word and its punctuation in one font are one token)."""
    ss = get_styles()
    text = "ميلانو، 3 ديسمبر" if rtl_base else "A Milano (ميلانو، حسن،) ok"
    path = tmp_path / "comma.pdf"
    build_pdf(path, [para(text, ss["body"])], title="x", header_left="", footer_left="")
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    drawn = re.findall(r"<word [^>]*>([^<]*)</word>", html)  # each word's letters in drawing order
    with_comma = [w for w in drawn if "،" in w]
    assert with_comma and all(w.lstrip("(")[0] == "،" for w in with_comma), drawn


def test_fast_grid_prints_other_scripts_in_their_fonts(tmp_path):
    """The monitoring report's Grid draws plain text itself: other scripts go through draw_string."""
    from facilitator_app.exporters.pdf_grid import Grid

    rows = [["我们希望社区里有更多的树", "王伟"], ["نريد المزيد من الأشجار", "أميرة"],
            ["più alberi 🌳", "Anna"]]
    path = tmp_path / "grid.pdf"
    build_pdf(path, [Grid(rows, ["70%", "30%"], header=["Nota", "Autore"])], title="x", header_left="")
    text = pdftext(path)
    for needle in ("我们希望社区里有更多的树", "王伟", "نريد المزيد من الأشجار", "أميرة", "più alberi 🌳"):
        assert needle in text, needle
    names = " ".join(r[0] for r in fonts_of(path))
    assert "NotoSansCJKsc" in names and "NotoSansArabic" in names and "NotoEmoji" in names
