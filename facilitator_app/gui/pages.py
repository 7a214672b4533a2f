"""The areas of the main window, in navigation order.

Each entry: (key, title marked for translation, factory(ctx) -> QWidget).
Later features add their page here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
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


PAGES: list[tuple[str, str, Callable[[AppContext], QWidget]]] = [
    ("members", QCoreApplication.translate("Pages", "Members"), _members),
    ("plenaries", QCoreApplication.translate("Pages", "Plenaries"), _plenaries),
    ("checkin", QCoreApplication.translate("Pages", "Check-in"), _checkin),
    ("attendance", QCoreApplication.translate("Pages", "Attendance"), _attendance),
    ("attendance_history", QCoreApplication.translate("Pages", "Attendance history"), _attendance_history),
    ("groups", QCoreApplication.translate("Pages", "Groups"), _groups),
    ("wall", QCoreApplication.translate("Pages", "Post-it wall"), _wall),
    ("recommendations", QCoreApplication.translate("Pages", "Recommendations"), _recommendations),
    ("minutes", QCoreApplication.translate("Pages", "Minutes"), _minutes),
]


def title(key: str) -> str:
    for k, text, _ in PAGES:
        if k == key:
            return QCoreApplication.translate("Pages", text)
    return key
