"""An assembly that is still empty explains itself.

Above the page shown, `HintBar` says in one line what to do first there (import the roster,
create the first plenary, ...) with a button that does it or goes where it is done; it hides
once the page has what it needs. `GUARDS` disable the buttons of a page that cannot act yet,
with a tooltip saying why; they are applied after the page's own refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from facilitator_app.core.overview import Overview, overview
from facilitator_app.core.overview.overview import TABLES
from facilitator_app.gui.context import AppContext


# The texts, marked for translation (pyside6-lupdate reads QT_TRANSLATE_NOOP).
TEXTS = {
    "need_members": QT_TRANSLATE_NOOP(
        "EmptyState",
        "There is nobody in the assembly yet: start by importing the roster the"
        " statistics office sent (Excel or CSV)."),
    "import_button": QT_TRANSLATE_NOOP("EmptyState", "Import roster…"),
    "first_plenary": QT_TRANSLATE_NOOP("EmptyState", "Create the first plenary"),
    "plenaries": QT_TRANSLATE_NOOP(
        "EmptyState",
        "No plenary yet: create the first one with its date, venue and "
        "sessions; then print badges and sign-in sheets from here."),
    "checkin_plenary": QT_TRANSLATE_NOOP(
        "EmptyState",
        "Check-in needs a plenary with its sessions: create the plenary first."),
    "attendance_plenary": QT_TRANSLATE_NOOP(
        "EmptyState",
        "Attendance is counted per plenary: create the first plenary, then "
        "check people in at the entrance."),
    "attendance_checkins": QT_TRANSLATE_NOOP(
        "EmptyState",
        "Nobody has been checked in yet: the figures fill up as people arrive "
        "at the entrance."),
    "go_checkin": QT_TRANSLATE_NOOP("EmptyState", "Go to Check-in"),
    "groups_plenary": QT_TRANSLATE_NOOP("EmptyState", "Groups are formed for a plenary: create the plenary first."),
    "wall_groups": QT_TRANSLATE_NOOP(
        "EmptyState",
        "Each post-it wall belongs to a working group: form the groups of a "
        "plenary first."),
    "go_groups": QT_TRANSLATE_NOOP("EmptyState", "Go to Groups"),
    "recommendations_plenary": QT_TRANSLATE_NOOP(
        "EmptyState",
        "Recommendations are adopted in a plenary: create the first plenary."),
    "recommendations_notes": QT_TRANSLATE_NOOP(
        "EmptyState",
        "Recommendations usually grow from the post-its of the groups: promote "
        "a note or a cluster from the wall."),
    "go_wall": QT_TRANSLATE_NOOP("EmptyState", "Go to the post-it wall"),
    "minutes_plenary": QT_TRANSLATE_NOOP(
        "EmptyState",
        "The minutes are written for a plenary: create the plenary first."),
    "followup_recommendations": QT_TRANSLATE_NOOP(
        "EmptyState",
        "Here you follow what the Comune does with each approved recommendation: "
        "there is no recommendation yet."),
    "go_recommendations": QT_TRANSLATE_NOOP("EmptyState", "Go to Recommendations"),
    "selection_pool": QT_TRANSLATE_NOOP(
        "EmptyState",
        "The draw starts from the residents who replied to the letter: import their list (Excel or CSV) "
        "with 'facilitator-app selection pool import', then set the quotas here."),
    "read_how": QT_TRANSLATE_NOOP("EmptyState", "How it works"),
    "why_no_plenary": QT_TRANSLATE_NOOP("EmptyState", "There is no plenary yet: create one in Plenaries."),
    "why_no_members": QT_TRANSLATE_NOOP("EmptyState", "There is nobody in the roster yet: import it first."),
    "why_no_groups": QT_TRANSLATE_NOOP("EmptyState", "There is no working group yet: form the groups in Groups."),
}


def _t(name: str) -> str:
    return QCoreApplication.translate("EmptyState", TEXTS[name])


@dataclass(frozen=True)
class Hint:
    text: str
    button: str
    action: str  # "import_roster", "new_plenary", "page:KEY" (go to that page) or "guide:TOPIC"


def _need_members() -> Hint:
    return Hint(_t("need_members"), _t("import_button"), "import_roster")


def _need_plenary(what: str) -> Hint:
    return Hint(what, _t("first_plenary"), "new_plenary")


def hint_for(key: str, o: Overview) -> Hint | None:
    """What to do first on page `key`, or None when the page has what it needs."""
    if key == "members":
        return _need_members() if not o.members else None
    if key == "plenaries":
        return _need_plenary(_t("plenaries")) if not o.plenaries else None
    if key == "checkin":
        if not o.plenaries:
            return _need_plenary(_t("checkin_plenary"))
        if not o.members:
            return _need_members()
        return None
    if key in ("attendance", "attendance_history"):
        if not o.plenaries:
            return _need_plenary(_t("attendance_plenary"))
        if not o.checkins:
            return Hint(_t("attendance_checkins"),
                        _t("go_checkin"), "page:checkin")
        return None
    if key == "groups":
        if not o.plenaries:
            return _need_plenary(_t("groups_plenary"))
        if not o.members:
            return _need_members()
        return None
    if key == "wall":
        if not o.groups:
            return Hint(_t("wall_groups"),
                        _t("go_groups"), "page:groups")
        return None
    if key == "recommendations":
        if not o.plenaries:
            return _need_plenary(_t("recommendations_plenary"))
        if not o.notes and not o.recommendations:
            return Hint(_t("recommendations_notes"), _t("go_wall"), "page:wall")
        return None
    if key == "followup":
        if not o.recommendations:
            return Hint(_t("followup_recommendations"), _t("go_recommendations"), "page:recommendations")
        return None
    if key == "selection":
        if not o.respondents:
            return Hint(_t("selection_pool"), _t("read_how"), "guide:selection")
        return None
    if key == "minutes":
        if not o.plenaries:
            return _need_plenary(_t("minutes_plenary"))
        return None
    if key == "privacy":
        return _need_members() if not o.members else None
    return None


# Buttons that cannot act on an empty assembly: page key -> [(attribute path, reason(o) or None)].
# Only buttons whose page never disables them itself: lifting a guard enables the button again.
Reason = Callable[[Overview], str | None]


def _no_plenary(o: Overview) -> str | None:
    return _t("why_no_plenary") if not o.plenaries else None


def _no_members(o: Overview) -> str | None:
    return _t("why_no_members") if not o.members else None


def _no_checkin_target(o: Overview) -> str | None:
    return _no_plenary(o) or _no_members(o)


def _no_groups(o: Overview) -> str | None:
    return _t("why_no_groups") if not o.groups else None


GUARDS: dict[str, list[tuple[str, Reason]]] = {
    "members": [("edit_button", _no_members)],
    "checkin": [(f"buttons.{k}", _no_checkin_target) for k in ("checkin", "walkin", "missing", "checkout",
                                                                 "times", "absence")],
    "attendance_history": [("export_button", _no_plenary)],
    # (the page itself enables its other buttons once there are groups)
    "groups": [(name, _no_checkin_target) for name in ("new_button", "copy_button")],
    "wall": [("project_button", _no_groups)],
    "minutes": [("cycle_button", _no_plenary)],
}


def _resolve(page: QWidget, path: str) -> QWidget | None:
    obj: object = page
    for part in path.split("."):
        obj = obj.get(part) if isinstance(obj, dict) else getattr(obj, part, None)
        if obj is None:
            return None
    return obj if isinstance(obj, QWidget) else None


def apply_guards(key: str, page: QWidget, o: Overview) -> None:
    for path, reason in GUARDS.get(key, ()):
        widget = _resolve(page, path)
        if widget is None:
            continue  # the page changed its buttons: nothing to guard
        why = reason(o)
        if why:
            widget.setEnabled(False)
            widget.setToolTip(why)
            widget.setProperty("guarded", True)
        elif widget.property("guarded"):
            widget.setProperty("guarded", False)
            widget.setToolTip("")
            widget.setEnabled(True)


class HintBar(QFrame):
    """One line above the page: what to do first there, and a button that does it."""

    action_requested = Signal(str)

    def __init__(self, ctx: AppContext, page_of: Callable[[str], QWidget | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._page_of = page_of  # the built page of a key, or None (never builds one)
        self.key: str | None = None
        self.hint: Hint | None = None
        self.setObjectName("hintBar")
        self.setStyleSheet("QFrame#hintBar { background: #e8f3ee; border-bottom: 1px solid #b9d8c9; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.label.setFont(font)
        self.button = QPushButton()
        self.button.setMinimumHeight(32)
        self.button.clicked.connect(lambda: self.hint and self.action_requested.emit(self.hint.action))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()
        ctx.changed.connect(lambda ch: ch.touches(*TABLES) and self._later())
        ctx.store_replaced.connect(self._later)

    def show_for(self, key: str) -> None:
        self.key = key
        self.refresh()

    def _later(self) -> None:
        # After the pages' own handlers of the same change, which may re-enable their buttons.
        QTimer.singleShot(0, self, self.refresh)  # dropped if the bar is gone

    def refresh(self) -> None:
        if self.key is None:
            return
        o = overview(self.ctx.store)
        self.hint = hint_for(self.key, o)
        if self.hint is not None:
            self.label.setText(self.hint.text)
            self.button.setText(self.hint.button)
        self.setVisible(self.hint is not None)
        page = self._page_of(self.key)
        if page is not None:
            apply_guards(self.key, page, o)
