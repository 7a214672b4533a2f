"""Attendance of the cycle for the secretariat, in Excel.

Sheet "Presenze": one row per member, one column per plenary (P all day,
P½ part of the day, G justified, A absent, empty when not in office, "-" not
held yet), then the sessions attended, expected and the rate. Sheet
"Da richiamare": the follow-up list with the stored threshold. Sheet
"Sessioni": one row per held session with present/expected.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from facilitator_app.exporters.xlsx import new_workbook, save_workbook, write_sheet

CODES = {"present": "P", "partial": "P½", "justified": "G", "absent": "A", "upcoming": "-", "not_expected": ""}


def write_attendance_xlsx(store: Any, target: str | Path | IO[bytes]) -> None:
    from facilitator_app.core.attendance import stats as S
    from facilitator_app.core.attendance.checkin import attendance_settings

    h = S.attendance_history(store)
    wb = new_workbook(title="Presenze del ciclo", author=store.assembly_name(), subject="Presenze")
    header = ["Cognome", "Nome", "Badge", *[f"Plenaria {p['number']}" for p in h.plenaries],
              "Sessioni presenti", "Sessioni attese", "Presenza"]
    rows = []
    for m in h.members:
        cells = [h.cell(m["id"], p["id"]) for p in h.plenaries]
        held = [c for c, p in zip(cells, h.plenaries) if h.held[p["id"]] and c.state != S.NOT_EXPECTED]
        rows.append([m["surname"], m["first_name"], m["badge_code"], *[CODES[c.state] for c in cells],
                     sum(c.attended for c in held), sum(c.sessions for c in held), h.member_rate(m["id"])])
    n = len(h.plenaries)
    write_sheet(wb, "Presenze", header, rows, ["text"] * (3 + n) + ["int", "int", "percent"])
    follow = S.followups(h, attendance_settings(store))
    write_sheet(wb, "Da richiamare", ["Cognome", "Nome", "Telefono", "E-mail", "Assenze di fila", "Presenza",
                                      "Ultima plenaria presente"],
                [[f.member["surname"], f.member["first_name"], f.member.get("phone"), f.member.get("email"),
                  f.streak, f.rate, f.last_present] for f in follow],
                ["text", "text", "text", "text", "int", "percent", "int"])
    sessions = []
    for p in h.plenaries:
        if not h.held[p["id"]]:
            continue
        for c in S.session_counts(store, p["id"]):
            sessions.append([p["number"], p["date"], c.name, c.present, c.expected, c.rate, c.late, c.left,
                             c.justified, c.others])
    write_sheet(wb, "Sessioni", ["Plenaria", "Data", "Sessione", "Presenti", "Attesi", "Presenza", "In ritardo",
                                 "Usciti prima", "Giustificati", "Staff e ospiti"], sessions,
                ["int", "date", "text", "int", "int", "percent", "int", "int", "int", "int"])
    save_workbook(wb, target)
