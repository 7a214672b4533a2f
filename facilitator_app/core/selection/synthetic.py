"""Synthetic pools shaped like Milan with the self-selection of real replies (benchmarks, demo, tests).

Each respondent's five answers are drawn from the population shares (the
representativeness targets); who replies is then skewed as measured in
earlier pools: graduates reply 1.9 times as often, foreign residents 0.45
times, people under 30 0.6 times (rejection sampling, seeded).
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from facilitator_app.core.selection.model import FIELDS, Respondent

BIASES = {("education", "laurea"): 1.9, ("citizenship", "foreign"): 0.45, ("age_band", "16-29"): 0.6}


def synthetic_pool(n: int, seed: int, targets: Mapping[str, Mapping[str, float]] | None = None,
                   prefix: str = "r") -> list[Respondent]:
    if targets is None:
        from facilitator_app.core.members.targets import default_targets

        targets = default_targets()
    rng = random.Random(seed)
    top = max(1.0, *(b for b in BIASES.values()))
    out: list[Respondent] = []
    fields = [f for f in FIELDS if f in targets]
    while len(out) < n:
        answers = {f: rng.choices(list(targets[f]), weights=list(targets[f].values()))[0] for f in fields}
        reply = math.prod(BIASES.get((f, v), 1.0) for f, v in answers.items())
        if rng.random() < reply / top:
            out.append(Respondent(f"{prefix}{len(out) + 1:04d}", answers))
    return out
