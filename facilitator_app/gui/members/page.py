"""Partecipanti: the roster with instant search, filters, sorting and editing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.members.vocab import MUNICIPI
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.members.dialog import MemberDialog
from facilitator_app.gui.members.model import MembersModel


class MembersPage(QWidget):
    import_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = MembersModel(ctx, self)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by surname, name, badge or id…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(34)
        self.search.textChanged.connect(self.model.set_query)

        self.status_filter = QComboBox()
        self.cohort_filter = QComboBox()
        self.municipio_filter = QComboBox()
        self._fill_filters()
        for box, field in ((self.status_filter, "status"), (self.cohort_filter, "cohort_id"),
                           (self.municipio_filter, "municipio")):
            box.currentIndexChanged.connect(lambda _i, b=box, f=field: self.model.set_filter(f, b.currentData()))

        self.new_button = QPushButton(self.tr("New member"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.import_button = QPushButton(self.tr("Import roster…"))
        self.erase_button = QPushButton(self.tr("Erase personal data…"))
        self.erase_button.setToolTip(self.tr("Right to erasure: remove the selected member's personal data "
                                             "everywhere (cannot be undone)"))
        self.erase_button.clicked.connect(self.erase_current)
        self.new_button.clicked.connect(self.new_member)
        self.edit_button.clicked.connect(self.edit_current)
        self.import_button.clicked.connect(self.import_requested)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Fixed row heights keep a 10,000-row reset cheap.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((150, 130, 70, 70, 80, 80, 170, 170, 110)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _ix: self.edit_current())
        self.count_label = QLabel()
        self.model.modelReset.connect(self._update_count)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_erase())

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        for box in (self.status_filter, self.cohort_filter, self.municipio_filter):
            bar.addWidget(box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        for b in (self.erase_button, self.import_button, self.new_button, self.edit_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_member)
        self.search.returnPressed.connect(self.edit_current)
        ctx.store_replaced.connect(self._store_replaced)
        ctx.changed.connect(self._on_changes)
        self._update_count()

    def _on_changes(self, changes) -> None:
        if changes.touches("cohorts", "settings"):
            self._fill_filters()

    def _store_replaced(self) -> None:
        self.search.clear()
        self._fill_filters()
        for box in (self.status_filter, self.cohort_filter, self.municipio_filter):
            box.setCurrentIndex(0)  # emits: the model drops the old file's filters
        self._update_count()

    def _fill_filters(self) -> None:
        v = self.ctx.vocab
        for box, first, items in (
            (self.status_filter, self.tr("All statuses"), [(e["label"], e["key"]) for e in v.entries("status")]),
            (self.cohort_filter, self.tr("All cohorts"), [(n, i) for i, n in self.model.cohorts().items()]),
            (self.municipio_filter, self.tr("All municipi"),
             [(self.tr("Municipio %n", "", m), m) for m in MUNICIPI]),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(first, None)
            for label, value in items:
                box.addItem(label, value)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def _update_count(self) -> None:
        self.count_label.setText(fmt(self.tr("%1 of %2 members"), self.model.rowCount(), self.model.total()))
        self._update_erase()

    def _update_erase(self) -> None:
        self.erase_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def current_member_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return self.model.member_id(rows[0].row())
        if self.model.rowCount() == 1:  # Enter in the search with one hit edits it
            return self.model.member_id(0)
        return None

    def select_member(self, member_id: str) -> None:
        row = self.model.row_of(member_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def new_member(self) -> None:
        dialog = MemberDialog(self.ctx, None, self)
        if dialog.exec() and dialog.saved_id:
            self.select_member(dialog.saved_id)

    def erase_current(self):
        """Right to erasure for the selected member (gui/privacy/erase.py asks and reports)."""
        from facilitator_app.gui.privacy.erase import erase_one

        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return erase_one(self.ctx, self, self.model.member_id(rows[0].row()))

    def edit_current(self) -> None:
        member_id = self.current_member_id()
        if member_id is None:
            return
        dialog = MemberDialog(self.ctx, member_id, self)
        if dialog.exec():
            self.select_member(member_id)
