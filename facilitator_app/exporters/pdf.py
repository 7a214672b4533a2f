"""Shared PDF export foundation (reportlab platypus; never imports Qt).

Used by every PDF export (badges, sign-in sheets, rosters, letters, verbale, cycle, monitoring, selection).

Public API
----------
register_fonts() -> str
    Register the DejaVu family once (regular/bold/italic/bold-italic); returns "DejaVuSans".
safe_text(value, font_name=None) -> str
    Printable text: NFC, control/format chars dropped, glyphs missing from the font -> "□".
esc(value, font_name=None) -> str
    safe_text() + XML escaping, for composing Paragraph markup by hand (f"<b>{esc(x)}</b>").
para(value, style) -> Paragraph
    Paragraph from untrusted plain text (escaped, newlines kept as line breaks).
format_value(value) -> str
    Italian display of a cell value: dates dd/mm/yyyy, times HH:MM, "sì"/"no", 1.234,5.
get_styles() -> StyleSheet1
    Fresh stylesheet: title, subtitle, h1, h2, h3, body, small, th, td, td_right, toc_title.
report_styles() -> StyleSheet1
    get_styles() for long reports: h1/h2 not kept with next, plus cover_title, cover_sub, kicker,
    notice, cluster, rec, meta, note, caption.
CachedParagraph(markup, style)
    A Paragraph that wraps once per width (for markup built with esc(); para() makes one from text).
heading(text, level=1, styles=None) -> Paragraph
    An h1/h2/h3 paragraph; h1-h3 go into the PDF outline and the table of contents.
data_table(header, rows, col_widths=None, repeat_header=True, *, styles=None, zebra=True) -> Table
    Zebra table of wrapped Paragraph cells; header repeated on every page.
make_toc(styles=None) -> TableOfContents
    A table of contents flowable (build_pdf adds one for you with toc=True).
MinutesDocTemplate(target, *, title, header_left=..., header_right=None, footer_left="",
                   footer_right="", author="", subject="", keywords=(), landscape=False, lang="it")
    A4 document: running header, "pagina X di Y" footer, metadata, outline, /Lang.
ReportDocTemplate(target, *, progress, estimate, **MinutesDocTemplate options)
    MinutesDocTemplate for long reports with an index: reports progress per page, and its
    multiBuild lays out the first pass without drawing (two passes instead of three).
build_pdf(target, story, *, title, toc=False, toc_title="Indice", **doc_options) -> int
    Build a PDF (path or binary file object) from flowables; returns the page count.

Geometry helpers: ``content_width(landscape=False)`` gives the frame width in points.
"""
from __future__ import annotations

import datetime as dt
import functools
import io
import itertools
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape as _xml_escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as _landscape
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
)
from reportlab.platypus import tableofcontents as _toc_module
from reportlab.platypus.tableofcontents import TableOfContents
from reportlab.platypus.tables import LongTable, TableStyle

from facilitator_app import APP_LABEL
from facilitator_app.exporters import scripts
from facilitator_app.exporters.bidi_paragraph import BidiParagraph, LtrParagraph
from facilitator_app.resources import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
FALLBACK_GLYPH = "\ufffd"  # REPLACEMENT CHARACTER (a diamond with "?"): visibly not an empty box
DEFAULT_HEADER = "Assemblea Permanente dei Cittadini sul Clima \u2014 Comune di Milano"

# Sober palette: prints well in black and white, dark blue accent.
ACCENT = colors.HexColor("#1F3A5F")
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#9AA5B1")
GRID = colors.HexColor("#B8C0CA")
HEADER_BG = colors.HexColor("#DDE4EC")
ZEBRA_BG = colors.HexColor("#F3F5F8")

# Margins for an Italian municipal document: wider left margin for binding/holes,
# room above and below the frame for the running header and footer.
_PORTRAIT_MARGINS = dict(leftMargin=25 * mm, rightMargin=20 * mm, topMargin=25 * mm, bottomMargin=22 * mm)
_LANDSCAPE_MARGINS = dict(leftMargin=20 * mm, rightMargin=20 * mm, topMargin=22 * mm, bottomMargin=20 * mm)

