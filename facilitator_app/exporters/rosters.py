"""Printables of the breakout groups (Qt-free): rosters for facilitators and the entrance poster.

build_rosters(store, plenary_id, target, session_id=None) -> int
    One A4 page per group for its facilitator: group, theme, room, facilitator and the
    members with their municipio and needs (accessibility, diet). INTERNAL: it holds
    personal data, and says so in its footer.
build_poster(store, plenary_id, target, session_id=None, size="A3") -> int
    For the entrance: everyone seated, alphabetical by surname (surname and initial only),
    with their group and room, in large type (A3 17 pt, A4 14 pt) in as many columns as the
    names allow (up to 3), with a letter heading per initial.

Both return the page count; `target` is a path or a binary file object.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from facilitator_app import APP_LABEL
from facilitator_app.core.groups.assign import where_entries
from facilitator_app.core.groups.groups import arrangement, groups_of
from facilitator_app.core.store.store import Store
from facilitator_app.exporters.pdf import (
    ACCENT,
    FONT,
    FONT_BOLD,
    GREY,
    GRID,
    RULE,
    CachedParagraph,
    build_pdf,
    clip,
    content_width,
    data_table,
    esc,
    get_styles,
    para,
    register_fonts,
    safe_text,
)
from facilitator_app.exporters.scripts import draw_string, text_width

MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
          "ottobre", "novembre", "dicembre")
WEEKDAYS = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
INTERNAL = "Documento interno: dati personali"


def long_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


@dataclass
class _Data:
    plenary: dict[str, Any]
    session: dict[str, Any] | None
    groups: list[dict[str, Any]]
    seats: list[list[dict[str, Any]]]   # member rows per group


def _load(store: Store, plenary_id: str, session_id: str | None) -> _Data:
    plenary = store.get("plenaries", plenary_id)
    if plenary is None:
        raise ValueError(f"no plenary with id {plenary_id}")
    groups = groups_of(store, plenary_id, session_id)
    ids = arrangement(store, plenary_id, session_id, groups)
    flat = [m for g in ids for m in g]
    rows = {m["id"]: m for m in store.select("members", f"id IN ({','.join('?' * len(flat))})", flat,
                                             include_deleted=True)} if flat else {}
    session = store.get("sessions", session_id) if session_id else None
    return _Data(plenary, session, groups, [[rows[m] for m in g] for g in ids])


def _when(d: _Data) -> str:
    parts = [f"Plenaria {d.plenary['number']}", long_date(d.plenary["date"])]
    if d.session:
        parts.append(d.session["name"])
    if d.plenary.get("venue"):
        parts.append(clip(d.plenary["venue"], 80))  # a header line, not a page
    return " · ".join(parts)


def _needs(m: dict[str, Any]) -> str:
    return "\n".join(x for x in (m.get("accessibility_notes"), m.get("dietary_notes") and
                                 f"Alimentazione: {m['dietary_notes']}") if x)


# -- rosters -----------------------------------------------------------------------------------------------
def roster_story(d: _Data) -> list:
    ss = get_styles()
    big = ParagraphStyle("group_title", parent=ss["title"], fontSize=24, leading=29)
    fact_label = ParagraphStyle("fact_label", parent=ss["td"], textColor=GREY, fontSize=10, leading=13)
    fact = ParagraphStyle("fact", parent=ss["td"], fontName=FONT_BOLD, fontSize=12, leading=15)
    td = ParagraphStyle("roster_td", parent=ss["td"], fontSize=10.5, leading=13.5)
    width = content_width()
    story: list = []
    for i, (g, members) in enumerate(zip(d.groups, d.seats)):
        if i:
            story.append(PageBreak())
        story += [para(g["name"], big), para(_when(d), ss["subtitle"])]
        facts = [(label, value) for label, value in (("Tema", g.get("theme")), ("Sala", g.get("room")),
                                                     ("Facilitatore", g.get("facilitator")),
                                                     ("Persone", str(len(members)))) if value]
        t = Table([[para(label, fact_label), para(value, fact)] for label, value in facts],
                  colWidths=[32 * mm, width - 32 * mm], hAlign="LEFT")
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT)]))
        story += [t, Spacer(1, 5 * mm)]
        rows = [[n, para(f"{m['surname']} {m['first_name']}", td), para(m.get("municipio") or "", td),
                 para(_needs(m), td), ""] for n, m in enumerate(members, 1)]
        story.append(data_table(["N.", "Cognome e nome", "Mun.", "Esigenze e note", "Presente"], rows,
                                col_widths=[9 * mm, 58 * mm, 13 * mm, "*", 18 * mm]))
        if not members:
            story.append(para("Nessuna persona assegnata a questo gruppo.", ss["body"]))
    if not d.groups:
        story.append(para("Questa plenaria non ha ancora gruppi.", ss["body"]))
    return story


def build_rosters(store: Store, plenary_id: str, target: str | Path | IO[bytes],
                  session_id: str | None = None) -> int:
    d = _load(store, plenary_id, session_id)
    return build_pdf(target, roster_story(d), title=f"Gruppi della plenaria {d.plenary['number']}",
                     header_right=f"Plenaria {d.plenary['number']} · {long_date(d.plenary['date'])}",
                     footer_left=INTERNAL, subject="Elenchi dei gruppi per i facilitatori",
                     keywords=("gruppi", "tavoli", "facilitatori"))


# -- poster ---------------------------------------------------------------------------------------------------
POSTER_SIZES = {"A3": (A3, 17), "A4": (A4, 14)}  # page, name size (pt); columns follow the names' width


def _fit(text: str, font: str, size: float, width: float) -> float:
    """The largest size up to `size` at which `text` fits `width`."""
    return min(size, size * width / max(text_width(text, font, size), 1))


def build_poster(store: Store, plenary_id: str, target: str | Path | IO[bytes], session_id: str | None = None,
                 size: str = "A3") -> int:
    """The "where am I" poster (names: personal data, so a file is 0600); returns the page count."""
    from facilitator_app.exporters.atomic import to_target

    return to_target(target, lambda out: _poster(store, plenary_id, out, session_id, size))


def _poster(store: Store, plenary_id: str, target: Any, session_id: str | None, size: str) -> int:
    register_fonts()
    d = _load(store, plenary_id, session_id)
    entries = where_entries(store, plenary_id, session_id)
    pagesize, pt = POSTER_SIZES[size]
    margin, gap, head = 14 * mm, 8 * mm, pt * 5.6
    w, h = pagesize
    usable = w - 2 * margin
    place_pt = pt * 0.8
    # Columns as narrow as the longest name allows (group and room may wrap under it).
    needed = max([text_width(safe_text(e[1], FONT_BOLD), FONT_BOLD, pt) for e in entries] + [pt * 12])
    ncols = max(1, min(3, int((usable + gap) // (min(needed, usable) + gap))))
    col_w = (usable - (ncols - 1) * gap) / ncols
    frames = [Frame(margin + i * (col_w + gap), margin, col_w, h - 2 * margin - head, id=f"c{i}",
                    leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0) for i in range(ncols)]
    title = safe_text("Dove si lavora oggi?", FONT_BOLD)
    when = safe_text(_when(d), FONT_BOLD)
    hint = safe_text("Cerca il tuo cognome: accanto trovi il tuo tavolo e la sala.", FONT)

    def decorate(canv: Any, doc: Any) -> None:
        canv.saveState()
        y = h - margin
        for text, font, size_, color in ((title, FONT_BOLD, pt * 1.8, ACCENT), (when, FONT_BOLD, pt * 1.1, ACCENT),
                                         (hint, FONT, pt * 0.8, GREY)):
            size_ = _fit(text, font, size_, usable)
            y -= size_ * 0.95
            canv.setFillColor(color)
            canv.setFont(font, size_)
            draw_string(canv, margin, y, text)
            y -= size_ * 0.4
        canv.setFont(FONT, 9)
        canv.setFillColor(GREY)
        canv.drawRightString(w - margin, margin / 2, f"{doc.page}")
        canv.setStrokeColor(RULE)
        canv.line(margin, h - margin - head + 2 * mm, w - margin, h - margin - head + 2 * mm)
        canv.restoreState()

    doc = BaseDocTemplate(target if not isinstance(target, Path) else str(target), pagesize=pagesize,
                          title=f"Tavoli della plenaria {d.plenary['number']}", author="", creator=APP_LABEL,
                          lang="it", displayDocTitle=1, leftMargin=margin, rightMargin=margin,
                          topMargin=margin, bottomMargin=margin)
    doc.addPageTemplates([PageTemplate(id="poster", frames=frames, onPage=decorate)])
    name = ParagraphStyle("poster_name", fontName=FONT_BOLD, fontSize=pt, leading=pt * 1.2)
    place = ParagraphStyle("poster_place", fontName=FONT, fontSize=place_pt, leading=place_pt * 1.18)
    letter = ParagraphStyle("poster_letter", fontName=FONT_BOLD, fontSize=pt * 1.2, leading=pt * 1.45,
                            textColor=ACCENT, spaceBefore=pt * 0.3)
    story: list = []
    style = TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID)])
    current = None
    for key, label, group, room in entries:
        where = (f'<font name="{FONT_BOLD}">{esc(clip(group, 120), FONT_BOLD)}</font>'
                 + (f" · {esc(clip(room, 80))}" if room else ""))
        entry = Table([[[para(label, name), CachedParagraph(where, place)]]], colWidths=[col_w],
                      hAlign="LEFT", style=style)
        initial = key[:1].upper()
        if initial != current:  # a letter heading never ends a column alone: it travels with its first name
            story.append(KeepTogether([CachedParagraph(esc(initial, FONT_BOLD), letter), entry]))
            current = initial
        else:
            story.append(entry)
    if not story:
        story.append(CachedParagraph(esc("Nessuna persona assegnata ai tavoli."), name))
    doc.build(story)
    return doc.page
