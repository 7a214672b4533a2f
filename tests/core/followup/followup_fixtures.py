"""A small assembly with approved recommendations in two cycles, for the follow-up tests."""

from __future__ import annotations

from datetime import date

from facilitator_app.core import recommendations as R
from facilitator_app.core.followup import set_cycle
from facilitator_app.core.plenaries import create_plenary

TODAY = date(2024, 9, 1)


def make_assembly(store) -> dict:
    p1 = create_plenary(store, 1, "2022-12-03", "Palazzo Marino")
    p2 = create_plenary(store, 2, "2023-06-10", "BASE")
    p3 = create_plenary(store, 3, "2024-03-09", "Fabbrica del Vapore")
    with store.transaction():
        theme = store.insert("themes", {"name": "Mobilità e qualità dell'aria"})
        for code, title, area in (("1.1.1", "Area B", "Milano Sana e Inclusiva"),
                                  ("2.2.3", "Rete ciclabile", "Milano Connessa e Accessibile"),
                                  ("4.2.2", "Ondate di calore", None)):
            store.insert("plan_actions", {"code": code, "title": title, "ambito": area})
    set_cycle(store, "2023", name="Primo ciclo", starts_on="2022-12-01", ends_on="2023-11-30", answer_months=6)
    recs = {}
    for key, pid, title, status in (("a", p1, "Strade scolastiche in ogni municipio", "approved"),
                                    ("b", p2, "Rifugi climatici aperti la sera", "approved"),
                                    ("c", p3, "Più alberi nei cortili delle scuole", "approved"),
                                    ("draft", p3, "Una bozza", "draft")):
        recs[key] = R.create_recommendation(store, pid, title, f"Testo di {title}", theme_id=theme,
                                            plan_actions=["2.2.3"] if key == "a" else [], status=status)
    return {"plenaries": (p1, p2, p3), "theme": theme, **recs}
