"""Invitation list import: who received the letter, kept only as counts per stratum (GDPR).

Three shapes of file (.xlsx or .csv), told apart by their header:
- one row per invited resident, with the quota columns (gender, age band or birth date,
  education, citizenship, municipio, and any further category): each row counts one;
- rows of counts per stratum: the quota columns that define the stratum and a count column
  ("Invitati", "Numero", "Count"...), e.g. "Municipio; Genere; Invitati";
- a long table: a characteristic column, a value column and a count column
  ("Caratteristica; Valore; Invitati"), as statistics offices publish marginal tables.

Names, addresses and codes in the file are never stored: only, per characteristic, how many
were invited with each value. Every row is accounted for: counted, a totals row (not counted,
checked against the sum), a duplicate (counted once), rejected with its row, column and reason,
or empty; unused columns and the other sheets are listed. `plan_invitations_import` writes
nothing (the dry run); `apply_invitations_import` replaces the stored counts in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable

from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.selection.categories import categories, category_key
from facilitator_app.core.selection.invitations import save_invitations
from facilitator_app.core.selection.model import FIELDS
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Store
from facilitator_app.core.text import fold
from facilitator_app.importers.headers import header_key
from facilitator_app.importers.pool import SYNONYMS as POOL_SYNONYMS
from facilitator_app.importers.pool import PoolIssue, _age_band_parser
from facilitator_app.importers.roster import RosterImportError
from facilitator_app.importers.roster_values import Bad, citizenship_parser, date_parser, parse_municipio, text_of
from facilitator_app.importers.roster_values import vocab_parser
from facilitator_app.importers.table import TableError, filled, read_table, sheet_names

COUNT_SYNONYMS = ["Invitati", "Numero invitati", "N. invitati", "Numero", "Conteggio", "Lettere", "Lettere inviate",
                  "Residenti invitati", "Persone", "Count", "Invited", "Number", "Number invited", "Letters", "N"]
FIELD_COL_SYNONYMS = ["Caratteristica", "Variabile", "Dimensione", "Criterio", "Characteristic", "Field", "Variable",
                      "Dimension"]
VALUE_COL_SYNONYMS = ["Valore", "Categoria", "Modalità", "Value", "Category"]
# Columns recognised only to be left out: personal data the counts do not need.
PERSONAL = ("external_id", "surname", "first_name", "email", "phone", "language", "accessibility_notes", "notes")
_TOTALS = re.compile(r"^\s*(totale|totali|total|totals|somma|sum|tot)\b", re.I)
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,' \u00a0\u202f]\d{3})+$")


class InvitationsImportError(RosterImportError):
    """The file cannot be imported at all (nothing is written)."""


# A row's problem: the pool importer's (row, column, code, value, message).
InvitationIssue = PoolIssue


@dataclass
class InvitationsPlan:
    path: Path
    sheet: str | None
    shape: str                           # "residents" | "strata" | "long"
    columns: dict[str, str]              # header -> field (or "count", "personal data, not stored")
    unmapped: list[str]
    other_sheets: list[str]
    notes: list[str] = field(default_factory=list)
    personal: list[str] = field(default_factory=list)   # names, codes, contacts: read past, never stored
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    counted_rows: int = 0
    totals_rows: list[InvitationIssue] = field(default_factory=list)
    rejected: list[InvitationIssue] = field(default_factory=list)
    duplicates: list[InvitationIssue] = field(default_factory=list)
    empty_rows: int = 0
    data_rows: int = 0

    def totals(self) -> dict[str, int]:
        return {f: sum(v.values()) for f, v in self.counts.items()}

    @property
    def invited(self) -> int:
        return max(self.totals().values(), default=0)

    def summary(self) -> dict[str, Any]:
        return {"rows": self.data_rows, "counted": self.counted_rows, "totals_rows": len(self.totals_rows),
                "rejected": len(self.rejected), "duplicates": len(self.duplicates), "empty": self.empty_rows,
                "invited": self.invited}


def _index(store: Store) -> dict[str, str]:
    idx = {header_key(s): f for f in (*FIELDS, "birth_date", *PERSONAL) for s in POOL_SYNONYMS.get(f, [])}
    idx.update({header_key(s): "count" for s in COUNT_SYNONYMS})
    idx.update({header_key(s): "_field" for s in FIELD_COL_SYNONYMS})
    idx.update({header_key(s): "_value" for s in VALUE_COL_SYNONYMS})
    for key, c in categories(store).items():
        idx[header_key(c["name"])] = key
    return idx


def _field_of(idx: dict[str, str], text: Any) -> str | None:
    if not filled(text):
        return None
    return idx.get(header_key(text)) or idx.get(header_key(re.sub(r"\(.*?\)|\[.*?\]", "", str(text))))


def _score(idx: dict[str, str], quota: set[str]) -> Callable[[tuple], int]:
    def score(cells: tuple) -> int:
        found = {_field_of(idx, c) for c in cells} - {None}
        long = {"_field", "_value", "count"} <= found
        return len(found) if long or found & (quota | {"birth_date"}) else 0
    return score


def parse_count(raw: Any) -> int | Bad:
    """A whole number of people: 1234, 1234.0, "1.234" or "1 234" (thousands), never negative or a fraction."""
    if isinstance(raw, bool):
        return Bad("bad_count")
    if isinstance(raw, int):
        return raw if raw >= 0 else Bad("negative_count")
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() and raw >= 0 else Bad("negative_count" if raw < 0 else "bad_count")
    text = (text_of(raw) or "").replace("\u00a0", " ").strip()
    if text.startswith("-") and text[1:].strip().isdecimal():
        return Bad("negative_count")
    if text.isdecimal():
        return int(text)
    if _THOUSANDS.match(text):
        return int(re.sub(r"\D", "", text))
    if re.fullmatch(r"\d+[.,]0+", text):
        return int(re.split(r"[.,]", text)[0])
    return Bad("bad_count")


_WHY = {"unknown_gender": "is not a known gender", "unknown_education": "is not a known education level",
        "unknown_citizenship": "is not a known citizenship", "invalid_municipio": "is not one of Milan's municipi (1 to 9)",
        "unknown_age_band": "is not one of the age bands", "invalid_date": "is not a valid date",
        "bad_count": "is not a whole number of people", "negative_count": "is a negative number of people",
        "formula_without_value": "is a formula with no saved result (open the file in Excel and save it again)",
        "unknown_characteristic": "is not one of the quota characteristics",
        "not_a_category_value": "is not a value of this category"}


def _parsers(vocab: Vocabularies, store: Store) -> dict[str, Callable[[Any], Any]]:
    cit = citizenship_parser(vocab)

    def citizenship(raw: Any) -> Any:
        v = cit(raw)
        return v if isinstance(v, Bad) else v[0]

    def category(key: str) -> Callable[[Any], Any]:
        spelling = {fold(v): v for v in categories(store)[key]["shares"]}

        def parse(raw: Any) -> Any:
            t = text_of(raw)
            return spelling.get(fold(t or ""), Bad("not_a_category_value"))
        return parse

    out: dict[str, Callable[[Any], Any]] = {
        "gender": vocab_parser(vocab, "gender"), "education": vocab_parser(vocab, "education"),
        "citizenship": citizenship, "municipio": lambda raw: (m if isinstance(m := parse_municipio(raw), Bad)
                                                              else str(m)),
        "age_band": _age_band_parser(vocab), "count": parse_count,
    }
    out.update({k: category(k) for k in categories(store)})
    birth = date_parser(True)

    def from_birth(raw: Any) -> Any:
        d = birth(raw)
        d = getattr(d, "value", d)
        if isinstance(d, Bad):
            return d
        # Age on the day of the import: the letters go out now.
        return vocab.age_band(d, date.today()) or Bad("unknown_age_band")
    out["birth_date"] = from_birth
    return out


def plan_invitations_import(store: Store, path: str | Path, *, sheet: str | None = None) -> InvitationsPlan:
    """Read the file and count per stratum; writes nothing."""
    path = Path(path)
    idx = _index(store)
    quota = set(FIELDS) | set(categories(store))
    try:
        table = read_table(path, _score(idx, quota), sheet, require_header=False)
    except TableError as exc:
        raise InvitationsImportError(str(exc), code=exc.code, **exc.params) from exc
    if table.header < 0:
        if not any(filled(c) for r in table.rows for c in r):
            raise InvitationsImportError("The file contains no data.", code="roster_no_data")
        raise InvitationsImportError(
            "No header row found in the first 20 rows: the invitation list needs quota columns (for example "
            "'Genere', 'Fascia d'età' or 'Data di nascita', 'Municipio'), with a count column ('Invitati') when each "
            "row is a group of people, or the columns 'Caratteristica', 'Valore' and 'Invitati'.",
            code="invitations_no_header")
    h, headers = table.header, [str(c) if filled(c) else "" for c in table.rows[table.header]]
    cols: dict[int, str] = {}
    unmapped: list[str] = []
    for j, c in enumerate(table.rows[h]):
        f = _field_of(idx, c)
        if f and f not in cols.values():
            cols[j] = f
        elif filled(c):
            unmapped.append(str(c))
    found = set(cols.values())
    shape = "long" if {"_field", "_value", "count"} <= found else "strata" if "count" in found else "residents"
    if shape != "long":
        for j in [j for j, f in cols.items() if f in ("_field", "_value")]:
            unmapped.append(headers[j])
            del cols[j]
    if shape == "long":
        for j in [j for j, f in cols.items() if f not in ("_field", "_value", "count")]:
            unmapped.append(headers[j])
            del cols[j]
    if shape != "long" and "age_band" in found and "birth_date" in found:  # the band wins; the date is not needed
        j = next(j for j, f in cols.items() if f == "birth_date")
        unmapped.append(headers[j])
        del cols[j]
    shown = {headers[j]: {"_field": "characteristic", "_value": "value"}.get(f, f) for j, f in cols.items()
             if f not in PERSONAL}
    personal = [headers[j] for j, f in cols.items() if f in PERSONAL]
    others = [n for n, _ in sheet_names(path) if n != table.sheet] if table.sheet is not None else []
    notes = [n for n, (code, _) in zip(table.notes, table.note_codes) if code not in ("other_sheets", "hidden_sheets")]
    plan = InvitationsPlan(path, table.sheet, shape, shown, unmapped, others, notes, personal)
    vocab = Vocabularies.load(store)
    parsers = _parsers(vocab, store)
    field_names = {header_key(s): f for f in FIELDS for s in POOL_SYNONYMS.get(f, [])}
    field_names.update({header_key(f): f for f in FIELDS})
    field_names.update({header_key(c["name"]): k for k, c in categories(store).items()})
    seen: dict[tuple, int] = {}
    long_field: str | None = None
    total_rows: list[tuple[InvitationIssue, int]] = []
    for i in range(h + 1, len(table.rows)):
        cells, rowno = table.rows[i], table.numbers[i]
        if not any(filled(c) for c in cells):
            plan.empty_rows += 1
            continue
        plan.data_rows += 1

        def issue(j: int | None, code: str, raw: Any = None, why: str | None = None) -> InvitationIssue:
            col = headers[j] if j is not None and j < len(headers) else None
            where = f"row {rowno}, column {col}" if col else f"row {rowno}"
            return InvitationIssue(rowno, col, code, raw, f"{where}: {raw!r} {why or _WHY.get(code, 'is not valid')}"
                                   if raw is not None else f"{where}: {why or _WHY.get(code, code)}")

        structural = [p for p in table.problems.get(i, []) if p.reject or
                      (p.code == "merged_cell" and cols.get(p.column) == "count")]
        if structural:
            p = structural[0]
            plan.rejected.append(issue(p.column, p.code, why=p.message + ("; a count copied from a merged cell "
                                                                         "would be counted twice" if not p.reject
                                                                         else "")))
            continue
        if any(_TOTALS.match(str(c)) for j, c in enumerate(cells) if j in cols and cols[j] not in ("count",)
               and isinstance(c, str)):
            j = next(j for j in cols if cols[j] == "count") if "count" in found else None
            n = parse_count(cells[j]) if j is not None and j < len(cells) else None
            total_rows.append((issue(None, "total_row", why="a totals row: not counted"),
                               n if isinstance(n, int) else -1))
            continue
        values: dict[str, str] = {}
        bad: InvitationIssue | None = None
        count = 1
        for j, f in cols.items():
            if f in PERSONAL:
                continue
            raw = cells[j] if j < len(cells) else None
            if (i, j) in table.formulas and not filled(raw):
                bad = issue(j, "formula_without_value", table.formulas[(i, j)])
                break
            if f == "_field":
                if filled(raw):
                    long_field = field_names.get(header_key(raw))
                    if long_field is None:
                        bad = issue(j, "unknown_characteristic", raw)
                        break
                elif long_field is None:
                    bad = issue(j, "missing_characteristic", why="no characteristic (and none on the rows above)")
                    break
                continue
            if not filled(raw):
                what = {"_value": "value", "birth_date": "birth date"}.get(f, f.replace("_", " "))
                bad = issue(j, f"missing_{f.strip('_')}", why=f"no {what}; the row is not counted")
                break
            if f == "_value":
                parse = parsers[long_field] if long_field else None
                v = parse(raw) if parse else Bad("unknown_characteristic")
            else:
                v = parsers[f](raw)
            if isinstance(v, Bad):
                bad = issue(j, v.code, raw)
                break
            if f == "count":
                count = v
            elif f == "_value":
                values[long_field] = v
            else:
                values["age_band" if f == "birth_date" else f] = v
        if bad is None and shape == "long" and not values:
            bad = issue(None, "missing_value", why="no value")
        if bad is not None:
            plan.rejected.append(bad)
            continue
        ext = next((text_of(cells[j]) for j, f in cols.items() if f == "external_id" and j < len(cells)), None)
        key = ("id", ext) if shape == "residents" and ext else \
            ("stratum", tuple(sorted(values.items()))) if shape != "residents" else None
        if key is not None and key in seen:
            what = "the same resident" if key[0] == "id" else "the same group"
            plan.duplicates.append(issue(None, "duplicate_invitation",
                                         why=f"{what} as row {seen[key]}; counted once"))
            continue
        if key is not None:
            seen[key] = rowno
        plan.counted_rows += 1
        for f, v in values.items():
            by = plan.counts.setdefault(f, {})
            by[v] = by.get(v, 0) + count
    # A totals row is checked against what was counted (a mismatch is said, never "fixed").
    totals = plan.totals()
    for iss, n in total_rows:
        if n >= 0 and totals and n not in totals.values():
            iss.message += f" (it says {n}; the rows add up to {max(totals.values())})"
            iss.code = "total_row_mismatch"
        plan.totals_rows.append(iss)
    if len(set(totals.values())) > 1:
        listed = ", ".join(f"{f} {n}" for f, n in totals.items())
        plan.notes.append(f"the characteristics do not add up to the same number of people ({listed}); "
                          f"the largest, {plan.invited}, is taken as the number invited")
    if not plan.counts and plan.data_rows:
        plan.notes.append("no row could be counted: nothing would change")
    return plan


def apply_invitations_import(store: Store, plan: InvitationsPlan, record: Edit | None = None) -> dict[str, Any]:
    """Replace the stored invitation counts with the plan's (one transaction); returns the summary.

    A plan that counted nothing writes nothing (a file of rejected rows must not wipe the counts).
    """
    if plan.counts:
        save_invitations(store, plan.counts, source=plan.path.name, invited=plan.invited, record=record)
    return plan.summary()
