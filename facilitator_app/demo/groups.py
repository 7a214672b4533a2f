"""Demo step: themed tables for every plenary, seated by the grouping engine."""

from __future__ import annotations

import json
import random
from typing import Any

from facilitator_app.core.groups.assign import plan_assignment
from facilitator_app.core.groups.groups import COMMITMENTS_KEY, _seat_values, has_attendance, seat_id
from facilitator_app.core.plenaries.plenaries import people_of
from facilitator_app.core.store.store import Store

DEMO_EFFORT = 0.2  # the engine's effort for the demo build: keeps it well under a second
DEMO_COMMITMENTS = 8  # members who committed to one theme for the cycle


DEMO_TABLES = 8  # tables of ten or eleven: the size a facilitator can lead


def step_groups(store: Store, rng: random.Random, ctx: dict[str, Any]) -> None:
    """5-8 themed groups per plenary with rooms and facilitators; seats by the engine.

    Seats for the held plenaries (those with check-ins: present members), or for every
    plenary with the expected members when nobody checked in, in date order so each
    plenary's seats are the next one's history. Table hosts are the plenary's facilitators
    (then its staff), in turn. Draws from its own stream of the demo seed, so adding this
    step does not change what other steps draw.
    """
    own = random.Random(f"groups-{ctx['seed']}")
    themes = ctx["theme_ids"]
    for p in ctx["plenaries"]:
        k = DEMO_TABLES
        hosts = [r["name"] for r in people_of(store, p["id"], "facilitator")]
        hosts += [r["name"] for r in people_of(store, p["id"], "staff")]
        main, breakouts = p["rooms"][0], p["rooms"][1:]
        rooms = [*breakouts, *(f"{main} — area {chr(65 + i)}" for i in range(k - len(breakouts)))]
        store.insert_many("groups", [
            {"plenary_id": p["id"], "session_id": None, "name": f"Tavolo {i + 1}", "room": rooms[i],
             "theme_id": themes[p["theme_index"] if p["theme_index"] is not None else i % len(themes)],
             "facilitator": hosts[i % len(hosts)] if hosts else None, "capacity": None, "sort_order": i}
            for i in range(k)])
    cohort_b = ctx["cohorts"]["B"]["id"]
    committed = own.sample([m["id"] for m in ctx["members"]
                            if m["cohort_id"] == cohort_b and m["status"] == "active"], DEMO_COMMITMENTS)
    store.put("settings", COMMITMENTS_KEY, {"value": json.dumps(
        {mid: themes[i % len(themes)] for i, mid in enumerate(committed)})})
    held = [p for p in ctx["plenaries"] if has_attendance(store, p["id"])]
    for p in held or ctx["plenaries"]:
        plan = plan_assignment(store, p["id"], seed=p["number"], expected=not held, effort=DEMO_EFFORT)
        rows, ids = [], []
        for g, members in zip(plan.groups, plan.result.groups):
            for mid in members:
                ids.append(seat_id(p["id"], None, mid))
                rows.append(_seat_values(p["id"], None, mid, g["id"], 0))
        store.insert_many("group_members", rows, ids=ids)
    ctx["seated_plenary_ids"] = [p["id"] for p in held or ctx["plenaries"]]
