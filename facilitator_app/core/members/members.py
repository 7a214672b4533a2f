"""Members (partecipanti): fields, validation, badge codes and the write actions.

Each write action runs in one transaction and returns the id it touched; the
store reports the change to whoever listens (views refresh on it).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from facilitator_app.core import snapshots
from facilitator_app.core.checks.text import has_control, limit_for
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Store
from facilitator_app.core.members.vocab import MUNICIPI, Vocabularies

# Editable member fields, in the order forms and exports show them.
FIELDS = (
    "surname", "first_name", "external_id", "email", "phone", "gender", "birth_date",
    "citizenship", "country", "municipio", "education", "cohort_id", "term_start", "term_end",
    "status", "accessibility_notes", "dietary_notes", "consent_privacy", "consent_photos",
    "badge_code", "notes", "language", "address",
)
DEFAULT_LANGUAGE = "it"
REQUIRED = ("surname", "first_name")
MULTILINE = ("accessibility_notes", "dietary_notes", "notes")
# A member is a resident of voting-like age: born at most this many years ago, at least the youngest
# age band's minimum (16 by default) years ago.
OLDEST_AGE = 110
STATUSES = ("active", "withdrawn", "replaced", "former")

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a badge read aloud or typed by hand is unambiguous.
BADGE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
BADGE_LENGTH = 5

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ./-]{4,19}$")


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str      # stable code the GUI translates: "required", "invalid_email", ...
    value: Any = None

    def __str__(self) -> str:
        return f"{self.field}: {self.code}" + (f" ({self.value!r})" if self.value not in (None, "") else "")


class ValidationError(ValueError):
    def __init__(self, errors: list[FieldError]):
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


def parse_iso_date(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(str(value)).isoformat()


_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$")


def parse_date_text(text: str) -> str | None:
    """A date as people type it (dd/mm/yyyy, d.m.yy, ISO) -> ISO string; ValueError if not a date."""
    text = (text or "").strip()
    if not text:
        return None
    m = _DMY.match(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
        if len(m.group(3)) == 2:  # two-digit years: 00-29 -> 2000s, else 1900s
            year += 2000 if year < 30 else 1900
        return date(year, month, day).isoformat()
    return date.fromisoformat(text).isoformat()


def format_date(iso: str | None) -> str:
    """ISO -> dd/mm/yyyy, the Italian way."""
    if not iso:
        return ""
    d = date.fromisoformat(iso)
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def validate(values: dict[str, Any], vocab: Vocabularies, *, texts: bool = True) -> list[FieldError]:
    """Errors in an already-normalised member dict (as forms and imports produce)."""
    errors: list[FieldError] = []
    for f in REQUIRED:
        if f in values and not str(values.get(f) or "").strip():
            errors.append(FieldError(f, "required"))
    email = values.get("email")
    if email and not EMAIL_RE.match(email):
        errors.append(FieldError("email", "invalid_email", email))
    phone = values.get("phone")
    if phone and not PHONE_RE.match(phone):
        errors.append(FieldError("phone", "invalid_phone", phone))
    m = values.get("municipio")
    if m is not None and m not in MUNICIPI:
        errors.append(FieldError("municipio", "invalid_municipio", m))
    for f, kind in (("gender", "gender"), ("education", "education"), ("citizenship", "citizenship"),
                    ("status", "status"), ("language", "language")):
        v = values.get(f)
        if v is not None and v not in vocab.keys(kind):
            errors.append(FieldError(f, f"invalid_{f}", v))
    for f in ("birth_date", "term_start", "term_end"):
        v = values.get(f)
        if v:
            try:
                d = date.fromisoformat(v)
            except (TypeError, ValueError):
                errors.append(FieldError(f, "invalid_date", v))
                continue
            if f == "birth_date" and not plausible_birth_date(d, vocab):
                errors.append(FieldError(f, "implausible_birth_date", v))
    if values.get("term_start") and values.get("term_end") and not any(e.field.startswith("term") for e in errors):
        if values["term_end"] < values["term_start"]:
            errors.append(FieldError("term_end", "term_end_before_start", values["term_end"]))
    badge = values.get("badge_code")
    if badge and not is_valid_badge(badge):
        errors.append(FieldError("badge_code", "invalid_badge", badge))
    for f, v in values.items() if texts else ():  # the roster importer checked its texts cell by cell
        if isinstance(v, str) and f in FIELDS:
            if len(v) > limit_for(f):
                errors.append(FieldError(f, "too_long", len(v)))
            elif has_control(v, multiline=f in MULTILINE):
                errors.append(FieldError(f, "control_characters", v))
    return errors


def youngest_age(vocab: Vocabularies) -> int:
    return min((b["min"] for b in vocab.entries("age_bands") if isinstance(b.get("min"), int)), default=16)


def plausible_birth_date(born: date, vocab: Vocabularies, today: date | None = None) -> bool:
    """Born between OLDEST_AGE and the youngest age band's minimum years ago (an adult resident)."""
    oldest, youngest = _birth_bounds(today or date.today(), youngest_age(vocab))
    return oldest <= born <= youngest


