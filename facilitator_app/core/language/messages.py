"""One message to many members, each in their language: who receives it, and its filled text.

    batch = prepare(store, "convocation", plenary_id=p["id"])
    batch.letters      -> [Letter(member, filled)], by surname
    batch.fallbacks    -> members whose language has no translation (they get Italian)
    batch.to_review    -> languages used whose translation is marked "to be reviewed"

Recipients: convocation and reminder go to the members in office on the plenary's day;
the summary to those who took part; welcome and thanks to the members named or to a
cohort (the CLI and GUI choose). Nothing is sent: exporters/letters.py writes the files.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from facilitator_app.core.language import dates
from facilitator_app.core.language.templates import (
    BASE_LANGUAGE,
    MESSAGES,
    Filled,
    TemplateError,
    Translation,
    render,
    translations,
)
from facilitator_app.core.minutes.minutes import sections_of
from facilitator_app.core.plenaries.plenaries import agenda_of, expected_members, list_plenaries, sessions_of
from facilitator_app.core.store.store import Store

CONTACTS_KEY = "message_contacts"  # {"phone", "email", "sender"}: who members call or write to


@dataclass(frozen=True)
class Letter:
    member: dict[str, Any]
    filled: Filled


@dataclass
class Batch:
    message: str
    plenary: dict[str, Any] | None
    letters: list[Letter] = field(default_factory=list)
    fallbacks: list[tuple[dict[str, Any], str]] = field(default_factory=list)  # (member, their language)
    to_review: set[str] = field(default_factory=set)


def contacts(store: Store) -> dict[str, str]:
    stored = store.setting(CONTACTS_KEY) or {}
    return {k: str(stored.get(k) or "") for k in ("phone", "email", "sender")}


def save_contacts(store: Store, values: dict[str, str]) -> dict[str, str]:
    """The secretariat's phone, e-mail and sender name for the messages; returns the previous ones."""
    with store.transaction():
        before = contacts(store)
        store.set_setting(CONTACTS_KEY, {k: (values.get(k) or "").strip() for k in ("phone", "email", "sender")})
    return before


def _times(store: Store, plenary: dict[str, Any]) -> tuple[str, str]:
    sessions = sessions_of(store, plenary["id"])
    starts = [s["starts_at"] for s in sessions if s.get("starts_at")]
    ends = [s["ends_at"] for s in sessions if s.get("ends_at")]
    return (min(starts) if starts else ""), (max(ends) if ends else "")


def _agenda(store: Store, plenary: dict[str, Any]) -> str:
    lines = []
    for item in agenda_of(store, plenary["id"]):
        when = item.get("starts_at") or ""
        lines.append(f"- {when} {item['title']}".replace("-  ", "- ") if when else f"- {item['title']}")
    return "\n".join(lines)


def _present_members(store: Store, plenary_id: str) -> list[dict[str, Any]]:
    return store.query(
        "SELECT m.* FROM members m WHERE m.deleted = 0 AND m.id IN (SELECT member_id FROM attendance "
        "WHERE plenary_id = ? AND deleted = 0 AND status = 'present' AND member_id IS NOT NULL) "
        "ORDER BY m.surname COLLATE fold, m.first_name COLLATE fold", (plenary_id,))


def plenary_values(store: Store, plenary: dict[str, Any], lang: str) -> dict[str, Any]:
    start, end = _times(store, plenary)
    return {"plenary_number": plenary["number"], "plenary_date": dates.long_date(plenary["date"], lang),
            "plenary_day": dates.short_date(plenary["date"]), "start_time": start, "end_time": end,
            "venue": plenary.get("venue") or "", "address": plenary.get("address") or "",
            "directions": plenary.get("directions") or "", "bring": plenary.get("bring") or "",
            "agenda": _agenda(store, plenary)}


def _summary_values(store: Store, plenary: dict[str, Any], lang: str) -> dict[str, Any]:
    sections = sections_of(store, plenary["id"])
    recs = store.select("recommendations", "plenary_id = ? AND status IN ('approved', 'sent')", (plenary["id"],),
                        order_by="sort_order, title")
    later = [p for p in list_plenaries(store) if p["date"] > plenary["date"] and p["status"] != "cancelled"]
    nxt = min(later, key=lambda p: p["date"]) if later else None
    notes = store.scalar("SELECT count(*) FROM notes WHERE plenary_id = ? AND deleted = 0", (plenary["id"],))
    return {"participants": len(_present_members(store, plenary["id"])), "notes_count": notes,
            "recommendations": "\n".join(f"- {r['title']}" for r in recs),
            "summary_text": sections.get("summary", "").strip(), "decisions_text": sections.get("decisions", "").strip(),
            "next_plenary": dates.long_date(nxt["date"], lang) if nxt else ""}


def _term_values(store: Store, member: dict[str, Any], lang: str) -> dict[str, Any]:
    return {"term_start": dates.long_date(member.get("term_start"), lang),
            "term_end": dates.long_date(member.get("term_end"), lang)}


