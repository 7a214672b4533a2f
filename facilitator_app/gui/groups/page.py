"""Gruppi: the board of a plenary's groups, with the day's actions.

Drag people between columns (saved at once, undoable), seat a late arrival in the best
group with one click (the engine's reasons are shown), mark no-shows and rebalance with
the fewest moves (who moves is shown first), assign everyone automatically, print the
rosters and the entrance poster, show where everyone goes on the projector. The scores
follow every edit.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.groups import assign as GA
from facilitator_app.core.groups import groups as G
from facilitator_app.core.plenaries.plenaries import default_plenary, list_plenaries, sessions_of
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.groups import texts
from facilitator_app.gui.groups.board import UNSEATED, Board, CardsView, size_text
from facilitator_app.gui.groups.commands import run
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.plenary_box import fill_plenary_box
from facilitator_app.gui.refresh import RefreshWhenShown
from facilitator_app.gui.saved_files import SavedFiles

WATCHED = ("groups", "group_members", "members", "attendance", "settings", "themes", "plenaries", "sessions")


class GroupsPage(RefreshWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.data: GA.Board | None = None
        self.scores = None
        self.plenary_box = QComboBox()
        self.plenary_box.setMinimumWidth(260)
        self.session_box = QComboBox()
        self.new_button = QPushButton(self.tr("New group"))
        self.copy_button = QPushButton(self.tr("Copy previous groups"))
        self.assign_button = QPushButton(self.tr("Assign automatically…"))
        self.late_button = QPushButton(self.tr("Seat late arrival"))
        self.late_button.setToolTip(self.tr("Seat the selected person (or the first one waiting) in the best group"))
        self.noshow_button = QPushButton(self.tr("No-shows…"))
        self.noshow_button.setToolTip(self.tr("Remove the selected people (or everyone seated but not checked in) "
                                              "and even out the groups"))
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Print…"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        export_menu.addAction(self.tr("Rosters for facilitators (PDF)…"), self.export_rosters)
        export_menu.addAction(self.tr("Entrance poster (PDF)…"), self.export_poster)
        self.export_button.setMenu(export_menu)
        self.projector_button = QToolButton()
        self.projector_button.setText(self.tr("Show on projector"))
        self.projector_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.projector_button.clicked.connect(lambda: self.show_on_projector())
        self.projector_menu = QMenu(self.projector_button)
        self.projector_menu.aboutToShow.connect(self._fill_screens)
        self.projector_button.setMenu(self.projector_menu)
        for b in (self.new_button, self.copy_button, self.assign_button, self.late_button, self.noshow_button,
                  self.export_button, self.projector_button):
            b.setMinimumHeight(34)
        self.new_button.clicked.connect(self.new_group)
        self.copy_button.clicked.connect(self.copy_previous)
        self.assign_button.clicked.connect(self.assign)
        self.late_button.clicked.connect(lambda: self.seat_late())
        self.noshow_button.clicked.connect(lambda: self.no_shows())

        self.scores_label = QLabel()
        self.scores_label.setObjectName("groupScores")
        self.scores_label.setWordWrap(True)  # a long score line wraps instead of widening the window
        self.scores_label.setStyleSheet("QLabel#groupScores { font-size: 12pt; color: #15402f; }")
        self.reasons_label = QLabel()
        self.reasons_label.setObjectName("groupReasons")
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setStyleSheet("QLabel#groupReasons { background: #fff8e1; padding: 6px 10px; "
                                         "border-radius: 4px; }")
        self.reasons_label.hide()
        swatch = "<span style='color:#f2b8b0; font-size:16pt'>■</span>"  # the pink of an absent card, darker
        pink = html.escape(self.tr("Pink card: in a group but not checked in yet"))
        pinned = html.escape(self.tr("Bold name: pinned to the group"))
        self.legend = QLabel(f"{swatch}&nbsp;{pink}&nbsp;&nbsp;&nbsp;{pinned}")
        self.legend.setObjectName("groupsLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.board = Board()
        self.board.moveRequested.connect(self.move_people)
        self.board.groupActivated.connect(self.edit_group)
        self.board.contextRequested.connect(self._card_menu)

        top = QHBoxLayout()
        top.addWidget(self.plenary_box)
        top.addWidget(self.session_box)
        top.addStretch(1)
        for b in (self.new_button, self.copy_button, self.assign_button):
            top.addWidget(b)
        day = QHBoxLayout()
        day.addWidget(self.scores_label, 1)
        for b in (self.late_button, self.noshow_button, self.export_button, self.projector_button):
            day.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(day)
        layout.addWidget(self.reasons_label)
        self.saved_files = SavedFiles()
        layout.addWidget(self.saved_files)
        layout.addWidget(self.board, 1)
        layout.addWidget(self.legend)

        for n in range(1, 10):  # Alt+1..9: move the selected people to group 1..9 (only on this page)
            QShortcut(QKeySequence(f"Alt+{n}"), self, activated=lambda n=n: self.move_selected_to(n - 1),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.plenary_box.currentIndexChanged.connect(self._fill_sessions)
        self.session_box.currentIndexChanged.connect(lambda _i: self.refresh())
        ctx.changed.connect(self._on_changes)
        ctx.store_replaced.connect(self._fill_plenaries)
        self._fill_plenaries()

    # -- scope -----------------------------------------------------------------------------------
    @property
    def plenary_id(self) -> str | None:
        return self.plenary_box.currentData()

    @property
    def session_id(self) -> str | None:
        return self.session_box.currentData() or None

    def fields(self) -> dict[str, float]:
        raw = self.ctx.settings.value("groups/fields")
        try:
            return GA.field_weights(json.loads(raw) if raw else None)
        except (ValueError, TypeError):
            return GA.field_weights(None)

    def _fill_plenaries(self) -> None:
        plenaries = list_plenaries(self.ctx.store)
        chosen = default_plenary(self.ctx.store)
        fill_plenary_box(self.plenary_box, plenaries, self.tr("Plenary %1 — %2"),
                         next((i for i, p in enumerate(plenaries) if chosen and p["id"] == chosen["id"]), -1))
        self._fill_sessions()

    def _fill_sessions(self) -> None:
        self.session_box.blockSignals(True)
        self.session_box.clear()
        self.session_box.addItem(self.tr("Whole day"), "")
        for s in sessions_of(self.ctx.store, self.plenary_id) if self.plenary_id else []:
            self.session_box.addItem(s["name"], s["id"])
        self.session_box.blockSignals(False)
        self.reasons_label.hide()
        self.refresh()

    def select_plenary(self, plenary_id: str, session_id: str | None = None) -> None:
        self.plenary_box.setCurrentIndex(self.plenary_box.findData(plenary_id))
        self.session_box.setCurrentIndex(max(self.session_box.findData(session_id or ""), 0))

    # -- loading -----------------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("plenaries"):
            current = self.plenary_id
            self._fill_plenaries()
            if current:
                self.select_plenary(current, self.session_id)
        elif changes.touches(*WATCHED):
            self.refresh_when_shown()  # e.g. check-ins at the entrance while another page is shown

    def refresh(self) -> None:
        pid = self.plenary_id
        self.data = GA.board(self.ctx.store, pid, self.session_id) if pid else None
        self.scores = GA.current_scores(self.ctx.store, pid, self.session_id, self.fields()) if pid else None
        groups = self.data.groups if self.data else []
        self.board.set_groups([g["id"] for g in groups])
        vocab = self.ctx.vocab
        for i, g in enumerate(groups):
            col = self.board.columns[i]
            cards = [self._card(c) for c in self.data.columns[i]]
            info = "\n".join(x for x in (g["theme"], " · ".join(y for y in (g["room"], g["facilitator"]) if y)) if x)
            mix = texts.mix_line(self.scores.mix[i], vocab) if self.scores and cards else ""
            col.set_header(fmt(self.tr("%1 (%2)"), g["name"], size_text(len(cards), g["capacity"])), info, mix)
            col.setToolTip(texts.mix_tooltip(self.scores.mix[i], vocab) if self.scores and cards else "")
            col.model.set_cards(cards)
        waiting = [self._card(c) for c in self.data.unseated] if self.data else []
        self.board.unseated.set_header(fmt(self.tr("To seat (%1)"), len(waiting)),
                                       self.tr("Present, not in a group yet") if self.data and self.data.checked_in
                                       else self.tr("Expected, not in a group yet"), "")
        self.board.unseated.model.set_cards(waiting)
        self.board.align_headers()
        self.scores_label.setText(texts.scores_line(self.scores) if self.scores else
                                  self.tr("Nobody is seated yet: assign automatically or drag people in."))
        has_groups = bool(groups)
        self.copy_button.setVisible(not has_groups)
        for b in (self.late_button, self.noshow_button, self.assign_button):
            b.setEnabled(has_groups)

    def _card(self, c: dict[str, Any]) -> dict[str, Any]:
        vocab = self.ctx.vocab
        bits = [fmt(self.tr("Mun. %1"), c["municipio"]) if c["municipio"] else "",
                vocab.label("gender", c["gender"]) if c["gender"] else "",
                vocab.label("age_bands", c["age_band"]) if c["age_band"] else ""]
        if c["needs"]:
            bits.append(self.tr("needs"))
        if c["present"] is False:
            bits.append(self.tr("not checked in"))
        return {**c, "detail": " · ".join(b for b in bits if b)}

    # -- the day's actions ---------------------------------------------------------------------------
    def move_people(self, member_ids: list[str], group_id: str) -> None:
        if not self.plenary_id or not member_ids:
            return
        text = (self.tr("Remove from group") if group_id == UNSEATED else self.tr("Move to group"))
        run(self.ctx, text, G.move_members, self.plenary_id, self.session_id, member_ids,
            group_id or None, parent=self)

    def move_selected_to(self, index: int) -> None:
        if self.data and 0 <= index < len(self.data.groups):
            self.move_people(self.board.selected_ids(), self.data.groups[index]["id"])

    def seat_late(self, member_id: str | None = None) -> None:
        if not self.data:
            return
        waiting = {c["id"] for c in self.data.unseated}
        if member_id is None:
            chosen = [i for i in self.board.unseated.view.selected_ids()] or [
                i for i in self.board.selected_ids() if i in waiting]
            member_id = chosen[0] if chosen else (self.data.unseated[0]["id"] if self.data.unseated else None)
        if member_id is None:
            self.ctx.prompts.info(self, self.tr("Groups"), self.tr("Nobody is waiting for a group."))
            return
        try:
            plan = GA.plan_late_arrival(self.ctx.store, self.plenary_id, self.session_id, member_id, self.fields())
        except G.GroupsError as exc:
            self.ctx.prompts.error(self, self.tr("Groups"), error_text(exc))
            return
        if run(self.ctx, self.tr("Seat late arrival"), G.move_members, self.plenary_id, self.session_id,
               [member_id], plan.best_group_id, parent=self) is not None:
            self.reasons_label.setText(texts.placement_text(plan, self.ctx.vocab))
            self.reasons_label.show()

    def no_shows(self, member_ids: list[str] | None = None) -> None:
        if not self.data:
            return
        seated = {c["id"] for col in self.data.columns for c in col}
        absent = [i for i in (member_ids if member_ids is not None else self.board.selected_ids()) if i in seated]
        if not absent and member_ids is None:
            absent = GA.absent_seated(self.ctx.store, self.plenary_id, self.session_id)
        plan = GA.plan_no_shows(self.ctx.store, self.plenary_id, self.session_id, absent, self.fields())
        if not plan.absent and not plan.moves:
            self.ctx.prompts.info(self, self.tr("No-shows"), self.tr("Nothing to change: the groups are balanced."))
            return
        names = {c["id"]: f"{c['surname']} {c['first_name']}" for col in self.data.columns for c in col}
        if self.ctx.prompts.confirm(self, self.tr("No-shows"), texts.noshow_text(plan, names)):
            run(self.ctx, self.tr("No-shows and rebalance"), GA.apply_no_shows, plan, parent=self)

    def toggle_pin(self, member_id: str) -> None:
        seat = G.seats_of(self.ctx.store, self.plenary_id, self.session_id).get(member_id)
        if seat is not None:
            run(self.ctx, self.tr("Unpin") if seat["pinned"] else self.tr("Pin to group"), G.set_pinned,
                self.plenary_id, self.session_id, member_id, not seat["pinned"], parent=self)

    def set_commitment(self, member_id: str, theme_id: str | None) -> None:
        try:
            G.set_theme_commitment(self.ctx.store, member_id, theme_id)
        except G.GroupsError as exc:
            self.ctx.prompts.error(self, self.tr("Groups"), error_text(exc))

    def _card_menu(self, view: CardsView, pos: QPoint) -> None:
        ids = view.selected_ids()
        if not ids or not self.data:
            return
        self.board.clear_selection(keep=view)
        menu = QMenu(self)
        seated = view is not self.board.unseated.view
        if len(ids) == 1 and seated:
            menu.addAction(self.tr("Pin / unpin here"), lambda: self.toggle_pin(ids[0]))
        if not seated:
            menu.addAction(self.tr("Seat in the best group"), lambda: self.seat_late(ids[0]))
        move = menu.addMenu(self.tr("Move to"))
        for i, g in enumerate(self.data.groups):
            move.addAction(fmt("%1 (Alt+%2)", g["name"], i + 1) if i < 9 else g["name"],
                           lambda gid=g["id"]: self.move_people(ids, gid))
        if seated:
            menu.addAction(self.tr("Not here (no-show)…"), lambda: self.no_shows(ids))
        if len(ids) == 1:
            theme_menu = menu.addMenu(self.tr("Theme commitment"))
            theme_menu.addAction(self.tr("None"), lambda: self.set_commitment(ids[0], None))
            for t in self.ctx.store.select("themes", order_by="sort_order, name"):
                theme_menu.addAction(t["name"], lambda tid=t["id"]: self.set_commitment(ids[0], tid))
        menu.popup(pos)

    # -- groups ------------------------------------------------------------------------------------------
    def new_group(self) -> None:
        from facilitator_app.gui.groups.dialogs import GroupDialog

        if self.plenary_id:
            GroupDialog(self.ctx, self.plenary_id, self.session_id, None, self).exec()

    def edit_group(self, group_id: str) -> None:
        from facilitator_app.gui.groups.dialogs import GroupDialog

        GroupDialog(self.ctx, self.plenary_id, self.session_id, group_id, self).exec()

    def copy_previous(self) -> None:
        prev = G.previous_plenary(self.ctx.store, self.plenary_id) if self.plenary_id else None
        if prev is None:
            self.ctx.prompts.info(self, self.tr("Groups"), self.tr("There is no earlier plenary to copy from."))
            return
        run(self.ctx, self.tr("Copy previous groups"), G.copy_groups, prev["id"], self.plenary_id,
            session_id=self.session_id, parent=self)

    def assign(self) -> None:
        from facilitator_app.gui.groups.dialogs import AssignDialog

        if self.plenary_id:
            AssignDialog(self.ctx, self.plenary_id, self.session_id, self).exec()

    # -- printables and projector -----------------------------------------------------------------------
    def _save_path(self, title: str, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, name, self.tr("PDF files (*.pdf)"))
        return path

    def _pdf_name(self, kind: str) -> str:
        number = self.data.plenary["number"] if self.data else ""
        return f"{kind}_plenaria_{number}.pdf"

    def export_rosters(self) -> str | None:
        from facilitator_app.exporters.rosters import build_rosters

        path = self._save_path(self.tr("Save the rosters"), self._pdf_name("gruppi"))
        if path:
            build_rosters(self.ctx.store, self.plenary_id, path, self.session_id)
            self.saved_files.show_files([path])
            from facilitator_app.core.privacy.audit import record

            record(self.ctx.store, "print", f"group rosters of plenary {self.data.plenary['number']}"
                   if self.data else "group rosters", path)
        return path or None

    def export_poster(self) -> str | None:
        from facilitator_app.exporters.rosters import build_poster

        path = self._save_path(self.tr("Save the entrance poster"), self._pdf_name("tavoli"))
        if path:
            build_poster(self.ctx.store, self.plenary_id, path, self.session_id)
            self.saved_files.show_files([path])
        return path or None

    def _fill_screens(self) -> None:
        self.projector_menu.clear()
        for screen in QGuiApplication.screens():
            size = screen.geometry()
            action = QAction(fmt(self.tr("%1 (%2×%3)"), screen.name(), size.width(), size.height()),
                             self.projector_menu)
            action.triggered.connect(lambda _c=False, s=screen: self.show_on_projector(s))
            self.projector_menu.addAction(action)

    def show_on_projector(self, screen=None):
        from facilitator_app.gui.groups.projector_view import show_where_to_go

        if self.plenary_id:
            return show_where_to_go(self.ctx, self.plenary_id, self.session_id, screen)
        return None
