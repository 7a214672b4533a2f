"""Every script printed right in our PDFs: font fallback, shaping and bidi order (no Qt).

reportlab only maps characters to glyphs one by one. That is enough for Latin, Greek,
Cyrillic and Chinese, but Arabic letters change shape with their neighbours and run right
to left, Bengali and Sinhala reorder vowel signs and form conjuncts, and emoji sequences are
ligatures. So text is cut into *pieces* (one font, one word), complex pieces are shaped with
HarfBuzz (uharfbuzz) into glyphs in visual order, and whole lines are put in visual order
(Unicode bidi algorithm, python-bidi) after reportlab has broken them, at draw time.

A shaped glyph that has no character of its own in the font (an Arabic medial form, a
Bengali conjunct) is given a private-use code mapped to that glyph; the PDF's ToUnicode
map sends it back to the characters it stands for, so text extracted from the PDF (search,
copy, screen readers) is the text that was written, in logical order.

Public API
----------
register_script_fonts()            the Noto fonts next to DejaVu (idempotent)
pieces(text, base_font)            [(font_name, text)] for one run of text, in logical order
markup(text, base_font)            Paragraph markup: <font> runs, complex pieces shaped
covered(ch)                        whether some font of ours prints ch
text_width(text, font, size)       width of text as draw_string prints it
draw_string(canvas, x, y, text, font=None, size=None, anchor="left")
visual_line(tokens, base_rtl)      bidi reorder of one line of (text, payload) tokens
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

import uharfbuzz as hb
from bidi import algorithm as _uba
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from facilitator_app.resources import resource_path

ARABIC, BENGALI, SINHALA, CJK, EMOJI = "arabic", "bengali", "sinhala", "cjk", "emoji"
# script -> (regular face, bold face); the file name is the font name.
SCRIPT_FONTS = {
    ARABIC: ("NotoSansArabic-Regular", "NotoSansArabic-Bold"),
    BENGALI: ("NotoSansBengali-Regular", "NotoSansBengali-Bold"),
    SINHALA: ("NotoSansSinhala-Regular", "NotoSansSinhala-Bold"),
    CJK: ("NotoSansSC-Regular", "NotoSansSC-Regular"),  # one CJK face keeps the repo small
    EMOJI: ("NotoEmoji-Regular", "NotoEmoji-Regular"),
}
SHAPED = frozenset({ARABIC, BENGALI, SINHALA, EMOJI})
RTL_SCRIPTS = frozenset({ARABIC})
_BOLD_BASE = frozenset({"DejaVuSans-Bold", "DejaVuSans-BoldOblique"})


def _script_of(cp: int) -> str | None:
    """The script whose font must print cp (None: the base font, DejaVu, if it can)."""
    if 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0x08A0 <= cp <= 0x08FF or 0xFB50 <= cp <= 0xFDFF \
            or 0xFE70 <= cp <= 0xFEFF:
        return ARABIC
    if 0x0980 <= cp <= 0x09FF:
        return BENGALI
    if 0x0D80 <= cp <= 0x0DFF or 0x111E0 <= cp <= 0x111FF:
        return SINHALA
    if 0x2E80 <= cp <= 0x2FDF or 0x3000 <= cp <= 0x30FF or 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF \
            or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF or 0x20000 <= cp <= 0x2FA1F:
        return CJK
    if 0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or cp in (0x20E3, 0x2B50, 0x2B55, 0x2B1B, 0x2B1C) \
            or 0xE0020 <= cp <= 0xE007F:
        return EMOJI
    return None


# Characters that belong to the piece before them (joiners, selectors, combining marks).
_STICKY = frozenset({0x200C, 0x200D, 0xFE0E, 0xFE0F}) | frozenset(range(0x1F3FB, 0x1F400))


@functools.cache
def register_script_fonts() -> None:
    for regular, bold in SCRIPT_FONTS.values():
        for name in {regular, bold}:
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", f"{name}.ttf"))))
            # <b>/<i> around a shaped piece must keep its face: its glyphs belong to it.
            pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    _install_tounicode_hook()


@functools.cache
def _cmap(font_name: str) -> frozenset[int]:
    face = pdfmetrics.getFont(font_name).face
    return frozenset(face.charToGlyph)


def _script_font(script: str, bold: bool) -> str:
    return SCRIPT_FONTS[script][1 if bold else 0]


def _fallback_font(cp: int, base: str) -> str | None:
    """The first of our fonts with a glyph for cp, base first."""
    if cp in _cmap(base):
        return base
    bold = base in _BOLD_BASE
    for script in SCRIPT_FONTS:
        name = _script_font(script, bold)
        if cp in _cmap(name):
            return name
    return None


def covered(ch: str, base: str = "DejaVuSans") -> bool:
    register_script_fonts()
    cp = ord(ch)
    script = _script_of(cp)
    if script and cp in _cmap(_script_font(script, False)):
        return True
    return _fallback_font(cp, base) is not None


def _font_of(cp: int, base: str) -> str | None:
    script = _script_of(cp)
    if script is not None:
        name = _script_font(script, base in _BOLD_BASE)
        if cp in _cmap(name):
            return name
    return _fallback_font(cp, base)


def _is_keycap_base(text: str, i: int) -> bool:
    """'1', '#' or '*' starting a keycap emoji (1️⃣): the emoji font draws the whole."""
    nxt = text[i + 1:i + 3]
    return text[i] in "0123456789#*" and ("\u20e3" in nxt)


def pieces(text: str, base_font: str) -> list[tuple[str, str]]:
    """Cut text into (font, text) runs: a new piece at a change of font and at each space,
    so every piece is one word (or part of one) in one font. Characters no font has are
    expected to be replaced before (see pdf.safe_text)."""
    register_script_fonts()
    out: list[tuple[str, str]] = []
    cur_font, buf = base_font, []
    for i, ch in enumerate(text):
        cp = ord(ch)
        if ch == " ":
            font = base_font
        elif (cp in _STICKY or unicodedata.category(ch) in ("Mn", "Me")) and buf and cp in _cmap(cur_font):
            font = cur_font
        elif _is_keycap_base(text, i) or (cp in _STICKY and cp in _cmap(SCRIPT_FONTS[EMOJI][0])):
            font = SCRIPT_FONTS[EMOJI][0]
        else:
            font = _font_of(cp, base_font) or base_font
        if buf and (font != cur_font or ch == " " or buf[-1] == " "):
            out.append((cur_font, "".join(buf)))
            buf = []
        cur_font = font
        buf.append(ch)
    if buf:
        out.append((cur_font, "".join(buf)))
    return out


def _script_of_font(font_name: str) -> str | None:
    for script, names in SCRIPT_FONTS.items():
        if font_name in names:
            return script
    return None


# --- shaping -----------------------------------------------------------------------------

class _Shaper:
    """HarfBuzz shaping for one registered font, with its private-use glyph codes."""

    def __init__(self, font_name: str) -> None:
        self.font = pdfmetrics.getFont(font_name)
        self.face = self.font.face
        blob = hb.Blob.from_file_path(str(resource_path("fonts", f"{font_name}.ttf")))
        self.hb_font = hb.Font(hb.Face(blob))
        self.upem = self.hb_font.face.upem
        self.codes: dict[tuple[int, str], str] = {}  # (glyph, text it stands for) -> code
        self.base_name = self.face.name.decode("latin-1") if isinstance(self.face.name, bytes) else self.face.name
        _TOUNICODE.setdefault(self.base_name, {})

    def _code(self, gid: int, text: str, advance: int) -> str:
        if len(text) == 1 and self.face.charToGlyph.get(ord(text)) == gid:
            return text  # the font's own character: extracts as itself
        key = (gid, text)
        code = self.codes.get(key)
        if code is None:
            cp = _next_code(self.face.charToGlyph)
            if cp is None:
                return "\ufffd"  # ~71,000 distinct shaped glyphs in one run of the app: show the gap
            self.face.charToGlyph[cp] = gid
            self.face.glyphToChar.setdefault(gid, []).append(cp)
            self.face.charWidths[cp] = advance * 1000 / self.upem
            _TOUNICODE[self.base_name][cp] = text
            code = self.codes[key] = chr(cp)
        return code

    @functools.lru_cache(maxsize=20000)
    def shape(self, text: str) -> str:
        """Glyph codes of text in visual order (for reportlab to draw one by one)."""
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        hb.shape(self.hb_font, buf, {"kern": True, "liga": True})
        infos, positions = buf.glyph_infos, buf.glyph_positions
        clusters = sorted({i.cluster for i in infos})
        ends = {c: (clusters[k + 1] if k + 1 < len(clusters) else len(text)) for k, c in enumerate(clusters)}
        # The text a glyph stands for, for copy and search: a cluster's characters are
        # shared out over its glyphs in drawing order (a reader joins them in that order;
        # a Bengali vowel drawn before its consonant takes the consonant's letter), one
        # each, the last glyph the rest. A glyph left over stands for a zero-width space:
        # an empty mapping makes readers see a gap between words.
        by_cluster: dict[int, list[int]] = {}
        for k, info in enumerate(infos):
            by_cluster.setdefault(info.cluster, []).append(k)
        rtl = buf.direction == "rtl"
        codes: dict[int, str] = {}
        for cl, ks in by_cluster.items():
            chars = text[cl:ends[cl]]
            if rtl:
                ks = ks[::-1]  # readers take a right-to-left run's glyphs from the right
            n = len(ks)
            for j, k in enumerate(ks):
                part = chars[j:] if j == n - 1 else chars[j:j + 1]
                if rtl and len(part) > 1:
                    part = part[::-1]  # ...and reverse the letters of a ligature (lam-alef) too
                codes[k] = self._code(infos[k].codepoint, part or "\u200b", positions[k].x_advance)
        glyphs = "".join(codes[k] for k in range(len(infos)))
        if buf.direction == "rtl":
            _RTL_CODES.update(ord(c) for c in glyphs if is_glyph_code(ord(c)))
        return glyphs


_TOUNICODE: dict[str, dict[int, str]] = {}
_shapers: dict[str, _Shaper] = {}
# Glyph codes are unique across fonts (the bidi step tells RTL glyphs by their code alone):
# the BMP private use area, then plane 15's.
_CODE_RANGES = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD))
_code_state = {"next": 0xE000}


def _next_code(taken: dict) -> int | None:
    cp = _code_state["next"]
    while True:
        if cp > 0xF8FF and cp < 0xF0000:
            cp = 0xF0000
        if cp > 0xFFFFD:
            return None
        if cp not in taken:
            _code_state["next"] = cp + 1
            return cp
        cp += 1


def is_glyph_code(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _CODE_RANGES)


def shape(font_name: str, text: str) -> str:
    shaper = _shapers.get(font_name)
    if shaper is None:
        shaper = _shapers[font_name] = _Shaper(font_name)
    return shaper.shape(text)


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _install_tounicode_hook() -> None:
    """ToUnicode entries for our private-use glyph codes: the characters they stand for."""
    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_scripts_hook", False):
        return

    def make(fontname: str, subset: Sequence[int]) -> str:
        # reportlab writes "<%04X>" of the code point: wrong past U+FFFF (emoji), which
        # UTF-16 writes as a surrogate pair; our glyph codes map to what they stand for.
        table = _TOUNICODE.get(fontname.split("+", 1)[-1], {})
        cmap = original(fontname, subset)
        if not any(v in table or v > 0xFFFF for v in subset):
            return cmap
        lines = cmap.split("\n")
        at = {line: k for k, line in enumerate(lines)}
        for i, v in enumerate(subset):
            if v in table or v > 0xFFFF:
                text = table.get(v, chr(v))
                lines[at["<%02X> <%04X>" % (i, v)]] = "<%02X> <%s>" % (i, _utf16_hex(text))
        return "\n".join(lines)

    make._scripts_hook = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make


def shaped_pieces(text: str, base_font: str) -> list[tuple[str, str]]:
    """pieces() with complex-script pieces replaced by their glyph codes (visual order)."""
    out = []
    for font, piece in pieces(text, base_font):
        if _script_of_font(font) in SHAPED:
            piece = shape(font, piece)
        out.append((font, piece))
    return out


@functools.cache
def _plain(base_font: str) -> frozenset[int]:
    """Code points the base font prints as they are (no other font, no shaping, no bidi)."""
    register_script_fonts()
    return frozenset(cp for cp in _cmap(base_font) if _script_of(cp) is None and cp not in _STICKY
                     and unicodedata.bidirectional(chr(cp)) not in ("R", "AL", "AN", "RLE", "RLO", "RLI"))


def is_plain(text: str, base_font: str) -> bool:
    """Whether the base font prints text as it is, character by character (no other work)."""
    return text.isascii() or _plain(base_font).issuperset(map(ord, text))


def markup(text: str, base_font: str) -> str:
    """Paragraph markup for plain text: script fonts as <font name=...> runs, shaped."""
    if text.isascii() or _plain(base_font).issuperset(map(ord, text)):  # most text: Italian
        return _xml_escape(text)
    parts = []
    for font, piece in shaped_pieces(text, base_font):
        piece = _xml_escape(piece)
        parts.append(piece if font == base_font else f'<font name="{font}">{piece}</font>')
    return "".join(parts)


# --- bidi: visual order of a line --------------------------------------------------------

_RTL_CODES: set[int] = set()  # private-use codes standing for right-to-left glyphs

# Tokens of a line: spaces; numbers with their inner separators (09:30, 12/10/2024, 1.234,5,
# +39 02 8845 1234: a phone number is not reversed in an Arabic sentence);
# words (letters, marks, joiners and our shaped glyph codes); any other character alone, so
# punctuation and emoji between an Arabic and an Italian word take the side the bidi
# algorithm gives them ("2024." ends an Arabic sentence with its full stop on the left).
WORDS = re.compile(r" +|\+?\d+(?:[.,:/ ]\d+)*|[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
                    r"\u0981-\u09fe\u0d81-\u0df4\u200c\u200d\ue000-\uf8ff\U000f0000-\U000ffffd]+|.", re.UNICODE)
_CHUNKS = re.compile(r"\+?\d+(?:[.,:/ ]\d+)*| +|[^ ]+")  # a number first: "02 8845 1234" is one


def tokens(text: str) -> list[str]:
    """A line's text (one font) cut into bidi tokens (see WORDS). A chunk holding right-to-left
    glyphs stays whole: HarfBuzz already put it in visual order, its Arabic comma included."""
    out: list[str] = []
    for chunk in _CHUNKS.findall(text):
        if chunk[0] != " " and any(ord(c) in _RTL_CODES or unicodedata.bidirectional(c) in ("R", "AL")
                                   for c in chunk):
            out.append(chunk)
        else:
            out.extend(WORDS.findall(chunk))
    return out


def _token_class(text: str) -> str:
    """A one-character stand-in for a token, with the token's bidi class."""
    strong = None
    digits = False
    for ch in text:
        cp = ord(ch)
        if cp in _RTL_CODES:
            return "\u0627"
        if is_glyph_code(cp):
            return "a"
        bc = unicodedata.bidirectional(ch)
        if bc in ("R", "AL"):
            return "\u0627"
        if bc == "L":
            strong = "a"
        elif bc == "AN":
            return "\u0661"
        elif bc == "EN":
            digits = True
    if strong:
        return strong
    if digits:
        return "1"
    return text[0] if len(text) == 1 else "-"


