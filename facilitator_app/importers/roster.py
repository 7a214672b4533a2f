"""Roster import from the statistics office's spreadsheets (.xlsx or .csv).

Two steps, so the user sees everything before anything is written:
`plan_import` reads the file and compares it with the store (a dry run that
writes nothing); `apply_import` writes that plan in one transaction.

Every row, column and sheet is accounted for: each data row below the header is
imported (new, updated or unchanged), merged into an earlier row of the same
person, rejected with a reason, or blank (`ImportPlan.accounting` adds up to the
data rows); each column is recognised, mapped, ignored, unmapped or a duplicate
needing a mapping (`ImportPlan.column_plan`); the sheets not read are named in
`ImportPlan.notes`. Reading the file is `importers/table.py`, header matching
`importers/headers.py` (both generic), the cell values `importers/roster_values.py`.

People are matched by external id, else by surname + first name + birth date
(folded), both inside the file (duplicates merge into one member) and against
the store (re-importing an updated file updates members instead of
duplicating them). A bad value never stops an import: it is left empty and
reported with its spreadsheet row and column; a value read in a way worth
knowing (a number as an Excel date, a formula's last result) is kept and reported.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from facilitator_app.core.checks.text import CONTROL_HINT, has_control, limit_for, strip_control, visible
from facilitator_app.core.store.ids import new_id
from facilitator_app.core.members.members import (
    DEFAULT_LANGUAGE, EMAIL_RE, FIELDS, MULTILINE, PHONE_RE, REQUIRED, new_badge_code, taken_badges, validate,
    youngest_age, OLDEST_AGE,
)
from facilitator_app.core.store.store import Store
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.text import fold
from facilitator_app.importers.headers import Column, ColumnPlan, HeaderMatcher, column_letter
from facilitator_app.importers.roster_values import (
    CELL_ERRORS, ITALY, WHY, Bad, Noted, checked, citizenship_parser, date_parser, memo, name_of, parse_badge,
    parse_consent, parse_municipio, text_of, vocab_parser,
)
from facilitator_app.importers.table import HEADER_SEARCH_ROWS, Table, TableError, filled, read_table

__all__ = ["FIELD_SYNONYMS", "HEADER_SEARCH_ROWS", "ImportIssue", "ImportPlan", "ImportResult", "ImportRow",
           "RosterImportError", "apply_import", "field_for_header", "plan_import", "read_rows"]

# Header texts per member field, matched case-, accent-, punctuation- and space-insensitively.
# "Codice fiscale" is deliberately absent: the assembly doesn't need tax codes (GDPR).
FIELD_SYNONYMS: dict[str, list[str]] = {
    "surname": ["Cognome", "Surname", "Last name", "Family name"],
    "first_name": ["Nome", "First name", "Given name", "Forename", "Nome proprio"],
    "external_id": ["ID", "Codice", "Matricola", "ID anagrafe", "Codice statistico", "Codice anagrafico",
                    "Codice identificativo", "External ID"],
    "email": ["Email", "E-mail", "Posta elettronica", "Mail", "Indirizzo email", "Email address"],
    "phone": ["Telefono", "Cellulare", "Phone", "Mobile", "Tel", "Cell", "Numero di telefono",
              "Recapito telefonico", "Phone number"],
    "gender": ["Genere", "Sesso", "Gender", "Sex"],
    "birth_date": ["Data di nascita", "Data nascita", "Nato il", "Nata il", "Nato/a il", "Birth date",
                   "Date of birth", "Birthdate", "DOB"],
    "citizenship": ["Cittadinanza", "Citizenship", "Nazionalità", "Nationality"],
    "country": ["Paese", "Stato di cittadinanza", "Paese di cittadinanza", "Country", "Country of citizenship"],
    "municipio": ["Municipio", "Zona", "District", "Municipality"],
    "education": ["Titolo di studio", "Istruzione", "Livello di istruzione", "Education", "Education level"],
    "cohort_id": ["Coorte", "Cohort"],
    "term_start": ["Inizio mandato", "Term start", "Start of term"],
    "term_end": ["Fine mandato", "Term end", "End of term"],
    "status": ["Stato", "Status"],
    "accessibility_notes": ["Accessibilità", "Esigenze accessibilità", "Esigenze di accessibilità",
                            "Accessibility", "Accessibility needs"],
    "dietary_notes": ["Esigenze alimentari", "Dieta", "Dietary needs", "Diet"],
    "consent_privacy": ["Consenso privacy", "Consenso al trattamento dei dati", "Privacy consent", "Privacy"],
    "consent_photos": ["Consenso foto", "Consenso immagini", "Photo consent"],
    "badge_code": ["Badge", "Codice badge", "Badge code"],
    "notes": ["Note", "Notes", "Osservazioni"],
    "address": ["Indirizzo", "Indirizzo di residenza", "Residenza", "Indirizzo postale", "Address",
                "Postal address", "Home address"],
    "language": ["Lingua", "Lingua preferita", "Lingua per le comunicazioni", "Lingua di comunicazione",
                 "Madrelingua", "Language", "Preferred language", "Communication language", "Idioma", "Limba"],
}

MATCHER = HeaderMatcher(FIELD_SYNONYMS, REQUIRED)
# "Totale", "Totali: 50": a totals line at the bottom of a sheet.
_TOTALS = re.compile(r"^\s*(totale|totali|total|totals|somma|sum|tot)\b", re.I)


class RosterImportError(TableError):
    """The file can't be imported at all; the message is an English sentence for the user (see `code`)."""


