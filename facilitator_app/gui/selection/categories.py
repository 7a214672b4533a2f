"""The quotas editor's "Add category" dialog: a column of the pool file and the population share of each value."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget,
)

from facilitator_app.core.errors import CoreError
from facilitator_app.core.selection.categories import categories, category_key, parse_share, pool_values
from facilitator_app.core.store.store import Store
from facilitator_app.gui.errors import error_text



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
