"""Text helpers shared by every domain: the folded form used for matching and search."""

from __future__ import annotations

import unicodedata

# Letters NFKD does not split into base + accent.
_UNDECOMPOSABLE = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
                                 "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"})


def fold(text: str) -> str:
    """Case-, accent- and space-insensitive form used for matching."""
    text = unicodedata.normalize("NFKD", str(text)).translate(_UNDECOMPOSABLE)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace("_", " ").split())
