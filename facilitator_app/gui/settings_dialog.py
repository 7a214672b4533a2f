"""The assembly's settings: vocabularies (genders, education, citizenship, statuses,
age bands) and the representativeness targets, editable by the secretariat.

Both live in synced settings rows, so an edit travels to the other laptops. Saving
is one undoable action; keys already stored in member rows cannot be removed.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.members import targets as T
from facilitator_app.core.members.vocab import SETTING_KEY as VOCAB_KEY
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.i18n import fmt, number
from facilitator_app.gui.undo import run_watched

KINDS = ("gender", "education", "citizenship", "status", "age_bands", "language")


def kind_label(kind: str) -> str:
    return {"gender": QCoreApplication.translate("SettingsDialog", "Genders"), "education": QCoreApplication.translate("SettingsDialog", "Education levels"), "citizenship": QCoreApplication.translate("SettingsDialog", "Citizenship"),
            "status": QCoreApplication.translate("SettingsDialog", "Member statuses"), "age_bands": QCoreApplication.translate("SettingsDialog", "Age bands"),
            "language": QCoreApplication.translate("SettingsDialog", "Languages for messages to members")}[kind]


class EntriesModel(QAbstractTableModel):
    """One vocabulary: key (fixed once used), label, synonyms (or min/max age for bands)."""

    def __init__(self, entries: list[dict[str, Any]], bands: bool, used: set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.entries, self.bands, self.used = entries, bands, used
        self.columns = ["key", "label", "min", "max"] if bands else ["key", "label", "synonyms"]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {"key": QCoreApplication.translate("SettingsDialog", "Code"), "label": QCoreApplication.translate("SettingsDialog", "Label"), "synonyms": QCoreApplication.translate("SettingsDialog", "Also written as (comma-separated)"),
                    "min": QCoreApplication.translate("SettingsDialog", "From age"), "max": QCoreApplication.translate("SettingsDialog", "To age")}[self.columns[section]]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        entry = self.entries[index.row()]
        if self.columns[index.column()] == "key" and entry.get("key") in self.used:
            return base  # stored in member rows: renaming it would orphan them
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        value = self.entries[index.row()].get(self.columns[index.column()])
        if isinstance(value, list):
            return ", ".join(value)
        return "" if value is None else str(value)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        col = self.columns[index.column()]
        text = str(value).strip()
        entry = self.entries[index.row()]
        if col == "synonyms":
            entry[col] = [s.strip() for s in text.split(",") if s.strip()]
        elif col in ("min", "max"):
            if text and not text.isdecimal():
                return False
            entry[col] = int(text) if text else None
        else:
            if not text:
                return False
            entry[col] = text
        self.dataChanged.emit(index, index)
        return True

    def add(self) -> None:
        self.beginInsertRows(QModelIndex(), len(self.entries), len(self.entries))
        self.entries.append({"key": "", "label": "", "min": None, "max": None} if self.bands
                            else {"key": "", "label": "", "synonyms": []})
        self.endInsertRows()

    def remove(self, row: int) -> bool:
        if self.entries[row].get("key") in self.used:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.entries[row]
        self.endRemoveRows()
        return True


class TargetsModel(QAbstractTableModel):
    """Target share per field and category, edited as percentages."""

    def __init__(self, targets: T.Targets, vocab: Vocabularies, parent: QWidget | None = None):
        super().__init__(parent)
        self.targets = targets
        self.rows = [(f, k) for f in T.FIELDS for k in targets.get(f, {})]
        self.vocab = vocab

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (QCoreApplication.translate("SettingsDialog", "Characteristic"), QCoreApplication.translate("SettingsDialog", "Category"), QCoreApplication.translate("SettingsDialog", "Target %"))[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else base

    def _category(self, fld: str, key: str) -> str:
        if fld == "municipio":
            return fmt(QCoreApplication.translate("SettingsDialog", "Municipio %1"), key)
        kind = {"gender": "gender", "age_band": "age_bands", "citizenship": "citizenship",
                "education": "education"}[fld]
        return self.vocab.label(kind, key)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        fld, key = self.rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if index.column() == 0:
            return FIELD_LABELS()[fld]
        if index.column() == 1:
            return self._category(fld, key)
        return number(self.targets[fld][key] * 100, 1)  # 12,5 in Italian; setData reads either mark

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        try:
            pct = float(str(value).replace(",", ".").replace("%", "").strip())
        except ValueError:
            return False
        if not 0 <= pct <= 100:
            return False
        fld, key = self.rows[index.row()]
        self.targets[fld][key] = round(pct / 100, 4)
        self.dataChanged.emit(index, index)
        return True

    def sums(self) -> dict[str, float]:
        return {f: sum(v.values()) for f, v in self.targets.items()}


def FIELD_LABELS() -> dict[str, str]:
    return {"gender": QCoreApplication.translate("SettingsDialog", "Gender"), "age_band": QCoreApplication.translate("SettingsDialog", "Age band"), "citizenship": QCoreApplication.translate("SettingsDialog", "Citizenship"),
            "municipio": QCoreApplication.translate("SettingsDialog", "Municipio"), "education": QCoreApplication.translate("SettingsDialog", "Education")}


def used_keys(ctx: AppContext) -> dict[str, set[str]]:
    """Vocabulary keys stored in member rows (they cannot be removed or renamed)."""
    from facilitator_app.core.members.members import list_members

    used: dict[str, set[str]] = {k: set() for k in KINDS}
    for m in list_members(ctx.store):
        for kind, fld in (("gender", "gender"), ("education", "education"), ("citizenship", "citizenship"),
                          ("status", "status"), ("language", "language")):
            if m.get(fld):
                used[kind].add(m[fld])
    return used


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(QCoreApplication.translate("SettingsDialog", "Assembly settings"))
        self.resize(820, 560)
        self.vocab = Vocabularies(copy.deepcopy(Vocabularies.load(ctx.store).data))
        self.targets = copy.deepcopy(T.load_targets(ctx.store))
        used = used_keys(ctx)

        self.tabs = QTabWidget()
        # -- vocabularies
        vocab_page = QWidget()
        self.kind_box = QComboBox()
        for kind in KINDS:
            self.kind_box.addItem(kind_label(kind), kind)
        self.models = {k: EntriesModel(self.vocab.data[k], k == "age_bands", used.get(k, set()), self) for k in KINDS}
        self.vocab_view = QTableView()
        self.vocab_view.horizontalHeader().setStretchLastSection(True)
        self.vocab_view.verticalHeader().hide()
        self.kind_box.currentIndexChanged.connect(self._show_kind)
        add, remove = QPushButton(QCoreApplication.translate("SettingsDialog", "Add")), QPushButton(QCoreApplication.translate("SettingsDialog", "Remove"))
        add.clicked.connect(lambda: self.models[self.kind].add())
        remove.clicked.connect(self._remove_entry)
        top = QHBoxLayout()
        top.addWidget(self.kind_box)
        top.addStretch(1)
        top.addWidget(add)
        top.addWidget(remove)
        hint = QLabel(QCoreApplication.translate("SettingsDialog", "Codes already used by members cannot be changed or removed. Labels are what people "
                         "read; the other spellings are recognised when a roster is imported."))
        hint.setWordWrap(True)
        v = QVBoxLayout(vocab_page)
        v.addLayout(top)
        v.addWidget(self.vocab_view, 1)
        v.addWidget(hint)
        self.tabs.addTab(vocab_page, QCoreApplication.translate("SettingsDialog", "Vocabularies"))
        # -- targets
        targets_page = QWidget()
        self.targets_model = TargetsModel(self.targets, self.vocab, self)
        self.targets_view = QTableView()
        self.targets_view.setModel(self.targets_model)
        self.targets_view.verticalHeader().hide()
        self.targets_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        reset = QPushButton(QCoreApplication.translate("SettingsDialog", "Restore the official figures"))
        reset.clicked.connect(self._reset_targets)
        sources = T.population_sources()
        src = QLabel(QCoreApplication.translate("SettingsDialog", "Default figures: Milan's residents (Comune di Milano open data, ISTAT); sources and dates in resources/data/milano_population.csv."))
        # The full list of sources is long: it stays one hover away.
        src.setToolTip("\n".join(f"{FIELD_LABELS().get(f, f)}: {'; '.join(dict.fromkeys(v))}"
                                  for f, v in sources.items() if f in FIELD_LABELS()))
        src.setWordWrap(True)
        self.sum_label = QLabel()
        self.targets_model.dataChanged.connect(self._update_sums)
        t = QVBoxLayout(targets_page)
        t.addWidget(self.targets_view, 1)
        t.addWidget(self.sum_label)
        t.addWidget(src)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(reset)
        t.addLayout(row)
        self.tabs.addTab(targets_page, QCoreApplication.translate("SettingsDialog", "Representativeness targets"))

        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_kind()
        self._update_sums()

    @property
    def kind(self) -> str:
        return self.kind_box.currentData()

    def _show_kind(self) -> None:
        self.vocab_view.setModel(self.models[self.kind])
        self.vocab_view.resizeColumnsToContents()

    def _remove_entry(self) -> None:
        rows = self.vocab_view.selectionModel().selectedRows() or (
            [self.vocab_view.currentIndex()] if self.vocab_view.currentIndex().isValid() else [])
        if rows and not self.models[self.kind].remove(rows[0].row()):
            self.error.setText(QCoreApplication.translate("SettingsDialog", "This code is used by members: it cannot be removed."))

    def _reset_targets(self) -> None:
        self.targets_model.beginResetModel()
        self.targets.clear()
        self.targets.update(T.default_targets(self.vocab))
        self.targets_model.rows = [(f, k) for f in T.FIELDS for k in self.targets.get(f, {})]
        self.targets_model.endResetModel()
        self._update_sums()

    def _update_sums(self) -> None:
        off = [f for f, s in self.targets_model.sums().items() if abs(s - 1) > T.SUM_TOLERANCE]
        self.sum_label.setText(fmt(QCoreApplication.translate("SettingsDialog", "These add up to %1 instead of 100%: %2"),
                                   ", ".join(f"{number(self.targets_model.sums()[f] * 100, 1)}%" for f in off),
                                   ", ".join(FIELD_LABELS()[f] for f in off)) if off else QCoreApplication.translate("SettingsDialog", "Every characteristic "
                                                                                              "adds up to 100%."))

    def problems(self) -> list[str]:
        out = []
        for kind in KINDS:
            keys = [e.get("key") for e in self.vocab.data[kind]]
            if any(not k or not e.get("label") for k, e in zip(keys, self.vocab.data[kind])):
                out.append(fmt(QCoreApplication.translate("SettingsDialog", "%1: every entry needs a code and a label."), kind_label(kind)))
            if len(set(keys)) != len(keys):
                out.append(fmt(QCoreApplication.translate("SettingsDialog", "%1: two entries have the same code."), kind_label(kind)))
        for band in self.vocab.data["age_bands"]:
            if band.get("min") is None:
                out.append(QCoreApplication.translate("SettingsDialog", "Age bands: every band needs a starting age."))
                break
        if any(abs(s - 1) > T.SUM_TOLERANCE for s in self.targets_model.sums().values()):
            out.append(QCoreApplication.translate("SettingsDialog", "Targets: the shares of each characteristic must add up to 100%."))
        return out

    def save(self) -> None:
        problems = self.problems()
        if problems:
            self.error.setText("\n".join(problems))
            return

        def action() -> None:
            with self.ctx.store.transaction():
                self.vocab.save(self.ctx.store)
                T.save_targets(self.ctx.store, self.targets)

        run_watched(self.ctx, QCoreApplication.translate("SettingsDialog", "change the assembly settings"),
                    lambda: [("settings", VOCAB_KEY), ("settings", T.SETTING_KEY)], action,
                    lambda _r: [("settings", VOCAB_KEY), ("settings", T.SETTING_KEY)])
        self.accept()