@dataclass
class ImportIssue:
    row: int
    column: str | None      # header text as in the file
    field: str | None       # member field
    code: str               # stable: "missing_name", "invalid_date", "duplicate_in_file", ...
    value: Any
    message: str


@dataclass
class ImportRow:
    row: int                # first spreadsheet row of this person
    values: dict            # normalised member values from the file (duplicates merged)
    action: str             # "create" | "update" | "unchanged"
    member_id: str | None   # the matched member; set for new members by apply_import
    changes: dict           # field -> (old, new), for updates
    warnings: list[ImportIssue]
    sources: dict = field(default_factory=dict, repr=False)  # field -> (row, column index, raw value)


@dataclass
class ImportPlan:
    path: Path
    sheet: str | None
    header_row: int
    columns: dict[str, str]  # header text -> field
    unmapped: list[str]      # every column with a header or data that goes nowhere, as "'Header' (F)"
    rows: list[ImportRow]
    rejected: list[ImportIssue]
    merged: list[ImportIssue]
    new_cohorts: dict[str, str] = field(default_factory=dict)  # cohort name -> the id it will get
    fingerprint: tuple = field(default=(), repr=False)
    applied: bool = field(default=False, repr=False)
    column_plan: ColumnPlan = field(default_factory=ColumnPlan, repr=False)
    data_rows: int = 0       # rows below the header up to the last filled one
    blank: int = 0           # empty rows among them
    notes: list[str] = field(default_factory=list)  # sheets not read, encoding guessed, ... (English)
    note_codes: list[tuple[str, dict]] = field(default_factory=list)  # the same as (code, params), for the GUI
    mapping: dict[str, str | None] = field(default_factory=dict)

    @property
    def warnings(self) -> list[ImportIssue]:
        return sorted((w for r in self.rows for w in r.warnings), key=lambda w: w.row)

    @property
    def blocking(self) -> list[str]:
        """Why the plan can't be imported as it is (duplicate headers need a mapping by column letter)."""
        return [f"{c.label} appears more than once and would go to {MATCHER.recognise(c.header)}: say which "
                f"column is which (map it by its letter, e.g. --map \"{c.letter}={MATCHER.recognise(c.header)}\" "
                f"or --map \"{c.letter}=\" to ignore it)" for c in self.column_plan.duplicates]

    @property
    def counts(self) -> dict[str, int]:
        c = {"create": 0, "update": 0, "unchanged": 0}
        for r in self.rows:
            c[r.action] += 1
        return {**c, "rejected": len(self.rejected), "warnings": sum(len(r.warnings) for r in self.rows),
                "merged": len(self.merged), "blank": self.blank, "data_rows": self.data_rows,
                "imported": len(self.rows)}

    @property
    def accounting(self) -> str:
        """E.g. "120 data rows = 100 imported + 5 merged + 3 rejected + 12 blank" (always adds up)."""
        c = self.counts
        return (f"{c['data_rows']} data rows = {c['imported']} imported + {c['merged']} merged into an earlier "
                f"row + {c['rejected']} rejected + {c['blank']} blank")


