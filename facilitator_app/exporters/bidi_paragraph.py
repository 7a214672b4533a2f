"""A reportlab Paragraph that draws each line in bidi visual order (no Qt).

reportlab breaks lines in logical order, which is right: the words that come first in
reading come first on the page. But a line holding Arabic must be drawn in visual order,
so the reordering happens at draw time, line by line (Unicode bidi rule L2), on a copy of
the broken lines: splitting a paragraph across pages still sees the logical order. A
paragraph whose first strong word is Arabic runs right to left: left alignment becomes
right alignment (justified text becomes ragged on the left).
"""
from __future__ import annotations

import re
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.platypus import Paragraph

from facilitator_app.exporters.scripts import base_is_rtl, token_is_rtl, visual_line
from facilitator_app.exporters.scripts import tokens as _split

_OBJECT = "\ufffc"  # stand-in for images and anchors inside a line: a neutral


def _frag_tokens(words: list) -> list[tuple[str, Any]]:
    tokens: list[tuple[str, Any]] = []
    for f in words:
        if hasattr(f, "cbDefn") or not getattr(f, "text", ""):
            tokens.append((_OBJECT, f))
            continue
        tokens.extend((w, f) for w in _split(f.text))
    return tokens


def _frags_from(tokens: list[tuple[str, Any]]) -> list:
    out: list = []
    run_f, run_text = None, []
    for text, f in tokens:
        if text == _OBJECT and (hasattr(f, "cbDefn") or not getattr(f, "text", "")):
            if run_f is not None:
                out.append(run_f.clone(text="".join(run_text)))
                run_f, run_text = None, []
            out.append(f)
            continue
        if f is not run_f and run_f is not None:
            out.append(run_f.clone(text="".join(run_text)))
            run_text = []
        run_f = f
        run_text.append(text)
    if run_f is not None:
        out.append(run_f.clone(text="".join(run_text)))
    return out


def _line_texts(bl: Any) -> list[str]:
    if bl.kind == 1:
        return [t for line in bl.lines for t, _ in _frag_tokens(line.words)]
    return [w for line in bl.lines for w in line[1]]


# Right-to-left letters, or glyph codes (which may stand for Arabic): without any, no reordering.
_MAYBE_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\ue000-\uf8ff\U000f0000-\U000ffffd]")


def needs_bidi(bl: Any) -> bool:
    if bl.kind == 1:
        raw = "".join(getattr(f, "text", "") for line in bl.lines for f in line.words)
    else:
        raw = "".join(w for line in bl.lines for w in line[1])
    return bool(_MAYBE_RTL.search(raw)) and any(token_is_rtl(t) for t in _line_texts(bl))


def visual_copy(bl: Any, force_ltr: bool = False, force_rtl: bool = False) -> tuple[Any, bool]:
    """A copy of the broken lines in visual order, and whether the paragraph runs RTL."""
    rtl = force_rtl or (not force_ltr and base_is_rtl(_line_texts(bl)))
    if bl.kind == 1:
        lines = [line.clone(words=_frags_from(visual_line(_frag_tokens(line.words), rtl))) for line in bl.lines]
    else:  # one style: a line is (extra space, [words]), drawn joined by single spaces
        lines = []
        for line in bl.lines:
            tokens = []
            for i, w in enumerate(line[1]):
                if i:
                    tokens.append((" ", None))
                tokens.append((w, None))
            words = [t for t, _ in visual_line(tokens, rtl) if t != " "]
            lines.append(line.__class__((line[0], words)) if isinstance(line, tuple) else (line[0], words))
    return bl.clone(lines=lines), rtl


class BidiParagraph(Paragraph):
    """Paragraph whose lines holding right-to-left text are drawn in visual order."""

    force_ltr = False  # a left-to-right layout whatever the text (table of contents lines)

    def drawPara(self, debug: int = 0) -> None:  # noqa: N802 - reportlab API
        bl = getattr(self, "blPara", None)
        # A style may fix the direction: every paragraph of a letter in Arabic runs right to left.
        force_rtl = getattr(self.style, "bidi_base", None) == "rtl"
        if bl is None or not bl.lines or not (force_rtl or needs_bidi(bl)):
            return super().drawPara(debug)
        visual, rtl = visual_copy(bl, self.force_ltr, force_rtl)
        style = self.style
        self.blPara = visual
        if rtl and style.alignment in (TA_LEFT, TA_JUSTIFY):  # ragged on the left, as RTL text is
            self.style = style.clone(style.name, alignment=TA_RIGHT)
        try:
            return super().drawPara(debug)
        finally:
            self.blPara, self.style = bl, style


class LtrParagraph(BidiParagraph):
    """Lines laid out left to right (a TOC line: title, dots, page number), words in bidi order."""

    force_ltr = True
