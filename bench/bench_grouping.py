"""Breakout-group engine: time and quality (targets: 90/7 well under 1 s, 1,000/60 under 10 s).

    python bench/bench_grouping.py

The 90-person case is a realistic cycle: 8 earlier plenaries with 70-85 members present
and 7-8 groups, each grouped by the engine and fed as history into the next; then all 90
are grouped into 7. The 1,000-person case uses 8 earlier rounds of random groups (running
the engine 8 times there would only slow the benchmark). Times are the median of a few
runs of the same call (same seed, so same result).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitator_app.core.groups.engine import assign_groups  # noqa: E402

FIELDS = ["gender", "age_band", "municipio", "citizenship", "education"]
MUNICIPI = [97, 160, 141, 160, 125, 150, 172, 185, 183]  # residents (thousands), draw weights


def population(n: int, seed: int = 1) -> list[tuple[str, dict]]:
    rng = random.Random(seed)

    def draw(pairs):
        vals, weights = zip(*pairs)
        return rng.choices(vals, weights)[0]

    return [(f"m{i:04d}", {
        "gender": draw([("F", 51), ("M", 49)]),
        "age_band": draw([("16-29", 19), ("30-44", 26), ("45-64", 31), ("65+", 24)]),
        "municipio": draw([(str(i + 1), w) for i, w in enumerate(MUNICIPI)]),
        "citizenship": draw([("italian", 85), ("foreign", 15)]),
        "education": None if rng.random() < 0.03 else draw([("basic", 35), ("diploma", 40), ("degree", 25)]),
    }) for i in range(n)]


def timed(repeats: int, **kwargs):
    times, res = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        res = assign_groups(**kwargs)
        times.append(time.perf_counter() - t)
    return statistics.median(times), res


def line(label: str, secs: float, res) -> str:
    return (f"{label}: {secs:.2f} s  diversity {res.diversity:.2f} (bound {res.diversity_bound:.2f})"
            f"  meetings {res.meeting_relative:.0%} of max ({res.meeting_score:.0%} new pairs,"
            f" a random draw {res.meeting_lottery:.0%})")


def main() -> None:
    pop = population(90)
    rng = random.Random(7)
    history: list = []
    for rnd in range(8):
        present = rng.sample(pop, rng.randint(70, 85))
        history.append(assign_groups(present, rng.choice([7, 8]), fields=FIELDS, history=history,
                                     seed=rnd).groups)
    secs, res = timed(5, people=pop, k=7, fields=FIELDS, history=history, seed=9)
    print(line("90 people / 7 groups / 8 earlier rounds", secs, res))
    secs, res = timed(5, people=pop, k=7, fields=FIELDS, history=history, seed=9, meeting_weight=1.0)
    print(line("  same, meeting_weight=1.0 (meetings first)", secs, res))
    secs, res = timed(5, people=pop, k=7, fields=FIELDS, history=history[:1], seed=9)
    print(line("90 people / 7 groups / 1 earlier round", secs, res))

    big = population(1000, seed=2)
    ids = [p for p, _ in big]
    hist_big = []
    for rnd in range(8):
        random.Random(rnd).shuffle(ids)
        hist_big.append([ids[g::60] for g in range(60)])
    secs, res = timed(3, people=big, k=60, fields=FIELDS, history=hist_big, seed=9)
    print(line("1,000 people / 60 groups / 8 earlier rounds", secs, res))


if __name__ == "__main__":
    main()