@dataclass
class ImportResult:
    created: int
    updated: int
    unchanged: int
    rejected: int
    member_ids: list[str]  # every member in the file, in file order


# -- reading the file ----------------------------------------------------------

def field_for_header(text: Any, mapping: dict[str, str | None] | None = None) -> str | None:
    """The member field a header cell means, or None (also the GUI's default column mapping)."""
    return MATCHER.field_for(text, mapping)


def _read(path: str | Path, sheet: str | None, mapping: dict | None, require_header: bool = True) -> Table:
    try:
        return read_table(path, lambda cells: MATCHER.score(cells, mapping), sheet, require_header=require_header)
    except RosterImportError:
        raise
    except TableError as exc:
        raise RosterImportError.wrap(exc) from exc


def read_rows(path: str | Path, sheet: str | None = None,
              mapping: dict[str, str | None] | None = None) -> tuple[str | None, list[Any]]:
    """(sheet name, or None for CSV; every row as a sequence of raw cell values)."""
    table = _read(path, sheet, mapping, require_header=False)
    return table.sheet, table.rows


def _issue(row: int, col: int, header: str, fld: str, code: str, raw: Any, why: str | None = None,
           tail: str | None = None) -> ImportIssue:
    why = why or WHY.get(code, "is not valid")
    if tail is None:
        tail = "" if "new code" in why or "is used" in why else "; left empty"
    shown = raw.date().isoformat() if isinstance(raw, datetime) else raw
    if isinstance(shown, str):
        shown = visible(shown[:40]) + f"… ({len(shown):,} characters)" if len(shown) > 60 else visible(shown)
    where = f"'{header}' ({column_letter(col)})" if header else f"{column_letter(col)}"
    return ImportIssue(row, header, fld, code, raw, f"Row {row}, column {where}: '{shown}' {why}{tail}.")



# -- matching people ----------------------------------------------------------------

class _People:
    """Index by external id and by (surname, first name) -> [(birth date, item)]."""

    def __init__(self, values_of: Callable[[Any], dict], folded: Callable[[Any], str]):
        self.values_of, self.fold = values_of, folded
        self.by_ext: dict[str, Any] = {}
        self.by_name: dict[tuple[str, str], list[tuple[str | None, Any]]] = {}

    def add(self, item: Any) -> None:
        v, fold = self.values_of(item), self.fold
        if v.get("external_id"):
            self.by_ext.setdefault(fold(v["external_id"]), item)
        self.by_name.setdefault((fold(v["surname"]), fold(v["first_name"])), []).append((v.get("birth_date"), item))

    def find(self, v: dict) -> Any:
        ext = self.fold(v["external_id"]) if v.get("external_id") else None
        if ext and ext in self.by_ext:
            return self.by_ext[ext]
        same_name = self.by_name.get((self.fold(v["surname"]), self.fold(v["first_name"])))
        if not same_name:
            return None
        born = v.get("birth_date")
        # A different external id means a different person, even with the same name.
        candidates = [(b, it) for b, it in same_name if not ext or not self.values_of(it).get("external_id")]
        if exact := [it for b, it in candidates if b == born]:
            return exact[0]
        # One side has no birth date: the same person only if that leaves a single candidate.
        loose = {id(it): it for b, it in candidates if not b or not born}
        return next(iter(loose.values())) if len(loose) == 1 else None


