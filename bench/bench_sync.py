"""A plenary day through one shared folder: laptops in processes, each running the sync loop.

    python bench/bench_sync.py [--laptops 9,20] [--speed 20] [--minutes 60] [--gui] [--no-day]

Each laptop is a process with its own assembly file (real durability: WAL, synchronous=FULL),
prepared from the secretariat's file (90 members, one plenary, a group per table), which put
its package in the folder before the day and is then switched off. Two entrances check in the
90 members (45 each) at random times over 20 minutes; every other laptop is a table adding a
note every 10 s for `--minutes` (60). Each laptop runs the app's loop (core/sync) at its real
pace: a step every 3 s, and one at most 1 s after a local edit, as the window's worker does.

Time compression: the *day's edits* come `--speed` times faster (20: the hour of notes takes
3 minutes, a note every 0.5 s per table), the loop keeps its real timing, so every latency is
in real seconds, under a load `speed` times denser than the real day (pessimistic). Packages
then hold a few edits each instead of one: the folder's size at the end of the real day is
bounded by the figure printed plus, per laptop, the small packages not yet compacted
(at most 20, about 1.2 KB each). Not included: the sync tool's own delay (Syncthing's file
watcher waits up to 10 s by default; a network share or a stick adds none).

Figures: latency from a change's commit on its laptop to *every* other laptop having it
(p50, p95, max), the folder's size and number of files at the end of the day, and the time of
a loop step, and the CPU time of each laptop. `--gui`: then runs bench_sync_frames.py (the
window's frame time while its worker imports the plenary, page by page).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

MEMBERS, ENTRANCES = 90, 2
CHECKIN_MINUTES, NOTE_EVERY = 20, 10.0
INTERVAL, MIN_GAP = 3.0, 1.0       # the app's loop (core/sync/loop.py)
SETTLE = 30.0


# -- the day, prepared ------------------------------------------------------------------------------
def prepare(tmp: Path, laptops: int) -> tuple[Path, Path, dict]:
    """The secretariat's file, the folder holding its package, and the facts the laptops need."""
    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.store import Store
    from facilitator_app.core.sync.loop import SyncLoop

    folder = tmp / "cartella"
    folder.mkdir()
    sec = Store(tmp / "segreteria.sqlite", Device("devsegreteria", "Segreteria"))
    sec.ensure_assembly("Assemblea (benchmark)")
    tables = laptops - ENTRANCES
    with sec.transaction():
        pid = sec.insert("plenaries", {"number": 1, "date": "2026-12-03"})
        sid = sec.insert("sessions", {"plenary_id": pid, "name": "Mattina", "starts_at": "09:00"})
        gids = [sec.insert("groups", {"plenary_id": pid, "session_id": sid, "name": f"Tavolo {i + 1}"})
                for i in range(tables)]
        mids = sec.insert_many("members", [{"surname": f"Cognome{i}", "first_name": "Nome", "status": "active"}
                                           for i in range(MEMBERS)])
    SyncLoop(sec, folder, settle=SETTLE).step()          # the secretariat puts its package in the folder
    sec.close()
    # ... the evening before: its state file says so (a laptop switched off holds nothing back).
    state = folder / "devsegreteria.peer.json"
    data = json.loads(state.read_text())
    data["written_at"] = "2026-12-02T18:00:00.000+00:00"
    state.write_text(json.dumps(data))
    return tmp / "segreteria.sqlite", folder, {"plenary": pid, "session": sid, "groups": gids, "members": mids}


def schedule(laptops: int, minutes: float, seed: int = 7) -> list[list[tuple[float, str]]]:
    """Per laptop, (day second, what): check-ins of its half of the members, or a note every 10 s."""
    rng = random.Random(seed)
    out: list[list[tuple[float, str]]] = []
    order = list(range(MEMBERS))
    rng.shuffle(order)
    for e in range(ENTRANCES):
        mine = order[e::ENTRANCES]
        out.append(sorted((rng.uniform(0, CHECKIN_MINUTES * 60), f"checkin:{m}") for m in mine))
    for t in range(laptops - ENTRANCES):
        start = rng.uniform(0, NOTE_EVERY)
        n = int(minutes * 60 / NOTE_EVERY)
        out.append([(start + k * NOTE_EVERY, f"note:{t}:{k}") for k in range(n)])
    return out


