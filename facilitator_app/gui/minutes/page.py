"""Verbali: the secretariat writes the minutes' sections; everything else comes from the data.

Left: one editor per section (opening, summary, decisions, next steps). Text is
saved as you type after a short pause, and at once when the editor loses focus,
when another plenary is chosen and when the page is hidden, so nothing typed is
lost. Right: a live outline of what the verbale will contain (counts refreshed
when attendance, groups, notes or recommendations change) and the exports (PDF,
Excel, public version, cycle report), which run in a worker thread with a
progress dialog.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.language.readability import TARGET, gulpease
from facilitator_app.core.minutes import minutes as M
from facilitator_app.core.plenaries.plenaries import default_plenary, list_plenaries
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.minutes.export import ExportJob, start_export
from facilitator_app.gui.plenary_box import fill_plenary_box
from facilitator_app.gui.saved_files import SavedFiles

SAVE_DELAY_MS = 700
WATCHED = ("plenaries", "sessions", "agenda_items", "plenary_people", "attendance", "groups", "group_members",
           "clusters", "notes", "votes", "photos", "recommendations", "recommendation_notes", "members")


class MinutesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.plenary_id: str | None = None
        self.job: ExportJob | None = None
        self.progress_dialog = None
        self.last_export: tuple[str, Any] | None = None
        # Where to save: tests replace this (title, suggested file name, filter) -> path or None.
        self.choose_path = self._ask_path

        self.plenary_box = QComboBox()
        self.plenary_box.setMinimumWidth(320)
        self.plenary_box.currentIndexChanged.connect(self._plenary_chosen)
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet("color: #555;")

        self.titles = titles = {"opening": self.tr("Opening of the meeting"), "summary": self.tr("Summary of the sessions"),
                  "decisions": self.tr("Decisions"), "next_steps": self.tr("Next steps")}
        hints = {"opening": self.tr("Who opened the plenary, greetings, the aims of the day…"),
                 "summary": self.tr("What happened in the morning and afternoon sessions…"),
                 "decisions": self.tr("What the plenary decided…"),
                 "next_steps": self.tr("Next meetings, tasks, answers expected from the Comune…")}
        self.editors: dict[str, QPlainTextEdit] = {}
        self.timers: dict[str, QTimer] = {}
        self.readability: dict[str, QLabel] = {}
        editors = QWidget()
        form = QVBoxLayout(editors)
        for key in M.SECTION_KEYS:
            label = QLabel(f"<b>{titles[key]}</b>")
            edit = QPlainTextEdit()
            edit.setObjectName(f"section_{key}")
            edit.setPlaceholderText(hints[key])
            edit.setMinimumHeight(110)
            edit.textChanged.connect(lambda k=key: self._edited(k))
            edit.installEventFilter(self)
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(SAVE_DELAY_MS)
            timer.timeout.connect(lambda k=key: self.save_section(k))
            label.setBuddy(edit)
            score = QLabel()
            score.setObjectName(f"readability_{key}")
            score.setWordWrap(True)
            score.setToolTip(self.tr("Gulpease index: how easy the text is to read for an Italian reader, "
                                     "0 (very hard) to 100 (very easy). Texts for citizens should reach 60: "
                                     "use short sentences and everyday words."))
            form.addWidget(label)
            form.addWidget(edit, 1)
            form.addWidget(score)
            self.editors[key], self.timers[key], self.readability[key] = edit, timer, score
        privacy = QLabel(self.tr("These texts also appear in the public version: do not write citizens' "
                                 "personal data here."))
        privacy.setWordWrap(True)
        privacy.setStyleSheet("color: #8a4b00;")
        form.addWidget(privacy)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editors)

        self.outline_label = QLabel()
        self.outline_label.setObjectName("outline")
        self.outline_label.setWordWrap(True)
        self.outline_label.setTextFormat(Qt.TextFormat.RichText)
        outline_box = QGroupBox(self.tr("What the verbale will contain"))
        QVBoxLayout(outline_box).addWidget(self.outline_label)

        self.public_box = QCheckBox(self.tr("Public version (no personal data of citizens)"))
        self.pdf_button = QPushButton(self.tr("Verbale as PDF…"))
        self.xlsx_button = QPushButton(self.tr("Verbale as Excel…"))
        self.cycle_button = QPushButton(self.tr("Cycle report (PDF and Excel)…"))
        self.pdf_button.clicked.connect(lambda: self.export_verbale("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export_verbale("xlsx"))
        self.cycle_button.clicked.connect(self.export_cycle)
        for b in (self.pdf_button, self.xlsx_button, self.cycle_button):
            b.setMinimumHeight(36)
        export_box = QGroupBox(self.tr("Export"))
        grid = QGridLayout(export_box)
        grid.addWidget(self.public_box, 0, 0, 1, 2)
        grid.addWidget(self.pdf_button, 1, 0)
        grid.addWidget(self.xlsx_button, 1, 1)
        grid.addWidget(self.cycle_button, 2, 0, 1, 2)
        self.saved_files = SavedFiles()
        grid.addWidget(self.saved_files, 3, 0, 1, 2)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(outline_box)
        rl.addWidget(export_box)
        rl.addStretch(1)
        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Plenary")))
        top.addWidget(self.plenary_box)
        top.addStretch(1)
        top.addWidget(self.saved_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        ctx.changed.connect(self._on_changed)
        ctx.store_closing.connect(self.flush)  # typed text belongs to the file being closed
        ctx.store_replaced.connect(self.reload)
        self.reload()

    # -- plenaries ------------------------------------------------------------------------
    def reload(self) -> None:
        for t in self.timers.values():
            t.stop()  # the old file is gone: pending saves belonged to it
        plenaries = list_plenaries(self.ctx.store)
        chosen = default_plenary(self.ctx.store)
        idx = next((i for i, p in enumerate(plenaries) if chosen and p["id"] == chosen["id"]), 0)
        fill_plenary_box(self.plenary_box, plenaries, self.tr("Plenary %1 — %2"), idx if plenaries else -1)
        self.plenary_id = None
        self._plenary_chosen()

    def select_plenary(self, plenary_id: str) -> None:
        idx = self.plenary_box.findData(plenary_id)
        if idx >= 0:
            self.plenary_box.setCurrentIndex(idx)

    def _plenary_chosen(self) -> None:
        self.flush()
        self.plenary_id = self.plenary_box.currentData()
        texts = M.sections_of(self.ctx.store, self.plenary_id) if self.plenary_id else {}
        for key, edit in self.editors.items():
            edit.blockSignals(True)
            edit.setPlainText(texts.get(key, ""))
            edit.blockSignals(False)
            edit.setEnabled(self.plenary_id is not None)
            self._show_readability(key)
        for b in (self.pdf_button, self.xlsx_button):
            b.setEnabled(self.plenary_id is not None)
        self.saved_label.clear()
        self.refresh_outline()

    # -- saving -----------------------------------------------------------------------------
    def _show_readability(self, key: str) -> None:
        r = gulpease(self.editors[key].toPlainText())
        label = self.readability[key]
        if r is None:
            label.clear()
            return
        if r.meets_target:
            text = fmt(self.tr("Readability (Gulpease): %1 of 100 — easy enough for citizens (target %2)"),
                       f"{r.index:.0f}", f"{TARGET:.0f}")
            label.setStyleSheet("color: #2e6b30;")
        else:
            text = fmt(self.tr("Readability (Gulpease): %1 of 100 — too hard for many citizens (target %2): "
                               "shorter sentences, everyday words"), f"{r.index:.0f}", f"{TARGET:.0f}")
            label.setStyleSheet("color: #8a4b00;")
        label.setText(text)

    def _edited(self, key: str) -> None:
        self._show_readability(key)
        self.timers[key].start()  # restarts the pause
        self.saved_label.setText(self.tr("Saving…"))

    def save_section(self, key: str) -> None:
        self.timers[key].stop()
        if self.plenary_id is None:
            return
        M.save_section(self.ctx.store, self.plenary_id, key, self.editors[key].toPlainText())
        self.saved_label.setText(fmt(self.tr("Saved at %1"), datetime.now().strftime("%H:%M:%S")))

    def flush(self) -> None:
        """Save every section with a pending change now."""
        for key, timer in self.timers.items():
            if timer.isActive():
                self.save_section(key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FocusOut:
            for key, edit in self.editors.items():
                if watched is edit and self.timers[key].isActive():
                    self.save_section(key)
        return super().eventFilter(watched, event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.flush()
        super().hideEvent(event)

    # -- outline ------------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("plenaries"):
            current = self.plenary_id
            self.flush()
            self.reload()
            if current:
                self.select_plenary(current)
            return
        if changes.touches("minutes_sections") and self.plenary_id:
            # Merged from another laptop: show it in editors the person is not typing in.
            texts = M.sections_of(self.ctx.store, self.plenary_id)
            for key, edit in self.editors.items():
                if not self.timers[key].isActive() and not edit.hasFocus() and edit.toPlainText() != texts.get(key, ""):
                    edit.blockSignals(True)
                    edit.setPlainText(texts.get(key, ""))
                    edit.blockSignals(False)
            self.refresh_outline()
        elif changes.touches(*WATCHED):
            self.refresh_outline()

    def refresh_outline(self) -> None:
        if self.plenary_id is None:
            self.outline_label.setText(self.tr("No plenary yet."))
            return
        o = M.outline(self.ctx.store, self.plenary_id)
        lines = [fmt(self.tr("Present: %1 of %2 members in office"), o.present, o.expected)]
        lines += [fmt(self.tr("— %1: %2 present"), name, n) for name, n in o.per_session]
        lines += [fmt(self.tr("Justified absences: %1"), o.justified),
                  fmt(self.tr("Staff, facilitators and experts: %1"), o.people),
                  fmt(self.tr("Groups: %1"), o.groups),
                  fmt(self.tr("Post-its: %1 in %2 clusters (%3 outside clusters)"), o.notes, o.clusters, o.unclustered),
                  fmt(self.tr("Recommendations: %1"), o.recommendations),
                  fmt(self.tr("Photos of the walls: %1"), o.photos)]
        missing = [self.titles[k] for k in o.sections_missing]
        if missing:
            lines.append("<span style='color:#8a4b00'>" + fmt(self.tr("Sections still empty: %1"),
                                                               ", ".join(missing)) + "</span>")
        else:
            lines.append(self.tr("All sections written."))
        self.outline = o
        self.outline_label.setText("<br>".join(lines))

    # -- exports ----------------------------------------------------------------------------
    def _ask_path(self, title: str, suggested: str, filters: str) -> str | None:
        folder = self.ctx.settings.value("minutes/export_dir", str(Path.home()))
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / suggested), filters)
        if path:
            self.ctx.settings.setValue("minutes/export_dir", str(Path(path).parent))
        return path or None

    def export_verbale(self, kind: str) -> ExportJob | None:
        if self.plenary_id is None:
            return None
        self.flush()
        p = self.ctx.store.get("plenaries", self.plenary_id)
        public = self.public_box.isChecked()
        name = f"verbale_plenaria_{p['number']}{'_pubblico' if public else ''}.{kind}"
        path = self.choose_path(self.tr("Save the verbale"), name,
                                self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        return self.run_export("verbale", self.plenary_id, public, {kind: Path(path)},
                               fmt(self.tr("Verbale of plenary %1"), p["number"]))

    def export_cycle(self) -> ExportJob | None:
        self.flush()
        public = self.public_box.isChecked()
        path = self.choose_path(self.tr("Save the cycle report (an Excel file is saved beside it)"),
                                f"rapporto_ciclo{'_pubblico' if public else ''}.pdf", self.tr("PDF (*.pdf)"))
        if not path:
            return None
        pdf = Path(path)
        return self.run_export("cycle", None, public, {"pdf": pdf, "xlsx": pdf.with_suffix(".xlsx")},
                               self.tr("Cycle report"))

    def run_export(self, kind: str, plenary_id: str | None, public: bool, files: dict[str, Path],
                   title: str) -> ExportJob | None:
        store = self.ctx.store
        if str(store.path) == ":memory:":
            self.ctx.prompts.error(self, title, self.tr("Save the assembly to a file before exporting."))
            return None
        self.job = ExportJob(store.path, store.device, kind, plenary_id, public, files, passphrase=store.passphrase)
        self.last_export = None
        self.saved_files.hide()
        self.progress_dialog = start_export(self, self.job, title, lambda outcome, detail: self._done(
            title, files, outcome, detail))
        return self.job

    def _done(self, title: str, files: dict[str, Path], outcome: str, detail: Any) -> None:
        self.last_export = (outcome, detail)
        if outcome == "done":
            self.saved_files.show_files(list(files.values()))  # with buttons to open the file or its folder
        elif outcome == "failed":
            self.ctx.prompts.error(self, title, fmt(self.tr("The export failed; no file was written.\n%1"), detail))
