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

from facilitator_app.core.checks.text import LONG_TEXT_LIMIT, has_control, limit_for
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


def _columns(conn: Any, tables: Iterable[str]) -> dict[str, dict[str, _Column]]:
    return {t: {c[1]: _Column((c[2] or "").upper(), bool(c[3])) for c in conn.execute(f"PRAGMA table_info([{t}])")}
            for t in tables}


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


def _type_problem(col: _Column, name: str, value: Any) -> str | None:
    kind = col.kind
    if value is None:
        return "is required" if col.required else None
    if isinstance(value, dict):
        if kind == "BLOB" and isinstance(value.get("$b64"), str) and len(value) == 1:
            return None
        return "is not a plain value"
    if isinstance(value, list):
        return "is not a plain value"
    if kind == "INTEGER" and (not isinstance(value, int) or name == "deleted" and value not in (0, 1)):
        return "is not a whole number" if name != "deleted" else "is not 0 or 1"
    if kind == "REAL" and (not isinstance(value, (int, float)) or isinstance(value, bool)):
        return "is not a number"
    if kind == "TEXT":
        if not isinstance(value, str):
            return "is not a text"
        if name.endswith("_at") and value:
            if not _TIME.fullmatch(value):  # a session's "09:30", or a moment
                try:
                    datetime.fromisoformat(value.replace("Z", "+00:00"))
                except ValueError:
                    return "is not a date and time"
        elif (name == "date" or name.endswith("_date") or name in ("term_start", "term_end")) and value:
            try:
                date.fromisoformat(value)
            except ValueError:
                return "is not a date (YYYY-MM-DD)"
        limit = ID_LIMIT if name == "id" or name.endswith("_id") else LONG_TEXT_LIMIT
        if len(value) > limit:
            return f"is longer than {limit:,} characters"
        if (name in _ONE_LINE or name.endswith("_id")) and has_control(value):
            return "contains control characters"
        if has_control(value, multiline=True):
            return "contains control characters"
    return None


def check_changes(store: Any, changes: list[Any]) -> RowProblem | None:
    """The first invalid field among `changes` (objects with tbl, row, data), or None if all are valid."""
    tables = {c.tbl for c in changes}
    columns = _columns(store.conn, tables)
    vocab = _package_vocab(store, changes) if "members" in tables else None
    for c in changes:
        cols = columns.get(c.tbl) or {}
        for name, value in c.data.items():
            col = cols.get(name)
            if col is None:
                continue  # an unknown field: the merge says the package is from a newer version
            if why := _type_problem(col, name, value):
                return RowProblem(c.tbl, c.row, name, value, why)
        if c.tbl == "members":
            fields = {k: v for k, v in c.data.items() if k in MEMBER_FIELDS}
            for err in validate(fields, vocab):
                return RowProblem(c.tbl, c.row, err.field, fields.get(err.field), _member_reason(err.code, err.field))
    return None


def _member_reason(code: str, field: str) -> str:
    return {
        "required": "is required", "invalid_email": "is not an e-mail address",
        "invalid_phone": "is not a phone number", "invalid_municipio": "is not one of Milan's municipi (1 to 9)",
        "invalid_date": "is not a date", "implausible_birth_date": "is not a plausible birth date for a member",
        "term_end_before_start": "is before the start of the term", "invalid_badge": "is not a badge code",
        "too_long": f"is longer than {limit_for(field):,} characters",
        "control_characters": "contains control characters",
    }.get(code, f"is not a known value ({code})" if code.startswith("invalid_") else code)

