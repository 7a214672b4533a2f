"""The areas of the main window, in navigation order.

Each entry: (key, English title marked for translation, factory(ctx) -> QWidget);
title(key) translates it when shown, so the language installed at start-up applies.
Later features add their page here.

`PageStack` builds a page only when it is first shown (or asked for): the window
starts with the first page alone, and a page the user never opens costs nothing,
neither its import nor the queries that fill it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from facilitator_app.gui.context import AppContext


def _members(ctx: AppContext) -> QWidget:
    from facilitator_app.gui.members.page import MembersPage

    return MembersPage(ctx)


def _groups(ctx: AppContext) -> QWidget:
    from facilitator_app.gui.groups.page import GroupsPage

    return GroupsPage(ctx)


def _wall(ctx: AppContext) -> QWidget:
    from facilitator_app.gui.notes.page import NotesPage

    return NotesPage(ctx)


def _recommendations(ctx: AppContext) -> QWidget:
    from facilitator_app.gui.notes.recommendations import RecommendationsPage

    return RecommendationsPage(ctx)


def _plenaries(ctx: AppContext) -> QWidget:
    from facilitator_app.gui.plenaries.page import PlenariesPage

    return PlenariesPage(ctx)


def _checkin(ctx: AppContext) -> QWidget:
    from facilitator_app.gui.attendance.checkin_page import CheckInPage

    return CheckInPage(ctx)


def _attendance(ctx: AppContext) -> QWidget:
    from facilitator_app.gui.attendance.dashboard import DashboardPage

    return DashboardPage(ctx)


def _attendance_history(ctx: AppContext) -> QWidget:
    from facilitator_app.gui.attendance.history import HistoryPage

    return HistoryPage(ctx)


def _minutes(ctx: AppContext) -> QWidget:
    from facilitator_app.gui.minutes.page import MinutesPage

    return MinutesPage(ctx)


def _followup(ctx: AppContext) -> QWidget:
    from facilitator_app.gui.followup.page import FollowupPage

    return FollowupPage(ctx)


def _selection(ctx: AppContext) -> QWidget:
    from facilitator_app.gui.selection.page import SelectionPage

    return SelectionPage(ctx)


def _privacy(ctx: AppContext) -> QWidget:
    from facilitator_app.gui.privacy.page import PrivacyPage

    return PrivacyPage(ctx)


PAGES: list[tuple[str, str, Callable[[AppContext], QWidget]]] = [
    ("members", QT_TRANSLATE_NOOP("Pages", "Members"), _members),
    ("plenaries", QT_TRANSLATE_NOOP("Pages", "Plenaries"), _plenaries),
    ("checkin", QT_TRANSLATE_NOOP("Pages", "Check-in"), _checkin),
    ("attendance", QT_TRANSLATE_NOOP("Pages", "Attendance"), _attendance),
    ("attendance_history", QT_TRANSLATE_NOOP("Pages", "Attendance history"), _attendance_history),
    ("groups", QT_TRANSLATE_NOOP("Pages", "Groups"), _groups),
    ("wall", QT_TRANSLATE_NOOP("Pages", "Post-it wall"), _wall),
    ("recommendations", QT_TRANSLATE_NOOP("Pages", "Recommendations"), _recommendations),
    ("minutes", QT_TRANSLATE_NOOP("Pages", "Minutes"), _minutes),
    ("followup", QT_TRANSLATE_NOOP("Pages", "Answers and monitoring"), _followup),
    ("selection", QT_TRANSLATE_NOOP("Pages", "Selection by lot"), _selection),
    ("privacy", QT_TRANSLATE_NOOP("Pages", "Privacy"), _privacy),
]


def title(key: str) -> str:
    for k, text, _ in PAGES:
        if k == key:
            return QCoreApplication.translate("Pages", text)
    return key


class PageStack(QStackedWidget):
    """A stacked widget of the pages, each built by its factory the first time it is needed.

    Until then its slot holds an empty placeholder. `page(key)` builds (if needed) and returns
    the page; `page_built(key, page)` is emitted once per page, so the window can connect it.
    """

    page_built = Signal(str, QWidget)

    def __init__(self, ctx: AppContext, entries: list[tuple[str, str, Callable[[AppContext], QWidget]]] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.keys = [key for key, _t, _f in (entries if entries is not None else PAGES)]
        self._factories = {key: factory for key, _t, factory in (entries if entries is not None else PAGES)}
        self._built: dict[str, QWidget] = {}
        for _key in self.keys:
            self.addWidget(QWidget())

    def is_built(self, key: str) -> bool:
        return key in self._built

    def built(self) -> list[str]:
        return [k for k in self.keys if k in self._built]

    def page(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is None:
            index = self.keys.index(key)  # ValueError for an unknown key, as a dict would KeyError
            page = self._factories[key](self.ctx)
            placeholder = self.widget(index)
            current = self.currentIndex()
            self.insertWidget(index, page)
            self.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[key] = page
            if current == index:
                super().setCurrentIndex(index)
            self.page_built.emit(key, page)
        return page

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802 (Qt's name)
        if 0 <= index < len(self.keys):
            self.page(self.keys[index])
        super().setCurrentIndex(index)


class PagesView(Mapping):
    """`window.pages[key]`: the page (built on first access); iterating gives the keys in order."""

    def __init__(self, stack: PageStack):
        self._stack = stack

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._stack.keys:
            raise KeyError(key)
        return self._stack.page(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._stack.keys)

    def __len__(self) -> int:
        return len(self._stack.keys)

    def __contains__(self, key: object) -> bool:
        return key in self._stack.keys
