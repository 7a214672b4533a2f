"""The areas of the main window, in navigation order.

Each entry: (key, English title marked for translation, factory(ctx) -> QWidget);
title(key) translates it when shown, so the language installed at start-up applies.
Later features add their page here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

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
]


def title(key: str) -> str:
    for k, text, _ in PAGES:
        if k == key:
            return QCoreApplication.translate("Pages", text)
    return key
