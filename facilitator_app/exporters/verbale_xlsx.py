"""The verbale of a plenary as an Excel workbook, internal or public (openpyxl, on exporters/xlsx.py).

    write_verbale_xlsx(store, plenary_id, target, *, public=False, progress=None) -> sheet names
    render_verbale_xlsx(minutes, target, progress=None) -> sheet names

Sheets (Italian names): Riepilogo (key figures and the secretariat's sections),
Presenze (internal: one row per member and session with check-in/out times;
public: counts per session), Composizione, Gruppi, Componenti gruppi (internal
only), Post-it (with cluster, category, tags, votes; the author in the internal
version only), Raccomandazioni (with the vote). Real dates, times and numbers;
every text from people is stored as text (a post-it "=SUM(A1)" stays text).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import IO, Any

from facilitator_app.core.minutes.minutes import FIELD_LABELS, SECTIONS, load_minutes, wall_clock
from facilitator_app.core.minutes.model import Minutes
from facilitator_app.exporters.xlsx import PERCENT_FORMAT, new_workbook, save_workbook, write_sheet

__all__ = ["write_verbale_xlsx", "render_verbale_xlsx", "SHEETS"]

SHEETS = ("Riepilogo", "Presenze", "Composizione", "Gruppi", "Componenti gruppi", "Post-it", "Raccomandazioni")
_STATUS = {"present": "Presente", "absent_justified": "Assente giustificato/a", None: "Assente"}


def _noop(stage: str, fraction: float) -> None:
    pass


def _summary(wb: Any, m: Minutes) -> None:
    p = m.plenary
    rows: list[tuple[str, Any]] = [
        ("Assemblea", m.assembly),
        ("Plenaria n.", m.number),
        ("Titolo", p.get("title") or ""),
        ("Data", date.fromisoformat(p["date"])),
        ("Luogo", p.get("venue") or ""),
        ("Versione", "Pubblica (senza dati personali dei partecipanti)" if m.public
         else "Integrale per gli atti (contiene dati personali: non pubblicare)"),
        ("Membri in carica", m.expected),
        ("Presenti ad almeno una sessione", m.present),
        ("Tasso di presenza", m.present / m.expected if m.expected else None),
        ("Assenti giustificati", m.justified),
        ("Assenti senza giustificazione", max(0, m.expected - m.present - m.justified)),
    ]
    for s in m.sessions:
        rows.append((f"Presenti — {s.name}", s.present))
    rows += [
        ("Gruppi di lavoro", len(m.groups)),
        ("Raggruppamenti di post-it", sum(1 for g in m.groups for c in g.clusters if c.id)),
        ("Post-it", len(m.notes)),
        ("Voti (bollini) sui post-it", sum(n.votes for n in m.notes)),
        ("Raccomandazioni", len(m.recommendations)),
        ("Raccomandazioni approvate o inviate", sum(1 for r in m.recommendations if r.status in ("approved", "sent"))),
        ("Fotografie delle pareti", len(m.photos)),
    ]
    rows += [(title, m.sections.get(key, "").strip()) for key, title in SECTIONS if m.sections.get(key, "").strip()]
    rows.append(("Elaborato il", m.generated_at.replace(microsecond=0)))
    ws = write_sheet(wb, "Riepilogo", ["Voce", "Valore"], rows, ["text", None])
    for label, value in ws.iter_rows(min_row=2, max_col=2):
        if label.value == "Tasso di presenza":
            value.number_format = PERCENT_FORMAT


def _attendance(wb: Any, m: Minutes) -> None:
    if m.public:
        rows = [[s.name, s.starts_at or "", s.ends_at or "", s.expected, s.present, s.rate, s.late, s.left_early,
                 s.justified, s.absent, s.others] for s in m.sessions]
        write_sheet(wb, "Presenze", ["Sessione", "Inizio", "Fine", "Membri in carica", "Presenti", "Tasso",
                                     "In ritardo", "Usciti prima", "Assenti giustificati", "Assenti",
                                     "Staff, esperti e ospiti"], rows,
                    ["text", "time", "time", "int", "int", "percent", "int", "int", "int", "int", "int"])
        return
    rows = []
    for lines in (m.present_list, m.justified_list, m.absent_list):
        for ln in lines:
            for s, r in zip(m.sessions, ln.entries):
                status = r["status"] if r else None
                rows.append([ln.surname, ln.first_name, s.name, _STATUS.get(status, status),
                             wall_clock(r.get("checked_in_at")) if r else None,
                             wall_clock(r.get("checked_out_at")) if r else None,
                             bool(r["late"]) if r and status == "present" else None,
                             (r.get("reason") or "") if r else ""])
    write_sheet(wb, "Presenze", ["Cognome", "Nome", "Sessione", "Stato", "Entrata", "Uscita", "In ritardo",
                                 "Motivazione dell'assenza"], rows,
                ["text", "text", "text", "text", "datetime", "datetime", "bool", "text"])


def _composition(wb: Any, m: Minutes) -> None:
    rows = [[FIELD_LABELS.get(fld, fld), c.label, c.assembly, c.assembly_share, c.present, c.present_share,
             c.present_share - c.assembly_share] for fld, lines in m.composition.items() for c in lines]
    write_sheet(wb, "Composizione", ["Caratteristica", "Categoria", "Membri in carica", "Quota in carica",
                                     "Presenti", "Quota tra i presenti", "Scarto"], rows,
                ["text", "text", "int", "percent", "int", "percent", "percent"])


def _groups(wb: Any, m: Minutes) -> None:
    rows = [[g.name, g.room or "", g.facilitator or "", g.theme or "", g.session or "", g.member_count,
             len(g.notes), sum(1 for c in g.clusters if c.id), sum(c.votes + c.note_votes for c in g.clusters),
             ", ".join(map(str, g.photo_numbers))] for g in m.groups]
    write_sheet(wb, "Gruppi", ["Gruppo", "Sala", "Facilitazione", "Tema", "Sessione", "Membri", "Post-it",
                               "Raggruppamenti", "Voti", "Foto (n.)"], rows,
                ["text", "text", "text", "text", "text", "int", "int", "int", "int", "text"])
    if not m.public:
        rows = [[g.name, surname, first] for g in m.groups for surname, first in (g.members or [])]
        write_sheet(wb, "Componenti gruppi", ["Gruppo", "Cognome", "Nome"], rows, ["text"] * 3)


def _notes(wb: Any, m: Minutes) -> None:
    header = ["N.", "Gruppo", "Raggruppamento", "Post-it", "Categoria", "Tag", "Voti", "Voti al raggruppamento",
              "Sessione", "Scritto il"]
    types = ["int", "text", "text", "text", "text", "text", "int", "int", "text", "datetime"]
    if not m.public:
        header.append("Autore")
        types.append("text")
    rows = []
    for g in m.groups:
        number = 0
        for c in g.clusters:
            for n in c.notes:
                number += 1
                row = [number, g.name, c.title if c.id else "", n.text, n.category, ", ".join(n.tags), n.votes,
                       c.votes if c.id else None, n.session, n.created_at]
                if not m.public:
                    row.append(n.author or "")
                rows.append(row)
    write_sheet(wb, "Post-it", header, rows, types)


def _recommendations(wb: Any, m: Minutes) -> None:
    rows = [[f"R{r.number}", r.title, r.text, r.group or "", r.theme or "", ", ".join(r.plan_actions),
             r.votes_for, r.votes_against, r.votes_abstained,
             sum((r.votes_for, r.votes_against, r.votes_abstained)) if r.voted else None,
             r.status_label, r.linked_notes] for r in m.recommendations]
    write_sheet(wb, "Raccomandazioni", ["N.", "Titolo", "Testo", "Gruppo", "Tema", "Azioni del Piano",
                                        "Favorevoli", "Contrari", "Astenuti", "Votanti", "Stato",
                                        "Post-it di origine"], rows,
                ["text", "text", "text", "text", "text", "text", "int", "int", "int", "int", "text", "int"])


def render_verbale_xlsx(m: Minutes, target: str | Path | IO[bytes],
                        progress: Callable[[str, float], None] | None = None) -> list[str]:
    """Write the workbook from a loaded `Minutes`; returns the sheet names."""
    progress = progress or _noop
    wb = new_workbook(title=f"Verbale della plenaria n. {m.number}" + (" (versione pubblica)" if m.public else ""),
                      author=f"Segreteria dell'Assemblea — {m.assembly}",
                      subject="Verbale di plenaria: presenze, gruppi, post-it, raccomandazioni")
    steps = (_summary, _attendance, _composition, _groups, _notes, _recommendations)
    for i, step in enumerate(steps):
        progress("Scrittura del foglio Excel", 0.1 + 0.7 * i / len(steps))
        step(wb, m)
    progress("Salvataggio del foglio Excel", 0.85)
    save_workbook(wb, target, private=not m.public)
    progress("Excel pronto", 1.0)
    return wb.sheetnames


def write_verbale_xlsx(store: Any, plenary_id: str, target: str | Path | IO[bytes], *, public: bool = False,
                       progress: Callable[[str, float], None] | None = None) -> list[str]:
    """Load the plenary's minutes (public or internal) and write the workbook; returns the sheet names."""
    (progress or _noop)("Lettura dei dati", 0.02)
    return render_verbale_xlsx(load_minutes(store, plenary_id, public=public), target, progress)