# -- one laptop ---------------------------------------------------------------------------------------
def laptop(index: int, secretariat: str, folder: str, facts: dict, actions: list, t0: float, speed: float,
           expected: int, day_end: float, out: str) -> None:
    import sqlite3

    os.environ["FACILITATOR_APP_HOME"] = str(Path(out).parent / f"home{index}")
    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.ids import derived_id
    from facilitator_app.core.store.store import Store
    from facilitator_app.core.sync.loop import SyncLoop

    db = Path(out).with_suffix(".sqlite")
    with sqlite3.connect(secretariat) as a, sqlite3.connect(db) as b:
        a.backup(b)                                      # prepared from the secretariat's file
    role = "Ingresso" if index < ENTRANCES else "Tavolo"
    name = f"{role} {index + 1 if index < ENTRANCES else index - ENTRANCES + 1}"
    store = Store(db, Device(f"devlaptop{index:02d}", name))
    loop = SyncLoop(store, folder, settle=SETTLE)
    written: dict[str, float] = {}
    seen: dict[str, float] = {}
    steps: list[float] = []
    day_now = lambda: (time.time() - t0) * speed         # noqa: E731 - the day's clock (edits), day seconds

    def look() -> None:
        t = time.time()
        for (rid,) in store.conn.execute("SELECT id FROM notes UNION ALL SELECT id FROM attendance"):
            if rid not in seen:
                seen[rid] = t

    while time.time() < t0:
        time.sleep(0.005)
    pending = list(actions)
    last_step = 0.0
    next_step = time.time()                              # the loop's clock is the real one
    hard_stop = t0 + day_end / speed + 120               # real seconds: the day, then time to converge
    while True:
        t = day_now()
        while pending and pending[0][0] <= t:
            _, what = pending.pop(0)
            kind, *args = what.split(":")
            with store.transaction():
                if kind == "checkin":
                    mid = facts["members"][int(args[0])]
                    rid = derived_id("attendance", facts["session"], mid)
                    store.put("attendance", rid, {"plenary_id": facts["plenary"], "session_id": facts["session"],
                                                  "member_id": mid, "status": "present", "late": 0,
                                                  "checked_in_at": time.strftime("%Y-%m-%dT%H:%M:%S+01:00")})
                else:
                    rid = store.insert("notes", {"plenary_id": facts["plenary"], "group_id": facts["groups"][int(args[0])],
                                                 "session_id": facts["session"],
                                                 "text": f"Idea {args[1]} del tavolo {int(args[0]) + 1}: "
                                                         f"più alberi nei cortili e piste ciclabili sicure"})
            written[rid] = seen[rid] = time.time()
            next_step = min(next_step, last_step + MIN_GAP)   # the worker is woken: a step within a second
        if time.time() >= next_step:
            s0 = time.perf_counter()
            last_step = time.time()
            report = loop.step()
            steps.append(time.perf_counter() - s0)
            if report.arrived:
                look()
            next_step = time.time() + INTERVAL
        if (t > day_end and not pending and len(seen) >= expected) or time.time() > hard_stop:
            break
        wake_at = min(next_step, t0 + pending[0][0] / speed if pending else next_step)
        time.sleep(max(0.0, min(wake_at - time.time(), 0.05)))
    store.close()
    Path(out).write_text(json.dumps({"name": name, "written": written, "seen": seen, "steps": steps,
                                     "cpu": time.process_time(), "wall": time.time() - t0}))


# -- the figures ----------------------------------------------------------------------------------------
def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


