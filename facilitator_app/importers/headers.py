"""Which column holds which field: header recognition and the user's mapping, for any import.

Generic (the roster and the selection pool use it with their own synonyms). A header is compared
by a key that ignores case, accents, punctuation, underscores, dots and camelCase, drops small
words ("di", "of") and expands common Italian and English abbreviations ("DT_NASC" = "Data
nascita", "COD_STAT" = "Codice statistico", "LNAME" = "Last name"). The user's mapping
(header text or column letter -> field, or None to ignore) wins over recognition. Every column
ends up in exactly one state: recognised, mapped, ignored, unmapped or duplicate (same header
twice: it needs a mapping by column letter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from facilitator_app.core.text import fold

ABBREVIATIONS = {
    # Italian
    "cogn": "cognome", "cog": "cognome", "nom": "nome", "dt": "data", "d": "data", "nasc": "nascita",
    "nas": "nascita", "nascit": "nascita", "tit": "titolo", "stud": "studio", "istr": "istruzione",
    "citt": "cittadinanza", "cittad": "cittadinanza", "cittadin": "cittadinanza", "naz": "nazionalita",
    "nazion": "nazionalita", "mun": "municipio", "munic": "municipio", "tel": "telefono", "cell": "cellulare",
    "cod": "codice", "stat": "statistico", "anag": "anagrafe", "anagr": "anagrafe", "matr": "matricola",
    "num": "numero", "nr": "numero", "ini": "inizio", "fin": "fine", "mand": "mandato", "coort": "coorte",
    "cons": "consenso", "consens": "consenso", "priv": "privacy", "access": "accessibilita",
    "alim": "alimentari", "oss": "osservazioni", "gen": "genere", "paes": "paese", "ident": "identificativo",
    # English
    "fname": "firstname", "lname": "lastname", "sname": "surname", "dob": "dateofbirth", "edu": "education",
    "educ": "education", "lvl": "level", "nat": "nationality", "ctry": "country", "cntry": "country",
    "dist": "district", "addr": "address", "ph": "phone", "mob": "mobile", "ext": "external",
    "bdate": "birthdate", "dt_birth": "birthdate",
}
SMALL_WORDS = {"di", "del", "della", "dei", "il", "lo", "la", "of", "the", "a", "n", "no"}


def header_key(text: Any) -> str:
    """The form two headers meaning the same field share."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(text))  # camelCase
    tokens = re.findall(r"[a-z0-9]+", fold(text))
    return "".join(ABBREVIATIONS.get(t, t) for t in tokens if t not in SMALL_WORDS or len(tokens) == 1)


def column_letter(index: int) -> str:
    letters = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


@dataclass
class Column:
    index: int
    letter: str
    header: str                 # as in the file ("" when the header cell is empty)
    field: str | None           # the field its values go to, or None
    state: str                  # "recognised" | "mapped" | "ignored" | "unmapped" | "duplicate"
    has_data: bool = True

    @property
    def label(self) -> str:
        return f"'{self.header}' ({self.letter})" if self.header else f"column {self.letter} (no header)"


@dataclass
class ColumnPlan:
    columns: list[Column] = field(default_factory=list)

    @property
    def fields(self) -> dict[int, str]:
        return {c.index: c.field for c in self.columns if c.field}

    @property
    def unmapped(self) -> list[Column]:
        return [c for c in self.columns if c.state == "unmapped" and (c.header or c.has_data)]

    @property
    def ignored(self) -> list[Column]:
        return [c for c in self.columns if c.state == "ignored"]

    @property
    def duplicates(self) -> list[Column]:
        return [c for c in self.columns if c.state == "duplicate"]


class HeaderMatcher:
    """Synonyms of each field -> which field a header names, and how a row scores as a header."""

    def __init__(self, synonyms: dict[str, list[str]], required: tuple[str, ...]):
        self.synonyms, self.required = synonyms, required
        self.index: dict[str, str] = {}
        for f, syns in synonyms.items():
            for s in [f, *syns]:
                key = header_key(s)
                if self.index.setdefault(key, f) != f:
                    raise ValueError(f"header synonym {s!r} means both {self.index[key]} and {f}")
        self._cache: dict[str, str | None] = {}

    def recognise(self, text: Any) -> str | None:
        """The field a header names by itself (no mapping), or None."""
        if text is None or not str(text).strip():
            return None
        s = str(text)
        if s in self._cache:
            return self._cache[s]
        # "Data di nascita (gg/mm/aaaa)": also try without the explanation.
        found = self.index.get(header_key(s)) or self.index.get(header_key(re.sub(r"\(.*?\)|\[.*?\]", "", s)))
        self._cache[s] = found
        return found

    def field_for(self, text: Any, mapping: dict[str, str | None] | None = None) -> str | None:
        if mapping and text is not None and str(text).strip():
            key = header_key(text)
            for header, f in mapping.items():
                if header == str(text).strip() or header_key(header) == key:
                    return f or None
        return self.recognise(text)

    def score(self, cells: tuple, mapping: dict[str, str | None] | None = None) -> int:
        """0 unless the row names every required field; else how many fields it names."""
        found = {f for c in cells if (f := self.field_for(c, mapping))}
        return len(found) if set(self.required) <= found else 0

    def plan(self, header_cells: tuple, has_data: set[int], width: int,
             mapping: dict[str, str | None] | None = None) -> ColumnPlan:
        """Every column's state. `has_data`: indexes of columns with a value below the header."""
        mapping = {str(k).strip(): v for k, v in (mapping or {}).items()}
        by_key = {header_key(k): v for k, v in mapping.items()}
        headers = ["" if c is None else str(c).strip() for c in header_cells]
        headers += [""] * (width - len(headers))
        keys = [header_key(h) if h else "" for h in headers]
        counts: dict[str, int] = {}
        for k in keys:
            if k:
                counts[k] = counts.get(k, 0) + 1
        plan = ColumnPlan()
        for j, h in enumerate(headers):
            letter = column_letter(j)
            text_mapped = h in mapping or (keys[j] and keys[j] in by_key)
            if letter in mapping and not (h and h == letter):
                f, state = mapping[letter] or None, "mapped"
            elif text_mapped:
                f = (mapping[h] if h in mapping else by_key[keys[j]]) or None
                state = "mapped"
            else:
                f, state = self.recognise(h), "recognised"
            if f is None:
                state = "ignored" if state == "mapped" else "unmapped"
            elif counts.get(keys[j], 0) > 1 and letter not in mapping:
                f, state = None, "duplicate"  # the same header twice: which one is meant is not ours to guess
            plan.columns.append(Column(j, letter, h, f, state, j in has_data))
        return plan
