"""The vocabulary and the checks of the follow-up: answer kinds, progress states, dates, links, acts.

Every check raises a `FollowupError` (a CoreError with a stable code) before anything is written.
Dates are kept as ISO text (YYYY-MM-DD); people may type 31/01/2024 too.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from facilitator_app.core.errors import CoreError

# The Comune's answer: accolta, accolta in parte, non accolta, in valutazione.
ANSWER_KINDS = ("accepted", "partly", "rejected", "evaluating")
# An answer that decides; "evaluating" still waits for one, so it can be overdue.
FINAL_ANSWERS = ("accepted", "partly", "rejected")
PROGRESS = ("not_started", "in_progress", "done", "abandoned")

# Plain Italian words for exports and the CLI table (the GUI translates its own).
ANSWER_IT = {"accepted": "Accolta", "partly": "Accolta in parte", "rejected": "Non accolta",
             "evaluating": "In valutazione", None: "In attesa di risposta"}
PROGRESS_IT = {"not_started": "Non avviata", "in_progress": "In corso", "done": "Realizzata",
               "abandoned": "Abbandonata", None: "Nessun aggiornamento"}

TEXT_MAX = 20_000
_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_LINK = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
# "DG 123/2024", "Delibera di Giunta n. 123/2024", "Determina Dirigenziale 45 / 2023"
_ACT = re.compile(r"^\s*(?P<type>\S.*?)\s+(?:n\.?\s*|nr\.?\s*|num\.?\s*)?(?P<number>\d+(?:\s*/\s*\d{2,4})?)\s*$",
                  re.IGNORECASE)


class FollowupError(CoreError, ValueError):
    """Invalid follow-up data; the message says what to fix, nothing was written."""


def check_answer_kind(value: Any) -> str:
    if value not in ANSWER_KINDS:
        raise FollowupError(f"answer: expected one of {', '.join(ANSWER_KINDS)}, got {value!r}",
                            code="bad_answer_kind", value=str(value), choices=", ".join(ANSWER_KINDS))
    return value


def check_progress(value: Any) -> str:
    if value not in PROGRESS:
        raise FollowupError(f"progress: expected one of {', '.join(PROGRESS)}, got {value!r}",
                            code="bad_progress_status", value=str(value), choices=", ".join(PROGRESS))
    return value


def check_date(value: Any, what: str, *, required: bool = False) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date, ISO text or dd/mm/yyyy; None when empty and allowed."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FollowupError(f"{what}: a date is required", code="followup_date_required", what=what)
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value).strip()
    m = _DMY.match(text)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        return date.fromisoformat(text[:10]).isoformat() if len(text) in (10,) else _bad_date(what, text)
    except ValueError:
        return _bad_date(what, text)


def _bad_date(what: str, text: str) -> str:
    raise FollowupError(f"{what}: {text!r} is not a date (write 2024-03-31 or 31/03/2024)",
                        code="followup_bad_date", what=what, value=text)


def check_link(value: Any, what: str) -> str | None:
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    if not _LINK.match(text):
        raise FollowupError(f"{what}: {text!r} is not a web address (http:// or https://)",
                            code="followup_bad_link", what=what, value=text)
    return text


def check_text(value: Any, what: str, *, required: bool = False, limit: int = TEXT_MAX) -> str | None:
    text = None if value is None else str(value).replace("\r\n", "\n").strip()
    if not text:
        if required:
            raise FollowupError(f"{what}: a text is required", code="followup_text_required", what=what)
        return None
    if len(text) > limit:
        raise FollowupError(f"{what}: at most {limit} characters (got {len(text)})", code="followup_text_too_long",
                            what=what, limit=limit, length=len(text))
    return text


def parse_act(value: str) -> tuple[str, str]:
    """("DG", "123/2024") from "DG 123/2024": the act's type and number."""
    m = _ACT.match(value or "")
    if not m:
        raise FollowupError(f"act: {value!r} is not an act like \"DG 123/2024\" (type, then number)",
                            code="followup_bad_act", value=value)
    return m.group("type").strip(), re.sub(r"\s+", "", m.group("number"))


def act_label(act_type: str | None, act_number: str | None) -> str | None:
    if not act_type and not act_number:
        return None
    return " ".join(p for p in (act_type, act_number) if p)
