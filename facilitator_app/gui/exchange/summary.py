"""What an import brought, from where: shown after "Import package…" and "Collect from a folder…"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.exchange.packages import ImportSummary
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.exchange.texts import table_label
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.tablemodel import RowsModel

HIDDEN = {"devices"}   # a laptop's name travels with its package: not news for the reader


class SummaryDialog(QDialog):
    show_conflicts = Signal()

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = summary
        self.setObjectName("ImportSummaryDialog")
        self.setWindowTitle(self.tr("Packages imported"))
        layout = QVBoxLayout(self)
        headline = QLabel(fmt(self.tr("%1 package(s) imported: %2 new changes."), len(summary.packages),
                              summary.new_changes))
        font = headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        headline.setFont(font)
        layout.addWidget(headline)
        if summary.adopted:
            layout.addWidget(self._note(self.tr("This laptop now works on the assembly of the package.")))

        rows = []
        for p in summary.packages:
            tables = {t: c for t, c in p.tables.items() if t not in HIDDEN}
            if not tables:
                rows.append((p.source_name, p.file, self.tr("Nothing new"), "", ""))
            for table, counts in sorted(tables.items(), key=lambda kv: table_label(kv[0])):
                rows.append((p.source_name, p.file, table_label(table), counts.new, counts.updated))
        self.model = RowsModel([(self.tr("From"), lambda r: r[0]), (self.tr("Package"), lambda r: r[1]),
                                (self.tr("What"), lambda r: r[2]), (self.tr("New"), lambda r: r[3]),
                                (self.tr("Updated"), lambda r: r[4])], rows, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        layout.addWidget(self.view, 1)

        for p in summary.packages:
            if p.missing_earlier:
                layout.addWidget(self._note(fmt(self.tr(
                    "%1: an earlier package from %2 seems not to have been imported. If something is missing, "
                    "ask %2 for a full package."), p.file, p.source_name), warn=True))
        if summary.pending:
            layout.addWidget(self._note(fmt(self.tr(
                "%1 item(s) wait for changes not received yet; they will appear when the missing package "
                "is imported."), summary.pending), warn=True))
        for exc in summary.skipped:
            layout.addWidget(self._note(fmt(self.tr("Not imported: %1"), error_text(exc)), warn=True))
        self.conflicts_button = None
        if summary.conflicts:
            layout.addWidget(self._note(fmt(self.tr(
                "%1 text(s) had been changed on two laptops at once: the most recent version is kept and the "
                "other one is saved among the conflicts."), summary.conflicts)))
            self.conflicts_button = QPushButton(self.tr("Show conflicts…"))
            self.conflicts_button.clicked.connect(self._open_conflicts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        if self.conflicts_button is not None:
            buttons.addButton(self.conflicts_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _note(self, text: str, warn: bool = False) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if warn:
            label.setStyleSheet("color: #a33b00;")
        return label

    def _open_conflicts(self) -> None:
        self.accept()
        self.show_conflicts.emit()
