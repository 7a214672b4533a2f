"""Synthetic rosters for benchmarks (not the demo: just many plausible rows)."""

from __future__ import annotations

import random

SURNAMES = ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
            "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
            "Nguyễn", "Şahin", "Kowalski", "Hassan", "Wang", "Santos", "Perera", "Popescu", "Rahman", "D'Angelo"]
FIRST = ["Giulia", "Marco", "Sara", "Luca", "Chiara", "Andrea", "Francesca", "Matteo", "Anna", "Paolo",
         "Fatima", "Mohamed", "Li", "Maria", "José", "Łukasz", "Emre", "Thi Lan", "Ana", "Rahim"]


def people(n: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    return [{
        "surname": f"{rng.choice(SURNAMES)}{'' if i < len(SURNAMES) else rng.choice(['', 'i', 'o', 'ni', 'etti'])}",
        "first_name": rng.choice(FIRST),
        "gender": rng.choice("FM"),
        "birth_date": f"{rng.randint(1940, 2007)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "citizenship": rng.choice(["italian"] * 4 + ["foreign"]),
        "municipio": rng.randint(1, 9),
        "education": rng.choice(["base", "diploma", "laurea"]),
        "status": "active",
        "badge_code": None,
    } for i in range(n)]


def fill(store, n: int, seed: int = 1) -> None:
    from facilitator_app.core.members.members import new_badge_code

    rng = random.Random(seed)
    taken: set[str] = set()
    rows = people(n, seed)
    for r in rows:
        r["badge_code"] = new_badge_code(taken, rng)
    with store.transaction():
        store.insert_many("members", rows)
