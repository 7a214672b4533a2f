"""Roster import from the statistics office's spreadsheets (.xlsx or .csv).

Two steps, so the user sees everything before anything is written:
`plan_import` reads the file and compares it with the store (a dry run that
writes nothing); `apply_import` writes that plan in one transaction.

People are matched by external id, else by surname + first name + birth date
(folded), both inside the file (duplicates merge into one member) and against
the store (re-importing an updated file updates members instead of
duplicating them). A bad value never stops an import: it is left empty and
reported with its spreadsheet row and column.
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import Any, Callable

from facilitator_app.core.errors import CoreError
from facilitator_app.core.members.members import (
    DEFAULT_LANGUAGE,
    EMAIL_RE,
    FIELDS,
    PHONE_RE,
    is_valid_badge,
    new_badge_code,
    normalize_badge,
    taken_badges,
    validate,
)
from facilitator_app.core.members.vocab import MUNICIPI, Vocabularies
from facilitator_app.core.store.ids import new_id
from facilitator_app.core.store.store import Store
from facilitator_app.core.text import fold

HEADER_SEARCH_ROWS = 20

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
    "address": ["Indirizzo", "Indirizzo di residenza", "Residenza", "Indirizzo postale", "Address",
                "Postal address", "Home address"],
    "language": ["Lingua", "Lingua preferita", "Lingua per le comunicazioni", "Lingua di comunicazione",
                 "Madrelingua", "Language", "Preferred language", "Communication language", "Idioma", "Limba"],
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
}


class RosterImportError(CoreError):
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
    unmapped: list[str]
    rows: list[ImportRow]
    rejected: list[ImportIssue]
    merged: list[ImportIssue]
    new_cohorts: dict[str, str] = field(default_factory=dict)  # cohort name -> the id it will get
    fingerprint: tuple = field(default=(), repr=False)
    applied: bool = field(default=False, repr=False)

    @property
    def warnings(self) -> list[ImportIssue]:
        return sorted((w for r in self.rows for w in r.warnings), key=lambda w: w.row)

    @property
    def counts(self) -> dict[str, int]:
        c = {"create": 0, "update": 0, "unchanged": 0}
        for r in self.rows:
            c[r.action] += 1
        return {**c, "rejected": len(self.rejected), "warnings": sum(len(r.warnings) for r in self.rows),
                "merged": len(self.merged)}


@dataclass
class ImportResult:
    created: int
    updated: int
    unchanged: int
    rejected: int
    member_ids: list[str]  # every member in the file, in file order


# -- reading the file ----------------------------------------------------------

def read_rows(path: str | Path, sheet: str | None = None,
              mapping: dict[str, str | None] | None = None) -> tuple[str | None, list[Any]]:
    """(sheet name, or None for CSV; every row as a sequence of raw cell values)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise RosterImportError(f"There is no file at {path}.", code="roster_no_file", path=str(path)) from None
    except IsADirectoryError:
        raise RosterImportError(f"{path} is a folder, not a spreadsheet.", code="roster_is_a_folder",
                                path=str(path)) from None
    except OSError as exc:
        raise RosterImportError(f"Could not open {path}: {exc.strerror or exc}.", code="roster_cannot_open",
                                path=str(path), reason=exc.strerror or str(exc)) from exc
    if not data.strip():
        raise RosterImportError(f"'{path.name}' is empty.", code="roster_empty", file=path.name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE container: an encrypted .xlsx or a legacy .xls
        raise RosterImportError(
            f"'{path.name}' is password-protected or in the old Excel 97-2003 (.xls) format. "
            f"Open it in Excel, remove the password and save it as .xlsx (or .csv), then import it again.",
            code="roster_protected_or_xls", file=path.name)
    suffix = path.suffix.lower()
    if suffix == ".ods":
        raise RosterImportError(f"'{path.name}' is an OpenDocument spreadsheet; save it as .xlsx or .csv first.",
                                code="roster_ods", file=path.name)
    if data.startswith(b"PK\x03\x04") or suffix in (".xlsx", ".xlsm", ".xltx", ".xltm"):
        return _read_xlsx(path, sheet)
    return None, _read_csv(path, data, mapping)


def _read_xlsx(path: Path, sheet: str | None) -> tuple[str, list[tuple]]:
    import openpyxl

    damaged = f"Could not read '{path.name}' as an Excel workbook: the file is damaged or not really an .xlsx file."
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it ignores
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise RosterImportError(damaged, code="roster_damaged_xlsx", file=path.name) from exc
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise RosterImportError(f"'{path.name}' has no sheet named '{sheet}' "
                                    f"(sheets: {', '.join(wb.sheetnames)}).", code="roster_no_such_sheet",
                                    file=path.name, sheet=sheet, sheets=", ".join(wb.sheetnames))
        if not wb.worksheets:
            raise RosterImportError(f"'{path.name}' contains no worksheet.", code="roster_no_worksheet", file=path.name)
        ws = wb[sheet] if sheet is not None else wb.worksheets[0]
        try:
            return ws.title, _fast_rows(ws)
        except AttributeError:  # openpyxl's internals changed: its own, slower path
            ws.reset_dimensions()  # a wrong <dimension> would otherwise cut rows off
            return ws.title, list(ws.iter_rows(values_only=True))
    except RosterImportError:
        raise
    except Exception as exc:
        raise RosterImportError(damaged, code="roster_damaged_xlsx", file=path.name) from exc
    finally:
        wb.close()


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_C, _V, _T, _ROW = _NS + "c", _NS + "v", _NS + "t", _NS + "row"


def _fast_rows(ws: Any) -> list[tuple]:
    """Rows of values, as `ws.iter_rows(values_only=True)` gives them, five times faster.

    openpyxl's cell parser costs ~10 µs a cell (1-2 s for a 10,000-row roster), so
    the sheet XML is walked here with the C parser, reusing what openpyxl loaded
    (shared strings, date styles, epoch).
    """
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.datetime import from_excel

    strings, date_styles, epoch = ws._shared_strings, ws.parent._date_formats, ws.parent.epoch
    rows: list[tuple] = []
    cells: dict[int, Any] = {}
    col_of: dict[str, int] = {}
    col = 0
    with ws._get_source() as source:
        for _, el in iterparse(source):
            tag = el.tag
            if tag == _C:
                if ref := el.get("r"):
                    letters = ref.rstrip("0123456789")
                    col = col_of.get(letters) or col_of.setdefault(
                        letters, sum((ord(ch) - 64) * 26 ** i for i, ch in enumerate(reversed(letters))))
                else:
                    col += 1
                kind, value = el.get("t", "n"), None
                if kind == "inlineStr":
                    value = "".join(t.text or "" for t in el.iter(_T))
                elif v := el.findtext(_V):
                    if kind == "n":
                        value = float(v) if "." in v or "E" in v or "e" in v else int(v)
                        if int(el.get("s", 0)) in date_styles:
                            try:
                                value = from_excel(value, epoch)
                            except (OverflowError, ValueError):
                                pass  # left as a number: the date parser reports it
                    elif kind == "s":
                        value = strings[int(v)]
                    elif kind == "b":
                        value = bool(int(v))
                    else:  # "str" (a formula's text), "e" (an error such as #N/A), "d" (ISO date)
                        value = v
                cells[col] = value
            elif tag == _ROW:
                rows.extend(() for _ in range(int(el.get("r") or len(rows) + 1) - 1 - len(rows)))  # skipped rows
                rows.append(tuple(cells.get(j) for j in range(1, max(cells, default=0) + 1)))
                cells, col = {}, 0
                el.clear()  # keeps memory flat on big sheets
    return rows


def _read_csv(path: Path, data: bytes, mapping: dict | None) -> list[list[str]]:
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))  # Excel's "Unicode text"
    if b"\x00" in data[:4096] and not utf16:
        raise RosterImportError(f"'{path.name}' is not a spreadsheet or CSV file.", code="roster_not_a_table",
                                file=path.name)
    try:
        text = data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV" on Italian Windows
    first, _, rest = text.partition("\n")
    if hint := re.fullmatch(r"\s*sep=(.)\s*", first):  # Excel's "sep=;" first line
        text = rest

    def rows(d: str, limit: int | None = None) -> list[list[str]]:
        return list(islice(csv.reader(io.StringIO(text, newline=""), delimiter=d), limit))

    try:
        # The separator giving the best header row wins (counting characters is fooled
        # by title rows and commas in notes); failing that, the one giving most columns.
        delimiter = hint.group(1) if hint else max(";,\t", key=lambda d: (
            _find_header(head := rows(d, HEADER_SEARCH_ROWS), mapping, strict=False)[2], sum(map(len, head))))
        return rows(delimiter)
    except csv.Error as exc:
        raise RosterImportError(f"'{path.name}' is not a readable CSV file ({exc}).", code="roster_bad_csv",
                                file=path.name, reason=str(exc)) from exc


