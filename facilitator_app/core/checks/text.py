"""What a text from outside may contain: no control characters, no bidi overrides, a bounded length.

Used by the member form's validation, the roster importer and the exchange package check, so a
name refused in one place is refused everywhere.
"""

from __future__ import annotations

import re

# Longest text each member field may hold (characters). Names: 200 is far beyond any real name
# (the longest Italian double surnames are ~40) yet short enough for badges and sign-in sheets.
MEMBER_LIMITS: dict[str, int] = {
    "surname": 200, "first_name": 200, "external_id": 64, "email": 254, "phone": 40, "country": 100,
    "badge_code": 16, "accessibility_notes": 2000, "dietary_notes": 2000, "notes": 10000,
}
NAME_LIMIT = 200
DEFAULT_LIMIT = 10000  # any other text field of a synced row (a note, a recommendation's text)
LONG_TEXT_LIMIT = 100_000  # fields written as prose (minutes, a note's text)

# Terminal escape sequences (CSI, OSC) as a whole, then any other C0/C1 control character
# except tab and newlines, bidi embeddings/overrides/isolates, and zero-width characters.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]")
_CONTROL_OR_NEWLINE = re.compile(_CONTROL.pattern[:-1] + "\t\n\r\u2028\u2029]")
_ANY = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufff9-\ufffb]")


CONTROL_HINT = _ANY  # a match means "look closer" (has_control decides)


def has_control(text: str, *, multiline: bool = False) -> bool:
    """True if `text` holds a character a person could not see or that changes how text displays."""
    if not _ANY.search(text):  # the common case: one scan
        return False
    return bool((_CONTROL if multiline else _CONTROL_OR_NEWLINE).search(text) or "\x1b" in text)


def strip_control(text: str, *, multiline: bool = False) -> str:
    """`text` without escape sequences and control characters; on one line unless `multiline`
    (tabs and line breaks become spaces)."""
    if not _ANY.search(text):
        return text
    text = _CONTROL.sub("", _ESCAPES.sub("", text))
    if not multiline:
        text = re.sub(r"[\t\r\n\u2028\u2029]", " ", text)
    return text


def limit_for(field: str) -> int:
    return MEMBER_LIMITS.get(field, DEFAULT_LIMIT)


def visible(text: str) -> str:
    """`text` with each control character written out (\\x1b, \\u202e): safe to print in a terminal or a message."""
    if not _ANY.search(text):
        return text
    return _ANY.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}",
                    text)
