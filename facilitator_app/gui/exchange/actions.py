"""File menu actions for laptops without a network: export, import, prepare, collect, conflicts.

Each action asks what it needs (file dialogs, the small export dialog), calls
one core function (`core.exchange`) and reports through `ctx.prompts` or the
summary dialog; views refresh from the store's change notifications.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.exchange.conflicts import open_count
from facilitator_app.core.exchange.packages import (
    SUFFIX,
    ExchangeError,
    ImportSummary,
    NoPackagesError,
    collect,
    export_package,
    import_packages,
    known_destinations,
    package_files,
    prepare_laptops,
    slug,
)
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.exchange.conflicts import ConflictsDialog
from facilitator_app.gui.exchange.summary import SummaryDialog
from facilitator_app.gui.i18n import fmt

FOLDER_KEY = "exchange/folder"


class _Cancelled(Exception):
    pass


class ExportDialog(QDialog):
    """Who the package is for, and whether it holds everything."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export package"))
        intro = QLabel(self.tr(
            "The package holds the changes made on this laptop and those it received from others. Say who it is "
            "for: next time, only what they have not received yet goes into it."))
        intro.setWordWrap(True)
        self.destination = QComboBox()
        self.destination.setEditable(True)
        names = known_destinations(ctx.store)
        others = [r["name"] for r in ctx.store.select("devices", "id != ?", (ctx.store.device.id,), order_by="name")]
        for name in [*names, *(n for n in others if n and n not in names)]:
            self.destination.addItem(name)
        if self.destination.count() == 0:
            self.destination.addItem(self.tr("Secretariat"))
        self.full = QCheckBox(self.tr("Everything (a full package, e.g. for a new laptop)"))
        form = QFormLayout()
        form.addRow(self.tr("For:"), self.destination)
        form.addRow("", self.full)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose the file…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        intro.setMinimumWidth(480)
        self.destination.setMinimumWidth(300)

    def choice(self) -> tuple[str, bool]:
        return self.destination.currentText().strip(), self.full.isChecked()


