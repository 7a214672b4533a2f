"""The interface prints Arabic, Chinese, Bengali, Sinhala and emoji with the shipped Noto fonts:
a wall card with such a note is drawn with real glyphs, not the boxes of a missing font."""
from __future__ import annotations

from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene, QLabel

from facilitator_app.gui.fonts import install_fonts
from facilitator_app.gui.notes.items import NoteCard, NoteData


def _ink(image: QImage) -> set[tuple[int, int]]:
    dark = set()
    for y in range(image.height()):
        for x in range(image.width()):
            if QColor(image.pixel(x, y)).lightness() < 140:
                dark.add((x, y))
    return dark


def _label(qtbot, text: str) -> QImage:
    label = QLabel(text)
    qtbot.addWidget(label)
    f = label.font()
    f.setPixelSize(28)
    label.setFont(f)
    label.setStyleSheet("background: white; color: black")
    label.adjustSize()
    return label.grab().toImage()


def test_noto_families_registered_and_fallbacks_of_the_app_font(qapp):
    families = install_fonts(qapp)
    for family in ("Noto Sans Arabic", "Noto Sans CJK SC", "Noto Sans Bengali", "Noto Sans Sinhala", "Noto Emoji"):
        assert family in families and family in QFontDatabase.families()
        assert family in qapp.font().families()
    assert install_fonts(qapp) == families  # idempotent


def test_emoji_and_scripts_draw_distinct_glyphs_not_boxes(qapp, qtbot):
    install_fonts(qapp)
    # Two unassigned code points draw the same "missing glyph" box: real glyphs differ from it
    # and from each other.
    box = _ink(_label(qtbot, "\U000f0001"))
    seen = []
    for text in ("🌍", "🌳", "👩\u200d🌾", "مرحبا", "你好", "বাংলা", "ශ්\u200dරී"):
        ink = _ink(_label(qtbot, text))
        assert len(ink) > 20, text
        assert ink != box, text
        assert all(ink != other for other in seen), text
        seen.append(ink)


def test_wall_card_with_arabic_and_emoji(qapp, tmp_path):
    install_fonts(qapp)
    scene = QGraphicsScene()
    card = NoteCard(NoteData("n1", "نريد المزيد من الأشجار 🌳 via Padova 12"))
    scene.addItem(card)
    rect = card.boundingRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.translate(-rect.topLeft())
    scene.render(p, target=image.rect(), source=card.sceneBoundingRect())
    p.end()
    image.save(str(tmp_path / "card.png"))
    assert len(_ink(image)) > 200
