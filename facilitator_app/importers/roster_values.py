"""Cell values of a roster: parsers per member field, and the words of each problem.

A parser takes a raw cell (str, int, float, datetime, bool) and returns the member value, a `Bad`
(left empty and reported) or a `Noted` (kept, and said: a number read as an Excel date, a
two-digit year). Parsers are cached per distinct raw value (`memo`): rosters repeat the same
few values thousands of times.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any, Callable

from facilitator_app.core.members.members import is_valid_badge, normalize_badge
from facilitator_app.core.members.vocab import MUNICIPI, Vocabularies
from facilitator_app.core.text import fold


class Bad:
    """An unusable value's issue code (returned, not raised, so that it can be cached)."""
    __slots__ = ("code",)

    def __init__(self, code: str):
        self.code = code


class Noted:
    """A value kept, with a notice: how it was read is worth saying."""
    __slots__ = ("value", "code", "why")

    def __init__(self, value: Any, code: str, why: str):
        self.value, self.code, self.why = value, code, why


def text_of(raw: Any) -> str | None:
    if raw.__class__ is str:
        return raw.strip() or None
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))  # ids and phone numbers typed into numeric cells
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat(" ")
    return str(raw).strip() or None


_LETTER = re.compile(r"[^\W\d_]")


def name_of(raw: Any) -> str | Bad | None:
    """A name on one line; a cell without a single letter ("3", "-", "12/05") is no name."""
    text = text_of(raw)
    if not text:
        return None
    return " ".join(text.split()) if _LETTER.search(text) else Bad("not_a_name")


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
# "Municipio 3", "Mun. 3", "Zona 3", "Municipio n. 3", "Municipio IX", "Municipio 1 - Centro storico"
_MUNICIPIO_RE = re.compile(r"(?:(?:municipio|mun|zona|z|m|district|municipality) ?)?(?:(?:n|nr|numero) ?)?"
                           r"(\d{1,3}|[ivx]{1,4})(?: \D*)?")
_YMD_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DMY_RE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})")
_EXCEL_EPOCH = datetime(1899, 12, 30)  # serial 1 = 1900-01-01, after Lotus' 1900 leap-day bug
_YES = {"si", "s", "yes", "y", "x", "1", "true", "vero", "ok", "v"}
_NO = {"no", "n", "0", "false", "falso"}
ITALY = {"italia", "italy", "italie", "italien"}
# What a cell shows when its formula failed, e.g. a name beginning with "=" that a spreadsheet evaluated.
CELL_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"}
_UNKNOWN = {"nd", "na", "n a", "n d", "non disponibile", "sconosciuta", "sconosciuto", "unknown", "altro", "other"}


def parse_municipio(raw: Any) -> int | Bad:
    if isinstance(raw, bool):
        return Bad("invalid_municipio")
    if isinstance(raw, (int, float)):
        n = int(raw) if float(raw).is_integer() else None
    elif re.fullmatch(r"\s*\d+\.0*\s*", s := str(raw)):
        n = int(float(s))  # "3.0" from a CSV written by a script
    else:
        m = _MUNICIPIO_RE.fullmatch(" ".join(re.sub(r"[\W_]+", " ", fold(s)).split()))
        n = None if not m else int(m.group(1)) if m.group(1).isdecimal() else _ROMAN.get(m.group(1))
    return n if n in MUNICIPI else Bad("invalid_municipio")


