"""The guide (F1 on each page), the list of every shortcut, and Aiuto › Informazioni."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QApplication

from facilitator_app import __version__
from facilitator_app.gui import pages
from facilitator_app.gui.help import TOPICS, GuideDialog
from facilitator_app.gui.help.guide import topic_html
from facilitator_app.gui.help.shortcuts import PAGE_KEYS, shortcuts_html
from facilitator_app.resources import resource_path


def _window(ctx, qtbot):
    from facilitator_app.gui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def _images_load(dialog: GuideDialog) -> list[str]:
    """The images the page shows that the browser could not load."""
    doc = dialog.browser.document()
    missing = []
    import re

    for src in re.findall(r"<img src='([^']+)'", topic_html(dialog.current_topic())):
        if doc.resource(QTextDocument.ResourceType.ImageResource, src) is None and \
                dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource, src) is None:
            missing.append(src)
    return missing


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_page_and_topic_has_a_guide_page_in_both_languages(lang):
    keys = [k for k, _t, _f in pages.PAGES]
    topics = [k for k, _t in TOPICS]
    assert set(keys) <= set(topics)
    for topic in topics:
        if topic == "shortcuts":
            continue
        path = resource_path("help", lang, f"{topic}.html")
        assert path.is_file(), path
        text = path.read_text(encoding="utf-8")
        assert text.count("<li>") >= 3 and "<h1>" in text, topic


def test_f1_opens_the_guide_at_the_page_shown_with_its_screenshot(demo_ctx, qtbot):
    win = _window(demo_ctx, qtbot)
    for key in ("members", "checkin", "wall"):
        win.show_page(key)
        qtbot.keyClick(win.focusWidget() or win, Qt.Key.Key_F1)
        dialog = win.guide
        qtbot.waitExposed(dialog)
        assert dialog.current_topic() == key
        assert "Tasti" in dialog.browser.toHtml() or "Cosa si fa qui" in dialog.browser.toPlainText()
        assert not _images_load(dialog)
        dialog.close()


def test_the_guide_links_to_the_shortcuts_and_they_list_the_real_keys(demo_ctx, qtbot):
    win = _window(demo_ctx, qtbot)
    win.show_guide("checkin")
    dialog = win.guide
    from PySide6.QtCore import QUrl

    dialog.browser.anchorClicked.emit(QUrl("topic:shortcuts"))
    assert dialog.current_topic() == "shortcuts"
    text = dialog.browser.toPlainText()
    for keys in ("F2", "F4", "F6", "F7", "F9", "Ctrl+1", "Ctrl+9", "Ctrl+O", "Ctrl+I", "F1", "Alt+3"):
        assert keys in text, keys
    assert pages.title("checkin") in text  # Ctrl+3 names the page in the interface language


def test_the_documented_page_keys_are_exactly_the_pages_shortcuts(demo_ctx, qtbot):
    win = _window(demo_ctx, qtbot)
    for key in win.pages:  # every page, also one added later: its keys must be listed to pass
        page = win.pages[key]
        real = {s.key().toString(QKeySequence.SequenceFormat.PortableText) for s in page.findChildren(QShortcut)}
        listed = {QKeySequence(k).toString(QKeySequence.SequenceFormat.PortableText)
                  for k, _w in PAGE_KEYS.get(key, ()) if not k.startswith("~")}
        assert real == listed, (key, real ^ listed)


def test_the_window_keys_come_from_its_actions(demo_ctx, qtbot):
    win = _window(demo_ctx, qtbot)
    html = shortcuts_html(win)
    for action in (win.open_action, win.import_action, win.guide_action):
        assert action.text().replace("&", "") in html


def test_about_tells_version_licence_file_and_backups(demo_ctx, qtbot):
    win = _window(demo_ctx, qtbot)
    help_menu = win.menuBar().actions()[-1].menu()
    help_menu.actions()[-1].trigger()  # the last entry of Aiuto
    kind, _title, text = demo_ctx.prompts.shown[-1]
    assert kind == "info" and __version__ in text and "GPL-3.0-or-later" in text
    assert str(demo_ctx.store.path) in text and ("Tutto" in text or "Everything" in text)
