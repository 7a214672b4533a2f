"""The civic monitoring report (monitoraggio civico): PDF and Excel, per cycle or for the mandate.

Each approved recommendation with the Comune's answer, the act, the due date, its progress updates
and the Plan actions it touches, in plain Italian for citizens. Built on the shared bases
(exporters/pdf.py: fonts, index, "pagina X di Y", metadata; exporters/xlsx.py: text never a
formula). The read model (core/followup/monitoring.py) already left out personal data in the
public version; the internal one adds who followed each recommendation up and wrote each update.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer

from facilitator_app.core.followup.board import FollowupRow
from facilitator_app.core.followup.fields import ANSWER_IT, ANSWER_KINDS, PROGRESS, PROGRESS_IT
from facilitator_app.core.followup.monitoring import Monitoring, summary_sentence
from facilitator_app.exporters.pdf import (
    CachedParagraph,
    ReportDocTemplate,
    data_table,
    esc,
    heading,
    make_toc,
    para,
    report_styles,
)
from facilitator_app.exporters.pdf_grid import Grid
from facilitator_app.exporters.xlsx import new_workbook, save_workbook, write_sheet

Progress = Callable[[str, float], None]
GLOSSARY = (
    ("Accolta", "il Comune fa propria la raccomandazione."),
    ("Accolta in parte", "il Comune ne realizza una parte, e spiega perché non il resto."),
    ("Non accolta", "il Comune non la realizza, e spiega perché."),
    ("In valutazione", "il Comune ha risposto che sta ancora decidendo."),
    ("Termine per la risposta", "la data entro cui il Comune si è impegnato a rispondere, contata dal giorno "
                                "in cui la raccomandazione gli è stata inviata."),
    ("Atto", "il documento ufficiale che contiene la risposta (per esempio una delibera della Giunta)."),
    ("Azioni del Piano", "le azioni del Piano Aria e Clima del Comune a cui la raccomandazione si collega."),
)


PLURAL = {"not_started": "non avviate", "in_progress": "in corso", "done": "realizzate", "abandoned": "abbandonate",
          "none": "senza aggiornamenti"}
ORDER = {k: i for i, k in enumerate((*PROGRESS, "none"))}


def _noop(stage: str, fraction: float) -> None:
    pass


def d(iso: str | None) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else "—"


def short_url(url: str) -> str:
    """A web address as printed in a narrow column (the link keeps it whole): no scheme, no "www."."""
    text = url.split("://", 1)[-1]
    return text[4:] if text.startswith("www.") else text


def report_title(m: Monitoring) -> str:
    return f"Monitoraggio civico delle raccomandazioni — {m.label}"


def sent_text(r: FollowupRow) -> str:
    if not r.sent_on:
        return "Non ancora inviata al Comune"
    text = f"Il {d(r.sent_on)}" + (f" a {r.sent_to}" if r.sent_to else "")
    return text + (f" (protocollo {r.protocol})" if r.protocol else "")


def due_text(r: FollowupRow) -> str:
    if not r.due_on:
        return "—"
    if r.overdue:
        return f"{d(r.due_on)}: scaduto da {r.days_overdue} giorni, senza una risposta definitiva"
    if r.answered and r.answer_on and r.answer_on > r.due_on:
        return f"{d(r.due_on)} (risposta arrivata dopo il termine)"
    return d(r.due_on)


def answer_text(r: FollowupRow) -> str:
    if not r.answer_kind:
        return "Nessuna risposta ancora"
    return ANSWER_IT[r.answer_kind] + (f", il {d(r.answer_on)}" if r.answer_on else "")


def act_text(r: FollowupRow) -> str:
    if not r.act:
        return "—"
    return r.act + (f" del {d(r.act_date)}" if r.act_date else "")


def progress_text(r: FollowupRow) -> str:
    if not r.progress:
        return "Nessun aggiornamento ancora"
    return f"{PROGRESS_IT[r.progress]} (aggiornato il {d(r.progress_on)})"


def _rec_story(m: Monitoring, r: FollowupRow, titles: dict[str, str], ss) -> list:
    actions = "; ".join(f"{c} {titles[c]}".strip() for c in r.plan_actions if c in titles) or "—"
    kv = [("Approvata nella plenaria", f"n. {r.plenary_number} del {d(r.plenary_date)}"),
          ("Tema", r.theme or "—"), ("Azioni del Piano", actions), ("Inviata al Comune", sent_text(r)),
          ("Termine per la risposta", due_text(r)), ("Risposta del Comune", answer_text(r)),
          ("Che cosa ha risposto", r.answer_text or "—"), ("Atto", act_text(r))]
    links = {}
    if r.act_link:
        links[(len(kv), 1)] = r.act_link
        kv.append(("Atto in rete", r.act_link))
    kv += [("Chi se ne occupa", r.responsible or "—"), ("A che punto è", progress_text(r))]
    if not m.public:
        kv.append(("Seguita da (uso interno)", r.followed_by or "—"))
    out: list = [CondPageBreak(45 * mm), heading(f"{r.code} · {r.title}", 2, ss)]
    if r.text:
        out.append(para(r.text, ss["body"]))
    out.append(Grid(kv, [48 * mm, "*"], bold=[0], zebra=False, links=links))
    updates = m.updates.get(r.id, [])
    if updates:
        # The internal version names who wrote each update under its date: the note keeps its width.
        header = ["Data e stato" if m.public else "Data, stato, autore", "Che cosa è successo", "Documenti"]
        rows, ulinks = [], {}
        for i, u in enumerate(updates):
            if u.evidence_link:
                ulinks[(i, 2)] = u.evidence_link
            when = f"{d(u.on_date)} · {PROGRESS_IT[u.status]}"
            rows.append([when if m.public or not u.author else f"{when}\n{u.author}", u.note,
                         short_url(u.evidence_link) if u.evidence_link else
                         ("allegato nel fascicolo" if u.has_file else "")])
        widths = [38 * mm, "*", 34 * mm]
        out += [Spacer(1, 3 * mm), para(f"Aggiornamenti del monitoraggio ({len(updates)})", ss["cluster"]),
                Grid(rows, widths, header=header, links=ulinks)]
    return out


def _summary_story(m: Monitoring, ss) -> list:
    a, p = m.answers(), m.progress()
    out = [heading("1. In sintesi", 1, ss), para(summary_sentence(m), ss["body"])]
    answers = [[ANSWER_IT[k if k != "none" else None], a[k]] for k in (*ANSWER_KINDS, "none")]
    progress = [[PROGRESS_IT[k if k != "none" else None], p[k]] for k in (*PROGRESS, "none")]
    out += [para("Le risposte del Comune", ss["cluster"]),
            data_table(["Risposta", "Raccomandazioni"], answers, ["*", 40 * mm], styles=ss),
            para("A che punto sono", ss["cluster"]),
            data_table(["Stato di avanzamento", "Raccomandazioni"], progress, ["*", 40 * mm], styles=ss)]
    if m.cycle is None and len(m.cycles()) > 1:
        rows = []
        for c in m.cycles():
            rc = [r for r in m.rows if r.cycle == c]
            rows.append([c, len(rc), sum(r.answered for r in rc), sum(r.overdue for r in rc),
                         sum(r.progress == "done" for r in rc)])
        out += [para("Ciclo per ciclo", ss["cluster"]),
                data_table(["Ciclo", "Approvate", "Con risposta definitiva", "Risposta oltre il termine",
                            "Realizzate"], rows, ["*", 26 * mm, 34 * mm, 34 * mm, 24 * mm], styles=ss)]
    out += [heading("2. Come leggere questo documento", 1, ss)]
    out += [CachedParagraph(f"<b>{esc(k)}</b>: {esc(v)}", ss["body"]) for k, v in GLOSSARY]
    return out


def _plan_story(m: Monitoring, ss) -> list:
    out = [CondPageBreak(50 * mm), heading("3. Le azioni del Piano Aria e Clima", 1, ss)]
    if not m.plan:
        return out + [para("Nessuna raccomandazione è ancora collegata ad azioni del Piano.", ss["body"])]
    out.append(para("Per ogni azione del Piano, le raccomandazioni che la riguardano e a che punto sono.", ss["body"]))
    rows = []
    for line in m.plan:
        state = ", ".join(f"{n} {PLURAL[k]}" for k, n in sorted(line.progress.items(), key=lambda kv: ORDER[kv[0]]))
        rows.append([line.code, line.title or "—", line.area, ", ".join(line.recs), state])
    out.append(data_table(["Azione", "Titolo", "Ambito", "Raccomandazioni", "Avanzamento"], rows,
                          [17 * mm, "*", 30 * mm, 38 * mm, 34 * mm], styles=ss))
    return out


def render_monitoring_pdf(m: Monitoring, target: str | Path | IO[bytes], progress: Progress | None = None) -> int:
    progress = progress or _noop
    ss = report_styles()
    version = "Versione pubblica" if m.public else "Versione interna — contiene i nomi di chi segue le raccomandazioni"
    titles = {line.code: line.title for line in m.plan}
    for r in m.rows:
        for c in r.plan_actions:
            titles.setdefault(c, "")
    toc = make_toc(ss)
    story: list = [Spacer(1, 30 * mm), para("Monitoraggio civico delle raccomandazioni", ss["cover_title"]),
                   para(f"{m.assembly}", ss["cover_sub"]), para(m.label.capitalize(), ss["kicker"]),
                   para(f"{version}. Aggiornato al {m.today:%d/%m/%Y}.", ss["subtitle"]),
                   para("Che cosa è successo alle proposte dell'Assemblea dopo il voto: la risposta del Comune, "
                        "l'atto che la contiene, i tempi, e i passi fatti, aggiornamento dopo aggiornamento.",
                        ss["notice"]),
                   PageBreak(), para("Indice", ss["toc_title"]), toc, PageBreak()]
    story += _summary_story(m, ss) + _plan_story(m, ss)
    n = 4
    for c in m.cycles():
        story += [PageBreak(), heading(f"{n}. Ciclo {c}", 1, ss)]
        n += 1
        for r in (r for r in m.rows if r.cycle == c):
            story += _rec_story(m, r, titles, ss)
    progress("Impaginazione del PDF", 0.1)
    doc = ReportDocTemplate(target, progress=progress, estimate=8 + len(m.rows) + sum(map(len, m.updates.values())) // 25,
               title=report_title(m), header_left=m.assembly, header_right=f"Monitoraggio civico — {m.label}",
               footer_left="Versione pubblica" if m.public else "Uso interno",
               footer_right=f"Elaborato il {m.generated_at:%d/%m/%Y}",
               author=f"Segreteria dell'Assemblea — {m.assembly}",
               subject=f"Monitoraggio civico delle raccomandazioni, {m.label}"
                       + (" (versione pubblica)" if m.public else " (versione interna)"),
               keywords=["monitoraggio civico", "raccomandazioni", "risposte del Comune", "Piano Aria e Clima",
                         "Assemblea Permanente dei Cittadini sul Clima", "Milano",
                         "pubblico" if m.public else "interno"])
    # The index as it will be (page numbers aside), so the layout-only first pass already gives it its
    # pages and the second pass, which draws, finds every heading where the first put it: two passes.
    level = {"h1": 0, "h2": 1, "h3": 2}
    toc._entries = [(level[f.style.name], _xml_escape(f.getPlainText()), 100, None) for f in story
                    if isinstance(f, Paragraph) and f.style.name in level]
    doc.multiBuild(story)
    progress("PDF pronto", 1.0)
    return doc.page


def render_monitoring_xlsx(m: Monitoring, target: str | Path | IO[bytes], progress: Progress | None = None) -> list[str]:
    progress = progress or _noop
    wb = new_workbook(title=report_title(m), author=f"Segreteria dell'Assemblea — {m.assembly}",
                      subject="Monitoraggio civico: risposte del Comune, atti, avanzamento"
                              + (" (versione pubblica)" if m.public else " (versione interna)"))
    a, p = m.answers(), m.progress()
    summary = [[ANSWER_IT[k if k != "none" else None], "risposta", a[k]] for k in (*ANSWER_KINDS, "none")]
    summary += [[PROGRESS_IT[k if k != "none" else None], "avanzamento", p[k]] for k in (*PROGRESS, "none")]
    summary.append(["Risposta oltre il termine", "tempi", m.overdue()])
    write_sheet(wb, "Riepilogo", ["Voce", "Tipo", "Raccomandazioni"], summary, ["text", "text", "int"])
    header = ["Codice", "Ciclo", "Plenaria", "Data della plenaria", "Titolo", "Testo", "Tema", "Azioni del Piano",
              "Inviata il", "Inviata a", "Protocollo", "Termine per la risposta", "Oltre il termine",
              "Risposta", "Data della risposta", "Testo della risposta", "Atto", "Data dell'atto", "Atto in rete",
              "Responsabile", "Avanzamento", "Aggiornato il", "Aggiornamenti", "Milano Partecipa (id)"]
    types = ["text", "text", "int", "date", "text", "text", "text", "text", "date", "text", "text", "date", "bool",
             "text", "date", "text", "text", "date", "text", "text", "text", "date", "int", "text"]
    if not m.public:
        header.append("Seguita da")
        types.append("text")
    rows = [[r.code, r.cycle, r.plenary_number, r.plenary_date, r.title, r.text, r.theme or "",
             ", ".join(r.plan_actions), r.sent_on, r.sent_to or "", r.protocol or "", r.due_on, r.overdue,
             ANSWER_IT[r.answer_kind], r.answer_on, r.answer_text or "", r.act or "", r.act_date, r.act_link or "",
             r.responsible or "", PROGRESS_IT[r.progress], r.progress_on, r.updates, r.decidim_id or "",
             *(() if m.public else (r.followed_by or "",))] for r in m.rows]
    write_sheet(wb, "Raccomandazioni", header, rows, types)
    progress("Scrittura del foglio Excel", 0.4)
    codes = {r.id: r.code for r in m.rows}
    uh = ["Codice", "Data", "Stato", "Che cosa è successo", "Documento in rete", "Allegato", "Azioni del Piano"]
    ut = ["text", "date", "text", "text", "text", "bool", "text"]
    if not m.public:
        uh.append("Scritto da")
        ut.append("text")
    urows = [[codes[rid], u.on_date, PROGRESS_IT[u.status], u.note, u.evidence_link or "", u.has_file,
              ", ".join(u.plan_actions), *(() if m.public else (u.author or "",))]
             for rid in codes for u in m.updates.get(rid, [])]
    write_sheet(wb, "Aggiornamenti", uh, urows, ut)
    progress("Scrittura del foglio Excel", 0.7)
    write_sheet(wb, "Azioni del Piano", ["Azione", "Titolo", "Ambito", "Raccomandazioni", *[
                PROGRESS_IT[k if k != "none" else None] for k in (*PROGRESS, "none")]],
                [[line.code, line.title, line.area, ", ".join(line.recs),
                  *[line.progress.get(k, 0) for k in (*PROGRESS, "none")]] for line in m.plan],
                ["text", "text", "text", "text", *["int"] * (len(PROGRESS) + 1)])
    save_workbook(wb, target)
    progress("Excel pronto", 1.0)
    return wb.sheetnames