def _fingerprint(store: Store) -> tuple:
    return str(store.path), store.scalar(
        "SELECT coalesce(max(seq), 0) FROM changes WHERE tbl IN ('members', 'cohorts')")


# -- the plan -------------------------------------------------------------------------

def _check_mapping(mapping: dict[str, str | None]) -> None:
    for header, f in mapping.items():
        if f and f not in FIELDS:
            raise RosterImportError(f"'{f}' (for the column '{header}') is not a member field; fields: "
                                    f"{', '.join(FIELDS)}.", code="roster_unknown_field", field=f, header=header,
                                    fields=", ".join(FIELDS))


def plan_import(store: Store, path: str | Path, *, sheet: str | None = None,
                mapping: dict[str, str | None] | None = None) -> ImportPlan:
    """Read a roster and compare it with the store; writes nothing.

    `mapping` (header text or column letter -> field, or None to ignore a column) overrides
    the automatic header recognition, for the GUI's column mapping and the CLI's --map.
    """
    mapping = dict(mapping or {})
    _check_mapping(mapping)
    table = _read(path, sheet, mapping)
    rows, head = table.rows, table.header
    last = len(rows) - 1
    while last > head and not any(filled(c) for c in rows[last]) and last not in table.problems:
        last -= 1
    body = range(head + 1, last + 1)
    width = max((len(rows[i]) for i in range(head, last + 1)), default=0)
    has_data = {j for j in range(width) if any(j < len(rows[i]) and filled(rows[i][j]) for i in body)}
    cplan = MATCHER.plan(rows[head], has_data, width, mapping)
    colfields = cplan.fields
    headers = [c.header for c in cplan.columns]
    notes, note_codes = list(table.notes), list(table.note_codes)
    if head > 0 and any(filled(c) for r in rows[:head] for c in r):
        above = f"Row {table.numbers[0]}" if head == 1 else f"Rows {table.numbers[0]}–{table.numbers[head - 1]}"
        notes.append(f"{above} above the header {'was' if head == 1 else 'were'} not read (a title or notes).")
        note_codes.append(("title_rows", {"first": table.numbers[0], "last": table.numbers[head - 1]}))

    vocab = Vocabularies.load(store)
    cohort_ids = {k: c["id"] for c in store.select("cohorts") for k in (fold(c["name"]), c["id"])}
    new_cohorts: dict[str, str] = {}

    def cohort(raw: Any) -> str | None:
        name = text_of(raw)
        key = cohort_ids.get(fold(name)) or cohort_ids.get(name)
        if key is None:  # named for the first time: created with the import
            key = cohort_ids[fold(name)] = new_cohorts[name] = new_id()
        return key

    parsers: dict[str, Callable[[Any], Any]] = {
        "surname": name_of, "first_name": name_of, "badge_code": parse_badge, "cohort_id": memo(cohort),
        "email": memo(checked(EMAIL_RE, "invalid_email")), "phone": memo(checked(PHONE_RE, "invalid_phone")),
        "gender": memo(vocab_parser(vocab, "gender")), "education": memo(vocab_parser(vocab, "education")),
        "status": memo(vocab_parser(vocab, "status")), "language": memo(vocab_parser(vocab, "language")),
        "citizenship": memo(citizenship_parser(vocab)),
        "birth_date": memo(date_parser(birth=True)), "term_start": memo(date_parser(birth=False)),
        "term_end": memo(date_parser(birth=False)), "municipio": memo(parse_municipio),
        "consent_privacy": memo(parse_consent), "consent_photos": memo(parse_consent),
    }
    # field -> the columns that may hold it ("Telefono" and "Cellulare"): the first filled one wins.
    specs = [(f, idxs, parsers.get(f, text_of), limit_for(f), f in MULTILINE) for f in FIELDS
             if (idxs := [j for j, cf in colfields.items() if cf == f])]

    existing = {m["id"]: m for m in store.query(f"SELECT id, {', '.join(FIELDS)} FROM members WHERE deleted = 0")}
    folded = memo(fold)  # names repeat, and NFKD folding is the costliest step of matching
    in_store, in_file = _People(lambda m: m, folded), _People(lambda r: r.values, folded)
    for m in existing.values():
        in_store.add(m)
    by_member: dict[str, ImportRow] = {}
    entries: list[ImportRow] = []
    rejected: list[ImportIssue] = []
    merged: list[ImportIssue] = []
    formulas, problems, blank = table.formulas, table.problems, 0
    header_keys = [h.casefold() for h in headers]
    maybe_control = CONTROL_HINT.search  # one C-level scan before the precise check

    def header_again(cells: tuple) -> bool:
        return len(cells) >= 2 and all(isinstance(c, str) and j < len(header_keys) and c.strip().casefold() ==
                                       header_keys[j] for j, c in enumerate(cells) if filled(c)) and \
            colfields.keys() <= {j for j, c in enumerate(cells) if filled(c)}

    for i in body:
        cells, rownum = rows[i], table.numbers[i]
        structural = problems.get(i, ())
        if not structural and not any(filled(c) for c in cells) \
                and not (formulas and any((i, j) in formulas for j in colfields)):
            blank += 1
            continue
        if header_again(cells):  # two exports pasted one after the other
            rejected.append(ImportIssue(rownum, None, None, "repeated_header", None,
                                        f"Row {rownum} repeats the header row; it is not a person, not imported."))
            continue
        if refusal := next((p for p in structural if p.reject), None):
            rejected.append(ImportIssue(rownum, None, None, refusal.code, None, f"Row {rownum}: {refusal.message}."))
            continue
        issues = [ImportIssue(rownum, headers[p.column] if p.column is not None and p.column < len(headers) else None,
                              colfields.get(p.column), p.code, None, f"Row {rownum}: {p.message}.")
                  for p in structural]
        values: dict[str, Any] = {}
        sources: dict[str, tuple[int, int, Any]] = {}
        too_long: tuple[str, int, Any] | None = None
        n = len(cells)
        for f, idxs, parse, limit, multiline in specs:
            for col in idxs:
                if col < n and (raw := cells[col]) is not None and (raw.__class__ is not str or raw.strip()):
                    break
            else:
                for col in idxs:
                    if formulas and (i, col) in formulas:
                        issues.append(_issue(rownum, col, headers[col], f, "formula_without_value", formulas[(i, col)]))
                continue
            if formulas and (i, col) in formulas:
                issues.append(_issue(rownum, col, headers[col], f, "formula_cell", formulas[(i, col)],
                                     f"is a formula; its last calculated value '{raw}' was used", tail=""))
            if raw.__class__ is str:
                if maybe_control(raw) and has_control(raw, multiline=multiline):
                    issues.append(_issue(rownum, col, headers[col], f, "control_characters", raw,
                                         "contains invisible control characters (NUL, terminal escapes or "
                                         "text-direction overrides)", tail="; they were removed"))
                    raw = strip_control(raw, multiline=multiline)
                    if not raw.strip():
                        continue
                if raw.startswith("'") and raw[1:2].isascii() and raw[1:2].isdigit():  # not '², '٣
                    raw = raw[1:]  # Excel's "this is text" apostrophe, exported by a script as it is
                if len(raw) > limit and len(raw.strip()) > limit:
                    if f in REQUIRED:
                        too_long = (f, col, raw)
                        continue
                    issues.append(_issue(rownum, col, headers[col], f, "too_long", raw,
                                         f"is {len(raw.strip()):,} characters long, more than the {limit:,} allowed"))
                    continue
            value = Bad("formula_error") if raw.__class__ is str and raw in CELL_ERRORS else parse(raw)
            kind = value.__class__
            if kind is Bad:
                issues.append(_issue(rownum, col, headers[col], f, value.code, raw))
            elif kind is Noted:
                issues.append(_issue(rownum, col, headers[col], f, value.code, raw, value.why, tail=""))
                values[f], sources[f] = value.value, (rownum, col, raw)
            elif value is not None:
                values[f], sources[f] = value, (rownum, col, raw)
        if isinstance(values.get("citizenship"), tuple):
            values["citizenship"], country = values["citizenship"]
            if country and "country" not in values:
                values["country"], sources["country"] = country, sources["citizenship"]
        elif "country" in values and "citizenship" not in values:  # the country says whether Italian
            italian = fold(values["country"]) in ITALY or vocab.match("citizenship", values["country"]) == "italian"
            values["citizenship"], sources["citizenship"] = "italian" if italian else "foreign", sources["country"]

        if too_long is not None:
            f, col, raw = too_long
            rejected.append(ImportIssue(
                rownum, headers[col], f, "name_too_long", raw,
                f"Row {rownum}: the {f.replace('_', ' ')} in column {_where(headers, col)} is {len(raw.strip()):,} "
                f"characters long (at most {limit_for(f):,}); the row was not imported."))
            continue
        if missing := [f for f in REQUIRED if f not in values] or _totals(values):
            rejected.append(_missing(rownum, cells, headers, colfields, missing, issues))
            continue

        target, member = in_file.find(values), None
        if target is None and (member := in_store.find(values)) is not None:
            target = by_member.get(member["id"])
            # Two rows differing by birth date that both loosely match one member are two people.
            if target and values.get("birth_date") and target.values.get("birth_date") not in (
                    None, values["birth_date"]):
                target = member = None
        if target is not None:
            target.values.update(values)  # later non-empty values fill and override earlier ones
            target.sources.update(sources)
            target.warnings.extend(issues)
            merged.append(ImportIssue(
                rownum, None, None, "duplicate_in_file", target.row,
                f"Row {rownum} is the same person as row {target.row} ({values['surname']} "
                f"{values['first_name']}): merged into one member, the later row's values win."))
        else:
            target = ImportRow(rownum, values, "create", member["id"] if member else None, {}, issues, sources)
            entries.append(target)
            if member:
                by_member[member["id"]] = target
        in_file.add(target)

    _finish(store, vocab, entries, existing, headers)
    return ImportPlan(Path(path), table.sheet, table.numbers[head], {c.header: c.field for c in cplan.columns if c.field},
                      [c.header or f"column {c.letter}" for c in cplan.unmapped],
                      entries, rejected, merged, new_cohorts, _fingerprint(store), column_plan=cplan,
                      data_rows=len(body), blank=blank, notes=notes, mapping=mapping, note_codes=note_codes)


