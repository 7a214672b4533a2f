"""The sync status in words: one short line for the status bar, details for its tooltip."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from facilitator_app.core.sync.loop import StepReport
from facilitator_app.core.sync.status import PeerStatus
from facilitator_app.gui.i18n import fmt

CONTEXT = "Sync"
PROBLEMS = {
    "unavailable": QT_TRANSLATE_NOOP("Sync", "Sync folder not available (stick pulled out? share offline?): "
                                             "waiting for it"),
    "folder_error": QT_TRANSLATE_NOOP("Sync", "The sync folder could not be used: %1"),
    "busy": QT_TRANSLATE_NOOP("Sync", "Sync paused a moment: the file was busy"),
    "unexpected": QT_TRANSLATE_NOOP("Sync", "Sync ran into a problem and will try again: %1"),
    "cannot_open": QT_TRANSLATE_NOOP("Sync", "Sync could not open the assembly file: %1"),
}
KINDS = {
    "damaged": QT_TRANSLATE_NOOP("Sync", "damaged"),
    "foreign": QT_TRANSLATE_NOOP("Sync", "not a package"),
    "other_assembly": QT_TRANSLATE_NOOP("Sync", "another assembly"),
    "newer": QT_TRANSLATE_NOOP("Sync", "newer app version"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def when(iso: str | None) -> str:
    """HH:MM today, dd/mm/yyyy HH:MM before (local time); a dash if never."""
    if not iso:
        return "–"
    try:
        t = datetime.fromisoformat(iso)
    except ValueError:
        return "–"
    if t.tzinfo is None:
        t = t.replace(tzinfo=timezone.utc)
    t = t.astimezone()
    return t.strftime("%H:%M") if t.date() == datetime.now().astimezone().date() else t.strftime("%d/%m/%Y %H:%M")


def peer_line(p: PeerStatus) -> str:
    if p.waiting:
        return fmt(tr("%1 %2 (%3 waiting)"), p.name, when(p.last_package_at), p.waiting)
    return fmt(tr("%1 %2 ✓"), p.name, when(p.last_package_at))


def problem_text(report: StepReport | Exception) -> str | None:
    if isinstance(report, Exception):
        return fmt(tr(PROBLEMS["cannot_open"]), str(report))
    s = report.status
    if s.problem is None or s.problem == "no_folder":
        return None
    return fmt(tr(PROBLEMS.get(s.problem, PROBLEMS["unexpected"])), s.detail or s.problem)


def status_line(report: StepReport | Exception | None) -> str:
    if report is None:
        return ""
    problem = problem_text(report)
    if problem:
        return problem
    s = report.status
    if s.problem == "no_folder":
        return ""
    if not s.peers:
        return tr("Sync: no other laptop yet")
    return fmt(tr("Sync: %1"), " · ".join(peer_line(p) for p in s.peers))


def tooltip(report: StepReport | Exception | None) -> str:
    if report is None or isinstance(report, Exception):
        return problem_text(report) if report is not None else ""
    s = report.status
    lines = [fmt(tr("Sync folder: %1"), s.folder or "–")]
    for p in s.peers:
        lines.append(fmt(tr("%1: last package %2; %3 of its changes on their way here, %4 of ours not yet there"),
                         p.name, when(p.last_package_at), p.waiting_in, p.waiting_out))
    if s.waiting_files:
        lines.append(fmt(tr("Still arriving: %1"), ", ".join(s.waiting_files[:5])))
    if s.pending:
        lines.append(fmt(tr("%1 items wait for changes not received yet"), s.pending))
    if s.set_aside:
        lines.append(fmt(tr("Set aside: %1"), ", ".join(f"{a.file} ({tr(KINDS.get(a.kind, a.kind))})"
                                                         for a in s.set_aside[:5])))
    lines.append(fmt(tr("Checked at %1"), when(s.at)))
    return "\n".join(lines)
