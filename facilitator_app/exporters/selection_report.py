"""The public selection report (PDF in Italian, optional .xlsx): no names, ever.

Method in plain words, the seed and how the panel was drawn from it, the
quotas, the composition at each step against Milan's population (invited,
respondents with the response rate of each stratum, selected, confirmed, in office, present at
each plenary), the distribution of selection
probabilities and how anyone can verify the draw. Only categories and
counts leave the file: no name, contact or respondent code.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm

from facilitator_app.core.members.targets import load_targets
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.selection.categories import categories, category_targets
from facilitator_app.core.selection.invitations import overall_rate, response_rates, total_invited
from facilitator_app.core.selection.model import FIELDS
from facilitator_app.core.selection.presence import presence_by_plenary
from facilitator_app.core.selection.records import (
    invitation_counts, list_pool, member_as_respondent, members_in_office, respondent_features,
)
from facilitator_app.core.selection.runs import latest_run
from facilitator_app.exporters.pdf import ACCENT, build_pdf, content_width, data_table, get_styles, heading, para

FIELD_IT = {"gender": "Genere", "age_band": "Fascia d'età", "education": "Titolo di studio",
            "citizenship": "Cittadinanza", "municipio": "Municipio"}
METHOD_IT = {
    "leximin": ("LEXIMIN (Flanigan e altri, Nature 2021). Tra tutti i modi di formare un gruppo che rispetta le "
                "quote, il metodo sceglie le probabilità in modo che chi ha la probabilità più bassa ne abbia "
                "la più alta possibile; poi fa lo stesso per la seconda più bassa, e così via. Persone con le "
                "stesse caratteristiche hanno la stessa probabilità."),
    "maximin": ("MAXIMIN (Sortition Foundation). Tra tutti i modi di formare un gruppo che rispetta le quote, il "
                "metodo rende più alta possibile la probabilità più bassa."),
    "legacy": ("Metodo «legacy» (scelta una persona alla volta). È veloce ma non garantisce probabilità eque: "
               "le probabilità indicate sono stimate ripetendo il sorteggio 200 volte."),
}
KIND_IT = {"first": "primo sorteggio", "rotation": "rotazione (nuovi membri, con chi resta in carica)",
           "replacement": "sostituzione di un membro"}
MAX_PLENARIES = 8   # the report's presence tables show the last eight plenaries held (the cycle's)
STEPS = ("invitati", "disponibili", "sorteggiati", "confermati", "in carica")
# "in carica": members in office on the day of the last draw (today when there is none).


def _label(vocab: Vocabularies, fld: str, value: str) -> str:
    if fld == "municipio":
        return f"Municipio {value}"
    kind = {"gender": "gender", "education": "education", "citizenship": "citizenship"}.get(fld)
    if kind:
        return vocab.label(kind, value)
    if fld == "age_band":
        for b in vocab.entries("age_bands"):
            if b["key"] == value:
                return b["label"]
    return str(value)


def _shares(people: list[dict[str, str]], fld: str) -> dict[str, float]:
    c = Counter(p.get(fld) for p in people if p.get(fld) is not None)
    total = sum(c.values())
    return {str(k): v / total for k, v in c.items()} if total else {}


def report_data(store, presence: bool = True) -> dict[str, Any]:
    """Everything the report shows, as plain data (categories and numbers only).

    `presence=False` leaves out the plenaries (the attendance history), for the page's chart.
    """
    vocab = Vocabularies.load(store)
    run = latest_run(store)
    targets = load_targets(store)
    pool = list_pool(store)
    feats = [respondent_features(r) for r in pool]
    steps: dict[str, Any] = {}
    inv = invitation_counts(store)
    steps["invitati"] = {f: {v: n / sum(vals.values()) for v, n in vals.items()} for f, vals in inv.items()
                         if sum(vals.values())} if inv else None
    steps["disponibili"] = feats
    steps["sorteggiati"] = [respondent_features(r) for r in pool if r["status"] in ("selected", "confirmed")
                            or (r["status"] == "withdrawn" and r.get("run_id"))]
    steps["confermati"] = [respondent_features(r) for r in pool if r["status"] == "confirmed"]
    # In office on the day of the last draw (or today when there is none): the group the draw completes.
    on = date.fromisoformat(run["drawn_at"]) if run else date.today()
    steps["in carica"] = [dict(member_as_respondent(store, m, vocab, on).features)
                          for m in members_in_office(store, on)]
    cats = categories(store)
    fields = (*FIELDS, *cats)
    names = {**FIELD_IT, **{k: c["name"] for k, c in cats.items()}}
    targets = {**targets, **category_targets(store)}
    composition, keys = [], []
    for fld in fields:
        values = list(targets.get(fld, {}))
        values += sorted({p.get(fld) for p in feats if p.get(fld) is not None} - set(values))
        for v in values:
            row = [names[fld], _label(vocab, fld, v), targets.get(fld, {}).get(v)]
            for step in STEPS:
                people = steps[step]
                if people is None:
                    row.append(None)
                elif isinstance(people, dict):
                    row.append(people.get(fld, {}).get(v))
                else:
                    row.append(_shares(people, fld).get(v, 0.0) if people else None)
            composition.append(row)
            keys.append((fld, str(v)))
    counts = {s: total_invited(store) if s == "invitati" else len(steps[s]) for s in STEPS}
    rates = [[names.get(r.field, r.field), _label(vocab, r.field, r.value), r.invited, r.respondents, r.rate]
             for r in response_rates(store)]
    invited, replied, overall = overall_rate(store)
    plenaries = presence_by_plenary(store, fields)[-MAX_PLENARIES:] if presence else []
    presence = []
    for fld in fields:
        values = list(targets.get(fld, {}))
        values += sorted({v for p in plenaries for v in p.counts.get(fld, {})} - set(values))
        for v in values:
            presence.append([names[fld], _label(vocab, fld, v), targets.get(fld, {}).get(v),
                             *[p.shares(fld).get(v, 0.0) if p.present else None for p in plenaries]])
    data: dict[str, Any] = {"assembly": store.assembly_name(), "fields": [names[f] for f in fields],
                            "composition": composition, "values": keys, "counts": counts,
                            "rates": rates, "overall_rate": [invited, replied, overall],
                            "plenaries": [{"number": p.number, "date": p.date, "present": p.present,
                                           "expected": p.expected} for p in plenaries],
                            "presence": presence, "run": None}
    if run:
        lottery = json.loads(run["lottery"])
        chances = [p for p in lottery["chances"].values() if p is not None]
        to_draw = len(json.loads(run["selected"]))
        fair = to_draw / len(chances) if chances else 0
        q = json.loads(run["quotas"])
        data["run"] = {
            "kind": run["kind"], "method": run["method"], "method_text": run["method_text"],
            "algorithm_version": run["algorithm_version"], "library_version": run["library_version"],
            "seed": run["seed"], "seed_source": run["seed_source"], "witnesses": run["witnesses"],
            "announcement": json.loads(run["announcement"]) if run.get("announcement") else None,
            "drawn_at": run["drawn_at"], "digest": run["inputs_digest"], "panel": run["panel"],
            "pool": len(chances), "drawn": to_draw, "continuing": len(json.loads(run["fixed"] or "[]")),
            "panels": len(lottery["panels"]), "fair": fair,
            "min": min(chances) if chances else None, "median": statistics.median(chances) if chances else None,
            "max": max(chances) if chances else None,
            "under_half": sum(p < fair / 2 for p in chances) / len(chances) if chances else None,
            "histogram": _histogram(chances),
            "quotas": [[names.get(f, f), _label(vocab, f, v), r[0], r[1]] for f, vals in q["fields"].items()
                       for v, r in vals.items()],
        }
    return data


def _histogram(chances: list[float], bins: int = 10) -> list[tuple[str, int]]:
    if not chances:
        return []
    top = max(chances) or 1
    width = top / bins
    counts = [0] * bins
    for p in chances:
        counts[min(int(p / width), bins - 1)] += 1
    return [(f"{i * width:.2f}", n) for i, n in enumerate(counts)]


def _pct(v: Any) -> str:
    return "—" if v is None else f"{v * 100:.1f}%".replace(".", ",")


def _num(v: float | None, digits: int = 4) -> str:
    return "—" if v is None else f"{v:.{digits}f}".replace(".", ",")


def _chart(hist: list[tuple[str, int]]) -> Drawing:
    w, h = content_width(), 55 * mm
    d = Drawing(w, h)
    c = VerticalBarChart()
    c.x, c.y, c.width, c.height = 12 * mm, 10 * mm, w - 20 * mm, h - 16 * mm
    c.data = [[n for _, n in hist]]
    c.categoryAxis.categoryNames = [lbl.replace(".", ",") for lbl, _ in hist]
    c.categoryAxis.labels.fontName = c.valueAxis.labels.fontName = "DejaVuSans"
    c.categoryAxis.labels.fontSize = c.valueAxis.labels.fontSize = 7
    c.valueAxis.valueMin = 0
    c.bars[0].fillColor = ACCENT
    d.add(c)
    return d


def write_pdf(data: dict[str, Any], target: str | Path) -> int:
    ss = get_styles()
    story: list = [para("Sorteggio dei membri: rapporto pubblico", ss["title"]),
                   para(data["assembly"], ss["subtitle"])]
    run = data["run"]
    story.append(heading("Come sono stati scelti", 1, ss))
    if run is None:
        story.append(para("Nessun sorteggio è ancora stato registrato.", ss["body"]))
    else:
        story += [
            para(f"Tipo di sorteggio: {KIND_IT.get(run['kind'], run['kind'])}. Data: {run['drawn_at']}. "
                 f"Bacino: {run['pool']} persone disponibili; da sorteggiare: {run['drawn']}"
                 + (f" (restano in carica {run['continuing']} membri)" if run["continuing"] else "")
                 + f"; gruppo in carica: {run['panel']}.", ss["body"]),
            para(METHOD_IT.get(run["method"], run["method"]), ss["body"]),
            para(f"Programma: {run['method_text']}; {run['algorithm_version']}; {run['library_version']}.",
                 ss["small"]),
            heading("Il numero casuale pubblico (seme)", 2, ss),
            para(f"Seme: «{run['seed']}». Come è stato ottenuto: {run['seed_source'] or 'non indicato'}. "
                 f"Testimoni: {run['witnesses'] or 'non indicati'}. " + (
                     f"Il modo di ottenere il seme era stato annunciato il {_day(run['announcement']['announced_at'])}, "
                     f"prima del sorteggio." if run.get("announcement") else
                     "Il modo di ottenere il seme non era stato annunciato prima nel programma."), ss["body"]),
            para("Come dal seme si arriva al gruppo: si calcola l'impronta SHA-256 del testo "
                 "«facilitator_app draw v1|» seguito dal seme; i primi 8 byte, divisi per 2^64, danno un numero u "
                 f"tra 0 e 1. I gruppi possibili (qui {run['panels']}), ciascuno con la sua probabilità, sono messi "
                 "in un ordine fisso e si sceglie il primo per cui la somma delle probabilità supera u. Tra persone con "
                 "le stesse caratteristiche si scelgono quelle con l'impronta SHA-256 di «seme|codice» più "
                 "piccola. Chiunque può rifare il calcolo.", ss["body"]),
            heading("Le quote", 2, ss),
            para("Per ogni caratteristica, il numero minimo e massimo di persone nel gruppo in carica "
                 "(calcolati dalla popolazione di Milano: minimo = arrotondamento per difetto, massimo = per "
                 "eccesso della quota proporzionale).", ss["body"]),
            data_table(["Caratteristica", "Valore", "Minimo", "Massimo"], run["quotas"], ["30%", "40%", "15%", "15%"],
                       styles=ss),
            heading("Le probabilità di essere scelti", 2, ss),
            para(f"Probabilità equa (se tutti avessero la stessa): {_num(run['fair'])}. Minima: {_num(run['min'])}; "
                 f"mediana: {_num(run['median'])}; massima: {_num(run['max'])}. Persone con meno della metà della "
                 f"probabilità equa: {_pct(run['under_half'])}.", ss["body"]),
            para("Quante persone per probabilità di essere scelte:", ss["small"]),
            _chart(run["histogram"]),
        ]
    story.append(heading("Composizione a ogni passo, rispetto a Milano", 1, ss))
    c = data["counts"]
    story.append(para("Quote percentuali per caratteristica. Persone: " + "; ".join(
        f"{s} {_int(c[s])}" for s in STEPS) + ".", ss["body"]))
    # One table per characteristic: the value column gets the room a characteristic column would take.
    for fld in data["fields"]:
        rows = [[r[1], *[_pct(v) for v in r[2:]]] for r in data["composition"] if r[0] == fld]
        if rows:
            story.append(heading(fld, 3, ss))
            story.append(data_table(["Valore", "Milano", *[s.capitalize() for s in STEPS]], rows,
                                    ["16%", "14%", "14%", "14%", "14%", "14%", "14%"], styles=ss))
    story += _rates_story(data, ss)
    story += _presence_story(data, ss)
    story.append(heading("Come verificare", 1, ss))
    if run:
        story.append(para("Gli ingressi pubblicati (per ogni persona del bacino un codice anonimo e le cinque "
                          "caratteristiche, le quote, il metodo) hanno questa impronta SHA-256:", ss["body"]))
        story.append(para(run["digest"], ss["small"]))
        story.append(para("Con il programma (facilitator-app selection verify) si rifà il calcolo da questi "
                          "ingressi e dal seme: si deve ottenere lo stesso gruppo. Se il bacino è stato modificato "
                          "dopo il sorteggio, la verifica lo dice, persona per persona.", ss["body"]))
    return build_pdf(str(target), story, title="Sorteggio: rapporto pubblico", subject="Sorteggio dei membri")


def _int(n: int | None) -> str:
    return "—" if n is None else f"{n:,}".replace(",", ".")


def _rates_story(data: dict[str, Any], ss) -> list:
    story: list = [heading("Chi ha risposto alla lettera", 1, ss)]
    invited, replied, overall = data["overall_rate"]
    if not data["rates"]:
        return story + [para("L'elenco degli invitati non è stato caricato: il tasso di risposta non si può "
                             "calcolare.", ss["body"])]
    story.append(para(f"Lettere inviate: {_int(invited)}; risposte: {_int(replied)} ({_pct(overall)}). Per ogni "
                      "caratteristica, quante persone hanno ricevuto la lettera, quante hanno risposto e la "
                      "percentuale di risposta: dove è più bassa, quel gruppo è meno rappresentato fra i "
                      "disponibili.", ss["body"]))
    for fld in data["fields"]:
        rows = [[r[1], _int(r[2]), _int(r[3]), _pct(r[4])] for r in data["rates"] if r[0] == fld]
        if rows:
            story.append(heading(fld, 3, ss))
            story.append(data_table(["Valore", "Invitati", "Risposte", "Tasso di risposta"], rows,
                                    ["40%", "20%", "20%", "20%"], styles=ss))
    return story


def _presence_story(data: dict[str, Any], ss) -> list:
    story: list = [heading("Presenti a ogni plenaria", 1, ss)]
    plens = data["plenaries"]
    if not plens:
        return story + [para("Nessuna plenaria si è ancora svolta.", ss["body"])]
    story.append(para("Composizione dei membri presenti a ogni plenaria (almeno una sessione), rispetto a Milano. "
                      + "; ".join(f"Plenaria {p['number']} ({_day(p['date'])}): {p['present']} presenti su "
                                  f"{p['expected']}" for p in plens) + ".", ss["body"]))
    heads = ["Valore", "Milano", *[f"P{p['number']}" for p in plens]]
    rest = f"{64 / len(plens):.1f}%"
    for fld in data["fields"]:
        rows = [[r[1], *[_pct(v) for v in r[2:]]] for r in data["presence"] if r[0] == fld]
        if rows:
            story.append(heading(fld, 3, ss))
            story.append(data_table(heads, rows, ["24%", "12%", *[rest] * len(plens)], styles=ss))
    return story


def _day(iso: str) -> str:
    try:
        return date.fromisoformat(iso[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return iso


def write_xlsx(data: dict[str, Any], target: str | Path) -> None:
    from facilitator_app.exporters.xlsx import new_workbook, save_workbook, write_sheet

    wb = new_workbook(title="Sorteggio: rapporto pubblico")
    write_sheet(wb, "Composizione", ["Caratteristica", "Valore", "Milano", *STEPS],
                data["composition"], [None, None, *["percent"] * 6])
    if data["rates"]:
        write_sheet(wb, "Risposte", ["Caratteristica", "Valore", "Invitati", "Risposte", "Tasso di risposta"],
                    data["rates"], [None, None, None, None, "percent"])
    if data["plenaries"]:
        write_sheet(wb, "Presenti", ["Caratteristica", "Valore", "Milano",
                                     *[f"Plenaria {p['number']}" for p in data["plenaries"]]],
                    data["presence"], [None, None, *["percent"] * (1 + len(data["plenaries"]))])
    run = data["run"]
    if run:
        write_sheet(wb, "Sorteggio", ["Voce", "Valore"], [
            ["Metodo", run["method_text"]], ["Seme", run["seed"]], ["Origine del seme", run["seed_source"]],
            ["Testimoni", run["witnesses"]], ["Data", run["drawn_at"]], ["Impronta degli ingressi", run["digest"]],
            ["Probabilità minima", run["min"]], ["Probabilità mediana", run["median"]],
            ["Sotto metà dell'equa", run["under_half"]]])
        write_sheet(wb, "Quote", ["Caratteristica", "Valore", "Minimo", "Massimo"], run["quotas"])
    save_workbook(wb, target)
