"""Demo step: the pool for the next rotation and its recorded draw, so a newcomer sees the whole path.

On DEMO_TODAY cohorts B and C are in office; B's term ends first, so the
secretariat has invited residents for cohort D: 5,000 letters (counts per
stratum), 110 replies (skewed as real replies are), quotas for the 90 in
office relaxed as the check proposes (few foreign residents replied), and the rotation draw held in public with a lottery seed. The 45
selected wait for confirmation; the rest are the reserve.
"""

from __future__ import annotations

import random
from typing import Any

from facilitator_app.core.selection.engine import check
from facilitator_app.core.selection.invitations import save_invitations
from facilitator_app.core.selection.records import (
    DRAWABLE, list_pool, quotas_for_panel, save_quotas, to_engine,
)
from facilitator_app.core.selection.runs import continuing_members, run_selection
from facilitator_app.core.selection.synthetic import synthetic_pool
from facilitator_app.core.store.store import Store
from facilitator_app.demo import names as N

POOL_SIZE = 110
LETTERS = 5000
SEED = "08 27 45 63 81"
SEED_SOURCE = "Estrazione del Lotto del 31/08/2024, ruota di Milano"
WITNESSES = "Segreteria dell'Assemblea; un notaio; due membri uscenti"


def _pick_name(rng: random.Random, gender: str, country: str | None, taken: set[tuple[str, str]]) -> tuple[str, str]:
    females, males, surnames = N.NAMES[country or "Italia"]
    for _ in range(50):  # a full name already in the file would confuse check-in later
        pair = (rng.choice(females if gender == "F" else males), rng.choice(surnames))
        if pair not in taken:
            break
    taken.add(pair)
    return pair


def step_selection(store: Store, rng: random.Random, ctx: dict[str, Any]) -> None:
    today = ctx["today"]
    targets = ctx["targets"]
    pool = synthetic_pool(POOL_SIZE, rng.randrange(1 << 30), targets, prefix="DISP24-")
    taken = {(m["first_name"], m["surname"]) for m in ctx["members"]}
    countries = [c for c in N.NAMES if c != "Italia"]
    rows = []
    for r in pool:
        f = r.features
        country = rng.choice(countries) if f["citizenship"] == "foreign" else None
        first, surname = _pick_name(rng, f["gender"], country, taken)
        rows.append({"external_id": r.id, "surname": surname, "first_name": first, "gender": f["gender"],
                     "age_band": f["age_band"], "education": f["education"], "citizenship": f["citizenship"],
                     "country": country, "municipio": int(f["municipio"]),
                     "language": "it" if country is None or rng.random() < 0.6 else "en",
                     "email": f"{first}.{surname}.{r.id[-4:]}@example.org".lower().replace(" ", ""),
                     "status": "available"})
    store.insert_many("respondents", rows)
    save_invitations(store, {fld: {v: round(LETTERS * s) for v, s in shares.items()}
                             for fld, shares in targets.items()}, source="elenco_invitati_anagrafe.xlsx",
                     invited=LETTERS)
    # Few foreign residents replied (as in real pools): the secretariat applies the smallest
    # relaxation the check proposes, then draws.
    q = quotas_for_panel(store, 90)
    feas = check(to_engine(list_pool(store, DRAWABLE)), q, continuing_members(store, today))
    for r in feas.relaxations:
        q.set(r.field, r.value, lo=r.new if r.bound == "min" else None, hi=r.new if r.bound == "max" else None)
    save_quotas(store, q)
    res = run_selection(store, 90, SEED, "leximin", rotation=True, seed_source=SEED_SOURCE, witnesses=WITNESSES,
                        on=today)
    ctx["selection_run_id"] = res.run_id
