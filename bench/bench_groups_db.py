"""Groups on the demo file: the full user actions, timed (read people and history, run the engine, write).

    python bench/bench_groups_db.py

For plenary 6 (held: ~87 people checked in, 5 earlier rounds) and plenary 8 (to come: the
45 expected members, 7 earlier rounds), times the assignment as the screen does it: read
who is present and the history from the file + the engine (plan_assignment), and writing
the seats in one transaction (accept_assignment); then a late arrival (plan + seat), a
no-show rebalance (plan + apply) and what the board recomputes after each edit (board read +
scores). Median of a few runs; prints the scores next to the times.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def median_time(fn, repeats: int = 5):
    times, out = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["FACILITATOR_APP_HOME"] = str(tmp / "home")
    from facilitator_app.core.groups import assign as GA
    from facilitator_app.core.groups import groups as G
    from facilitator_app.core.plenaries.plenaries import get_plenary
    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.store import Store
    from facilitator_app.demo.build import build_demo

    path = tmp / "demo.sqlite"
    t = time.perf_counter()
    with Store(path, Device("bench", "bench")) as store:
        build_demo(store, seed=2024)
    print(f"demo build (incl. groups step): {time.perf_counter() - t:.2f} s")

    for number in (6, 8):
        work = tmp / f"work{number}.sqlite"
        shutil.copy(path, work)
        with Store(work, Device("bench", "bench")) as store:
            p = get_plenary(store, number)
            expected = not G.has_attendance(store, p["id"])
            who = "expected" if expected else "present"

            def plan():
                return GA.plan_assignment(store, p["id"], seed=7, expected=expected)

            secs_plan, pl = median_time(plan)
            accepts = []
            for _ in range(3):  # each time onto an empty board, as on the day
                G.unseat(store, p["id"], None, list(G.seats_of(store, p["id"])))
                t = time.perf_counter()
                GA.accept_assignment(store, pl)
                accepts.append(time.perf_counter() - t)
            secs_accept = statistics.median(accepts)
            r = pl.result
            print(f"plenary {number}: {len(pl.members)} {who} / {len(pl.groups)} groups / "
                  f"{len(G.history(store, p['id']))} earlier rounds")
            print(f"  assign: read + engine {secs_plan * 1000:.0f} ms, write seats {secs_accept * 1000:.0f} ms, "
                  f"total {(secs_plan + secs_accept) * 1000:.0f} ms")
            print(f"  diversity {r.diversity:.3f} (rounding bound {r.diversity_bound:.3f}, "
                  f"{r.diversity / r.diversity_bound:.2f}x)  meetings {r.meeting_relative:.0%} of max "
                  f"({r.new_pairs}/{r.possible_pairs} new pairs; by lot {r.meeting_lottery:.0%})")

            seated = G.arrangement(store, p["id"])
            late = seated[0][0]
            G.unseat(store, p["id"], None, [late])
            secs_late, lp = median_time(lambda: GA.plan_late_arrival(store, p["id"], None, late))
            t = time.perf_counter()
            GA.place_late_arrival(store, lp)
            secs_place = time.perf_counter() - t
            print(f"  late arrival: plan {secs_late * 1000:.0f} ms, seat {secs_place * 1000:.0f} ms")
            absent = seated[1][:3]
            secs_ns, ns = median_time(lambda: GA.plan_no_shows(store, p["id"], None, absent))
            t = time.perf_counter()
            GA.apply_no_shows(store, ns)
            secs_apply = time.perf_counter() - t
            print(f"  3 no-shows: plan {secs_ns * 1000:.0f} ms ({len(ns.moves)} moves), "
                  f"apply {secs_apply * 1000:.0f} ms")
            secs_live, sc = median_time(lambda: (GA.board(store, p["id"]), GA.current_scores(store, p["id"])))
            print(f"  board refresh after an edit (cards + scores): {secs_live * 1000:.0f} ms "
                  f"(diversity now {sc[1].diversity:.3f}, meetings {sc[1].meeting_relative:.0%} of max)")


if __name__ == "__main__":
    main()
