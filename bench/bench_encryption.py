"""Encrypted (SQLCipher 4) against plain assembly files: the same work on the same content.

    python bench/bench_encryption.py [--rounds 3]

Each figure is measured on a plain file and on its encrypted copy (made by `encrypt_file`, so the
content is identical), alternating, and the best of the rounds is kept (a shared machine):
1. check-in commit: 300 check-ins, one transaction each (WAL, synchronous=FULL), 10,000 members,
   alternating between the plain and the encrypted file so both see the same disk and load;
2. member search: open the store's members (list_members), build the search index, 30 queries;
3. verbale export: internal PDF and Excel of a plenary with 90 attendees, 8 groups, 600 notes.
Target: encrypted within 1.5x of plain for each. Wall (perf_counter) and CPU (process_time, which
counts the kernel's work of fsync too) are printed for each round and the best. Opening an encrypted file also costs the key
derivation (PBKDF2-HMAC-SHA512, 256,000 iterations), printed apart: once per window or command.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

PASS = "bench passphrase, long enough"
QUERIES = ["ro", "ross", "bian", "ma", "es", "fe", "gi", "co", "lu", "ri", "pa", "sa", "al", "an", "be",
           "ca", "de", "el", "fa", "ga", "ha", "il", "la", "mo", "no", "or", "pe", "qu", "se", "to"]


def _stores(tmp: Path, name: str, build) -> tuple[Path, Path]:
    from facilitator_app.core.store.device import Device
    from facilitator_app.core.privacy.encryption import encrypt_file
    from facilitator_app.core.store.store import Store

    plain, enc = tmp / f"{name}.sqlite", tmp / f"{name}-enc.sqlite"
    with Store(plain, Device("bench", "bench")) as s:
        build(s)
    encrypt_file(plain, enc, PASS, remove_plain=False)
    return plain, enc


def _open(path: Path, encrypted: bool):
    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.store import Store

    return Store(path, Device("bench", "bench"), passphrase=PASS if encrypted else None)


def checkin_commits(plain: Path, enc: Path, offset: int) -> dict[bool, tuple[float, float]]:
    """Median wall and CPU (ms) of one check-in commit on each file, commits alternating."""
    from facilitator_app.core.attendance import checkin as A
    from facilitator_app.core.plenaries.plenaries import sessions_of

    stores = {False: _open(plain, False), True: _open(enc, True)}
    try:
        sessions, ids = {}, {}
        for e, s in stores.items():
            pid = s.select("plenaries", order_by="number")[0]["id"]
            sessions[e] = sessions_of(s, pid)[0]["id"]
            ids[e] = [r[0] for r in s.conn.execute("SELECT id FROM members ORDER BY rowid LIMIT 300 OFFSET ?",
                                                   (offset,))]
        wall: dict[bool, list[float]] = {False: [], True: []}
        cpu: dict[bool, list[float]] = {False: [], True: []}
        for i in range(300):
            for e in (False, True) if i % 2 else (True, False):
                t, c = time.perf_counter(), time.process_time()
                A.check_in(stores[e], sessions[e], member_id=ids[e][i])
                cpu[e].append((time.process_time() - c) * 1000)
                wall[e].append((time.perf_counter() - t) * 1000)
        return {e: (statistics.median(wall[e]), statistics.mean(cpu[e])) for e in (False, True)}
    finally:
        for s in stores.values():
            s.close()


def member_search(path: Path, encrypted: bool) -> float:
    from facilitator_app.core.members.members import list_members
    from facilitator_app.core.members.search import PeopleIndex

    with _open(path, encrypted) as s:
        s.conn.execute("PRAGMA cache_size = 0")  # every page read again: the decryption is measured
        s.conn.execute("PRAGMA cache_size = -8000")
        t, c = time.perf_counter(), time.process_time()
        rows = list_members(s)
        index = PeopleIndex(rows)
        for q in QUERIES:
            index.match(q)
        return (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000


def verbale(path: Path, encrypted: bool, out: Path) -> float:
    import facilitator_app.exporters.verbale as V
    import facilitator_app.exporters.verbale_xlsx as X

    with _open(path, encrypted) as s:
        pid = s.select("plenaries", order_by="number")[0]["id"]
        t, c = time.perf_counter(), time.process_time()
        V.write_verbale_pdf(s, pid, out.with_suffix(".pdf"))
        X.write_verbale_xlsx(s, pid, out.with_suffix(".xlsx"))
        return (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000


def open_time(path: Path, encrypted: bool) -> tuple[float, float]:
    t, c = time.perf_counter(), time.process_time()
    _open(path, encrypted).close()
    return (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000


LABELS = {"checkin": "check-in commit (median of 300; CPU: mean)", "search": "member search (10,000 + index + 30)",
          "verbale": "verbale export (PDF + Excel)", "open": "opening the file (not a target)"}


def _line(label: str, p: tuple[float, float], e: tuple[float, float], target: bool) -> tuple[str, bool]:
    ratio, cpu_ratio = (e[0] / p[0] if p[0] else float("inf")), (e[1] / p[1] if p[1] else float("inf"))
    ok = ratio <= 1.5
    mark = ("  ok (<= 1.5x)" if ok else "  OVER 1.5x") if target else ""
    return (f"  {label:<44} wall plain {p[0]:8.2f} ms  encrypted {e[0]:8.2f} ms  x{ratio:.2f}{mark}"
            f"   | CPU plain {p[1]:8.2f} ms  encrypted {e[1]:8.2f} ms  x{cpu_ratio:.2f}"), ok or not target


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    from _minutes_data import build_cycle
    from _people import fill

    from facilitator_app.core.plenaries.plenaries import create_plenary

    print("load:", " ".join(f"{x:.2f}" for x in os.getloadavg()), f"({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)

        def people(s):
            fill(s, 10_000)
            create_plenary(s, 1, "2024-05-11", "Parco Nord")

        big = _stores(tmp, "members", people)
        cycle = _stores(tmp, "verbale", lambda s: build_cycle(s, 1))
        results: dict[str, dict[bool, list[tuple[float, float]]]] = {k: {False: [], True: []} for k in LABELS}
        for r in range(args.rounds):
            for e, figures in checkin_commits(big[0], big[1], offset=r * 300).items():
                results["checkin"][e].append(figures)
            for enc in (False, True):
                results["search"][enc].append(member_search(big[enc], enc))
                results["verbale"][enc].append(verbale(cycle[enc], enc, tmp / f"v{int(enc)}"))
                results["open"][enc].append(open_time(big[enc], enc))
            print(f"round {r + 1}:")
            for key, label in LABELS.items():
                print(_line(label, results[key][False][-1], results[key][True][-1], key != "open")[0])
        over = []
        print(f"best of {args.rounds} rounds (wall and CPU each the lowest), plain vs encrypted (SQLCipher 4, "
              f"page HMAC-SHA256):")
        for key, label in LABELS.items():
            best = {e: (min(x[0] for x in results[key][e]), min(x[1] for x in results[key][e])) for e in (False, True)}
            text, ok = _line(label, best[False], best[True], key != "open")
            print(text)
            if not ok:
                over.append(key)
        print("all within 1.5x" if not over else "over 1.5x: " + ", ".join(over))


if __name__ == "__main__":
    main()