# -- header row -----------------------------------------------------------------

def _header_key(text: Any) -> str:
    return re.sub(r"[\W_]+", "", fold(text))


_SYNONYM_INDEX = {_header_key(s): f for f, syns in FIELD_SYNONYMS.items() for s in syns}
assert all(_SYNONYM_INDEX[_header_key(s)] == f for f, syns in FIELD_SYNONYMS.items() for s in syns), \
    "a header synonym maps to two fields"


def field_for_header(text: Any, mapping: dict[str, str | None] | None = None) -> str | None:
    """The member field a header cell means, or None (also the GUI's default column mapping)."""
    if text is None or not str(text).strip():
        return None
    key = _header_key(text)
    for header, f in (mapping or {}).items():
        if _header_key(header) == key:
            return f or None
    # "Data di nascita (gg/mm/aaaa)": also try without the explanation.
    return _SYNONYM_INDEX.get(key) or _SYNONYM_INDEX.get(_header_key(re.sub(r"\(.*?\)|\[.*?\]", "", str(text))))


def _find_header(rows: list, mapping: dict | None, strict: bool = True) -> tuple[int, dict[int, str], int]:
    """(row index, {column index: field}, score): the best-scoring early row naming surname and first name."""
    best: tuple[int, dict[int, str], int] = (-1, {}, 0)
    for i, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields = {j: f for j, c in enumerate(cells) if (f := field_for_header(c, mapping))}
        found = set(fields.values())
        if {"surname", "first_name"} <= found and len(found) > best[2]:
            best = (i, fields, len(found))
    if best[0] < 0 and strict:
        if not any(_filled(c) for r in rows for c in r):
            raise RosterImportError("The file contains no data.", code="roster_no_data")
        raise RosterImportError(
            f"No header row found in the first {HEADER_SEARCH_ROWS} rows: the roster needs columns for surname "
            f"and first name (for example 'Cognome' and 'Nome', or 'Surname' and 'First name').",
            code="roster_no_header", rows=HEADER_SEARCH_ROWS)
    return best