def _where(headers: list[str], col: int) -> str:
    return f"'{headers[col]}' ({column_letter(col)})" if headers[col] else column_letter(col)


def _totals(values: dict[str, Any]) -> list[str]:
    """["surname"] when the surname cell is "Totale" and the first name no name: a totals line."""
    first = values.get("first_name") or ""
    if _TOTALS.match(values["surname"]) and not re.search(r"[^\W\d_]", first):
        values.pop("surname")
        return ["surname"]
    return []


def _missing(rownum: int, cells: tuple, headers: list[str], colfields: dict[int, str], missing: list[str],
             issues: list[ImportIssue]) -> ImportIssue:
    col = next(j for j, cf in colfields.items() if cf == missing[0])
    what = " and ".join(f.replace("_", " ") for f in missing)
    if total := next((c for c in cells if isinstance(c, str) and _TOTALS.match(c)), None):
        return ImportIssue(rownum, headers[col], missing[0], "totals_row", total,
                           f"Row {rownum}: '{total.strip()}' looks like a totals row, not a person; not imported.")
    shown = next((f" (the cell holds a formula never calculated: {i.value})" if i.code == "formula_without_value"
                  else f" (the cell shows {visible(str(i.value))[:60]})" for i in issues if i.field in missing), "")
    return ImportIssue(rownum, headers[col], missing[0], "missing_name", None,
                       f"Row {rownum}: no {what}{shown}; the row was not imported.")


