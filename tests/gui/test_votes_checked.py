"""Recording the plenary's vote as the secretariat would: figures checked against those present, the rule
on screen, the status following the vote, an override kept with its reason."""

from __future__ import annotations

import pytest

from facilitator_app.core.attendance import checkin as A
from facilitator_app.core.members.members import create_member
from facilitator_app.core.plenaries import plenaries as P
from facilitator_app.core.recommendations import recommendations as R


@pytest.fixture
def page(ctx, qtbot):
    from facilitator_app.gui.notes.recommendations import RecommendationsPage

    s = ctx.store
    pid = P.create_plenary(s, 8, "2024-10-12", "Palazzo Marino")
    morning = P.sessions_of(s, pid)[0]["id"]
    for i in range(3):
        A.check_in(s, morning, member_id=create_member(s, {"surname": f"M{i}", "first_name": "X"}))
    rid = R.create_recommendation(s, pid, "Rifugi climatici", "testo")
    p = RecommendationsPage(ctx)
    qtbot.addWidget(p)
    p.show()
    p.rid = rid
    return p


def vote(page, qtbot, *values):
    for box, v in zip(page.votes, values):
        box.selectAll()
        qtbot.keyClicks(box, str(v))
    return page.record_vote()


def test_the_rule_and_those_present_are_on_screen(page):
    text = page.rule.text()
    assert "simple majority" in text and "3" in text


def test_more_votes_than_present_warns_with_the_figures(page, qtbot, ctx):
    ctx.prompts.text_answer = None  # the secretary cancels
    assert not vote(page, qtbot, 3, 1, 0)
    (kind, _title, text) = ctx.prompts.shown[-1]
    assert kind == "ask_text" and "4 votes" in text and "only 3 members" in text
    assert ctx.store.get("recommendations", page.rid)["votes_for"] is None
    assert "4" in page.message.text() and "3" in page.message.text()


def test_an_override_is_recorded_with_its_reason(page, qtbot, ctx):
    ctx.prompts.text_answer = "presenze raccolte sul foglio cartaceo"
    assert vote(page, qtbot, 3, 1, 0)
    rec = ctx.store.get("recommendations", page.rid)
    assert (rec["votes_for"], rec["status"], rec["vote_note"]) == (3, "approved", "presenze raccolte sul foglio cartaceo")
    assert "presenze raccolte sul foglio cartaceo" in page.rule.text()
    ctx.undo_stack.undo()
    assert ctx.store.get("recommendations", page.rid)["vote_note"] is None


def test_the_status_follows_the_vote(page, qtbot, ctx):
    assert vote(page, qtbot, 1, 1, 1)
    assert ctx.store.get("recommendations", page.rid)["status"] == "rejected"
    assert page.status.currentData() == "rejected"
    assert "Rejected" in page.model.data(page.model.index(0, 3))  # the outcome column
    assert vote(page, qtbot, 2, 1, 0)
    assert page.status.currentData() == "approved"