@lru_cache(maxsize=8)
def _birth_bounds(today: date, youngest: int) -> tuple[date, date]:
    def years_ago(n: int) -> date:
        try:
            return today.replace(year=today.year - n)
        except ValueError:  # 29 February
            return today.replace(year=today.year - n, day=28)
    return years_ago(OLDEST_AGE), years_ago(youngest)


def is_valid_badge(code: str) -> bool:
    return len(code) == BADGE_LENGTH and all(c in BADGE_ALPHABET for c in code)


def normalize_badge(typed: str) -> str:
    """What a scanner or a hurried hand typed -> the stored form."""
    return "".join(typed.split()).upper()


def new_badge_code(taken: set[str], rng: random.Random | None = None) -> str:
    import secrets  # here, not at the top: hmac/hashlib cost every start of the window ~7 ms

    choice = rng.choice if rng else secrets.choice
    while True:
        code = "".join(choice(BADGE_ALPHABET) for _ in range(BADGE_LENGTH))
        if code not in taken:
            taken.add(code)
            return code


def taken_badges(store: Store) -> set[str]:
    return {r[0] for r in store.conn.execute(
        "SELECT badge_code FROM members WHERE badge_code IS NOT NULL AND deleted = 0")}


def _check_badge_unique(store: Store, badge: str | None, member_id: str | None) -> None:
    if not badge:
        return
    other = store.scalar("SELECT id FROM members WHERE badge_code = ? AND deleted = 0 AND id IS NOT ?",
                         (badge, member_id))
    if other:
        raise ValidationError([FieldError("badge_code", "duplicate_badge", badge)])


def create_member(store: Store, values: dict[str, Any], vocab: Vocabularies | None = None) -> str:
    vocab = vocab or Vocabularies.load(store)
    values = {k: v for k, v in values.items() if k in FIELDS}
    values.setdefault("status", "active")
    if not values.get("language"):
        values["language"] = DEFAULT_LANGUAGE
    for f in REQUIRED:
        values.setdefault(f, "")
    errors = validate(values, vocab)
    if errors:
        raise ValidationError(errors)
    with store.transaction():
        if values.get("badge_code"):
            _check_badge_unique(store, values["badge_code"], None)
        else:
            values["badge_code"] = new_badge_code(taken_badges(store))
        return store.insert("members", values)


def update_member(store: Store, member_id: str, changes: dict[str, Any], vocab: Vocabularies | None = None, *,
                  record: Edit | None = None) -> bool:
    """Change a member's fields (validated first); `record` collects what changed, for undo."""
    vocab = vocab or Vocabularies.load(store)
    changes = {k: v for k, v in changes.items() if k in FIELDS}
    if "language" in changes and not changes["language"]:
        changes["language"] = DEFAULT_LANGUAGE  # "no preference" is Italian, the working language
    errors = validate(changes, vocab)
    if errors:
        raise ValidationError(errors)
    with store.transaction():
        _check_badge_unique(store, changes.get("badge_code"), member_id)
        return snapshots.update(store, "members", member_id, changes, record)


def delete_member(store: Store, member_id: str) -> bool:
    with store.transaction():
        return store.delete("members", member_id)


def get_member(store: Store, member_id: str) -> dict[str, Any] | None:
    return store.get("members", member_id)


def find_by_badge(store: Store, typed: str) -> dict[str, Any] | None:
    rows = store.select("members", "badge_code = ?", (normalize_badge(typed),))
    return rows[0] if rows else None


def list_members(store: Store, *, status: str | None = None, cohort_id: str | None = None,
                 municipio: int | None = None) -> list[dict[str, Any]]:
    clauses, params = [], []
    for col, val in (("status", status), ("cohort_id", cohort_id), ("municipio", municipio)):
        if val is not None:
            clauses.append(f"{col} = ?")
            params.append(val)
    return store.select("members", " AND ".join(clauses) or None, params,
                        order_by="surname COLLATE fold, first_name COLLATE fold")


def display_name(member: dict[str, Any]) -> str:
    return f"{member['surname']} {member['first_name']}"


def list_cohorts(store: Store) -> list[dict[str, Any]]:
    return store.select("cohorts", order_by="term_start, name")


def create_cohort(store: Store, name: str, term_start: str | None = None, term_end: str | None = None) -> str:
    with store.transaction():
        return store.insert("cohorts", {"name": name, "term_start": parse_iso_date(term_start),
                                        "term_end": parse_iso_date(term_end)})