def _finish(store: Store, vocab: Vocabularies, entries: list[ImportRow], existing: dict[str, dict],
            headers: list[str]) -> None:
    """Cross-field checks, badges, and create/update/unchanged for each person."""
    ages = f"(aged {youngest_age(vocab)} to {OLDEST_AGE})"

    def drop(entry: ImportRow, f: str, code: str) -> None:
        row, col, raw = entry.sources[f]
        entry.values.pop(f, None)
        why = f"{WHY[code]} {ages}" if code == "implausible_birth_date" else None
        entry.warnings.append(_issue(row, col, headers[col], f, code, raw, why))

    taken = taken_badges(store)
    for entry in entries:
        # The core's own rules (plausible birth date, term order, ...), so imports and forms agree.
        for err in validate(entry.values, vocab, texts=False):  # texts: already cleaned and limited above
            if err.field in entry.values:
                drop(entry, err.field, err.code)
        badge = entry.values.get("badge_code")
        if badge and badge != (existing[entry.member_id]["badge_code"] if entry.member_id else None):
            if badge in taken:
                drop(entry, "badge_code", "duplicate_badge")
            else:
                taken.add(badge)
    for entry in entries:  # new codes only once every badge the file asks for is claimed
        if entry.member_id is None:
            entry.values.setdefault("status", "active")
            if "badge_code" not in entry.values:
                entry.values["badge_code"] = new_badge_code(taken)
        else:
            current = existing[entry.member_id]
            entry.changes = {f: (current[f], v) for f, v in entry.values.items() if current[f] != v}
            entry.action = "update" if entry.changes else "unchanged"


