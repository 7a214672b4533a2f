"""The sign-in sheet (foglio firme) per session and the paper check-in list.

Foglio firme: what the Comune keeps as proof of attendance. One section per
session (each starting on a new page): members in office sorted by surname,
with their group and a wide signature box; then staff, experts and guests
with their role, a few empty rows for walk-ins and the signature of whoever
kept the sheet.

Check-in list: the paper fallback if an entrance laptop dies. Everyone
expected, with badge code, group and a tick box per session.

Both on the shared PDF base (DejaVu embedded, "pagina X di Y").
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer
from reportlab.platypus.tables import LongTable, Table, TableStyle

from facilitator_app.exporters.pdf import (
    ACCENT,
    GRID,
    HEADER_BG,
    RULE,
    ZEBRA_BG,
    build_pdf,
    content_width,
    get_styles,
    para,
)
from facilitator_app.exporters.plenary_text import ROLE_LABELS, long_date, session_label

__all__ = ["write_signin", "write_checklist", "signin_rows"]

BOX = "\u2610"  # BALLOT BOX: DejaVu has it


def _styles(size: float = 10.5):
    ss = get_styles()
    for name, sz in (("td", size), ("th", min(size, 9.5) - 0.5), ("td_right", size), ("td_center", size)):
        ss[name].fontSize, ss[name].leading = sz, sz * 1.25
    ss["h2"].keepWithNext = 0  # a heading above a long table: never push the whole table to the next page
    return ss


def signin_rows(store: Any, plenary_id: str, session_id: str | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(members, people) for a sheet: members by surname with their group label; people by role."""
    from facilitator_app.core.attendance.checkin import roster, seats_for

    seats = seats_for(store, plenary_id, session_id)
    members, people = [], []
    for a in roster(store, plenary_id):
        if a.kind == "member":
            seat = seats.get(a.id)
            members.append({"surname": a.surname, "first_name": a.first_name, "badge_code": a.badge_code,
                            "group": seat.group if seat else "", "room": (seat.room or "") if seat else ""})
        else:
            people.append({"name": a.surname, "role": ROLE_LABELS.get(a.role or "", a.role or ""),
                           "organisation": a.organisation or ""})
    return members, people


def _table(header: list[str], rows: list[list[Any]], widths: list[float], ss, *, pad: float = 7,
           zebra: bool = True, align_center: tuple[int, ...] = ()) -> LongTable:
    data = [[para(h, ss["th"]) for h in header]]
    for row in rows:
        data.append([para(v, ss["td_center"] if i in align_center else ss["td"]) if isinstance(v, str) else v
                     for i, v in enumerate(row)])
    cmds = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 1), (-1, -1), pad), ("BOTTOMPADDING", (0, 1), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, 0), 4), ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, GRID), ("BOX", (0, 0), (-1, -1), 0.7, RULE),
    ]
    if zebra:
        cmds.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA_BG]))
    return LongTable(data, colWidths=widths, repeatRows=1, style=TableStyle(cmds), hAlign="LEFT")


def _heading(store: Any, plenary: dict[str, Any], what: str, ss) -> list:
    title = f"{what} — Plenaria {plenary['number']}"
    sub = long_date(plenary["date"]).capitalize()
    if plenary.get("venue"):
        sub += f" · {plenary['venue']}"
    return [para(title, ss["title"]), para(sub, ss["subtitle"])]