def _calendar(store: Store, member: dict[str, Any], lang: str) -> str:
    start = member.get("term_start") or date.today().isoformat()
    end = member.get("term_end") or "9999-12-31"
    rows = [p for p in list_plenaries(store) if start <= p["date"] <= end and p["status"] != "cancelled"]
    return "\n".join(f"- {dates.long_date(p['date'], lang)}" + (f" — {p['venue']}" if p.get("venue") else "")
                     for p in sorted(rows, key=lambda p: p["date"]))


def _attended(store: Store, member: dict[str, Any]) -> tuple[int, int]:
    attended = store.scalar("SELECT count(DISTINCT plenary_id) FROM attendance WHERE member_id = ? AND deleted = 0 "
                            "AND status = 'present'", (member["id"],))
    start, end = member.get("term_start") or "0000", member.get("term_end") or "9999"
    total = sum(1 for p in list_plenaries(store) if start <= p["date"] <= end and p["status"] == "held")
    return attended, max(total, attended)


def recipients(store: Store, message: str, plenary: dict[str, Any] | None, member_ids: list[str] | None = None,
               cohort_id: str | None = None) -> list[dict[str, Any]]:
    """The members a message goes to (see the module doc); member_ids/cohort_id narrow it."""
    if message in ("convocation", "reminder"):
        rows = expected_members(store, plenary)
        rows = [m for m in rows if m["status"] == "active"]
    elif message == "summary":
        rows = _present_members(store, plenary["id"])
    else:
        rows = store.select("members", order_by="surname COLLATE fold, first_name COLLATE fold")
        if not member_ids and not cohort_id:
            raise TemplateError(f"{message}: say who receives it (a cohort or members)", code="no_recipients_chosen",
                                template=message)
    if cohort_id:
        rows = [m for m in rows if m.get("cohort_id") == cohort_id]
    if member_ids:
        wanted = set(member_ids)
        rows = [m for m in rows if m["id"] in wanted]
    return rows


def _cjk(text: str) -> bool:
    return bool(text) and all("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def full_name(member: dict[str, Any], lang: str) -> str:
    """'Maria Rossi'; a Chinese name in Chinese order and without a space ('王伟')."""
    first, last = (member.get("first_name") or "").strip(), (member.get("surname") or "").strip()
    if lang == "zh" and _cjk(first) and _cjk(last):
        return last + first
    return f"{first} {last}".strip()


def values_for(store: Store, message: str, member: dict[str, Any], plenary: dict[str, Any] | None,
               lang: str) -> dict[str, Any]:
    c = contacts(store)
    values: dict[str, Any] = {"name": full_name(member, lang),
                              "first_name": member.get("first_name", ""), "surname": member.get("surname", ""),
                              "assembly": store.assembly_name(), "secretariat_phone": c["phone"],
                              "secretariat_email": c["email"]}
    if plenary is not None:
        values.update(plenary_values(store, plenary, lang))
    if message == "summary" and plenary is not None:
        values.update(_summary_values(store, plenary, lang))
    if message in ("welcome", "thanks"):
        values.update(_term_values(store, member, lang))
    if message == "welcome":
        values["calendar"] = _calendar(store, member, lang)
    if message == "thanks":
        values["plenaries_attended"], values["plenaries_total"] = _attended(store, member)
    return values


def prepare(store: Store, message: str, *, plenary_id: str | None = None, member_ids: list[str] | None = None,
            cohort_id: str | None = None, translation: Translation | None = None) -> Batch:
    """Every recipient's message filled in their language (Italian where none exists)."""
    if message not in MESSAGES:
        raise TemplateError(f"no message '{message}' (known: {', '.join(MESSAGES)})", code="unknown_message",
                            template=message)
    needs_plenary = MESSAGES[message][0]
    plenary = store.get("plenaries", plenary_id) if plenary_id else None
    if needs_plenary and plenary is None:
        raise TemplateError(f"{message}: which plenary?", code="message_needs_plenary", template=message)
    batch = Batch(message, plenary)
    available = translations(store, message)  # read once, not per member
    if translation is not None:
        available[translation.language] = translation
    if BASE_LANGUAGE not in available:
        raise TemplateError(f"{message}: no Italian text", code="no_base_template", template=message)
    for member in recipients(store, message, plenary, member_ids, cohort_id):
        lang = member.get("language") or BASE_LANGUAGE
        t = available.get(lang) or available[BASE_LANGUAGE]
        filled = render(store, message, lang, values_for(store, message, member, plenary, t.language), t)
        if t.language != lang:
            filled = replace(filled, fallback=True)
            batch.fallbacks.append((member, lang))
        if filled.review:
            batch.to_review.add(filled.language)
        batch.letters.append(Letter(member, filled))
    return batch


def preview(store: Store, t: Translation, member: dict[str, Any] | None, plenary: dict[str, Any] | None) -> Filled:
    """One translation filled with a real member and plenary (the template editor's preview)."""
    member = member or {"first_name": "Maria", "surname": "Rossi"}
    return render(store, t.message, t.language, values_for(store, t.message, member, plenary, t.language), t)
