"""The plenaries as an iCalendar file (RFC 5545) for the public calendar.

One VEVENT per session (a plenary without sessions is one all-day event), its UID derived from the
session's id so a calendar that subscribed updates the event instead of doubling it. Times are
local Europe/Rome time with its VTIMEZONE; the venue goes in LOCATION, the plenary's title and
the session's agenda in DESCRIPTION. Text is escaped (\\ ; , and newlines) and lines are folded at
75 octets without cutting a UTF-8 character. Only public facts: no member is named.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from facilitator_app.core.store.store import Store

PRODID = "-//Assemblea Permanente dei Cittadini sul Clima//facilitator-app//IT"
TZID = "Europe/Rome"
_VTIMEZONE = (
    "BEGIN:VTIMEZONE", f"TZID:{TZID}", f"X-LIC-LOCATION:{TZID}",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE",
)


def escape(text: Any) -> str:
    s = "" if text is None else str(text)
    s = s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return "".join(ch for ch in s if ch == "\t" or ord(ch) >= 0x20 and ord(ch) != 0x7F)


def fold(line: str) -> str:
    """One content line folded at 75 octets (continuations begin with a space), CRLF-terminated."""
    out, current, size = [], [], 0
    limit = 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append("".join(current))
            current, size, limit = [" "], 1, 75
        current.append(ch)
        size += n
    out.append("".join(current))
    return "\r\n".join(out) + "\r\n"


def _stamp(iso: str | None) -> str:
    try:
        moment = datetime.fromisoformat(iso) if iso else datetime.now(timezone.utc)
    except ValueError:
        moment = datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _local(day: str, hhmm: str) -> str:
    return f"{day.replace('-', '')}T{hhmm.replace(':', '')}00"


def _events(store: Store) -> list[list[str]]:
    from facilitator_app.core.plenaries.plenaries import agenda_of, list_plenaries, sessions_of

    events = []
    for p in list_plenaries(store):
        sessions = sessions_of(store, p["id"])
        agenda = agenda_of(store, p["id"])
        title = p["title"] or f"Plenaria {p['number']}"
        base = f"Plenaria {p['number']} dell'Assemblea Permanente dei Cittadini sul Clima"
        for s in sessions or [None]:
            if s is None or len(sessions) == 1:
                items = agenda
            else:
                items = [a for a in agenda if a["session_id"] == s["id"] or _within(a, s)]
            lines = [base, title, ""] if title != base else [base, ""]
            if items:
                lines.append("Programma:")
                for a in items:
                    when = f"{a['starts_at']} " if a["starts_at"] else ""
                    who = f" ({a['presenter']})" if a["presenter"] else ""
                    lines.append(f"{when}{a['title']}{who}")
            summary = f"Plenaria {p['number']}: {title}" + (f" — {s['name']}" if s and len(sessions) > 1 else "")
            uid = f"{(s or p)['id']}@facilitator-app"
            stamp = _stamp(max(filter(None, (p["updated_at"], s and s["updated_at"]))))
            ev = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}"]
            if s and s["starts_at"] and s["ends_at"]:
                ev += [f"DTSTART;TZID={TZID}:{_local(p['date'], s['starts_at'])}",
                       f"DTEND;TZID={TZID}:{_local(p['date'], s['ends_at'])}"]
            else:
                day = date.fromisoformat(p["date"])
                ev += [f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
                       f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}", "TRANSP:TRANSPARENT"]
            ev += [f"SUMMARY:{escape(summary)}", f"DESCRIPTION:{escape(chr(10).join(lines).strip())}"]
            if p["venue"]:
                ev.append(f"LOCATION:{escape(p['venue'])}")
            ev.append(f"STATUS:{'CANCELLED' if p['status'] == 'cancelled' else 'CONFIRMED'}")
            ev.append("END:VEVENT")
            events.append(ev)
    return events


def _within(item: dict[str, Any], session: dict[str, Any]) -> bool:
    return bool(item["session_id"] is None and item["starts_at"] and session["starts_at"] and session["ends_at"]
                and session["starts_at"] <= item["starts_at"] < session["ends_at"])


def calendar_text(store: Store, name: str | None = None) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape(name or store.assembly_name())}", f"X-WR-TIMEZONE:{TZID}", *_VTIMEZONE]
    for ev in _events(store):
        lines += ev
    lines.append("END:VCALENDAR")
    return "".join(fold(ln) for ln in lines)


def event_count(text: str) -> int:
    return text.count("\r\nBEGIN:VEVENT\r\n")
