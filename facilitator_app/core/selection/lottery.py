"""Methods, the lottery they produce, and the public draw from a seed.

A `Lottery` is what every method produces: groups of interchangeable
respondents, panels as a count per group, and each panel's probability.
LEXIMIN groups people by their answers (see leximin.py); the library's
maximin gives panels of named people, so each person is a group of one.

The draw (`draw`), so anyone can redo it from the published seed:
1. u = the first 8 bytes of SHA-256("facilitator_app draw v1|" + seed) read as
   an integer, divided by 2^64: a number in [0, 1);
2. the panels are put in a fixed order (by their counts per group, groups in
   order of their answers), and the first one whose cumulative probability
   exceeds u is the panel drawn;
3. inside each group, its people are ranked by SHA-256(seed + "|" + id) and the
   first n (the panel's count for the group) are selected.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from facilitator_app.core.selection.model import Quotas, Respondent, SelectionError

METHODS = ("leximin", "maximin", "legacy")
DRAW_VERSION = "facilitator_app draw v1"
LEGACY_REPEATS = 200


@dataclass
class Lottery:
    method: str
    groups: list[list[str]]
    panels: list[list[int]]
    probs: list[float]
    chances: dict[str, float | None]
    method_text: str = ""
    stats: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"method": self.method, "groups": self.groups,
                "panels": [[{str(g): c for g, c in enumerate(p) if c}, pr] for p, pr in zip(self.panels, self.probs)],
                "chances": self.chances, "method_text": self.method_text, "stats": self.stats}

    @classmethod
    def from_json(cls, d: dict) -> "Lottery":
        n = len(d["groups"])
        panels, probs = [], []
        for sparse, pr in d["panels"]:
            row = [0] * n
            for g, c in sparse.items():
                row[int(g)] = int(c)
            panels.append(row)
            probs.append(float(pr))
        return cls(d["method"], d["groups"], panels, probs, d["chances"], d.get("method_text", ""),
                   d.get("stats", {}))


def clean_seed(seed: str | None) -> str:
    text = unicodedata.normalize("NFC", str(seed or "")).strip()
    if not text:
        raise SelectionError("the seed is empty: enter the public random number announced for the draw",
                             code="empty_seed")
    return text


def seed_uniform(seed: str) -> float:
    h = hashlib.sha256(f"{DRAW_VERSION}|{clean_seed(seed)}".encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big") / 2**64


def _rank(seed: str, rid: str) -> str:
    return hashlib.sha256(f"{clean_seed(seed)}|{rid}".encode("utf-8")).hexdigest()


def draw(lottery: Lottery, seed: str) -> tuple[list[str], int, float]:
    """(the selected ids sorted, the index of the panel drawn in canonical order, u)."""
    u = seed_uniform(seed)
    order = sorted(range(len(lottery.panels)), key=lambda j: lottery.panels[j])
    total = sum(lottery.probs)
    acc, chosen = 0.0, order[-1]
    for j in order:
        acc += lottery.probs[j] / total
        if u < acc:
            chosen = j
            break
    selected = []
    for g, count in enumerate(lottery.panels[chosen]):
        if count:
            selected += sorted(lottery.groups[g], key=lambda rid: _rank(seed, rid))[:count]
    return sorted(selected), order.index(chosen), u


def _seed_int(seed: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{DRAW_VERSION}|legacy|{clean_seed(seed)}".encode()).digest()[:4], "big") or 1


def compute(pool: Sequence[Respondent], q: Quotas, method: str = "leximin", *, seed: str | None = None) -> Lottery:
    """The method's lottery over panels of q.panel people from the pool meeting q (never a silent fallback)."""
    from facilitator_app.core.selection import library
    from facilitator_app.core.selection.leximin import leximin, profiles

    lib = f"sortition-algorithms {library.library_version()}, HiGHS {library.highs_version()}"
    if method == "leximin":
        d = leximin(profiles(pool, q))
        return Lottery("leximin", d.P.members, [[int(c) for c in p] for p in d.panels], d.weights,
                       d.person_chances(), f"leximin (facilitator_app, on HiGHS {library.highs_version()}; "
                       f"quota model from sortition-algorithms {library.library_version()})", d.stats)
    if method == "maximin":
        panels, probs = library.maximin(pool, q)
        ids = sorted(r.id for r in pool)
        index = {rid: i for i, rid in enumerate(ids)}
        rows = []
        for p in panels:
            row = [0] * len(ids)
            for rid in p:
                row[index[rid]] = 1
            rows.append(row)
        chances = {rid: 0.0 for rid in ids}
        for p, pr in zip(panels, probs):
            for rid in p:
                chances[rid] += pr
        return Lottery("maximin", [[rid] for rid in ids], rows, list(probs), chances, f"maximin ({lib})")
    if method == "legacy":
        # The greedy method gives one panel, no distribution: the panel of the seed, and chances
        # estimated by repeating it (said so in the result).
        panel = library.legacy(pool, q, _seed_int(seed or "1"))
        hits = {r.id: 0 for r in pool}
        for i in range(1, LEGACY_REPEATS + 1):
            for rid in library.legacy(pool, q, i):
                hits[rid] += 1
        ids = sorted(r.id for r in pool)
        row = [1 if rid in panel else 0 for rid in ids]
        return Lottery("legacy", [[rid] for rid in ids], [row], [1.0],
                       {rid: hits[rid] / LEGACY_REPEATS for rid in ids},
                       f"legacy greedy ({lib}); chances estimated from {LEGACY_REPEATS} repetitions",
                       {"estimated_chances": True, "repeats": LEGACY_REPEATS})
    raise SelectionError(f"unknown method {method!r}: use leximin, maximin or legacy", code="unknown_method",
                         method=method)
