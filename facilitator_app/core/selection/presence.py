"""The last step of representativeness: who was present at each plenary, by quota characteristic.

A member counts as present at a plenary when checked in at one of its sessions at least (the
attendance history's "present" or "partial"). Their characteristics are the ones the draw used
(their respondent row when they came from the pool), the age band on the plenary's day.
Read-only; only counts and shares leave this module.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from facilitator_app.core.attendance.stats import PARTIAL, PRESENT, attendance_history
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.selection.records import member_as_respondent
from facilitator_app.core.store.store import Store


@dataclass
class PlenaryPresence:
    plenary_id: str
    number: int | None
    date: str
    expected: int                   # members in office that day
    present: int
    counts: dict[str, Counter] = field(default_factory=dict)   # field -> value -> members present

    def shares(self, fld: str) -> dict[str, float]:
        c = self.counts.get(fld, Counter())
        total = sum(c.values())
        return {v: n / total for v, n in c.items()} if total else {}


def presence_by_plenary(store: Store, fields: tuple[str, ...] | list[str]) -> list[PlenaryPresence]:
    """Per plenary held with someone recorded present (in order), the members present and their
    composition per field."""
    history = attendance_history(store)
    vocab = Vocabularies.load(store)
    by_id = {m["id"]: m for m in history.members}
    out = []
    for p in history.plenaries:
        if not history.held.get(p["id"]):
            continue
        on = date.fromisoformat(p["date"])
        expected = [mid for (mid, pid) in history.cells if pid == p["id"]]
        present = [mid for mid in expected if history.cells[(mid, p["id"])].state in (PRESENT, PARTIAL)]
        if not present:   # no check-in recorded in this file (e.g. a plenary of an earlier cycle)
            continue
        pp = PlenaryPresence(p["id"], p.get("number"), p["date"], len(expected), len(present))
        for mid in present:
            feats = member_as_respondent(store, by_id[mid], vocab, on).features
            for fld in fields:
                v = feats.get(fld)
                if v not in (None, ""):
                    pp.counts.setdefault(fld, Counter())[str(v)] += 1
        out.append(pp)
    return out
