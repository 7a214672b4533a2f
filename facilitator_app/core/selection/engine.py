"""One selection, start to end: check the inputs, compute the lottery, draw, check the panel.

The same function serves a first selection, a rotation and a replacement:
`fixed` are the members who stay in office (none, the continuing half, or
everyone but those leaving), the quotas are for the whole group in office,
and only the respondents of `pool` get chances: the newcomers are
`quotas.panel - len(fixed)`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from facilitator_app.core.selection import library
from facilitator_app.core.selection.lottery import Lottery, clean_seed, compute, draw
from facilitator_app.core.selection.model import (
    FIELD_NAMES, Problem, Quotas, Respondent, SelectionError, digest, meets, pool_problems, quota_problems,
    raise_problems, shifted,
)

ALGORITHM_VERSION = "facilitator_app selection 1"


@dataclass(frozen=True)
class Relaxation:
    field: str
    value: str
    bound: str          # "min" or "max"
    old: int
    new: int

    def text(self) -> str:
        name = FIELD_NAMES.get(self.field, self.field)
        if self.bound == "min":
            return f"{name} {self.value}: lower the minimum from {self.old} to {self.new}"
        return f"{name} {self.value}: raise the maximum from {self.old} to {self.new}"


@dataclass
class Feasibility:
    ok: bool
    problems: list[Problem] = field(default_factory=list)
    relaxations: list[Relaxation] = field(default_factory=list)
    seconds: float = 0.0

    def text(self) -> str:
        if self.ok:
            return "The quotas can be met with this pool."
        if self.problems:
            return "\n".join(p.message for p in self.problems)
        if not self.relaxations:
            return "No group from this pool meets the quotas, and no relaxation of them helps."
        return ("No group from this pool meets all the quotas together. The smallest change that fixes it:\n"
                + "\n".join(r.text() for r in self.relaxations))


def check(pool: Sequence[Respondent], q: Quotas, fixed: Sequence[Respondent] = ()) -> Feasibility:
    """Whether the quotas can be met, and if not, what to change (in words): under a second."""
    t0 = time.perf_counter()
    problems = quota_problems(q) + pool_problems(pool, q, q.panel - len(fixed))
    problems += [p for p in pool_problems(fixed, q, 0) if p.code != "pool_too_small"]
    both = sorted({r.id for r in pool} & {r.id for r in fixed})
    problems += [Problem("respondent_in_office", f"respondent {rid} is already in office", {"id": rid})
                 for rid in both]
    if problems:
        return Feasibility(False, problems, seconds=time.perf_counter() - t0)
    sq, over = shifted(q, fixed)
    library.load()
    from sortition_algorithms.errors import InfeasibleQuotasCantRelaxError

    try:
        relaxed = library.relaxation(pool, sq) if sq.panel > 0 else None
    except InfeasibleQuotasCantRelaxError:
        return Feasibility(False, seconds=time.perf_counter() - t0)
    over_n = {(f, v): n for f, v, n in over}
    out = []
    for f, v, r in q.pairs():
        n = over_n.get((f, v))
        rr = relaxed.fields[f][v] if relaxed else sq.fields[f][v]
        s = sq.fields[f][v]
        if rr.min < s.min:
            out.append(Relaxation(f, v, "min", r.min, r.min - (s.min - rr.min)))
        new_max = r.max + (rr.max - s.max)
        if n is not None:
            new_max = max(new_max, n + rr.max)
        if new_max > r.max:
            out.append(Relaxation(f, v, "max", r.max, new_max))
    return Feasibility(not out, relaxations=out, seconds=time.perf_counter() - t0)


@dataclass
class Selection:
    method: str
    method_text: str
    seed: str
    u: float
    panel_index: int
    selected: list[str]
    fixed: list[str]
    lottery: Lottery
    digest: str
    quotas: Quotas
    seconds: float

    def probabilities(self) -> dict[str, float | None]:
        return dict(self.lottery.chances)


def inputs_digest(pool: Sequence[Respondent], q: Quotas, fixed: Sequence[Respondent], method: str) -> str:
    return digest(pool, q, fixed, {"method": method, "algorithm": ALGORITHM_VERSION})


def select(pool: Sequence[Respondent], q: Quotas, method: str, seed: str,
           fixed: Sequence[Respondent] = ()) -> Selection:
    """The lottery of `method` and the panel the seed draws from it; SelectionError on bad input."""
    t0 = time.perf_counter()
    seed = clean_seed(seed)
    feas = check(pool, q, fixed)
    if feas.problems:
        raise_problems(feas.problems)
    if not feas.ok:
        raise SelectionError(feas.text(), code="infeasible_quotas",
                             changes="; ".join(r.text() for r in feas.relaxations))
    sq, _ = shifted(q, fixed)
    lottery = compute(pool, sq, method, seed=seed)
    selected, index, u = draw(lottery, seed)
    by_id = {r.id: r for r in pool}
    misses = meets([*fixed, *(by_id[i] for i in selected)], q)
    if misses:  # every panel of every method meets the quotas; never publish one that does not
        raise SelectionError("the panel drawn does not meet the quotas: " + "; ".join(misses),
                             code="panel_misses_quotas", misses="; ".join(misses))
    return Selection(lottery.method, lottery.method_text, seed, u, index, selected, sorted(r.id for r in fixed),
                     lottery, inputs_digest(pool, q, fixed, method), q, time.perf_counter() - t0)
