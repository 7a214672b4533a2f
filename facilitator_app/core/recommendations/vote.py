"""The plenary's vote on a recommendation, checked: no more votes than entitled members present, and the
status that follows from the rule.

Entitled to vote = members in office on the plenary's day (core.plenaries.expected_members) who were
checked in at one of its sessions; walk-ins, staff, experts and guests do not vote. A vote whose
favourable + against + abstained exceeds them is refused with both figures, unless a reason is given
(attendance kept on paper, a late arrival not checked in): then it is recorded and the reason kept in
`vote_note`. When no attendance was recorded at all there is nothing to check against.

The rule: simple majority of the votes cast. Approved when the votes in favour are more than the votes
against; abstentions are not votes cast; a tie is not a majority (rejected).
"""

from __future__ import annotations

from typing import Any

from facilitator_app.core.errors import not_found
from facilitator_app.core.plenaries.plenaries import expected_members, get_plenary
from facilitator_app.core.recommendations.recommendations import (VOTE_FIELDS, RecommendationError, check_fields,
                                                                   update_recommendation)
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Store

RULE = "simple_majority_of_votes_cast"


class VoteExceedsPresent(RecommendationError):
    """More votes than entitled members present: say both figures; a reason lets it through."""

    def __init__(self, total: int, present: int):
        super().__init__(f"{total} votes but only {present} members entitled to vote were checked in; "
                         f"give a reason to record it anyway", code="votes_exceed_present", total=total,
                         present=present)
        self.total, self.present = total, present


def entitled_present(store: Store, plenary_id: str) -> int | None:
    """Members in office checked in at one of the plenary's sessions; None when no attendance was recorded."""
    plenary = get_plenary(store, plenary_id)
    if plenary is None:
        return None
    rows = store.query("SELECT DISTINCT a.member_id FROM attendance a JOIN sessions s ON s.id = a.session_id "
                       "WHERE s.plenary_id = ? AND a.deleted = 0 AND s.deleted = 0 AND a.status = 'present' "
                       "AND a.member_id IS NOT NULL", (plenary_id,))
    if not rows:
        return None
    in_office = {m["id"] for m in expected_members(store, plenary)}
    return sum(1 for r in rows if r["member_id"] in in_office)


def outcome(votes_for: int, votes_against: int, votes_abstained: int) -> str:
    """The status the vote gives by RULE: "approved" or "rejected"."""
    return "approved" if votes_for > votes_against else "rejected"


def record_plenary_vote(store: Store, rec_id: str, votes_for: Any, votes_against: Any, votes_abstained: Any, *,
                        reason: str | None = None, record: Edit | None = None) -> str:
    """Record the vote and the status it gives; returns that status.

    Raises VoteExceedsPresent (nothing written) when the votes exceed the entitled members present and
    no reason is given; with a reason, the vote is recorded and the reason kept."""
    values = {"votes_for": votes_for, "votes_against": votes_against, "votes_abstained": votes_abstained}
    for k, v in values.items():
        if v is None or (isinstance(v, str) and not v.strip()):
            raise RecommendationError(f"{k}: a number is required to record the vote", code="vote_count_required",
                                      field=k)
    values = check_fields(store, values)
    with store.transaction():
        rec = store.get("recommendations", rec_id)
        if rec is None:
            raise not_found(RecommendationError, "recommendation", rec_id)
        total = sum(values[k] for k in VOTE_FIELDS)
        present = entitled_present(store, rec["plenary_id"])
        reason = (reason or "").strip() or None
        over = present is not None and total > present
        if over and reason is None:
            raise VoteExceedsPresent(total, present)
        status = outcome(*(values[k] for k in VOTE_FIELDS))
        if rec["status"] == "sent" and status == "approved":
            status = "sent"  # already sent to the Comune: a recount that still approves keeps that
        update_recommendation(store, rec_id, {**values, "status": status, "vote_note": reason if over else None},
                              record=record)
    return status

