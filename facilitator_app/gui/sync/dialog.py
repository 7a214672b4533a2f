"""File > Sync folder…: choose this laptop's shared folder, see the other laptops and what was set aside."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.errors import CoreError
from facilitator_app.core.sync.inbox import set_aside_list
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.sync import texts
from facilitator_app.gui.sync.controller import SyncController
from facilitator_app.gui.tablemodel import RowsModel


class SyncFolderDialog(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Sync folder"))
        intro = QLabel(self.tr(
            "Choose a folder that every laptop of the assembly can reach: a USB stick, a network share, or a "
            "folder kept in sync by Syncthing, Nextcloud or OneDrive. While the app runs, this laptop writes its "
            "changes there every few seconds and takes in those of the others. The choice is for this laptop "
            "only."))
        intro.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("No folder: this laptop does not sync"))
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.clicked.connect(self.pick)
        self.off = QPushButton(self.tr("Stop syncing"))
        self.off.clicked.connect(lambda: self.apply(None))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        row.addWidget(self.off)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.peers = RowsModel([
            (self.tr("Laptop"), lambda p: p.name),
            (self.tr("Last package"), lambda p: texts.when(p.last_package_at)),
            (self.tr("Coming here"), lambda p: p.waiting_in),
            (self.tr("Not yet there"), lambda p: p.waiting_out),
        ], parent=self)
        self.peers_view = self._table(self.peers)
        self.aside = RowsModel([
            (self.tr("File"), lambda a: a.file),
            (self.tr("Why"), lambda a: texts.translated(texts.KINDS.get(a.kind, a.kind))),
            (self.tr("Now in"), lambda a: a.moved_to or self.tr("left in the folder")),
        ], parent=self)
        self.aside_view = self._table(self.aside)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Other laptops")))
        layout.addWidget(self.peers_view)
        layout.addWidget(QLabel(self.tr("Files set aside")))
        layout.addWidget(self.aside_view)
        layout.addWidget(buttons)
        self.resize(640, 460)
        controller.status_changed.connect(self.refresh)
        self.refresh(controller.last)

    def _table(self, model: RowsModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        return view

    def refresh(self, report: object = None) -> None:
        folder = self.controller.folder
        self.path.setText(str(folder) if folder else "")
        self.off.setEnabled(folder is not None)
        status = getattr(report, "status", None)
        self.peers.set_rows(status.peers if status else [])
        self.aside.set_rows(status.set_aside if status else set_aside_list(self.controller.ctx.store))
        problem = texts.problem_text(report) if report is not None else None   # type: ignore[arg-type]
        if problem:
            self.message.setText(problem)
        elif folder is not None and status is None:
            self.message.setText(self.tr("Starting…"))
        else:
            self.message.setText("")

    def pick(self) -> None:
        start = str(self.controller.folder or "")
        folder = QFileDialog.getExistingDirectory(self, self.tr("Sync folder"), start)
        if folder:
            self.apply(folder)

    def apply(self, folder: str | None) -> bool:
        try:
            self.controller.choose_folder(folder)
        except CoreError as exc:
            self.message.setText(error_text(exc))
            return False
        self.refresh(None)
        if folder:
            self.message.setText(fmt(self.tr("This laptop now syncs through %1."), folder))
        return True
