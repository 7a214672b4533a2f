"""The capture bar: type, press Enter, and the note is saved and on the wall.

Keyboard first: Alt+1…9 choose the category (Alt+0 none), `#5.1.4` or
`#mobilità` in the text add a tag, Enter saves (before the field clears), the
author and tags chosen for one note reset after it; the category stays.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.notes import notes as N
from facilitator_app.core.notes import tags as T
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.notes import commands
from facilitator_app.gui.notes.items import tint


class CaptureBar(QWidget):
    captured = Signal(str)   # note id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.plenary_id: str | None = None
        self.group_id: str | None = None
        self.field = QLineEdit()
        self.field.setObjectName("captureField")
        self.field.setPlaceholderText(self.tr("Type what was said and press Enter  (#5.1.4 or #mobilità adds a tag)"))
        self.field.setMinimumHeight(44)
        font = self.field.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.field.setFont(font)
        self.field.returnPressed.connect(self.submit)
        self.field.textEdited.connect(lambda _t: self.message.setText(""))
        self.author = QComboBox()
        self.author.setMinimumWidth(190)
        self.author.setToolTip(self.tr("Who said it (optional)"))
        self.tags_button = QToolButton()
        self.tags_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tags_menu = QMenu(self)
        self.tags_button.setMenu(self.tags_menu)
        self.tags_menu.triggered.connect(lambda _a: self._show_tags())
        self.categories = QButtonGroup(self)
        self.categories.setExclusive(True)
        self.cat_row = QHBoxLayout()
        self.cat_row.setSpacing(6)
        self.message = QLabel()
        self.message.setObjectName("captureMessage")
        self.message.setStyleSheet("color: #B71C1C; font-weight: 600;")

        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.author)
        row.addWidget(self.tags_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        bottom = QHBoxLayout()
        bottom.addLayout(self.cat_row)
        bottom.addWidget(self.message, 1)
        layout.addLayout(bottom)
        for n in range(10):
            QShortcut(QKeySequence(f"Alt+{n}"), self, activated=lambda n=n: self.choose_category(n),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reload_lists()

    # -- lists --------------------------------------------------------------------------------
    def reload_lists(self) -> None:
        store = self.ctx.store
        current = self.category_id()
        for b in self.categories.buttons():
            self.categories.removeButton(b)
            self.cat_row.removeWidget(b)
            b.hide()
            b.deleteLater()
        self._cats = N.categories(store)
        for i, c in enumerate(self._cats[:9], 1):
            b = QPushButton(fmt(self.tr("%1  Alt+%2"), c["name"], i))
            b.setCheckable(True)
            b.setMinimumHeight(34)
            b.setProperty("category_id", c["id"])
            color = c["color"] or "#9E9E9E"
            b.setStyleSheet(f"QPushButton {{ background: {tint(color).name()}; border: 2px solid {color};"
                            f" border-radius: 6px; padding: 4px 12px; font-weight: 600; color: #1B1B1B; }}"
                            f"QPushButton:checked {{ background: {color}; color: white; }}")
            self.categories.addButton(b, i)
            self.cat_row.addWidget(b)
        ids = [c["id"] for c in self._cats]
        self.choose_category(ids.index(current) + 1 if current in ids else (1 if ids else 0))
        self.tags_menu.clear()
        themes = T.themes(store)
        if themes:
            self.tags_menu.addSection(self.tr("Themes"))
        for t in themes:
            self.tags_menu.addAction(self._tag_action(t["name"], t["name"]))
        actions = T.plan_actions(store)
        if actions:
            self.tags_menu.addSection(self.tr("Air and Climate Plan actions"))
        for a in actions:
            self.tags_menu.addAction(self._tag_action(a["code"], f"{a['code']}  {a['title'] or ''}".strip()))
        self._choices = T.tag_choices(store)
        self._show_tags()
        self._fill_authors()

    def _tag_action(self, tag: str, label: str) -> QAction:
        action = QAction(label, self.tags_menu, checkable=True)
        action.setData(tag)
        return action

    def _fill_authors(self) -> None:
        self.author.clear()
        self.author.addItem(self.tr("Anonymous"), None)
        if self.group_id:
            for m in N.group_members(self.ctx.store, self.group_id):
                self.author.addItem(f"{m['surname']} {m['first_name']}", m["id"])

    def set_group(self, plenary_id: str | None, group_id: str | None) -> None:
        self.plenary_id, self.group_id = plenary_id, group_id
        self._fill_authors()
        self.setEnabled(group_id is not None)

    # -- choices ------------------------------------------------------------------------------
    def choose_category(self, n: int) -> None:
        if n == 0 or self.categories.button(n) is None:
            checked = self.categories.checkedButton()
            if checked is not None:
                self.categories.setExclusive(False)
                checked.setChecked(False)
                self.categories.setExclusive(True)
            return
        self.categories.button(n).setChecked(True)

    def category_id(self) -> str | None:
        b = self.categories.checkedButton() if hasattr(self, "categories") else None
        return b.property("category_id") if b is not None else None

    def chosen_tags(self) -> list[str]:
        return [a.data() for a in self.tags_menu.actions() if a.isCheckable() and a.isChecked()]

    def _show_tags(self) -> None:
        tags = self.chosen_tags()
        self.tags_button.setText(fmt(self.tr("Tags: %1"), ", ".join(tags)) if tags else self.tr("Tags…"))

    # -- Enter ---------------------------------------------------------------------------------
    def submit(self) -> str | None:
        typed = self.field.text()
        text, hash_tags = T.parse_capture(typed, self._choices)
        if not text.strip():
            self.message.setText(self.tr("Write something first: an empty note is not saved."))
            return None
        if self.group_id is None:
            self.message.setText(self.tr("Choose a plenary and a group first."))
            return None
        tags = self.chosen_tags() + [t for t in hash_tags if t not in self.chosen_tags()]
        note_id = commands.run(self.ctx, self.tr("Add note"), N.add_note, self.plenary_id, self.group_id, text,
                               category_id=self.category_id(), author_member_id=self.author.currentData(),
                               tags=tags, parent=self)
        if note_id is None:
            return None
        # Saved and on the wall (the scene follows the commit): now the field may clear.
        self.field.clear()
        self.message.setText("")
        self.author.setCurrentIndex(0)
        for a in self.tags_menu.actions():
            if a.isCheckable():
                a.setChecked(False)
        self._show_tags()
        self.captured.emit(note_id)
        return note_id
