"""Pool import: the respondents who replied with their availability (.xlsx or .csv).

The roster importer's machinery (file reading with its plain errors, header
matching, value parsers) with the pool's columns. Two steps, as for the
roster: `plan_pool_import` reads and compares, writing nothing (the dry run);
`apply_pool_import` writes the plan in one transaction. Every row is
accounted for: imported (new or updated), unchanged, or rejected with its row,
column and reason; columns the pool does not use are listed and kept per respondent
(`extra`, so that they can become quota categories), and the workbook's
other sheets, which are not read, are listed.

A respondent needs an id (the statistics office's code) or a name, and all
five quota answers; the age band can come from a birth date. The same person
twice in the file is reported and kept once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.selection.categories import RESERVED, categories, category_key
from facilitator_app.core.text import fold
from facilitator_app.core.store.store import Store
from facilitator_app.core.members.members import EMAIL_RE, PHONE_RE
from facilitator_app.importers.headers import header_key as _header_key
from facilitator_app.importers.roster import FIELD_SYNONYMS as ROSTER_SYNONYMS
from facilitator_app.importers.roster import RosterImportError, read_rows
from facilitator_app.importers.roster_values import Bad as _Bad
from facilitator_app.importers.roster_values import checked as _checked
from facilitator_app.importers.roster_values import citizenship_parser as _citizenship_parser
from facilitator_app.importers.roster_values import date_parser as _date_parser
from facilitator_app.importers.roster_values import name_of as _name
from facilitator_app.importers.roster_values import parse_municipio as _municipio
from facilitator_app.importers.roster_values import text_of as _text
from facilitator_app.importers.roster_values import vocab_parser as _vocab_parser
from facilitator_app.importers.table import HEADER_SEARCH_ROWS
from facilitator_app.importers.table import filled as _filled

POOL_FIELDS = ("external_id", "surname", "first_name", "email", "phone", "gender", "birth_date", "age_band",
               "education", "citizenship", "municipio", "language", "accessibility_notes", "available", "notes")
SYNONYMS: dict[str, list[str]] = {
    **{f: ROSTER_SYNONYMS[f] for f in ("external_id", "surname", "first_name", "email", "phone", "gender",
                                         "birth_date", "education", "citizenship", "municipio",
                                         "accessibility_notes", "notes")},
    "age_band": ["Fascia d'età", "Fascia di età", "Fascia età", "Classe di età", "Età", "Age band", "Age group",
                 "Age"],
    "language": ["Lingua", "Lingua preferita", "Language", "Preferred language"],
    "available": ["Disponibile", "Disponibilità", "Available", "Availability"],
}
_INDEX = {_header_key(s): f for f, syns in SYNONYMS.items() for s in syns}
QUOTA_FIELDS = ("gender", "age_band", "education", "citizenship", "municipio")
# Identifiers the assembly never needs (GDPR): not kept even as further columns.
NEVER_KEPT = {"codicefiscale", "cf", "taxcode", "fiscalcode", "taxid", "iban", "documento", "numerodocumento",
              "cartaidentita", "passaporto", "passport", "passportnumber", "idcard", "ssn", "password"}
_NO = {"no", "n", "0", "false", "falso", "non disponibile"}


class PoolImportError(RosterImportError):
    """The file cannot be imported at all."""


@dataclass
class PoolIssue:
    row: int
    column: str | None
    code: str
    value: Any
    message: str


@dataclass
class PoolPlan:
    path: Path
    sheet: str | None
    other_sheets: list[str]
    columns: dict[str, str]
    unmapped: list[str]
    create: list[dict] = field(default_factory=list)
    update: list[tuple[str, dict]] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[PoolIssue] = field(default_factory=list)
    duplicates: list[PoolIssue] = field(default_factory=list)
    empty_rows: int = 0
    data_rows: int = 0
    extra: dict[str, str] = field(default_factory=dict)   # header -> key of a column kept in respondents.extra

    def counts(self) -> dict[str, int]:
        return {"rows": self.data_rows, "create": len(self.create), "update": len(self.update),
                "unchanged": self.unchanged, "rejected": len(self.rejected), "duplicates": len(self.duplicates),
                "empty": self.empty_rows}


def _field(text: Any) -> str | None:
    if text is None or not str(text).strip():
        return None
    key = _header_key(text)
    return _INDEX.get(key) or _INDEX.get(_header_key(re.sub(r"\(.*?\)|\[.*?\]", "", str(text))))


def _header(rows: list) -> tuple[int, dict[int, str]]:
    best = (-1, {})
    for i, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = {j: f for j, c in enumerate(cells) if (f := _field(c))}
        if len(set(found.values()) & set(QUOTA_FIELDS + ("birth_date",))) >= 3 and len(found) > len(best[1]):
            best = (i, found)
    if best[0] < 0:
        raise PoolImportError(
            f"No header row found in the first {HEADER_SEARCH_ROWS} rows: the pool needs columns for the quota "
            f"answers (for example 'Genere', 'Fascia d'età', 'Titolo di studio', 'Cittadinanza', 'Municipio').",
            code="pool_no_header", rows=HEADER_SEARCH_ROWS)
    return best


def _age_band_parser(vocab: Vocabularies):
    bands = vocab.entries("age_bands")

    def parse(raw: Any) -> str | _Bad:
        text = fold(_text(raw) or "").replace("–", "-").replace(" ", "")
        for b in bands:
            if text in (fold(b["key"]).replace(" ", ""), fold(b["label"]).replace(" ", "").replace("–", "-")):
                return b["key"]
        if text.isdecimal():
            return vocab.age_band(date(date.today().year - int(text), 1, 1), date(date.today().year, 1, 2)) \
                or _Bad("unknown_age_band")
        return _Bad("unknown_age_band")
    return parse


_WHY = {"unknown_gender": "is not a known gender", "unknown_education": "is not a known education level",
        "unknown_citizenship": "is not a known citizenship", "invalid_municipio": "is not one of Milan's municipi (1 to 9)",
        "unknown_age_band": "is not one of the age bands", "invalid_date": "is not a valid date",
        "invalid_email": "is not a valid e-mail address", "invalid_phone": "is not a valid phone number"}


def plan_pool_import(store: Store, path: str | Path, *, sheet: str | None = None) -> PoolPlan:
    """Read the file and compare it with the pool; writes nothing."""
    path = Path(path)
    try:
        sheet_name, rows = read_rows(path, sheet)
    except RosterImportError as exc:
        raise PoolImportError(str(exc), code=exc.code, **exc.params) from exc
    others: list[str] = []
    if sheet_name is not None:
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True)
        others = [s for s in wb.sheetnames if s != sheet_name]
        wb.close()
    h, cols = _header(rows)
    headers = rows[h]
    plan = PoolPlan(path, sheet_name, others, {str(headers[j]): f for j, f in cols.items()},
                    [str(c) for j, c in enumerate(headers) if _filled(c) and j not in cols])
    # Columns the pool does not know are kept (respondents.extra, by key) so they can become quota
    # categories; a category's values take its spelling (case and accents aside).
    cats = categories(store)
    extra_cols: dict[int, str] = {}
    for j, c in enumerate(headers):
        if j not in cols and _filled(c) and (k := category_key(c)) and k not in extra_cols.values() \
                and k not in RESERVED and _header_key(c) not in NEVER_KEPT:
            extra_cols[j] = k
    plan.extra = {str(headers[j]): k for j, k in extra_cols.items()}
    spelling = {k: {fold(v): v for v in c["shares"]} for k, c in cats.items()}
    vocab = Vocabularies.load(store)
    parsers = {"gender": _vocab_parser(vocab, "gender"), "education": _vocab_parser(vocab, "education"),
               "citizenship": _citizenship_parser(vocab), "municipio": _municipio,
               "birth_date": _date_parser(True), "age_band": _age_band_parser(vocab),
               "email": _checked(EMAIL_RE, "invalid_email"), "phone": _checked(PHONE_RE, "invalid_phone"),
               "surname": _name, "first_name": _name}
    existing = {r["external_id"]: r for r in store.select("respondents") if r.get("external_id")}
    by_name = {(fold(r.get("surname") or ""), fold(r.get("first_name") or ""), r.get("birth_date")): r
               for r in store.select("respondents") if r.get("surname")}
    seen: dict[tuple, int] = {}
    for i in range(h + 1, len(rows)):
        cells, rowno = rows[i], i + 1
        if not any(_filled(c) for c in cells):
            plan.empty_rows += 1
            continue
        plan.data_rows += 1
        values: dict[str, Any] = {}
        bad: list[PoolIssue] = []
        for j, f in cols.items():
            raw = cells[j] if j < len(cells) else None
            if not _filled(raw):
                continue
            parse = parsers.get(f)
            if f == "available":
                values[f] = fold(_text(raw) or "") not in _NO
                continue
            v = parse(raw) if parse else _text(raw)
            if isinstance(v, _Bad):
                bad.append(PoolIssue(rowno, str(headers[j]), v.code, raw,
                                     f"row {rowno}, column {headers[j]}: {raw!r} {_WHY.get(v.code, 'is not valid')}"))
                continue
            if f == "citizenship":
                v, country = v
                if country:
                    values["country"] = country
            values[f] = v
        extra = {}
        for j, k in extra_cols.items():
            raw = cells[j] if j < len(cells) else None
            if _filled(raw):
                t = " ".join((_text(raw) or "").split())
                extra[k] = spelling.get(k, {}).get(fold(t), t)
        if extra:
            values["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True)
        if "age_band" not in values and values.get("birth_date"):
            values["age_band"] = vocab.age_band(values["birth_date"])
        missing = [f for f in QUOTA_FIELDS if values.get(f) is None]
        if not values.get("external_id") and not values.get("surname"):
            bad.append(PoolIssue(rowno, None, "missing_id", None, f"row {rowno}: no id and no name"))
        for f in missing:
            if not any(b.code.endswith(f) or (f == "municipio" and b.code == "invalid_municipio") for b in bad):
                bad.append(PoolIssue(rowno, None, f"missing_{f}", None,
                                     f"row {rowno}: no {f.replace('_', ' ')} (needed for the quotas)"))
        if bad:
            plan.rejected.extend(bad[:1])
            continue
        key = ("id", values["external_id"]) if values.get("external_id") else \
            ("name", fold(values["surname"]), fold(values.get("first_name") or ""), values.get("birth_date"))
        if key in seen:
            plan.duplicates.append(PoolIssue(rowno, None, "duplicate_respondent", None,
                                             f"row {rowno}: the same respondent as row {seen[key]}; kept once"))
            continue
        seen[key] = rowno
        available = values.pop("available", True)
        values["status"] = "available" if available else "declined"
        current = existing.get(values.get("external_id")) if values.get("external_id") else \
            by_name.get((fold(values["surname"]), fold(values.get("first_name") or ""), values.get("birth_date")))
        if current is None:
            plan.create.append(values)
            continue
        changes = {k: v for k, v in values.items() if k != "status" and current.get(k) != v}
        if changes:
            plan.update.append((current["id"], changes))
        else:
            plan.unchanged += 1
    return plan


def apply_pool_import(store: Store, plan: PoolPlan) -> dict[str, int]:
    """Write the plan (one transaction); returns the counts."""
    with store.transaction():
        store.insert_many("respondents", plan.create)
        for rid, changes in plan.update:
            store.update("respondents", rid, changes)
    return plan.counts()
