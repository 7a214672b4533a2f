"""iCalendar export of the plenaries: RFC 5545 structure, folding, escaping, stable UIDs."""

from __future__ import annotations

import re

from facilitator_app.core.followup.ical import calendar_text, escape, fold
from facilitator_app.core.plenaries import add_agenda_item, create_plenary, update_plenary


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def events(text: str) -> list[dict[str, str]]:
    out, cur = [], None
    for line in unfold(text):
        if line == "BEGIN:VEVENT":
            cur = {}
        elif line == "END:VEVENT":
            out.append(cur)
            cur = None
        elif cur is not None:
            name, value = line.split(":", 1)
            cur[name] = value
    return out


def test_one_event_per_session_with_venue_agenda_and_timezone(store):
    pid = create_plenary(store, 3, "2024-04-06", "BASE Milano; Sala grande, via Bergognone 34", title="Eventi estremi")
    add_agenda_item(store, pid, "Allerte meteo: chi avvisa chi?", starts_at="10:00", presenter="Protezione Civile")
    add_agenda_item(store, pid, "Lavoro nei gruppi", starts_at="14:30")
    other = create_plenary(store, 4, "2024-05-11", None, sessions=[])
    text = calendar_text(store)
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR" and "VERSION:2.0" in lines
    assert "BEGIN:VTIMEZONE" in lines and "TZID:Europe/Rome" in lines
    evs = events(text)
    assert len(evs) == 3
    morning, afternoon, allday = evs
    assert morning["DTSTART;TZID=Europe/Rome"] == "20240406T093000"
    assert afternoon["DTEND;TZID=Europe/Rome"] == "20240406T173000"
    assert unescape(morning["LOCATION"]) == "BASE Milano; Sala grande, via Bergognone 34"
    assert "10:00 Allerte meteo: chi avvisa chi? (Protezione Civile)" in unescape(morning["DESCRIPTION"])
    assert "Lavoro nei gruppi" not in unescape(morning["DESCRIPTION"])
    assert "14:30 Lavoro nei gruppi" in unescape(afternoon["DESCRIPTION"])
    assert allday["DTSTART;VALUE=DATE"] == "20240511" and allday["DTEND;VALUE=DATE"] == "20240512"
    assert "LOCATION" not in allday
    for ev in evs:
        assert re.fullmatch(r"\d{8}T\d{6}Z", ev["DTSTAMP"]) and ev["UID"].endswith("@facilitator-app")
    assert len({ev["UID"] for ev in evs}) == 3
    # stable: the same events keep their UIDs in a later export; a cancelled plenary says so
    update_plenary(store, other, {"status": "cancelled"})
    again = events(calendar_text(store))
    assert [e["UID"] for e in again] == [e["UID"] for e in evs]
    assert again[2]["STATUS"] == "CANCELLED"


def test_every_physical_line_is_at_most_75_octets():
    long = "Programma: " + "perché l'aria è più pulita — ünïcödé ✓ " * 20
    folded = fold("DESCRIPTION:" + escape(long))
    for physical in folded.split("\r\n")[:-1]:
        assert len(physical.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "").rstrip("\r\n") == "DESCRIPTION:" + escape(long)
    # a multi-byte character is never cut
    folded.encode("utf-8").decode("utf-8")


def test_escaping():
    assert escape("a;b,c\\d\ne\r\nf") == "a\\;b\\,c\\\\d\\ne\\nf"
    assert escape("bell\x07 and nul\x00") == "bell and nul"


def test_hostile_titles_cannot_inject_properties(store):
    pid = create_plenary(store, 1, "2024-01-20", "Palazzo Marino\r\nATTENDEE:mailto:x@y",
                         title="Apertura\nEND:VEVENT\nBEGIN:VEVENT", sessions=[("Mattina", "09:30", "13:00")])
    text = calendar_text(store)
    assert len(events(text)) == 1
    assert not any(line.startswith(("ATTENDEE", "END:VEVENT\\")) for line in unfold(text))
