"""LEXIMIN selection probabilities on HiGHS (Flanigan et al., Nature 2021), our own.

Respondents with the same answers on every quota field are interchangeable:
any fair distribution can give them the same chance, and the leximin one
does (it is unique in the chances, and swapping two such people maps
distributions to distributions). So the program works on *profiles*
(types): a panel is a count vector n (n_t of the s_t people of profile t)
meeting the quotas, a person of profile t is selected with chance
E[n_t] / s_t, and the draw picks the people inside a profile uniformly.
The same optimum with fewer, symmetric-free variables.

The leximin itself is the usual sequence of LPs solved by column generation
(as in sortition-algorithms' Gurobi version): maximise the smallest chance z
among profiles not fixed yet, keeping the fixed ones at their value; when no
panel can improve it, profiles whose constraint has a positive dual are at z
in every optimum and get fixed; repeat until all are fixed. Unlike the
library, one HiGHS LP model is kept for the whole run (rows switch from
"≥ z" to "≥ fixed value"; warm-started dual simplex), and a new panel is
found first by a cheap swap search from the best known panels, then, only
to prove that none is left, by the LP relaxation bound and finally the
integer program (one solve each, never two).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from facilitator_app.core.selection.master import PrimalMaster
from facilitator_app.core.selection.model import Quotas, Respondent, SelectionError

# A panel improves the LP when its value exceeds the dual bound by this much.
PRICE_EPS = 1e-7
# A stage ends when no distribution can raise its smallest chance by more than this.
GAP = 1e-5
# A dual above this means the constraint is tight in every optimum.
DUAL_EPS = 1e-7
# The master is rebuilt at a new stage once it holds more than this many panels per profile.
MASTER_PER_PROFILE = 4

MIP_MAX_NODES = 20_000


@dataclass
class Profiles:
    """The pool grouped by answers on the quota fields."""

    keys: list[tuple[str, ...]]
    members: list[list[str]]
    size: np.ndarray
    rows: list[tuple[str, str]]
    A: np.ndarray          # rows x profiles, 0/1
    lo: np.ndarray
    hi: np.ndarray
    k: int

    @property
    def m(self) -> int:
        return len(self.keys)


def profiles(pool: Sequence[Respondent], q: Quotas) -> Profiles:
    fields = list(q.fields)
    groups: dict[tuple[str, ...], list[str]] = {}
    for r in pool:
        groups.setdefault(tuple(str(r.features[f]) for f in fields), []).append(r.id)
    keys = sorted(groups)
    rows = [(f, v) for f, vals in q.fields.items() for v in vals]
    A = np.zeros((len(rows), len(keys)))
    for j, key in enumerate(keys):
        for i, (f, v) in enumerate(rows):
            A[i, j] = key[fields.index(f)] == v
    lo = np.array([q.fields[f][v].min for f, v in rows], float)
    hi = np.array([q.fields[f][v].max for f, v in rows], float)
    return Profiles(keys, [sorted(groups[k]) for k in keys], np.array([len(groups[k]) for k in keys], float),
                    rows, A, lo, hi, q.panel)


class PanelFinder:
    """Best panel for given per-person weights: swap search, LP bound, integer program (HiGHS)."""

    def __init__(self, P: Profiles):
        import highspy

        from facilitator_app.core.selection.library import quiet_highs_banner

        quiet_highs_banner()
        self.P = P
        self.hs = highspy
        self.mip = self._model(integer=True)
        self.lp = self._model(integer=False)
        self.idx = np.arange(P.m, dtype=np.int32)
        # Each profile's quota rows as the bits of one integer: the swap search's feasibility test
        # becomes a few bitwise operations instead of two matrix products per move.
        self.bits = None
        if len(P.rows) <= 63:
            weights = np.left_shift(np.uint64(1), np.arange(len(P.rows), dtype=np.uint64))
            self.bits = (P.A.astype(np.uint64) * weights[:, None]).sum(axis=0, dtype=np.uint64)
            self.row_bits = weights
        self.mip_solves = self.lp_solves = self.lp_integral = 0
        self._lp_w: np.ndarray | None = None

    def _model(self, integer: bool):
        hs, P = self.hs, self.P
        h = hs.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("random_seed", 0)
        if integer:
            h.setOptionValue("mip_rel_gap", 1e-6)
            h.setOptionValue("mip_abs_gap", 1e-9)
            # A node limit, never a time limit: a draw must compute the same distribution on a
            # loaded laptop as on the secretariat's (verify redoes it). Pricing MIPs here close at
            # the root node (1 node at 500 -> 90); the limit only stops a pathological search.
            h.setOptionValue("mip_max_nodes", MIP_MAX_NODES)
        h.addVars(P.m, np.zeros(P.m), P.size)
        if integer:
            h.changeColsIntegrality(P.m, np.arange(P.m, dtype=np.int32),
                                    np.array([hs.HighsVarType.kInteger] * P.m))
        all_ = np.arange(P.m, dtype=np.int32)
        h.addRow(P.k, P.k, P.m, all_, np.ones(P.m))
        for i in range(len(P.rows)):
            cols = np.flatnonzero(P.A[i]).astype(np.int32)
            h.addRow(P.lo[i], P.hi[i], len(cols), cols, np.ones(len(cols)))
        h.changeObjectiveSense(hs.ObjSense.kMaximize)
        return h

    def _solve(self, h, w: np.ndarray):
        h.changeColsCost(self.P.m, self.idx, w)
        h.run()
        return h.getModelStatus()

    def exact(self, w: np.ndarray, start: np.ndarray | None = None) -> tuple[np.ndarray | None, float]:
        """The best panel and an upper bound on any panel's value (None if there is none).

        When the LP relaxation (solved last by `bound`, same weights) has a whole-number
        optimum, that is the best panel and no integer program is needed.
        """
        if self._lp_w is not None and np.array_equal(self._lp_w, w):
            x = np.array(self.lp.getSolution().col_value)
            if np.all(np.abs(x - np.rint(x)) < 1e-9):
                self.lp_integral += 1
                n = np.rint(x)
                return n, float(w @ n)
        self.mip_solves += 1
        if start is not None:
            self.mip.changeColsCost(self.P.m, self.idx, w)
            self.mip.setSolution(self.hs.HighsSolution())  # clear a previous start
            sol = self.hs.HighsSolution()
            sol.col_value = [float(v) for v in start]
            sol.value_valid = True
            self.mip.setSolution(sol)
        status = self._solve(self.mip, w)
        if status == self.hs.HighsModelStatus.kSolutionLimit and self.mip.getInfo().primal_solution_status:
            pass  # a good panel and a valid bound, if not the proven best
        elif status != self.hs.HighsModelStatus.kOptimal:
            if status == self.hs.HighsModelStatus.kInfeasible:
                return None, -np.inf
            raise SelectionError(f"the solver stopped with status {status}", code="solver_failed",
                                 status=str(status))
        n = np.rint(np.array(self.mip.getSolution().col_value)).clip(0, self.P.size)
        bound = self.mip.getInfo().mip_dual_bound
        return n, max(float(w @ n), float(bound))

    def bound(self, w: np.ndarray) -> float:
        """The LP relaxation's optimum: no panel is worth more."""
        self.lp_solves += 1
        self._lp_w = w.copy()
        self._solve(self.lp, w)
        return float(self.lp.getInfo().objective_function_value)

    def swap_search(self, n: np.ndarray, w: np.ndarray, max_moves: int = 400) -> np.ndarray:
        """Best-improvement one-for-one swaps that keep every quota: a local optimum from n."""
        if self.bits is not None:
            return self._swap_search_bits(n, w, max_moves)
        return self._swap_search_dense(n, w, max_moves)

    def _swap_search_bits(self, n: np.ndarray, w: np.ndarray, max_moves: int) -> np.ndarray:
        """`_swap_search_dense`, the same moves in the same order, on fewer pairs and with bit masks.

        Only pairs that could gain are looked at (b worth more than the cheapest a, a worth less than the
        dearest b); the others gain nothing, so the best pair and its tie-break order are unchanged.
        """
        P, bits, row_bits = self.P, self.bits, self.row_bits
        n = n.copy()
        cnt = P.A @ n
        hi, lo, size, A = P.hi - 0.5, P.lo + 0.5, P.size, P.A
        zero = np.uint64(0)
        for _ in range(max_moves):
            out = (n > 0).nonzero()[0]
            w_out = w[out]
            cand = ((n < size) & (w > w_out.min())).nonzero()[0]
            if not len(cand):
                break
            w_cand = w[cand]
            keep = w_out < w_cand.max()
            out, w_out = out[keep], w_out[keep]
            hi_mask = np.bitwise_or.reduce(row_bits[cnt >= hi], initial=zero)
            lo_mask = np.bitwise_or.reduce(row_bits[cnt <= lo], initial=zero)
            b_out, b_cand = bits[out], bits[cand]
            # Adding b breaks a full row that b has and a lacks; removing a, a row at its minimum that a has and b lacks.
            bad = ((b_cand & hi_mask)[None, :] & ~b_out[:, None]) != zero
            bad |= ((b_out & lo_mask)[:, None] & ~b_cand[None, :]) != zero
            gain = w_cand[None, :] - w_out[:, None]
            gain[bad] = -np.inf
            i, j = divmod(int(gain.argmax()), len(cand))
            if gain[i, j] <= 1e-12:
                break
            a, b = out[i], cand[j]
            n[a] -= 1
            n[b] += 1
            cnt += A[:, b] - A[:, a]
        return n

    def _swap_search_dense(self, n: np.ndarray, w: np.ndarray, max_moves: int) -> np.ndarray:
        P = self.P
        n = n.copy()
        cnt = P.A @ n
        for _ in range(max_moves):
            out = np.flatnonzero(n > 0)
            room = n < P.size
            at_hi, at_lo = cnt >= P.hi - 0.5, cnt <= P.lo + 0.5
            Ah, Al = P.A[at_hi], P.A[at_lo]
            # Removing a and adding b breaks a full row b has and a lacks, or an empty-at-min row a has and b lacks.
            bad = ((1 - Ah[:, out]).T @ Ah) > 0
            bad |= (Al[:, out].T @ (1 - Al)) > 0
            gain = w[None, :] - w[out][:, None]
            gain[bad] = -np.inf
            gain[:, ~room] = -np.inf
            a, b = np.unravel_index(int(np.argmax(gain)), gain.shape)
            if gain[a, b] <= 1e-12:
                break
            a = out[a]
            n[a] -= 1
            n[b] += 1
            cnt += P.A[:, b] - P.A[:, a]
        return n