def token_is_rtl(text: str) -> bool:
    return _token_class(text) == "\u0627"


def base_is_rtl(texts: Sequence[str]) -> bool:
    """Paragraph direction (rule P2): the first strong token decides."""
    for t in texts:
        c = _token_class(t)
        if c == "\u0627":
            return True
        if c == "a":
            return False
    return False


_MIRROR = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<", "«": "»", "»": "«"}


def visual_line(tokens: Sequence[tuple[str, Any]], base_rtl: bool) -> list[tuple[str, Any]]:
    """Reorder one line of tokens (text, payload), in logical order, into visual order.

    Each token is one word piece (already in visual order inside) or a space; the bidi
    levels come from python-bidi run over one stand-in character per token, so numbers,
    punctuation and spaces between Arabic and Italian words go where the Unicode bidi
    algorithm puts them. Brackets at a right-to-left level are mirrored.
    """
    if not tokens:
        return []
    stand_in = "".join(_token_class(t) for t, _ in tokens)
    if not base_rtl and "\u0627" not in stand_in and "\u0661" not in stand_in:
        return list(tokens)
    # Characters the bidi algorithm removes (class BN: joiners, format controls) would shift every level
    # after them: a neutral space stands in for them instead.
    stand_in = "".join(" " if unicodedata.bidirectional(c) == "BN" else c for c in stand_in)
    storage = _uba.get_empty_storage()
    storage["base_level"] = 1 if base_rtl else 0
    storage["base_dir"] = "R" if base_rtl else "L"
    _uba.get_embedding_levels(stand_in, storage, False, False)
    _uba.explicit_embed_and_overrides(storage, False)
    _uba.resolve_weak_types(storage, False)
    _uba.resolve_neutral_types(storage, False)
    _uba.resolve_implicit_levels(storage, False)
    levels = [c["level"] for c in storage["chars"]]
    if len(levels) != len(tokens):  # never guess an order: logical order is still readable
        return list(tokens)
    # Rule L1: trailing spaces take the paragraph level.
    base = storage["base_level"]
    k = len(tokens) - 1
    while k >= 0 and tokens[k][0].isspace():
        levels[k] = base
        k -= 1
    items = [(t, p, lvl) for (t, p), lvl in zip(tokens, levels)]
    top = max(levels)
    lowest_odd = min(lvl for lvl in levels if lvl % 2) if any(lvl % 2 for lvl in levels) else top + 1
    for level in range(top, lowest_odd - 1, -1):  # rule L2
        i = 0
        while i < len(items):
            if items[i][2] >= level:
                j = i
                while j < len(items) and items[j][2] >= level:
                    j += 1
                items[i:j] = items[i:j][::-1]
                i = j
            else:
                i += 1
    return [(_MIRROR.get(t, t) if lvl % 2 else t, p) for t, p, lvl in items]


