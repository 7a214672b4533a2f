"""The Sorteggio page's "Response" tab: import the invitation list, and the response rate of each stratum.

The import reads the file first (nothing written), says what it found (rows counted, rejected with their
reasons, personal columns not stored) and asks; only then the counts are replaced, undoably.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from facilitator_app.core.errors import CoreError
from facilitator_app.core.selection.invitations import invitations_info, overall_rate, response_rates
from facilitator_app.gui import undo
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import day, fmt, number
from facilitator_app.gui.tablemodel import RowsModel

MAX_LISTED = 12  # rejected rows named in the confirmation; the rest are counted



def percent(x: float | None, decimals: int = 1) -> str:
    """A share as a percentage the interface language writes (12,5% in Italian)."""
    return "" if x is None else fmt(QCoreApplication.translate("SelectionPage", "%1%"), number(x * 100, decimals))


def count(n: int | None) -> str:
    from PySide6.QtCore import QLocale

    return "—" if n is None else QLocale().toString(int(n))


class ResponseTab(QWidget):
    def __init__(self, ctx: AppContext, title, value_label, parent: QWidget | None = None):
        """`title(field)` and `value_label(field, value)` word characteristics as the page does."""
        super().__init__(parent)
        self.ctx, self._title, self._value = ctx, title, value_label
        v = QVBoxLayout(self)
        row = QHBoxLayout()
        self.import_button = QPushButton(QCoreApplication.translate("SelectionPage", "Import invitation list…"))
        self.import_button.setToolTip(QCoreApplication.translate("SelectionPage", "One row per invited resident, or counts per group: only the counts "
                                          "are kept, never names"))
        self.import_button.clicked.connect(lambda: self.import_file())
        self.summary = QLabel(wordWrap=True)
        row.addWidget(self.summary, 1)
        row.addWidget(self.import_button)
        v.addLayout(row)
        self.model = RowsModel([
            (QCoreApplication.translate("SelectionPage", "Characteristic"), lambda r: self._title(r.field)),
            (QCoreApplication.translate("SelectionPage", "Value"), lambda r: self._value(r.field, r.value)),
            (QCoreApplication.translate("SelectionPage", "Invited"), lambda r: count(r.invited)),
            (QCoreApplication.translate("SelectionPage", "Respondents"), lambda r: count(r.respondents)),
            (QCoreApplication.translate("SelectionPage", "Response rate"), lambda r: percent(r.rate)),
        ], parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        v.addWidget(self.view, 1)

    def reload(self) -> None:
        store = self.ctx.store
        info = invitations_info(store)
        self.model.set_rows(response_rates(store))
        if info is None:
            self.summary.setText(QCoreApplication.translate("SelectionPage", "No invitation list yet: import it to see the response rate of each group."))
            return
        invited, replied, rate = overall_rate(store)
        self.summary.setText(fmt(QCoreApplication.translate("SelectionPage", "%1 residents invited (%2, imported on %3); %4 replied: %5."), count(invited),
                                 info.get("source") or "—", day(info.get("imported_at")) or "—", count(replied),
                                 percent(rate)))

    def import_file(self, path: str | None = None) -> bool:
        """Read, say what was found, ask, then replace the counts (undoable). True when imported."""
        from facilitator_app.importers.invitations import apply_invitations_import, plan_invitations_import

        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, QCoreApplication.translate("SelectionPage", "Invitation list"), "",
                                                  QCoreApplication.translate("SelectionPage", "Spreadsheets (*.xlsx *.csv *.txt)"))
            if not path:
                return False
        try:
            plan = plan_invitations_import(self.ctx.store, path)
        except CoreError as exc:
            self.ctx.prompts.error(self, QCoreApplication.translate("SelectionPage", "Invitation list"), error_text(exc))
            return False
        s = plan.summary()
        if not plan.counts:
            self.ctx.prompts.error(self, QCoreApplication.translate("SelectionPage", "Invitation list"),
                                   QCoreApplication.translate("SelectionPage", "No row of this file could be counted; nothing was imported.") + "\n\n"
                                   + "\n".join(i.message for i in plan.rejected[:MAX_LISTED]))
            return False
        lines = [fmt(QCoreApplication.translate("SelectionPage", "%1 residents invited: %2 rows counted, %3 rejected, %4 duplicates (counted once), "
                         "%5 totals rows (not counted)."), count(plan.invited), s["counted"], s["rejected"],
                     s["duplicates"], s["totals_rows"]),
                 fmt(QCoreApplication.translate("SelectionPage", "Characteristics: %1."), ", ".join(self._title(f) for f in plan.counts))]
        if plan.personal:
            lines.append(fmt(QCoreApplication.translate("SelectionPage", "Columns with personal data, read past and not stored: %1."), ", ".join(plan.personal)))
        if plan.unmapped:
            lines.append(fmt(QCoreApplication.translate("SelectionPage", "Columns not used: %1."), ", ".join(plan.unmapped)))
        if plan.other_sheets:
            lines.append(fmt(QCoreApplication.translate("SelectionPage", "Sheets not read: %1."), ", ".join(plan.other_sheets)))
        issues = sorted([*plan.rejected, *plan.duplicates, *plan.totals_rows], key=lambda i: i.row)
        # The row messages are the importer's (English, like the pool's); the counts above are translated.
        lines += [i.message for i in issues[:MAX_LISTED]]
        if len(issues) > MAX_LISTED:
            lines.append(fmt(QCoreApplication.translate("SelectionPage", "… and %1 more rows."), len(issues) - MAX_LISTED))
        lines += plan.notes
        lines.append(QCoreApplication.translate("SelectionPage", "Replace the invitation counts with these?"))
        if not self.ctx.prompts.confirm(self, QCoreApplication.translate("SelectionPage", "Invitation list"), "\n".join(lines)):
            return False
        done = undo.run(self.ctx, QCoreApplication.translate("SelectionPage", "Import invitation list"), apply_invitations_import, plan, refused=CoreError,
                        title=QCoreApplication.translate("SelectionPage", "Invitation list"), parent=self)
        self.reload()
        return done is not None
