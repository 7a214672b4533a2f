"""Further categories in the quotas editor: the "Add category" dialog (a column of the pool file and the
population share of each value) and the page's add/remove actions (`CategoryActions`, mixed into the page)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget,
)

from facilitator_app.core.errors import CoreError
from facilitator_app.core.selection.categories import (
    add_category, categories, category_key, parse_share, pool_values, remove_category,
)
from facilitator_app.core.selection.model import quotas_from_targets
from facilitator_app.core.store.store import Store
from facilitator_app.gui import undo
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt



def pool_columns(store: Store) -> list[str]:
    """Keys of the further columns the pool kept (respondents.extra), not yet categories."""
    import json

    keys: dict[str, None] = {}
    for r in store.select("respondents"):
        if r.get("extra"):
            keys.update(dict.fromkeys(json.loads(r["extra"])))
    taken = categories(store)
    return [k for k in keys if k not in taken]


class CategoryDialog(QDialog):
    """Gives (name, {value: share}) through `result_category` once accepted; refuses bad shares in words."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(QCoreApplication.translate("SelectionPage", "Add a category"))
        self.result_category: tuple[str, dict[str, float]] | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(QCoreApplication.translate("SelectionPage", "A further characteristic for the quotas: a column of the pool file, with the "
                                 "share of Milan's population for each of its values."), wordWrap=True))
        form = QFormLayout()
        self.name_combo = QComboBox(editable=True)
        for k in pool_columns(store):
            self.name_combo.addItem(k.replace("_", " ").capitalize(), k)
        self.name_combo.setAccessibleName(QCoreApplication.translate("SelectionPage", "Category"))
        self.shares_edit = QPlainTextEdit()
        self.shares_edit.setPlaceholderText(QCoreApplication.translate("SelectionPage", "One value per line with its share, e.g.\nAffitto = 35%\n"
                                                "Proprietà = 60%\nAltro = 5%"))
        self.shares_edit.setAccessibleName(QCoreApplication.translate("SelectionPage", "Shares"))
        form.addRow(QCoreApplication.translate("SelectionPage", "Category (pool column):"), self.name_combo)
        form.addRow(QCoreApplication.translate("SelectionPage", "Shares of Milan's population:"), self.shares_edit)
        lay.addLayout(form)
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("color: #a00")
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.name_combo.currentTextChanged.connect(self._prefill)
        self._prefill(self.name_combo.currentText())

    def _prefill(self, name: str) -> None:
        """The values the pool has for this column, each waiting for its share."""
        if self.shares_edit.toPlainText().strip() and not getattr(self, "_prefilled", False):
            return
        values = pool_values(self.store, category_key(name))
        self.shares_edit.setPlainText("\n".join(f"{v} = " for v in sorted(values)))
        self._prefilled = True

    def _try_accept(self) -> None:
        shares: dict[str, float] = {}
        try:
            for line in self.shares_edit.toPlainText().splitlines():
                if line.strip():
                    v, s = parse_share(line)
                    shares[v] = s
        except CoreError as exc:
            self.error.setText(error_text(exc))
            return
        name = self.name_combo.currentText().strip()
        if not name or not shares:
            self.error.setText(QCoreApplication.translate("SelectionPage", "Give the category's name and the share of each value."))
            return
        self.result_category = (name, shares)
        self.accept()


class CategoryActions:
    """The Sorteggio page's add/remove category actions (needs ctx, quotas_model, quotas_view, panel_spin)."""

    def open_category_dialog(self) -> CategoryDialog:
        """Non-blocking: the category is added when the dialog is accepted."""
        dlg = self._category_dialog = CategoryDialog(self.ctx.store, self)
        dlg.accepted.connect(lambda: self._category_chosen(dlg))
        dlg.open()
        return dlg

    def _category_chosen(self, dlg: CategoryDialog) -> None:
        name, shares = dlg.result_category
        res = undo.run(self.ctx, QCoreApplication.translate("SelectionPage", "Add category"), add_category, name,
                       shares, refused=CoreError, title=QCoreApplication.translate("SelectionPage", "Category"),
                       parent=self)
        if res is None:
            return
        q = self.quotas_model.quotas
        if q is not None:  # the new quotas join the ones being edited (not saved until "Save quotas")
            q.panel = self.panel_spin.value()
            q.fields[res["key"]] = quotas_from_targets({res["key"]: res["shares"]}, q.panel).fields[res["key"]]
            self._cats = categories(self.ctx.store)
            self._show_quotas(q)
        if not res["respondents"]:
            self.ctx.prompts.info(self, QCoreApplication.translate("SelectionPage", "Category"), fmt(
                QCoreApplication.translate("SelectionPage", "No respondent has an answer in a column “%1”: check that "
                                           "the name is the column's header in the pool file, then import the pool "
                                           "again."), res["name"]))
        elif res["unknown"]:
            self.ctx.prompts.info(self, QCoreApplication.translate("SelectionPage", "Category"), fmt(
                QCoreApplication.translate("SelectionPage", "Some respondents have values with no share (%1): they "
                                           "cannot be drawn until you add them."), ", ".join(res["unknown"])))

    def remove_selected_category(self) -> None:
        idx = self.quotas_view.currentIndex()
        fld = self.quotas_model.field_at(idx.row()) if idx.isValid() else None
        if fld not in self._cats:
            self.ctx.prompts.info(self, QCoreApplication.translate("SelectionPage", "Category"),
                                  QCoreApplication.translate("SelectionPage", "Select a quota of a further category "
                                                             "to remove it (the five characteristics stay)."))
            return
        if undo.run(self.ctx, QCoreApplication.translate("SelectionPage", "Remove category"), remove_category,
                    self._cats[fld]["name"], refused=CoreError,
                    title=QCoreApplication.translate("SelectionPage", "Category"), parent=self) is None:
            return
        q = self.quotas_model.quotas
        if q is not None:
            q.fields.pop(fld, None)
            self._show_quotas(q)
