"""The sync status in words: one short line for the status bar, details for its tooltip."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from facilitator_app.core.sync.loop import StepReport
from facilitator_app.core.sync.status import PeerStatus
from facilitator_app.gui.i18n import fmt

CONTEXT = "Sync"
MAX_LISTED = 3          # more laptops than this: the status line sums them up (details in the tooltip)
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
    "other_key": QT_TRANSLATE_NOOP("Sync", "another passphrase (or not encrypted alike)"),
}


def translated(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("Sync", ...) above, in the interface language."""
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
        return fmt(QCoreApplication.translate("Sync", "%1 %2 (%3 waiting)"), p.name, when(p.last_package_at),
                   p.waiting)
    return fmt(QCoreApplication.translate("Sync", "%1 %2 ✓"), p.name, when(p.last_package_at))


def problem_text(report: StepReport | Exception) -> str | None:
    if isinstance(report, Exception):
        return fmt(translated(PROBLEMS["cannot_open"]), str(report))
    s = report.status
    if s.problem is None or s.problem == "no_folder":
        return None
    return fmt(translated(PROBLEMS.get(s.problem, PROBLEMS["unexpected"])), s.detail or s.problem)


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
        return QCoreApplication.translate("Sync", "Sync: no other laptop yet")
    if len(s.peers) <= MAX_LISTED:
        return fmt(QCoreApplication.translate("Sync", "Sync: %1"), " · ".join(peer_line(p) for p in s.peers))
    # A whole room (9 laptops or more): a summary, naming only those with changes on their way.
    latest = max((p.last_package_at for p in s.peers if p.last_package_at), default=None)
    line = fmt(QCoreApplication.translate("Sync", "Sync: %1 laptops, last package %2"), len(s.peers), when(latest))
    late = [p for p in s.peers if p.waiting]
    if late:
        names = ", ".join(p.name for p in late[:MAX_LISTED]) + (" …" if len(late) > MAX_LISTED else "")
        line = fmt(QCoreApplication.translate("Sync", "%1 · changes waiting: %2"), line, names)
    return line


def tooltip(report: StepReport | Exception | None) -> str:
    if report is None or isinstance(report, Exception):
        return problem_text(report) if report is not None else ""
    s = report.status
    lines = [fmt(QCoreApplication.translate("Sync", "Sync folder: %1"), s.folder or "–")]
    for p in s.peers:
        lines.append(fmt(QCoreApplication.translate(
            "Sync", "%1: last package %2; %3 of its changes on their way here, %4 of ours not yet there"),
                         p.name, when(p.last_package_at), p.waiting_in, p.waiting_out))
    if s.waiting_files:
        lines.append(fmt(QCoreApplication.translate("Sync", "Still arriving: %1"), ", ".join(s.waiting_files[:5])))
    if s.pending:
        lines.append(fmt(QCoreApplication.translate("Sync", "%1 items wait for changes not received yet"), s.pending))
    if s.set_aside:
        files = ", ".join(f"{a.file} ({translated(KINDS.get(a.kind, a.kind))})" for a in s.set_aside[:5])
        lines.append(fmt(QCoreApplication.translate("Sync", "Set aside: %1"), files))
    lines.append(fmt(QCoreApplication.translate("Sync", "Checked at %1"), when(s.at)))
    return "\n".join(lines)
