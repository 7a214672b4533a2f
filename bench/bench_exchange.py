"""Collecting the day: 8 laptops' packages into the secretariat's file (target: under 2 s in total).

    python bench/bench_exchange.py [--profile]

The secretariat's file holds an assembly with 90 members, a plenary with two
sessions and 8 groups; each of 8 simulated laptops starts from its full
package, captures 1,000 notes in its group and checks in the 90 members
(every laptop the same 90 people, at different times, so the merge must keep
one row per person), and sends its package to the secretariat. Timed: importing
the 8 packages into a fresh copy of the secretariat's file, all at once (as
"collect a folder" does), and one after another. Real durability settings
(WAL, synchronous=FULL).
"""

from __future__ import annotations

import cProfile
import os
import pstats
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

LAPTOPS, NOTES, MEMBERS = 8, 1000, 90


def build(tmp: Path) -> tuple[Path, list[Path]]:
    from facilitator_app.core.exchange.packages import export_package, import_packages
    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.ids import derived_id
    from facilitator_app.core.store.store import Store

    sec = Store(tmp / "segreteria.sqlite", Device("dev-segreteria", "Segreteria"))
    sec.ensure_assembly("Assemblea (benchmark)")
    with sec.transaction():
        pid = sec.insert("plenaries", {"number": 1, "date": "2024-03-09"})
        sids = [sec.insert("sessions", {"plenary_id": pid, "name": n}) for n in ("Mattina", "Pomeriggio")]
        gids = [sec.insert("groups", {"plenary_id": pid, "name": f"Gruppo {i + 1}"}) for i in range(LAPTOPS)]
        mids = sec.insert_many("members", [{"surname": f"Cognome{i}", "first_name": "Nome", "status": "active"}
                                           for i in range(MEMBERS)])
    prepared = tmp / "prepared.assemblea"
    export_package(sec, prepared, full=True)
    packages = []
    for i in range(LAPTOPS):
        lap = Store(tmp / f"pc{i}.sqlite", Device(f"dev-pc{i}", f"Tavolo {i + 1}"))
        import_packages(lap, [prepared])
        with lap.transaction():
            lap.insert_many("notes", [{"plenary_id": pid, "group_id": gids[i], "session_id": sids[0],
                                       "text": f"Idea {n} del tavolo {i + 1}: più verde e meno traffico"}
                                      for n in range(NOTES)])
            for m, mid in enumerate(mids):
                lap.put("attendance", derived_id("attendance", sids[0], mid), {
                    "plenary_id": pid, "session_id": sids[0], "member_id": mid, "status": "present",
                    "checked_in_at": f"2024-03-09T09:{(m + 7 * i) % 60:02d}:00+01:00", "late": 0})
        packages.append(tmp / f"pc{i}.assemblea")
        export_package(lap, packages[-1], to="Segreteria")
        lap.close()
    sec.close()
    return tmp / "segreteria.sqlite", packages


def fresh_copy(src: Path, dst: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


def run(secretariat: Path, packages: list[Path], tmp: Path, together: bool) -> tuple[float, object]:
    from facilitator_app.core.exchange.packages import import_packages
    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.store import Store

    store = Store(fresh_copy(secretariat, tmp / "run.sqlite"), Device("dev-segreteria", "Segreteria"))
    start = time.perf_counter()
    if together:
        summary = import_packages(store, packages)
    else:
        for p in packages:
            summary = import_packages(store, [p])
    elapsed = time.perf_counter() - start
    notes = store.scalar("SELECT count(*) FROM notes")
    attendance = store.scalar("SELECT count(*) FROM attendance")
    store.close()
    assert notes == LAPTOPS * NOTES and attendance == MEMBERS, (notes, attendance)
    return elapsed, summary


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench_exchange"))
    os.environ.setdefault("FACILITATOR_APP_HOME", str(tmp / "home"))
    try:
        t0 = time.perf_counter()
        secretariat, packages = build(tmp)
        size = sum(p.stat().st_size for p in packages)
        print(f"built {LAPTOPS} packages ({NOTES} notes and {MEMBERS} check-ins each, "
              f"{size / 1e6:.1f} MB in all) in {time.perf_counter() - t0:.1f} s")
        if "--profile" in sys.argv:
            prof = cProfile.Profile()
            prof.enable()
            run(secretariat, packages, tmp, True)
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
            return
        together = [run(secretariat, packages, tmp, True)[0] for _ in range(3)]
        one_by_one = [run(secretariat, packages, tmp, False)[0] for _ in range(3)]
        print(f"import of all {LAPTOPS} packages into the secretariat's file, at once (collect): "
              f"median {statistics.median(together):.2f} s (target < 2 s)")
        print(f"the same, one package after another: median {statistics.median(one_by_one):.2f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
