"""Breakout-group assignment engine (pure core: no Qt, no SQL, standard library only).

Public API (people are ``Person(id, attrs)`` or plain ``(id, attrs)`` tuples; ``attrs``
maps field -> value, ``None`` = unknown; groups are lists of ids; group indexes are 0-based)

``assign_groups(people, k, *, fields, history=(), pins=None, commitments=None,
capacities=None, seed=0, meeting_weight=DEFAULT_MEETING_WEIGHT, effort=DEFAULT_EFFORT) -> GroupingResult``
    ``fields``: list of names (weight 1) or ``{name: weight}``; ``history``: earlier rounds
    (each a list of groups); ``pins``: ``{id: group}``, always respected;
    ``commitments``: ``{id: allowed groups}``; ``capacities``: max size per group. Same
    inputs and seed give the same groups whatever ``PYTHONHASHSEED`` is.
``score_groups(groups, people, fields, history=()) -> Scores``
    The same scores for any arrangement (e.g. after manual edits).
``best_group_for(person, current_groups, people, fields, history=(), *, allowed=None,
capacities=None, meeting_weight=...) -> Placement``
    Where to seat a late arrival: every admissible group ranked, with structured reasons
    (per-field distance before/after, new people met, sizes) for the GUI to phrase.
``rebalance(current_groups, absent_ids=(), *, pinned=(), allowed=None, capacities=None,
people=None, fields=None, history=(), meeting_weight=...) -> Rebalance``
    Drop no-shows, move as few unpinned people as possible to get sizes within one.

Definitions
-----------
*Mix*: for a field, the share of each value in a group; ``None`` (unknown) counts as a
value of its own, so unknowns are spread too. The *whole* is everyone being grouped.

*Diversity score* (lower is better; GroupSelect's score plus weights)::

    D = sum_f w_f * (1/G) * sum_g sum_v | c_gv / n_g - p_v |

where ``c_gv`` is the count of value ``v`` of field ``f`` in group ``g`` (size ``n_g``),
``p_v`` the share of ``v`` in the whole and ``G`` the number of non-empty groups: for each
field, the L1 distance between a group's mix and the whole's mix, averaged over groups.

*Rounding bound*: with ``n_g`` people a group cannot hold ``n_g * p_v`` people exactly.
``diversity_bound`` rounds every group's ideal counts to whole people, with the roundings
of all groups using the people actually there (the counts of each value add up to the
whole), choosing the roundings that minimise ``D`` field by field. No assignment can score
below it, and each field alone can reach it.

*Meeting score*: ``new_pairs / possible_pairs``, where ``possible_pairs`` is the number of
within-group pairs of this round (``sum_g n_g(n_g-1)/2``) and ``new_pairs`` those pairs
that never shared a group in ``history``. ``meeting_max`` is an upper bound on that share
given the history and the group sizes (``new_pairs`` cannot exceed the pairs still
unmet, nor half the sum over people of ``min(seat's group size - 1, people they have
not met yet)``, matching the largest seats with the people having most unmet);
``meeting_relative = meeting_score / meeting_max``. ``meeting_lottery`` is the share a
random draw would give on average (pairs never met / all pairs among those grouped).
Late in a cycle the bound is loose (about 40-60% of pairs have met by the 8th plenary
and groups cannot all be made of strangers), so ``meeting_relative`` falls well below 1
even for meeting-only optimisation; compare with ``meeting_lottery`` too.

Algorithm
---------
1. Sizes: a greedy fill (most restricted people first, into the smallest allowed group)
   repaired by shifting people along chains of groups until no chain can even sizes out.
2. Seeded greedy construction of the unrestricted people (each into the group where
   their values are most lacking and they met fewest).
3. Simulated annealing over swaps between groups (and moves that keep the size profile),
   objective = sum over groups of weighted L1 + penalty per re-met pair, each step
   evaluated in O(#fields) from cached per-group/value deltas; then greedy swap sweeps.
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from facilitator_app.core.errors import CoreError

# Measured on the demo cycle (tests/core/test_groups.py): 0.5 keeps every round's diversity
# within ~10% of the best reachable while about 90% of the possible new encounters happen.
DEFAULT_MEETING_WEIGHT = 0.5
DEFAULT_EFFORT = 2.0  # 90 people: ~0.3 s; 1,000 people in 60 groups: a few seconds
LARGE_ROOM = 300


class GroupingError(CoreError, ValueError):
    """The people, groups and constraints given cannot be grouped (or are inconsistent)."""

__all__ = ["DEFAULT_MEETING_WEIGHT", "GroupingError", "Person", "Scores", "GroupingResult", "FieldChange",
           "GroupOption", "Placement", "Move", "Rebalance", "assign_groups", "score_groups",
           "best_group_for", "rebalance"]


@dataclass(frozen=True)
class Person:
    id: str
    attrs: Mapping[str, Hashable | None]


PersonLike = Person | tuple[str, Mapping[str, Any]]
FieldSpec = Sequence[str] | Mapping[str, float]
History = Sequence[Sequence[Sequence[str]]]


@dataclass
class Scores:
    diversity: float                      # weighted D, lower is better
    diversity_by_field: dict[str, float]  # unweighted mean L1 per field
    diversity_bound: float                # rounding lower bound of D (whole people, whole table)
    meeting_score: float                  # new_pairs / possible_pairs
    meeting_max: float                    # upper bound of meeting_score
    meeting_relative: float               # meeting_score / meeting_max
    meeting_lottery: float                # expected meeting_score of a random draw
    new_pairs: int
    repeat_pairs: int
    possible_pairs: int
    sizes: list[int]
    mix: list[dict[str, dict[Any, int]]]  # per group: field -> value -> count


@dataclass
class GroupingResult(Scores):
    groups: list[list[str]]               # ids, each group in input order
    seed: int
    warnings: list[str] = field(default_factory=list)  # codes, e.g. "pin_over_capacity"


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: float    # L1 distance of the group's mix from the whole's, lower is better
    after: float


@dataclass(frozen=True)
class GroupOption:
    group: int
    size_before: int
    size_after: int
    new_people: int          # members the person has never sat with
    repeat_people: int       # members met in earlier rounds
    changes: tuple[FieldChange, ...]
    cost: float              # combined objective change, lower is better

    @property
    def improved_fields(self) -> list[str]:
        return [c.field for c in self.changes if c.after < c.before - 1e-12]

    @property
    def worsened_fields(self) -> list[str]:
        return [c.field for c in self.changes if c.after > c.before + 1e-12]


@dataclass(frozen=True)
class Placement:
    group: int                        # the recommended group index
    options: tuple[GroupOption, ...]  # every admissible group, best first


@dataclass(frozen=True)
class Move:
    person_id: str
    from_group: int
    to_group: int


@dataclass
class Rebalance:
    groups: list[list[str]]
    moves: list[Move]
    removed: list[str]   # absent ids that were seated
    balanced: bool       # False when pins/commitments make |size diff| <= 1 impossible


# ----------------------------------------------------------------------------- encoding

def _as_person(p: PersonLike) -> Person:
    return p if isinstance(p, Person) else Person(str(p[0]), p[1])


def _field_weights(fields: FieldSpec | None) -> list[tuple[str, float]]:
    if isinstance(fields, Mapping):
        return [(str(f), float(w)) for f, w in fields.items()]
    return [(str(f), 1.0) for f in fields or ()]


def _value_key(v: Any) -> tuple[bool, str, str]:
    # Sort values by text, unknown last; type name breaks ties like 1 vs "1".
    return (v is None, str(v), type(v).__name__)


class _Problem:
    """People encoded as ints: values become flat indexes into per-field value blocks."""

    def __init__(self, people: Sequence[Person], fields: FieldSpec | None, history: History):
        self.ids = [p.id for p in people]
        self.index = {pid: i for i, pid in enumerate(self.ids)}
        if len(self.index) != len(self.ids):
            raise GroupingError("duplicate person id", code="duplicate_person")
        self.fields = _field_weights(fields)
        self.values: list[list[Any]] = []
        self.offsets: list[int] = []
        self.wflat: list[float] = []   # field weight of each flat value index
        cols = []
        for fname, w in self.fields:
            col = [p.attrs.get(fname) for p in people]
            vals = sorted(set(col), key=_value_key)
            pos = {v: len(self.wflat) + j for j, v in enumerate(vals)}
            cols.append([pos[v] for v in col])
            self.values.append(vals)
            self.offsets.append(len(self.wflat))
            self.wflat += [w] * len(vals)
        self.nflat = len(self.wflat)
        self.prof = [tuple(c[i] for c in cols) for i in range(len(people))]
        self.share = [0.0] * self.nflat  # share of each value in the whole
        for row in self.prof:
            for v in row:
                self.share[v] += 1.0 / len(people)
        # met[i][j] = number of earlier rounds in which i and j shared a group.
        self.met: list[dict[int, int]] = [{} for _ in people]
        for rnd in history:
            for grp in rnd:
                idx = sorted({self.index[x] for x in grp if x in self.index})
                for a_pos, a in enumerate(idx):
                    for b in idx[a_pos + 1:]:
                        self.met[a][b] = self.met[a].get(b, 0) + 1
                        self.met[b][a] = self.met[b].get(a, 0) + 1

    def counts(self, members: Sequence[int]) -> list[int]:
        cnt = [0] * self.nflat
        for i in members:
            for v in self.prof[i]:
                cnt[v] += 1
        return cnt

    def field_l1(self, members: Sequence[int]) -> list[float]:
        """Unweighted L1 distance per field between a group's mix and the whole's."""
        n, cnt = len(members), self.counts(members)
        return [sum(abs(cnt[o + j] / n - self.share[o + j]) for j in range(len(vals))) if n else 0.0
                for vals, o in zip(self.values, self.offsets)]

    def best_l1(self, sizes: Sequence[int]) -> list[float]:
        """Per field, the least sum over groups of L1 distances that whole people can reach.

        Each group's ideal counts (n_g * p_v) rounded to whole people, with the roundings of
        all groups using the people actually there: a transportation problem with convex
        separable costs, solved exactly one person at a time along cheapest augmenting paths
        (values -> groups, moving people back where that is cheaper).
        """
        sizes = [n for n in sizes if n]
        out = []
        for vals, o in zip(self.values, self.offsets):
            share = [self.share[o + j] for j in range(len(vals))]
            supply = [round(p * sum(sizes)) for p in share]
            need = list(sizes)
            c = [[0] * len(vals) for _ in sizes]

            def step(g: int, v: int, t: int) -> float:  # cost of the (t+1)-th person of value v in g
                n = sizes[g]
                return abs((t + 1) / n - share[v]) - abs(t / n - share[v])

            for _ in range(sum(sizes)):
                dist_v = [0.0 if supply[v] else math.inf for v in range(len(vals))]
                dist_g = [math.inf] * len(sizes)
                via_v: list[int | None] = [None] * len(vals)
                via_g: list[int | None] = [None] * len(sizes)
                for _round in range(len(vals) + len(sizes)):
                    changed = False
                    for v, dv in enumerate(dist_v):
                        if dv < math.inf:
                            for g in range(len(sizes)):
                                d = dv + step(g, v, c[g][v])
                                if d < dist_g[g] - 1e-12:
                                    dist_g[g], via_g[g], changed = d, v, True
                    for g, dg in enumerate(dist_g):
                        if dg < math.inf:
                            for v in range(len(vals)):
                                if c[g][v]:
                                    d = dg - step(g, v, c[g][v] - 1)
                                    if d < dist_v[v] - 1e-12:
                                        dist_v[v], via_v[v], changed = d, g, True
                    if not changed:
                        break
                g = min((g for g in range(len(sizes)) if need[g]), key=lambda g: dist_g[g])
                need[g] -= 1
                while True:  # walk the path back: add to g, take from the group the value came from
                    v = via_g[g]
                    c[g][v] += 1
                    if via_v[v] is None:
                        supply[v] -= 1
                        break
                    g = via_v[v]
                    c[g][v] -= 1
            out.append(sum(abs(c[g][v] / n - share[v]) for g, n in enumerate(sizes) for v in range(len(vals))))
        return out

    def scores(self, groups: Sequence[Sequence[int]]) -> Scores:
        nonempty = [g for g in groups if g]
        G = max(len(nonempty), 1)
        by_field = [0.0] * len(self.fields)
        for g in nonempty:
            for f, d in enumerate(self.field_l1(g)):
                by_field[f] += d / G
        bound = sum(w * d for (_, w), d in zip(self.fields, self.best_l1([len(g) for g in nonempty]))) / G
        diversity = sum(w * d for (_, w), d in zip(self.fields, by_field))
        possible = sum(len(g) * (len(g) - 1) // 2 for g in groups)
        rep = sum(1 for g in groups for a_pos, a in enumerate(g) for b in g[a_pos + 1:] if b in self.met[a])
        new = possible - rep
        mx = self._max_new_pairs([len(g) for g in groups])
        mix = []
        for g in groups:
            cnt = self.counts(g)
            mix.append({fname: {v: cnt[o + j] for j, v in enumerate(vals) if cnt[o + j]}
                        for (fname, _), vals, o in zip(self.fields, self.values, self.offsets)})
        return Scores(
            diversity=diversity,
            diversity_by_field={f: d for (f, _), d in zip(self.fields, by_field)},
            diversity_bound=bound,
            meeting_score=new / possible if possible else 1.0,
            meeting_max=mx / possible if possible else 1.0,
            meeting_relative=new / mx if mx else 1.0,
            meeting_lottery=self._lottery(),
            new_pairs=new, repeat_pairs=rep, possible_pairs=possible,
            sizes=[len(g) for g in groups], mix=mix)

    def _lottery(self) -> float:
        pairs = len(self.ids) * (len(self.ids) - 1) // 2
        return 1.0 - sum(len(m) for m in self.met) / 2 / pairs if pairs else 1.0

    def _max_new_pairs(self, sizes: list[int]) -> int:
        n = len(self.ids)
        unmet = sorted((n - 1 - len(m) for m in self.met), reverse=True)
        seats = sorted((s - 1 for s in sizes for _ in range(s)), reverse=True)
        by_degree = sum(min(u, s) for u, s in zip(unmet, seats)) // 2
        return min(sum(s * (s - 1) // 2 for s in sizes), sum(unmet) // 2, by_degree)


# ----------------------------------------------------------------------------- sizes

def _balanced_assignment(n: int, k: int, fixed: dict[int, int], allowed: list[tuple[int, ...] | None],
                         caps: list[int], rng: random.Random) -> list[int]:
    """Seat everyone so sizes are as equal as pins/commitments/capacities allow.

    Greedy (most restricted first, into the smallest allowed group) then repair by
    shifting people along chains of groups (a -> c -> b): a separable convex flow, so
    when no chain lowers the sum of squared sizes the sizes are as balanced as possible.
    """
    grp, size = [-1] * n, [0] * k
    for i, g in sorted(fixed.items()):
        grp[i], size[g] = g, size[g] + 1
    free = [i for i in range(n) if i not in fixed]
    rng.shuffle(free)
    free.sort(key=lambda i: k if allowed[i] is None else len(allowed[i]))
    for i in free:
        opts = range(k) if allowed[i] is None else allowed[i]
        grp[i] = min(opts, key=lambda g: (size[g] >= caps[g], size[g], g))
        size[grp[i]] += 1
    # by_sig[g][sig] = movable people of group g with that allowed tuple (None = any)
    by_sig: list[dict[tuple[int, ...] | None, list[int]]] = [{} for _ in range(k)]
    for i in free:
        by_sig[grp[i]].setdefault(allowed[i], []).append(i)

    def chain_from(a: int) -> dict[int, tuple[int, tuple[int, ...] | None]]:
        prev: dict[int, tuple[int, tuple[int, ...] | None]] = {a: (-1, None)}
        queue = [a]
        for g in queue:
            for sig, members in by_sig[g].items():
                if members:
                    for c in (range(k) if sig is None else sig):
                        if c not in prev:
                            prev[c] = (g, sig)
                            queue.append(c)
        return prev

    changed = True
    while changed:
        changed = False
        for a in sorted(range(k), key=lambda g: (size[g] <= caps[g], -size[g], g)):
            over = size[a] > caps[a]
            prev = chain_from(a)
            ok = [b for b in prev if b != a and size[b] < caps[b] and (over or size[b] <= size[a] - 2)]
            if not ok:
                continue
            b = min(ok, key=lambda g: (size[g], g))
            c = b
            while c != a:  # shift one person along each link of the chain
                g, sig = prev[c]
                i = by_sig[g][sig].pop()
                by_sig[c].setdefault(sig, []).append(i)
                grp[i] = c
                c = g
            size[a] -= 1
            size[b] += 1
            changed = True
            break
    if any(s > c for s, c in zip(size, caps)):
        raise GroupingError("capacities are too small for these people and commitments", code="capacities_too_small")
    return grp


# ----------------------------------------------------------------------------- search

class _Search:
    """Objective = sum_g sum_f w_f L1_gf + sum of penalties of pairs seated together again.

    Keeps counts per group and, per group and value, the objective change of removing
    or adding one person with that value, so a swap costs O(#fields) to evaluate;
    M[i*k + g] is i's meeting penalty with the members of g, updated per move.
    """

    def __init__(self, pb: _Problem, grp: list[int], k: int, pen: list[dict[int, float]]):
        self.pb, self.grp, self.k, self.pen = pb, grp, k, pen
        self.links = [[(j * k, w) for j, w in sorted(d.items())] for d in pen]
        self.size = [0] * k
        self.cnt = [[0] * pb.nflat for _ in range(k)]
        self.M = [0.0] * (len(grp) * k)
        for i, g in enumerate(grp):
            self.size[g] += 1
            for v in pb.prof[i]:
                self.cnt[g][v] += 1
            for jk, w in self.links[i]:
                self.M[jk + g] += w
        self.rem = [[0.0] * pb.nflat for _ in range(k)]
        self.add = [[0.0] * pb.nflat for _ in range(k)]
        for g in range(k):
            self._refresh(g, range(pb.nflat))

    def _refresh(self, g: int, flats: Iterable[int]) -> None:
        n, c, sh, w = self.size[g], self.cnt[g], self.pb.share, self.pb.wflat
        rem, add = self.rem[g], self.add[g]
        for v in flats:
            if n:
                cur = abs(c[v] / n - sh[v])
                add[v] = w[v] * (abs((c[v] + 1) / n - sh[v]) - cur)
                rem[v] = w[v] * (abs((c[v] - 1) / n - sh[v]) - cur)

    def group_cost(self, g: int, n: int, delta: Mapping[int, int]) -> float:
        if n == 0:
            return 0.0
        c, sh, w = self.cnt[g], self.pb.share, self.pb.wflat
        return sum(w[v] * abs((c[v] + delta.get(v, 0)) / n - sh[v]) for v in range(self.pb.nflat))

    def swap_delta(self, x: int, y: int) -> float:
        A, B, k, M = self.grp[x], self.grp[y], self.k, self.M
        rA, aA, rB, aB = self.rem[A], self.add[A], self.rem[B], self.add[B]
        d = 0.0
        for a, b in zip(self.pb.prof[x], self.pb.prof[y]):
            if a != b:
                d += rA[a] + aA[b] + rB[b] + aB[a]
        xk, yk = x * k, y * k
        return d + M[xk + B] - M[xk + A] + M[yk + A] - M[yk + B] - 2 * self.pen[x].get(y, 0.0)

    def do_swap(self, x: int, y: int) -> None:
        A, B = self.grp[x], self.grp[y]
        cA, cB = self.cnt[A], self.cnt[B]
        touched = []
        for a, b in zip(self.pb.prof[x], self.pb.prof[y]):
            if a != b:
                cA[a] -= 1; cA[b] += 1; cB[b] -= 1; cB[a] += 1
                touched += (a, b)
        self._refresh(A, touched)
        self._refresh(B, touched)
        self._relink(x, A, B)
        self._relink(y, B, A)

    def move_delta(self, x: int, B: int) -> float:
        A, k = self.grp[x], self.k
        px = self.pb.prof[x]
        nA, nB = self.size[A], self.size[B]
        d = (self.group_cost(A, nA - 1, {v: -1 for v in px}) - self.group_cost(A, nA, {})
             + self.group_cost(B, nB + 1, {v: 1 for v in px}) - self.group_cost(B, nB, {}))
        return d + self.M[x * k + B] - self.M[x * k + A]

    def do_move(self, x: int, B: int) -> None:
        A = self.grp[x]
        for v in self.pb.prof[x]:
            self.cnt[A][v] -= 1
            self.cnt[B][v] += 1
        self.size[A] -= 1
        self.size[B] += 1
        self._refresh(A, range(self.pb.nflat))
        self._refresh(B, range(self.pb.nflat))
        self._relink(x, A, B)

    def _relink(self, x: int, A: int, B: int) -> None:
        self.grp[x] = B
        M = self.M
        for jk, w in self.links[x]:
            M[jk + A] -= w
            M[jk + B] += w


def _anneal(s: _Search, movable: list[int], allowed: list[tuple[int, ...] | None],
            caps: list[int], iters: int, rng: random.Random) -> None:
    """Simulated annealing over swaps (and size-preserving moves), then a greedy polish."""
    nm = len(movable)
    if nm < 2 or s.k < 2:
        return
    grp, size, rand, k = s.grp, s.size, rng.random, s.k
    ok = [None if a is None else frozenset(a) for a in allowed]
    sizes_differ = len(set(size)) > 1
    prof, pen, M, rem, add = s.pb.prof, s.pen, s.M, s.rem, s.add

    def legal(x: int, y: int) -> bool:
        A, B = grp[x], grp[y]
        return A != B and (ok[x] is None or B in ok[x]) and (ok[y] is None or A in ok[y])

    # Temperature: start where a median worsening swap is accepted ~13% of the time
    # (the greedy start is already decent), end 1000 times colder.
    pairs = ((movable[int(rand() * nm)], movable[int(rand() * nm)]) for _ in range(300))
    sample = sorted(d for d in (abs(s.swap_delta(x, y)) for x, y in pairs if legal(x, y)) if d > 1e-12)
    t0 = 0.5 * sample[len(sample) // 2] if sample else 0.0
    alpha = 1e-3 ** (1.0 / max(iters, 1)) if t0 > 0 else 1.0
    T = t0
    exp = math.exp
    for _ in range(iters):
        T *= alpha
        x, y = movable[int(rand() * nm)], movable[int(rand() * nm)]
        A, B = grp[x], grp[y]
        if A == B or (ok[x] is not None and B not in ok[x]) or (ok[y] is not None and A not in ok[y]):
            continue
        if sizes_differ and size[A] == size[B] + 1 and size[B] < caps[B] and rand() < 0.3:
            d = s.move_delta(x, B)
            if d <= 0 or (T > 0 and d < 20 * T and rand() < exp(-d / T)):
                s.do_move(x, B)
            continue
        # Inlined swap_delta: this loop is the hot path.
        rA, aA, rB, aB = rem[A], add[A], rem[B], add[B]
        xk, yk = x * k, y * k
        d = M[xk + B] - M[xk + A] + M[yk + A] - M[yk + B] - 2 * pen[x].get(y, 0.0)
        for a, b in zip(prof[x], prof[y]):
            if a != b:
                d += rA[a] + aA[b] + rB[b] + aB[a]
        if d <= 0 or (d < 20 * T and rand() < exp(-d / T)):
            s.do_swap(x, y)
    # Polish: first-improvement sweeps over all swaps until none helps (bounded for big inputs).
    for _ in range(1 if nm > 300 else 20):
        improved = False
        for a_pos, x in enumerate(movable):
            for y in movable[a_pos + 1:]:
                if legal(x, y) and s.swap_delta(x, y) < -1e-9:
                    s.do_swap(x, y)
                    improved = True
        if not improved:
            break


def _penalties(pb: _Problem, lam: float) -> list[dict[int, float]]:
    """Cost of seating each earlier-met pair together again: lam per pair that met at
    all (the meeting score counts exactly that), plus a little per extra meeting so
    repeats spread over different pairs."""
    if lam <= 0:
        return [{} for _ in pb.met]
    return [{j: lam * (1.0 + 0.05 * (c - 1)) for j, c in m.items()} for m in pb.met]


# ----------------------------------------------------------------------------- public API

def assign_groups(people: Sequence[PersonLike], k: int, *, fields: FieldSpec, history: History = (),
                  pins: Mapping[str, int] | None = None,
                  commitments: Mapping[str, Iterable[int]] | None = None,
                  capacities: Sequence[int] | None = None, seed: int = 0,
                  meeting_weight: float = DEFAULT_MEETING_WEIGHT, effort: float = DEFAULT_EFFORT) -> GroupingResult:
    """Split people into k balanced, diverse groups of people who met least before.

    meeting_weight: cost of seating together a pair that met before, in units of one
    person out of place in one field of weight 1 (2/n of that group's L1 distance).
    The default balances the two (see DEFAULT_MEETING_WEIGHT); lower values put
    diversity first, ~1 and above favour new encounters; 0 ignores history. effort scales the number of search steps (time is
    roughly linear in it; 1.0 is tuned for the assembly's sizes).
    Raises ValueError for k < 1, unknown/duplicate ids, or infeasible constraints.
    """
    if k < 1:
        raise GroupingError("k must be at least 1", code="too_few_groups")
    pb = _Problem([_as_person(p) for p in people], fields, history)
    n, pins, commitments = len(pb.ids), dict(pins or {}), dict(commitments or {})
    if any(pid not in pb.index for pid in list(pins) + list(commitments)):
        raise GroupingError("pins or commitments name a person who is not being grouped", code="pinned_not_grouped")
    caps = [n] * k if capacities is None else [int(c) for c in capacities]
    if len(caps) != k:
        raise GroupingError("capacities must have one entry per group", code="capacities_mismatch")
    warnings: list[str] = []
    fixed: dict[int, int] = {}
    allowed: list[tuple[int, ...] | None] = [None] * n
    for pid in sorted(commitments):
        opts = tuple(sorted({int(g) for g in commitments[pid] if 0 <= int(g) < k}))
        if not opts:
            raise GroupingError(f"commitment of {pid!r} allows no existing group", code="commitment_without_group",
                                person=pid)
        allowed[pb.index[pid]] = opts if len(opts) < k else None
    for pid in sorted(pins):
        g = int(pins[pid])
        if not 0 <= g < k:
            raise GroupingError(f"pin of {pid!r} points to a missing group", code="pin_to_missing_group", person=pid)
        i = pb.index[pid]
        if allowed[i] is not None and g not in allowed[i]:
            warnings.append("pin_overrides_commitment")  # the facilitator's pin wins
        fixed[i], allowed[i] = g, (g,)
    for i, a in enumerate(allowed):
        if a is not None and len(a) == 1:
            fixed[i] = a[0]
    for g in range(k):
        pinned_here = sum(1 for fg in fixed.values() if fg == g)
        if pinned_here > caps[g]:  # pins win over capacities, the GUI shows the warning
            warnings.append("pin_over_capacity")
            caps[g] = pinned_here
    if sum(caps) < n:
        raise GroupingError("total capacity is smaller than the number of people", code="capacity_below_people")

    rng = random.Random(seed)
    grp = _balanced_assignment(n, k, fixed, allowed, caps, rng)
    target = [grp.count(g) for g in range(k)]
    pen = _penalties(pb, meeting_weight * 2.0 * k / max(n, 1))
    # Greedy construction: keep restricted people where balancing put them, seat the
    # rest (shuffled) where their values are most lacking and they met fewest.
    free = [i for i in range(n) if allowed[i] is None]
    rng.shuffle(free)
    for i in free:
        grp[i] = -1
    cnt, M, fill = [[0] * pb.nflat for _ in range(k)], [[0.0] * k for _ in range(n)], [0] * k
    for i in [i for i in range(n) if grp[i] >= 0] + free:
        if grp[i] < 0:
            grp[i] = min((g for g in range(k) if fill[g] < target[g]), key=lambda g: (M[i][g] + sum(
                pb.wflat[v] * (cnt[g][v] + 1 - target[g] * pb.share[v]) for v in pb.prof[i]) / target[g], g))
        g = grp[i]
        fill[g] += 1
        for v in pb.prof[i]:
            cnt[g][v] += 1
        for j, w in pen[i].items():
            M[j][g] += w

    search = _Search(pb, grp, k, pen)
    movable = [i for i in range(n) if i not in fixed]
    # ~600 steps per movable person for an assembly; bigger inputs converge with fewer
    # per person (measured: 1,000/60 reaches the same scores with a third of them).
    per_person = 600 * min(1.0, math.sqrt(150 / max(len(movable), 1)))
    # Rooms far larger than an assembly get half the steps per person: their many small
    # moves converge sooner, and 1,000 people stay within seconds (bench_grouping.py).
    scale = 1.0 if len(movable) <= LARGE_ROOM else 0.5
    _anneal(search, movable, allowed, caps, int(effort * scale * per_person * len(movable)), rng)
    groups = [[] for _ in range(k)]
    for i, g in enumerate(search.grp):
        groups[g].append(i)
    sc = pb.scores(groups)
    return GroupingResult(**vars(sc), groups=[[pb.ids[i] for i in g] for g in groups],
                          seed=seed, warnings=sorted(set(warnings)))


def score_groups(groups: Sequence[Sequence[str]], people: Sequence[PersonLike], fields: FieldSpec,
                 history: History = ()) -> Scores:
    """Scores of an existing arrangement; people must include everyone in groups."""
    byid = {p.id: p for p in map(_as_person, people)}
    pb = _Problem([byid[pid] for g in groups for pid in g], fields, history)
    return pb.scores([[pb.index[pid] for pid in g] for g in groups])


def best_group_for(person: PersonLike, current_groups: Sequence[Sequence[str]],
                   people: Sequence[PersonLike], fields: FieldSpec, history: History = (), *,
                   allowed: Iterable[int] | None = None, capacities: Sequence[int] | None = None,
                   meeting_weight: float = DEFAULT_MEETING_WEIGHT) -> Placement:
    """Rank the groups for a late arrival: smallest groups first (so sizes stay within
    one), then by the same objective as assign_groups (diversity change of that group
    plus the cost of sitting again with people met before).

    people: attributes of the seated people (the newcomer may be included or not).
    allowed: the newcomer's theme commitment. Raises ValueError if no group is admissible.
    """
    newcomer = _as_person(person)
    byid = {p.id: p for p in map(_as_person, people)}
    byid[newcomer.id] = newcomer
    seated = [[pid for pid in g if pid != newcomer.id] for g in current_groups]
    pb = _Problem([byid[pid] for g in seated for pid in g] + [newcomer], fields, history)
    me, k = pb.index[newcomer.id], len(seated)
    pen = _penalties(pb, meeting_weight * 2.0 * k / max(len(pb.ids), 1))[me]
    options = []
    for g in sorted(set(range(k)) if allowed is None else {g for g in allowed if 0 <= g < k}):
        members = [pb.index[pid] for pid in seated[g]]
        if capacities is not None and len(members) >= capacities[g]:
            continue
        before, after = pb.field_l1(members), pb.field_l1(members + [me])
        repeat = sum(1 for j in members if j in pb.met[me])
        cost = sum(w * (a - b) for (_, w), a, b in zip(pb.fields, after, before))
        cost += sum(pen.get(j, 0.0) for j in members)
        changes = tuple(FieldChange(f, b, a) for (f, _), b, a in zip(pb.fields, before, after))
        options.append(GroupOption(g, len(members), len(members) + 1, len(members) - repeat,
                                   repeat, changes, cost))
    if not options:
        raise GroupingError("no admissible group for this person", code="no_admissible_group")
    options.sort(key=lambda o: (o.size_before, o.cost, o.group))
    return Placement(options[0].group, tuple(options))


def rebalance(current_groups: Sequence[Sequence[str]], absent_ids: Iterable[str] = (), *,
              pinned: Iterable[str] = (), allowed: Mapping[str, Iterable[int]] | None = None,
              capacities: Sequence[int] | None = None, people: Sequence[PersonLike] | None = None,
              fields: FieldSpec | None = None, history: History = (),
              meeting_weight: float = DEFAULT_MEETING_WEIGHT) -> Rebalance:
    """Remove no-shows, then move the fewest unpinned people so sizes differ by <= 1.

    With T people left in k groups, T mod k groups end with T//k + 1 and the rest with
    T//k. The moves needed are the sum of surpluses over the targets, so the larger
    targets go to groups above T//k (first those that could not shed enough unpinned
    people otherwise), and each move takes one person from a group above its target to
    one below it: no move is wasted. With people and fields given, each move picks the
    person and destination that best keep diversity and avoid repeated meetings;
    otherwise the last-seated movable member moves. Commitments (allowed) and
    capacities are honoured with direct moves only; if they or pins block a needed
    move, the result says balanced=False.
    """
    absent, fixed = set(absent_ids), set(pinned)
    groups = [[pid for pid in g if pid not in absent] for g in current_groups]
    removed = [pid for g in current_groups for pid in g if pid in absent]
    k = len(groups)
    if k == 0:
        return Rebalance(groups, [], removed, True)
    ok = {pid: frozenset(v) for pid, v in (allowed or {}).items()}
    caps = list(capacities) if capacities is not None else [math.inf] * k
    pb = pen = None
    if people is not None and fields:
        byid = {p.id: p for p in map(_as_person, people)}
        pb = _Problem([byid[pid] for g in groups for pid in g], fields, history)
        pen = _penalties(pb, meeting_weight * 2.0 * k / max(len(pb.ids), 1))
    q, r = divmod(sum(len(g) for g in groups), k)
    # Every group above q that keeps q+1 saves one move, so the q+1 targets go first to
    # groups that could not shed enough unpinned people otherwise, then to groups above q.
    movable = [sum(1 for pid in g if pid not in fixed) for g in groups]
    target = [q] * k
    for g in sorted(range(k), key=lambda g: (len(groups[g]) - q <= movable[g],
                                             len(groups[g]) <= q, movable[g], g))[:r]:
        target[g] = q + 1

    def cost(pid: str, a: int, b: int) -> float:
        """Objective change of moving pid from a to b (0 without attributes)."""
        if pb is None or pen is None:
            return 0.0
        i = pb.index[pid]
        A, B = [pb.index[x] for x in groups[a] if x != pid], [pb.index[x] for x in groups[b]]
        d = sum(w * (a2 - a1 + b2 - b1) for (_, w), a1, a2, b1, b2 in zip(
            pb.fields, pb.field_l1(A + [i]), pb.field_l1(A), pb.field_l1(B), pb.field_l1(B + [i])))
        return d + sum(pen[i].get(j, 0.0) for j in B) - sum(pen[i].get(j, 0.0) for j in A)

    moves: list[Move] = []
    while True:
        # Largest donor first, smallest taker first, latest-seated member first: the
        # order decides ties (and everything when there are no attributes).
        cands = [(cost(pid, a, b), pid, a, b)
                 for a in sorted(range(k), key=lambda g: (-len(groups[g]), g)) if len(groups[a]) > target[a]
                 for b in sorted(range(k), key=lambda g: (len(groups[g]), g))
                 if len(groups[b]) < min(target[b], caps[b])
                 for pid in reversed(groups[a]) if pid not in fixed and (pid not in ok or b in ok[pid])]
        if not cands:
            break
        _, pid, a, b = min(cands, key=lambda c: c[0])  # min keeps the first of equal costs
        groups[a].remove(pid)
        groups[b].append(pid)
        moves.append(Move(pid, a, b))
    sizes = [len(g) for g in groups]
    return Rebalance(groups, moves, removed, max(sizes) - min(sizes) <= 1)
