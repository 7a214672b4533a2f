"""Demo step: attendance of the held plenaries (check-ins, late arrivals, justified absences)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from facilitator_app.core.attendance.checkin import attendance_id, plenary_day
from facilitator_app.core.plenaries.plenaries import expected_members, sessions_of
from facilitator_app.core.store.store import Store

DEMO_HELD = 6  # plenaries 1-6 have taken place; 7 and 8 are still to come
DEMO_REASONS = ("Motivi di salute", "Impegni di lavoro", "Motivi familiari", "Fuori Milano per lavoro",
                "Visita medica", "Figlio/a malato/a", "Turno di lavoro non spostabile")


def _demo_tz(day: date):
    try:
        from zoneinfo import ZoneInfo
        return ZoneInfo("Europe/Rome")
    except Exception:  # no tz database: Italian summer time, near enough for a demo
        from datetime import timezone
        return timezone(timedelta(hours=2 if 4 <= day.month <= 10 else 1))


def step_attendance(store: Store, rng, ctx: dict[str, Any]) -> None:
    """~85% present, some morning or afternoon only, late arrivals, justified absences, one follow-up case.

    The print-test members (the first 7) always come; the member replaced "after three absences"
    never does; one cohort-B member misses plenaries 5 and 6 without a word (the follow-up list).
    """
    print_test = {m["id"] for m in ctx["members"][:7]}
    leaver_absent = {m["id"] for m in ctx["members"] if m["status"] == "replaced" and "assenze" in (m["notes"] or "")}
    cohort_b = ctx["cohorts"]["B"]["id"]
    candidates = [m["id"] for m in ctx["members"][7:90] if m["status"] == "active" and m["cohort_id"] == cohort_b]
    followup = rng.choice(candidates)  # absent at plenaries 5 and 6, no reason given
    reliability = {m["id"]: rng.choice((0.99, 0.97, 0.95, 0.93, 0.9, 0.8)) for m in ctx["members"]}
    ctx["attendance_followup_member"] = followup
    rows: list[dict[str, Any]] = []
    ids: list[str] = []
    for p in ctx["plenaries"]:
        if p["number"] > DEMO_HELD:
            continue
        store.update("plenaries", p["id"], {"status": "held"})
        plenary = store.get("plenaries", p["id"])
        day = plenary_day(plenary)
        tz = _demo_tz(day)
        sessions = sessions_of(store, p["id"])
        morning, afternoon = sessions[0], sessions[-1]

        def at(hh: int, mm: int, ss: int = 0) -> str:
            return datetime(day.year, day.month, day.day, hh, mm, ss, tzinfo=tz).isoformat()

        def add(session, member_id=None, person_id=None, **values) -> None:
            ids.append(attendance_id(session["id"], member_id, person_id))
            rows.append({"plenary_id": p["id"], "session_id": session["id"], "member_id": member_id,
                         "person_id": person_id, "checked_out_at": None, "late": 0, "reason": None, **values})

        for m in expected_members(store, plenary):
            mid = m["id"]
            r = rng.random()
            if mid in leaver_absent or (mid == followup and p["number"] >= 5):
                continue  # absent, no word
            if mid in print_test:  # their names are on every printable: always there
                r = 0.0
            elif r > reliability[mid] + 0.04:
                if rng.random() < 0.45:
                    reason = rng.choice(DEMO_REASONS)
                    for s in sessions:
                        add(s, mid, status="absent_justified", checked_in_at=None, reason=reason)
                continue
            late = rng.random() < 0.08
            arrive = (9, rng.randint(41, 59)) if late else (9, rng.randint(2, 38))
            part = rng.random()
            if part < 0.05:  # afternoon only
                add(afternoon, mid, status="present", checked_in_at=at(13, rng.randint(45, 59), rng.randint(0, 59)),
                    late=0)
                continue
            add(morning, mid, status="present", checked_in_at=at(*arrive, rng.randint(0, 59)), late=int(late))
            if part < 0.13:  # morning only; some say goodbye at the desk
                if rng.random() < 0.5:
                    rows[-1]["checked_out_at"] = at(12, rng.randint(30, 59))
                continue
            add(afternoon, mid, status="present", checked_in_at=at(13, rng.randint(40, 59), rng.randint(0, 59)),
                late=0, checked_out_at=at(16, rng.randint(0, 50)) if rng.random() < 0.04 else None)
        for person_id in p["people"]:
            role = store.get("plenary_people", person_id)["role"]
            add(morning, person_id=person_id, status="present", checked_in_at=at(8, rng.randint(30, 59)))
            if role != "expert" or rng.random() < 0.3:
                add(afternoon, person_id=person_id, status="present", checked_in_at=at(13, rng.randint(30, 50)))
    store.insert_many("attendance", rows, ids=ids)