@dataclass
class Distribution:
    """Panels (count vectors over profiles) with their probabilities, and each profile's chance."""

    P: Profiles
    panels: list[np.ndarray]
    weights: list[float]
    chance: np.ndarray                 # per profile: chance of each of its people
    stats: dict = field(default_factory=dict)

    def person_chances(self) -> dict[str, float]:
        return {rid: float(self.chance[t]) for t, ids in enumerate(self.P.members) for rid in ids}


class _Columns:
    """The panels known so far, as rows of a matrix of per-person shares (n_t / s_t)."""

    def __init__(self, P: Profiles):
        self.P = P
        self.seen: dict[bytes, int] = {}
        self.counts: list[np.ndarray] = []

    def add(self, n: np.ndarray) -> bool:
        key = n.astype(np.int16).tobytes()
        if key in self.seen:
            return False
        self.seen[key] = len(self.counts)
        self.counts.append(n.copy())
        return True

    def index(self, n: np.ndarray) -> int:
        return self.seen[n.astype(np.int16).tobytes()]

    def matrix(self) -> np.ndarray:
        return np.array(self.counts)

    def values(self, w: np.ndarray) -> np.ndarray:
        """Each known panel's value for per-person weights w (matrix grown in place, not rebuilt)."""
        if not hasattr(self, "_M") or self._M.shape[0] < len(self.counts):
            size = max(64, 2 * len(self.counts))
            M = np.zeros((size, self.P.m))
            if hasattr(self, "_M"):
                M[: self._n] = self._M[: self._n]
            self._M, self._n = M, getattr(self, "_n", 0)
        while self._n < len(self.counts):
            self._M[self._n] = self.counts[self._n]
            self._n += 1
        return self._M[: self._n] @ w


