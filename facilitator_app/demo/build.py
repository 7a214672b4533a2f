"""The demo assembly: a realistic, reproducible 2024 cycle to try the app on.

`build_demo(store, seed)` runs `STEPS` in order, in one transaction, all drawing
from one `random.Random(seed)`: ids are fresh uuids, but every name, date,
demographic and badge code is the same for the same seed. The demo is an
ordinary client of the domain: each step calls the core's public functions
(or writes rows in bulk where a realistic cycle needs thousands of them), and
no domain module knows the demo exists. A new feature adds its step to
`STEPS` where its data belongs in the story.

What earlier steps leave in `ctx` for later ones:
    seed, today (DEMO_TODAY), vocab, targets, assembly_id,
    cohorts: {"Z"|"A"|"B"|"C": {"id", "name", "term_start", "term_end"}},
    theme_ids (in order), plan_action_ids {code: id}, note_category_ids {name: id},
    members: list of inserted member dicts with "id" (draw order, then replacements),
    member_ids, plenaries: list of {"id", "number", "date", "venue", "theme_index",
    "session_ids", "rooms", "people": [person ids]}, plenary_ids.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from facilitator_app.core.members.members import new_badge_code, taken_badges, validate
from facilitator_app.core.members.targets import (
    default_targets,
    foreign_citizenships,
    load_population,
    save_targets,
    target_counts,
)
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.plenaries.plenaries import add_agenda_item, add_person, create_plenary
from facilitator_app.core.store.schema import SYNCED_TABLES
from facilitator_app.core.store.store import Store
from facilitator_app.core.text import fold
from facilitator_app.demo import names as N
from facilitator_app.demo.attendance import step_attendance
from facilitator_app.demo.followup import step_first_cycle, step_followup
from facilitator_app.demo.groups import step_groups
from facilitator_app.demo.notes import step_notes
from facilitator_app.demo.selection import step_selection

ASSEMBLY_NAME = "Assemblea Permanente dei Cittadini sul Clima — Milano"
ASSEMBLY_DESCRIPTION = ("Assemblea dimostrativa: ciclo 2024 con dati inventati, per provare l'app. "
                        "Azione 5.1.4 del Piano Aria e Clima.")
SEATS = 90      # members in office at any time: two cohorts of 45
# Half the assembly rotates every three months, so two cohorts always overlap:
# plenaries 1-3 have Z+A, 4-6 A+B, 7-8 B+C.
COHORTS = (("Z", "Coorte ottobre 2023", "2023-10-15", "2024-04-14"),
           ("A", "Coorte gennaio 2024", "2024-01-15", "2024-07-14"),
           ("B", "Coorte aprile 2024", "2024-04-15", "2024-10-14"),
           ("C", "Coorte luglio 2024", "2024-07-15", "2025-01-14"))
# The demo is seen as on this day: plenaries 1-6 held, 7-8 to come; Z and A have left office.
DEMO_TODAY = date(2024, 9, 1)
OLDEST = 85  # upper age for the open-ended 65+ band in the demo

DemoStep = Callable[[Store, random.Random, dict[str, Any]], None]


class DemoError(ValueError):
    pass


# -- step 10: the assembly and its settings -----------------------------------------
def step_assembly(store: Store, rng: random.Random, ctx: dict[str, Any]) -> None:
    row = store.assembly()
    if row:
        store.update("assembly", row["id"], {"name": ASSEMBLY_NAME, "city": "Milano",
                                             "description": ASSEMBLY_DESCRIPTION})
        ctx["assembly_id"] = row["id"]
    else:
        ctx["assembly_id"] = store.insert("assembly", {"name": ASSEMBLY_NAME, "city": "Milano",
                                                       "description": ASSEMBLY_DESCRIPTION})
    vocab = Vocabularies.defaults()
    vocab.save(store)
    ctx["vocab"] = vocab
    ctx["targets"] = save_targets(store, default_targets(vocab))


# -- step 20: cohorts, themes, plan actions, note categories ------------------------
def step_reference_data(store: Store, rng: random.Random, ctx: dict[str, Any]) -> None:
    ctx["cohorts"] = {}
    for key, name, start, end in COHORTS:
        cid = store.insert("cohorts", {"name": name, "term_start": start, "term_end": end})
        ctx["cohorts"][key] = {"id": cid, "name": name, "term_start": start, "term_end": end}
    ctx["theme_ids"] = store.insert_many("themes", [
        {"name": name, "description": desc, "color": color, "sort_order": i}
        for i, (name, desc, color) in enumerate(N.THEMES)])
    ids = store.insert_many("plan_actions", [{"code": c, "title": t, "ambito": a} for c, t, a in N.PLAN_ACTIONS])
    ctx["plan_action_ids"] = {a[0]: i for a, i in zip(N.PLAN_ACTIONS, ids)}
    ids = store.insert_many("note_categories", [{"name": n, "color": c, "sort_order": i}
                                                for i, (n, c) in enumerate(N.NOTE_CATEGORIES)])
    ctx["note_category_ids"] = {c[0]: i for c, i in zip(N.NOTE_CATEGORIES, ids)}


# -- step 30: members -------------------------------------------------------------------
def _pool(counts: dict[str, int], rng: random.Random) -> list[str]:
    pool = [k for k, n in counts.items() for _ in range(n)]
    rng.shuffle(pool)
    return pool


def _take(pool: list[str], value: str) -> None:
    # A fixed member uses up one seat of its category (or any, if none is left).
    pool.remove(value if value in pool else pool[-1])


def _age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _birth_date(rng: random.Random, band: dict[str, Any], on: date) -> str:
    oldest = band["max"] if band["max"] is not None else OLDEST
    lo = date(on.year - oldest - 1, on.month, on.day) + timedelta(days=1)
    hi = date(on.year - band["min"], on.month, on.day)
    return date.fromordinal(rng.randint(lo.toordinal(), hi.toordinal())).isoformat()


_TRANSLIT = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe"})


def _email_part(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", fold(text).translate(_TRANSLIT))


def _contacts(rng: random.Random, first: str, surname: str, age: int, used: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"email": None, "phone": None}
    if rng.random() < (0.7 if age >= 65 else 0.92):
        local = f"{_email_part(first)}.{_email_part(surname)}"
        email = f"{local}@{rng.choice(N.EMAIL_DOMAINS)}"
        while email in used:
            email = f"{local}{rng.randint(2, 99)}@{rng.choice(N.EMAIL_DOMAINS)}"
        used.add(email)
        out["email"] = email
    if rng.random() < 0.94:
        out["phone"] = f"+39 3{rng.randint(20, 93)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    return out


def _notes(rng: random.Random, country: str | None) -> dict[str, Any]:
    dietary = None
    if country in N.HALAL_COUNTRIES and rng.random() < 0.4:
        dietary = "Halal"
    elif rng.random() < 0.14:
        dietary = rng.choice(N.DIETARY_NOTES)
    access = rng.choice(N.ACCESSIBILITY_NOTES) if rng.random() < 0.07 else None
    r = rng.random()
    return {"dietary_notes": dietary, "accessibility_notes": access,
            "consent_privacy": 1 if rng.random() < 0.97 else None,
            "consent_photos": 1 if r < 0.85 else (0 if r < 0.95 else None)}


def _pick_name(rng: random.Random, gender: str, country: str | None, taken: set[tuple[str, str]]) -> tuple[str, str]:
    females, males, surnames = N.NAMES[country or "Italia"]
    for _ in range(50):  # a repeated full name would confuse check-in; retry
        pair = (rng.choice(females if gender == "F" else males), rng.choice(surnames))
        if pair not in taken:
            break
    taken.add(pair)
    return pair


def _fix_education(rng: random.Random, slots: list[dict[str, Any]]) -> None:
    """Swap titles that cannot fit an age: no degree before 23, only licenza media before 19."""
    for young_max, bad, good in ((22, ("laurea",), None), (18, ("diploma", "laurea"), "base")):
        for s in slots:
            if s["age"] <= young_max and s["education"] in bad:
                others = [o for o in slots if o["age"] >= 25 and o["education"] not in bad
                          and (good is None or o["education"] == good)]
                if others:
                    other = rng.choice(others)
                    s["education"], other["education"] = other["education"], s["education"]


def _draw_slots(rng: random.Random, targets: dict[str, dict[str, float]], vocab: Vocabularies,
                cohorts: tuple[str, str], with_fixed: bool) -> list[dict[str, Any]]:
    """90 demographic profiles matching the targets, split into two balanced cohorts of 45.

    With `with_fixed`, the print-test members come first.
    """
    gender = _pool(target_counts(targets["gender"], SEATS), rng)
    citizenship = _pool(target_counts(targets["citizenship"], SEATS), rng)
    n_foreign = citizenship.count("foreign")
    weights = {N.COUNTRY_IT[k]: v for k, v in foreign_citizenships().items()}
    # The CSV lists the main citizenships; everyone else is "other".
    weights["other"] = max(0.0, _foreign_total() - sum(weights.values()))
    countries = _pool(target_counts(weights, n_foreign), rng)
    slots = []
    for first, surname, g, country in (N.PRINT_TEST_MEMBERS if with_fixed else ()):
        _take(gender, g)
        _take(citizenship, "italian" if country is None else "foreign")
        if country is not None:
            _take(countries, country if country in weights else "other")
        slots.append({"first_name": first, "surname": surname, "gender": g, "country": country,
                      "citizenship": "italian" if country is None else "foreign"})
    for g, c in zip(gender, citizenship):
        country = None
        if c == "foreign":
            country = countries.pop() if countries else "other"
            if country == "other":
                country = rng.choice(N.OTHER_COUNTRIES)
        slots.append({"gender": g, "citizenship": c, "country": country})
    bands = {b["key"]: b for b in vocab.entries("age_bands")}
    for fld, values in (("age_band", _pool(target_counts(targets["age_band"], SEATS), rng)),
                        ("municipio", _pool(target_counts(targets["municipio"], SEATS), rng)),
                        ("education", _pool(target_counts(targets["education"], SEATS), rng))):
        for s, v in zip(slots, values):
            s[fld] = int(v) if fld == "municipio" else v
    # Cohorts: alternate along a sort by profile, so each cohort is balanced too.
    order = sorted(range(SEATS), key=lambda i: (slots[i]["citizenship"], slots[i]["gender"],
                                                slots[i]["education"], slots[i]["age_band"],
                                                slots[i]["municipio"], i))
    for rank, i in enumerate(order):
        slots[i]["cohort"] = cohorts[rank % 2]
    term_starts = {key: date.fromisoformat(start) for key, _, start, _ in COHORTS}
    for s in slots:
        on = term_starts[s["cohort"]]
        s["birth_date"] = _birth_date(rng, bands[s["age_band"]], on)
        s["age"] = _age_on(date.fromisoformat(s["birth_date"]), on)
    _fix_education(rng, slots)
    return slots


def _foreign_total() -> float:
    return next(r["value"] for r in load_population()
                if r["dimension"] == "citizenship" and r["category"] == "foreign")


# (cohort, status, left on, replacement starts on, reason)
LEAVERS = (
    ("A", "withdrawn", "2024-03-11", "2024-03-25", "Si è ritirato/a per motivi di lavoro"),
    ("A", "replaced", "2024-04-22", "2024-05-06", "Sostituito/a dopo tre assenze non giustificate"),
    ("B", "withdrawn", "2024-06-24", "2024-07-01", "Si è ritirato/a per trasferimento fuori Milano"),
    ("B", "replaced", "2024-07-29", "2024-09-02", "Sostituito/a: non più raggiungibile"),
)


def step_members(store: Store, rng: random.Random, ctx: dict[str, Any]) -> None:
    vocab: Vocabularies = ctx["vocab"]
    slots = _draw_slots(rng, ctx["targets"], vocab, ("A", "B"), True)
    slots += _draw_slots(rng, ctx["targets"], vocab, ("Z", "C"), False)
    bands = {b["key"]: b for b in vocab.entries("age_bands")}
    badges, emails = taken_badges(store), set()
    names = {(s["first_name"], s["surname"]) for s in slots if "surname" in s}
    rows = []

    def make(s: dict[str, Any], n: int, term_start: str, term_end: str) -> dict[str, Any]:
        if "surname" in s:
            first, surname = s["first_name"], s["surname"]
        else:
            first, surname = _pick_name(rng, s["gender"], s["country"], names)
        row = {
            "external_id": f"SORT24-{n:04d}", "surname": surname, "first_name": first,
            "gender": s["gender"], "birth_date": s["birth_date"], "citizenship": s["citizenship"],
            "country": s["country"], "municipio": s["municipio"], "education": s["education"],
            "cohort_id": ctx["cohorts"][s["cohort"]]["id"], "term_start": term_start, "term_end": term_end,
            "status": "active", "badge_code": new_badge_code(badges, rng), "notes": None,
            **_contacts(rng, first, surname, s["age"], emails), **_notes(rng, s["country"]),
        }
        errors = validate(row, vocab)
        if errors:  # the demo must stay valid when vocabularies or rules change
            raise DemoError(f"demo member {surname} {first}: {errors}")
        return row

    for n, s in enumerate(slots, 1):
        cohort = ctx["cohorts"][s["cohort"]]
        rows.append(make(s, n, cohort["term_start"], cohort["term_end"]))
    # A few leave; a reserve with a similar profile takes the seat for the rest of the term.
    fixed = len(N.PRINT_TEST_MEMBERS)
    for cohort_key, status, left, starts, reason in LEAVERS:
        cohort = ctx["cohorts"][cohort_key]
        candidates = [i for i in range(fixed, len(slots))
                      if slots[i]["cohort"] == cohort_key and rows[i]["status"] == "active"]
        i = rng.choice(candidates)
        s = {k: v for k, v in slots[i].items() if k not in ("first_name", "surname")}
        s["birth_date"] = _birth_date(rng, bands[s["age_band"]], date.fromisoformat(cohort["term_start"]))
        repl = make(s, len(rows) + 1, starts, cohort["term_end"])
        leaver = rows[i]
        leaver.update(status=status, term_end=left,
                      notes=f"{reason} ({left}). Subentra {repl['first_name']} {repl['surname']}.")
        repl["notes"] = f"Subentra a {leaver['first_name']} {leaver['surname']} dal {starts}."
        rows.append(repl)
    for row in rows:  # as on DEMO_TODAY: those whose term ended are former members
        if row["status"] == "active" and row["term_end"] < DEMO_TODAY.isoformat():
            row["status"] = "former"
    ids = store.insert_many("members", rows)
    ctx["members"] = [{**r, "id": i} for r, i in zip(rows, ids)]
    ctx["member_ids"] = ids


# -- step 40: the 8 plenaries -------------------------------------------------------------
def _agenda(rng: random.Random, spec: tuple, experts: list[str], lead: str) -> list[tuple[str, str, str, str | None]]:
    number, _, _, title, theme, milestone = spec
    topic = N.THEMES[theme][0] if theme is not None else None
    talk = {1: "Il Piano Aria e Clima in breve: 49 azioni in cinque ambiti",
            7: "Come si scrive una raccomandazione che il Comune può attuare",
            8: "Come risponderà il Comune: tempi e modalità"}.get(number, f"{topic}: dati e scelte del Comune")
    items = [("09:30", "10:00", "Accoglienza e registrazione", "Segreteria dell'Assemblea"),
             ("10:00", "10:30", milestone or "Apertura e obiettivi della giornata", lead),
             ("10:30", "11:15", talk, ", ".join(experts)),
             ("11:15", "13:00", f"Lavoro nei gruppi: {topic}" if topic else "Lavoro nei gruppi tematici",
              "Facilitatori")]
    if rng.random() < 0.5:
        items.append(("13:00", "14:00", "Pranzo", None))
    if number == 8:
        items += [("14:00", "16:00", "Discussione e voto delle raccomandazioni", "Facilitatori"),
                  ("16:00", "17:00", "Consegna delle raccomandazioni al Comune", "Comune di Milano"),
                  ("17:00", "17:30", "Saluti e chiusura del ciclo 2024", lead)]
    else:
        items += [("14:00", "15:30", "Lavoro nei gruppi: dalle idee alle proposte", "Facilitatori"),
                  ("15:30", "16:45", "Restituzione in plenaria", "Facilitatori"),
                  ("16:45", "17:30", "Sintesi, prossimi passi e saluti", lead)]
    return items


def step_plenaries(store: Store, rng: random.Random, ctx: dict[str, Any]) -> None:
    ctx["plenaries"] = []
    for spec in N.PLENARIES:
        number, day, venue_key, title, theme, _ = spec
        venue, main_room, breakouts = N.VENUES[venue_key]
        rooms = [main_room, *breakouts]
        pid = create_plenary(store, number, day, venue, title=title, rooms=rooms)
        facilitators = rng.sample(N.FACILITATORS, rng.randint(2, 3))
        staff = rng.sample(N.STAFF, rng.randint(1, 2))
        pool = list(N.EXPERTS[theme]) if theme is not None else list(N.EXPERTS[None])
        experts = rng.sample(pool, rng.randint(1, min(2, len(pool))))
        if theme is not None and rng.random() < 0.4:
            experts.append(rng.choice(N.EXPERTS[None]))
        people = [add_person(store, pid, name, "facilitator", N.FACILITATION_ORG) for name in facilitators]
        people += [add_person(store, pid, name, "staff", org) for name, org in staff]
        people += [add_person(store, pid, name, "expert", org) for name, org in experts]
        if rng.random() < 0.3:
            name, org = rng.choice(N.OBSERVERS)
            people.append(add_person(store, pid, name, "observer", org))
        for starts, ends, item, presenter in _agenda(rng, spec, [e[0] for e in experts], facilitators[0]):
            add_agenda_item(store, pid, item, starts_at=starts, ends_at=ends, presenter=presenter)
        sessions = [r["id"] for r in store.select("sessions", "plenary_id = ?", (pid,), order_by="sort_order")]
        ctx["plenaries"].append({"id": pid, "number": number, "date": day, "venue": venue, "theme_index": theme,
                                 "session_ids": sessions, "rooms": rooms, "people": people})
    ctx["plenary_ids"] = [p["id"] for p in ctx["plenaries"]]


# -- running ----------------------------------------------------------------------------------
# The story in order: each step may use what the earlier ones left in `ctx`.
STEPS_2024: tuple[DemoStep, ...] = (
    step_assembly,        # the assembly, its settings and vocabularies
    step_reference_data,  # themes, Plan actions, note categories
    step_members,         # four overlapping cohorts drawn to Milan's shares
    step_plenaries,       # eight plenaries with sessions, agenda and staff
    step_attendance,      # check-ins of the six held plenaries
    step_groups,          # themed tables seated by the engine
    step_notes,           # post-it walls, clusters, dots, recommendations
    step_followup,        # sendings, the Comune's answers and acts, monitoring of the 2024 recommendations
    step_selection,       # the pool for the next rotation and its public draw
)
# The demo: the 2024 cycle above, then the 2023 cycle before it (its ten proposals, the Comune's
# answers and acts, a year of monitoring: what the follow-up page and report show first). The
# 2024 steps alone (STEPS_2024) are what tests of one cycle's plenaries and groups study.
STEPS: tuple[DemoStep, ...] = (*STEPS_2024, step_first_cycle)
FIRST_CYCLE_STEPS = STEPS   # `demo --first-cycle`, from when the 2023 cycle was on request


COUNTED_TABLES = tuple(t for t in SYNCED_TABLES if t not in ("assembly", "settings", "devices", "conflicts"))


def summary(store: Store) -> dict[str, Any]:
    """Counts of what the file holds (rows not deleted)."""
    counts = {t: store.scalar(f"SELECT count(*) FROM [{t}] WHERE deleted = 0") for t in COUNTED_TABLES}
    out: dict[str, Any] = {"assembly": store.assembly_name()}
    out.update({t: n for t, n in counts.items() if n})
    out["members_active"] = store.scalar("SELECT count(*) FROM members WHERE deleted = 0 AND status = 'active'")
    out["members_left"] = counts["members"] - out["members_active"]
    return out


def build_demo(store: Store, seed: int = 2024, steps: tuple[DemoStep, ...] | list[DemoStep] = STEPS) -> dict[str, Any]:
    """Build the demo into an empty assembly file (one transaction); returns `summary()` plus the seed."""
    if store.scalar("SELECT count(*) FROM members") or store.scalar("SELECT count(*) FROM plenaries"):
        raise DemoError("the assembly file already has members or plenaries; build the demo into a new file")
    rng = random.Random(seed)
    ctx: dict[str, Any] = {"seed": seed, "today": DEMO_TODAY}
    with store.transaction():
        for step in steps:
            step(store, rng, ctx)
    return {"seed": seed, **summary(store)}
