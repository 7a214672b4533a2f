"""Instant search over people: what the search fields type into.

Built once from rows, updated per changed row; a query is answered by
scanning pre-folded strings, which is well under a millisecond per thousand
people (bench/bench_search.py). Every word typed must start a word of the
person's name, badge code or external id.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from facilitator_app.core.text import fold


def _key(row: dict[str, Any]) -> str:
    # One folded string per person; a typed word matches when " word" occurs in it.
    text = f"{row.get('surname') or ''} {row.get('first_name') or ''} {row.get('badge_code') or ''} " \
           f"{row.get('external_id') or ''}"
    return " " + fold(text).replace("'", " ")


class PeopleIndex:
    def __init__(self, rows: Iterable[dict[str, Any]] = ()):
        self._keys: dict[str, str] = {}
        for row in rows:
            self.put(row)

    def put(self, row: dict[str, Any]) -> None:
        self._keys[row["id"]] = _key(row)

    def remove(self, row_id: str) -> None:
        self._keys.pop(row_id, None)

    def __len__(self) -> int:
        return len(self._keys)

    def match(self, query: str, ids: Iterable[str] | None = None) -> list[str]:
        """Ids matching `query` (all when empty), in the order of `ids` or insertion."""
        pool = self._keys if ids is None else ids
        tokens = [" " + t for t in fold(query).replace("'", " ").split()]
        if not tokens:
            return list(pool)
        keys = self._keys
        first, rest = tokens[0], tokens[1:]
        # A comprehension per token: the common one-word query is a single C-speed scan.
        out = [rid for rid in pool if first in keys[rid]]
        for t in rest:
            out = [rid for rid in out if t in keys[rid]]
        return out
