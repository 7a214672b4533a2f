"""The master LP of the LEXIMIN column generation (see leximin.py): one warm HiGHS LP per stage."""

from __future__ import annotations

from collections.abc import Sequence
import numpy as np

# Fixed chances are kept with this slack, so rounding never makes the LP infeasible.
FIX_SLACK = 1e-9
# Pivots after which a master LP solve is restarted (see PrimalMaster): the longest healthy solves at
# 500 -> 90 take about 2,200 pivots, and a stalled one is cut short before it costs seconds.
ITERATION_LIMIT = 5_000


def _highs(hs):
    h = hs.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("random_seed", 0)
    # Presolve would throw the warm basis away at every added panel.
    h.setOptionValue("presolve", "off")
    h.setOptionValue("solver", "simplex")
    return h


class PrimalMaster:
    """max z: columns x_c (panels) and z; one row per profile (>= z, or >= its fixed chance), sum x = 1.

    The master holds only some of the known panels (`ids`, indices into the pool of known panels):
    past a few times the number of profiles, most columns never re-enter the basis, yet every one of
    them makes each primal simplex pivot dearer and the late, highly degenerate stages slower. So at a
    new stage the master is rebuilt from the current solution's panels and the best others; a panel
    left out comes back as soon as its reduced cost is positive (priced from the pool, see leximin()).
    """

    def __init__(self, P, fixed: np.ndarray, columns: Sequence[np.ndarray], ids: Sequence[int],
                 counters: dict[str, int] | None = None):
        """P: the pool's leximin.Profiles (not imported here: leximin imports this module)."""
        import highspy as hs

        self.counters = counters if counters is not None else {}
        for key in ("master_solves", "master_pivots", "master_restarts"):
            self.counters.setdefault(key, 0)

        self.hs, self.P, m = hs, P, P.m
        self.lp = lp = _highs(hs)
        # Primal simplex: a new panel is a new column, and the old basis stays primal feasible.
        lp.setOptionValue("simplex_strategy", 4)
        # A warm primal simplex on these degenerate LPs can, rarely, stall for ever inside HiGHS
        # (seen at 500 -> 90); past this many pivots the solve is restarted from the same basis.
        lp.setOptionValue("simplex_iteration_limit", ITERATION_LIMIT)
        inf = self.inf = hs.kHighsInf
        held = ~np.isnan(fixed)
        low = np.where(held, np.nan_to_num(fixed) - FIX_SLACK, 0.0)
        lp.addRows(m, low, np.full(m, inf), 0, np.zeros(m, dtype=np.int32), np.array([], dtype=np.int32),
                   np.array([]))
        lp.addRow(1.0, 1.0, 0, np.array([], dtype=np.int32), np.array([]))
        free = np.flatnonzero(~held).astype(np.int32)
        lp.addCol(1.0, 0.0, 1.0, len(free), free, -np.ones(len(free)))   # z
        lp.changeObjectiveSense(hs.ObjSense.kMaximize)
        self.ids: list[int] = []
        self.in_master: set[int] = set()
        for n, i in zip(columns, ids):
            self.add(n, i)

    def add(self, n: np.ndarray, i: int) -> None:
        P, m = self.P, self.P.m
        nz = np.flatnonzero(n > 0).astype(np.int32)
        idx = np.append(nz, np.int32(m))
        self.lp.addCol(0.0, 0.0, self.inf, len(idx), idx, np.append(n[nz] / P.size[nz], 1.0))
        self.ids.append(i)
        self.in_master.add(i)

    def solve(self):
        lp, hs, c = self.lp, self.hs, self.counters
        lp.run()
        c["master_solves"] += 1
        c["master_pivots"] += lp.getInfo().simplex_iteration_count
        if lp.getModelStatus() == hs.HighsModelStatus.kIterationLimit:
            c["master_restarts"] += 1
            basis = lp.getBasis()
            lp.clearSolver()
            lp.setBasis(basis)
            lp.setOptionValue("simplex_iteration_limit", 10 * ITERATION_LIMIT)
            lp.run()
            lp.setOptionValue("simplex_iteration_limit", ITERATION_LIMIT)
            if lp.getModelStatus() == hs.HighsModelStatus.kIterationLimit:   # last resort: from scratch
                lp.clearSolver()
                lp.setOptionValue("simplex_iteration_limit", 2**31 - 1)
                lp.setOptionValue("simplex_strategy", 1)
                lp.run()
                lp.setOptionValue("simplex_strategy", 4)
                lp.setOptionValue("simplex_iteration_limit", ITERATION_LIMIT)
        if lp.getModelStatus() != hs.HighsModelStatus.kOptimal:
            return None
        y = np.abs(np.array(lp.getSolution().row_dual[: self.P.m]))
        return float(lp.getInfo().objective_function_value), y

    def fix(self, t: int, p: float, first: bool = False) -> None:
        if first:
            self.lp.changeCoeff(t, 0, 0.0)           # column 0 is z
        self.lp.changeRowBounds(t, p - FIX_SLACK, self.inf)

    def weights(self) -> np.ndarray:
        """The probability of each master column (in the order of `ids`)."""
        return np.array(self.lp.getSolution().col_value[1:])
