"""Small pools for the selection tests, and a brute-force leximin to check the engine against."""

from __future__ import annotations

import itertools

import numpy as np

from facilitator_app.core.selection.model import Quotas, Range, Respondent, meets


def pool_of(*rows: tuple[str, dict]) -> list[Respondent]:
    return [Respondent(rid, feats) for rid, feats in rows]


def quotas(panel: int, **fields: dict[str, tuple[int, int]]) -> Quotas:
    return Quotas(panel, {f: {v: Range(*r) for v, r in vals.items()} for f, vals in fields.items()})


def brute_leximin(pool: list[Respondent], q: Quotas) -> dict[str, float]:
    """Leximin chances by enumerating every panel and fixing chances one level at a time (scipy LPs)."""
    from scipy.optimize import linprog

    ids = [r.id for r in pool]
    panels = [c for c in itertools.combinations(range(len(pool)), q.panel) if not meets([pool[i] for i in c], q)]
    assert panels, "no feasible panel"
    n, P = len(pool), len(panels)
    M = np.zeros((n, P))
    for j, c in enumerate(panels):
        M[list(c), j] = 1
    fixed: dict[int, float] = {}

    def solve(objective_row, z_floor=None):
        # variables: x (P) and z; maximise objective
        c = np.zeros(P + 1)
        A, b = [], []
        for i in range(n):
            row = np.zeros(P + 1)
            row[:P] = -M[i]
            if i in fixed:
                A.append(row), b.append(-fixed[i] + 1e-9)
            elif z_floor is None:
                row[P] = 1
                A.append(row), b.append(0.0)
            else:
                A.append(row), b.append(-z_floor + 1e-9)
        c[:] = -objective_row
        res = linprog(c, A_ub=np.array(A), b_ub=np.array(b), A_eq=[np.r_[np.ones(P), 0]], b_eq=[1],
                      bounds=[(0, None)] * P + [(None, None)], method="highs")
        assert res.status == 0
        return -res.fun

    while len(fixed) < n:
        obj = np.zeros(P + 1)
        obj[P] = 1
        z = solve(obj)
        newly = []
        for i in range(n):
            if i in fixed:
                continue
            obj = np.zeros(P + 1)
            obj[:P] = M[i]
            if solve(obj, z_floor=z) <= z + 1e-7:
                newly.append(i)
        for i in newly:
            fixed[i] = z
    return {ids[i]: p for i, p in fixed.items()}
