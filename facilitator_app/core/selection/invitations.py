"""The invitation list as counts per stratum, and the response rate of each stratum.

Only counts are kept (table `invitation_counts`: per characteristic and value, how many residents
received the letter) and, in the setting `selection.invitations`, the file's name, the date and the
number invited: never a name (GDPR). The response rate of a value is the respondents who have it
(everyone in the pool who replied) over the residents invited who have it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from facilitator_app.core.members.targets import load_targets
from facilitator_app.core.selection.categories import categories, category_targets, put_setting
from facilitator_app.core.selection.model import FIELDS
from facilitator_app.core.selection.records import invitation_counts, list_pool, respondent_features, save_invitation_counts
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.ids import utc_now
from facilitator_app.core.store.store import Store

SETTING = "selection.invitations"
# Pool rows that did not reply (an invited resident entered by hand) are not respondents.
NOT_REPLIED = ("invited",)


def save_invitations(store: Store, counts: dict[str, dict[str, int]], *, source: str | None = None,
                     invited: int | None = None, record: Edit | None = None) -> int:
    """Replace the invitation counts (one transaction); returns the number of (characteristic, value) rows."""
    with store.transaction():
        n = save_invitation_counts(store, counts, record)
        total = invited if invited is not None else max((sum(v.values()) for v in counts.values()), default=0)
        put_setting(store, SETTING, {"source": source, "imported_at": utc_now(), "invited": int(total)}, record)
    return n


def invitations_info(store: Store) -> dict[str, Any] | None:
    """{"source", "imported_at", "invited"} of the last import, or None when there are no counts."""
    counts = invitation_counts(store)
    if not counts:
        return None
    info = dict(store.setting(SETTING) or {})
    info.setdefault("invited", max(sum(v.values()) for v in counts.values()))
    return info


def total_invited(store: Store) -> int | None:
    info = invitations_info(store)
    return None if info is None else int(info["invited"])


@dataclass(frozen=True)
class Rate:
    field: str
    value: str
    invited: int | None
    respondents: int

    @property
    def rate(self) -> float | None:
        return self.respondents / self.invited if self.invited else None

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "value": self.value, "invited": self.invited, "respondents": self.respondents,
                "rate": self.rate}


def field_order(store: Store) -> list[str]:
    return [*FIELDS, *categories(store)]


def response_rates(store: Store) -> list[Rate]:
    """Per characteristic in the invitation counts and each of its values: invited, respondents, rate.

    Values that only respondents have (not in the invitation list) are listed with invited None,
    so a mismatch between the two files shows instead of vanishing.
    """
    counts = invitation_counts(store)
    if not counts:
        return []
    targets = {**load_targets(store), **category_targets(store)}
    people = [respondent_features(r) for r in list_pool(store) if r["status"] not in NOT_REPLIED]
    order = [f for f in field_order(store) if f in counts] + sorted(f for f in counts if f not in field_order(store))
    out = []
    for fld in order:
        got: dict[str, int] = {}
        for p in people:
            v = p.get(fld)
            if v not in (None, ""):
                got[str(v)] = got.get(str(v), 0) + 1
        invited = counts[fld]
        known = [str(v) for v in targets.get(fld, {})]
        values = list(dict.fromkeys([*(v for v in known if v in invited or v in got), *invited,
                                     *sorted(v for v in got if v not in invited)]))
        if fld == "municipio":
            values.sort(key=lambda v: (not v.isdecimal(), int(v) if v.isdecimal() else 0, v))
        out.extend(Rate(fld, v, invited.get(v), got.get(v, 0)) for v in values)
    return out


def overall_rate(store: Store) -> tuple[int | None, int, float | None]:
    """(invited, respondents, rate) for the whole list."""
    total = total_invited(store)
    n = sum(1 for r in list_pool(store) if r["status"] not in NOT_REPLIED)
    return total, n, (n / total if total else None)
