"""Reference scores for the grouping tests, written independently of the engine.

`ref_transport_bound` is the rounding lower bound of the diversity score: every
group's ideal mix rounded to whole people, with the roundings of all groups using
the people actually there (the counts of each value add up to the whole). No
assignment can score below it, and unlike rounding each group on its own, it can
be reached field by field.
"""

from __future__ import annotations

import math


def counts(group, attrs, field):
    out: dict = {}
    for pid in group:
        v = attrs[pid].get(field)
        out[v] = out.get(v, 0) + 1
    return out


def ref_transport_bound(groups, attrs, weights):
    """Exact per-field optimum when counts must also add up to the totals of each value
    (convex-cost transportation, successive shortest paths). No assignment can beat it."""
    ids = [p for g in groups for p in g]
    sizes = [len(g) for g in groups if g]
    G = len(sizes)
    total = 0.0
    for f, w in weights.items():
        tot = counts(ids, attrs, f)
        vals = list(tot)
        V = len(vals)
        p = [tot[v] / len(ids) for v in vals]
        left_v, left_g = [tot[v] for v in vals], sizes[:]
        c = [[0] * V for _ in range(G)]

        def marg(g, v, t):  # cost of raising group g's count of v from t to t+1
            return abs((t + 1) / sizes[g] - p[v]) - abs(t / sizes[g] - p[v])

        for _ in ids:
            dv = [0.0 if left_v[v] else math.inf for v in range(V)]
            dg = [math.inf] * G
            pv, pg = [None] * V, [None] * G
            for _ in range(V + G + 1):
                changed = False
                for v in range(V):
                    for g in range(G):
                        if dv[v] + marg(g, v, c[g][v]) < dg[g] - 1e-15:
                            dg[g], pg[g], changed = dv[v] + marg(g, v, c[g][v]), v, True
                for g in range(G):
                    for v in range(V):
                        if c[g][v] and dg[g] - marg(g, v, c[g][v] - 1) < dv[v] - 1e-15:
                            dv[v], pv[v], changed = dg[g] - marg(g, v, c[g][v] - 1), g, True
                if not changed:
                    break
            g = min((g for g in range(G) if left_g[g]), key=lambda g: dg[g])
            left_g[g] -= 1
            while True:
                v = pg[g]
                c[g][v] += 1
                if pv[v] is None:
                    break
                c[pv[v]][v] -= 1
                g = pv[v]
            left_v[v] -= 1
        total += w * sum(abs(c[g][v] / sizes[g] - p[v]) for g in range(G) for v in range(V)) / G
    return total
