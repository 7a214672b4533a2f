"""Benchmark: importing a 10,000-row roster (.xlsx and .csv) into a fresh assembly file.

Run: python bench/bench_roster_import.py [--rows N] [--profile]
Target: plan + apply under 2 s for 10,000 rows on a 2-core laptop.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import pstats
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import openpyxl  # noqa: E402

from facilitator_app.core.store.device import Device  # noqa: E402
from facilitator_app.core.store.store import Store  # noqa: E402
from facilitator_app.importers.roster import apply_import, plan_import  # noqa: E402

HEADERS = ["Codice statistico", "COGNOME", "NOME", "Sesso", "Data di nascita", "Cittadinanza", "Municipio",
           "Titolo di studio", "E-mail", "Cellulare", "Consenso privacy", "Consenso foto", "Note"]
SURNAMES = ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
            "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
            "Santos", "Reyes", "Mohamed", "Hassan", "Chen", "Wang", "Kumar", "Popescu", "García", "Niccolò"]
NAMES = ["Marco", "Giulia", "Luca", "Francesca", "Andrea", "Chiara", "Matteo", "Sara", "Alessandro", "Anna",
         "Niccolò", "Maria José", "Ahmed", "Fatima", "Wei", "Jun", "Ioana", "Ana", "Carlos", "Lucía"]
CITIZENSHIPS = ["Italiana"] * 8 + ["Egitto", "Filippine", "Cina", "Perù", "Romania", "Straniera"]
EDUCATION = ["Licenza media", "Diploma", "Diploma di maturità", "Laurea", "Laurea magistrale"]


def make_rows(n: int, rng: random.Random) -> list[list]:
    rows = []
    for i in range(n):
        born = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 365 * 65))
        rows.append([
            f"MI{100000 + i}", rng.choice(SURNAMES), rng.choice(NAMES), rng.choice(["M", "F", "Maschio", "Femmina"]),
            datetime(born.year, born.month, born.day), rng.choice(CITIZENSHIPS),
            rng.choice([f"Municipio {rng.randint(1, 9)}", rng.randint(1, 9), f"Zona {rng.randint(1, 9)}"]),
            rng.choice(EDUCATION), f"persona{i}@example.org", f"+39 3{rng.randrange(10**8, 10**9)}",
            rng.choice(["sì", "Si", "X", "no"]), rng.choice(["sì", "no", ""]),
            rng.choice(["", "", "", "Sedia a rotelle", "Interprete LIS"]),
        ])
    return rows


def write_files(folder: Path, n: int) -> tuple[Path, Path]:
    rows = make_rows(n, random.Random(7))
    xlsx, csv_path = folder / "roster.xlsx", folder / "roster.csv"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Estrazione")
    ws.append(["Comune di Milano — Ufficio Statistica"])
    ws.append(["Estrazione per l'Assemblea permanente sul clima"])
    ws.append([])
    ws.append(HEADERS)
    for r in rows:
        ws.append(r)
    wb.save(xlsx)
    with csv_path.open("w", newline="", encoding="cp1252", errors="replace") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Comune di Milano - Ufficio Statistica"])
        w.writerow([])
        w.writerow(HEADERS)
        for r in rows:
            w.writerow([v.strftime("%d/%m/%Y") if isinstance(v, datetime) else v for v in r])
    return xlsx, csv_path


def timed(store: Store, path: Path) -> tuple[float, float, dict]:
    t0 = time.perf_counter()
    plan = plan_import(store, path)
    t1 = time.perf_counter()
    apply_import(store, plan)
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, plan.counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true", help="cProfile the xlsx plan+apply")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        xlsx, csv_path = write_files(folder, args.rows)
        for kind, path in (("xlsx", xlsx), ("csv", csv_path)):
            store = Store(folder / f"bench-{kind}.sqlite", Device("bench-device", "Bench"))
            if args.profile and kind == "xlsx":
                prof = cProfile.Profile()
                prof.enable()
            plan_s, apply_s, counts = timed(store, path)
            if args.profile and kind == "xlsx":
                prof.disable()
                pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
            print(f"roster import {args.rows:,} rows ({kind}): {plan_s + apply_s:.2f} s  "
                  f"(plan {plan_s:.2f} s, apply {apply_s:.2f} s)  {counts['create']:,} created")
            plan_s, apply_s, counts = timed(store, path)
            print(f"re-import {args.rows:,} rows ({kind}): {plan_s + apply_s:.2f} s  "
                  f"(plan {plan_s:.2f} s, apply {apply_s:.2f} s)  {counts['unchanged']:,} unchanged")
            members = store.scalar("SELECT count(*) FROM members WHERE deleted = 0")
            assert members == counts["unchanged"], (members, counts)
            store.close()


if __name__ == "__main__":
    main()
