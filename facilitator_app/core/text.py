"""Text helpers shared by every domain: the folded form used for matching and search."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable

# Letters NFKD does not split into base + accent.
_UNDECOMPOSABLE = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
                                 "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"})


def fold(text: str) -> str:
    """Case-, accent- and space-insensitive form used for matching."""
    text = unicodedata.normalize("NFKD", str(text)).translate(_UNDECOMPOSABLE)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace("_", " ").split())


def decode_list(raw: str | None) -> list[str]:
    """A column holding a JSON list of strings (tags, Plan action codes); a bare word is a list of one."""
    if not raw:
        return []
    try:
        value = json.loads(raw)
    except ValueError:
        return [raw]
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def encode_list(items: Iterable[str]) -> str | None:
    """The JSON list to store: stripped, without blanks or repeats, in order; None when empty."""
    seen = list(dict.fromkeys(s for s in (str(i).strip() for i in items) if s))
    return json.dumps(seen, ensure_ascii=False) if seen else None