def _signatures(ss) -> Table:
    line = "_" * 34
    t = Table([[para("Firma di chi ha tenuto il foglio", ss["small"]), para("Data e ora di chiusura", ss["small"])],
               [para(line, ss["td"]), para(line, ss["td"])]], colWidths=[content_width() / 2] * 2, hAlign="LEFT")
    t.setStyle(TableStyle([("TOPPADDING", (0, 1), (-1, 1), 14), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return t


def _session_story(store, plenary, session, ss, walk_in_rows: int) -> list:
    members, people = signin_rows(store, plenary["id"], session["id"])
    width = content_width()
    story = _heading(store, plenary, "Foglio firme", ss)
    story.append(para(f"Sessione: {session_label(session)} · {len(members)} partecipanti attesi", ss["h2"]))
    widths = [9 * mm, 38 * mm, 32 * mm, 24 * mm]
    widths.append(width - sum(widths))
    story.append(_table(["N.", "Cognome", "Nome", "Gruppo", "Firma"],
                        [[str(i), m["surname"], m["first_name"], m["group"], ""] for i, m in enumerate(members, 1)],
                        widths, ss, pad=5.5, align_center=(0,)))
    rows = [[p["name"], f"{p['role']} — {p['organisation']}" if p["organisation"] else p["role"], ""] for p in people]
    rows += [["\u00a0", "", ""] for _ in range(walk_in_rows)]  # a no-break space keeps a full row height
    if rows:
        story += [CondPageBreak(40 * mm), para("Staff, esperti, ospiti e sostituti", ss["h2"])]
        pw = [60 * mm, 55 * mm]
        story.append(_table(["Nome e cognome", "Ruolo / ente", "Firma"], rows, [*pw, width - sum(pw)], ss))
    story += [Spacer(1, 8 * mm), KeepTogether([_signatures(ss)])]
    return story


def write_signin(store: Any, plenary_id: str, target: str | Path | IO[bytes], session_id: str | None = None,
                 *, walk_in_rows: int = 6) -> int:
    """The foglio firme of one session, or of every session (each from a new page); returns pages."""
    from facilitator_app.core.plenaries.plenaries import sessions_of

    plenary = store.get("plenaries", plenary_id)
    sessions = [s for s in sessions_of(store, plenary_id) if session_id in (None, s["id"])]
    if not sessions:
        raise ValueError(f"no session {session_id} in plenary {plenary['number']}")
    ss = _styles(10)
    story: list = []
    for i, s in enumerate(sessions):
        if i:
            story.append(PageBreak())
        story += _session_story(store, plenary, s, ss, walk_in_rows)
    which = sessions[0]["name"] if len(sessions) == 1 else "tutte le sessioni"
    return build_pdf(target, story, title=f"Foglio firme — Plenaria {plenary['number']} — {which}",
                     header_left=store.assembly_name(), author=store.assembly_name(),
                     subject="Foglio firme delle presenze", footer_left=f"Plenaria {plenary['number']}",
                     footer_right="Documento da conservare agli atti")


def write_checklist(store: Any, plenary_id: str, target: str | Path | IO[bytes]) -> int:
    """The paper check-in list (fallback if a laptop dies): badge, group, a tick box per session."""
    from facilitator_app.core.plenaries.plenaries import sessions_of

    plenary = store.get("plenaries", plenary_id)
    sessions = sessions_of(store, plenary_id)
    members, people = signin_rows(store, plenary_id, None)
    ss = _styles(9.5)
    box_style = ss["td_center"].clone("box", fontSize=14, leading=14)
    box = Paragraph(BOX, box_style)
    story = _heading(store, plenary, "Lista di registrazione (di riserva)", ss)
    story.append(para("Se un computer dell'ingresso non funziona: spuntare la casella della sessione all'arrivo "
                      "e, a fine giornata, riportare le spunte nell'app.", ss["body"]))
    width = content_width()
    ticks = [24 * mm] * len(sessions)
    widths = [8 * mm, 34 * mm, 28 * mm, 20 * mm]  # badge: five wide capitals (WWWWW) on one line
    widths.append(max(22 * mm, width - sum(widths) - sum(ticks)))
    widths += ticks
    header = ["N.", "Cognome", "Nome", "Badge", "Gruppo", *[s["name"] for s in sessions]]
    rows = [[str(i), m["surname"], m["first_name"], m["badge_code"] or "", m["group"], *[box] * len(sessions)]
            for i, m in enumerate(members, 1)]
    story.append(_table(header, rows, widths, ss, pad=3, align_center=(0, 3)))
    if people:
        story += [CondPageBreak(40 * mm), para("Staff, esperti e ospiti previsti", ss["h2"])]
        pw = [57 * mm, 60 * mm] + [24 * mm] * len(sessions)
        story.append(_table(["Nome e cognome", "Ruolo / ente", *[s["name"] for s in sessions]],
                            [[p["name"], f"{p['role']} — {p['organisation']}" if p["organisation"] else p["role"],
                              *[box] * len(sessions)] for p in people], pw, ss, pad=3))
    return build_pdf(target, story, title=f"Lista di registrazione — Plenaria {plenary['number']}",
                     header_left=store.assembly_name(), author=store.assembly_name(),
                     subject="Lista di registrazione di riserva", footer_left=f"Plenaria {plenary['number']}")