_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})  # invisible controls, format chars, lone surrogates
# Format characters that shaping needs: joiners (Sinhala, emoji), emoji tags, soft hyphen.
_KEEP_FORMAT = frozenset({0x200C, 0x200D, 0x00AD, *range(0xE0020, 0xE0080)})


class _TTFont(TTFont):
    """reportlab's TTFont with a fast path for text whose characters the document already uses.

    Every line drawn goes through splitString, which maps each character to its code in the
    font's subsets one at a time in Python. Once a character has its code (state.assignments)
    the mapping is a dictionary lookup, done in C here; a character new to the document goes
    through reportlab's own loop, which assigns it. Same codes, same bytes.
    """

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:  # noqa: N802
        state = self.state.get(doc)
        if state is not None and isinstance(text, str):
            try:
                codes = list(map(state.assignments.__getitem__, map(ord, text.replace("\xa0", " "))))
            except KeyError:
                pass  # a character new to this document: reportlab assigns it
            else:
                if not codes:
                    return []
                if max(codes) < 256:  # one subset (nearly always: a subset holds 256 characters)
                    return [(0, bytes(codes))]
                return [(subset, bytes(n & 0xFF for n in group))
                        for subset, group in itertools.groupby(codes, lambda n: n >> 8)]
        return super().splitString(text, doc, encoding)