class ExchangeActions(QObject):
    def __init__(self, ctx: AppContext, window: QWidget):
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.export_action = QAction(self.tr("Export package…"), window, triggered=self.export_package)
        self.import_action = QAction(self.tr("Import package…"), window, triggered=self.import_packages)
        self.prepare_action = QAction(self.tr("Prepare the laptops…"), window, triggered=self.prepare_laptops)
        self.collect_action = QAction(self.tr("Collect from a folder…"), window, triggered=self.collect_folder)
        self.conflicts_action = QAction(self.tr("Conflicts…"), window, triggered=self.show_conflicts)
        self.actions = [self.export_action, self.import_action, self.prepare_action, self.collect_action,
                        self.conflicts_action]
        self.last_dialog: QDialog | None = None
        from facilitator_app.gui.exchange.include import ask_include

        self.ask_include = ask_include   # a test answers it without the dialog
        self.progress_steps: list[tuple[int, int, str]] = []
        ctx.changed.connect(self._on_changes)
        ctx.store_replaced.connect(self._update_conflicts_action)
        self._update_conflicts_action()

    def install(self, menu: QMenu, before: QAction) -> None:
        """Put the actions in `menu` before `before`, as one group."""
        menu.insertActions(before, self.actions)
        menu.insertSeparator(before)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("conflicts", "plenaries"):
            self._update_conflicts_action()

    def _update_conflicts_action(self) -> None:
        n = open_count(self.ctx.store)
        self.conflicts_action.setText(fmt(self.tr("Conflicts (%1)…"), n) if n else self.tr("Conflicts…"))

    # -- helpers ----------------------------------------------------------------------------
    def _folder(self) -> str:
        return str(self.ctx.settings.value(FOLDER_KEY, "") or self.ctx.store.path.parent)

    def _remember(self, path: str | Path) -> None:
        p = Path(path)
        self.ctx.settings.setValue(FOLDER_KEY, str(p if p.is_dir() else p.parent))

    def _show(self, dialog: QDialog) -> QDialog:
        self.last_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _busy(self, on: bool) -> None:
        if on:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    # -- actions ------------------------------------------------------------------------------
    def export_package(self) -> None:
        dialog = ExportDialog(self.ctx, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        destination, full = dialog.choice()
        stem = slug(f"{self.ctx.store.device.name} {date.today().isoformat()}")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export package"),
                                              str(Path(self._folder()) / f"{stem}{SUFFIX}"),
                                              self.tr("Exchange packages (*.assemblea)"))
        if not path:
            return
        if not path.lower().endswith(SUFFIX):
            path += SUFFIX
        try:
            result = export_package(self.ctx.store, path, to=destination or None, full=full)
        except ExchangeError as exc:
            self.ctx.prompts.error(self.window, self.tr("Package not written"), error_text(exc))
            return
        self._remember(path)
        if result.full:
            text = fmt(self.tr("%1 changes written to %2 (everything this laptop has)."), result.count, path)
        else:
            text = fmt(self.tr("%1 changes written to %2 (what %3 had not received yet)."), result.count, path,
                       destination)
        self.ctx.prompts.info(self.window, self.tr("Package written"), text)

    def import_packages(self) -> ImportSummary | None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import packages"), self._folder(),
                                                self.tr("Exchange packages (*.assemblea);;All files (*)"))
        if not paths:
            return None
        self._busy(True)
        try:
            summary = import_packages(self.ctx.store, paths)
        except ExchangeError as exc:
            self._busy(False)
            self.ctx.prompts.error(self.window, self.tr("Package not imported"), error_text(exc))
            return None
        self._busy(False)
        self._remember(paths[0])
        self.show_summary(summary)
        return summary

    def prepare_laptops(self) -> None:
        plenaries = self.ctx.store.select("plenaries", order_by="number")
        if not plenaries:
            self.ctx.prompts.error(self.window, self.tr("Prepare the laptops"),
                                   self.tr("There is no plenary yet: create it first."))
            return
        today = date.today().isoformat()
        upcoming = [i for i, p in enumerate(plenaries) if p["date"] >= today]
        labels = [fmt(self.tr("Plenary %1 — %2 — %3") if p.get("title") else self.tr("Plenary %1 — %2"),
                      p["number"], date.fromisoformat(p["date"]).strftime("%d/%m/%Y"), p.get("title"))
                  for p in plenaries]
        label, ok = QInputDialog.getItem(self.window, self.tr("Prepare the laptops"),
                                         self.tr("One package for the entrance and one for each group of:"),
                                         labels, upcoming[0] if upcoming else len(labels) - 1, False)
        if not ok:
            return
        plenary = plenaries[labels.index(label)]
        include = self.ask_include(self.window)
        if include is None:
            return
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Where to write the packages (e.g. a USB stick)"),
                                                  self._folder())
        if not folder:
            return
        self._busy(True)
        try:
            results = prepare_laptops(self.ctx.store, plenary["id"], folder, include)
        except ExchangeError as exc:
            self._busy(False)
            self.ctx.prompts.error(self.window, self.tr("Prepare the laptops"), error_text(exc))
            return
        self._busy(False)
        self._remember(folder)
        names = "\n".join(fmt(self.tr("• %1: %2 members"), r.path.name, r.purpose["carries"]["members"])
                          for r in results)
        words = {"contact": self.tr("phone numbers and e-mail addresses"), "birth_date": self.tr("birth dates"),
                 "notes": self.tr("accessibility, dietary and other notes"),
                 "profile": self.tr("gender, citizenship, municipio and education"),
                 "former": self.tr("former members")}
        extra = ", ".join(words[k] for k in ("contact", "birth_date", "notes", "profile", "former") if k in include)
        carries = (fmt(self.tr("Each package holds its members' names, badge codes and groups, and also: %1."), extra)
                   if extra else self.tr("Each package holds only its members' names, badge codes and groups: no "
                                         "phone numbers, e-mail addresses, birth dates, notes or former members."))
        self.ctx.prompts.info(self.window, self.tr("Laptops prepared"), fmt(self.tr(
            "%1 packages written to %2:\n%3\n\n%4\n\nOn each laptop, open a new assembly file and use "
            "File › Import package… with its package."), len(results), folder, names, carries))

    def collect_folder(self) -> ImportSummary | None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Collect the packages of a folder"),
                                                  self._folder())
        if not folder:
            return None
        count = len(package_files(folder))
        if not count:
            self.ctx.prompts.error(self.window, self.tr("Nothing collected"),
                                   fmt(self.tr("There are no packages (.assemblea) in %1."), folder))
            return None
        progress = QProgressDialog(self.tr("Reading the packages…"), self.tr("Cancel"), 0, count + 1, self.window)
        progress.setWindowTitle(self.tr("Collect from a folder"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setValue(0)
        self.progress_steps = []

        def step(i: int, steps: int, name: str) -> None:
            self.progress_steps.append((i, steps, name))
            if progress.wasCanceled() and i < steps - 1:
                raise _Cancelled
            progress.setMaximum(steps)
            progress.setLabelText(fmt(self.tr("Reading %1…"), name) if name else self.tr("Merging…"))
            progress.setValue(i)
            QApplication.processEvents()

        try:
            summary = collect(self.ctx.store, folder, progress=step)
        except _Cancelled:
            progress.close()
            return None
        except NoPackagesError as exc:
            progress.close()
            self.ctx.prompts.error(self.window, self.tr("Nothing collected"), fmt(
                self.tr("None of the packages in %1 could be imported:\n%2"), folder,
                "\n".join(f"• {error_text(e)}" for e in exc.skipped)))
            return None
        except ExchangeError as exc:
            progress.close()
            self.ctx.prompts.error(self.window, self.tr("Nothing collected"), error_text(exc))
            return None
        progress.close()
        self._remember(folder)
        self.show_summary(summary)
        return summary

    def show_summary(self, summary: ImportSummary) -> SummaryDialog:
        dialog = SummaryDialog(summary, self.window)
        dialog.show_conflicts.connect(self.show_conflicts)
        self._show(dialog)
        return dialog

    def show_conflicts(self) -> ConflictsDialog:
        dialog = ConflictsDialog(self.ctx, self.window)
        self._show(dialog)
        return dialog
