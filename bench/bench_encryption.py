"""Encrypted (SQLCipher 4) against plain assembly files: the same work on the same content.

    python bench/bench_encryption.py [--rounds 3]

Each figure is measured on a plain file and on its encrypted copy (made by `encrypt_file`, so the
content is identical), alternating, and the best of the rounds is kept (a shared machine):
1. check-in commit: 300 check-ins, one transaction each (WAL, synchronous=FULL), 10,000 members;
2. member search: open the store's members (list_members), build the search index, 30 queries;
3. verbale export: internal PDF and Excel of a plenary with 90 attendees, 8 groups, 600 notes.
Target: encrypted within 1.5x of plain for each. Opening an encrypted file also costs the key
derivation (PBKDF2-HMAC-SHA512, 256,000 iterations), printed apart: once per window or command.
"""

from __future__ import annotations

import argparse
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


def checkin_commits(path: Path, encrypted: bool, offset: int) -> float:
    from facilitator_app.core.attendance import checkin as A
    from facilitator_app.core.plenaries.plenaries import sessions_of

    with _open(path, encrypted) as s:
        pid = s.select("plenaries", order_by="number")[0]["id"]
        session = sessions_of(s, pid)[0]["id"]
        ids = [r[0] for r in s.conn.execute("SELECT id FROM members ORDER BY rowid LIMIT 300 OFFSET ?", (offset,))]
        times = []
        for member_id in ids:
            t = time.perf_counter()
            A.check_in(s, session, member_id=member_id)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def member_search(path: Path, encrypted: bool) -> float:
    from facilitator_app.core.members.members import list_members
    from facilitator_app.core.members.search import PeopleIndex

    with _open(path, encrypted) as s:
        s.conn.execute("PRAGMA cache_size = 0")  # every page read again: the decryption is measured
        s.conn.execute("PRAGMA cache_size = -8000")
        t = time.perf_counter()
        rows = list_members(s)
        index = PeopleIndex(rows)
        for q in QUERIES:
            index.match(q)
        return (time.perf_counter() - t) * 1000


def verbale(path: Path, encrypted: bool, out: Path) -> float:
    import facilitator_app.exporters.verbale as V
    import facilitator_app.exporters.verbale_xlsx as X

    with _open(path, encrypted) as s:
        pid = s.select("plenaries", order_by="number")[0]["id"]
        t = time.perf_counter()
        V.write_verbale_pdf(s, pid, out.with_suffix(".pdf"))
        X.write_verbale_xlsx(s, pid, out.with_suffix(".xlsx"))
        return (time.perf_counter() - t) * 1000


def open_time(path: Path, encrypted: bool) -> float:
    t = time.perf_counter()
    _open(path, encrypted).close()
    return (time.perf_counter() - t) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    from _minutes_data import build_cycle
    from _people import fill

    from facilitator_app.core.plenaries.plenaries import create_plenary

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)

        def people(s):
            fill(s, 10_000)
            create_plenary(s, 1, "2024-05-11", "Parco Nord")

        big = _stores(tmp, "members", people)
        cycle = _stores(tmp, "verbale", lambda s: build_cycle(s, 1))
        results: dict[str, dict[bool, list[float]]] = {k: {False: [], True: []}
                                                       for k in ("checkin", "search", "verbale", "open")}
        for r in range(args.rounds):
            for enc in (False, True):
                path = big[enc]
                results["checkin"][enc].append(checkin_commits(path, enc, offset=r * 300))
                results["search"][enc].append(member_search(path, enc))
                results["verbale"][enc].append(verbale(cycle[enc], enc, tmp / f"v{int(enc)}"))
                results["open"][enc].append(open_time(path, enc))
        labels = {"checkin": "check-in commit (median of 300)", "search": "member search (load 10,000 + index + 30)",
                  "verbale": "verbale export (PDF + Excel)", "open": "opening the file (not a target)"}
        over = []
        print(f"best of {args.rounds} rounds, plain vs encrypted (SQLCipher 4 defaults):")
        for key, label in labels.items():
            p, e = min(results[key][False]), min(results[key][True])
            ratio = e / p if p else float("inf")
            mark = "" if key == "open" else ("  ok (< 1.5x)" if ratio < 1.5 else "  OVER 1.5x")
            if key != "open" and ratio >= 1.5:
                over.append(key)
            print(f"  {label:<42} plain {p:8.2f} ms   encrypted {e:8.2f} ms   x{ratio:.2f}{mark}")
        print("all within 1.5x" if not over else "over 1.5x: " + ", ".join(over))


if __name__ == "__main__":
    main()
