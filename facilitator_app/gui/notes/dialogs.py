"""Small editors next to the wall: note categories (name, colour), photos of paper walls."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.core.notes import notes as N
from facilitator_app.core.notes import photos as P
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.errors import error_text
from facilitator_app.gui.i18n import fmt


def shrink_image(path: str, max_side: int = P.MAX_SIDE, quality: int = P.JPEG_QUALITY) -> tuple[bytes, int, int]:
    """Read an image (honouring its EXIF rotation), scale the long side to max_side, re-encode as JPEG."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        raise P.PhotoError(fmt(QCoreApplication.translate("PhotosDialog", "Cannot read %1 (%2)."), path,
                               reader.errorString()))
    if max(image.width(), image.height()) > max_side:
        image = image.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "JPEG", quality)
    buf.close()
    return bytes(data), image.width(), image.height()


class CategoriesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Note categories"))
        self.list = QListWidget()
        self.list.setIconSize(QSize(28, 28))
        add, rename, color, remove = (QPushButton(t) for t in (self.tr("Add…"), self.tr("Rename…"),
                                                               self.tr("Colour…"), self.tr("Remove")))
        add.clicked.connect(self.add)
        rename.clicked.connect(self.rename)
        color.clicked.connect(self.recolor)
        remove.clicked.connect(self.remove)
        self.list.itemDoubleClicked.connect(lambda _i: self.rename())
        side = QVBoxLayout()
        for b in (add, rename, color, remove):
            side.addWidget(b)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for c in N.categories(self.ctx.store):
            pix = QPixmap(28, 28)
            pix.fill(QColor(c["color"] or "#9E9E9E"))
            item = QListWidgetItem(QIcon(pix), c["name"])
            item.setData(Qt.ItemDataRole.UserRole, c["id"])
            self.list.addItem(item)

    def _current(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _try(self, fn, *args) -> None:
        try:
            fn(self.ctx.store, *args)
        except N.NoteError as exc:
            self.ctx.prompts.error(self, self.tr("Not done"), error_text(exc))
        self.refresh()

    def add(self, name: str | None = None, color: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("New category"), self.tr("Name:"))
            if not ok:
                return
            picked = QColorDialog.getColor(QColor("#6A1B9A"), self, self.tr("Colour"))
            color = picked.name() if picked.isValid() else None
        self._try(N.add_category, name, color)

    def rename(self, name: str | None = None) -> None:
        cid = self._current()
        if cid is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Rename category"), self.tr("Name:"),
                                            text=self.list.currentItem().text())
            if not ok:
                return
        self._try(N.update_category, cid, {"name": name})

    def recolor(self, color: str | None = None) -> None:
        cid = self._current()
        if cid is None:
            return
        if color is None:
            picked = QColorDialog.getColor(QColor("#9E9E9E"), self, self.tr("Colour"))
            if not picked.isValid():
                return
            color = picked.name()
        self._try(N.update_category, cid, {"color": color})

    def remove(self) -> None:
        cid = self._current()
        if cid and self.ctx.prompts.confirm(self, self.tr("Remove category"), fmt(self.tr(
                "Remove the category “%1”? Its notes stay, without a category."), self.list.currentItem().text())):
            self._try(N.delete_category, cid)


class PhotosDialog(QDialog):
    """Photos of the group's paper wall: attach (shrunk to ~1600 px JPEG), list, view, remove."""

    def __init__(self, ctx: AppContext, plenary_id: str, group_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.plenary_id, self.group_id = ctx, plenary_id, group_id
        self.setWindowTitle(self.tr("Photos of the paper wall"))
        self.resize(1000, 680)
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(160, 120))
        self.list.setMaximumWidth(230)
        self.list.currentItemChanged.connect(self.show_current)
        self.viewer = QLabel(self.tr("No photo yet: attach one with “Add photos…”."))
        self.viewer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.viewer)
        scroll.setWidgetResizable(True)
        add, remove = QPushButton(self.tr("Add photos…")), QPushButton(self.tr("Remove"))
        add.clicked.connect(self.choose)
        remove.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.list)
        row.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for r in P.photos_of(self.ctx.store, self.plenary_id, self.group_id):
            pix = QPixmap()
            pix.loadFromData(P.photo_data(self.ctx.store, r["id"]) or b"")
            item = QListWidgetItem(QIcon(pix.scaled(160, 120, Qt.AspectRatioMode.KeepAspectRatio)),
                                   fmt(self.tr("%1×%2, %3 KB"), r["width"], r["height"], (r["size"] or 0) // 1024))
            item.setData(Qt.ItemDataRole.UserRole, r["id"])
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(self.list.count() - 1)

    def choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Photos of the paper wall"), "",
                                                self.tr("Images (*.jpg *.jpeg *.png *.heic *.webp)"))
        self.add_files(paths)

    def add_files(self, paths: list[str]) -> list[str]:
        ids = []
        for path in paths:
            try:
                data, w, h = shrink_image(path)
                ids.append(P.add_photo(self.ctx.store, self.plenary_id, data, group_id=self.group_id,
                                       mime="image/jpeg", width=w, height=h))
            except P.PhotoError as exc:
                self.ctx.prompts.error(self, self.tr("Photo not added"), error_text(exc))
        self.refresh()
        return ids

    def show_current(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        pix = QPixmap()
        pix.loadFromData(P.photo_data(self.ctx.store, item.data(Qt.ItemDataRole.UserRole)) or b"")
        self.viewer.setPixmap(pix.scaled(self.viewer.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation) if pix.width() > 1200 else pix)

    def remove(self) -> None:
        item = self.list.currentItem()
        if item and self.ctx.prompts.confirm(self, self.tr("Remove photo"), self.tr("Remove this photo?")):
            P.delete_photo(self.ctx.store, item.data(Qt.ItemDataRole.UserRole))
            self.refresh()
