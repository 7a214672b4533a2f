"""Bench data for the follow-up: cycles x recommendations x progress updates, written fast.

`build(path, cycles=8, recs=30, updates=20)` makes an assembly file with one plenary per cycle
(2023 ... 2030), `recs` approved recommendations each, sent, most answered with an act, and
`updates` dated progress updates each, tied to Plan actions; reproducible (seeded).
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

from facilitator_app.core.followup.actions import followup_id
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store

AREAS = ("Milano Sana e Inclusiva", "Milano Connessa e Accessibile", "Milano ad Energia Positiva",
         "Milano più Fresca", "Milano Consapevole")
WORDS = ("alberi", "scuole", "piste ciclabili", "autobus", "rifugi climatici", "bollette", "cortili", "tetti verdi",
         "quartieri", "anziani", "biblioteche", "mercati", "sosta", "comunità energetiche", "fontanelle")
KINDS = ("accepted", "partly", "rejected", "evaluating", None)
STATES = ("not_started", "in_progress", "in_progress", "done", "abandoned")


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def build(path: str | Path, cycles: int = 8, recs: int = 30, updates: int = 20, seed: int = 14) -> Store:
    rng = random.Random(seed)
    store = Store(path, Device("bench", "bench"))
    store.conn.execute("PRAGMA synchronous = OFF")
    store.ensure_assembly("Assemblea di prova")
    with store.transaction():
        codes = [f"{a}.{b}.{c}" for a in range(1, 6) for b in range(1, 4) for c in range(1, 4)][:49]
        store.insert_many("plan_actions", [{"code": c, "title": _sentence(rng, 4), "ambito": AREAS[int(c[0]) - 1]}
                                           for c in codes])
        themes = store.insert_many("themes", [{"name": f"Tema {i}", "sort_order": i} for i in range(5)])
        for k in range(cycles):
            year = 2023 + k
            pid = store.insert("plenaries", {"number": k + 1, "date": f"{year}-03-{10 + k % 10:02d}",
                                             "venue": "Palazzo Marino", "status": "held"})
            rec_rows, fu_rows, up_rows, fu_ids = [], [], [], []
            rec_ids = [f"{year}{i:04d}{'0' * 24}" for i in range(recs)]
            for i, rid in enumerate(rec_ids):
                rec_rows.append({"plenary_id": pid, "theme_id": rng.choice(themes), "title": _sentence(rng, 5),
                                 "text": _sentence(rng, 40), "status": "sent", "sort_order": i,
                                 "plan_actions": json.dumps(rng.sample(codes, rng.randint(1, 3))),
                                 "votes_for": rng.randint(30, 60), "votes_against": rng.randint(0, 10),
                                 "votes_abstained": rng.randint(0, 5)})
                sent = date(year, 4, 1) + timedelta(days=rng.randint(0, 60))
                kind = rng.choice(KINDS)
                fu = {"recommendation_id": rid, "sent_on": sent.isoformat(), "sent_to": "Giunta comunale",
                      "protocol": f"PG {rng.randint(1000, 99999)}/{year}", "responsible": "Direzione Ambiente",
                      "followed_by": "Elisa Cremonesi"}
                if kind:
                    ans = sent + timedelta(days=rng.randint(20, 200))
                    fu.update(answer_kind=kind, answer_text=_sentence(rng, 30), answer_on=ans.isoformat(),
                              act_type="Delibera di Giunta", act_number=f"{rng.randint(1, 2000)}/{year}",
                              act_date=ans.isoformat(), act_link=f"https://www.comune.milano.it/atti/{rid}")
                fu_rows.append(fu)
                fu_ids.append(followup_id(rid))
                for u in range(updates):
                    up_rows.append({"recommendation_id": rid, "on_date": (sent + timedelta(days=30 * (u + 1)))
                                    .isoformat(), "status": rng.choice(STATES), "note": _sentence(rng, 18),
                                    "evidence_link": "https://www.comune.milano.it/avanzamento" if u % 4 == 0 else None,
                                    "plan_actions": json.dumps(rng.sample(codes, 1)), "author": "Marco Tagliabue"})
            store.insert_many("recommendations", rec_rows, ids=rec_ids)
            store.insert_many("rec_followup", fu_rows, ids=fu_ids)
            store.insert_many("rec_updates", up_rows)
    return store
