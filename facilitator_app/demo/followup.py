"""Demo content for the follow-up: what the Comune did with the Assembly's recommendations.

Two steps (`demo/build.py`):
- `step_followup`, in every demo, after the notes: the 2024 recommendations already sent get their
  sending (protocol, Giunta), the first answers with their acts (a Giunta resolution), one "under
  evaluation", the others still waiting, so some are overdue on the demo's day (the 2024 cycle gives
  the Comune four months); monthly progress updates follow the answered ones.
- `step_first_cycle`, last in every demo: the 2023 cycle (from 3 December 2022) and its ten
  proposals, voted at plenary 9 here on 17 June 2023 (the file's plenary numbers are unique, and the
  2024 cycle holds 1-8), sent to the Giunta in July 2023 with six months to answer: seven answers
  with their acts, one under evaluation, two without an answer (three overdue), and a year of
  progress updates. Its members are not in this file (it begins with the 2024 cycle's cohorts), so
  that plenary has nobody expected; tests that study one cycle's plenaries and groups build
  `build.STEPS_2024` alone.
Names here are staff of the secretariat (public roles), never members.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from facilitator_app.core.followup.actions import add_update, record_answer, record_sending, set_details
from facilitator_app.core.followup.board import load_board
from facilitator_app.core.followup.cycles import set_cycle
from facilitator_app.core.plenaries.plenaries import add_agenda_item, create_plenary
from facilitator_app.core.recommendations.recommendations import create_recommendation, record_vote
from facilitator_app.core.store.store import Store
from facilitator_app.demo import names as N

TODAY = date(2024, 9, 1)  # the demo's day (build.DEMO_TODAY; a test keeps them equal)
SENT_ON, DUE_MONTHS = "2023-07-10", 6
GIUNTA = "Giunta comunale — Gabinetto del Sindaco"
LINK = "https://www.comune.milano.it/amministrazione-trasparente/delibere/{n}-2023"

# (theme index, title, text, Plan actions, answer kind or None, responsible office, act (type, number, date))
PROPOSALS = (
    (0, "Strade scolastiche davanti a ogni scuola primaria",
     "Chiudere al traffico, negli orari di entrata e uscita, le strade davanti alle scuole primarie, "
     "cominciando da quelle dove l'aria è più inquinata.", ("2.2.3", "1.2.2"), "accepted",
     "Direzione Mobilità e Trasporti", ("Delibera di Giunta", "1742", "2023-11-24")),
    (1, "Rifugi climatici aperti anche la sera e nel fine settimana",
     "Biblioteche, centri civici e chiese aperti e freschi durante le ondate di calore, anche la sera e nel "
     "fine settimana, con un elenco facile da trovare.", ("4.2.2",), "partly",
     "Direzione Welfare e Salute", ("Delibera di Giunta", "1603", "2023-11-03")),
    (4, "Comunità energetiche nei quartieri di case popolari",
     "Pannelli solari sui tetti delle case popolari e comunità energetiche che abbassino le bollette di chi "
     "ci abita.", ("3.3.1", "3.1.2"), "accepted", "Direzione Casa", ("Delibera di Giunta", "1888", "2023-12-15")),
    (2, "Più alberi e meno asfalto nei cortili delle scuole",
     "Trasformare i cortili asfaltati delle scuole in giardini con alberi, aperti al quartiere dopo le lezioni.",
     ("4.1.1",), "accepted", "Direzione Verde e Ambiente", ("Delibera di Giunta", "1650", "2023-11-10")),
    (1, "Allerte meteo in più lingue e con parole semplici",
     "Avvisi di allerta per caldo e allagamenti anche in arabo, cinese, spagnolo, inglese e con parole "
     "semplici, mandati per SMS e nei negozi di quartiere.", ("5.1.1",), "partly",
     "Protezione Civile", ("Determina dirigenziale", "9321", "2023-12-20")),
    (0, "Abbonamento ai mezzi scontato per chi rinuncia all'auto",
     "Un abbonamento annuale ATM a metà prezzo per chi rottama l'auto e non ne compra un'altra.",
     ("2.1.1", "1.1.1"), "rejected", "Direzione Mobilità e Trasporti", ("Delibera di Giunta", "1799", "2023-12-01")),
    (3, "Orari di scuole e uffici scaglionati per ridurre il traffico",
     "Spostare di mezz'ora l'apertura di alcuni uffici comunali e scuole superiori, per avere meno auto e mezzi "
     "pieni nelle ore di punta.", ("2.1.1",), "evaluating", "Direzione Educazione", None),
    (2, "Mercati comunali con prodotti del territorio e meno imballaggi",
     "Nei mercati comunali banchi di produttori della zona e vendita sfusa, con vuoti a rendere.",
     ("5.1.1",), None, "Direzione Economia Urbana", None),
    (4, "Uno sportello di quartiere per ristrutturare casa risparmiando energia",
     "Un punto in ogni municipio dove farsi spiegare i bonus e i lavori per isolare la casa e pagare meno.",
     ("3.1.2",), None, "Direzione Transizione Ambientale", None),
    (0, "Centraline per la qualità dell'aria vicino a ogni scuola",
     "Misurare l'aria davanti alle scuole e pubblicare i dati ogni giorno, in modo chiaro.",
     ("1.2.2", "5.1.1"), "accepted", "Direzione Transizione Ambientale", ("Delibera di Giunta", "1701", "2023-11-17")),
)
ANSWERS = {
    "accepted": "La Giunta accoglie la proposta e la inserisce nel programma del 2024, con i fondi indicati "
                "nella delibera.",
    "partly": "La Giunta accoglie la proposta in parte: si parte nel 2024 da una prima parte della città; il resto "
              "sarà valutato con i risultati.",
    "rejected": "La proposta non è accolta: il costo per il bilancio comunale non è sostenibile. Il Comune "
                "propone invece sconti mirati per chi ha un reddito basso.",
    "evaluating": "La proposta è in valutazione con le scuole e con la Città Metropolitana; la risposta arriverà "
                  "dopo il confronto.",
}
# A year of monitoring: (months after the act, state, note) for accepted and partly accepted proposals.
STORY = (
    (1, "not_started", "Il progetto è stato assegnato all'ufficio competente; si preparano gli atti."),
    (3, "in_progress", "Avviati i primi lavori e gli incontri con i quartieri."),
    (6, "in_progress", "Completata la prima parte; l'Assemblea ha visitato due cantieri."),
    (9, "in_progress", "Metà degli interventi previsti è conclusa."),
)


def _months_after(iso: str, months: int) -> str:
    d = date.fromisoformat(iso)
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, min(d.day, 28)).isoformat()


def step_first_cycle(store: Store, rng: random.Random, ctx: dict[str, Any]) -> None:
    set_cycle(store, "2023", name="Primo ciclo (dal 3 dicembre 2022)", starts_on="2022-12-01",
              ends_on="2023-11-30", answer_months=DUE_MONTHS)
    venue, main_room, breakouts = N.VENUES["marino"]
    pid = create_plenary(store, 9, "2023-06-17", venue, title="Primo ciclo: voto delle dieci proposte",
                         rooms=[main_room, *breakouts])
    store.update("plenaries", pid, {"status": "held"})
    add_agenda_item(store, pid, "Presentazione delle dieci proposte dei gruppi", starts_at="10:00",
                    ends_at="12:30", presenter="Facilitatori")
    add_agenda_item(store, pid, "Voto delle proposte e consegna al Comune", starts_at="14:00", ends_at="16:30",
                    presenter="Comune di Milano")
    themes = ctx["theme_ids"]
    staff = [name for name, _ in N.STAFF]
    for i, (theme, title, text, codes, kind, office, act) in enumerate(PROPOSALS):
        rid = create_recommendation(store, pid, title, text, theme_id=themes[theme], plan_actions=codes)
        present = rng.randint(38, 44)
        against, abstained = rng.randint(0, 4), rng.randint(0, 3)
        record_vote(store, rid, present - against - abstained, against, abstained, status="approved")
        record_sending(store, rid, SENT_ON, GIUNTA, f"PG {348100 + i * 17}/2023", today=TODAY)
        set_details(store, rid, {"followed_by": staff[i % len(staff)], "responsible": office})
        if kind is None:
            continue
        if act:
            act_type, number, act_date = act
            record_answer(store, rid, kind, ANSWERS[kind], answer_on=act_date, act_type=act_type, act_number=
                          f"{number}/2023", act_date=act_date, act_link=LINK.format(n=number), today=TODAY)
        else:
            record_answer(store, rid, kind, ANSWERS[kind], answer_on="2023-12-22", today=TODAY)
            continue
        if kind == "rejected":
            continue
        steps = STORY if kind == "accepted" else STORY[:3]
        for months, state, note in steps:
            on = _months_after(act_date, months)
            if on <= TODAY.isoformat():
                add_update(store, rid, state, note, on_date=on, plan_actions=list(codes)[:1],
                           author=staff[(i + months) % len(staff)], today=TODAY,
                           evidence_link="https://www.comune.milano.it/aria-e-clima" if months == 6 else None)
        if i in (0, 3):  # two of them done within the year
            add_update(store, rid, "done", "Intervento concluso; i dati sono pubblici.", on_date="2024-08-28",
                       author=staff[0], today=TODAY, evidence_link="https://www.comune.milano.it/aria-e-clima")


def step_followup(store: Store, rng: random.Random, ctx: dict[str, Any]) -> None:
    set_cycle(store, "2024", name="Ciclo 2024", starts_on="2023-12-01", ends_on="2024-11-30", answer_months=4)
    staff = [name for name, _ in N.STAFF]
    # The 2024 recommendations already sent: their sending, ten days after their plenary; the first
    # two have their answer and act, the third is under evaluation, the others wait.
    sent = [r for r in load_board(store, TODAY) if r.cycle == "2024" and r.status == "sent" and not r.sent_on]
    for n, row in enumerate(sorted(sent, key=lambda r: r.number)):
        sent_on = (date.fromisoformat(row.plenary_date) + timedelta(days=10)).isoformat()
        if sent_on > TODAY.isoformat():
            continue
        record_sending(store, row.id, sent_on, GIUNTA, f"PG {210400 + n * 23}/2024", today=TODAY)
        set_details(store, row.id, {"followed_by": staff[n % len(staff)]})
        answered = (date.fromisoformat(sent_on) + timedelta(days=70 + 10 * n)).isoformat()
        if n < 2 and answered <= TODAY.isoformat():
            kind, number = ("accepted", 512) if n == 0 else ("partly", 688)
            record_answer(store, row.id, kind, ANSWERS[kind], answer_on=answered, act_type="Delibera di Giunta",
                          act_number=f"{number}/2024", act_date=answered,
                          act_link=f"https://www.comune.milano.it/amministrazione-trasparente/delibere/{number}-2024",
                          responsible="Direzione Verde e Ambiente" if n == 0 else "Protezione Civile", today=TODAY)
            for months, state, note in STORY[:3]:
                on = _months_after(answered, months)
                if on <= TODAY.isoformat():
                    add_update(store, row.id, state, note, on_date=on, author=staff[(n + months) % len(staff)],
                               plan_actions=row.plan_actions[:1] or None, today=TODAY)
        elif n == 2 and answered <= TODAY.isoformat():
            record_answer(store, row.id, "evaluating", ANSWERS["evaluating"], answer_on=answered, today=TODAY)
    first = next((r for r in load_board(store, TODAY) if r.cycle == "2024"), None)
    if first is not None:  # an English text too, for Milano Partecipa's English pages
        set_details(store, first.id, {"title_en": "Heat waves: cool places open in the evening",
                                      "text_en": "Libraries, civic centres and churches open and cool during heat "
                                                 "waves, also in the evening and at weekends."})

