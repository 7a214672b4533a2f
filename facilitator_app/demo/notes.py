"""Demo content for the wall: notes, clusters, dot votes and recommendations.

A step of the demo (`demo/build.py`), after the groups step; writes
rows in bulk (a few statements per group) so the whole demo stays fast.
"""

from __future__ import annotations

import random
from typing import Any

from facilitator_app.core.notes import notes as N
from facilitator_app.core.recommendations.recommendations import promote_cluster, record_vote
from facilitator_app.core.store.store import Store

# Per theme index: (cluster title, [(category, text, tags)]).
_P, _C, _D, _I = "Proposta", "Criticità", "Domanda", "Idea"
CONTENT: dict[int, list[tuple[str, list[tuple[str, str, tuple[str, ...]]]]]] = {
    0: [("Trasporto pubblico", [
            (_P, "Più corse della 90/91 la sera, anche dopo mezzanotte", ("2.1.1",)),
            (_C, "Il tram 7 è sempre pieno alle 8: non si riesce a salire con il passeggino", ()),
            (_P, "Abbonamento ATM gratuito per chi rottama l'auto", ("2.1.1", "1.1.1")),
            (_D, "Perché le metropolitane non sono accessibili in tutte le stazioni?", ()),
            (_I, "Autobus di quartiere a chiamata per gli anziani delle periferie", ("2.1.1",)),
        ]),
        ("Auto e sosta", [
            (_C, "Troppe auto in doppia fila davanti alle scuole 🚗🚗", ("1.2.2",)),
            (_P, "Area B più estesa ma con aiuti per chi ha un'auto vecchia e poco reddito", ("1.1.1",)),
            (_P, "Sosta a pagamento anche per i residenti nelle zone ben servite dai mezzi", ()),
            (_D, "Quanto incassa il Comune da Area C e dove vanno i soldi?", ("1.1.1",)),
        ]),
        ("Bici e strade scolastiche", [
            (_P, "Piste ciclabili separate dal traffico, non solo strisce dipinte", ("2.2.3",)),
            (_I, "Strade scolastiche chiuse alle auto all'entrata e all'uscita", ("2.2.3", "1.2.2")),
            (_C, "Io vengo da Lima, qui in bici ho paura: le auto vanno troppo veloci in viale Monza", ("2.2.3",)),
            (_P, "Rastrelliere sicure vicino alle fermate della metro", ()),
        ]),
        ("Qualità dell'aria", [
            (_D, "Dove posso vedere i dati dell'aria del mio quartiere, in tempo reale?", ()),
            (_I, "Centraline a basso costo nelle scuole, con i ragazzi che leggono i dati", ("1.2.2",)),
            (_C, "Nei giorni di smog i bambini giocano comunque in cortile, nessuno avvisa", ()),
        ]),
    ],
    1: [("Ondate di calore", [
            (_P, "Rifugi climatici aperti anche la sera e nel weekend (biblioteche, chiese, centri)", ("4.2.2",)),
            (_C, "D'estate in casa arriviamo a 33 °C: chi vive all'ultimo piano non dorme", ("4.2.2",)),
            (_I, "Fontanelle e punti d'ombra lungo i percorsi verso scuole e mercati", ("4.1.1",)),
            (_D, "Chi telefona agli anziani soli durante le ondate di calore?", ()),
        ]),
        ("Avvisi e comunicazione", [
            (_P, "Allerte meteo anche in arabo, cinese, spagnolo, inglese — تنبيه الحرارة", ()),
            (_C, "Gli avvisi arrivano solo sull'app del Comune: mia madre non ha lo smartphone", ()),
            (_I, "Messaggi nei negozi di quartiere e nelle farmacie quando c'è un'allerta ⚠️", ()),
            (_D, "Quale numero chiamo se la cantina si allaga di notte?", ()),
        ]),
        ("Allagamenti", [
            (_C, "Il Seveso è esondato di nuovo: il sottopasso di via Valfurva era pieno d'acqua", ()),
            (_P, "Più superfici permeabili nei cortili delle scuole: togliere asfalto", ("4.1.1",)),
            (_I, "Giardini della pioggia nelle piazze nuove", ("4.1.1",)),
        ]),
    ],
    2: [("Cibo e rifiuti", [
            (_P, "Mense scolastiche con più piatti vegetali e meno spreco", ("5.1.1",)),
            (_I, "Frigoriferi solidali nei mercati comunali per il cibo invenduto", ()),
            (_C, "La raccolta dell'umido nei condomini grandi non funziona, nessuno spiega come fare", ()),
            (_D, "Dove si portano i piccoli elettrodomestici rotti?", ()),
        ]),
        ("Consumi e abitudini", [
            (_P, "Biblioteca degli oggetti in ogni Municipio: trapano, tenda, carrello", ()),
            (_I, "Riparare invece di buttare: repair café mensili nelle case di quartiere 🔧", ()),
            (_C, "I corsi sul risparmio sono sempre di giorno, chi lavora non può andare", ("5.1.1",)),
        ]),
        ("Informazione", [
            (_P, "Campagna con linguaggio semplice, senza parole tecniche, anche in altre lingue", ("5.1.1",)),
            (_D, "Come facciamo a sapere se le azioni del Piano funzionano davvero?", ("5.1.4",)),
            (_I, "Un cartello in ogni scuola con i consumi di energia e acqua del mese", ()),
        ]),
    ],
    3: [("Orari di scuole e uffici", [
            (_P, "Ingressi scaglionati a scuola per svuotare i mezzi nell'ora di punta", ("2.1.1",)),
            (_I, "Uffici comunali aperti anche il sabato mattina e un pomeriggio fino alle 19", ()),
            (_C, "Per un certificato ho perso mezza giornata di lavoro — 工作日请假太难了", ()),
        ]),
        ("Lavoro e spostamenti", [
            (_P, "Incentivi alle aziende per il lavoro da remoto due giorni a settimana", ()),
            (_D, "Il Comune può chiedere alle grandi aziende di cambiare gli orari di entrata?", ()),
            (_I, "Spazi di coworking nelle biblioteche di periferia", ()),
        ]),
        ("Servizi vicino a casa", [
            (_P, "Città dei 15 minuti: servizi di base raggiungibili a piedi in ogni quartiere", ()),
            (_C, "Nel mio quartiere non c'è più un ufficio postale, bisogna prendere due autobus", ()),
            (_I, "Mercati serali d'estate quando fa meno caldo", ("4.2.2",)),
        ]),
    ],
    4: [("Bollette e povertà energetica", [
            (_C, "La bolletta del riscaldamento centralizzato è arrivata a 1.800 € per 60 m²", ("3.3.1",)),
            (_P, "Sportello energia nei Municipi che aiuta a leggere la bolletta e chiedere i bonus", ("3.3.1",)),
            (_D, "Chi ha diritto al bonus sociale? Non è mai chiaro", ()),
            (_C, "Sono arrivata dal Perù due anni fa, il contratto della luce era solo in italiano difficile", ()),
        ]),
        ("Case efficienti", [
            (_P, "Priorità alle case popolari per cappotto termico e infissi nuovi", ("3.1.2",)),
            (_I, "Termostati intelligenti gratuiti per le famiglie con ISEE basso", ()),
            (_C, "In ALER d'inverno fa freddo e d'estate caldissimo: muffa ovunque", ("3.1.2",)),
        ]),
        ("Comunità energetiche", [
            (_P, "Pannelli solari sui tetti delle scuole con una comunità energetica di quartiere ☀️", ("3.3.1",)),
            (_D, "Un condominio può fare una comunità energetica? Chi ci aiuta con le carte?", ("3.3.1",)),
            (_I, "I risparmi della comunità energetica vanno alle famiglie in difficoltà", ("3.3.1",)),
        ]),
    ],
}
# Notes that fit any group, left on the wall unclustered.
LOOSE = [
    (_D, "Cosa succede alle nostre proposte dopo l'Assemblea? Il Comune risponde davvero?", ("5.1.4",)),
    (_I, "Un riassunto di una pagina dopo ogni plenaria, anche in inglese e arabo", ("5.1.4",)),
    (_C, "=Troppe sigle: PAC, AMAT, ARPA… servirebbe un glossario", ()),
    (_P, "+1 a chi diceva di coinvolgere anche i ragazzi delle superiori", ()),
    (_I, "Più alberi nelle vie strette, non solo nei parchi 🌳", ("4.1.1",)),
    (_D, "@Comune: quando arriva la risposta formale alle raccomandazioni del 2023?", ("5.1.4",)),
    (_C, "Le riunioni finiscono tardi per chi ha figli piccoli", ()),
    (_P, "Ŝablono por ĉiuj: write the proposals also in simple English, please", ()),
]
# Older plenaries' recommendations have gone further.
STATUS_BY_AGE = (("approved", "sent"), ("draft", "approved"))