def day(laptops: int, speed: float, minutes: float) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix=f"bench_sync{laptops}_"))
    os.environ["FACILITATOR_APP_HOME"] = str(tmp / "home")
    try:
        secretariat, folder, facts = prepare(tmp, laptops)
        plan = schedule(laptops, minutes)
        expected = MEMBERS + sum(len(a) for a in plan[ENTRANCES:])
        day_end = max(CHECKIN_MINUTES * 60, minutes * 60)
        ctx = mp.get_context("spawn")
        t0 = time.time() + 3 + laptops * 0.15            # every process started and ready
        procs = []
        for i in range(laptops):
            p = ctx.Process(target=laptop, args=(i, str(secretariat), str(folder), facts, plan[i], t0, speed,
                                                 expected, day_end, str(tmp / f"laptop{i}.json")))
            p.start()
            procs.append(p)
        for p in procs:
            p.join()
        results = [json.loads((tmp / f"laptop{i}.json").read_text()) for i in range(laptops)]
        written = {rid: (i, t) for i, r in enumerate(results) for rid, t in r["written"].items()}
        latencies, missing = [], 0
        for rid, (src, t) in written.items():
            others = [r["seen"].get(rid) for j, r in enumerate(results) if j != src]
            if any(o is None for o in others):
                missing += 1
                continue
            latencies.append(max(others) - t)
        files = [p for p in folder.iterdir() if p.is_file()]
        steps = [s for r in results for s in r["steps"]]
        cpu = [r["cpu"] for r in results if "cpu" in r]
        wall = [r["wall"] for r in results if "wall" in r]
        return {
            "cpu_per_laptop": statistics.mean(cpu) if cpu else float("nan"),
            "cores_per_laptop": sum(cpu) / sum(wall) if wall else float("nan"),
            "laptops": laptops, "changes": len(written), "missing": missing,
            "p50": pct(latencies, 50), "p95": pct(latencies, 95), "max": max(latencies),
            "folder_bytes": sum(p.stat().st_size for p in files), "files": len(files),
            "packages": len([p for p in files if p.name.endswith(".assemblea")]),
            "step_median_ms": statistics.median(steps) * 1000, "step_p95_ms": pct(steps, 95) * 1000,
            "steps": len(steps),
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--laptops", default="9,20", help="comma-separated laptop counts (default 9,20)")
    ap.add_argument("--speed", type=float, default=20.0, help="time compression (default 20)")
    ap.add_argument("--minutes", type=float, default=60.0, help="length of the tables' work (default 60)")
    ap.add_argument("--gui", action="store_true", help="also the window's frame time while syncing "
                                                       "(bench_sync_frames.py with its defaults)")
    ap.add_argument("--no-day", action="store_true", help="only the window's figure")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    if not args.no_day:
        print(f"A plenary day through one folder, its edits {args.speed:g}x faster than real "
              f"(check-ins over {CHECKIN_MINUTES} min, a note every {NOTE_EVERY:g} s per table for "
              f"{args.minutes:g} min, all / {args.speed:g}); the loop at its real pace (every {INTERVAL:g} s, "
              f"within {MIN_GAP:g} s of an edit); {os.cpu_count()} CPUs, load average "
              f"{os.getloadavg()[0]:.1f} at the start")
        for n in (int(x) for x in args.laptops.split(",")):
            t = time.time()
            r = day(n, args.speed, args.minutes)
            print(f"  {n:2} laptops: {r['changes']} changes, {r['missing']} never reached every laptop; "
                  f"write -> on every laptop: p50 {r['p50']:.1f} s, p95 {r['p95']:.1f} s (target <= 10 s), "
                  f"max {r['max']:.1f} s; "
                  f"folder at the end: {r['folder_bytes'] / 1e6:.2f} MB in {r['files']} files "
                  f"({r['packages']} packages; target < 5 MB); loop step median {r['step_median_ms']:.0f} ms, "
                  f"p95 {r['step_p95_ms']:.0f} ms over {r['steps']} steps; CPU per laptop {r['cpu_per_laptop']:.1f} s "
                  f"({r['cores_per_laptop']:.2f} of a core while it ran); ran {time.time() - t:.0f} s")
    if args.gui or args.no_day:
        import bench_sync_frames       # the window's frame time while it syncs: its own benchmark

        sys.argv = [sys.argv[0]]
        bench_sync_frames.main()


if __name__ == "__main__":
    main()
