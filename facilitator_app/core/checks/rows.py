"""Rows from outside (an exchange package's changes) checked like user input, before anything is written.

Each change carries some fields of one row of a synced table. Every field is checked against the
table's columns (type, NOT NULL, ISO dates and times, length, no control characters in short
texts), and member fields also through `core.members.validate` (the member form's and the
roster importer's own rules: vocabularies, municipi, plausible birth date, e-mail, badge, ...),
with the vocabularies the package itself brings when it changes them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Iterable

from facilitator_app.core.checks.text import CONTROL_HINT, LONG_TEXT_LIMIT, has_control, limit_for
from facilitator_app.core.members.members import FIELDS as MEMBER_FIELDS
from facilitator_app.core.members.members import validate
from facilitator_app.core.members.vocab import SETTING_KEY, Vocabularies

ID_LIMIT = 200
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
# Short texts that hold a name or a code: one line, no control characters.
_ONE_LINE = {"name", "title", "code", "key", "color", "status", "role", "venue", "facilitator", "label"}


@dataclass
class RowProblem:
    table: str
    row: str
    field: str
    value: Any
    reason: str           # English, completes "... which {reason}"

    def __str__(self) -> str:
        shown = repr(self.value)
        if len(shown) > 80:
            shown = shown[:60] + f"… ({len(str(self.value)):,} characters)"
        return f"the {self.table} row {self.row[:12]} has {self.field} = {shown}, which {self.reason}"


@dataclass
class _Column:
    kind: str             # "INTEGER", "REAL", "TEXT", "BLOB" or ""
    required: bool
    name: str = ""
    shape: str = ""       # TEXT only: "moment", "date" or "" (free text)
    limit: int = LONG_TEXT_LIMIT
    one_line: bool = False


def _column(row: tuple) -> _Column:
    name, kind = row[1], (row[2] or "").upper()
    shape = ""
    if name.endswith("_at"):
        shape = "moment"
    elif name == "date" or name.endswith("_date") or name in ("term_start", "term_end"):
        shape = "date"
    is_id = name == "id" or name.endswith("_id")
    return _Column(kind, bool(row[3]), name, shape, ID_LIMIT if is_id else LONG_TEXT_LIMIT,
                   name in _ONE_LINE or is_id)


def _columns(conn: Any, tables: Iterable[str]) -> dict[str, dict[str, _Column]]:
    return {t: {c[1]: _column(c) for c in conn.execute(f"PRAGMA table_info([{t}])")} for t in tables}


def _package_vocab(store: Any, changes: list[Any]) -> Vocabularies:
    vocab = Vocabularies.load(store)
    for c in changes:  # the package's own vocabularies, if it brings new ones (its last version wins)
        if c.tbl == "settings" and c.row == SETTING_KEY and isinstance(c.data.get("value"), str):
            try:
                stored = json.loads(c.data["value"])
            except ValueError:
                continue
            if isinstance(stored, dict):
                vocab.data.update({k: v for k, v in stored.items() if k in vocab.data and isinstance(v, list)})
    return vocab


def _type_problem(col: _Column, value: Any) -> str | None:
    """Why `value` can't be stored in `col`, or None. Ordered so the common case (a short text, a
    number) costs a few comparisons: packages carry tens of thousands of fields."""
    cls = value.__class__
    kind = col.kind
    if cls is str:
        if kind == "TEXT":
            if value:
                shape = col.shape
                if shape == "moment":
                    if not _TIME.fullmatch(value):  # a session's "09:30", or a moment
                        try:
                            datetime.fromisoformat(value.replace("Z", "+00:00"))
                        except ValueError:
                            return "is not a date and time"
                elif shape == "date":
                    try:
                        date.fromisoformat(value)
                    except ValueError:
                        return "is not a date (YYYY-MM-DD)"
                if len(value) > col.limit:
                    return f"is longer than {col.limit:,} characters"
                if CONTROL_HINT.search(value) and has_control(value, multiline=not col.one_line):
                    return "contains control characters"
            return None
        if kind in ("INTEGER", "REAL"):
            return "is not a whole number" if kind == "INTEGER" else "is not a number"
        return None if kind == "" else "is not a plain value"
    if value is None:
        return "is required" if col.required else None
    if cls is int or cls is bool:
        if kind == "TEXT":
            return "is not a text"
        if col.name == "deleted" and value not in (0, 1):
            return "is not 0 or 1"
        return None
    if cls is float:
        if kind == "INTEGER":
            return "is not a whole number"
        return "is not a text" if kind == "TEXT" else None
    if cls is dict and kind == "BLOB" and isinstance(value.get("$b64"), str) and len(value) == 1:
        return None
    return "is not a plain value"


def check_changes(store: Any, changes: list[Any], seen: set | None = None) -> RowProblem | None:
    """The first invalid field among `changes` (objects with tbl, row, data), or None if all are valid.

    `seen`: keys of changes already checked (packages of one collect share most of their changes);
    the keys checked here are added to it when all are valid.
    """
    if seen:
        changes = [c for c in changes if c.key not in seen]
    tables = {c.tbl for c in changes}
    columns = _columns(store.conn, tables)
    vocab = _package_vocab(store, changes) if "members" in tables else None
    erased = _erased_members(store, changes) if "members" in tables else set()
    for c in changes:
        cols = columns.get(c.tbl) or {}
        for name, value in c.data.items():
            col = cols.get(name)
            if col is None:
                continue  # an unknown field: the merge says the package is from a newer version
            if why := _type_problem(col, value):
                return RowProblem(c.tbl, c.row, name, value, why)
        if c.tbl == "members" and c.row not in erased:  # an erased member's row is anonymised on purpose
            fields = {k: v for k, v in c.data.items() if k in MEMBER_FIELDS}
            for err in validate(fields, vocab):
                return RowProblem(c.tbl, c.row, err.field, fields.get(err.field), _member_reason(err.code, err.field))
    if seen is not None:
        seen.update(c.key for c in changes)
    return None


def _erased_members(store: Any, changes: list[Any]) -> set[str]:
    """Members erased here or by the package itself (their rows carry the anonymous values)."""
    ids = {c.data.get("member_id") for c in changes if c.tbl == "erasures" and c.data.get("member_id")}
    try:
        ids |= {r[0] for r in store.conn.execute("SELECT member_id FROM erasures")}
    except Exception:  # a file without the erasures table (older schema): nothing erased there
        pass
    return ids


def _member_reason(code: str, field: str) -> str:
    return {
        "required": "is required", "invalid_email": "is not an e-mail address",
        "invalid_phone": "is not a phone number", "invalid_municipio": "is not one of Milan's municipi (1 to 9)",
        "invalid_date": "is not a date", "implausible_birth_date": "is not a plausible birth date for a member",
        "term_end_before_start": "is before the start of the term", "invalid_badge": "is not a badge code",
        "too_long": f"is longer than {limit_for(field):,} characters",
        "control_characters": "contains control characters",
    }.get(code, f"is not a known value ({code})" if code.startswith("invalid_") else code)

