"""The verbale (minutes) of a plenary as PDF, internal or public (reportlab, on exporters/pdf.py).

    write_verbale_pdf(store, plenary_id, target, *, public=False, progress=None) -> pages
    render_verbale_pdf(minutes, target, photo_data, progress=None) -> pages

Contents, in Italian: cover (assembly, plenary number, date, venue, what the
file holds), table of contents for long minutes, agenda, the secretariat's
sections where they belong, attendance per session and the composition of
those present against the whole assembly, staff and experts, the lists of
those present and absent (internal only), each group with its facilitator,
members (internal only) and post-its by cluster with their dots,
recommendations with the plenary's vote, signatures, and the photos of the
walls as an appendix.

The public version is rendered from a public `Minutes` (core/minutes/minutes.py),
which holds no citizen's name at all: see that module for the guarantee.

`progress(stage, fraction)` is called along the way; it may raise to cancel
(the caller's atomic write then leaves no file).
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Image,
    KeepTogether,
    PageBreak,
    Spacer,
)
from reportlab.platypus.tables import Table, TableStyle

from facilitator_app.core.minutes.minutes import SECTION_TITLES, Minutes, load_minutes
from facilitator_app.core.notes.photos import photo_data as _photo_data
from facilitator_app.exporters.pdf import (
    FONT,
    HEADER_BG,
    RULE,
    CachedParagraph,
    ReportDocTemplate,
    content_width,
    data_table,
    esc,
    heading,
    make_toc,
    para,
    report_styles,
)
from facilitator_app.exporters.plenary_text import ROLE_LABELS, long_date, short_date

__all__ = ["write_verbale_pdf", "render_verbale_pdf", "verbale_title", "Progress"]

Progress = Callable[[str, float], None]
STATUS_PLURAL = {"approved": "approvate", "rejected": "respinte", "sent": "inviate al Comune", "draft": "in bozza"}
ROLE_PLURAL = {"facilitator": "facilitatori", "staff": "membri dello staff", "expert": "esperti",
               "guest": "ospiti", "substitute": "sostituti", "observer": "osservatori"}


def _noop(stage: str, fraction: float) -> None:
    pass


def verbale_title(m: Minutes) -> str:
    return f"Verbale della plenaria n. {m.number} — {long_date(m.plenary['date'])}"


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.0f}%".replace(".", ",")


def _paragraphs(text: str, ss) -> list:
    """Free text typed by the secretariat: blank lines separate paragraphs, single newlines stay."""
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
    return [para(b, ss["body"]) for b in blocks if b.strip()]


class _Numbering:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self, title: str, ss) -> list:
        self.n += 1
        return [CondPageBreak(50 * mm), heading(f"{self.n}. {title}", 1, ss)]


def _h2(title: str, ss, room: float = 40 * mm) -> list:
    # Headings do not "keep with next" (a long table after them would be pushed whole to the
    # next page, leaving a blank one); a conditional page break keeps them off the page bottom.
    return [CondPageBreak(room), heading(title, 2, ss)]


# -- parts --------------------------------------------------------------------------------------------
def _cover(m: Minutes, ss) -> list:
    p = m.plenary
    rows = [("Data", long_date(p["date"]).capitalize()), ("Luogo", p.get("venue") or "—")]
    from facilitator_app.core.plenaries.plenaries import rooms_of
    if rooms_of(p):
        rows.append(("Sale", ", ".join(rooms_of(p))))
    if m.sessions:
        rows.append(("Sessioni", " · ".join(
            f"{s.name} {s.starts_at}–{s.ends_at}" if s.starts_at and s.ends_at else s.name for s in m.sessions)))
    rows.append(("Presenti", f"{m.present} membri su {m.expected} in carica ({_pct(m.present / m.expected if m.expected else None)})"))
    rows.append(("Gruppi di lavoro", f"{len(m.groups)} gruppi, {len(m.notes)} post-it"))
    approved = sum(1 for r in m.recommendations if r.status in ("approved", "sent"))
    rows.append(("Raccomandazioni", f"{len(m.recommendations)}, di cui {approved} approvate o inviate al Comune"))
    table = Table([[para(k, ss["th"]), para(v, ss["td"])] for k, v in rows], colWidths=[40 * mm, content_width() - 40 * mm],
                  hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    if m.public:
        notice = ("<b>Versione pubblica</b> per la pubblicazione su Milano Partecipa. Non contiene dati personali "
                  "dei partecipanti: presenze e composizione sono riportate solo in forma aggregata; i testi dei "
                  "post-it e delle raccomandazioni sono il contributo dell'Assemblea e sono riportati integralmente.")
    else:
        notice = ("<b>Versione integrale per gli atti.</b> Contiene dati personali dei partecipanti (nomi, presenze, "
                  "motivazioni delle assenze, autori dei post-it), trattati ai sensi del GDPR: non pubblicare. "
                  "Per la pubblicazione usare la versione pubblica.")
    return [Spacer(1, 18 * mm), para(m.assembly, ss["kicker"]),
            para("Piano Aria e Clima del Comune di Milano — azione 5.1.4", ss["meta"]), Spacer(1, 22 * mm),
            para(f"Verbale della plenaria n. {m.number}", ss["cover_title"]),
            para(p.get("title") or "", ss["cover_sub"]), Spacer(1, 10 * mm), table, Spacer(1, 10 * mm),
            CachedParagraph(notice, ss["notice"]), Spacer(1, 14 * mm),
            para(f"Verbale redatto dalla Segreteria dell'Assemblea sulla base dei dati registrati "
                 f"(elaborato il {m.generated_at:%d/%m/%Y alle %H:%M}).", ss["meta"])]


def _agenda(m: Minutes, ss) -> list:
    if not m.agenda:
        return [para("Nessun ordine del giorno registrato.", ss["body"])]
    rows = [[f"{a['starts_at'] or ''}–{a['ends_at'] or ''}".strip("–"), a["title"], a["presenter"] or ""]
            for a in m.agenda]
    return [data_table(["Orario", "Punto all'ordine del giorno", "A cura di"], rows, [24 * mm, "*", 55 * mm], styles=ss)]


def _attendance(m: Minutes, ss) -> list:
    if m.present == 0 and m.plenary.get("status") != "held":
        return [para(f"La plenaria non risulta ancora svolta: nessuna presenza registrata. Membri in carica alla "
                     f"data prevista: {m.expected}.", ss["body"])]
    absent = max(0, m.expected - m.present - m.justified)
    out = [para(f"Alla data della plenaria erano in carica {m.expected} membri dell'Assemblea. Hanno partecipato "
                f"ad almeno una sessione {m.present} membri ({_pct(m.present / m.expected if m.expected else None)}); "
                f"assenti giustificati: {m.justified}; assenti senza giustificazione: {absent}.", ss["body"]),
           *_h2("Presenze per sessione", ss)]
    rows = [("Membri in carica", [s.expected for s in m.sessions]),
            ("Presenti", [f"{s.present} ({_pct(s.rate)})" for s in m.sessions]),
            ("di cui arrivati in ritardo", [s.late for s in m.sessions]),
            ("di cui usciti prima della fine", [s.left_early for s in m.sessions]),
            ("Assenti giustificati", [s.justified for s in m.sessions]),
            ("Assenti senza giustificazione", [s.absent for s in m.sessions]),
            ("Facilitazione, staff, esperti e ospiti presenti", [s.others for s in m.sessions])]
    header = ["", *[f"{s.name} ({s.starts_at}–{s.ends_at})" if s.starts_at and s.ends_at else s.name
                    for s in m.sessions]]
    col = min(45 * mm, (content_width() - 70 * mm) / max(1, len(m.sessions)))
    right = ss["td_right"]
    out.append(data_table(header, [[label, *(para(v, right) for v in vals)] for label, vals in rows],
                          [70 * mm, *[col] * len(m.sessions)], styles=ss))
    out += [*_h2("Composizione dei presenti", ss),
            para("Per ogni caratteristica: quanti membri in carica e quanti presenti (ad almeno una sessione) "
                 "appartengono a ciascuna categoria, e la differenza tra le due quote in punti percentuali.",
                 ss["body"])]
    from facilitator_app.core.minutes.minutes import FIELD_LABELS
    rows, breaks = [], []
    for fld, lines in m.composition.items():
        breaks.append(len(rows) + 1)
        for i, c in enumerate(lines):
            gap = (c.present_share - c.assembly_share) * 100
            rows.append([FIELD_LABELS.get(fld, fld) if i == 0 else "", c.label, c.assembly, _pct(c.assembly_share),
                         c.present, _pct(c.present_share), f"{gap:+.0f}".replace("+0", "0").replace("-0", "0")])
    table = data_table(["Caratteristica", "Categoria", "In carica", "%", "Presenti", "%", "Scarto (punti)"], rows,
                       [30 * mm, "*", 18 * mm, 15 * mm, 18 * mm, 15 * mm, 22 * mm], styles=ss, zebra=False)
    table.setStyle(TableStyle([("LINEABOVE", (0, b), (-1, b), 0.8, RULE) for b in breaks[1:]]))
    out.append(table)
    out += _h2("Facilitazione, staff ed esperti", ss)
    if m.people:
        out.append(data_table(["Nome e cognome", "Ruolo", "Ente"],
                              [[p.name, ROLE_LABELS.get(p.role, p.role), p.organisation or ""] for p in m.people],
                              [60 * mm, 35 * mm, "*"], styles=ss))
    else:
        out.append(para("Nessuna persona registrata.", ss["body"]))
    if m.others:
        parts = [f"{n} {ROLE_PLURAL.get(r, r) if n != 1 else ROLE_LABELS.get(r, r).lower()}"
                 for r, n in sorted(m.others.items())]
        out.append(para(f"Erano presenti inoltre: {', '.join(parts)} (non nominati nella versione pubblica).",
                        ss["meta"]))
    if m.public:
        return out
    names = [s.name for s in m.sessions]
    n_cols = len(names)
    rest = content_width() - 10 * mm - 64 * mm
    col = min(30 * mm, rest / (n_cols + 1)) if n_cols else 0
    widths = [10 * mm, 64 * mm, *[col] * n_cols, "*"]
    out += [*_h2(f"Elenco dei presenti ({len(m.present_list)})", ss),
            data_table(["N.", "Cognome e nome", *names, "Note"],
                       [[i, ln.name, *ln.cells, ln.reason] for i, ln in enumerate(m.present_list, 1)], widths, styles=ss)]
    out += _h2(f"Assenti giustificati ({len(m.justified_list)})", ss)
    out.append(data_table(["N.", "Cognome e nome", "Motivazione"],
                          [[i, ln.name, ln.reason or "—"] for i, ln in enumerate(m.justified_list, 1)],
                          [10 * mm, 62 * mm, "*"], styles=ss) if m.justified_list else para("Nessuno.", ss["body"]))
    out += _h2(f"Assenti senza giustificazione ({len(m.absent_list)})", ss)
    out.append(data_table(["N.", "Cognome e nome"], [[i, ln.name] for i, ln in enumerate(m.absent_list, 1)],
                          [10 * mm, "*"], styles=ss) if m.absent_list else para("Nessuno.", ss["body"]))
    return out


def _note_cell(n, ss) -> Any:
    tags = ", ".join(f"azione {t}" if re.fullmatch(r"\d+(\.\d+)+", t) else t for t in n.tags)
    meta = [x for x in (n.category, tags) if x]
    if n.author:
        meta.append(f"autore: {n.author}")
    markup = esc(n.text).replace("\n", "<br/>")
    if meta:
        markup += f'<br/><font size="7.5" color="#555555">{esc(" · ".join(meta))}</font>'
    return CachedParagraph(markup, ss["note"])


def _groups(m: Minutes, ss) -> list:
    n_clusters = sum(1 for g in m.groups for c in g.clusters if c.id)
    out = [para(f"{len(m.groups)} gruppi di lavoro hanno raccolto {len(m.notes)} post-it, riuniti in {n_clusters} "
                "raggruppamenti. In ogni gruppo i raggruppamenti e i post-it sono in ordine di voti (bollini "
                "adesivi) ricevuti; i post-it rimasti fuori dai raggruppamenti sono riportati in fondo.", ss["body"])]
    rows = [[g.name, g.facilitator or "—", g.room or "—", g.theme or "—", g.member_count, len(g.notes),
             sum(c.votes + c.note_votes for c in g.clusters)] for g in m.groups]
    out.append(data_table(["Gruppo", "Facilitazione", "Sala", "Tema", "Membri", "Post-it", "Voti"], rows,
                          [20 * mm, 35 * mm, 22 * mm, "*", 16 * mm, 15 * mm, 13 * mm], styles=ss))
    for g in m.groups:
        out += _h2(g.name + (f" — {g.theme}" if g.theme else ""), ss, 60 * mm)
        facts = [f"Facilitazione: {g.facilitator or '—'}", f"Sala: {g.room or '—'}"]
        if g.session:
            facts.append(f"Sessione: {g.session}")
        facts.append(f"Partecipanti: {g.member_count}")
        if g.photo_numbers:
            facts.append("Foto della parete: Allegato A, n. " + ", ".join(map(str, g.photo_numbers)))
        out.append(para(" · ".join(facts), ss["meta"]))
        if g.members is not None:
            names = ", ".join(f"{sn} {fn}".strip() for sn, fn in g.members)
            out.append(CachedParagraph(f"<b>Componenti:</b> {esc(names or '—')}", ss["body"]))
        if not g.clusters:
            out.append(para("Nessun post-it registrato.", ss["body"]))
        number = 0
        for c in g.clusters:
            votes = (f" · voti al raggruppamento: {c.votes}" if c.id else "") + f" · voti ai post-it: {c.note_votes}"
            out.append(CondPageBreak(30 * mm))
            out.append(CachedParagraph(f"{esc(c.title)}  <font name=\"{FONT}\" size=\"8\" color=\"#555555\">"
                                        f"{len(c.notes)} post-it{esc(votes)}</font>", ss["cluster"]))
            rows = []
            for n in c.notes:
                number += 1
                rows.append([number, n.votes, _note_cell(n, ss)])
            out.append(data_table(["N.", "Voti", "Post-it (categoria, tag" + (")" if m.public else ", autore)")],
                                  rows, [10 * mm, 11 * mm, "*"], styles=ss))
    return out


def _recommendations(m: Minutes, ss) -> list:
    recs = m.recommendations
    if not recs:
        return [para("Nessuna raccomandazione registrata in questa plenaria.", ss["body"])]
    counts = {k: sum(1 for r in recs if r.status == k) for k in STATUS_PLURAL}
    out = [para(f"{len(recs)} raccomandazioni: " + ", ".join(f"{n} {STATUS_PLURAL[k]}" for k, n in counts.items() if n)
                + ". Il voto è quello espresso in plenaria dai membri presenti.", ss["body"])]
    rows = [[f"R{r.number}", r.title, r.group or "—",
             para(f"{r.votes_for} / {r.votes_against} / {r.votes_abstained}" if r.voted else "non votata",
                  ss["td_center"]), r.status_label] for r in recs]
    out.append(data_table(["N.", "Raccomandazione", "Gruppo", "Voto: favorevoli / contrari / astenuti", "Stato"],
                          rows, [11 * mm, "*", 20 * mm, 34 * mm, 26 * mm], styles=ss))
    for r in recs:
        block = [para(f"R{r.number}. {r.title}", ss["rec"])]
        block += _paragraphs(r.text, ss) if r.text.strip() else []
        meta = [f"Gruppo: {r.group or '—'}"]
        if r.theme:
            meta.append(f"Tema: {r.theme}")
        if r.plan_actions:
            meta.append("Azioni del Piano Aria e Clima: " + ", ".join(r.plan_actions))
        meta.append(f"Post-it di origine: {r.linked_notes}")
        block.append(para(" · ".join(meta), ss["meta"]))
        if r.voted:
            cells = [f"Favorevoli: {r.votes_for}", f"Contrari: {r.votes_against}",
                     f"Astenuti: {r.votes_abstained}", f"Stato: {r.status_label}"]
        else:
            cells = ["Voto non ancora registrato", "", "", f"Stato: {r.status_label}"]
        vote = Table([[para(c, ss["th"]) for c in cells]], colWidths=[30 * mm] * 3 + [content_width() - 90 * mm],
                     hAlign="LEFT")
        vote.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), HEADER_BG), ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                                  ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        block.append(vote)
        out.append(KeepTogether(block) if len(r.text) < 1200 else block[0])
        if len(r.text) >= 1200:
            out += block[1:]
    return out


def _signatures(m: Minutes, ss) -> list:
    line = "_" * 36
    t = Table([[para("Per la Segreteria dell'Assemblea", ss["meta"]), para("Per il gruppo di facilitazione", ss["meta"])],
               [para(line, ss["td"]), para(line, ss["td"])]], colWidths=[content_width() / 2] * 2, hAlign="LEFT")
    t.setStyle(TableStyle([("TOPPADDING", (0, 1), (-1, 1), 16), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 8 * mm), KeepTogether([para("Letto, approvato e sottoscritto.", ss["body"]),
                                             para("Milano, ____________________", ss["body"]), Spacer(1, 4 * mm), t])]


def _photos(m: Minutes, ss, photo_data: Callable[[str], bytes | None], folder: Path) -> list:
    width, max_h = content_width(), 105 * mm
    out = [PageBreak(), heading("Allegato A — Fotografie delle pareti", 1, ss),
           para("Le pareti di post-it dei gruppi, fotografate a fine lavori.", ss["body"])]
    for ph in m.photos:
        data = photo_data(ph.id)
        if not data:
            continue
        # From a .jpg file reportlab copies the JPEG into the PDF as it is; from bytes in memory it
        # would decode every photo just to name it (a fifth of a second for eight wall photos).
        is_jpeg = data[:3] == b"\xff\xd8\xff"
        path = folder / f"foto{ph.number}.{'jpg' if is_jpeg else 'png'}"
        path.write_bytes(data)
        w, h = ph.width, ph.height
        if not (w and h):
            from reportlab.lib.utils import ImageReader
            w, h = ImageReader(io.BytesIO(data)).getSize()
        scale = min(width / w, max_h / h)
        img = Image(str(path), width=w * scale, height=h * scale, hAlign="CENTER")
        where = f"{ph.group} — " if ph.group and ph.group not in ph.caption else ""
        out.append(KeepTogether([img, para(f"Foto {ph.number}. {where}{ph.caption}", ss["caption"])]))
    return out


def _story(m: Minutes, ss, photo_data: Callable[[str], bytes | None], toc: bool, folder: Path) -> list:
    story = _cover(m, ss) + [PageBreak()]
    if toc:
        story += [para("Indice", ss["toc_title"]), make_toc(ss), PageBreak()]
    h1 = _Numbering()
    story += [*h1("Ordine del giorno", ss), *_agenda(m, ss)]

    def section(key: str) -> None:
        text = (m.sections.get(key) or "").strip()
        if text:
            story.extend([*h1(SECTION_TITLES[key], ss), *_paragraphs(text, ss)])

    section("opening")
    story += [*h1("Presenze", ss), *_attendance(m, ss)]
    section("summary")
    story += [*h1("Lavori dei gruppi", ss), *_groups(m, ss)]
    story += [*h1("Raccomandazioni", ss), *_recommendations(m, ss)]
    section("decisions")
    section("next_steps")
    story += _signatures(m, ss)
    if m.photos:
        story += _photos(m, ss, photo_data, folder)
    return story


def render_verbale_pdf(m: Minutes, target: str | Path | IO[bytes], photo_data: Callable[[str], bytes | None],
                       progress: Progress | None = None) -> int:
    """Lay out the verbale from a loaded `Minutes`; returns the page count. A path is written
    all-or-nothing; the internal version (names) 0600."""
    from facilitator_app.exporters.atomic import to_target

    if isinstance(target, str | Path):
        return to_target(target, lambda out: _render(m, str(out), photo_data, progress), private=not m.public)
    return _render(m, target, photo_data, progress)


def _render(m: Minutes, target: str | IO[bytes], photo_data: Callable[[str], bytes | None],
            progress: Progress | None) -> int:
    progress = progress or _noop
    ss = report_styles()
    toc = len(m.groups) > 2 or len(m.notes) + 3 * len(m.recommendations) > 120
    estimate = 4 + len(m.notes) // 22 + len(m.recommendations) // 3 + len(m.photos) // 2 + len(m.groups)
    title = verbale_title(m)
    version = "versione pubblica" if m.public else "versione integrale (uso interno)"
    doc = ReportDocTemplate(target, progress=progress, estimate=estimate * (1.6 if toc else 1), title=title,
               header_left=m.assembly, header_right=f"Verbale plenaria n. {m.number} — {short_date(m.plenary['date'])}",
               footer_left="Versione pubblica" if m.public else "Uso interno — dati personali",
               footer_right=f"Elaborato il {m.generated_at:%d/%m/%Y}",
               author=f"Segreteria dell'Assemblea — {m.assembly}",
               subject=f"Verbale della plenaria n. {m.number} ({version})",
               keywords=["verbale", "plenaria", f"plenaria {m.number}", "Assemblea Permanente dei Cittadini sul Clima",
                         "Milano", "pubblico" if m.public else "interno"])
    progress("Impaginazione del PDF", 0.1)
    with tempfile.TemporaryDirectory(prefix="verbale-") as folder:
        story = _story(m, ss, photo_data, toc, Path(folder))
        if toc:
            doc.multiBuild(story)
        else:
            doc.build(story)
    progress("PDF pronto", 1.0)
    return doc.page


def write_verbale_pdf(store: Any, plenary_id: str, target: str | Path | IO[bytes], *, public: bool = False,
                      progress: Progress | None = None) -> int:
    """Load the plenary's minutes (public or internal) and write the PDF; returns the page count."""
    progress = progress or _noop
    progress("Lettura dei dati", 0.02)
    m = load_minutes(store, plenary_id, public=public)
    return render_verbale_pdf(m, target, lambda pid: _photo_data(store, pid), progress)