# -- values ---------------------------------------------------------------------

class _Bad:
    """An unusable value's issue code (returned, not raised, so that it can be cached)."""
    __slots__ = ("code",)

    def __init__(self, code: str):
        self.code = code


def _filled(c: Any) -> bool:
    return c is not None and (c.__class__ is not str or bool(c.strip()))


def _text(raw: Any) -> str | None:
    if raw.__class__ is str:
        return raw.strip() or None
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))  # ids and phone numbers typed into numeric cells
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat(" ")
    return str(raw).strip() or None


def _name(raw: Any) -> str | None:
    text = _text(raw)
    return " ".join(text.split()) if text else None


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
# "Municipio 3", "Mun. 3", "Zona 3", "Municipio n. 3", "Municipio IX", "Municipio 1 - Centro storico"
_MUNICIPIO_RE = re.compile(r"(?:(?:municipio|mun|zona|z|m|district|municipality) ?)?(?:(?:n|nr|numero) ?)?"
                           r"(\d{1,3}|[ivx]{1,4})(?: \D*)?")
_YMD_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DMY_RE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})")
_EXCEL_EPOCH = datetime(1899, 12, 30)  # serial 1 = 1900-01-01, after Lotus' 1900 leap-day bug
_YES = {"si", "s", "yes", "y", "x", "1", "true", "vero", "ok", "v"}
_NO = {"no", "n", "0", "false", "falso"}
_ITALY = {"italia", "italy", "italie", "italien"}
# What a cell shows when its formula failed, e.g. a name beginning with "=" that a spreadsheet evaluated.
_CELL_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"}
_UNKNOWN = {"nd", "na", "n a", "n d", "non disponibile", "sconosciuta", "sconosciuto", "unknown", "altro", "other"}