def _theme_index(store: Store, group: dict[str, Any], plenary: dict[str, Any], i: int,
                 theme_ids: list[str]) -> int:
    if group.get("theme_id") in theme_ids:
        return theme_ids.index(group["theme_id"])
    if plenary.get("theme_index") is not None:
        return plenary["theme_index"]
    return i % len(CONTENT)


def step_notes(store: Store, rng: random.Random, ctx: dict[str, Any]) -> None:
    theme_ids = list(ctx.get("theme_ids") or [t["id"] for t in store.select("themes", order_by="sort_order")])
    theme_names = {t["id"]: t["name"] for t in store.select("themes")}
    cats = {c["name"]: c["id"] for c in N.categories(store)}
    plenaries = ctx.get("plenaries") or [{"id": p["id"], "number": p["number"], "theme_index": None}
                                         for p in store.select("plenaries", order_by="number")]
    status = {p["id"]: p["status"] for p in store.select("plenaries")}
    held = [p for p in plenaries if status.get(p["id"]) == "held"]
    for plenary in held:
        groups = N.groups_of(store, plenary["id"])
        if not groups:
            continue
        promotable: list[tuple[str, int]] = []
        for gi, group in enumerate(groups):
            ti = _theme_index(store, group, plenary, gi, theme_ids)
            promotable += _fill_group(store, rng, plenary, group, CONTENT[ti],
                                      theme_names.get(theme_ids[ti]) if ti < len(theme_ids) else None, cats)
        _recommend(store, rng, plenary, promotable, STATUS_BY_AGE[held.index(plenary) >= len(held) // 2])


def _fill_group(store: Store, rng: random.Random, plenary: dict[str, Any], group: dict[str, Any],
                content: list, theme_name: str | None, cats: dict[str, str]) -> list[tuple[str, int]]:
    authors = [m["id"] for m in N.group_members(store, group["id"])]
    chosen = rng.sample(content, k=min(len(content), rng.randint(2, len(content))))
    # Clusters in a row along the top, loose notes in the inbox grid below them.
    clusters, note_rows, x = [], [], 0.0
    for title, items in chosen:
        picked = rng.sample(items, k=rng.randint(max(2, len(items) - 2), len(items)))
        w, h = N.cluster_size(len(picked))
        clusters.append({"group_id": group["id"], "title": title if rng.random() < 0.9 else None,
                         "x": x, "y": 0.0, "_notes": picked, "_h": h})
        x += w + 3 * N.GAP
    top = max(c["_h"] for c in clusters) + 4 * N.GAP
    cluster_ids = store.insert_many("clusters", [{k: v for k, v in c.items() if not k.startswith("_")}
                                                 for c in clusters])
    for cid, c in zip(cluster_ids, clusters):
        for (cat, text, tags), (sx, sy) in zip(c["_notes"], N.cluster_slots(c["x"], c["y"], len(c["_notes"]))):
            note_rows.append((cid, cat, text, tags, sx, sy))
    for i, (cat, text, tags) in enumerate(rng.sample(LOOSE, k=rng.randint(2, 4))):
        note_rows.append((None, cat, text, tags, (i % N.INBOX_COLS) * (N.CARD_W + N.GAP), top))
    rows = []
    for cid, cat, text, tags, sx, sy in note_rows:
        all_tags = list(tags) + ([theme_name] if theme_name and rng.random() < 0.3 else [])
        rows.append({"plenary_id": plenary["id"], "group_id": group["id"], "session_id": group.get("session_id"),
                     "text": text, "category_id": cats.get(cat), "cluster_id": cid,
                     "author_member_id": rng.choice(authors) if authors and rng.random() < 0.6 else None,
                     "tags": N.tagmod.encode(all_tags), "x": sx, "y": sy})
    note_ids = store.insert_many("notes", rows)
    votes = []
    for nid in note_ids:
        votes += [{"target_type": "note", "target_id": nid, "delta": 1}] * rng.choice((0, 0, 1, 1, 2, 3, 5))
    scores = []
    for cid in cluster_ids:
        n = rng.randint(1, 9)
        votes += [{"target_type": "cluster", "target_id": cid, "delta": 1}] * n
        scores.append((cid, n))
    if votes and rng.random() < 0.5:  # someone changed their mind
        votes.append({**votes[0], "delta": -1})
    store.insert_many("votes", votes)
    return scores


def _recommend(store: Store, rng: random.Random, plenary: dict[str, Any], scores: list[tuple[str, int]],
               statuses: tuple[str, str]) -> None:
    best = sorted(scores, key=lambda s: -s[1])[:rng.randint(2, 4)]
    for cid, _ in best:
        rec_id = promote_cluster(store, cid)
        status = rng.choice(statuses)
        if status != "draft" or rng.random() < 0.3:
            present = rng.randint(55, 80)
            against = rng.randint(0, present // 5)
            abstained = rng.randint(0, present // 8)
            record_vote(store, rec_id, present - against - abstained, against, abstained, status=status)