def date_parser(birth: bool) -> Callable[[Any], str | Bad | Noted]:
    this_year = date.today().year % 100

    def serial(n: float, raw: Any) -> Noted | Bad:
        # Below 10000 (1927) a number is more likely a year than a date.
        if not 10000 <= n < 2958466:
            return Bad("invalid_date")
        iso = (_EXCEL_EPOCH + timedelta(days=int(n))).date().isoformat()
        return Noted(iso, "date_from_number", f"is a number, read as the Excel date {iso}")

    def parse(raw: Any) -> str | Bad | Noted:
        if isinstance(raw, datetime):
            return raw.date().isoformat()
        if isinstance(raw, date):
            return raw.isoformat()
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return serial(raw, raw)
        s = re.split(r"[T ]", str(raw).strip(), maxsplit=1)[0]  # drop a time ("1980-05-03 00:00:00")
        two_digits = False
        if m := _YMD_RE.fullmatch(s):
            y, mo, d = (int(g) for g in m.groups())
        elif m := _DMY_RE.fullmatch(s):  # Italian order: day first
            d, mo, y = (int(g) for g in m.groups())
            if len(m.group(3)) == 2:
                y += 1900 if birth and y > this_year else 2000
                two_digits = True
        elif re.fullmatch(r"\d{5}(?:\.\d+)?", s):
            return serial(float(s), raw)
        else:
            return Bad("invalid_date")
        try:
            iso = date(y, mo, d).isoformat()
        except ValueError:
            return Bad("invalid_date")
        if two_digits:
            return Noted(iso, "two_digit_year", f"has a two-digit year, read as {y}")
        return iso

    return parse


def parse_consent(raw: Any) -> int | Bad:
    if isinstance(raw, (bool, int, float)):
        return int(raw) if raw in (0, 1) else Bad("invalid_consent")
    s = re.sub(r"[\W_]+", " ", fold(raw)).strip()
    return 1 if s in _YES else 0 if s in _NO else Bad("invalid_consent")


def checked(check: re.Pattern, code: str) -> Callable[[Any], str | Bad]:
    return lambda raw: text if (text := text_of(raw)) is None or check.match(text) else Bad(code)


def parse_badge(raw: Any) -> str | Bad:
    code = normalize_badge(text_of(raw) or "")
    return code if is_valid_badge(code) else Bad("invalid_badge")


def vocab_parser(vocab: Vocabularies, kind: str) -> Callable[[Any], str | Bad]:
    def parse(raw: Any) -> str | Bad:
        text = text_of(raw) or ""
        # "M.", "Italiano/a": also try without punctuation and gender endings.
        for candidate in (text, re.sub(r"\s*[/(]\s*[ae]\s*\)?$", "", text), re.sub(r"[^\w\s]+", " ", text)):
            if key := vocab.match(kind, candidate):
                return key
        return Bad(f"unknown_{kind}")
    return parse


def citizenship_parser(vocab: Vocabularies) -> Callable[[Any], tuple[str, str | None] | Bad]:
    """-> (citizenship key, country or None): "Egitto" means a foreign citizen of Egypt."""
    match = vocab_parser(vocab, "citizenship")

    def parse(raw: Any) -> tuple[str, str | None] | Bad:
        key = match(raw)
        if not isinstance(key, Bad):
            return key, None
        text = text_of(raw) or ""
        folded = fold(re.sub(r"[^\w\s]+", " ", text))
        if folded in ITALY:
            return "italian", text
        if folded in _UNKNOWN or not re.fullmatch(r"[^\W\d_][^\d]*", text):
            return key
        return "foreign", text
    return parse


def memo(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
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




WHY = {
    "invalid_date": "is not a valid date", "invalid_email": "is not a valid e-mail address",
    "invalid_phone": "is not a valid phone number", "invalid_municipio": "is not one of Milan's municipi (1 to 9)",
    "invalid_consent": "is not a yes/no answer", "term_end_before_start": "is before the start of the term",
    "invalid_badge": "is not a valid badge code; a new code will be given",
    "duplicate_badge": "is already another member's badge; a new code will be given",
    "unknown_gender": "is not a known gender", "unknown_education": "is not a known education level",
    "unknown_citizenship": "is not a known citizenship or country", "unknown_status": "is not a known status",
    "unknown_language": "is not one of the assembly's languages (Settings); Italian is used",
    "formula_error": "is a spreadsheet error, not a value (text beginning with '=' is taken for a formula)",
    "implausible_birth_date": "is not a plausible birth date for a member of the assembly",
    "too_long": "is too long",
    "not_a_name": "is not a name (it has no letters)",
    "formula_without_value": "is a formula that was never calculated (the file was not saved by a spreadsheet "
                             "program, so it has no value)",
}
