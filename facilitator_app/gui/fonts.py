"""The fonts shipped in resources/fonts for the interface: Arabic, Chinese, Bengali, Sinhala, emoji.

Qt picks a fallback font per character from the families a QFont lists, then from the system;
a laptop at an entrance table may have no Arabic or emoji font at all. So the Noto fonts the
PDFs use are registered as application fonts and appended to the application font's
families, and Noto Emoji is the emoji font (Qt >= 6.9 draws emoji sequences with it).
"""
from __future__ import annotations

from PySide6.QtCore import QLoggingCategory
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from facilitator_app.resources import resource_path

FILES = ("NotoSansArabic-Regular", "NotoSansArabic-Bold", "NotoSansBengali-Regular", "NotoSansBengali-Bold",
         "NotoSansSinhala-Regular", "NotoSansSinhala-Bold", "NotoSansSC-Regular", "NotoEmoji-Regular")
_families: list[str] = []


def install_fonts(app: QApplication) -> list[str]:
    """Register the fonts once and make them the application font's fallbacks; returns the families."""
    if not _families:
        # Qt warns once per script the fonts' code-page bits name but it does not shape: noise.
        QLoggingCategory.setFilterRules("qt.text.font.db=false")
        for name in FILES:
            font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", f"{name}.ttf")))
            for family in QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else ():
                if family not in _families:
                    _families.append(family)
        emoji = [f for f in _families if "Emoji" in f]
        if emoji and hasattr(QFontDatabase, "setApplicationEmojiFontFamilies"):
            QFontDatabase.setApplicationEmojiFontFamilies(emoji)
    font = QFont(app.font())
    first = font.families() or [font.family()]
    font.setFamilies([*first, *(f for f in _families if f not in first)])
    app.setFont(font)
    return list(_families)