def _municipio(raw: Any) -> int | _Bad:
    if isinstance(raw, bool):
        return _Bad("invalid_municipio")
    if isinstance(raw, (int, float)):
        n = int(raw) if float(raw).is_integer() else None
    elif re.fullmatch(r"\s*\d+\.0*\s*", s := str(raw)):
        n = int(float(s))  # "3.0" from a CSV written by a script
    else:
        m = _MUNICIPIO_RE.fullmatch(" ".join(re.sub(r"[\W_]+", " ", fold(s)).split()))
        n = None if not m else int(m.group(1)) if m.group(1).isdigit() else _ROMAN.get(m.group(1))
    return n if n in MUNICIPI else _Bad("invalid_municipio")


def _date_parser(birth: bool) -> Callable[[Any], str | _Bad]:
    this_year = date.today().year % 100

    def serial(n: float) -> str | _Bad:
        # Below 10000 (1927) a number is more likely a year than a date.
        ok = 10000 <= n < 2958466
        return (_EXCEL_EPOCH + timedelta(days=int(n))).date().isoformat() if ok else _Bad("invalid_date")

    def parse(raw: Any) -> str | _Bad:
        if isinstance(raw, datetime):
            return raw.date().isoformat()
        if isinstance(raw, date):
            return raw.isoformat()
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return serial(raw)
        s = re.split(r"[T ]", str(raw).strip(), maxsplit=1)[0]  # drop a time ("1980-05-03 00:00:00")
        if m := _YMD_RE.fullmatch(s):
            y, mo, d = (int(g) for g in m.groups())
        elif m := _DMY_RE.fullmatch(s):  # Italian order: day first
            d, mo, y = (int(g) for g in m.groups())
            if len(m.group(3)) == 2:
                y += 1900 if birth and y > this_year else 2000
        elif re.fullmatch(r"\d{5}(?:\.\d+)?", s):
            return serial(float(s))
        else:
            return _Bad("invalid_date")
        try:
            return date(y, mo, d).isoformat()
        except ValueError:
            return _Bad("invalid_date")

    return parse


def _consent(raw: Any) -> int | _Bad:
    if isinstance(raw, (bool, int, float)):
        return int(raw) if raw in (0, 1) else _Bad("invalid_consent")
    s = re.sub(r"[\W_]+", " ", fold(raw)).strip()
    return 1 if s in _YES else 0 if s in _NO else _Bad("invalid_consent")


def _checked(check: re.Pattern, code: str) -> Callable[[Any], str | _Bad]:
    return lambda raw: text if (text := _text(raw)) is None or check.match(text) else _Bad(code)


def _badge(raw: Any) -> str | _Bad:
    code = normalize_badge(_text(raw) or "")
    return code if is_valid_badge(code) else _Bad("invalid_badge")


def _vocab_parser(vocab: Vocabularies, kind: str) -> Callable[[Any], str | _Bad]:
    def parse(raw: Any) -> str | _Bad:
        text = _text(raw) or ""
        # "M.", "Italiano/a": also try without punctuation and gender endings.
        for candidate in (text, re.sub(r"\s*[/(]\s*[ae]\s*\)?$", "", text), re.sub(r"[^\w\s]+", " ", text)):
            if key := vocab.match(kind, candidate):
                return key
        return _Bad(f"unknown_{kind}")
    return parse


