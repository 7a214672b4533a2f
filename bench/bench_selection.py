"""Selection by lot: the app's LEXIMIN against sortition-algorithms' maximin (HiGHS), same pool and quotas.

    python bench/bench_selection.py [--repeat N] [--quick]

Pools: synthetic, seeded, shaped like Milan (resources/data/milano_population.csv) with the
self-selection of real replies (graduates x1.9, foreign residents x0.45, under 30 x0.6).
Quotas on the five fields, min = floor and max = ceil of panel x share.
Cases: 300 -> 45 and 500 -> 90, and a rotation: 45 continuing members (drawn earlier from
another pool) + 45 newcomers from a pool of 300, quotas for the 90 in office.
The library's maximin runs as shipped (its HiGHS wrapper solves each pricing problem twice)
and once more with that double solve patched out (skipped with --quick). For the app: best wall
and best CPU time (time.process_time) of --repeat runs, each printed; the load average is printed
with every case, since the machine may be shared (compare CPU times there).
Targets: app min chance within 0.001 of maximin's, median >= maximin's,
under 8 s at 300 -> 45 and under 30 s at 500 -> 90, the rotation case under 8 s like the pool of
300 it draws from; each printed with OK / NOT MET, for wall and for CPU time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitator_app.core.members.targets import default_targets  # noqa: E402
from facilitator_app.core.selection import library  # noqa: E402
from facilitator_app.core.selection.engine import select  # noqa: E402
from facilitator_app.core.selection.model import FIELDS, meets, quotas_from_targets, shifted  # noqa: E402
from facilitator_app.core.selection.synthetic import synthetic_pool  # noqa: E402


def figures(chances: dict[str, float], fair: float) -> dict[str, float]:
    vals = sorted(chances.values())
    return {"min": vals[0], "median": statistics.median(vals), "under_half": sum(v < fair / 2 for v in vals) / len(vals)}


def timed(fn):
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - t0, time.process_time() - c0


def load() -> str:
    return "load " + " ".join(f"{v:.1f}" for v in os.getloadavg())


def line(label: str, secs: float, cpu: float, f: dict[str, float]) -> None:
    print(f"  {label:<44} wall {secs:7.2f} s  cpu {cpu:7.2f} s   min {f['min']:.4f}   median {f['median']:.4f}"
          f"   under half of fair {f['under_half']:6.1%}")


def verdict(ok: bool) -> str:
    return "OK" if ok else "NOT MET"


def case(title: str, pool, q, fixed, repeat: int, limit: float, library_runs: tuple[bool, ...]) -> bool:
    to_pick = q.panel - len(fixed)
    fair = to_pick / len(pool)
    print(f"\n{title}: pool {len(pool)}, {len(fixed)} continuing, {to_pick} to draw, fair chance {fair:.4f}"
          f"   ({load()})")
    sq, _ = shifted(q, fixed)
    peer = {}
    for fix in library_runs:
        (panels, probs), secs, cpu = timed(lambda: library.maximin(pool, sq, fix_double_solve=fix))
        chances = {r.id: 0.0 for r in pool}
        for p, pr in zip(panels, probs):
            for rid in p:
                chances[rid] += pr
        peer[fix] = (secs, cpu, figures(chances, fair))
        line(f"sortition-algorithms maximin{' (single solve)' if fix else ' (as shipped)'}", secs, cpu, peer[fix][2])
    runs = []
    for _ in range(repeat):
        sel, secs, cpu = timed(lambda: select(pool, q, "leximin", "bench", fixed=fixed))
        runs.append((sel, secs, cpu))
        by_id = {r.id: r for r in pool}
        assert not meets([*fixed, *(by_id[i] for i in sel.selected)], q)
    sel = runs[0][0]
    secs = min(r[1] for r in runs)
    cpu = min(r[2] for r in runs)
    f = figures(sel.probabilities(), fair)
    line(f"facilitator_app leximin (best of {repeat})", secs, cpu, f)
    if repeat > 1:
        print("  app runs: " + ", ".join(f"wall {r[1]:.2f} s / cpu {r[2]:.2f} s" for r in runs))
    ref_secs, ref_cpu, ref = peer[False] if False in peer else peer[True]
    min_ok = f["min"] - ref["min"] >= -0.001
    median_ok = f["median"] >= ref["median"] - 1e-9
    wall_ok, cpu_ok = secs < limit, cpu < limit
    print(f"  ratio library/app: wall {ref_secs / secs:5.1f}x, cpu {ref_cpu / cpu:5.1f}x")
    print(f"  targets: min diff {f['min'] - ref['min']:+.5f} (>= -0.001) {verdict(min_ok)};"
          f" median diff {f['median'] - ref['median']:+.4f} (>= 0) {verdict(median_ok)};"
          f" wall {secs:.2f} s (< {limit:.0f} s) {verdict(wall_ok)}; cpu {cpu:.2f} s (< {limit:.0f} s) {verdict(cpu_ok)}")
    print(f"  solver stats: {sel.lottery.stats}   ({load()})")
    return min_ok and median_ok and wall_ok


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="skip the library's double-solve run")
    ap.add_argument("--case", choices=("300", "500", "rotation"), action="append",
                    help="run only these cases (repeatable); default all three")
    args = ap.parse_args()
    cases = args.case or ["300", "500", "rotation"]
    targets = default_targets()
    runs = (True,) if args.quick else (False, True)
    print(f"sortition-algorithms {library.library_version()}, highspy {library.highs_version()}, {load()}")
    results = {}
    for n, k, limit in ((300, 45, 8.0), (500, 90, 30.0)):
        if str(n) not in cases:
            continue
        pool = synthetic_pool(n, seed=n)
        q = quotas_from_targets(targets, k, FIELDS)
        results[f"{n} -> {k}"] = case(f"{n} -> {k}", pool, q, [], args.repeat, limit, runs)
    if "rotation" in cases:
        earlier = synthetic_pool(300, seed=7, prefix="old")
        q90 = quotas_from_targets(targets, 90, FIELDS)
        first = select(earlier, quotas_from_targets(targets, 45, FIELDS), "leximin", "earlier")
        by_id = {r.id: r for r in earlier}
        continuing = [by_id[i] for i in first.selected]
        results["rotation 45 + 45"] = case("rotation 45 + 45 (quotas for the 90 in office)", synthetic_pool(300, seed=301),
                                           q90, continuing, args.repeat, 8.0, runs)
    print("\nsummary (fairness and wall time against the issue's targets): "
          + "; ".join(f"{k} {verdict(v)}" for k, v in results.items()))


if __name__ == "__main__":
    main()
