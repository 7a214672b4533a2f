"""The fast paths of PDF text output write exactly what reportlab's own code writes."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from facilitator_app.exporters import pdf, pdf_grid

pdf.register_fonts()
# Latin, Italian accents, symbols, no-break spaces, and characters of a second subset (past 256 distinct)
TEXT = st.text(st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ÀÈÉÌÒÙàèéìòù.,;:'’«»–—…€%\xa0()[]{}/\\")
                               + [chr(c) for c in range(0x391, 0x3C9)] + [chr(c) for c in range(0x410, 0x44F)]),
               max_size=60)


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=12))
def test_split_string_fast_path_matches_reportlab(texts):
    font = pdfmetrics.getFont(pdf.FONT)
    assert isinstance(font, pdf._TTFont)
    doc = type("Doc", (), {})()  # reportlab keys a document's subsets by any (weakly referenced) object
    try:
        for text in texts:  # reportlab's own loop, which also assigns the codes
            expected = TTFont.splitString(font, text, doc)
            assert font.splitString(text, doc) == expected  # every character now known: the fast path
            assert font.splitString(text.encode("utf-8"), doc) == expected  # bytes still go to reportlab
    finally:
        font.state.pop(doc, None)


def _code(draw) -> str:
    canv = Canvas(io.BytesIO())
    t = canv.beginText()
    t.setFont(pdf.FONT, 8.5, 11)
    t.setTextOrigin(10, 700)
    draw(t)
    return t.getCode() + f" @{t.getX():.3f},{t.getY():.3f}"


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=8), st.lists(TEXT, max_size=4))
def test_grid_text_lines_match_reportlab(first, second):
    def ours(t):
        pdf_grid._text_lines(t, first)
        t.setTextOrigin(40, 500)
        pdf_grid._text_lines(t, second)

    def theirs(t):
        t.textLines(first, trim=0)
        t.setTextOrigin(40, 500)
        t.textLines(second, trim=0)

    assert _code(ours) == _code(theirs)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("abc defghij klmnopWM.,-/ ")), max_size=120), st.floats(15, 300))
def test_grid_cell_fast_fit_matches_word_breaking(text, width):
    grid = pdf_grid.Grid([[text]], ["*"])
    assert grid._split_cell(text, pdf.FONT, width) == grid._split_cell(text, pdf.FONT, width, fast=False)
