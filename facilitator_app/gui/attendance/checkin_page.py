"""Check-in: the entrance table's screen.

A large search field that always has the focus. Typing two or three letters
of a surname narrows the list at once; Up/Down move the highlight; Enter
checks in the highlighted person. A USB scanner types the badge code and
Enter: an exact badge match wins over the name search. The banner confirms
(green: checked in, amber: already in, red: unknown) only after the check-in
is committed. Ctrl+Z undoes the last action (through ctx.undo_stack).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from facilitator_app.core.attendance import checkin as A
from facilitator_app.core.members.members import (BADGE_LENGTH, find_by_badge, format_date, is_valid_badge,
                                                   normalize_badge)
from facilitator_app.core.plenaries.plenaries import sessions_of
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.attendance.banner import Banner
from facilitator_app.gui.attendance.checkin_forms import AbsenceDialog, TimesDialog, WalkInPanel
from facilitator_app.gui.attendance.checkin_model import CheckInModel, role_label
from facilitator_app.gui.attendance.picker import PlenaryPicker
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.undo import push


class SearchField(QLineEdit):
    """The entrance's search: Up/Down/PageUp/PageDown move the list highlight, Ctrl+Z undoes the last action."""

    move = Signal(int)
    undo = Signal()

    def event(self, e: QEvent) -> bool:
        # Claim Ctrl+Z before the window's shortcuts and QLineEdit's own text undo see it.
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent) and e.matches(QKeySequence.StandardKey.Undo):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        if e.matches(QKeySequence.StandardKey.Undo):
            self.undo.emit()
            return
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10, Qt.Key.Key_PageDown: 10}.get(e.key())
        if step:
            self.move.emit(step)
            return
        if e.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        super().keyPressEvent(e)


def _big(widget: QWidget, size: float, bold: bool = False) -> QWidget:
    f = widget.font()
    f.setPointSizeF(size)
    f.setBold(bold)
    widget.setFont(f)
    return widget


class CheckInPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today=None, now: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self._chosen = False  # the person picked a row (arrows, click) since the list last changed
        self._warned = False  # Enter already said that several people match
        self.model = CheckInModel(ctx, self)
        self.picker = PlenaryPicker(ctx, self, today=today, now=now)
        self.picker.setStyleSheet("QComboBox, QLabel { font-size: 13pt; } QComboBox { min-height: 32px; }")
        self.count_label = _big(QLabel(), 20, True)
        self.all_day = _big(QCheckBox(self.tr("Whole day")), 12)
        self.all_day.setToolTip(self.tr("Also check into the later sessions of the day"))
        self.all_day.setChecked(ctx.settings.value("checkin/all_day", False, type=bool))
        self.all_day.toggled.connect(self._all_day_toggled)

        self.search = _big(SearchField(), 24)
        self.search.setPlaceholderText(self.tr("Surname or badge code, then Enter"))
        self.search.setMinimumHeight(64)
        self.search.setStyleSheet("QLineEdit { border: 3px solid #2f5d9a; border-radius: 8px; padding: 4px 12px; }")
        self.search.textChanged.connect(self._query_changed)
        self.search.returnPressed.connect(self.activate)
        self.search.move.connect(self.move_highlight)
        self.search.undo.connect(self.undo)

        self.walkin = WalkInPanel(self)
        self.walkin.hide()
        self.walkin.submitted.connect(self.register_walk_in)
        self.walkin.cancelled.connect(self.close_walk_in)
        self.banner = Banner(self)
        self._idle()
        self.day_warning = _big(QLabel(), 13, True)
        self.day_warning.setObjectName("dayWarning")
        self.day_warning.setWordWrap(True)
        self.day_warning.setStyleSheet("QLabel#dayWarning { background: #fff3c4; color: #5c3b00; "
                                       "border: 2px solid #e0a800; border-radius: 6px; padding: 6px 12px; }")
        self.day_warning.hide()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setStyleSheet("QTableView { font-size: 15pt; } QTableView::item:selected "
                                 "{ background: #2f5d9a; color: white; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 110), (3, 230)):
            self.table.setColumnWidth(col, width)
        self.table.clicked.connect(self._clicked)
        self.table.doubleClicked.connect(lambda ix: (self._highlight(ix.row()), self.check_in_highlighted()))

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, slot, shortcut in (
            ("checkin", self.tr("Check in ⏎"), self.check_in_highlighted, None),
            ("walkin", self.tr("Walk-in F2"), self.open_walk_in, "F2"),
            ("missing", self.tr("Who is missing F4"), self.toggle_missing, "F4"),
            ("checkout", self.tr("Leaving F6"), self.check_out_highlighted, "F6"),
            ("times", self.tr("Time F7"), self.correct_times, "F7"),
            ("absence", self.tr("Justified F9"), self.justify_absence, "F9"),
            ("undo", self.tr("Undo Ctrl+Z"), self.undo, None),
        ):
            b = _big(QPushButton(text), 12)
            b.setMinimumHeight(46)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(slot)
            if shortcut:
                QShortcut(QKeySequence(shortcut), self, activated=slot,
                          context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.buttons[key] = b
            bar.addWidget(b)
        self.buttons["missing"].setCheckable(True)
        for w in (self.all_day, *self.picker.findChildren(QWidget)):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus if isinstance(w, QCheckBox) else w.focusPolicy())

        # "Whole day" sits with the buttons: on the top row, next to a four-digit count, the page would
        # need more than a 1280-pixel screen.
        bar.addSpacing(12)
        bar.addWidget(self.all_day)
        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        top.addSpacing(20)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.day_warning)
        layout.addWidget(self.search)
        layout.addWidget(self.walkin)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)

        self.picker.changed.connect(self._session_changed)
        self.model.modelReset.connect(self._after_reset)
        self.model.dataChanged.connect(lambda *_: self._update_count())
        ctx.undo_stack.indexChanged.connect(self._update_undo_button)
        ctx.changed.connect(self._on_changes)
        ctx.store_replaced.connect(self._store_replaced)
        self._session_changed()
        self._update_undo_button()

    # -- state ------------------------------------------------------------------------
    @property
    def session_id(self) -> str | None:
        return self.picker.session_id()

    def highlighted(self) -> A.Attendee | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.attendee(rows[0].row()) if rows else None

    def refocus(self) -> None:
        if not self.walkin.isVisible():
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _all_day_toggled(self, on: bool) -> None:
        self.ctx.settings.setValue("checkin/all_day", on)
        self.refocus()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.refocus()

    def _session_changed(self) -> None:
        self.model.set_session(self.picker.plenary_id(), self.picker.session_id())
        self._update_count()
        self._update_day_warning()
        self.refocus()

    def _update_day_warning(self) -> None:
        """Say so, loudly, when the plenary chosen is not today's: check-ins would land on another day."""
        pid = self.picker.plenary_id()
        p = self.ctx.store.get("plenaries", pid) if pid else None
        today = self._today or date.today()
        if p is None or p["date"] == today.isoformat():
            self.day_warning.hide()
            return
        self.day_warning.setText(fmt(self.tr("Careful: plenary %1 is on %2, not today (%3). Check-ins count "
                                             "for that day."), p["number"], format_date(p["date"]),
                                     format_date(today.isoformat())))
        self.day_warning.show()

    def _store_replaced(self) -> None:
        """Another file: no banner, search, walk-in form or filter of the old one stays."""
        self.walkin.hide()
        self.search.clear()
        self.buttons["missing"].setChecked(False)
        self.model.set_missing_only(False)
        self._idle()
        self._done()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("attendance", "members"):
            self._update_count()

    def _update_count(self) -> None:
        present, expected = self.model.counts()
        self.count_label.setText(fmt(self.tr("Present %1 of %2"), present, expected))

    def _update_undo_button(self, *_: object) -> None:
        stack = self.ctx.undo_stack
        if not isValid(stack) or not isValid(self):  # the context is going away first
            return
        b = self.buttons["undo"]
        b.setEnabled(stack.canUndo())
        b.setToolTip(stack.undoText())

    def _query_changed(self, text: str) -> None:
        self.model.set_query(text)

    def _after_reset(self) -> None:
        self._chosen = self._warned = False  # a new list: nobody chosen yet
        self._highlight(0 if self.model.rowCount() else -1)

    def _clicked(self, ix) -> None:
        self._highlight(ix.row())
        self._chosen = True
        self.refocus()

    def _highlight(self, row: int) -> None:
        if row < 0:
            self.table.clearSelection()
            return
        row = max(0, min(row, self.model.rowCount() - 1))
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def move_highlight(self, step: int) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._highlight((rows[0].row() if rows else -1) + step)
        self._chosen = True

    # -- banner ------------------------------------------------------------------------
    def _idle(self) -> None:
        self.banner.show_message("idle", "", self.tr("Ready"), "",
                                 self.tr("Scan a badge, or type the first letters of the surname and press Enter."))

    def _who_line(self, a: A.Attendee, seat: A.Seat | None) -> str:
        if a.kind == "person":
            role = role_label(a.role)
            return ", ".join(x for x in (role, a.organisation) if x)
        return seat.label() if seat else ""

    def show_result(self, r: A.Result) -> None:
        a, when = r.attendee, A.clock(r.at)
        session = self.picker.session_box.currentText()
        # The detail line is a list of short facts joined by " · ", each one translated whole.
        late = [self.tr("late")] if r.late else []
        more = [self.tr("and the later sessions")] if len(r.attendance_ids) > 1 and r.changed else []
        if r.outcome == "checked_in":
            self.banner.show_message("ok", self.tr("CHECKED IN"), a.name, self._who_line(a, r.seat),
                                     " · ".join([fmt(self.tr("at %1"), when), session, *late, *more]))
        elif r.outcome == "returned":
            self.banner.show_message("ok", self.tr("WELCOME BACK"), a.name, self._who_line(a, r.seat),
                                     fmt(self.tr("first arrival at %1 · %2"), when, session))
        elif r.outcome == "already":
            self.banner.show_message("already", self.tr("ALREADY CHECKED IN"), a.name, self._who_line(a, r.seat),
                                     " · ".join([fmt(self.tr("already checked in at %1"), when), session, *more]))
        elif r.outcome == "checked_out":
            self.banner.show_message("info", self.tr("LEAVING"), a.name, "",
                                     fmt(self.tr("left at %1 · %2"), when, session))

    # -- actions ------------------------------------------------------------------------
    def activate(self) -> None:
        """Enter: an exact badge code first (scanner), else the highlighted person."""
        text = self.search.text().strip()
        if not text or not self.session_id:
            return
        code = normalize_badge(text)
        member = find_by_badge(self.ctx.store, code) if is_valid_badge(code) else None
        tail = code[-BADGE_LENGTH:]
        if member is not None:
            self._check_in(A.Attendee.of_member(member))
        elif self.highlighted() is not None and self.model.rowCount() > 1 and not (self._chosen or self._warned):
            # Several people match and nobody was picked: never check in the first one silently.
            self._warned = True
            self.banner.show_message("already", self.tr("CHOOSE WHO"),
                                     fmt(self.tr("%1 people match"), self.model.rowCount()), "",
                                     fmt(self.tr("Choose with the arrows, then Enter. Enter again checks in %1."),
                                         self.highlighted().name))
        elif self.highlighted() is not None:
            self._check_in(self.highlighted())
        elif len(code) > BADGE_LENGTH and is_valid_badge(tail) and (member := find_by_badge(self.ctx.store, tail)):
            # A badge scanned onto half-typed letters ("co" + "V4WP3"): the scanned code still counts.
            self._check_in(A.Attendee.of_member(member))
        elif is_valid_badge(code):
            self.banner.show_message("error", self.tr("UNKNOWN BADGE"), code, "",
                                     self.tr("Nobody has this code. Search by surname, or register a walk-in (F2)."))
            self.search.selectAll()
        else:
            self.banner.show_message("error", self.tr("NOBODY FOUND"), text, "",
                                     self.tr("Check the spelling, or register a walk-in (F2)."))
            self.search.selectAll()

    def _reason(self, reason: str) -> str:
        """Why someone is not in office (core reason code), completing "%1 is %2"."""
        return {"withdrawn": self.tr("withdrawn"), "replaced": self.tr("replaced"),
                "former": self.tr("a former member"), "out_of_term": self.tr("not in office on this date")
                }.get(reason, reason)

    def check_in_highlighted(self) -> None:
        a = self.highlighted()
        if a is not None:
            self._check_in(a)
        self.refocus()

    def _check_in(self, a: A.Attendee) -> None:
        kw = {"member_id": a.member_id, "person_id": a.person_id, "all_remaining": self.all_day.isChecked()}
        try:
            try:
                result = A.check_in(self.ctx.store, self.session_id, **kw)
            except A.NeedsConfirmation as exc:
                why = self._reason(exc.reason)
                if not self.ctx.prompts.confirm(self, self.tr("Not in office"), fmt(self.tr(
                        "%1 is %2. Check in anyway?"), a.name, why), default=False):
                    self.banner.show_message("info", self.tr("NOT CHECKED IN"), a.name, "", why)
                    self.search.selectAll()
                    self._done()
                    return
                result = A.check_in(self.ctx.store, self.session_id, confirmed=True, **kw)
        except A.AttendanceError as exc:
            self.banner.show_message("error", self.tr("NOT CHECKED IN"), a.name, "", error_text(exc))
            self.search.selectAll()
            self._done()
            return
        push(self.ctx, fmt(self.tr("check-in of %1"), a.name), result.edit)
        self.show_result(result)  # after the commit: the check-in is durable now
        self.search.clear()
        self._select(a.id)
        self._done()

    def _select(self, pid: str) -> None:
        row = self.model.row_of(pid)
        if row >= 0:
            self._highlight(row)

    def _done(self) -> None:
        self._update_count()
        self.refocus()

    def check_out_highlighted(self) -> None:
        a = self.highlighted()
        if a is None or not self.session_id:
            return self.refocus()
        try:
            result = A.check_out(self.ctx.store, self.session_id, member_id=a.member_id, person_id=a.person_id)
        except A.AttendanceError:
            self.banner.show_message("error", self.tr("NOT CHECKED IN"), a.name, "",
                                     self.tr("Only someone checked in can leave."))
            return self.refocus()
        push(self.ctx, fmt(self.tr("departure of %1"), a.name), result.edit)
        self.show_result(result)
        self._done()

    def correct_times(self) -> None:
        a = self.highlighted()
        row = self.model.attendance(a.id) if a else None
        if a is None or row is None or row["status"] != "present":
            return self.refocus()
        times = self.ask_times(a, row)
        if times:
            arrival, departure = times
            result = A.set_times(self.ctx.store, self.session_id, member_id=a.member_id, person_id=a.person_id,
                                 checked_in_at=arrival, checked_out_at=departure, clear_checkout=departure is None)
            push(self.ctx, fmt(self.tr("times of %1"), a.name), result.edit)
            self.banner.show_message("info", self.tr("TIMES CORRECTED"), a.name, "",
                                     " · ".join([fmt(self.tr("arrived at %1"), A.clock(result.at)),
                                                 *([self.tr("late")] if result.late else [])]))
        self._done()

    def ask_times(self, a: A.Attendee, row: dict):
        """(arrival, departure or None) as local datetimes on the plenary's day, or None (cancelled)."""
        dialog = TimesDialog(a, row, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        day = datetime.fromisoformat(row["checked_in_at"]).date()
        arrival = datetime.combine(day, dialog.arrival.time().toPython()).astimezone()
        departure = datetime.combine(day, dialog.departure.time().toPython()).astimezone() \
            if dialog.left.isChecked() else None
        return arrival, departure

    def undo(self) -> None:
        stack = self.ctx.undo_stack
        if stack.canUndo():
            text = stack.undoText()
            stack.undo()
            self.banner.show_message("info", self.tr("UNDONE"), text, "", "")
        self._done()

    def toggle_missing(self) -> None:
        b = self.buttons["missing"]
        if self.sender() is not b:
            b.setChecked(not b.isChecked())
        self.model.set_missing_only(b.isChecked())
        self._done()

    # -- walk-ins and absences ------------------------------------------------------------
    def open_walk_in(self) -> None:
        text = self.search.text().strip()
        self.banner.show_message("info", self.tr("WALK-IN"), self.tr("Someone not on the list"), "",
                                 self.tr("Name, Tab, role (arrow keys), Tab, organisation, Enter. Esc cancels."))
        self.walkin.open("" if is_valid_badge(normalize_badge(text)) else text)

    def close_walk_in(self) -> None:
        self.walkin.hide()
        self._idle()
        self.refocus()

    def register_walk_in(self, name: str, role: str, organisation: str) -> None:
        try:
            result = A.register_walk_in(self.ctx.store, self.session_id, name, role, organisation,
                                        all_remaining=self.all_day.isChecked())
        except A.AttendanceError as exc:
            self.walkin.show_error(error_text(exc))
            return
        push(self.ctx, fmt(self.tr("walk-in %1"), name), result.edit)
        self.walkin.hide()
        self.search.clear()
        self.show_result(result)
        self._select(result.attendee.id)
        self._done()

    def justify_absence(self) -> None:
        a = self.highlighted()
        if a is None or a.kind != "member" or not self.picker.plenary_id():
            return self.refocus()
        sessions = sessions_of(self.ctx.store, self.picker.plenary_id())
        justified = {s["id"]: r["reason"] for s in sessions
                     if (r := self.ctx.store.get("attendance", A.attendance_id(s["id"], a.id)))
                     and r["status"] == "absent_justified"}
        answer = self.ask_absence(a, sessions, justified)
        if answer is not None:
            session_ids, reason, clear = answer
            try:
                if clear:
                    result = A.clear_absence(self.ctx.store, a.id, list(justified))
                else:
                    result = A.mark_absence(self.ctx.store, a.id, session_ids, reason)
            except A.AttendanceError as exc:
                self.ctx.prompts.error(self, self.tr("Justified absence"), error_text(exc))
            else:
                push(self.ctx, fmt(self.tr("absence of %1"), a.name), result.edit)
                self.banner.show_message("info", self.tr("JUSTIFIED ABSENCE") if not clear else
                                         self.tr("JUSTIFICATION REMOVED"), a.name, "", reason if not clear else "")
        self._done()

    def ask_absence(self, a: A.Attendee, sessions: list[dict], justified: dict[str, str]):
        """(session ids, reason, clear?) or None when cancelled."""
        dialog = AbsenceDialog(a, sessions, justified, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.session_ids(), dialog.reason.text().strip(), dialog.clear_requested
