"""Recommendations (raccomandazioni): promoted from notes or clusters, edited, voted by
the plenary and sent to the Comune.
"""

from facilitator_app.core.recommendations.recommendations import (  # noqa: F401
    FIELDS,
    STATUSES,
    TITLE_MAX,
    VOTE_FIELDS,
    RecommendationError,
    check_fields,
    create_recommendation,
    delete_recommendation,
    linked_notes,
    plan_actions_of,
    promote_cluster,
    promote_note,
    recommendations_of,
    record_vote,
    set_linked_notes,
    title_from,
    update_recommendation,
    vote_summary,
)
from facilitator_app.core.recommendations.vote import (  # noqa: F401
    RULE,
    VoteExceedsPresent,
    entitled_present,
    outcome,
    record_plenary_vote,
)
