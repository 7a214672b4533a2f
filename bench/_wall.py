"""A big wall for benchmarks and screenshots: one group with n notes in clusters."""

from __future__ import annotations

import random

from facilitator_app.core.notes import notes as N
from facilitator_app.core.notes import tags as T
from facilitator_app.core.plenaries.plenaries import create_plenary
from facilitator_app.core.store.store import Store
from facilitator_app.demo.notes import CONTENT, LOOSE

CATEGORIES = (("Proposta", "#2E7D32"), ("Criticità", "#C62828"), ("Domanda", "#1565C0"), ("Idea", "#F9A825"))


def fill_wall(store: Store, n: int = 1000, per_cluster: int = 16, loose: int = 0, seed: int = 1) -> dict:
    rng = random.Random(seed)
    store.ensure_assembly("Bench")
    pid = create_plenary(store, 1, "2024-05-11", "Parco Nord — Cascina Centro Parco")
    with store.transaction():
        gid = store.insert("groups", {"plenary_id": pid, "name": "Tavolo 1 — Mobilità e qualità dell'aria"})
        cats = store.insert_many("note_categories", [{"name": c, "color": col, "sort_order": i}
                                                     for i, (c, col) in enumerate(CATEGORIES)])
        cat_of = dict(zip((c for c, _ in CATEGORIES), cats))
        store.insert_many("plan_actions", [{"code": c} for c in ("1.1.1", "2.1.1", "2.2.3", "4.2.2", "5.1.4")])
        pool = [(title, item) for theme in CONTENT.values() for title, items in theme for item in items]
        titles = [t for theme in CONTENT.values() for t, _ in theme]
        k = (n - loose) // per_cluster
        w, h = N.cluster_size(per_cluster)
        cols = max(1, round((k * h / w) ** 0.5 * 1.2))
        clusters = [{"group_id": gid, "title": titles[i % len(titles)] + (f" ({i // len(titles) + 1})" if i >= len(titles) else ""),
                     "x": (i % cols) * (w + 60), "y": (i // cols) * (h + 60)} for i in range(k)]
        cids = store.insert_many("clusters", clusters)
        rows = []
        for cid, c in zip(cids, clusters):
            for sx, sy in N.cluster_slots(c["x"], c["y"], per_cluster):
                _, (cat, text, tags) = rng.choice(pool)
                rows.append({"plenary_id": pid, "group_id": gid, "text": text, "category_id": cat_of[cat],
                             "cluster_id": cid, "tags": T.encode(tags), "x": sx, "y": sy})
        top = (k // cols + 1) * (h + 60)
        for i in range(n - len(rows)):
            cat, text, tags = rng.choice(LOOSE)
            rows.append({"plenary_id": pid, "group_id": gid, "text": text, "category_id": cat_of[cat],
                         "tags": T.encode(tags), "x": (i % 8) * (N.CARD_W + N.GAP),
                         "y": top + (i // 8) * (N.CARD_H + N.GAP)})
        ids = store.insert_many("notes", rows)
        votes = [{"target_type": "note", "target_id": i, "delta": 1} for i in ids for _ in range(rng.choice((0, 0, 1, 2, 3, 7)))]
        votes += [{"target_type": "cluster", "target_id": c, "delta": 1} for c in cids for _ in range(rng.randint(0, 12))]
        store.insert_many("votes", votes)
    return {"plenary": pid, "group": gid, "notes": ids, "clusters": cids}
