"""Plenaries: the list of the cycle's days and an editor for one (details, sessions, agenda, people),
plus the printed kit (badges, sign-in sheets, paper check-in list).

Every edit is a core action wrapped in an undo command.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.plenaries import plenaries as P
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import day, fmt
from facilitator_app.gui.plenaries.models import ChoiceDelegate, Column, EditableRowsModel
from facilitator_app.gui.tablemodel import RowsModel
from facilitator_app.gui.undo import run_watched


class PlenariesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.plenary_id: str | None = None
        self.list_model = RowsModel([
            (self.tr("N."), lambda p: p["number"]),
            (self.tr("Date"), lambda p: day(p["date"])),
            (self.tr("Venue"), lambda p: p["venue"] or ""),
            (self.tr("Status"), lambda p: self._status_label(p["status"])),
        ], parent=self)
        self.list = QTableView()
        self.list.setModel(self.list_model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 36), (1, 92), (3, 80)):
            self.list.setColumnWidth(col, width)
        self.list.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select_row(cur.row()))
        self.new_button = QPushButton(self.tr("New plenary"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.new_button.clicked.connect(self.new_plenary)
        self.delete_button.clicked.connect(self.delete_plenary)

        self.number = QSpinBox()
        self.number.setRange(1, 999)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.title = QLineEdit()
        self.venue = QLineEdit()
        self.venue.setPlaceholderText(self.tr("e.g. Parco Nord — Cascina Centro Parco"))
        self.rooms = QLineEdit()
        self.rooms.setPlaceholderText(self.tr("Room names, separated by commas"))
        # What the convocation letters tell members beyond the venue's name.
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("e.g. Via Clerici 5, 20121 Milano"))
        self.directions = QLineEdit()
        self.directions.setPlaceholderText(self.tr("e.g. Metro M1 Cordusio; tram 1, 2, 14"))
        self.bring = QLineEdit()
        self.bring.setPlaceholderText(self.tr("e.g. your badge and an identity document"))
        self.status = QComboBox()
        for key in P.PLENARY_STATUSES:
            self.status.addItem(self._status_label(key), key)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(54)
        self.save_button = QPushButton(self.tr("Save details"))
        self.save_button.clicked.connect(self.save_details)
        form = QFormLayout()
        for label, w in ((self.tr("Number"), self.number), (self.tr("Date"), self.date), (self.tr("Title"), self.title),
                         (self.tr("Venue"), self.venue), (self.tr("Address"), self.address),
                         (self.tr("How to get there"), self.directions), (self.tr("What to bring"), self.bring),
                         (self.tr("Rooms"), self.rooms),
                         (self.tr("Status"), self.status), (self.tr("Notes"), self.notes)):
            form.addRow(label, w)
        form.addRow("", self.save_button)

        self.sessions = self._editable("sessions", [
            Column(self.tr("Session"), "name"), Column(self.tr("Starts"), "starts_at"),
            Column(self.tr("Ends"), "ends_at")], P.sessions_of, P.update_session, self.tr("edit session"))
        self.agenda = self._editable("agenda_items", [
            Column(self.tr("From"), "starts_at"), Column(self.tr("To"), "ends_at"), Column(self.tr("Item"), "title"),
            Column(self.tr("Presenter"), "presenter"),
            Column(self.tr("Session"), "session_id", choices=self._session_choices)],
            P.agenda_of, P.update_agenda_item, self.tr("edit agenda item"))
        self.people = self._editable("plenary_people", [
            Column(self.tr("Name"), "name"), Column(self.tr("Role"), "role", choices=self._role_choices),
            Column(self.tr("Organisation"), "organisation")], P.people_of, P.update_person,
            self.tr("edit person"))
        self.tabs = QTabWidget()
        for (model, view, add, remove), label in ((self.sessions, self.tr("Sessions")),
                                                  (self.agenda, self.tr("Agenda")),
                                                  (self.people, self.tr("Staff, experts and guests"))):
            tab = QWidget()
            tl = QVBoxLayout(tab)
            tl.addWidget(view, 1)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(add)
            row.addWidget(remove)
            tl.addLayout(row)
            self.tabs.addTab(tab, label)
        self.sessions[2].clicked.connect(self.add_session)
        self.sessions[3].clicked.connect(
            lambda: self._remove(self.sessions, P.remove_session, self.tr("remove session")))
        self.agenda[2].clicked.connect(self.add_agenda_item)
        self.agenda[3].clicked.connect(
            lambda: self._remove(self.agenda, P.remove_agenda_item, self.tr("remove agenda item")))
        self.people[2].clicked.connect(self.add_person)
        self.people[3].clicked.connect(
            lambda: self._remove(self.people, P.remove_person, self.tr("remove person")))

        self.kit_buttons = {}
        kit = QHBoxLayout()
        kit.addWidget(QLabel(self.tr("Print:")))
        for key, text in (("badges", self.tr("Badges…")), ("signin", self.tr("Sign-in sheets…")),
                          ("checklist", self.tr("Paper check-in list…"))):
            b = QPushButton(text)
            b.clicked.connect(lambda _c=False, k=key: self.export(k))
            self.kit_buttons[key] = b
            kit.addWidget(b)
        kit.addStretch(1)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        ll.addLayout(buttons)
        self.editor = QWidget()
        el = QVBoxLayout(self.editor)
        el.addLayout(form)
        el.addWidget(self.tabs, 1)
        el.addLayout(kit)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.editor)
        split.setSizes([420, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        ctx.changed.connect(self._on_changes)
        ctx.store_replaced.connect(self.reload)
        self.reload()

    # -- building helpers --------------------------------------------------------------
    def _status_label(self, key: str) -> str:
        return {"planned": self.tr("planned"), "held": self.tr("held"), "cancelled": self.tr("cancelled")}.get(key, key)

    def _role_choices(self) -> list[tuple[str, str]]:
        labels = {"facilitator": self.tr("Facilitator"), "staff": self.tr("Staff"), "expert": self.tr("Expert"),
                  "guest": self.tr("Guest"), "substitute": self.tr("Substitute"), "observer": self.tr("Observer")}
        return [(labels[r], r) for r in P.PERSON_ROLES]

    def _session_choices(self) -> list[tuple[str, str | None]]:
        sessions = P.sessions_of(self.ctx.store, self.plenary_id) if self.plenary_id else []
        return [("—", None)] + [(s["name"], s["id"]) for s in sessions]

    def _editable(self, table, columns, load, update, what):
        model = EditableRowsModel(self.ctx, table, columns, load, update, what, self)
        view = QTableView()
        view.setModel(model)
        view.setItemDelegate(ChoiceDelegate(model, view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        stretch = next(i for i, c in enumerate(columns) if c.field in ("name", "title"))
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for i, c in enumerate(columns):
            if c.field in ("starts_at", "ends_at"):
                view.setColumnWidth(i, 70)
            elif i != stretch:
                view.setColumnWidth(i, 190)
        return model, view, QPushButton(self.tr("Add")), QPushButton(self.tr("Remove"))

    # -- list -----------------------------------------------------------------------------
    def reload(self) -> None:
        rows = P.list_plenaries(self.ctx.store)
        current = self.plenary_id
        self.list_model.set_rows(rows)
        ids = [p["id"] for p in rows]
        if current not in ids:
            default = P.default_plenary(self.ctx.store)
            current = default["id"] if default else None
        self.select(current)

    def select(self, plenary_id: str | None) -> None:
        ids = [self.list_model.row(r)["id"] for r in range(self.list_model.rowCount())]
        if plenary_id in ids:
            self.list.selectRow(ids.index(plenary_id))
        self._show(plenary_id)

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.list_model.rowCount():
            self._show(self.list_model.row(row)["id"])

    def _show(self, plenary_id: str | None) -> None:
        self.plenary_id = plenary_id
        p = P.get_plenary(self.ctx.store, plenary_id) if plenary_id else None
        self.editor.setEnabled(p is not None)
        self.delete_button.setEnabled(p is not None)
        for model, *_ in (self.sessions, self.agenda, self.people):
            model.set_plenary(plenary_id if p else None)
        if p is None:  # nothing chosen (or another file): no field keeps the last plenary's details
            for w in (self.title, self.venue, self.rooms, self.notes):
                w.clear()
            self.number.setValue(1)
            self.status.setCurrentIndex(0)
            return
        self.number.setValue(p["number"])
        self.date.setDate(QDate.fromString(p["date"], Qt.DateFormat.ISODate))
        self.title.setText(p["title"] or "")
        self.venue.setText(p["venue"] or "")
        for w, key in ((self.address, "address"), (self.directions, "directions"), (self.bring, "bring")):
            w.setText(p.get(key) or "")
        self.rooms.setText(", ".join(P.rooms_of(p)))
        self.status.setCurrentIndex(max(0, self.status.findData(p["status"])))
        self.notes.setPlainText(p["notes"] or "")

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("plenaries"):
            self.reload()

    # -- actions ------------------------------------------------------------------------------
    def _run(self, text: str, pairs, action, extra=None):
        return run_watched(self.ctx, text, pairs, action, extra, refused=P.PlenaryError, title=self.tr("Not saved"),
                           parent=self)

    def save_details(self) -> None:
        if not self.plenary_id:
            return
        rooms = [r.strip() for r in self.rooms.text().split(",") if r.strip()]
        changes = {"number": self.number.value(), "date": self.date.date().toString(Qt.DateFormat.ISODate),
                   "title": self.title.text().strip() or None, "venue": self.venue.text().strip() or None,
                   "rooms": rooms, "status": self.status.currentData(),
                   "notes": self.notes.toPlainText().strip() or None,
                   "address": self.address.text().strip() or None, "directions": self.directions.text().strip() or None,
                   "bring": self.bring.text().strip() or None}
        pid = self.plenary_id
        self._run(fmt(self.tr("edit plenary %1"), changes["number"]), lambda: [("plenaries", pid)],
                  lambda: P.update_plenary(self.ctx.store, pid, changes))

    def new_plenary(self) -> None:
        rows = P.list_plenaries(self.ctx.store)
        number = max((p["number"] for p in rows), default=0) + 1
        last = max((date.fromisoformat(p["date"]) for p in rows), default=None)
        day = (last + timedelta(weeks=8)) if last else date.today()
        venue = rows[-1]["venue"] if rows else None

        def created(pid):
            return [("plenaries", pid)] + [("sessions", s["id"]) for s in P.sessions_of(self.ctx.store, pid)]

        pid = self._run(fmt(self.tr("new plenary %1"), number), lambda: [],
                        lambda: P.create_plenary(self.ctx.store, number, day, venue), created)
        if pid:
            self.select(pid)

    def delete_plenary(self) -> None:
        p = P.get_plenary(self.ctx.store, self.plenary_id) if self.plenary_id else None
        if p is None or not self.ctx.prompts.confirm(self, self.tr("Delete plenary"), fmt(self.tr(
                "Delete plenary %1 with its sessions, agenda and people? You can undo it."), p["number"])):
            return
        store, pid = self.ctx.store, p["id"]

        def pairs():
            out = [("plenaries", pid)]
            for table in ("sessions", "agenda_items", "plenary_people"):
                out += [(table, r["id"]) for r in store.select(table, "plenary_id = ?", (pid,))]
            return out

        self._run(fmt(self.tr("delete plenary %1"), p["number"]), pairs, lambda: P.delete_plenary(store, pid))

    def add_session(self) -> None:
        if self.plenary_id:
            pid = self.plenary_id
            self._run(self.tr("add session"), lambda: [],
                      lambda: P.add_session(self.ctx.store, pid, self.tr("New session")),
                      lambda sid: [("sessions", sid)])

    def add_agenda_item(self) -> None:
        if self.plenary_id:
            pid = self.plenary_id
            self._run(self.tr("add agenda item"), lambda: [],
                      lambda: P.add_agenda_item(self.ctx.store, pid, self.tr("New item")),
                      lambda iid: [("agenda_items", iid)])

    def add_person(self) -> None:
        if self.plenary_id:
            pid = self.plenary_id
            self._run(self.tr("add person"), lambda: [],
                      lambda: P.add_person(self.ctx.store, pid, self.tr("Name Surname"), "expert"),
                      lambda person: [("plenary_people", person)])

    def _remove(self, editable, remove, text: str) -> None:
        model, view, *_ = editable
        rows = view.selectionModel().selectedRows() if view.selectionModel() else []
        if not rows:
            return
        row_id = model.row_id(rows[0].row())
        pairs = [(model.table, row_id)]
        if model.table == "sessions":
            pairs += [("agenda_items", r["id"]) for r in self.ctx.store.select("agenda_items", "session_id = ?",
                                                                                 (row_id,))]
        self._run(text, lambda: pairs, lambda: remove(self.ctx.store, row_id))

    # -- the printed kit --------------------------------------------------------------------------
    def ask_save_path(self, title: str, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, self.tr("PDF files (*.pdf)"))
        return path or None

    def export(self, kind: str) -> str | None:
        from facilitator_app.exporters.badges import write_badges
        from facilitator_app.exporters.signin import write_checklist, write_signin

        p = P.get_plenary(self.ctx.store, self.plenary_id) if self.plenary_id else None
        if p is None:
            return None
        names = {"badges": (self.tr("Badges"), f"badge_plenaria_{p['number']}.pdf", write_badges),
                 "signin": (self.tr("Sign-in sheets"), f"foglio_firme_plenaria_{p['number']}.pdf", write_signin),
                 "checklist": (self.tr("Paper check-in list"), f"lista_registrazione_plenaria_{p['number']}.pdf",
                               write_checklist)}
        title, suggested, write = names[kind]
        path = self.ask_save_path(title, suggested)
        if not path:
            return None
        try:
            pages = write(self.ctx.store, p["id"], path)
        except OSError as exc:
            self.ctx.prompts.error(self, title, error_text(exc))
            return None
        from facilitator_app.core.privacy.audit import record

        record(self.ctx.store, "print", f"{kind} of plenary {p['number']}", path)
        self.ctx.prompts.info(self, title, fmt(self.tr("Saved %1 (%2 pages)."), path, pages))
        return path