@functools.cache
def register_fonts() -> str:
    """Register the four DejaVu faces and the bold/italic mapping (idempotent)."""
    for name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):  # file name = font name
        pdfmetrics.registerFont(_TTFont(name, str(resource_path("fonts", f"{name}.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)
    scripts.register_script_fonts()  # Arabic, Chinese, Bengali, Sinhala, emoji next to DejaVu
    # Process-wide, but every PDF here is ours: ASCII85 on top of Flate only makes
    # files 25% bigger and costs ~10% of build time; no current viewer needs it.
    rl_config.useA85 = 0
    return FONT


@functools.cache
def _coverage(font_name: str | None) -> frozenset[int]:
    """Code points some font of ours prints with font_name as the base (DejaVu otherwise)."""
    register_fonts()
    names = [font_name or FONT, *(n for pair in scripts.SCRIPT_FONTS.values() for n in pair)]
    cover: set[int] = set()
    for name in names:
        face = getattr(pdfmetrics.getFont(name), "face", None)
        if face is not None and hasattr(face, "charToGlyph"):
            cover.update(c for c in face.charToGlyph if not 0xE000 <= c <= 0xF8FF)  # not our glyph codes
        else:
            cover.update(range(32, 256))  # standard Type 1 fonts: Latin-1 only
    return frozenset(cover)


def format_value(value: Any) -> str:
    """Italian display text for a table cell value (documents, not spreadsheets)."""
    if value is None or isinstance(value, str):
        return value or ""
    if isinstance(value, bool):
        return "sì" if value else "no"
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float | Decimal):
        # At most two decimals, Italian separators: 1234.5 -> "1.234,5".
        s = f"{value:,.2f}".rstrip("0").rstrip(".")
        return s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return str(value)


def safe_text(value: Any, font_name: str | None = None) -> str:
    """Text the font can print: never raises, never emits a glyph the font lacks.

    Keeps "\\n"; tabs become spaces; invisible control/format characters that no
    font prints are dropped; a character that no font of ours has (DejaVu, the Noto
    fonts for Arabic, Chinese, Bengali, Sinhala and emoji) becomes FALLBACK_GLYPH, so
    the gap is visible. The text stays in logical order: esc()/para() and
    scripts.draw_string shape and order it.
    """
    text = format_value(value)
    if text.isascii() and text.isprintable():  # fast path: most cells
        return text
    # Composed forms: Latin is not shaped, so "e"+U+0302+U+0303 would stack badly.
    text = unicodedata.normalize("NFC", text)
    cover = _coverage(font_name)
    if cover.issuperset(map(ord, text)):  # second fast path, in C
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    fallback = FALLBACK_GLYPH if ord(FALLBACK_GLYPH) in cover else "?"
    out: list[str] = []
    for ch in text:
        cp = ord(ch)
        if ch == "\n":
            out.append(ch)
        elif 0xE000 <= cp <= 0xF8FF or 0xF0000 <= cp:
            out.append(fallback)  # private use: no meaning we can print (and our glyph codes live there)
        elif unicodedata.category(ch) in _DROP_CATEGORIES and not (cp in _KEEP_FORMAT and cp in cover):
            continue  # some fonts map NUL or bidi controls: never print them
        elif cp in cover:
            out.append(ch)
        else:
            out.append(fallback)
    return "".join(out)


def esc(value: Any, font_name: str | None = None) -> str:
    """safe_text() as Paragraph markup: escaped (&, <, >), other scripts in their fonts, shaped.

    font_name is the face the text sits in (bold faces pick the bold Noto faces).
    """
    text = safe_text(value, font_name)
    return scripts.markup(text, font_name or FONT)


# The tallest a paragraph may be (points): less than a landscape A4 frame, so any table row holding it
# fits on a page. A longer text is shortened, visibly, rather than failing the whole document.
MAX_PARAGRAPH_HEIGHT = 440.0


def shortened_mark(total: int) -> str:
    return f" … [testo tagliato: {total:,} caratteri in tutto]".replace(",", ".")


class CachedParagraph(BidiParagraph):
    """Paragraph that remembers its last wrap, and that never grows taller than a page.

    Tables re-measure every remaining cell at each page split and again when drawing;
    line breaking is the dominant cost of a long verbale, so do it once per width. A paragraph
    made from plain text (`para`) taller than MAX_PARAGRAPH_HEIGHT at its width keeps the start
    of its text and ends with a mark saying how long the whole text is (a 10,000-character name
    would otherwise raise reportlab's LayoutError and lose the whole document).
    """

    _wrap_cache: tuple[float, tuple[float, float]] | None = None
    _plain: str | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        cache = self._wrap_cache
        # split() may drop blPara (the line breaks draw() needs): then re-wrap.
        if cache is not None and cache[0] == availWidth and "blPara" in self.__dict__:
            return cache[1]
        result = super().wrap(availWidth, availHeight)
        if result[1] > MAX_PARAGRAPH_HEIGHT and self._plain:
            result = self._shorten(availWidth, availHeight, result[1])
        self._wrap_cache = (availWidth, result)
        return result

    def _shorten(self, width: float, height: float, tall: float) -> tuple[float, float]:
        text, style = self._plain or "", self.style
        keep = int(len(text) * MAX_PARAGRAPH_HEIGHT / tall * 0.9)
        while True:
            short = text[:max(keep, 1)]
            BidiParagraph.__init__(self, esc(short, style.fontName).replace("\n", "<br/>")
                               + _xml_escape(shortened_mark(len(text))), style)
            result = BidiParagraph.wrap(self, width, height)
            if result[1] <= MAX_PARAGRAPH_HEIGHT or keep <= 1:
                self._plain = None  # shortened once: its splits are ordinary paragraphs
                return result
            keep = int(keep * 0.75)


def clip(text: Any, limit: int) -> str:
    """`text` cut to `limit` characters with a visible "…" (for labels built into markup)."""
    text = format_value(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def para(value: Any, style: ParagraphStyle, *, bounded: bool = True) -> Paragraph:
    """A Paragraph from plain (untrusted) text; user text can never inject markup. `bounded`: never
    taller than MAX_PARAGRAPH_HEIGHT (a longer text is shortened with a visible mark); data_table's
    cells are not bounded, as their rows continue on the next page."""
    p = CachedParagraph(esc(value, style.fontName).replace("\n", "<br/>"), style)
    p.plain_text = safe_text(value, style.fontName)  # logical text, for the outline and the TOC
    if bounded:
        p._plain = p.plain_text
    return p


def get_styles() -> StyleSheet1:
    """A fresh stylesheet (callers may tweak it without affecting others)."""
    register_fonts()
    ss = StyleSheet1()

    def add(name: str, **kw: Any) -> None:
        base = dict(fontName=FONT, fontSize=10, leading=14, textColor=colors.black)
        base.update(kw)
        ss.add(ParagraphStyle(name, **base))

    add("title", fontName=FONT_BOLD, fontSize=17, leading=22, textColor=ACCENT, spaceAfter=4)
    add("subtitle", fontSize=11, leading=15, textColor=GREY, spaceAfter=12)
    add("h1", fontName=FONT_BOLD, fontSize=13.5, leading=18, textColor=ACCENT, spaceBefore=14, spaceAfter=6, keepWithNext=1)
    add("h2", fontName=FONT_BOLD, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=4, keepWithNext=1)
    add("h3", fontName=FONT_BOLD_ITALIC, fontSize=10.5, leading=14, spaceBefore=8, spaceAfter=3, keepWithNext=1)
    add("body", alignment=TA_JUSTIFY, spaceAfter=6)
    add("small", fontSize=8, leading=10.5, textColor=GREY)
    add("th", fontName=FONT_BOLD, fontSize=8.5, leading=11)
    add("td", fontSize=8.5, leading=11)
    add("td_right", fontSize=8.5, leading=11, alignment=TA_RIGHT)
    add("td_center", fontSize=8.5, leading=11, alignment=TA_CENTER)
    add("toc_title", fontName=FONT_BOLD, fontSize=13.5, leading=18, textColor=ACCENT, spaceAfter=10)
    add("toc1", fontName=FONT_BOLD, fontSize=10, leading=14, leftIndent=0, firstLineIndent=0, spaceBefore=4)
    add("toc2", fontSize=9.5, leading=13, leftIndent=14, firstLineIndent=0)
    add("toc3", fontSize=9, leading=12, leftIndent=28, firstLineIndent=0, textColor=GREY)
    return ss


def report_styles() -> StyleSheet1:
    """get_styles() plus the long reports' own styles (cover, notice, cluster, meta, ...); h1/h2 do not
    keep with next (a long table after them would be pushed whole to the next page)."""
    ss = get_styles()
    for name in ("h1", "h2"):
        ss[name].keepWithNext = 0
    ss.add(ss["title"].clone("cover_title", fontSize=24, leading=30, spaceAfter=8))
    ss.add(ss["subtitle"].clone("cover_sub", fontSize=13, leading=18, textColor=colors.black))
    ss.add(ss["body"].clone("kicker", fontName=FONT_BOLD, fontSize=12, leading=16, textColor=ACCENT))
    ss.add(ss["body"].clone("notice", fontSize=9.5, leading=13, borderColor=RULE, borderWidth=0.6,
                            borderPadding=6, backColor=colors.HexColor("#F3F5F8"), spaceBefore=6))
    # Cluster and recommendation titles: bold, but not h1-h3, so the index stays short.
    ss.add(ss["h3"].clone("cluster", fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=9, spaceAfter=3,
                          keepWithNext=0))
    ss.add(ss["h3"].clone("rec", fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceBefore=10, spaceAfter=3))
    ss.add(ss["small"].clone("meta", spaceAfter=4))
    ss.add(ss["td"].clone("note"))
    ss.add(ss["small"].clone("caption", fontSize=8.5, leading=11, spaceBefore=2, spaceAfter=10))
    return ss


_HEADING_LEVEL = {"h1": 0, "h2": 1, "h3": 2}
_bookmark_ids = itertools.count(1)


def heading(text: Any, level: int = 1, styles: StyleSheet1 | None = None) -> Paragraph:
    """An h1..h3 heading; listed in the PDF outline and in the table of contents (so at most 200
    characters, "…" marking a longer title: a heading is a line, and the index must settle)."""
    ss = styles or get_styles()
    return para(clip(text, 200), ss[f"h{min(max(level, 1), 3)}"])


def make_toc(styles: StyleSheet1 | None = None) -> TableOfContents:
    ss = styles or get_styles()
    # reportlab's TOC builds its lines with the module's Paragraph: ours orders Arabic titles.
    _toc_module.Paragraph = LtrParagraph
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [ss["toc1"], ss["toc2"], ss["toc3"]]
    return toc


def content_width(landscape: bool = False) -> float:
    """Width of the text frame in points, for computing absolute column widths."""
    m = _LANDSCAPE_MARGINS if landscape else _PORTRAIT_MARGINS
    page_w = (_landscape(A4) if landscape else A4)[0]
    return page_w - m["leftMargin"] - m["rightMargin"]


def data_table(
    header: Sequence[Any] | None,
    rows: Iterable[Sequence[Any]],
    col_widths: Sequence[float | str] | None = None,
    repeat_header: bool = True,
    *,
    styles: StyleSheet1 | None = None,
    zebra: bool = True,
) -> LongTable:
    """A table whose cells wrap (Paragraphs), with zebra rows and a repeated header.

    col_widths: points, "25%" strings or "*" (share of the rest); None = equal shares.
    Cells may be any value (see format_value; numbers are right-aligned) or a Flowable.
    """
    ss = styles or get_styles()
    th, td, td_right = ss["th"], ss["td"], ss["td_right"]

    def cell(v: Any) -> Any:
        if isinstance(v, Flowable):
            return v
        is_number = isinstance(v, int | float | Decimal) and not isinstance(v, bool)
        return para(v, td_right if is_number else td, bounded=False)  # splitInRow: a tall row continues

    has_header = bool(header)
    data = ([[para(h, th) for h in header]] if has_header else []) + [[cell(v) for v in row] for row in rows]
    data = data or [[""]]
    ncols = max(len(r) for r in data)
    for r in data:  # ragged input must not crash reportlab
        r.extend([""] * (ncols - len(r)))
    widths = list(col_widths) if col_widths else ["*"] * ncols

    cmds: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
    ]
    first_body = 1 if has_header else 0
    if has_header:
        cmds += [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT)]
    if zebra:
        cmds.append(("ROWBACKGROUNDS", (0, first_body), (-1, -1), [colors.white, ZEBRA_BG]))
    # LongTable: only measures rows until the page is full, so long tables split in
    # linear time; splitInRow lets a single huge cell continue on the next page.
    return LongTable(data, colWidths=widths, repeatRows=1 if (has_header and repeat_header) else 0,
                     style=TableStyle(cmds), splitInRow=1, hAlign="LEFT")


class _NumberedCanvas(Canvas):
    """Defers page output until save() so each page knows the total ("pagina X di Y")."""

    def __init__(self, *args: Any, decorate: Any = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._decorate = decorate
        self._pages: list[tuple[dict, list]] = []
        self._page_bookmarks: list[tuple[tuple, dict]] = []

    def bookmarkPage(self, *args: Any, **kw: Any) -> Any:  # noqa: N802 - reportlab API
        # The real call resolves "this page" from the PDF page counter, which does not
        # advance while pages are deferred; replay it when the page is really emitted.
        self._page_bookmarks.append((args, kw))
        return self._bookmarkReference(args[0] if args else kw["key"])

    def showPage(self) -> None:  # noqa: N802
        state = {k: v for k, v in self.__dict__.items() if k not in ("_pages", "_page_bookmarks")}
        self._pages.append((state, self._page_bookmarks))
        self._page_bookmarks = []
        self._startPage()

    def save(self) -> None:
        pages, total = self._pages, len(self._pages)
        for number, (state, bookmarks) in enumerate(pages, 1):
            self.__dict__.update(state)
            for args, kw in bookmarks:
                Canvas.bookmarkPage(self, *args, **kw)
            if self._decorate:
                self._decorate(self, number, total)
            Canvas.showPage(self)
        self._pages = []
        Canvas.save(self)


class MinutesDocTemplate(BaseDocTemplate):
    """A4 document with running header/footer, page X of Y, metadata, outline and /Lang."""

    def __init__(
        self,
        target: str | Path | IO[bytes],
        *,
        title: str,
        header_left: str = DEFAULT_HEADER,
        header_right: str | None = None,
        footer_left: str = "",
        footer_right: str = "",
        author: str = "",
        subject: str = "",
        keywords: Sequence[str] = (),
        landscape: bool = False,
        lang: str = "it",
        page_label: str = "pagina {page} di {total}",
        **kw: Any,
    ) -> None:
        register_fonts()
        self.header_left = header_left
        self.header_right = title if header_right is None else header_right
        self.footer_left, self.footer_right = footer_left, footer_right
        self.page_label = page_label  # a letter in Arabic numbers its pages in Arabic
        margins = _LANDSCAPE_MARGINS if landscape else _PORTRAIT_MARGINS
        target = str(target) if isinstance(target, Path) else target
        super().__init__(
            target, pagesize=_landscape(A4) if landscape else A4,
            title=title, author=author, subject=subject, keywords=list(keywords), creator=APP_LABEL,
            lang=lang,  # written as /Lang in the catalog (screen readers, hyphenation)
            displayDocTitle=1,  # viewers show the title, not the file name
            **{**margins, **kw},
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._outline_level = -1

    def build(self, flowables: list, filename: Any = None, canvasmaker: Any = None) -> None:
        maker = canvasmaker or functools.partial(_NumberedCanvas, decorate=self._decorate)
        super().build(flowables, filename=filename, canvasmaker=maker)

    def handle_documentBegin(self) -> None:  # noqa: N802 - reportlab API
        self._outline_level = -1  # each multiBuild pass gets a fresh canvas and outline
        super().handle_documentBegin()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        """Headings (styles h1..h3) become outline entries and TOC entries."""
        if not isinstance(flowable, Paragraph):
            return
        level = _HEADING_LEVEL.get(flowable.style.name)
        if level is None:
            return
        key = getattr(flowable, "_bookmark_key", None)
        if key is None:  # stable across multiBuild passes: the same object is reused
            key = flowable._bookmark_key = f"h{next(_bookmark_ids)}"
        text = getattr(flowable, "plain_text", None) or flowable.getPlainText()
        level = min(level, self._outline_level + 1)  # outlines may not skip levels
        self._outline_level = level
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        self.notify("TOCEntry", (level, esc(text), self.page, key))

    def _decorate(self, canv: Canvas, page: int, total: int) -> None:
        """Running header and footer, drawn when the page count is known."""
        w, h = canv._pagesize
        left, right = self.leftMargin, w - self.rightMargin
        canv.saveState()
        canv.setFont(FONT, 8)
        canv.setFillColor(GREY)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        y = h - self.topMargin + 7 * mm
        hl, hr = _fit_pair(safe_text(self.header_left, FONT), safe_text(self.header_right, FONT), right - left, 8)
        scripts.draw_string(canv, left, y, hl)
        scripts.draw_string(canv, right, y, hr, anchor="right")
        canv.line(left, y - 2.2 * mm, right, y - 2.2 * mm)
        y = self.bottomMargin - 10 * mm
        canv.line(left, y + 3.5 * mm, right, y + 3.5 * mm)
        scripts.draw_string(canv, (left + right) / 2, y, self.page_label.format(page=page, total=total),
                            anchor="centre")
        side = (right - left) / 2 - 25 * mm  # keep clear of the centred page number
        if self.footer_left:
            scripts.draw_string(canv, left, y, _ellipsize(safe_text(self.footer_left, FONT), side, 8))
        if self.footer_right:
            scripts.draw_string(canv, right, y, _ellipsize(safe_text(self.footer_right, FONT), side, 8), anchor="right")
        canv.restoreState()


def _ellipsize(text: str, width: float, size: float) -> str:
    if scripts.text_width(text, FONT, size) <= width:
        return text
    while text and scripts.text_width(text + "…", FONT, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _fit_pair(left: str, right: str, width: float, size: float, gap: float = 8 * mm) -> tuple[str, str]:
    """Share one line between two texts; the shorter keeps its length, the longer is cut."""
    wl, wr = (scripts.text_width(t, FONT, size) for t in (left, right))
    avail = width - gap
    if wl + wr <= avail:
        return left, right
    half = avail / 2
    if wl <= half:
        return left, _ellipsize(right, avail - wl, size)
    if wr <= half:
        return _ellipsize(left, avail - wr, size), right
    return _ellipsize(left, half, size), _ellipsize(right, half, size)


class _LayoutSwitch:
    """A flag shared by the document and its frame (KeepTogether deep-copies frames: keep one flag)."""

    on = False

    def __deepcopy__(self, memo: dict) -> "_LayoutSwitch":
        return self


class _LayoutFrame(Frame):
    """A frame that, during the layout-only passes, places flowables without drawing them."""

    def __init__(self, layout_only: _LayoutSwitch, *a: Any, **kw: Any) -> None:
        super().__init__(*a, **kw)
        self._layout_only = layout_only

    def _add(self, flowable: Any, canv: Any, trySplit: int = 0) -> int:  # noqa: N803 - reportlab API
        if not self._layout_only.on:
            return super()._add(flowable, canv, trySplit)
        flowable.drawOn = _skip_draw  # shadows the method for this one call
        try:
            return super()._add(flowable, canv, trySplit)
        finally:
            flowable.__dict__.pop("drawOn", None)

    add = _add  # Frame binds add = _add at class creation: rebind it to the override


def _skip_draw(*_a: Any, **_kw: Any) -> None:
    pass


class ReportDocTemplate(MinutesDocTemplate):
    """A long report's document (verbale, monitoring): reports pages as they are laid out, and lays out cheaply for the index.

    A table of contents needs its page numbers before it is drawn, so reportlab builds the whole
    document twice (or more). Here those passes only place the flowables (wrap and split, no
    drawing, nothing written); one last pass draws and saves. About a third less time.
    """

    def __init__(self, *a: Any, progress: Callable[[str, float], None], estimate: int, **kw: Any) -> None:
        super().__init__(*a, **kw)
        self._progress, self._estimate, self._laid_out = progress, max(1, estimate), 0
        self.layout_only = _LayoutSwitch()
        frame = _LayoutFrame(self.layout_only, self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                       leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.pageTemplates = []
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def afterPage(self) -> None:  # noqa: N802 - reportlab API
        self._laid_out += 1
        self._progress("Impaginazione del PDF", min(0.97, 0.1 + 0.87 * self._laid_out / self._estimate))

    def multiBuild(self, story: list, maxPasses: int = 10, **kw: Any) -> int:  # noqa: N803
        """reportlab's multiBuild, except that the first pass only places the flowables.

        Pass 1 (layout only) collects the index entries; pass 2 draws the index with them and
        is saved if its own entries match (the index sits alone before a page break, so
        they do unless the index itself grows a page); otherwise pass again.
        """
        self._indexingFlowables = [f for f in story if f.isIndexing()]
        edits: list = []
        self._multiBuildEdits = edits.append
        self._doSave = 0
        target = self.filename
        try:
            for passes in range(1, maxPasses + 1):
                self.layout_only.on = passes == 1
                self.filename = io.BytesIO() if passes == 1 else target
                for fl in self._indexingFlowables:
                    fl.beforeBuild()
                self.build(story[:], **kw)
                for fl in self._indexingFlowables:
                    fl.afterBuild()
                if passes > 1 and self._allSatisfied():
                    self.canv.save()
                    return passes
                while edits:
                    e = edits.pop(0)
                    e[0](*e[1:])
            raise IndexError(f"index entries not resolved after {maxPasses} passes")
        finally:
            self.filename, self.layout_only.on = target, False
            del self._multiBuildEdits


def build_pdf(
    target: str | Path | IO[bytes],
    story: Iterable[Flowable],
    *,
    title: str,
    toc: bool = False,
    toc_title: str = "Indice",
    private: bool = True,
    **doc_options: Any,
) -> int:
    """Build a PDF from flowables and return its page count.

    toc=True puts "Indice" and a table of contents (of h1..h3 headings) after the
    leading "title"/"subtitle" paragraphs, then a page break; a TableOfContents
    already in the story is honoured instead. doc_options are
    MinutesDocTemplate keywords (author, subject, keywords, header_left, landscape, ...).
    A path is written all-or-nothing, 0600 unless `private` is False (see exporters/atomic.py).
    """
    from facilitator_app.exporters.atomic import to_target

    story = list(story)
    return to_target(target, lambda out: _build_pdf(out, story, title, toc, toc_title, doc_options), private=private)


def _build_pdf(target: Any, story: list, title: str, toc: bool, toc_title: str, doc_options: dict) -> int:
    doc = MinutesDocTemplate(target, title=title, **doc_options)
    flowables = list(story)
    if toc and not any(isinstance(f, TableOfContents) for f in flowables):
        ss = get_styles()
        at = 0
        while at < len(flowables) and getattr(getattr(flowables[at], "style", None), "name", "") in ("title", "subtitle"):
            at += 1
        flowables[at:at] = [para(toc_title, ss["toc_title"]), make_toc(ss), PageBreak()]
    if any(isinstance(f, TableOfContents) for f in flowables):
        doc.multiBuild(flowables)  # TOC page numbers need a second pass
    else:
        doc.build(flowables)
    return doc.page
