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
    QMenu,
    QVBoxLayout,
    QWidget,
)

from facilitator_app import __version__
from facilitator_app.core.store.device import Device
from facilitator_app.gui import i18n, pages, recent
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.empty_state import HintBar
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
        # Pages are built when first shown: the start costs the first page only.
        self.stack = pages.PageStack(ctx)
        self.stack.page_built.connect(self._page_built)
        self.pages = pages.PagesView(self.stack)
        for key, _text, _factory in pages.PAGES:
            item = QListWidgetItem(pages.title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        # Pages are reached with Ctrl+1..9; the list itself never steals focus
        # from a search field.
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for row in range(self.nav.count()):
            QShortcut(QKeySequence(f"Ctrl+{row + 1}"), self, activated=lambda r=row: self.nav.setCurrentRow(r))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        # An empty assembly says on each page what to do first (after the page is built: guards).
        self.hint_bar = HintBar(ctx, lambda k: self.stack.page(k) if self.stack.is_built(k) else None)
        self.hint_bar.action_requested.connect(self._hint_action)
        self.nav.currentRowChanged.connect(lambda row: self.hint_bar.show_for(self.stack.keys[row]))
        self.nav.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        right = QVBoxLayout()
        right.setSpacing(0)
        right.addWidget(self.hint_bar)
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)

        self._build_menus()
        ctx.store_replaced.connect(self.update_title)
        ctx.changed.connect(self._on_changes)
        self.update_title()
        self.statusBar().showMessage(str(ctx.store.path))
        self._start_sync()
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
        self.passphrase_action = QAction(self.tr("Change the passphrase…"), self, triggered=self.change_passphrase)
        self.encrypt_action = QAction(self.tr("Encrypt this file…"), self,
                                      triggered=lambda: self.show_page("privacy").encrypt())
        self.audit_action = QAction(self.tr("Audit log…"), self, triggered=self.show_audit)
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        for a in (self.open_action, self.new_action, None, self.import_action, None, self.device_action,
                  self.passphrase_action, self.encrypt_action, self.audit_action, None, quit_action):
            file_menu.addAction(a) if a else file_menu.addSeparator()
        self.recent_menu = QMenu(self.tr("Recent assemblies"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.insertMenu(self.import_action, self.recent_menu)
        file_menu.insertSeparator(self.import_action)
        self.file_menu = file_menu
        from facilitator_app.gui.exchange.actions import ExchangeActions  # packages between laptops

        self.exchange = ExchangeActions(self.ctx, self)
        self.exchange.install(file_menu, self.device_action)
        self.sync_action = QAction(self.tr("S&ync folder…"), self, triggered=self.edit_sync_folder)
        file_menu.insertAction(self.device_action, self.sync_action)
        file_menu.insertSeparator(self.device_action)

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
        self.guide_action = QAction(self.tr("&Guide to this page"), self, shortcut=QKeySequence.StandardKey.HelpContents,
                                    triggered=lambda: self.show_guide(self.current_key()))
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self,
                                        triggered=lambda: self.show_guide("shortcuts"))
        for a in (self.guide_action, self.shortcuts_action):
            help_menu.addAction(a)
        help_menu.addSeparator()
        self.privacy_action = QAction(self.tr("Privacy…"), self, triggered=self.show_privacy)
        help_menu.addAction(self.privacy_action)
        help_menu.addAction(QAction(self.tr("About"), self, triggered=self.about))

    def _hint_action(self, action: str) -> None:
        if action == "import_roster":
            self.import_roster()
        elif action == "new_plenary":
            self.show_page("plenaries").new_button.click()
        elif action.startswith("page:"):
            self.show_page(action.removeprefix("page:"))
        elif action.startswith("guide:"):
            self.show_guide(action.removeprefix("guide:"))

    def current_key(self) -> str:
        return self.stack.keys[self.stack.currentIndex()]

    def _page_built(self, key: str, page: QWidget) -> None:
        if key == "members":
            page.import_requested.connect(self.import_roster)

    # -- title, geometry ----------------------------------------------------------
    def _on_changes(self, changes) -> None:
        if changes.touches("assembly", "devices"):
            self.update_title()

    def update_title(self) -> None:
        store = self.ctx.store
        self.setWindowTitle(fmt(self.tr("%1 — %2 — Citizens' Assembly on Climate"),
                                store.path.name, store.device.name))

    def _start_sync(self) -> None:
        from facilitator_app.gui.sync.controller import SyncController
        from facilitator_app.gui.sync.status_line import SyncStatusLine

        self.sync = SyncController(self.ctx, self)
        self.sync_status = SyncStatusLine(self.sync, self)
        self.sync_status.open_settings.connect(self.edit_sync_folder)
        self.statusBar().addPermanentWidget(self.sync_status)

    def edit_sync_folder(self) -> None:
        from facilitator_app.gui.sync.dialog import SyncFolderDialog

        SyncFolderDialog(self.sync, self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.setValue("window/geometry", self.saveGeometry())
        self.sync.stop()
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
        if path:  # with the extension File > Open lists, whatever was typed
            self.switch_to(recent.with_suffix(path), create=True)

    def switch_to(self, path: Path, *, create: bool = False) -> None:
        if self._open_store is None:
            return
        path = recent.absolute(path)
        store = self._open_store(path, self, create=create)
        if store is not None:
            self.ctx.set_store(store)
            recent.RecentFiles(self.ctx.settings).add(path)
            self.statusBar().showMessage(str(path))
        elif not path.exists():
            recent.RecentFiles(self.ctx.settings).remove(path)  # reported by the opener; not offered again

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in recent.RecentFiles(self.ctx.settings).paths():
            if path == self.ctx.store.path:
                continue
            action = self.recent_menu.addAction(fmt(self.tr("%1 — %2"), path.name, path.parent))
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.switch_to(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No other recent assembly")).setEnabled(False)

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

    def change_passphrase(self, answer=None) -> bool:
        """Re-key the open file; `answer` (an Answer) stands in for the dialog in tests."""
        from facilitator_app.core.privacy import keyring_store
        from facilitator_app.core.privacy.cipher import PassphraseError
        from facilitator_app.core.privacy.encryption import EncryptionError, change_passphrase
        from facilitator_app.gui.errors import error_text
        from facilitator_app.gui.privacy.passphrase import ask_passphrase

        store = self.ctx.store
        title = self.tr("Change the passphrase")
        if not store.encrypted:
            self.ctx.prompts.info(self, title, self.tr(
                "This file is not encrypted, so it has no passphrase. To encrypt it, use “Encrypt this "
                "file…” on the Privacy page."))
            return False
        answer = answer or ask_passphrase("change", store.path, self)
        if answer is None or not answer.passphrase:
            return False
        remembered = keyring_store.recall(store.path) is not None
        try:
            change_passphrase(store, answer.passphrase)
        except (EncryptionError, PassphraseError) as exc:
            self.ctx.prompts.error(self, title, error_text(exc))
            return False
        if remembered:
            keyring_store.remember(store.path, answer.passphrase)
        self.ctx.prompts.info(self, title, self.tr(
            "The passphrase was changed. Tell it to the colleagues who open this file; the backups made "
            "before keep the old one."))
        return True

    def show_audit(self):
        from facilitator_app.gui.privacy.audit import show_audit

        self.audit_dialog = show_audit(self.ctx, self)
        return self.audit_dialog

    def show_privacy(self):
        from facilitator_app.gui.privacy.note import PrivacyNote

        self.privacy_dialog = PrivacyNote(self.ctx, self)
        self.privacy_dialog.open()
        return self.privacy_dialog

    def set_language(self, code: str) -> None:
        self.ctx.settings.setValue("ui/language", code)
        self.ctx.prompts.info(self, self.tr("Language"), self.tr("The new language applies when you restart the app."))

    def show_guide(self, topic: str) -> None:
        from facilitator_app.gui.help import show_guide

        self.guide = show_guide(self, topic)

    def about(self) -> None:
        path = self.ctx.store.path
        self.ctx.prompts.info(self, self.tr("About"), fmt(self.tr(
            "Facilitator app, version %1\n"
            "For the facilitators and secretariat of Milan's Permanent Citizens' Assembly on Climate. "
            "Works offline; everything is saved at once in the assembly file.\n\n"
            "This assembly's file: %2\n"
            "Backups: the app keeps no copies by itself. To make one, export a full package "
            "(File › Export package…, tick “Everything”) to a USB stick, or copy the file with the app closed. "
            "Packages and copies are wherever you saved them; the last exchange folder used is %3.\n\n"
            "License: GPL-3.0-or-later (free software: you may use, study, share and improve it)."),
            __version__, path, self.ctx.settings.value("exchange/folder", "") or path.parent))
