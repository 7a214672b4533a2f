"""Exports of the minutes run off the GUI thread, with a progress dialog.

`ExportJob` runs on the global QThreadPool. It opens its OWN Store on the same
file (an SQLite connection is never shared across threads; WAL lets it read
while the GUI keeps writing), renders every requested file to a temporary file
and renames them all at the end (exporters/atomic.py), so a failed or cancelled
export leaves nothing behind. Progress and the outcome come back as queued
signals; cancelling makes the next progress report raise inside the worker.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from facilitator_app.core.errors import CoreError
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store
from facilitator_app.gui.errors import error_text


class Cancelled(Exception):
    pass


class _Signals(QObject):
    progress = Signal(str, float)
    finished = Signal(list)      # results, one per file
    failed = Signal(str)
    cancelled = Signal()


# (kind, public, {"pdf": path, "xlsx": path}); kind is "verbale" (with plenary_id), "cycle" or "monitoring".
def _jobs(store: Store, kind: str, plenary_id: str | None, public: bool, files: dict[str, Path],
          progress: Callable[[str, float], None]) -> list[tuple[Path, Callable[[Path], Any]]]:
    jobs: list[tuple[Path, Callable[[Path], Any]]] = []
    if kind == "verbale":
        from facilitator_app.core.minutes.minutes import load_minutes
        from facilitator_app.core.notes.photos import photo_data
        from facilitator_app.exporters.verbale import render_verbale_pdf
        from facilitator_app.exporters.verbale_xlsx import render_verbale_xlsx

        progress("Lettura dei dati", 0.02)
        m = load_minutes(store, plenary_id, public=public)
        if "pdf" in files:
            jobs.append((files["pdf"], lambda tmp: render_verbale_pdf(m, tmp, lambda i: photo_data(store, i), progress)))
        if "xlsx" in files:
            jobs.append((files["xlsx"], lambda tmp: render_verbale_xlsx(m, tmp, progress)))
    elif kind == "monitoring":  # the follow-up page's civic monitoring report (the whole mandate)
        from facilitator_app.core.followup.monitoring import load_monitoring
        from facilitator_app.exporters.monitoring import render_monitoring_pdf, render_monitoring_xlsx

        progress("Lettura dei dati", 0.02)
        mon = load_monitoring(store, public=public)
        if "pdf" in files:
            jobs.append((files["pdf"], lambda tmp: render_monitoring_pdf(mon, tmp, progress)))
        if "xlsx" in files:
            jobs.append((files["xlsx"], lambda tmp: render_monitoring_xlsx(mon, tmp, progress)))
    else:
        from facilitator_app.core.minutes.cycle import load_cycle
        from facilitator_app.exporters.cycle import render_cycle_pdf, render_cycle_xlsx

        progress("Lettura dei dati", 0.02)
        c = load_cycle(store, public=public, with_notes="xlsx" in files)
        if "pdf" in files:
            jobs.append((files["pdf"], lambda tmp: render_cycle_pdf(c, tmp, progress)))
        if "xlsx" in files:
            jobs.append((files["xlsx"], lambda tmp: render_cycle_xlsx(c, tmp, progress)))
    return jobs


class ExportJob(QRunnable):
    def __init__(self, db_path: Path, device: Device, kind: str, plenary_id: str | None, public: bool,
                 files: dict[str, Path], passphrase: str | None = None):
        super().__init__()
        self.setAutoDelete(False)  # the page keeps it until it reports back
        self.signals = _Signals()
        self.db_path, self.device, self.kind = Path(db_path), device, kind
        self.passphrase = passphrase  # an encrypted file's, for this thread's own connection
        self.plenary_id, self.public, self.files = plenary_id, public, dict(files)
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, n_files: int) -> Callable[[str, float], None]:
        state = {"file": 0, "last": -1.0}

        def report(stage: str, fraction: float) -> None:
            if self._cancel.is_set():
                raise Cancelled()
            if stage.endswith("pronto"):
                state["file"] += 1
            overall = min(1.0, (min(state["file"], n_files - 1) + fraction) / n_files) if n_files else fraction
            if overall - state["last"] >= 0.01 or fraction >= 1.0:
                state["last"] = overall
                self.signals.progress.emit(stage, overall)
        return report

    def run(self) -> None:
        from facilitator_app.exporters.atomic import write_all

        try:
            with Store(self.db_path, self.device, create=False,
                       passphrase=self.passphrase) as store:  # this thread's own connection
                progress = self._progress(len(self.files))
                results = write_all(_jobs(store, self.kind, self.plenary_id, self.public, self.files, progress),
                                    private=not self.public)
                from facilitator_app.core.privacy.audit import record

                for target in self.files.values():
                    record(store, "export", f"{self.kind} ({'public' if self.public else 'internal'})", target)
            self.signals.finished.emit(results)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported to the person, never a crash of the worker thread
            traceback.print_exc()
            # a known problem in the interface language, anything else as Python names it
            self.signals.failed.emit(error_text(exc) if isinstance(exc, CoreError) and exc.code
                                     else f"{type(exc).__name__}: {exc}")
        finally:
            self.done.set()


# Jobs the pool may still be running. A QRunnable whose Python object were collected while
# its run() is under way (its page closed mid-export) would crash the process: the set
# keeps every job alive until it has finished, whoever else lets go of it.
_RUNNING: set[ExportJob] = set()


def _keep(job: ExportJob) -> None:
    _RUNNING.difference_update([j for j in _RUNNING if j.done.is_set()])
    _RUNNING.add(job)


class _Relay(QObject):
    """Lives in the GUI thread: the worker's signals reach the dialog through its slots (queued)."""

    def __init__(self, dialog: QProgressDialog, title: str, on_done: Callable[[str, Any], None]):
        super().__init__(dialog)
        self.dialog, self.title, self.on_done = dialog, title, on_done

    @Slot(str, float)
    def progress(self, stage: str, fraction: float) -> None:
        self.dialog.setLabelText(f"{self.title}\n{stage}…")
        self.dialog.setValue(int(fraction * 100))

    def _finish(self, outcome: str, detail: Any) -> None:
        self.dialog.close()
        self.on_done(outcome, detail)

    @Slot(list)
    def finished(self, results: list) -> None:
        self._finish("done", results)

    @Slot(str)
    def failed(self, message: str) -> None:
        self._finish("failed", message)

    @Slot()
    def cancelled(self) -> None:
        self._finish("cancelled", None)


def start_export(parent: QWidget, job: ExportJob, title: str, on_done: Callable[[str, Any], None]) -> QProgressDialog:
    """Show a progress dialog and run `job` on the thread pool; on_done(outcome, detail) when it ends.

    outcome is "done" (detail: the results), "failed" (detail: the message) or "cancelled".
    """
    dialog = QProgressDialog(title, QCoreApplication.translate("MinutesExport", "Cancel"), 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    dialog.canceled.connect(job.cancel)
    relay = dialog.relay = _Relay(dialog, title, on_done)
    queued = Qt.ConnectionType.QueuedConnection
    job.signals.progress.connect(relay.progress, queued)
    job.signals.finished.connect(relay.finished, queued)
    job.signals.failed.connect(relay.failed, queued)
    job.signals.cancelled.connect(relay.cancelled, queued)
    _keep(job)
    QThreadPool.globalInstance().start(job)
    return dialog
