"""Italian wording shared by the plenary printables (badges, sign-in sheets, check-in lists).

Printables are documents for the Comune and for citizens: Italian, no jargon.
"""

from __future__ import annotations

from datetime import date
from typing import Any

WEEKDAYS = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
          "ottobre", "novembre", "dicembre")
ROLE_LABELS = {
    "facilitator": "Facilitazione", "staff": "Staff", "expert": "Esperto/a", "guest": "Ospite",
    "substitute": "Sostituto/a", "observer": "Osservatore/trice",
}


def long_date(iso: str) -> str:
    """"2024-05-11" -> "sabato 11 maggio 2024"."""
    d = date.fromisoformat(iso)
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def short_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def plenary_line(plenary: dict[str, Any]) -> str:
    """"Plenaria 4 · 11/05/2024 · Parco Nord" (a badge's footer)."""
    parts = [f"Plenaria {plenary['number']}", short_date(plenary["date"])]
    if plenary.get("venue"):
        venue = " ".join(str(plenary["venue"]).split())
        parts.append(venue if len(venue) <= 80 else venue[:79].rstrip() + "…")  # a header line, not a page
    return " · ".join(parts)


def session_label(session: dict[str, Any]) -> str:
    """"Mattina (09:30–13:00)"."""
    if session.get("starts_at") and session.get("ends_at"):
        return f"{session['name']} ({session['starts_at']}–{session['ends_at']})"
    return session["name"]
