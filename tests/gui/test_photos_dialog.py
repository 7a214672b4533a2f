"""Photos of the paper wall: shrunk to ~1600 px JPEG in the GUI layer, stored with size and type."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from facilitator_app.core.notes import photos as P
from facilitator_app.core.plenaries.plenaries import create_plenary


def test_attach_shrinks_and_lists(qtbot, ctx, tmp_path):
    from facilitator_app.gui.notes.dialogs import PhotosDialog

    img = QImage(4000, 3000, QImage.Format.Format_RGB32)
    img.fill(QColor("#F9A825"))
    path = tmp_path / "parete.png"
    assert img.save(str(path))
    pid = create_plenary(ctx.store, 4, "2024-05-11", "Parco Nord")
    with ctx.store.transaction():
        gid = ctx.store.insert("groups", {"plenary_id": pid, "name": "Tavolo 1"})
    dialog = PhotosDialog(ctx, pid, gid)
    qtbot.addWidget(dialog)
    [ph] = dialog.add_files([str(path), str(tmp_path / "missing.jpg")])
    assert ctx.prompts.shown and ctx.prompts.shown[-1][0] == "error"  # the unreadable one is reported
    [row] = P.photos_of(ctx.store, pid, gid)
    assert (row["id"], row["mime"], row["width"], row["height"]) == (ph, "image/jpeg", 1600, 1200)
    assert row["size"] < 400_000 and P.photo_data(ctx.store, ph)[:3] == b"\xff\xd8\xff"
    assert dialog.list.count() == 1
