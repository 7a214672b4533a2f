"""What happens to a recommendation after the vote: the sending to the Comune, its answer and act,
the due date of the answer per cycle, civic monitoring (progress updates tied to Plan actions),
and the files exchanged with Milano Partecipa (Decidim) and the public calendar (iCalendar)."""

from facilitator_app.core.followup.actions import (add_update, delete_update, link_decidim, record_answer,
                                                   record_sending, set_details, update_update)
from facilitator_app.core.followup.board import FollowupRow, load_board, resolve_rec, timeline
from facilitator_app.core.followup.cycles import cycle_key_of, cycles, due_date, set_cycle
from facilitator_app.core.followup.fields import ANSWER_KINDS, PROGRESS, FollowupError
from facilitator_app.core.followup.plan import (add_plan_action, delete_plan_action, seed_plan_actions,
                                                set_rec_plan_actions, update_plan_action)

__all__ = [
    "ANSWER_KINDS", "PROGRESS", "FollowupError", "FollowupRow", "add_plan_action", "add_update", "cycle_key_of",
    "cycles", "delete_plan_action", "delete_update", "due_date", "link_decidim", "load_board", "record_answer",
    "record_sending", "resolve_rec", "seed_plan_actions", "set_cycle", "set_details", "set_rec_plan_actions",
    "timeline", "update_plan_action", "update_update",
]
