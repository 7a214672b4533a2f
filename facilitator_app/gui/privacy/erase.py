"""Erasing personal data from the window: one member (right to erasure) and the retention rule.

Both ask first, saying exactly what goes and what stays and that nothing brings it back; the
core erases in one transaction (with its audit log entry), compacts the file and replaces its
backups, and only then the result is shown. The undo stack is emptied: an earlier edit undone
would write the erased values back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget

from facilitator_app.core.errors import CoreError
from facilitator_app.core.privacy.erasure import ErasureReport, apply_retention, erase_member
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt


def what_goes_and_stays() -> str:
    return QCoreApplication.translate("Erasure", 
        "Removed, from this file, its change log and its backups, and on every laptop that receives the next "
        "packages: surname and first name, phone, e-mail, address, birth date, country, accessibility, dietary "
        "and other notes, badge code and external id; their name as author of notes, the reasons given for "
        "their absences and their reply to the letter of the selection by lot.\n\n"
        "Kept, without the name: gender, citizenship, municipio, education, cohort and term (the assembly's "
        "anonymous figures), their attendance and group seats, the text of their notes.\n\n"
        "This cannot be undone: Ctrl+Z does not bring the data back. The erasure is recorded in the audit log.")


def _busy(run):
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return run()
    finally:
        QApplication.restoreOverrideCursor()


def report_text(reports: list[ErasureReport]) -> str:
    fields = sum(len(r.fields) for r in reports)
    rewritten = sum(r.changes_rewritten for r in reports)
    removed = sum(r.changes_removed for r in reports)
    backups = max((r.backups_removed for r in reports), default=0)
    return fmt(QCoreApplication.translate("Erasure", "Personal data of %1 member(s) erased: %2 fields with a value, %3 changes of the log "
                  "rewritten and %4 removed, %5 old backups replaced by a new one; the file was compacted. "
                  "The other laptops erase the same data when they receive the next package."),
               len(reports), fields, rewritten, removed, backups)


def erase_one(ctx: AppContext, parent: QWidget | None, member_id: str) -> ErasureReport | None:
    """Ask, erase, tell: the report, or None when the person said no or it failed (already told)."""
    store = ctx.store
    member = store.get("members", member_id, include_deleted=True)
    if member is None:
        return None
    title = QCoreApplication.translate("Erasure", "Erase personal data")
    if store.scalar("SELECT 1 FROM erasures WHERE member_id = ? AND deleted = 0", (member_id,)):
        ctx.prompts.info(parent, title, QCoreApplication.translate("Erasure", "This member's personal data has already been erased."))
        return None
    name = " ".join(p for p in (member.get("surname"), member.get("first_name")) if p)
    question = fmt(QCoreApplication.translate("Erasure", "Erase the personal data of %1?"), name) + "\n\n" + what_goes_and_stays()
    if not ctx.prompts.confirm(parent, title, question):
        return None
    try:
        report = _busy(lambda: erase_member(store, member_id, reason="request"))
    except CoreError as exc:
        ctx.prompts.error(parent, title, error_text(exc))
        return None
    ctx.undo_stack.clear()
    ctx.prompts.info(parent, title, report_text([report]))
    return report


def apply_rule(ctx: AppContext, parent: QWidget | None, months: int, due: int) -> list[ErasureReport] | None:
    """Erase everyone due under the retention rule, after asking; the reports (None: not done)."""
    title = QCoreApplication.translate("Erasure", "Retention of personal data")
    question = (fmt(QCoreApplication.translate("Erasure", "Erase the personal data of the %1 former member(s) whose term ended more than %2 "
                       "months ago?"), due, months) + "\n\n" + what_goes_and_stays())
    if not ctx.prompts.confirm(parent, title, question):
        return None
    try:
        reports = _busy(lambda: apply_retention(ctx.store, months))
    except CoreError as exc:
        ctx.prompts.error(parent, title, error_text(exc))
        return None
    ctx.undo_stack.clear()
    ctx.prompts.info(parent, title, report_text(reports))
    return reports
