"""Benchmark: the verbale of one big plenary and the cycle report of eight, in fresh subprocesses.

    python bench/bench_verbale.py            # figures printed; nothing asserted
    python bench/bench_verbale.py --profile  # plus a cProfile of the verbale PDF (top 25 by cumulative time)

Data (bench/_minutes_data.py): 90 members, 8 groups, 600 post-its in clusters with dots,
30 recommendations, 8 wall photos (1600x1200 JPEG) per plenary; the cycle has 8 such plenaries
(4,800 post-its). Each measurement runs in a fresh Python process, so the figures include the
first-use costs a person pays (font loading, imports after the first); "warm" repeats it in the
same process. Memory: the process's RSS high-water mark (resource.getrusage(RUSAGE_SELF).ru_maxrss)
and the Python-side peak measured by tracemalloc over the export alone (separate run: tracing slows
everything down, so its time is not reported).

Targets (issue #6): verbale PDF < 1.5 s, Excel < 1 s, peak memory < 300 MB; cycle, both files, < 8 s.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, resource, sys, time, tracemalloc
sys.path.insert(0, {here!r})
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store
what, db, out, trace = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
t0 = time.perf_counter()
import facilitator_app.exporters.verbale as V, facilitator_app.exporters.verbale_xlsx as X
import facilitator_app.exporters.cycle as C
imports = time.perf_counter() - t0
store = Store(db, Device("bench", "bench"))
pid = store.select("plenaries", order_by="number")[0]["id"]
def run():
    if what == "pdf":
        return V.write_verbale_pdf(store, pid, out)
    if what == "pdf_public":
        return V.write_verbale_pdf(store, pid, out, public=True)
    if what == "xlsx":
        return X.write_verbale_xlsx(store, pid, out)
    if what == "cycle":
        return (C.write_cycle_pdf(store, out + ".pdf"), C.write_cycle_xlsx(store, out + ".xlsx"))
if trace:
    tracemalloc.start()
t = time.perf_counter(); result = run(); first = time.perf_counter() - t
peak = tracemalloc.get_traced_memory()[1] if trace else None
t = time.perf_counter(); run(); warm = time.perf_counter() - t
print(json.dumps({{"first": first, "warm": warm, "imports": imports, "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "py_peak": peak, "result": str(result)}}))
"""


def child(what: str, db: Path, out: Path, trace: bool = False) -> dict:
    code = CHILD.format(here=str(HERE))
    res = subprocess.run([sys.executable, "-c", code, what, str(db), str(out), "1" if trace else "0"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def build(db: Path, plenaries: int) -> float:
    import time

    sys.path.insert(0, str(HERE))
    from _minutes_data import build_cycle

    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.store import Store

    t = time.perf_counter()
    with Store(db, Device("bench", "bench")) as s:
        build_cycle(s, plenaries)
    return time.perf_counter() - t


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one, eight = tmp / "one.sqlite", tmp / "eight.sqlite"
        print(f"data: 1 plenary built in {build(one, 1):.2f} s; 8 plenaries in {build(eight, 8):.2f} s")
        print("verbale of one plenary (90 present-or-expected, 8 groups, 600 post-its, 30 recommendations, 8 photos):")
        for what, target, label in (("pdf", 1.5, "PDF, internal"), ("pdf_public", 1.5, "PDF, public"),
                                    ("xlsx", 1.0, "Excel, internal")):
            r = child(what, one, tmp / f"v_{what}")
            mem = child(what, one, tmp / f"m_{what}", trace=True)
            print(f"  {label:16s} first {r['first']:.2f} s, warm {r['warm']:.2f} s (target < {target} s) "
                  f"[{r['result']}]; peak RSS {r['maxrss_kb'] / 1024:.0f} MB, "
                  f"Python peak (tracemalloc) {mem['py_peak'] / 2**20:.1f} MB (target < 300 MB)")
        r = child("cycle", eight, tmp / "cycle")
        mem = child("cycle", eight, tmp / "cycle_m", trace=True)
        print(f"cycle report of 8 plenaries (4,800 post-its), PDF + Excel: first {r['first']:.2f} s, "
              f"warm {r['warm']:.2f} s (target < 8 s) [pages, sheets: {r['result']}]; "
              f"peak RSS {r['maxrss_kb'] / 1024:.0f} MB, Python peak {mem['py_peak'] / 2**20:.1f} MB")
        print(f"(imports of the exporters in a fresh process: {r['imports']:.2f} s, not counted above)")
        if "--profile" in sys.argv:
            import cProfile
            import pstats

            sys.path.insert(0, str(HERE))
            from facilitator_app.core.store.device import Device
            from facilitator_app.core.store.store import Store
            from facilitator_app.exporters.verbale import write_verbale_pdf

            with Store(one, Device("bench", "bench")) as s:
                pid = s.select("plenaries")[0]["id"]
                cProfile.runctx("write_verbale_pdf(s, pid, str(tmp / 'p.pdf'))", globals(), locals(), str(tmp / "prof"))
            pstats.Stats(str(tmp / "prof")).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
