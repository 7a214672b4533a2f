"""Every keyboard shortcut, as the guide lists them.

The window's own keys come from its live QActions (menus) and from the page list (Ctrl+1..9),
so they cannot go stale. The pages' keys are listed in `PAGE_KEYS`;
tests/gui/test_help.py builds every page and checks this list against the QShortcut objects
the page really has, both ways.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


def _t(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


# Page key -> [(keys in PortableText, what they do)]. Keys handled by a widget's keyPressEvent
# rather than a QShortcut are marked with a leading "~" (not cross-checked).
PAGE_KEYS: dict[str, list[tuple[str, str]]] = {
    "members": [
        ("Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "Go to the search field")),
        ("Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "New member")),
    ],
    "checkin": [
        ("~Return", QT_TRANSLATE_NOOP("Shortcuts", "Check in the highlighted person")),
        ("~Up", QT_TRANSLATE_NOOP("Shortcuts", "Move in the list without leaving the search field (also Down, Page Up, Page Down)")),
        ("~Esc", QT_TRANSLATE_NOOP("Shortcuts", "Clear the search field")),
        ("F2", QT_TRANSLATE_NOOP("Shortcuts", "Walk-in: someone not on the list")),
        ("F4", QT_TRANSLATE_NOOP("Shortcuts", "Show who is still missing")),
        ("F6", QT_TRANSLATE_NOOP("Shortcuts", "The highlighted person is leaving")),
        ("F7", QT_TRANSLATE_NOOP("Shortcuts", "Correct the arrival or leaving time")),
        ("F9", QT_TRANSLATE_NOOP("Shortcuts", "Justified absence")),
    ],
    "groups": [(f"Alt+{n}", QT_TRANSLATE_NOOP("Shortcuts", "Move the selected people to group %1")) for n in range(1, 10)],
    "wall": [
        ("~Return", QT_TRANSLATE_NOOP("Shortcuts", "In the writing field: add the post-it")),
        *((f"Alt+{n}", QT_TRANSLATE_NOOP("Shortcuts", "In the writing field: choose category %1")) for n in range(10)),
        ("Ctrl+L", QT_TRANSLATE_NOOP("Shortcuts", "Go to the writing field")),
        ("Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "Search the post-its")),
        ("F2", QT_TRANSLATE_NOOP("Shortcuts", "Edit the selected post-it")),
        ("Del", QT_TRANSLATE_NOOP("Shortcuts", "Delete the selection")),
        ("V", QT_TRANSLATE_NOOP("Shortcuts", "Add a dot vote to the selection")),
        ("Shift+V", QT_TRANSLATE_NOOP("Shortcuts", "Remove a dot vote")),
        ("Ctrl+G", QT_TRANSLATE_NOOP("Shortcuts", "Group the selection into a new cluster")),
        ("Ctrl+Shift+G", QT_TRANSLATE_NOOP("Shortcuts", "Take the selection out of its cluster")),
        ("~+", QT_TRANSLATE_NOOP("Shortcuts", "Zoom in (also Ctrl + mouse wheel)")),
        ("~-", QT_TRANSLATE_NOOP("Shortcuts", "Zoom out")),
        ("~0", QT_TRANSLATE_NOOP("Shortcuts", "Fit the whole wall (also F)")),
    ],
    "projector": [
        ("F11", QT_TRANSLATE_NOOP("Shortcuts", "Projector window: full screen on or off")),
        ("Esc", QT_TRANSLATE_NOOP("Shortcuts", "Projector window: leave full screen")),
    ],
}

SECTIONS = [("window", QT_TRANSLATE_NOOP("Shortcuts", "Everywhere")),
            ("members", QT_TRANSLATE_NOOP("Shortcuts", "Members")),
            ("checkin", QT_TRANSLATE_NOOP("Shortcuts", "Check-in")),
            ("groups", QT_TRANSLATE_NOOP("Shortcuts", "Groups")),
            ("wall", QT_TRANSLATE_NOOP("Shortcuts", "Post-it wall")),
            ("projector", QT_TRANSLATE_NOOP("Shortcuts", "Projector"))]


def _native(keys: str) -> str:
    return QKeySequence(keys.lstrip("~")).toString(QKeySequence.SequenceFormat.NativeText) or keys.lstrip("~")


def window_keys(window: QMainWindow | None = None) -> list[tuple[str, str]]:
    """(keys, what) of the window: its menu actions that have a shortcut, and Ctrl+N for each page."""
    from facilitator_app.gui import pages

    rows: list[tuple[str, str]] = []
    if window is not None:
        for action in window.findChildren(QAction):
            seq = action.shortcut()
            if seq.isEmpty() or not action.text():
                continue
            rows.append((seq.toString(QKeySequence.SequenceFormat.PortableText), action.text().replace("&", "")))
    for n, (key, _t, _f) in enumerate(pages.PAGES[:9], 1):
        rows.append((f"Ctrl+{n}", QCoreApplication.translate("Shortcuts", "Go to the page %1").replace(
            "%1", pages.title(key))))
    return sorted(set(rows), key=lambda r: (len(r[0]) > 6, r[0]))


def _main_window() -> QMainWindow | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMainWindow) and w.objectName() == "MainWindow":
            return w
    return None


def shortcuts_html(window: QWidget | None = None) -> str:
    window = window or _main_window()
    parts = [f"<h1>{html.escape(QCoreApplication.translate('Shortcuts', 'Keyboard shortcuts'))}</h1>",
             f"<p>{html.escape(QCoreApplication.translate('Shortcuts', 'The same keys work whatever the language of the interface.'))}</p>"]
    for section, title in SECTIONS:
        rows = window_keys(window) if section == "window" else [
            (keys, _t(what).replace("%1", keys.rsplit("+", 1)[-1])) for keys, what in PAGE_KEYS[section]]
        parts.append(f"<h2>{html.escape(_t(title))}</h2><table cellpadding='4' cellspacing='0' border='1' "
                     "style='border-collapse: collapse; border-color: #ccc'>")
        for keys, what in rows:
            parts.append(f"<tr><td><b>{html.escape(_native(keys))}</b></td><td>{html.escape(what)}</td></tr>")
        parts.append("</table>")
    return "\n".join(parts)