def leximin(P: Profiles, *, time_limit: float = 600.0, extra: int = 16, max_stages: int | None = None,
            swap_share: float = 0.5) -> Distribution:
    """The leximin distribution over panels of P.k people meeting the quotas."""
    t0 = time.perf_counter()
    finder = PanelFinder(P)
    m = P.m
    rng = np.random.default_rng(0)
    cols = _Columns(P)

    first, _ = finder.exact(rng.uniform(0.99, 1.0, m))
    if first is None:
        raise SelectionError("no group meets the quotas with this pool", code="infeasible_quotas")
    cols.add(first)

    # Initial panels: multiplicative weights (the library's idea) with swap search instead of an ILP each round.
    weights = rng.uniform(0.99, 1.0, m)
    for _ in range(2 * m):
        w = weights / P.size
        start = cols.counts[int(np.argmax(cols.values(w)))]
        n = finder.swap_search(start, w)
        if cols.add(n):
            weights[n > 0] *= 0.8
        else:
            weights = 0.9 * weights + 0.1
        weights *= m / weights.sum()
    # Every profile that some panel can hold is in at least one known panel.
    covered = np.zeros(m, bool)
    for n in cols.counts:
        covered |= n > 0
    fixed = np.full(m, np.nan)
    for t in np.flatnonzero(~covered):
        w = np.zeros(m)
        w[t] = 1.0
        n, _ = finder.exact(w)
        if n is not None and n[t] > 0:
            cols.add(n)
            covered |= n > 0
        else:
            fixed[t] = 0.0        # no panel meeting the quotas can hold this profile
    init_panels = len(cols.counts)

    counters: dict[str, int] = {}
    lp = PrimalMaster(P, fixed, cols.counts, range(len(cols.counts)), counters)
    free = np.flatnonzero(np.isnan(fixed)).astype(np.int32)

    def add_column(n: np.ndarray) -> None:
        if cols.add(n):
            lp.add(n, len(cols.counts) - 1)
        else:   # known, but maybe left out of the master at a rebuild
            i = cols.index(n)
            if i not in lp.in_master:
                lp.add(n, i)

    stages = iterations = rebuilds = 0
    z = 0.0
    values = np.zeros(0)
    while np.isnan(fixed).any() and (max_stages is None or stages < max_stages):
        stages += 1
        upper = np.inf
        if stages > 1 and len(lp.ids) > MASTER_PER_PROFILE * m:
            # Keep the current distribution's panels (still feasible: fixed chances are what it gives), the
            # panels that were nearly as good under the last stage's duals, and the ones added since.
            x = lp.weights()
            keep = {lp.ids[j] for j in np.flatnonzero(x > 1e-12)}
            keep.update(int(i) for i in np.argsort(-values)[: MASTER_PER_PROFILE * m // 2])
            keep.update(range(len(values), len(cols.counts)))
            ids = sorted(keep)
            lp = PrimalMaster(P, fixed, [cols.counts[i] for i in ids], ids, counters)
            rebuilds += 1
        while True:
            iterations += 1
            if time.perf_counter() - t0 > time_limit:
                raise SelectionError(f"the leximin computation took longer than {time_limit:.0f} s",
                                     code="selection_timeout", seconds=time_limit)
            solved = lp.solve()
            if solved is None:
                # Rounding left a fixed chance just out of reach: loosen them all a hair and go on.
                for t in np.flatnonzero(~np.isnan(fixed)):
                    if fixed[t] > 0:
                        fixed[t] = max(0.0, fixed[t] - 1e-7)
                        lp.fix(int(t), fixed[t])
                continue
            z, y = solved
            w = y / P.size
            values = cols.values(w)
            in_master = np.zeros(len(values), bool)
            in_master[lp.ids] = True
            top = float(values[in_master].max())
            # Weak duality: no distribution does better than the best panel's value minus the fixed part.
            fixed_part = float(np.nansum(np.where(np.isnan(fixed), 0.0, fixed) * y))
            upper = min(upper, finder.bound(w) - fixed_part)
            if upper - z <= GAP:
                break
            # Known panels left out of the master at a rebuild come back first when they improve it.
            back = np.flatnonzero(~in_master & (values > top + PRICE_EPS))
            if len(back):
                for i in back[np.argsort(-values[back])][: 4 * extra]:
                    lp.add(cols.counts[int(i)], int(i))
                continue
            # Cheap neighbours of the `extra` best panels first (16 rather than 3: a quarter less CPU at 300 -> 45,
            # fewer LP solves and MIPs); the integer program only when they gain less than `swap_share`
            # of what the relaxation says may be gained.
            lp_gain = upper + fixed_part - top
            swaps = []
            for j in np.argsort(-values)[:extra]:
                n2 = finder.swap_search(cols.counts[int(j)], w)
                if float(w @ n2) > top + PRICE_EPS:
                    swaps.append(n2)
            best_swap = max((float(w @ n2) for n2 in swaps), default=top) - top
            for n2 in swaps:
                add_column(n2)
            if swaps and best_swap >= swap_share * lp_gain:
                continue
            n, best = finder.exact(w)
            upper = min(upper, best - fixed_part)
            if n is None or upper - z <= GAP or best <= top + PRICE_EPS:
                if swaps:
                    continue
                break
            add_column(n)
        newly = [t for t in free if np.isnan(fixed[t]) and y[t] > DUAL_EPS]
        if not newly:  # cannot happen for an optimal dual (the duals of free rows sum to 1); be safe
            newly = [t for t in free if np.isnan(fixed[t])]
        for t in newly:
            fixed[t] = max(0.0, z)
            lp.fix(int(t), fixed[t], first=True)

    # The last stage's solution already gives every profile at least its fixed chance (the ones fixed
    # last are at z); re-solving would need an LP with nothing left to maximise.
    x = lp.weights().clip(0, None)
    x /= x.sum()
    keep = np.flatnonzero(x > 1e-9)
    C = cols.matrix()[lp.ids]
    panels = [C[j] for j in keep]
    probs = x[keep] / x[keep].sum()
    chance = (probs @ C[keep]) / P.size
    return Distribution(P, panels, [float(p) for p in probs], chance, {
        "seconds": time.perf_counter() - t0, "stages": stages, "iterations": iterations,
        "panels_known": len(cols.counts), "initial_panels": init_panels, "master_rebuilds": rebuilds, "profiles": m,
        "mip_solves": finder.mip_solves, "lp_bounds": finder.lp_solves, "lp_integral": finder.lp_integral,
        **counters,
    })
