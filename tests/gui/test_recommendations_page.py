"""The recommendations page: list per plenary, edit, record the vote, undo; the projector board."""

from __future__ import annotations

from facilitator_app.core.plenaries.plenaries import create_plenary
from facilitator_app.core.recommendations import recommendations as R


def test_edit_and_record_vote(qtbot, ctx):
    from facilitator_app.gui.notes.recommendations import RecommendationsPage

    store = ctx.store
    pid = create_plenary(store, 8, "2024-10-12", "Palazzo Marino")
    with store.transaction():
        store.insert("plan_actions", {"code": "4.2.2", "title": "Calore"})
    rid = R.create_recommendation(store, pid, "Rifugi climatici", "testo")
    page = RecommendationsPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1 and page.current_id == rid
    page.title.setText("=Rifugi climatici aperti la sera 🌙")
    page.actions.item(0).setCheckState(page.actions.item(0).checkState().Checked)
    assert page.save()
    rec = store.get("recommendations", rid)
    assert rec["title"] == "=Rifugi climatici aperti la sera 🌙" and R.plan_actions_of(rec) == ["4.2.2"]
    for box, v in zip(page.votes, (48, 3, 5)):
        box.setValue(v)
    page.status.setCurrentIndex(page.status.findData("approved"))
    assert page.record_vote()
    rec = store.get("recommendations", rid)
    assert (rec["votes_for"], rec["votes_against"], rec["votes_abstained"], rec["status"]) == (48, 3, 5, "approved")
    assert "48/3/5" in page.model.data(page.model.index(0, 3))
    ctx.undo_stack.undo()
    assert store.get("recommendations", rid)["votes_for"] is None
    ctx.undo_stack.undo()
    assert store.get("recommendations", rid)["title"] == "Rifugi climatici"
    page.title.setText("   ")
    assert not page.save() and "title" in page.message.text()


def test_board_shows_vote_live(qtbot, ctx):
    from facilitator_app.gui.notes.projector_views import RecommendationsBoard

    store = ctx.store
    pid = create_plenary(store, 8, "2024-10-12", "Palazzo Marino")
    rid = R.create_recommendation(store, pid, "<b>Allerte</b> in più lingue", "riga 1\nriga 2")
    board = RecommendationsBoard(ctx, pid, rid)
    qtbot.addWidget(board)
    assert "&lt;b&gt;Allerte" in board.label.text()  # user text is escaped, never markup
    R.record_vote(store, rid, 50, 1, 2, status="approved")
    assert "50" in board.label.text() and "Approved" in board.label.text()
