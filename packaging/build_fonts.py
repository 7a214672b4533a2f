"""Rebuild the Noto fonts in resources/fonts/ (run by hand, not at install time).

The app prints Arabic, Chinese, Bengali, Sinhala and emoji next to Latin text (DejaVu).
reportlab embeds TrueType outlines only, so the sources are turned into static TrueType:

- Noto Sans Arabic / Bengali / Sinhala, Regular and Bold: copied from Debian's
  fonts-noto-core (static hinted TrueType already).
- Noto Sans SC: the Simplified Chinese face of Debian's fonts-noto-cjk
  NotoSansCJK-Regular.ttc (CFF outlines), cut down to GB 2312 (the 6,763 hanzi of everyday
  Simplified Chinese) and JIS X 0208 (Japanese kanji), CJK punctuation, full-width forms and kana, and converted to quadratic
  TrueType outlines: ~7 MB instead of a 19 MB collection.
- Noto Emoji (monochrome outlines, prints in black like the text): the variable font of the
  PyPI package manimgx-fonts, instantiated at Regular weight (reportlab has no variable fonts;
  the colour emoji font is bitmaps, which PDFs from reportlab cannot embed).

Usage: python packaging/build_fonts.py FONTS_CORE_DIR CJK_TTC NOTO_EMOJI_VF
  e.g. apt-get download fonts-noto-core fonts-noto-cjk; dpkg-deb -x each into x/;
       pip download --no-deps manimgx-fonts; unzip it.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.varLib import instancer

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"


def _cjk_codepoints() -> set[int]:
    cps: set[int] = set(range(0x20, 0x7F))
    for hi in range(0xA1, 0xF8):  # every GB 2312 code (rows 16-87 are the hanzi)
        for lo in range(0xA1, 0xFF):
            try:
                cps.update(map(ord, bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    for hi in range(0xA1, 0xFF):  # JIS X 0208 too: the kanji of Japanese notes (緑, 増) are other code points
        for lo in range(0xA1, 0xFF):
            try:
                cps.update(map(ord, bytes([hi, lo]).decode("euc_jp")))
            except UnicodeDecodeError:
                pass
    for lo, hi in ((0x3000, 0x303F), (0x3040, 0x30FF), (0xFF00, 0xFFEF), (0x2010, 0x2027), (0x2030, 0x205E)):
        cps.update(range(lo, hi + 1))
    return cps


def _otf_to_ttf(font: TTFont) -> None:
    """CFF (cubic) outlines -> glyf (quadratic), in place."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr, value in (("maxZones", 1), ("maxTwilightPoints", 0), ("maxStorage", 0), ("maxFunctionDefs", 0),
                        ("maxInstructionDefs", 0), ("maxStackElements", 0), ("maxSizeOfInstructions", 0),
                        ("maxComponentElements", 0), ("maxPoints", 0), ("maxContours", 0),
                        ("maxCompositePoints", 0), ("maxCompositeContours", 0), ("maxComponentDepth", 0)):
        setattr(maxp, attr, value)
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 2.0
    font["post"].extraNames = []
    font["post"].mapping = {}
    font["post"].glyphOrder = glyph_order
    font.sfntVersion = "\x00\x01\x00\x00"


def build_cjk(ttc: Path) -> None:
    coll = TTCollection(str(ttc))
    face = next(f for f in coll.fonts if "SC" in f["name"].getDebugName(4))
    opts = subset.Options()
    opts.layout_features = ["*"]
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=_cjk_codepoints())
    sub.subset(face)
    _otf_to_ttf(face)
    face.save(str(OUT / "NotoSansSC-Regular.ttf"))


def build_emoji(vf: Path) -> None:
    font = TTFont(str(vf))
    static = instancer.instantiateVariableFont(font, {"wght": 400})
    static.save(str(OUT / "NotoEmoji-Regular.ttf"))


def main(core_dir: str, cjk_ttc: str, emoji_vf: str) -> None:
    for script in ("Arabic", "Bengali", "Sinhala"):
        for weight in ("Regular", "Bold"):
            shutil.copy(Path(core_dir) / f"NotoSans{script}-{weight}.ttf", OUT)
    build_cjk(Path(cjk_ttc))
    build_emoji(Path(emoji_vf))


if __name__ == "__main__":
    main(*sys.argv[1:4])