# --- single lines on a canvas (badges, posters, running headers) --------------------------

def _line_tokens(text: str, font: str) -> list[tuple[str, str]]:
    return [(w, f) for f, glyphs in shaped_pieces(text, font) for w in tokens(glyphs)]


def text_width(text: str, font: str, size: float) -> float:
    if text.isascii() or _plain(font).issuperset(map(ord, text)):
        return pdfmetrics.stringWidth(text, font, size)
    return sum(pdfmetrics.stringWidth(g, f, size) for g, f in _line_tokens(text, font))


def draw_string(canvas: Any, x: float, y: float, text: str, font: str | None = None, size: float | None = None,
                anchor: str = "left") -> float:
    """Draw one line of any script at (x, y); anchor left/right/centre. Returns its width."""
    font = font or canvas._fontname
    size = size or canvas._fontsize
    if text.isascii() or _plain(font).issuperset(map(ord, text)):
        width = pdfmetrics.stringWidth(text, font, size)
        tokens = [(text, font)]
    else:
        tokens = _line_tokens(text, font)
        width = sum(pdfmetrics.stringWidth(g, f, size) for g, f in tokens)
        tokens = visual_line(tokens, base_is_rtl([g for g, _ in tokens]))
    if anchor == "right":
        x -= width
    elif anchor in ("centre", "center"):
        x -= width / 2
    t = canvas.beginText(x, y)
    for glyphs, f in tokens:
        t.setFont(f, size)
        t.textOut(glyphs)
    canvas.drawText(t)
    canvas.setFont(font, size)
    return width
