"""The plenary's vote checked against the members entitled to vote who were present; the status follows."""

from __future__ import annotations

import pytest

from facilitator_app.core.attendance import checkin as A
from facilitator_app.core.members.members import create_member
from facilitator_app.core.plenaries import plenaries as P
from facilitator_app.core.recommendations import recommendations as R
from facilitator_app.core.recommendations import vote as V


@pytest.fixture
def plenary(store):
    pid = P.create_plenary(store, 3, "2024-05-11", "Palazzo Marino")
    morning, afternoon = (s["id"] for s in P.sessions_of(store, pid))
    ids = [create_member(store, {"surname": f"M{i}", "first_name": "X"}) for i in range(4)]
    gone = create_member(store, {"surname": "Ritirata", "first_name": "Y", "status": "withdrawn",
                                 "term_end": "2024-03-01"})
    A.check_in(store, morning, member_id=ids[0])
    A.check_in(store, afternoon, member_id=ids[1])      # present in one session only: still entitled
    A.check_in(store, morning, member_id=gone, confirmed=True)  # not in office: no vote
    A.register_walk_in(store, morning, "Ospite Uno", "guest", "Comune")
    rid = R.create_recommendation(store, pid, "Rifugi climatici", "testo")
    return {"plenary": pid, "rec": rid, "members": ids}


def test_entitled_present_counts_members_in_office_only(store, plenary):
    assert V.entitled_present(store, plenary["plenary"]) == 2


def test_more_votes_than_present_is_refused_with_the_figures_and_writes_nothing(store, plenary):
    with pytest.raises(V.VoteExceedsPresent) as err:
        V.record_plenary_vote(store, plenary["rec"], 2, 0, 1)
    assert (err.value.code, err.value.params) == ("votes_exceed_present", {"total": 3, "present": 2})
    rec = store.get("recommendations", plenary["rec"])
    assert rec["votes_for"] is None and rec["status"] == "draft"
    with pytest.raises(V.VoteExceedsPresent):
        V.record_plenary_vote(store, plenary["rec"], 2, 0, 1, reason="   ")  # blank is no reason


def test_a_reason_lets_it_through_and_is_kept(store, plenary):
    assert V.record_plenary_vote(store, plenary["rec"], 2, 0, 1, reason="presenze sul foglio") == "approved"
    rec = store.get("recommendations", plenary["rec"])
    assert (rec["votes_for"], rec["votes_against"], rec["votes_abstained"]) == (2, 0, 1)
    assert rec["vote_note"] == "presenze sul foglio"
    V.record_plenary_vote(store, plenary["rec"], 1, 0, 1, reason="ignored: within the count")
    assert store.get("recommendations", plenary["rec"])["vote_note"] is None


@pytest.mark.parametrize("votes, status", [((2, 0, 0), "approved"), ((1, 1, 0), "rejected"),
                                           ((0, 1, 1), "rejected"), ((1, 0, 1), "approved"),
                                           ((0, 0, 2), "rejected")])
def test_the_status_follows_the_simple_majority_of_votes_cast(store, plenary, votes, status):
    assert V.record_plenary_vote(store, plenary["rec"], *votes) == status
    assert store.get("recommendations", plenary["rec"])["status"] == status
    assert V.outcome(*votes) == status


def test_without_attendance_nothing_to_check_against(store):
    pid = P.create_plenary(store, 4, "2024-06-15", "BASE")
    rid = R.create_recommendation(store, pid, "Alberi", "")
    assert V.entitled_present(store, pid) is None
    assert V.record_plenary_vote(store, rid, 60, 20, 10) == "approved"


def test_bad_counts_are_refused(store, plenary):
    for bad in (-1, "tre", 2.5, True, None, ""):
        with pytest.raises(R.RecommendationError):
            V.record_plenary_vote(store, plenary["rec"], bad, 0, 0)
    assert store.get("recommendations", plenary["rec"])["votes_for"] is None


def test_a_recommendation_already_sent_stays_sent_when_approved_again(store, plenary):
    R.update_recommendation(store, plenary["rec"], {"status": "sent"})
    assert V.record_plenary_vote(store, plenary["rec"], 2, 0, 0) == "sent"
    assert V.record_plenary_vote(store, plenary["rec"], 0, 2, 0) == "rejected"
