"""Recommendations: promotion from notes and clusters, editing, the plenary vote, status."""

from __future__ import annotations

import pytest

from facilitator_app.core.notes import notes
from facilitator_app.core.plenaries.plenaries import create_plenary
from facilitator_app.core.recommendations import recommendations as R
from facilitator_app.core.snapshots import Edit, redo, undo


@pytest.fixture
def wall(store):
    pid = create_plenary(store, 3, "2024-04-06", "BASE")
    with store.transaction():
        theme = store.insert("themes", {"name": "Eventi estremi e comunicazione del rischio"})
        store.insert("plan_actions", {"code": "4.2.2", "title": "Ondate di calore"})
        gid = store.insert("groups", {"plenary_id": pid, "name": "Calore", "theme_id": theme})
    return {"plenary": pid, "group": gid, "theme": theme}


def test_promote_note_prefills_everything(store, wall):
    text = "Rifugi climatici aperti anche la sera e nel weekend (biblioteche, chiese, centri civici)\nseconda riga"
    nid = notes.add_note(store, wall["plenary"], wall["group"], text, tags=["4.2.2", "altro"])
    rid = R.promote_note(store, nid)
    rec = store.get("recommendations", rid)
    assert rec["text"] == text
    assert rec["title"].startswith("Rifugi climatici") and len(rec["title"]) <= R.TITLE_MAX + 1
    assert (rec["group_id"], rec["theme_id"], rec["status"]) == (wall["group"], wall["theme"], "draft")
    assert R.plan_actions_of(rec) == ["4.2.2"]
    assert [n["id"] for n in R.linked_notes(store, rid)] == [nid]
    assert R.vote_summary(rec) is None


def test_promote_cluster_links_all_its_notes(store, wall):
    ids = [notes.add_note(store, wall["plenary"], wall["group"], t) for t in ("Più ombra", "Fontanelle 🚰")]
    cid = notes.new_cluster(store, wall["group"], "Ondate di calore", ids)
    rid = R.promote_cluster(store, cid)
    rec = store.get("recommendations", rid)
    assert rec["title"] == "Ondate di calore"
    assert rec["text"] == "• Più ombra\n• Fontanelle 🚰"
    assert rec["source_cluster_id"] == cid
    assert {n["id"] for n in R.linked_notes(store, rid)} == set(ids)
    empty = notes.new_cluster(store, wall["group"], "Vuoto")
    with pytest.raises(R.RecommendationError):
        R.promote_cluster(store, empty)


def test_record_vote_validated(store, wall):
    rid = R.create_recommendation(store, wall["plenary"], "Allerte in più lingue")
    assert R.record_vote(store, rid, 48, 3, 5, status="approved")
    rec = store.get("recommendations", rid)
    assert (rec["votes_for"], rec["votes_against"], rec["votes_abstained"], rec["status"]) == (48, 3, 5, "approved")
    assert R.vote_summary(rec) == "48 / 3 / 5"
    assert R.record_vote(store, rid, "50", "0", "2")
    for bad in ((-1, 0, 0), (1.5, 0, 0), ("tanti", 0, 0), (True, 0, 0), (None, 1, 1), ("", 1, 1)):
        with pytest.raises(R.RecommendationError):
            R.record_vote(store, rid, *bad)
    with pytest.raises(R.RecommendationError):
        R.update_recommendation(store, rid, {"status": "approvata"})
    assert R.vote_summary(store.get("recommendations", rid)) == "50 / 0 / 2"


def test_title_required_and_text_kept_exactly(store, wall):
    with pytest.raises(R.RecommendationError):
        R.create_recommendation(store, wall["plenary"], "   ")
    odd = "=HYPERLINK(\"x\")\n+ punto\n- meno\n@tutti 中文 🌍"
    rid = R.create_recommendation(store, wall["plenary"], "@Comune", odd, plan_actions=["4.2.2", "4.2.2"])
    rec = store.get("recommendations", rid)
    assert (rec["title"], rec["text"], R.plan_actions_of(rec)) == ("@Comune", odd, ["4.2.2"])
    assert store.scalar("SELECT count(*) FROM recommendations") == 1


def test_status_and_list_order(store, wall):
    a = R.create_recommendation(store, wall["plenary"], "A")
    b = R.create_recommendation(store, wall["plenary"], "B")
    R.update_recommendation(store, b, {"status": "sent"})
    assert [r["title"] for r in R.recommendations_of(store, wall["plenary"])] == ["A", "B"]
    R.delete_recommendation(store, a)
    assert [r["id"] for r in R.recommendations_of(store, wall["plenary"])] == [b]


def test_linked_notes_and_undo(store, wall):
    ids = [notes.add_note(store, wall["plenary"], wall["group"], t) for t in "abc"]
    rid = R.create_recommendation(store, wall["plenary"], "T", note_ids=ids[:1])
    edit = Edit()
    R.set_linked_notes(store, rid, ids[1:], record=edit)
    assert {n["id"] for n in R.linked_notes(store, rid)} == set(ids[1:])
    undo(store, edit)
    assert [n["id"] for n in R.linked_notes(store, rid)] == ids[:1]
    redo(store, edit)
    assert {n["id"] for n in R.linked_notes(store, rid)} == set(ids[1:])


def test_promotion_undo_and_redo(store, wall):
    nid = notes.add_note(store, wall["plenary"], wall["group"], "testo")
    edit = Edit()
    rid = R.promote_note(store, nid, record=edit)
    undo(store, edit)
    assert store.get("recommendations", rid) is None
    assert R.linked_notes(store, rid) == [] and store.scalar(
        "SELECT count(*) FROM recommendation_notes WHERE deleted = 0") == 0
    redo(store, edit)
    assert store.get("recommendations", rid)["title"] == "testo"
    assert len(R.linked_notes(store, rid)) == 1


def test_edit_vote_undo(store, wall):
    rid = R.create_recommendation(store, wall["plenary"], "T")
    edit = Edit()
    R.record_vote(store, rid, 10, 2, 1, status="approved", record=edit)
    undo(store, edit)
    rec = store.get("recommendations", rid)
    assert (rec["votes_for"], rec["status"]) == (None, "draft")
    redo(store, edit)
    assert store.get("recommendations", rid)["votes_for"] == 10
