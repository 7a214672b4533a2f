"""The cycle report: every plenary of the assembly side by side, as PDF and Excel.

    write_cycle_pdf(store, target, *, public=False, progress=None) -> pages
    write_cycle_xlsx(store, target, *, public=False, progress=None) -> sheet names
    render_cycle_pdf(cycle, target) / render_cycle_xlsx(cycle, target)

Contents: the plenaries (date, venue, present / in office, groups, post-its,
recommendations); the attendance grid member x plenary with each member's rate
(internal only); the recommendations of every plenary with their vote and
status. The workbook adds every post-it of the cycle. The public version has no
citizen's name (see core/minutes/cycle.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, TableStyle

from facilitator_app.core.attendance import stats as A
from facilitator_app.core.minutes.cycle import Cycle, cycle_label, load_cycle
from facilitator_app.exporters.pdf import (
    CachedParagraph,
    build_pdf,
    content_width,
    data_table,
    esc,
    heading,
    para,
    report_styles,
)
from facilitator_app.exporters.plenary_text import short_date
from facilitator_app.exporters.xlsx import new_workbook, save_workbook, write_sheet

__all__ = ["write_cycle_pdf", "write_cycle_xlsx", "render_cycle_pdf", "render_cycle_xlsx"]

Progress = Callable[[str, float], None]
# Grid cells: a letter people can read in black and white, and a tint for a quick look.
CELL = {A.PRESENT: ("P", None), A.PARTIAL: ("Pz", colors.HexColor("#FFF3C4")),
        A.JUSTIFIED: ("G", colors.HexColor("#E3ECF7")), A.ABSENT: ("A", colors.HexColor("#F8D7D7")),
        A.NOT_EXPECTED: ("–", None), A.UPCOMING: ("", None)}
CELL_WORDS = {A.PRESENT: "Presente", A.PARTIAL: "Presente in parte", A.JUSTIFIED: "Assente giustificato/a",
              A.ABSENT: "Assente", A.NOT_EXPECTED: "Non in carica", A.UPCOMING: "Da svolgere"}
PLENARY_STATUS = {"planned": "Prevista", "held": "Svolta", "cancelled": "Annullata"}


def _noop(stage: str, fraction: float) -> None:
    pass


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.0f}%"


def _plenaries_story(c: Cycle, ss) -> list:
    rows = []
    for p in c.plenaries:
        where = f'<br/><font size="7.5" color="#555555">{esc(p.venue)}</font>' if p.venue else ""
        rows.append([p.number, short_date(p.date), CachedParagraph(esc(p.title or "") + where, ss["td"]),
                     PLENARY_STATUS.get(p.status, p.status), f"{p.present} / {p.expected}" if p.present else "—",
                     _pct(p.rate), p.groups, p.notes, f"{p.recommendations} ({p.approved})" if p.recommendations else "0"])
    return [data_table(["N.", "Data", "Titolo e luogo", "Stato", "Presenti / in carica", "%", "Gruppi", "Post-it",
                        "Racc. (appr.)"], rows,
                       [8 * mm, 19 * mm, "*", 17 * mm, 20 * mm, 11 * mm, 14 * mm, 14 * mm, 18 * mm], styles=ss),
            para("Presenti: membri presenti ad almeno una sessione. Racc. (appr.): raccomandazioni, tra parentesi "
                 "quelle approvate o già inviate al Comune.", ss["small"])]


def _grid_story(c: Cycle, ss) -> list:
    h = c.history
    plenaries = h.plenaries
    width = content_width()
    col = min(10 * mm, (width - 62 * mm - 16 * mm) / max(1, len(plenaries)))
    widths = [width - 16 * mm - col * len(plenaries), *[col] * len(plenaries), 16 * mm]
    rows, tints = [], []
    for i, m in enumerate(h.members, 1):
        cells = []
        for j, p in enumerate(plenaries):
            cell = h.cell(m["id"], p["id"])
            letter, tint = CELL[cell.state]
            cells.append(para(letter, ss["td_center"]))
            if tint is not None:
                tints.append(("BACKGROUND", (j + 1, i), (j + 1, i), tint))
        rows.append([f"{m['surname']} {m['first_name']}", *cells, para(_pct(h.member_rate(m["id"])), ss["td_right"])])
    table = data_table(["Cognome e nome", *[str(p["number"]) for p in plenaries], "Tasso"], rows, widths,
                       styles=ss, zebra=False)
    table.setStyle(TableStyle(tints))
    legend = ("P presente a tutte le sessioni · Pz presente in parte · G assente giustificato/a · A assente · "
              "– non in carica · casella vuota: plenaria da svolgere. Tasso: sessioni frequentate su sessioni "
              "previste, nelle plenarie svolte.")
    return [para(legend, ss["small"]), table]


def _recs_story(c: Cycle, ss) -> list:
    out = []
    for p in c.plenaries:
        recs = [r for r in c.recommendations if r.plenary == p.number]
        if not recs:
            continue
        out += [CondPageBreak(40 * mm), heading(f"Plenaria n. {p.number} — {short_date(p.date)}", 2, ss)]
        rows = [[f"R{r.number}", para(r.title, ss["td"]), r.group or "—",
                 para(f"{r.votes_for} / {r.votes_against} / {r.votes_abstained}" if r.voted else "non votata",
                      ss["td_center"]), r.status_label] for r in recs]
        out.append(data_table(["N.", "Raccomandazione", "Gruppo", "Voto: favorevoli / contrari / astenuti",
                               "Stato"], rows, [11 * mm, "*", 20 * mm, 34 * mm, 26 * mm], styles=ss))
    return out or [para("Nessuna raccomandazione registrata.", ss["body"])]


def render_cycle_pdf(c: Cycle, target: str | Path | IO[bytes], progress: Progress | None = None) -> int:
    progress = progress or _noop
    ss = report_styles()  # long tables follow: a CondPageBreak keeps headings off the page bottom
    label = cycle_label(c)
    story = [para("Rapporto del ciclo", ss["title"]),
             para(f"{c.assembly} — {label}" + (" — versione pubblica" if c.public else ""), ss["subtitle"]),
             heading("1. Le plenarie del ciclo", 1, ss), *_plenaries_story(c, ss)]
    n = 2
    if c.history is not None:
        story += [CondPageBreak(60 * mm), heading(f"{n}. Presenze dei membri", 1, ss), *_grid_story(c, ss)]
        n += 1
    total = len(c.recommendations)
    by = {k: sum(1 for r in c.recommendations if r.status == k) for k in ("approved", "sent", "draft")}
    story += [CondPageBreak(60 * mm), heading(f"{n}. Raccomandazioni", 1, ss),
              para(f"{total} raccomandazioni nel ciclo: {by['approved']} approvate, {by['sent']} inviate al "
                   f"Comune, {by['draft']} in bozza.", ss["body"]), *_recs_story(c, ss)]
    progress("Impaginazione del PDF", 0.5)
    pages = build_pdf(target, story, title=f"Rapporto del ciclo — {label}", toc=False, private=not c.public,
                      header_left=c.assembly, header_right="Rapporto del ciclo",
                      footer_left="Versione pubblica" if c.public else "Uso interno — dati personali",
                      footer_right=f"Elaborato il {c.generated_at:%d/%m/%Y}",
                      author=f"Segreteria dell'Assemblea — {c.assembly}",
                      subject="Rapporto del ciclo: presenze e raccomandazioni" + (" (versione pubblica)" if c.public else ""),
                      keywords=["rapporto", "ciclo", "presenze", "raccomandazioni", "Milano"])
    progress("PDF pronto", 1.0)
    return pages


def render_cycle_xlsx(c: Cycle, target: str | Path | IO[bytes], progress: Progress | None = None) -> list[str]:
    progress = progress or _noop
    wb = new_workbook(title=f"Rapporto del ciclo — {cycle_label(c)}", author=f"Segreteria dell'Assemblea — {c.assembly}",
                      subject="Presenze e raccomandazioni del ciclo")
    write_sheet(wb, "Riepilogo", ["N.", "Data", "Titolo", "Luogo", "Stato", "Membri in carica", "Presenti",
                                  "Tasso di presenza", "Gruppi", "Post-it", "Raccomandazioni", "Approvate o inviate"],
                [[p.number, date.fromisoformat(p.date), p.title or "", p.venue or "",
                  PLENARY_STATUS.get(p.status, p.status), p.expected, p.present, p.rate, p.groups, p.notes,
                  p.recommendations, p.approved] for p in c.plenaries],
                ["int", "date", "text", "text", "text", "int", "int", "percent", "int", "int", "int", "int"])
    progress("Scrittura del foglio Excel", 0.2)
    if c.history is not None:
        h = c.history
        write_sheet(wb, "Presenze", ["Cognome", "Nome", *[f"Plenaria {p['number']}" for p in h.plenaries],
                                     "Tasso di presenza"],
                    [[m["surname"], m["first_name"], *[CELL_WORDS[h.cell(m["id"], p["id"]).state] for p in h.plenaries],
                      h.member_rate(m["id"])] for m in h.members],
                    ["text", "text", *["text"] * len(h.plenaries), "percent"])
    write_sheet(wb, "Raccomandazioni", ["Plenaria", "N.", "Titolo", "Testo", "Gruppo", "Tema", "Azioni del Piano",
                                        "Favorevoli", "Contrari", "Astenuti", "Stato"],
                [[r.plenary, f"R{r.number}", r.title, r.text, r.group or "", r.theme or "", ", ".join(r.plan_actions),
                  r.votes_for, r.votes_against, r.votes_abstained, r.status_label] for r in c.recommendations],
                ["int", "text", "text", "text", "text", "text", "text", "int", "int", "int", "text"])
    progress("Scrittura del foglio Excel", 0.5)
    header = ["Plenaria", "Gruppo", "Raggruppamento", "Post-it", "Categoria", "Tag", "Voti", "Scritto il"]
    types = ["int", "text", "text", "text", "text", "text", "int", "datetime"]
    if not c.public:
        header.append("Autore")
        types.append("text")
    write_sheet(wb, "Post-it", header,
                [[n.plenary, n.group, n.cluster, n.text, n.category, ", ".join(n.tags), n.votes, n.created_at,
                  *(() if c.public else (n.author or "",))] for n in c.notes], types)
    progress("Salvataggio del foglio Excel", 0.8)
    save_workbook(wb, target, private=not c.public)
    progress("Excel pronto", 1.0)
    return wb.sheetnames


def write_cycle_pdf(store: Any, target: str | Path | IO[bytes], *, public: bool = False,
                    progress: Progress | None = None) -> int:
    (progress or _noop)("Lettura dei dati", 0.02)
    return render_cycle_pdf(load_cycle(store, public=public, with_notes=False), target, progress)


def write_cycle_xlsx(store: Any, target: str | Path | IO[bytes], *, public: bool = False,
                     progress: Progress | None = None) -> list[str]:
    (progress or _noop)("Lettura dei dati", 0.02)
    return render_cycle_xlsx(load_cycle(store, public=public), target, progress)
