"""The main window: navigation between the areas, menus, title and geometry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from facilitator_app import __version__
from facilitator_app.core.store.device import Device
from facilitator_app.gui import i18n, pages
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.i18n import fmt


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, open_store=None):
        super().__init__()
        self.ctx = ctx
        self._open_store = open_store  # callable(path) -> Store, owned by the app (locks)
        self.setObjectName("MainWindow")
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.nav.setIconSize(QSize(20, 20))
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        self.nav.setStyleSheet("QListWidget#navigation { border: none; background: #f1f4f2; padding-top: 8px; }"
                               "QListWidget#navigation::item { padding: 10px 14px; }"
                               "QListWidget#navigation::item:selected { background: #1f6f50; color: white; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for key, _text, factory in pages.PAGES:
            page = factory(ctx)
            self.pages[key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(pages.title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        # Pages are reached with Ctrl+1..9; the list itself never steals focus
        # from a search field.
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for row in range(self.nav.count()):
            QShortcut(QKeySequence(f"Ctrl+{row + 1}"), self, activated=lambda r=row: self.nav.setCurrentRow(r))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        members = self.pages.get("members")
        if members is not None:
            members.import_requested.connect(self.import_roster)
        self._build_menus()
        ctx.store_replaced.connect(self.update_title)
        ctx.changed.connect(lambda ch: ch.touches("assembly", "devices") and self.update_title())
        self.update_title()
        self.statusBar().showMessage(str(ctx.store.path))
        geometry = ctx.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open assembly…"), self, shortcut=QKeySequence.StandardKey.Open,
                                   triggered=self.open_file)
        self.new_action = QAction(self.tr("New assembly…"), self, triggered=self.new_file)
        self.import_action = QAction(self.tr("&Import roster…"), self, shortcut="Ctrl+I",
                                     triggered=self.import_roster)
        self.device_action = QAction(self.tr("Device name…"), self, triggered=self.rename_device)
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        for a in (self.open_action, self.new_action, None, self.import_action, None, self.device_action, None,
                  quit_action):
            file_menu.addAction(a) if a else file_menu.addSeparator()
        self.file_menu = file_menu
        from facilitator_app.gui.exchange.actions import ExchangeActions  # packages between laptops

        self.exchange = ExchangeActions(self.ctx, self)
        self.exchange.install(file_menu, self.device_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.ctx.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctx.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        self.settings_action = QAction(self.tr("Assembly &settings…"), self, triggered=self.edit_settings)
        edit_menu.addAction(self.settings_action)
        self.messages_action = QAction(self.tr("&Messages to members…"), self, triggered=self.edit_messages)
        edit_menu.addAction(self.messages_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        lang_menu = view_menu.addMenu(self.tr("Language"))
        current = i18n.chosen_language()
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True, checked=code == current)
            action.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            lang_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(QAction(self.tr("About"), self, triggered=self.about))

    # -- title, geometry ----------------------------------------------------------
    def update_title(self) -> None:
        store = self.ctx.store
        self.setWindowTitle(fmt(self.tr("%1 — %2 — Citizens' Assembly on Climate"),
                                store.path.name, store.device.name))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)

    def show_page(self, key: str) -> QWidget:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
        return self.pages[key]

    # -- actions -------------------------------------------------------------------
    def import_roster(self, path: str | None = None) -> None:
        from facilitator_app.gui.members.import_wizard import ImportWizard

        ImportWizard(self.ctx, self, path if isinstance(path, str) else None).exec()

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open assembly"), str(self.ctx.store.path.parent),
                                              self.tr("Assembly files (*.sqlite *.db);;All files (*)"))
        if path:
            self.switch_to(Path(path))

    def new_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New assembly"), str(self.ctx.store.path.parent),
                                              self.tr("Assembly files (*.sqlite)"))
        if path:
            self.switch_to(Path(path))

    def switch_to(self, path: Path) -> None:
        if self._open_store is None:
            return
        store = self._open_store(path, self)
        if store is not None:
            self.ctx.set_store(store)
            self.ctx.settings.setValue("file/last", str(path))
            self.statusBar().showMessage(str(path))

    def edit_settings(self) -> None:
        from facilitator_app.gui.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def edit_messages(self) -> None:
        from facilitator_app.gui.messages.editor import MessagesEditor

        MessagesEditor(self.ctx, self).exec()

    def rename_device(self) -> None:
        device = self.ctx.store.device
        name, ok = QInputDialog.getText(self, self.tr("Device name"),
                                        self.tr("Name of this laptop, as colleagues will see it (e.g. Laptop tavolo 3):"),
                                        text=device.name)
        name = name.strip()
        if ok and name and name != device.name:
            Device(device.id, name).save()
            device.name = name
            with self.ctx.store.transaction():
                self.ctx.store.put("devices", device.id, {"name": name})

    def set_language(self, code: str) -> None:
        self.ctx.settings.setValue("ui/language", code)
        self.ctx.prompts.info(self, self.tr("Language"), self.tr("The new language applies when you restart the app."))

    def about(self) -> None:
        self.ctx.prompts.info(self, self.tr("About"), fmt(self.tr(
            "Facilitator app %1\nFor the facilitators and secretariat of Milan's Permanent Citizens' Assembly "
            "on Climate. Works offline; everything is saved at once in the assembly file.\n"
            "License: GPL-3.0-or-later."), __version__))
