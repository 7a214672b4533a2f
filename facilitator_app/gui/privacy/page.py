"""Privacy: whether this file is encrypted (and encrypting it), the retention rule for former
members' data (who is due, erased in one action with its report), and the audit log."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSpinBox, QTableView, QVBoxLayout, QWidget)

from facilitator_app.core.errors import CoreError
from facilitator_app.core.privacy.erasure import RETENTION_KEY, due_for_retention, retention_months
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.privacy.erase import apply_rule, report_text
from facilitator_app.gui.tablemodel import RowsModel


class PrivacyPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.flow = None   # the running EncryptFlow

        self.state = QLabel()
        self.state.setWordWrap(True)
        self.encrypt_button = QPushButton(self.tr("Encrypt this file…"))
        self.encrypt_button.clicked.connect(self.encrypt)
        self.audit_button = QPushButton(self.tr("Audit log…"))
        self.audit_button.clicked.connect(self.show_audit)
        enc = QGroupBox(self.tr("The assembly file"))
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.encrypt_button)
        row.addWidget(self.audit_button)
        enc.setLayout(row)

        self.months = QSpinBox()
        self.months.setRange(0, 240)
        self.months.setSuffix(self.tr(" months"))
        self.months.setToolTip(self.tr("How long former members' personal data is kept after their term ends"))
        self.months.editingFinished.connect(self._save_months)
        self.months.valueChanged.connect(lambda _v: self.refresh_due())
        self.intro = QLabel(self.tr("Former members' personal data is kept this long after the end of their "
                                    "term, then erased (names, contacts, birth date, notes); attendance and "
                                    "the anonymous figures remain."))
        self.intro.setWordWrap(True)
        self.model = RowsModel([
            (self.tr("Surname"), lambda r: r["surname"]), (self.tr("First name"), lambda r: r["first_name"]),
            (self.tr("Status"), self._status_text),
            (self.tr("Term ended"), lambda r: r["term_end"]), (self.tr("Kept until"), lambda r: r["keep_until"]),
        ], parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Erase their personal data…"))
        self.apply_button.clicked.connect(self.apply)
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.report.setStyleSheet("color: #1f6f50;")
        ret = QGroupBox(self.tr("Retention of former members' data"))
        box = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Keep for:")))
        top.addWidget(self.months)
        top.addStretch(1)
        box.addLayout(top)
        box.addWidget(self.intro)
        box.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.due_label, 1)
        bottom.addWidget(self.apply_button)
        box.addLayout(bottom)
        box.addWidget(self.report)
        ret.setLayout(box)

        layout = QVBoxLayout(self)
        layout.addWidget(enc)
        layout.addWidget(ret, 1)
        ctx.changed.connect(self._on_changes)
        ctx.store_replaced.connect(self.refresh)
        self.refresh()

    # -- showing --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        store = self.ctx.store
        self.state.setText(fmt(self.tr("“%1” is encrypted: without its passphrase nobody can read it."),
                               store.path.name) if store.encrypted else
                           fmt(self.tr("“%1” is NOT encrypted: anyone who copies it can read the members' "
                                       "names, phone numbers, birth dates and health notes."), store.path.name))
        self.state.setStyleSheet("" if store.encrypted else "color: #a4262c;")
        self.encrypt_button.setEnabled(not store.encrypted and str(store.path) != ":memory:")
        self.encrypt_button.setToolTip(self.tr("This file is already encrypted.") if store.encrypted else "")
        self.months.blockSignals(True)
        self.months.setValue(retention_months(store))
        self.months.blockSignals(False)
        self.report.clear()
        self.refresh_due()

    def _status_text(self, r: dict) -> str:
        # Due means the term ended N months ago: a row still "in office" was never closed, say so.
        if r["status"] == "active":
            return self.tr("Term over, still marked in office")
        return self.ctx.vocab.label("status", r["status"]) if r["status"] else ""

    def refresh_due(self) -> None:
        try:
            rows = due_for_retention(self.ctx.store, self.months.value())
        except CoreError as exc:
            rows = []
            self.due_label.setText(error_text(exc))
        else:
            self.due_label.setText(self.tr("%n former member(s) past the retention period.", "", len(rows))
                                   if rows else self.tr("Nobody is past the retention period."))
        self.model.set_rows(rows)
        self.apply_button.setEnabled(bool(rows))

    def _on_changes(self, changes) -> None:
        if changes.touches("members", "cohorts", "erasures", "settings"):
            if changes.touches("settings"):
                self.months.blockSignals(True)
                self.months.setValue(retention_months(self.ctx.store))
                self.months.blockSignals(False)
            self.refresh_due()

    # -- actions ----------------------------------------------------------------------------------------
    def _save_months(self) -> None:
        value = self.months.value()
        if value != retention_months(self.ctx.store):
            self.ctx.store.set_setting(RETENTION_KEY, value)

    def apply(self) -> None:
        self._save_months()
        due = self.model.rowCount()
        if not due:
            return
        reports = apply_rule(self.ctx, self, self.months.value(), due)
        if reports is not None:
            self.report.setText(report_text(reports))
        self.refresh_due()

    def encrypt(self, ask=None):
        from facilitator_app.gui.privacy.encrypt import EncryptFlow

        window = self.window()
        self.flow = EncryptFlow(window, ask)
        self.flow.start()
        return self.flow

    def show_audit(self):
        from facilitator_app.gui.privacy.audit import show_audit

        self.audit_dialog = show_audit(self.ctx, self)
        return self.audit_dialog
