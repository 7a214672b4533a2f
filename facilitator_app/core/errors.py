"""The base of the errors the core raises for people to read.

`str(exc)` is an English sentence (the CLI prints it, tests assert it); `code`
names the problem in a stable way and `params` holds the values the sentence
mentions, so the GUI can word the same problem in the interface language
(`gui/errors.py` keeps one template per code). A domain error class inherits
from `CoreError` (and from ValueError, OSError... as before) and each raise
says its code:

    raise PlenaryError(f"number: plenary {number} already exists", code="duplicate_plenary_number",
                       number=number)

An error without a code (`code == ""`) is shown as its English text.
"""

from __future__ import annotations

from typing import Any

# "no {what} with id {id}": one code per kind of row, so the GUI says it in a whole sentence.
NOT_FOUND = {
    "plenary": "no_plenary", "session": "no_session", "agenda item": "no_agenda_item", "person": "no_person",
    "member": "no_member", "group": "no_group", "theme": "no_theme", "category": "no_category",
    "cluster": "no_cluster", "note": "no_note", "recommendation": "no_recommendation",
}


class CoreError(Exception):
    """An error with an English message, a stable `code` and the `params` of its message."""

    code: str = ""

    def __init__(self, message: str = "", *args: Any, code: str | None = None, **params: Any):
        super().__init__(message, *args)
        if code is not None:
            self.code = code
        self.params: dict[str, Any] = params

    @classmethod
    def wrap(cls, exc: BaseException) -> "CoreError":
        """`exc` as this class: the same English text, and its code and params when it has them."""
        if isinstance(exc, CoreError):
            return cls(str(exc), code=exc.code, **exc.params)
        return cls(str(exc))


def not_found(cls: type[CoreError], what: str, row_id: Any, message: str | None = None) -> CoreError:
    """`cls("no {what} with id {row_id}")` with the code of `what` (see NOT_FOUND)."""
    return cls(message or f"no {what} with id {row_id}", code=NOT_FOUND[what], id=row_id)
