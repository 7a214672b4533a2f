"""Post-it: the page of a group's wall: capture bar, filters, the wall, and its actions.

The page turns what the wall reports (drops, votes, edits) and the menu and
keyboard actions into undoable core actions (`commands.run`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton, QVBoxLayout, QWidget

from facilitator_app.core.notes import notes as N
from facilitator_app.core.notes import tags as T
from facilitator_app.core.plenaries.plenaries import list_plenaries
from facilitator_app.core.recommendations import recommendations as R
from facilitator_app.core.store.store import Changes
from facilitator_app.core.text import fold
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.notes import commands
from facilitator_app.gui.notes.capture import CaptureBar
from facilitator_app.gui.notes.items import ClusterItem, NoteCard
from facilitator_app.gui.notes.wall import WallScene, WallView
from facilitator_app.gui.plenary_box import default_index, fill_plenary_box


class NotesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.plenary_box = QComboBox()
        self.group_box = QComboBox()
        self.scene = WallScene(ctx, True, self)
        self.view = WallView(self.scene)
        self.capture = CaptureBar(ctx)
        self.capture.captured.connect(self._show_new)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search notes…"))
        self.search.setClearButtonEnabled(True)
        self.category_filter, self.tag_filter, self.author_filter = QComboBox(), QComboBox(), QComboBox()
        # Sized by a few characters, not by the longest title or tag: the wall must fit a laptop screen.
        for box, chars in ((self.plenary_box, 18), (self.group_box, 12), (self.category_filter, 12),
                           (self.tag_filter, 12), (self.author_filter, 12)):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(chars)
        self.count_label = QLabel()
        self.notice = QLabel()
        self.notice.setObjectName("wallNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel#wallNotice { background: #e8f5e9; color: #1b5e20; font-weight: 600; "
                                  "border-radius: 4px; padding: 4px 10px; }")
        self.notice.hide()
        self.search.textChanged.connect(self.apply_filter)
        for box in (self.category_filter, self.tag_filter, self.author_filter):
            box.currentIndexChanged.connect(self.apply_filter)

        buttons = []
        # lambda: fit(): clicked(bool) would pass False as fit's `items`
        for label, slot in ((self.tr("−"), lambda: self.view.zoom_by(0.8)), (self.tr("Fit"), lambda: self.view.fit()),
                            (self.tr("+"), lambda: self.view.zoom_by(1.25)),
                            (self.tr("New cluster"), self.new_cluster), (self.tr("Photos…"), self.open_photos),
                            (self.tr("Categories…"), self.open_categories),
                            (self.tr("Show on projector"), self.project)):
            b = QPushButton(label)
            b.clicked.connect(slot)
            if len(label) == 1:  # the zoom buttons − and +: no need for a full-size button
                b.setFixedWidth(b.sizeHint().height() + 8)
            buttons.append(b)
        self.project_button = buttons[-1]

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Plenary")))
        top.addWidget(self.plenary_box)
        top.addWidget(QLabel(self.tr("Group")))
        top.addWidget(self.group_box)
        top.addStretch(1)
        for b in buttons:
            top.addWidget(b)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for box in (self.category_filter, self.tag_filter, self.author_filter):
            filters.addWidget(box, 1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.capture)
        layout.addLayout(filters)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)

        self.scene.vote_requested.connect(self.vote)
        self.scene.dropped.connect(self.on_drop)
        self.view.text_edited.connect(self.edit_text)
        self.view.title_edited.connect(self.rename)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self.context_menu)
        self.plenary_box.currentIndexChanged.connect(self._fill_groups)
        self.group_box.currentIndexChanged.connect(self._group_changed)
        ctx.changed.connect(self._on_changed)
        ctx.store_replaced.connect(self._store_replaced)
        self.scene.loaded.connect(self._fill_filters)
        for keys, slot in (("Delete", self.delete_selection), ("V", lambda: self.vote_selection(1)),
                           ("Shift+V", lambda: self.vote_selection(-1)), ("Ctrl+G", self.new_cluster),
                           ("Ctrl+Shift+G", self.uncluster_selection), ("F2", self.edit_selection),
                           ("Ctrl+F", self.search.setFocus), ("Ctrl+L", self.capture.field.setFocus)):
            QShortcut(QKeySequence(keys), self.view if keys in ("Delete", "V", "Shift+V", "F2") else self,
                      activated=slot)
        self.reload()

    # -- choosing the wall ---------------------------------------------------------------------
    def _store_replaced(self) -> None:
        self.view.close_editor()
        self.search.clear()
        self.capture.field.clear()
        self.capture.message.clear()
        self.reload()

    def reload(self) -> None:
        plenaries = list_plenaries(self.ctx.store)
        fill_plenary_box(self.plenary_box, plenaries, self.tr("Plenary %1 — %2"),
                         default_index(self.ctx.store, plenaries))
        self.capture.reload_lists()
        self._fill_groups()

    def _fill_groups(self) -> None:
        self.group_box.blockSignals(True)
        self.group_box.clear()
        pid = self.plenary_box.currentData()
        for g in N.groups_of(self.ctx.store, pid) if pid else []:
            self.group_box.addItem(g["name"], g["id"])
        self.group_box.blockSignals(False)
        self._group_changed()

    def _group_changed(self) -> None:
        self.notice.hide()
        gid = self.group_box.currentData()
        self.capture.set_group(self.plenary_box.currentData(), gid)
        self.scene.load(gid)
        self.view.fit()

    def select_group(self, plenary_id: str, group_id: str) -> None:
        self.plenary_box.setCurrentIndex(self.plenary_box.findData(plenary_id))
        self.group_box.setCurrentIndex(self.group_box.findData(group_id))

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("note_categories", "themes", "plan_actions"):
            self.capture.reload_lists()
            self._fill_filters()
        elif changes.touches("group_members"):
            self.capture.set_group(self.plenary_box.currentData(), self.group_box.currentData())
        if changes.touches("plenaries", "groups"):
            self.reload()
        elif changes.touches("notes"):
            self._update_count()

    # -- filters ---------------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        store = self.ctx.store
        for box, first, items in (
                (self.category_filter, self.tr("All categories"), [(c["name"], c["id"]) for c in N.categories(store)]),
                (self.tag_filter, self.tr("All tags"), [(t, t) for t in T.tag_choices(store)]),
                (self.author_filter, self.tr("All authors"),
                 [(self.tr("Anonymous"), "")] + [(f"{m['surname']} {m['first_name']}", m["id"]) for m in
                                                 (N.group_members(store, self.scene.group_id) if self.scene.group_id else [])])):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(first, None)
            for label, data in items:
                box.addItem(label, data)
            box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
            box.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        words = fold(self.search.text()).split()
        cat, tag, author = (b.currentData() for b in (self.category_filter, self.tag_filter, self.author_filter))
        if not words and cat is None and tag is None and author is None:
            self.scene.set_filter(None)
        else:
            def match(d) -> bool:
                hay = fold(" ".join((d.text, d.author, d.category, *d.tags)))
                return (all(w in hay for w in words) and (cat is None or d.category_id == cat)
                        and (tag is None or tag in d.tags)
                        and (author is None or (d.author_id or "") == author))
            self.scene.set_filter(match)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = len(self.scene.cards), len(self.scene.matching())
        self.count_label.setText(fmt(self.tr("%1 notes"), total) if shown == total
                                 else fmt(self.tr("%1 of %2 notes"), shown, total))

    def _show_new(self, note_id: str) -> None:
        card = self.scene.cards.get(note_id)
        if card is not None:
            self.view.ensureVisible(card, 40, 40)

    # -- actions ---------------------------------------------------------------------------------
    def vote(self, target_type: str, target_id: str, delta: int) -> None:
        text = self.tr("Add a dot") if delta > 0 else self.tr("Remove a dot")
        commands.run(self.ctx, text, N.vote, target_type, target_id, delta, parent=self)

    def vote_selection(self, delta: int) -> None:
        for i in self.scene.selectedItems():
            self.vote(i.kind, i.id, delta)

    def edit_text(self, note_id: str, text: str) -> None:
        commands.run(self.ctx, self.tr("Edit note"), N.update_note, note_id, {"text": text}, parent=self)

    def rename(self, cluster_id: str, title: str) -> None:
        commands.run(self.ctx, self.tr("Rename cluster"), N.rename_cluster, cluster_id, title.strip() or None,
                     parent=self)

    def on_drop(self, notes: dict, clusters: dict, target) -> None:
        done = None
        if notes and isinstance(target, NoteCard) and target.data_.cluster_id is None:
            done = commands.run(self.ctx, self.tr("Cluster notes"), N.cluster_notes, list(notes), target.id, None,
                                parent=self)
            if done and done in self.scene.clusters:
                self.view.rename_cluster(self.scene.clusters[done])
        elif notes and isinstance(target, (NoteCard, ClusterItem)):
            cid = target.data_.cluster_id if isinstance(target, NoteCard) else target.id
            done = commands.run(self.ctx, self.tr("Move into cluster"), N.place_notes, notes, cid,
                                clusters=clusters, parent=self)
        else:
            done = commands.run(self.ctx, self.tr("Move"), N.place_notes, notes, None, clusters=clusters,
                                parent=self)
        if not done:
            self.scene.reset_positions()

    def new_cluster(self) -> None:
        gid = self.scene.group_id
        if gid is None:
            return
        cid = commands.run(self.ctx, self.tr("New cluster"), N.new_cluster, gid, None,
                           self.scene.selected_notes(), parent=self)
        if cid in self.scene.clusters:
            self.view.ensureVisible(self.scene.clusters[cid])
            self.view.rename_cluster(self.scene.clusters[cid])

    def uncluster_selection(self) -> None:
        ids = [i for i in self.scene.selected_notes() if self.scene.cards[i].data_.cluster_id]
        if ids:
            positions = {i: self.scene.cards[i].scenePos().toTuple() for i in ids}
            x0, y0 = N.free_slot(self.ctx.store, self.scene.group_id)
            positions = {i: (x0 + k * (N.CARD_W + N.GAP), y0) for k, i in enumerate(positions)}
            commands.run(self.ctx, self.tr("Take out of cluster"), N.place_notes, positions, None, parent=self)

    def delete_selection(self) -> None:
        notes, clusters = self.scene.selected_notes(), self.scene.selected_clusters()
        if not notes and not clusters:
            return
        self.ctx.undo_stack.beginMacro(self.tr("Delete"))
        if notes:
            commands.run(self.ctx, self.tr("Delete notes"), N.delete_notes, notes, parent=self)
        for cid in clusters:
            if cid in self.scene.clusters:
                commands.run(self.ctx, self.tr("Delete cluster"), N.delete_cluster, cid, parent=self)
        self.ctx.undo_stack.endMacro()

    def edit_selection(self) -> None:
        items = self.scene.selectedItems()
        if len(items) == 1 and isinstance(items[0], NoteCard):
            self.view.edit_note(items[0])
        elif len(items) == 1 and isinstance(items[0], ClusterItem):
            self.view.rename_cluster(items[0])

    def set_category(self, note_ids: list[str], category_id: str | None) -> None:
        self.ctx.undo_stack.beginMacro(self.tr("Change category"))
        for nid in note_ids:
            commands.run(self.ctx, self.tr("Change category"), N.update_note, nid, {"category_id": category_id},
                         parent=self)
        self.ctx.undo_stack.endMacro()

    def toggle_tag(self, note_ids: list[str], tag: str, on: bool) -> None:
        self.ctx.undo_stack.beginMacro(self.tr("Change tags"))
        for nid in note_ids:
            tags = [t for t in self.scene.cards[nid].data_.tags if t != tag] + ([tag] if on else [])
            commands.run(self.ctx, self.tr("Change tags"), N.update_note, nid, {"tags": tags}, parent=self)
        self.ctx.undo_stack.endMacro()

    def promote(self, item) -> str | None:
        fn = R.promote_note if isinstance(item, NoteCard) else R.promote_cluster
        rec_id = commands.run(self.ctx, self.tr("Promote to recommendation"), fn, item.id, parent=self)
        rec = self.ctx.store.get("recommendations", rec_id) if rec_id else None
        if rec is not None:  # say it where the person is looking: nothing else on the wall changes
            self.notice.setText(fmt(self.tr("Recommendation “%1” created: edit it and record the vote on the "
                                            "Recommendations page."), rec["title"]))
            self.notice.show()
        return rec_id

    def context_menu(self, pos) -> None:
        item = self.view.itemAt(pos)
        if item is not None and not item.isSelected():
            self.scene.clearSelection()
            item.setSelected(True)
        notes = self.scene.selected_notes()
        menu = QMenu(self)
        if item is not None:
            menu.addAction(self.tr("Add a dot  (V)"), lambda: self.vote_selection(1))
            menu.addAction(self.tr("Remove a dot  (Shift+V)"), lambda: self.vote_selection(-1))
            menu.addAction(self.tr("Edit  (F2)"), self.edit_selection)
        if notes:
            cats = menu.addMenu(self.tr("Category"))
            for c in N.categories(self.ctx.store):
                cats.addAction(c["name"], lambda cid=c["id"]: self.set_category(notes, cid))
            cats.addAction(self.tr("No category"), lambda: self.set_category(notes, None))
            tags = menu.addMenu(self.tr("Tags"))
            first = self.scene.cards[notes[0]].data_.tags
            for t in T.tag_choices(self.ctx.store):
                a = QAction(t, tags, checkable=True, checked=t in first)
                a.toggled.connect(lambda on, t=t: self.toggle_tag(notes, t, on))
                tags.addAction(a)
            menu.addAction(self.tr("New cluster from selection  (Ctrl+G)"), self.new_cluster)
            menu.addAction(self.tr("Take out of cluster  (Ctrl+Shift+G)"), self.uncluster_selection)
        if item is not None:
            menu.addAction(self.tr("Promote to recommendation"), lambda: self.promote(item))
            menu.addSeparator()
            menu.addAction(self.tr("Delete  (Del)"), self.delete_selection)
        else:
            menu.addAction(self.tr("New cluster  (Ctrl+G)"), self.new_cluster)
            menu.addAction(self.tr("Fit the wall  (0)"), lambda: self.view.fit())
        menu.popup(self.view.viewport().mapToGlobal(pos))
        self.menu = menu

    # -- other windows -----------------------------------------------------------------------------
    def open_photos(self) -> None:
        from facilitator_app.gui.notes.dialogs import PhotosDialog

        if self.scene.group_id:
            PhotosDialog(self.ctx, self.plenary_box.currentData(), self.scene.group_id, self).exec()

    def open_categories(self) -> None:
        from facilitator_app.gui.notes.dialogs import CategoriesDialog

        CategoriesDialog(self.ctx, self).exec()

    def project(self) -> None:
        from facilitator_app.gui.notes.projector_views import show_wall

        if self.scene.group_id:
            show_wall(self.ctx, self.plenary_box.currentData(), self.scene.group_id)