def _citizenship_parser(vocab: Vocabularies) -> Callable[[Any], tuple[str, str | None] | _Bad]:
    """-> (citizenship key, country or None): "Egitto" means a foreign citizen of Egypt."""
    match = _vocab_parser(vocab, "citizenship")

    def parse(raw: Any) -> tuple[str, str | None] | _Bad:
        key = match(raw)
        if not isinstance(key, _Bad):
            return key, None
        text = _text(raw) or ""
        folded = fold(re.sub(r"[^\w\s]+", " ", text))
        if folded in _ITALY:
            return "italian", text
        if folded in _UNKNOWN or not re.fullmatch(r"[^\W\d_][^\d]*", text):
            return key
        return "foreign", text
    return parse


def _memo(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Rosters repeat the same few values (genders, municipi, names) thousands of times."""
    cache: dict[tuple, Any] = {}

    def parse(raw: Any) -> Any:
        key = (raw.__class__, raw)  # 1, 1.0 and True are equal keys but not equal values here
        try:
            return cache[key]
        except KeyError:
            value = cache[key] = fn(raw)
            return value
    return parse


_WHY = {
    "invalid_date": "is not a valid date", "invalid_email": "is not a valid e-mail address",
    "invalid_phone": "is not a valid phone number", "invalid_municipio": "is not one of Milan's municipi (1 to 9)",
    "invalid_consent": "is not a yes/no answer", "term_end_before_start": "is before the start of the term",
    "invalid_badge": "is not a valid badge code; a new code will be given",
    "duplicate_badge": "is already another member's badge; a new code will be given",
    "unknown_gender": "is not a known gender", "unknown_education": "is not a known education level",
    "unknown_citizenship": "is not a known citizenship or country", "unknown_status": "is not a known status",
    "unknown_language": "is not one of the assembly's languages (Settings); Italian is used",
    "formula_error": "is a spreadsheet error, not a value (text beginning with '=' is taken for a formula)",
}


def _issue(row: int, col: int, header: str, fld: str, code: str, raw: Any, why: str | None = None) -> ImportIssue:
    from openpyxl.utils import get_column_letter

    why = why or _WHY.get(code, "is not valid")
    tail = "" if "new code" in why or "is used" in why else "; left empty"
    shown = raw.date().isoformat() if isinstance(raw, datetime) else raw
    return ImportIssue(row, header, fld, code, raw,
                       f"Row {row}, column '{header}' ({get_column_letter(col + 1)}): '{shown}' {why}{tail}.")


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

def plan_import(store: Store, path: str | Path, *, sheet: str | None = None,
                mapping: dict[str, str | None] | None = None) -> ImportPlan:
    """Read a roster and compare it with the store; writes nothing.

    `mapping` (header text -> field, or None to ignore a column) overrides the
    automatic header recognition, for the GUI's column-mapping step.
    """
    sheet_name, rows = read_rows(path, sheet, mapping)
    head, colfields, _ = _find_header(rows, mapping)
    headers = ["" if c is None else str(c).strip() for c in rows[head]]
    vocab = Vocabularies.load(store)
    cohort_ids = {k: c["id"] for c in store.select("cohorts") for k in (fold(c["name"]), c["id"])}
    new_cohorts: dict[str, str] = {}

    def cohort(raw: Any) -> str | None:
        name = _text(raw)
        key = cohort_ids.get(fold(name)) or cohort_ids.get(name)
        if key is None:  # named for the first time: created with the import
            key = cohort_ids[fold(name)] = new_cohorts[name] = new_id()
        return key

    parsers: dict[str, Callable[[Any], Any]] = {
        "surname": _name, "first_name": _name, "badge_code": _badge, "cohort_id": _memo(cohort),
        "email": _memo(_checked(EMAIL_RE, "invalid_email")), "phone": _memo(_checked(PHONE_RE, "invalid_phone")),
        "gender": _memo(_vocab_parser(vocab, "gender")), "education": _memo(_vocab_parser(vocab, "education")),
        "status": _memo(_vocab_parser(vocab, "status")), "language": _memo(_vocab_parser(vocab, "language")),
        "citizenship": _memo(_citizenship_parser(vocab)),
        "birth_date": _memo(_date_parser(birth=True)), "term_start": _memo(_date_parser(birth=False)),
        "term_end": _memo(_date_parser(birth=False)), "municipio": _memo(_municipio),
        "consent_privacy": _memo(_consent), "consent_photos": _memo(_consent),
    }
    # field -> the columns that may hold it ("Telefono" and "Cellulare"): the first filled one wins.
    specs = [(f, idxs, parsers.get(f, _text)) for f in FIELDS
             if (idxs := [j for j, cf in colfields.items() if cf == f])]

    existing = {m["id"]: m for m in store.query(f"SELECT id, {', '.join(FIELDS)} FROM members WHERE deleted = 0")}
    folded = _memo(fold)  # names repeat, and NFKD folding is the costliest step of matching
    in_store, in_file = _People(lambda m: m, folded), _People(lambda r: r.values, folded)
    for m in existing.values():
        in_store.add(m)
    by_member: dict[str, ImportRow] = {}
    entries: list[ImportRow] = []
    rejected: list[ImportIssue] = []
    merged: list[ImportIssue] = []

    for rownum, cells in enumerate(rows[head + 1:], start=head + 2):
        if not any(_filled(c) for c in cells):
            continue
        values: dict[str, Any] = {}
        sources: dict[str, tuple[int, int, Any]] = {}
        issues: list[ImportIssue] = []
        n = len(cells)
        for f, idxs, parse in specs:
            for col in idxs:
                if col < n and (raw := cells[col]) is not None and (raw.__class__ is not str or raw.strip()):
                    break
            else:
                continue
            value = _Bad("formula_error") if raw in _CELL_ERRORS else parse(raw)
            if value.__class__ is _Bad:
                issues.append(_issue(rownum, col, headers[col], f, value.code, raw))
            elif value is not None:
                values[f], sources[f] = value, (rownum, col, raw)
        if isinstance(values.get("citizenship"), tuple):
            values["citizenship"], country = values["citizenship"]
            if country and "country" not in values:
                values["country"], sources["country"] = country, sources["citizenship"]
        elif "country" in values and "citizenship" not in values:  # the country says whether Italian
            italian = fold(values["country"]) in _ITALY or vocab.match("citizenship", values["country"]) == "italian"
            values["citizenship"], sources["citizenship"] = "italian" if italian else "foreign", sources["country"]

        if missing := [f for f in ("surname", "first_name") if f not in values]:
            col = next(j for j, cf in colfields.items() if cf == missing[0])
            what = " and ".join(f.replace("_", " ") for f in missing)
            shown = next((f" (the cell shows {i.value})" for i in issues if i.field in missing), "")
            rejected.append(ImportIssue(rownum, headers[col], missing[0], "missing_name", None,
                                        f"Row {rownum}: no {what}{shown}; the row was not imported."))
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
    return ImportPlan(Path(path), sheet_name, head + 1, {headers[j]: f for j, f in colfields.items()},
                      [h for j, h in enumerate(headers) if h and j not in colfields],
                      entries, rejected, merged, new_cohorts, _fingerprint(store))


def _finish(store: Store, vocab: Vocabularies, entries: list[ImportRow], existing: dict[str, dict],
            headers: list[str]) -> None:
    """Cross-field checks, badges, and create/update/unchanged for each person."""
    def drop(entry: ImportRow, f: str, code: str) -> None:
        row, col, raw = entry.sources[f]
        entry.values.pop(f, None)
        why = "is not a plausible birth date" if f == "birth_date" and code == "invalid_date" else None
        entry.warnings.append(_issue(row, col, headers[col], f, code, raw, why))

    taken = taken_badges(store)
    for entry in entries:
        # The core's own rules (plausible birth date, term order, ...), so imports and forms agree.
        for err in validate(entry.values, vocab):
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