# -- applying ---------------------------------------------------------------------------

def apply_import(store: Store, plan: ImportPlan) -> ImportResult:
    """Write a plan in one transaction: all of it or, on any error, nothing."""
    if plan.applied:
        raise RosterImportError("This preview has already been imported; preview the file again.",
                                code="roster_already_imported")
    if plan.blocking:
        raise RosterImportError("Nothing was imported: " + "; ".join(plan.blocking) + ".",
                                code="roster_duplicate_headers",
                                columns=", ".join(c.label for c in plan.column_plan.duplicates))
    creates = [r for r in plan.rows if r.action == "create"]
    updates = [r for r in plan.rows if r.action == "update"]
    try:
        with store.transaction():
            # Checked under the write lock: what the user previewed is what gets written.
            if _fingerprint(store) != plan.fingerprint:
                raise RosterImportError("The members changed since the preview was made, so nothing was "
                                        "imported. Preview the file again.", code="roster_members_changed")
            if plan.new_cohorts:
                store.insert_many("cohorts", [{"name": n} for n in plan.new_cohorts],
                                  ids=list(plan.new_cohorts.values()))
            for r in creates:  # no or unknown language: Italian, the working language
                r.values["language"] = r.values.get("language") or DEFAULT_LANGUAGE
            new_ids = store.insert_many("members", [r.values for r in creates])  # the bulk path
            for r in updates:
                store.update("members", r.member_id, {f: new for f, (_, new) in r.changes.items()})
    except sqlite3.Error as exc:  # rolled back: say so in words the GUI and CLI can show
        raise RosterImportError(f"Could not write to the assembly file ({exc}), so nothing was imported.",
                                code="roster_not_written", reason=str(exc)) from exc
    plan.applied = True
    for r, member_id in zip(creates, new_ids):
        r.member_id = member_id
    return ImportResult(len(creates), len(updates), sum(r.action == "unchanged" for r in plan.rows),
                        len(plan.rejected), [r.member_id for r in plan.rows])
