"""The post-it wall page: capture by keyboard, drops that cluster, votes, edits, filters, undo/redo."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem

from facilitator_app.core.notes import notes as N
from facilitator_app.core.plenaries.plenaries import create_plenary
from facilitator_app.core.recommendations import recommendations as R
from facilitator_app.gui.notes.items import NoteCard


@pytest.fixture
def wall_ctx(ctx):
    store = ctx.store
    pid = create_plenary(store, 2, "2024-02-24", "Fabbrica del Vapore")
    with store.transaction():
        store.update("plenaries", pid, {"status": "held"})
        gid = store.insert("groups", {"plenary_id": pid, "name": "Mobilità", "sort_order": 0})
        cats = store.insert_many("note_categories", [{"name": n, "color": c, "sort_order": i} for i, (n, c) in
                                                     enumerate((("Proposta", "#2E7D32"), ("Criticità", "#C62828"),
                                                                ("Domanda", "#1565C0"), ("Idea", "#F9A825")))])
        store.insert("themes", {"name": "Mobilità e qualità dell'aria"})
        store.insert("plan_actions", {"code": "5.1.4", "title": "Assemblea"})
        mid = store.insert("members", {"surname": "Haddad", "first_name": "Amina"})
        store.insert("group_members", {"plenary_id": pid, "member_id": mid, "group_id": gid})
    ctx.wall = {"plenary": pid, "group": gid, "cats": cats, "member": mid}
    return ctx


@pytest.fixture
def page(qtbot, wall_ctx):
    from facilitator_app.gui.notes.page import NotesPage

    p = NotesPage(wall_ctx)
    qtbot.addWidget(p)
    p.resize(1400, 900)
    p.show()
    qtbot.waitExposed(p)
    return p


def rows(store):
    return store.select("notes", order_by="created_at")


def type_note(qtbot, page, text):
    page.capture.field.setFocus()
    qtbot.keyClicks(page.capture.field, text)
    qtbot.keyClick(page.capture.field, Qt.Key.Key_Return)


def card_text(card: NoteCard) -> str:
    return card.data_.text


def test_enter_saves_and_shows_the_note(qtbot, page, wall_ctx):
    type_note(qtbot, page, "Piu corse della 90/91 la sera")
    [row] = rows(wall_ctx.store)
    assert row["text"] == "Piu corse della 90/91 la sera"
    assert row["category_id"] == wall_ctx.wall["cats"][0]  # first category by default
    assert page.capture.field.text() == ""
    assert card_text(page.scene.cards[row["id"]]) == row["text"]
    assert page.count_label.text()


@pytest.mark.parametrize("text", ["=SUM(A1:A3)", "+39 333", "-meno auto", "@Comune", "中文 العربية हिन्दी",
                                  "🚲🌳 👩🏽‍🔧", "àèìòù ÀÉ ß"])
def test_odd_text_is_stored_and_shown_exactly(qtbot, page, wall_ctx, text):
    page.capture.field.setText(text)  # keyClicks cannot type every script; the field gets it as pasted
    qtbot.keyClick(page.capture.field, Qt.Key.Key_Return)
    [row] = rows(wall_ctx.store)
    assert row["text"] == text
    assert card_text(page.scene.cards[row["id"]]) == text


def test_very_long_text_is_elided_on_the_card_but_kept_whole(qtbot, page, wall_ctx):
    text = "Parola " * 400
    page.capture.field.setText(text)
    qtbot.keyClick(page.capture.field, Qt.Key.Key_Return)
    [row] = rows(wall_ctx.store)
    card = page.scene.cards[row["id"]]
    assert row["text"] == text and card.data_.text == text
    assert card.toolTip() == text
    # Qt marks the cut with "…", or "..." when the font in use (after other tests set the app's fonts) lacks it
    assert card._lines[-1].endswith(("…", "...")) and len(card._lines) <= 4


@pytest.mark.parametrize("text", ["", "   ", "#5.1.4"])
def test_empty_note_is_refused_with_a_message(qtbot, page, wall_ctx, text):
    page.capture.field.setText(text)
    qtbot.keyClick(page.capture.field, Qt.Key.Key_Return)
    assert rows(wall_ctx.store) == []
    assert "empty" in page.capture.message.text()
    assert page.capture.field.text() == text  # not cleared


def test_alt_digit_category_author_and_hash_tags(qtbot, page, wall_ctx):
    page.capture.field.setFocus()
    qtbot.keyClick(page.capture.field, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    page.capture.author.setCurrentIndex(page.capture.author.findData(wall_ctx.wall["member"]))
    type_note(qtbot, page, "Dove vedo i dati dell'aria? #5.1.4 #mobilita")
    [row] = rows(wall_ctx.store)
    assert row["text"] == "Dove vedo i dati dell'aria?"
    assert row["category_id"] == wall_ctx.wall["cats"][2]
    assert row["author_member_id"] == wall_ctx.wall["member"]
    assert json.loads(row["tags"]) == ["5.1.4", "Mobilità e qualità dell'aria"]
    assert page.capture.author.currentData() is None  # author resets, category stays
    assert page.capture.category_id() == wall_ctx.wall["cats"][2]


def test_undo_redo_capture(qtbot, page, wall_ctx):
    type_note(qtbot, page, "una nota")
    nid = rows(wall_ctx.store)[0]["id"]
    wall_ctx.undo_stack.undo()
    assert wall_ctx.store.get("notes", nid) is None and nid not in page.scene.cards
    wall_ctx.undo_stack.redo()
    assert wall_ctx.store.get("notes", nid)["text"] == "una nota" and nid in page.scene.cards


def drag(qtbot, page, item, to_scene: QPointF, modifiers=Qt.KeyboardModifier.NoModifier):
    view = page.view
    start = view.mapFromScene(item.sceneBoundingRect().center())
    end = view.mapFromScene(to_scene)
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, modifiers, start)
    for k in range(1, 6):
        qtbot.mouseMove(vp, start + (end - start) * k / 5)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, modifiers, end)


def add(store, wall, text, **kw):
    return N.add_note(store, wall["plenary"], wall["group"], text, **kw)


def reload(page):
    page._group_changed()
    page.view.resetTransform()
    page.view.centerOn(500, 300)


def test_drop_note_on_note_makes_a_cluster_then_undo_redo(qtbot, page, wall_ctx):
    store, w = wall_ctx.store, wall_ctx.wall
    a, b = add(store, w, "a"), add(store, w, "b")
    reload(page)
    target = page.scene.cards[a]
    drag(qtbot, page, page.scene.cards[b], target.sceneBoundingRect().center())
    cid = store.get("notes", b)["cluster_id"]
    assert cid and store.get("notes", a)["cluster_id"] == cid
    assert page.scene.cards[b].parentItem() is page.scene.clusters[cid]
    # the new cluster's name is typed in place
    editor = page.view.editor
    assert editor is not None and editor.objectName() == "clusterEditor"
    qtbot.keyClicks(editor, "Trasporto")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert store.get("clusters", cid)["title"] == "Trasporto"
    wall_ctx.undo_stack.undo()  # rename
    assert store.get("clusters", cid)["title"] is None
    wall_ctx.undo_stack.undo()  # cluster
    assert store.get("notes", b)["cluster_id"] is None and store.get("clusters", cid) is None
    assert page.scene.cards[b].parentItem() is None and cid not in page.scene.clusters
    wall_ctx.undo_stack.redo()
    assert store.get("notes", b)["cluster_id"] == cid and cid in page.scene.clusters


def test_drag_moves_and_undo_restores_position(qtbot, page, wall_ctx):
    store, w = wall_ctx.store, wall_ctx.wall
    a = add(store, w, "a")
    reload(page)
    before = (store.get("notes", a)["x"], store.get("notes", a)["y"])
    drag(qtbot, page, page.scene.cards[a], QPointF(700, 500))
    after = (store.get("notes", a)["x"], store.get("notes", a)["y"])
    assert after != before
    assert page.scene.cards[a].scenePos().toTuple() == after
    assert wall_ctx.undo_stack.count() == 1  # one drag, one command
    wall_ctx.undo_stack.undo()
    assert (store.get("notes", a)["x"], store.get("notes", a)["y"]) == before
    assert page.scene.cards[a].scenePos().toTuple() == before
    wall_ctx.undo_stack.redo()
    assert (store.get("notes", a)["x"], store.get("notes", a)["y"]) == after


def test_drop_into_cluster_and_out_again(qtbot, page, wall_ctx):
    store, w = wall_ctx.store, wall_ctx.wall
    a, b, c = add(store, w, "a"), add(store, w, "b"), add(store, w, "c")
    cid = N.new_cluster(store, w["group"], "Bici", [a, b], x=0, y=600)
    reload(page)
    header = page.scene.clusters[cid].sceneBoundingRect()
    drag(qtbot, page, page.scene.cards[c], QPointF(header.left() + 40, header.top() + 20))
    assert store.get("notes", c)["cluster_id"] == cid
    drag(qtbot, page, page.scene.cards[a], QPointF(1500, 100))
    assert store.get("notes", a)["cluster_id"] is None
    assert [n["id"] for n in N.cluster_notes_of(store, cid)] == [b, c]
    wall_ctx.undo_stack.undo()
    assert store.get("notes", a)["cluster_id"] == cid


def test_votes_on_card_buttons_and_keys_with_undo(qtbot, page, wall_ctx):
    store, w = wall_ctx.store, wall_ctx.wall
    a = add(store, w, "a")
    reload(page)
    card = page.scene.cards[a]
    plus = page.view.mapFromScene(card.mapToScene(card.plus_rect().center()))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=plus)
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=plus)
    assert N.vote_totals(store, [a])[a] == 2 and card.data_.votes == 2
    card.setSelected(True)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ShiftModifier)
    assert N.vote_totals(store, [a])[a] == 1 and card.data_.votes == 1
    wall_ctx.undo_stack.undo()
    assert N.vote_totals(store, [a])[a] == 2
    wall_ctx.undo_stack.undo()
    wall_ctx.undo_stack.undo()
    assert N.vote_totals(store, [a]).get(a, 0) == 0 and card.data_.votes == 0
    wall_ctx.undo_stack.redo()
    assert card.data_.votes == 1


def test_cluster_votes(qtbot, page, wall_ctx):
    store, w = wall_ctx.store, wall_ctx.wall
    cid = N.new_cluster(store, w["group"], "T", [add(store, w, "a")], x=0, y=0)
    reload(page)
    item = page.scene.clusters[cid]
    plus = page.view.mapFromScene(item.mapToScene(item.plus_rect().center()))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=plus)
    assert N.vote_totals(store, [cid])[cid] == 1 and item.votes == 1


def test_edit_text_in_place_with_undo(qtbot, page, wall_ctx):
    store, w = wall_ctx.store, wall_ctx.wall
    a = add(store, w, "vecchio")
    reload(page)
    card = page.scene.cards[a]
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=page.view.mapFromScene(card.sceneBoundingRect().center()))
    editor = page.view.editor
    assert editor is not None and editor.toPlainText() == "vecchio"
    editor.setPlainText("=nuovo testo 🌳")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert store.get("notes", a)["text"] == "=nuovo testo 🌳" and card.data_.text == "=nuovo testo 🌳"
    wall_ctx.undo_stack.undo()
    assert store.get("notes", a)["text"] == "vecchio" and card.data_.text == "vecchio"
    wall_ctx.undo_stack.redo()
    assert store.get("notes", a)["text"] == "=nuovo testo 🌳"


def test_category_and_tag_changes_undo(qtbot, page, wall_ctx):
    store, w = wall_ctx.store, wall_ctx.wall
    a = add(store, w, "a", category_id=w["cats"][0])
    reload(page)
    page.set_category([a], w["cats"][3])
    page.toggle_tag([a], "5.1.4", True)
    assert store.get("notes", a)["category_id"] == w["cats"][3]
    assert json.loads(store.get("notes", a)["tags"]) == ["5.1.4"] and page.scene.cards[a].data_.tags == ["5.1.4"]
    wall_ctx.undo_stack.undo()
    assert store.get("notes", a)["tags"] is None
    wall_ctx.undo_stack.undo()
    assert store.get("notes", a)["category_id"] == w["cats"][0]
    wall_ctx.undo_stack.redo()
    wall_ctx.undo_stack.redo()
    assert store.get("notes", a)["category_id"] == w["cats"][3] and store.get("notes", a)["tags"]


def test_rubber_band_select_and_delete_with_undo(qtbot, page, wall_ctx):
    store, w = wall_ctx.store, wall_ctx.wall
    ids = [add(store, w, t) for t in "abc"]
    reload(page)
    vp = page.view.viewport()
    start = page.view.mapFromScene(QPointF(-30, -30))
    end = page.view.mapFromScene(page.scene.cards[ids[1]].sceneBoundingRect().bottomRight() + QPointF(5, 5))
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, start)
    qtbot.mouseMove(vp, (start + end) / 2)
    qtbot.mouseMove(vp, end)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, end)
    assert set(page.scene.selected_notes()) == set(ids[:2])
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert [r["id"] for r in rows(store)] == [ids[2]]
    assert set(page.scene.cards) == {ids[2]}
    wall_ctx.undo_stack.undo()
    assert len(rows(store)) == 3 and set(page.scene.cards) == set(ids)


def test_ctrl_click_multi_select_and_new_cluster(qtbot, page, wall_ctx):
    store, w = wall_ctx.store, wall_ctx.wall
    ids = [add(store, w, t) for t in "abc"]
    reload(page)
    for nid in (ids[0], ids[2]):
        pos = page.view.mapFromScene(page.scene.cards[nid].sceneBoundingRect().center())
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, pos)
    assert set(page.scene.selected_notes()) == {ids[0], ids[2]}
    page.new_cluster()
    cid = store.get("notes", ids[0])["cluster_id"]
    assert cid and store.get("notes", ids[2])["cluster_id"] == cid and store.get("notes", ids[1])["cluster_id"] is None
    page.view.editor.setText("Bici")
    qtbot.keyClick(page.view.editor, Qt.Key.Key_Return)
    assert store.get("clusters", cid)["title"] == "Bici"


def test_filters_dim_non_matching(qtbot, page, wall_ctx):
    store, w = wall_ctx.store, wall_ctx.wall
    a = add(store, w, "Più alberi in città", category_id=w["cats"][3], tags=["5.1.4"])
    b = add(store, w, "Bollette care", category_id=w["cats"][1], author_member_id=w["member"])
    reload(page)
    qtbot.keyClicks(page.search, "citta")
    assert not page.scene.cards[a].dimmed and page.scene.cards[b].dimmed
    assert page.scene.cards[b].opacity() < 0.5
    page.search.clear()
    page.category_filter.setCurrentIndex(page.category_filter.findData(w["cats"][1]))
    assert page.scene.cards[a].dimmed and not page.scene.cards[b].dimmed
    page.category_filter.setCurrentIndex(0)
    page.tag_filter.setCurrentIndex(page.tag_filter.findData("5.1.4"))
    assert not page.scene.cards[a].dimmed and page.scene.cards[b].dimmed
    page.tag_filter.setCurrentIndex(0)
    page.author_filter.setCurrentIndex(page.author_filter.findData(w["member"]))
    assert page.scene.cards[a].dimmed and not page.scene.cards[b].dimmed
    assert "1 of 2" in page.count_label.text()


def test_zoom_keys_wheel_and_fit(qtbot, page, wall_ctx):
    for i in range(20):
        add(wall_ctx.store, wall_ctx.wall, f"n{i}")
    reload(page)
    z = page.view.zoom()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Plus)
    assert page.view.zoom() > z
    qtbot.keyClick(page.view, Qt.Key.Key_Minus)
    qtbot.keyClick(page.view, Qt.Key.Key_Minus)
    assert page.view.zoom() < z
    page.view.fit()
    rect = page.view.mapFromScene(page.scene.itemsBoundingRect()).boundingRect()
    assert page.view.viewport().rect().adjusted(-2, -2, 2, 2).contains(rect)


def test_changes_from_elsewhere_appear_live(qtbot, page, wall_ctx):
    store, w = wall_ctx.store, wall_ctx.wall
    reload(page)
    a = add(store, w, "dal portatile 2")
    assert a in page.scene.cards
    with store.transaction():  # a vote synced from another laptop: another row
        store.insert("votes", {"target_type": "note", "target_id": a, "delta": 1})
    assert page.scene.cards[a].data_.votes == 1


def test_promote_from_the_wall(qtbot, page, wall_ctx):
    store, w = wall_ctx.store, wall_ctx.wall
    a = add(store, w, "Rifugi climatici aperti la sera", tags=["5.1.4"])
    reload(page)
    rid = page.promote(page.scene.cards[a])
    rec = store.get("recommendations", rid)
    assert rec["text"] == "Rifugi climatici aperti la sera" and R.plan_actions_of(rec) == ["5.1.4"]
    wall_ctx.undo_stack.undo()
    assert store.get("recommendations", rid) is None


def test_cards_paint_from_cache_without_layout(qtbot, page, wall_ctx):
    store, w = wall_ctx.store, wall_ctx.wall
    for i in range(5):
        add(store, w, f"nota {i} " * 10)
    reload(page)
    from facilitator_app.gui.notes import items

    calls = []
    orig = items.layout_lines
    items.layout_lines = lambda *a, **k: calls.append(1) or orig(*a, **k)
    try:
        img = QImage(800, 600, QImage.Format.Format_ARGB32)
        for _ in range(3):
            painter = QPainter(img)
            page.scene.render(painter)
            painter.end()
    finally:
        items.layout_lines = orig
    assert calls == []
    assert all(c.cacheMode() != c.CacheMode.NoCache for c in page.scene.cards.values())


def zoom_out(page, zoom=0.2):
    """The wall seen from afar (zoom below items.LOD_ZOOM), its items in the middle of the view."""
    page.view.resetTransform()
    page.view.zoom_by(zoom)
    page.view.centerOn(page.scene.itemsBoundingRect().center())


def pixel(page, card, x, y):
    """The colour on screen at (x, y) of `card`, as the view shows it now."""
    image = page.view.viewport().grab().toImage()
    return image.pixelColor(page.view.mapFromScene(card.mapToScene(QPointF(x, y))))


def clustered(wall_ctx, n=16):
    """A cluster of n "Proposta" notes (green band); with 16, its last row stays clear of its overview label."""
    store, w = wall_ctx.store, wall_ctx.wall
    ids = [add(store, w, f"nota {i}", category_id=w["cats"][0]) for i in range(n)]
    return ids, N.new_cluster(store, w["group"], "Bici e strade scolastiche", ids, x=0, y=0)


def test_zoomed_out_a_cluster_draws_its_cards_in_one_picture(qtbot, page, wall_ctx):
    ids, cid = clustered(wall_ctx)
    loose = add(wall_ctx.store, wall_ctx.wall, "sola")
    reload(page)
    cluster, cards = page.scene.clusters[cid], [page.scene.cards[i] for i in ids]
    assert not cluster.lod and not any(c.sketched() for c in cards)
    zoom_out(page)
    assert cluster.lod and all(c.sketched() for c in cards)  # they paint nothing; the cluster draws them
    assert not page.scene.cards[loose].sketched()  # a card on its own paints itself
    band = pixel(page, cards[-1], N.CARD_W / 2, 14)  # the green band of "Proposta", where the card is
    assert band.green() > band.red() + 40 and band.green() > band.blue() + 40
    cards[1].setSelected(True)  # a selected card paints itself (its outline shows)
    assert not cards[1].sketched() and all(c.sketched() for c in cards if c is not cards[1])
    cards[1].setSelected(False)
    assert cards[1].sketched()
    page.view.resetTransform()
    assert not cluster.lod and not any(c.sketched() for c in cards)


def test_zoomed_out_picture_follows_filters_and_edits(qtbot, page, wall_ctx):
    ids, cid = clustered(wall_ctx)
    reload(page)
    zoom_out(page)
    card = page.scene.cards[ids[-1]]
    before = pixel(page, card, N.CARD_W / 2, 14)
    page.search.setText("nota 0")  # the others are dimmed, in the picture too
    dimmed = pixel(page, card, N.CARD_W / 2, 14)
    assert dimmed.lightness() > before.lightness() + 60
    page.search.setText("")
    assert pixel(page, card, N.CARD_W / 2, 14) == before
    N.update_note(wall_ctx.store, ids[-1], {"category_id": wall_ctx.wall["cats"][1]})  # now "Criticità": red
    band = pixel(page, card, N.CARD_W / 2, 14)
    assert band.red() > band.green() + 40


def test_drag_a_card_out_of_a_cluster_when_zoomed_out(qtbot, page, wall_ctx):
    store = wall_ctx.store
    ids, cid = clustered(wall_ctx)
    reload(page)
    zoom_out(page)
    view, vp = page.view, page.view.viewport()
    card = page.scene.cards[ids[0]]
    start = view.mapFromScene(card.sceneBoundingRect().center())
    end = QPoint(vp.width() - 30, vp.height() - 30)
    assert view.itemAt(end) is None
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    qtbot.mouseMove(vp, start + (end - start) / 2)
    assert card.isSelected() and not card.sketched()  # seen moving, and out of the cluster's picture
    assert card.sceneBoundingRect().center() != page.scene.clusters[cid].mapToScene(card.pos())
    qtbot.mouseMove(vp, end)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert store.get("notes", ids[0])["cluster_id"] is None
    assert card.parentItem() is None and not card.sketched()
    wall_ctx.undo_stack.undo()
    assert store.get("notes", ids[0])["cluster_id"] == cid and card.parentItem() is page.scene.clusters[cid]
    page.scene.clearSelection()
    assert card.sketched()


def test_double_click_edits_a_note_when_zoomed_out(qtbot, page, wall_ctx):
    ids, _cid = clustered(wall_ctx)
    reload(page)
    zoom_out(page)
    card = page.scene.cards[ids[3]]
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=page.view.mapFromScene(card.sceneBoundingRect().center()))
    editor = page.view.editor
    assert editor is not None and editor.objectName() == "noteEditor" and editor.toPlainText() == "nota 3"


def test_overview_labels_show_title_dots_and_count(qtbot, page, wall_ctx):
    ids, cid = clustered(wall_ctx)
    for _ in range(3):
        N.vote(wall_ctx.store, "cluster", cid, 1)
    reload(page)
    zoom_out(page, 0.3)
    page.view.viewport().repaint()  # labels are laid out when drawn
    label = page.scene.clusters[cid].label
    assert " ".join(label.lines) == "Bici e strade scolastiche"
    assert (label.dots, label.count) == ("● 3", "16")
    # The whole title keeps whole words when the cluster is small on screen; it never covers all the cluster.
    label.layout("Bici e strade scolastiche", 3, 16, 100, 74)
    assert label.lines and not any(line.endswith(("Bic", "stra", "scolast")) for line in label.lines)
    assert label.size.height() <= 74 * label.COVER


def test_cards_are_scaled_smoothly_once_the_wall_is_still(qtbot, page, wall_ctx):
    from facilitator_app.gui.notes.wall import SETTLE_MS

    add(wall_ctx.store, wall_ctx.wall, "a")
    reload(page)
    smooth = QPainter.RenderHint.SmoothPixmapTransform
    qtbot.wait(SETTLE_MS + 50)
    assert page.view.renderHints() & smooth
    page.view.zoom_by(0.8)  # while it zooms or pans, plain scaling (a third of the cost)
    assert not page.view.renderHints() & smooth
    qtbot.waitUntil(lambda: bool(page.view.renderHints() & smooth), timeout=2000)
    page.view.horizontalScrollBar().setValue(page.view.horizontalScrollBar().value() + 50)
    assert not page.view.renderHints() & smooth
    page.view.zoom_by(0.5)  # an overview: card text is unreadable, never smoothed
    qtbot.wait(SETTLE_MS + 50)
    assert not page.view.renderHints() & smooth


def test_wall_items_can_all_be_indexed(qtbot, page, wall_ctx):
    """An ItemIgnoresTransformations item is left out of the scene's index, and with it its parent: a paint
    would then visit every cluster and every card of a 1,000-note wall, even those out of view."""
    clustered(wall_ctx)
    reload(page)
    zoom_out(page)
    flag = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    assert page.scene.items() and not [i for i in page.scene.items() if i.flags() & flag]


def test_projector_wall_follows_changes(qtbot, wall_ctx):
    from facilitator_app.gui.notes.projector_views import ProjectorWall

    store, w = wall_ctx.store, wall_ctx.wall
    view = ProjectorWall(wall_ctx, w["group"])
    qtbot.addWidget(view)
    a = add(store, w, "in diretta")
    assert a in view.scene.cards and not view.scene.interactive


def test_show_wall_uses_projector_window(qtbot, page, wall_ctx):
    from facilitator_app.gui.projector import projector_window

    add(wall_ctx.store, wall_ctx.wall, "x")
    page.project()
    window = projector_window(wall_ctx)
    qtbot.addWidget(window)
    assert window.view is not None and window.title.text() == "Mobilità"
    window.hide()


def test_page_is_registered():
    from facilitator_app.gui import pages

    keys = [k for k, _t, _f in pages.PAGES]
    assert "wall" in keys and "recommendations" in keys


def test_projector_wall_refits_only_when_its_wall_grows(qtbot, wall_ctx):
    """Check-ins and other tables' notes arrive every few seconds from the sync folder: the room's
    view of this wall is fitted again (every card redrawn) only when this wall's extent changes."""
    from facilitator_app.core.attendance import checkin as A
    from facilitator_app.gui.notes.projector_views import ProjectorWall

    store, w = wall_ctx.store, wall_ctx.wall
    add(store, w, "prima")
    view = ProjectorWall(wall_ctx, w["group"])
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitUntil(lambda: view._fitted is not None and not view._refit.isActive(), timeout=5_000)
    fits = []
    original = view.view.fit
    view.view.fit = lambda *a: (fits.append(1), original(*a))
    session = store.select("sessions", "plenary_id = ?", (w["plenary"],))[0]["id"]
    A.check_in(store, session, member_id=w["member"], confirmed=True)
    with store.transaction():
        other = store.insert("groups", {"plenary_id": w["plenary"], "name": "Energia", "sort_order": 1})
    N.add_note(store, w["plenary"], other, "di un altro tavolo")
    qtbot.wait(300)
    assert fits == [] and not view._refit.isActive()
    b = add(store, w, "seconda")     # this wall grows: fitted again, and shows it
    qtbot.waitUntil(lambda: fits == [1], timeout=5_000)
    assert b in view.scene.cards
    assert view.view.viewport().rect().contains(view.view.mapFromScene(view.scene.cards[b].sceneBoundingRect().center()))
