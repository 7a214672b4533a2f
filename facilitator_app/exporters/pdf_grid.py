"""A fast table of plain text for long printables: `Grid`.

reportlab's Table of Paragraphs measures and re-measures every cell with the full paragraph
machinery; for thousands of short rows (the monitoring report's 4,800 updates) that is most of
the time. A `Grid` breaks each cell's plain text into lines once per width (simpleSplit, in C with
rl_accel), draws them with one text object per cell, repeats its header on every page and splits
between rows, or inside a row too tall for a page. Cells are plain text (made printable by
pdf.safe_text); a column may be bold; a cell may carry a link (drawn underlined, clickable).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from facilitator_app.exporters import scripts
from facilitator_app.exporters.pdf import ACCENT, FONT, FONT_BOLD, GRID, HEADER_BG, RULE, ZEBRA_BG, safe_text

PAD_X, PAD_Y = 4.0, 2.6


_WIDTHS: dict[tuple[str, float], Any] = {}


def _widths_of(font: str, size: float):
    """A word-width function with a cache: words repeat a lot in a long text (and in Italian)."""
    fn = _WIDTHS.get((font, size))
    if fn is None:
        cache: dict[str, float] = {}

        def fn(word: str) -> float:
            w = cache.get(word)
            if w is None:
                if len(cache) > 200_000:  # bounded: a long session exports many reports
                    cache.clear()
                # Arabic, Chinese, emoji...: the width of the glyphs of their own fonts
                w = cache[word] = stringWidth(word, font, size) if word.isascii() \
                    else scripts.text_width(word, font, size)
            return w

        _WIDTHS[(font, size)] = fn
    return fn


_BREAK_AFTER = re.compile(r"(?<=[/\-_.?&=])")


def _by_chars(word: str, font: str, size: float, width: float) -> list[str]:
    """A word too wide for the column (a web address, a long code): broken after / - _ . ? & = where it
    can, by characters where it must."""
    lines, cur = [], ""
    for piece in _BREAK_AFTER.split(word):
        if cur and stringWidth(cur + piece, font, size) > width:
            lines.append(cur)
            cur = ""
        if stringWidth(piece, font, size) > width:
            for ch in piece:
                if cur and stringWidth(cur + ch, font, size) > width:
                    lines.append(cur)
                    cur = ""
                cur += ch
        else:
            cur += piece
    return lines + [cur]


class Grid(Flowable):
    def __init__(self, rows: Sequence[Sequence[Any]], widths: Sequence[float | str], *,
                 header: Sequence[str] | None = None, bold: Sequence[int] = (), size: float = 8.5,
                 leading: float = 11.0, zebra: bool = True, links: dict[tuple[int, int], str] | None = None,
                 _lines: list | None = None) -> None:
        super().__init__()
        self.widths_spec = list(widths)
        self.bold = set(bold)
        self.size, self.leading, self.zebra = size, leading, zebra
        self.header = [safe_text(h, FONT_BOLD) for h in header] if header else None
        self.rows = [[safe_text(c, FONT_BOLD if i in self.bold else FONT) for i, c in enumerate(r)] for r in rows]
        self.links = links or {}
        self._cache: tuple[float, list[float], list[list[list[str]]], list[str] | None] | None = None
        self._preset = _lines  # lines of a split-off part, already broken

    # -- measuring -------------------------------------------------------------------------
    def _widths(self, avail: float) -> list[float]:
        fixed = sum(w for w in self.widths_spec if not isinstance(w, str))
        stars = sum(1 for w in self.widths_spec if isinstance(w, str)) or 1
        rest = max(avail - fixed, 20.0) / stars
        return [rest if isinstance(w, str) else float(w) for w in self.widths_spec]

    def _split_cell(self, text: str, font: str, width: float, fast: bool = True) -> list[str]:
        measure = _widths_of(font, self.size)
        space = measure(" ")
        out: list[str] = []
        for part in text.split("\n"):
            words = part.split()
            if fast and len(part) < 200 and part.isascii() and " ".join(words) == part \
                    and stringWidth(part, font, self.size) <= width:
                out.append(part)  # a short line that fits: most cells (one measure, in C)
                continue
            line: list[str] = []
            used = 0.0
            for word in words:
                w = measure(word)
                if line and used + space + w > width:
                    out.append(" ".join(line))
                    line, used = [], 0.0
                if w > width:  # a web address, a long code: broken by characters
                    pieces = _by_chars(word, font, self.size, width)
                    out.extend(pieces[:-1])
                    word, w = pieces[-1], stringWidth(pieces[-1], font, self.size)
                used = used + space + w if line else w
                line.append(word)
            out.append(" ".join(line))
        return out

    def _layout(self, avail: float):
        if self._cache is not None and self._cache[0] == avail:
            return self._cache
        widths = self._widths(avail)
        if self._preset is not None:  # a part split off: its lines are already broken at this width
            lines = self._preset
        else:
            lines = [[self._split_cell(c, FONT_BOLD if i in self.bold else FONT, widths[i] - 2 * PAD_X)
                      for i, c in enumerate(r)] for r in self.rows]
        head = ([self._split_cell(h, FONT_BOLD, widths[i] - 2 * PAD_X) for i, h in enumerate(self.header)]
                if self.header else None)
        self._cache = (avail, widths, lines, head)
        self._heights = [self._row_h(r) for r in lines]
        return self._cache

    def _row_h(self, cells: list[list[str]]) -> float:
        return max(map(len, cells)) * self.leading + 2 * PAD_Y

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        _, widths, lines, head = self._layout(availWidth)
        height = sum(self._heights) + (self._row_h(head) if head else 0)
        self.width, self.height = sum(widths), height
        return self.width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        _, widths, lines, head = self._layout(availWidth)
        used = self._row_h(head) if head else 0
        n = 0
        for h in self._heights:
            if used + h > availHeight:
                break
            used += h
            n += 1
        if n == len(lines):
            return [self]
        first, rest = lines[:n], lines[n:]
        room = int((availHeight - used - 2 * PAD_Y) // self.leading)
        if room >= 2 and max(len(c) for c in lines[n]) > room:  # a row taller than what is left: cut it
            row = lines[n]
            first = first + [[c[:room] for c in row]]
            rest = [[c[room:] for c in row]] + lines[n + 1:]
        elif n == 0:
            return []  # not even one row here: the frame moves on to the next page
        return [self._part(first, 0), self._part(rest, len(lines) - len(rest))]

    def _part(self, lines: list, offset: int) -> "Grid":
        """A piece of this grid: `lines` are its rows from row `offset` on, already broken."""
        g = Grid([], self.widths_spec, bold=self.bold, size=self.size, leading=self.leading, zebra=self.zebra,
                 links={(r - offset, c): u for (r, c), u in self.links.items() if offset <= r < offset + len(lines)},
                 _lines=lines)
        g.header = self.header
        return g

    # -- drawing ---------------------------------------------------------------------------------
    def draw(self) -> None:
        canv = self.canv
        _, widths, lines, head = self._cache or self._layout(self.width)
        total = sum(widths)
        y = self.height
        canv.saveState()
        # All the text in one text object, drawn over the backgrounds and rules at the end.
        self._text, self._urls, self._font = canv.beginText(), [], None
        self._text.setFillColor(colors.black)  # not the backgrounds' colour the canvas has when it is drawn
        canv.setLineWidth(0.25)
        if head:
            h = self._row_h(head)
            canv.setFillColor(HEADER_BG)
            canv.rect(0, y - h, total, h, stroke=0, fill=1)
            self._cells(head, widths, y, FONT_BOLD, set(range(len(widths))))
            y -= h
            canv.setStrokeColor(ACCENT)
            canv.setLineWidth(0.8)
            canv.line(0, y, total, y)
            canv.setLineWidth(0.25)
        for i, (r, h) in enumerate(zip(lines, self._heights)):
            if self.zebra and i % 2:
                canv.setFillColor(ZEBRA_BG)
                canv.rect(0, y - h, total, h, stroke=0, fill=1)
            self._cells(r, widths, y, FONT, self.bold, row=i)
            y -= h
            canv.setStrokeColor(GRID)
            canv.line(0, y, total, y)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.rect(0, y, total, self.height - y, stroke=1, fill=0)
        canv.drawText(self._text)
        for url, rect in self._urls:
            canv.linkURL(url, rect, relative=1)
        canv.restoreState()

    def _cells(self, cells: list[list[str]], widths: list[float], top: float, font: str, bold: set[int],
               row: int | None = None) -> None:
        t = self._text
        x = 0.0
        for c, lines in enumerate(cells):
            if not lines or lines == [""]:
                x += widths[c]
                continue
            url = self.links.get((row, c)) if row is not None else None
            if url:
                t.setFillColor(ACCENT)
            want = FONT_BOLD if c in bold else font
            if want != self._font:
                t.setFont(want, self.size, self.leading)
                self._font = want
            if all(scripts.is_plain(line, want) for line in lines):
                t.setTextOrigin(x + PAD_X, top - PAD_Y - self.size)
                _text_lines(t, lines)
            else:  # other scripts: shaped, in their fonts, in bidi order (one line at a time)
                canv = self.canv
                canv.setFillColor(ACCENT if url else colors.black)
                for i, line in enumerate(lines):
                    scripts.draw_string(canv, x + PAD_X, top - PAD_Y - self.size - i * self.leading, line, want,
                                        self.size)
            if url:
                t.setFillColor(colors.black)
                if lines:
                    self._urls.append((url, (x, top - PAD_Y - self.leading * len(lines), x + widths[c], top)))
            x += widths[c]


def _text_lines(t: Any, lines: list[str]) -> None:
    """t.textLines(lines, trim=0) for plain text in one of our TrueType fonts, with the same operators.

    reportlab's textLine goes through a general _formatText per line (state saved and restored,
    the font looked up, shaped text handled); thousands of short cells pay for it. Here the lines
    are encoded with the font's subsets and written as reportlab writes them ("<subset> <size> Tf
    <leading> TL" when the subset changes, "(...) Tj", " T*"). Anything else goes to textLines.
    """
    canv = t._canvas
    font = pdfmetrics.getFont(t._fontname)
    if not getattr(font, "_dynamicFont", False) or not canv.bottomup:
        t.textLines(lines, trim=0)
        return
    doc, escape, code = canv._doc, canv._escape, t._code
    head = None
    for text in lines:
        out = []
        for subset, data in font.splitString(text, doc):
            if subset != t._curSubset:
                if head is None:
                    head = f"{fp_str(t._fontsize)} Tf {fp_str(t._leading)} TL"
                out.append(f"{font.getSubsetInternalName(subset, doc)} {head}")
                t._curSubset = subset
            out.append(f"({escape(data)}) Tj")
        code.append(" ".join(out) + " T*")
    # the cursor where textLine leaves it: at the start of the next line
    t._x = t._x0
    t._y = t._y - t._leading * len(lines)
    t._y0 = t._y
