"""Benchmark: messages to 90 members in nine languages, as the CLI writes them.

    python bench/bench_letters.py      # figures printed; nothing asserted

Data: the demo assembly (90 members in office), their languages spread over the nine default
languages (it, en, ar, zh, tl, es, ro, bn, si), so eight letters in ten carry the Italian
version on a second page. Figures: preparing the batch (recipients and filled texts), and
writing all the files (90 PDF letters, the .eml drafts with the letter attached, the SMS CSV),
each in a fresh process (first) and again in the same process (warm); best of three runs.
No target in the issue: the figure says how long the secretariat waits for a convocation.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, shutil, sys, time
from pathlib import Path
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store
from facilitator_app.core.language.messages import prepare
from facilitator_app.exporters.letters import write_letters
db, out = sys.argv[1], Path(sys.argv[2])
store = Store(db, Device("bench", "bench"))
pid = store.select("plenaries", order_by="number")[-1]["id"]
def once():
    shutil.rmtree(out, ignore_errors=True)
    (out / "pdf").mkdir(parents=True); (out / "eml").mkdir()
    t = time.perf_counter(); b = prepare(store, "convocation", plenary_id=pid); prep = time.perf_counter() - t
    t = time.perf_counter(); r = write_letters(store, b, out / "pdf", eml_dir=out / "eml", sms_path=out / "sms.csv")
    return prep, time.perf_counter() - t, len(r.pdf_files), len(r.eml_files), r.sms_rows
first = once(); warm = once()
print(json.dumps({"first": first, "warm": warm}))
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite"
        setup = ("from facilitator_app.core.store.store import Store\n"
                 "from facilitator_app.core.store.device import Device\n"
                 "from facilitator_app.demo.build import build_demo\n"
                 "from facilitator_app.core.members.members import update_member\n"
                 "from facilitator_app.core.language.messages import save_contacts\n"
                 f"s = Store({str(db)!r}, Device('b', 'b')); build_demo(s, seed=2024)\n"
                 "save_contacts(s, {'phone': '02 8845 1234', 'email': 'seg@example.org', 'sender': 'Segreteria'})\n"
                 "langs = ['it', 'en', 'ar', 'zh', 'tl', 'es', 'ro', 'bn', 'si']\n"
                 "for i, m in enumerate(s.select('members', order_by='surname')):\n"
                 "    update_member(s, m['id'], {'language': langs[i % 9]})\n")
        subprocess.run([sys.executable, "-c", setup], check=True)
        runs = []
        for _ in range(3):
            res = subprocess.run([sys.executable, "-c", CHILD, str(db), str(Path(tmp) / "out")], check=True,
                                 capture_output=True, text=True)
            runs.append(json.loads(res.stdout.strip().splitlines()[-1]))
    best = lambda key, i: min(r[key][i] for r in runs)  # noqa: E731
    n = runs[0]["first"]
    print(f"convocation to {n[2]} members in 9 languages: {n[2]} PDF letters, {n[3]} e-mail drafts, {n[4]} SMS rows")
    print(f"  prepare (recipients, filled texts): first {best('first', 0) * 1000:.0f} ms, warm {best('warm', 0) * 1000:.0f} ms")
    print(f"  write all files:                    first {best('first', 1):.2f} s, warm {best('warm', 1):.2f} s "
          f"({best('warm', 1) / n[2] * 1000:.0f} ms a member)")
    print("  best of 3 runs, each in a fresh process")


if __name__ == "__main__":
    main()
