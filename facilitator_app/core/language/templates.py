"""Message templates to members: their placeholders, their translations, and filling them in.

The defaults are plain text files anyone can edit, one per message and language:
``resources/messages/<message>/<language>.txt``. A file starts with header lines, then a
blank line, then the letter's body:

    Subject: Plenaria {plenary_number}: {plenary_date}
    SMS: Assemblea Clima: plenaria {plenary_number} il {plenary_day} alle {start_time} ...
    Review: yes

    Gentile {first_name} {surname},
    ...

``Review: yes`` marks a translation a native speaker still has to check: the preview
says so. The secretariat's edits in the app are kept in the assembly file (settings key
"message_templates"), so they travel with it to the other laptops; a language without a
text of its own in either place gets the Italian one.

Placeholders are ``{name}``; ``{{`` and ``}}`` are literal braces. A placeholder the
message does not know is refused with its name, before anything is written. A line, or
a paragraph, whose placeholders are all empty (no directions given, say) is left out.
"""
from __future__ import annotations

import copy
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator_app.core.errors import CoreError
from facilitator_app.core.language.sms import plain_sms
from facilitator_app.core.store.store import Store
from facilitator_app.resources import resource_path

SETTING_KEY = "message_templates"
BASE_LANGUAGE = "it"

_PERSON = ("name", "first_name", "surname", "assembly", "secretariat_phone", "secretariat_email")
_PLENARY = ("plenary_number", "plenary_date", "plenary_day", "start_time", "end_time", "venue", "address",
            "directions", "bring", "agenda")
_TERM = ("term_start", "term_end")

# message -> (needs a plenary, the placeholders it knows)
MESSAGES: dict[str, tuple[bool, tuple[str, ...]]] = {
    "convocation": (True, _PERSON + _PLENARY),
    "reminder": (True, _PERSON + _PLENARY),
    "welcome": (False, _PERSON + _TERM + ("calendar",)),
    "summary": (True, _PERSON + ("plenary_number", "plenary_date", "plenary_day", "venue", "participants",
                                 "notes_count", "recommendations", "summary_text", "decisions_text",
                                 "next_plenary")),
    "thanks": (False, _PERSON + _TERM + ("plenaries_attended", "plenaries_total")),
}


class TemplateError(CoreError, ValueError):
    """A message template that cannot be used as written (see `code`)."""


@dataclass(frozen=True)
class Translation:
    message: str
    language: str
    subject: str
    body: str
    sms: str = ""
    review: bool = False   # a native speaker still has to check it
    edited: bool = False   # the secretariat's version (in the assembly file), not the shipped one


def messages_dir() -> Path:
    return resource_path("messages")


def _require_message(message: str) -> tuple[bool, tuple[str, ...]]:
    if message not in MESSAGES:
        raise TemplateError(f"no message '{message}' (known: {', '.join(MESSAGES)})", code="unknown_message",
                            template=message)
    return MESSAGES[message]


def parse(text: str, message: str, language: str) -> Translation:
    """A template file's text -> Translation (TemplateError if it has no subject or body)."""
    head, sep, body = text.replace("\r\n", "\n").partition("\n\n")
    if not sep:
        head, body = text, ""
    fields: dict[str, str] = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if not colon or key.strip().lower() not in ("subject", "sms", "review"):
            raise TemplateError(f"{message}/{language}: header line '{line}' is not 'Subject:', 'SMS:' or "
                                "'Review:' (a blank line separates the header from the letter)",
                                code="bad_template_header", template=message, language=language, line=line)
        fields[key.strip().lower()] = value.strip()
    if not fields.get("subject") or not body.strip():
        raise TemplateError(f"{message}/{language}: a template needs a 'Subject:' line and a letter",
                            code="template_incomplete", template=message, language=language)
    review = fields.get("review", "no").lower() in ("yes", "sì", "si", "true", "1")
    return Translation(message, language, fields["subject"], body.strip("\n"), fields.get("sms", ""), review)


def format_file(t: Translation) -> str:
    """The file text of a translation (parse's inverse)."""
    head = [f"Subject: {t.subject}"] + ([f"SMS: {t.sms}"] if t.sms else []) + [f"Review: {'yes' if t.review else 'no'}"]
    return "\n".join(head) + "\n\n" + t.body.rstrip("\n") + "\n"


def shipped(message: str) -> dict[str, Translation]:
    """The translations in resources/messages/<message>/, by language."""
    _require_message(message)
    folder = messages_dir() / message
    out = {}
    for path in sorted(folder.glob("*.txt")):
        out[path.stem] = parse(path.read_text(encoding="utf-8"), message, path.stem)
    return out


def translations(store: Store | None, message: str) -> dict[str, Translation]:
    """Shipped translations with the secretariat's edits (from the assembly file) on top."""
    out = shipped(message)
    stored = (store.setting(SETTING_KEY) if store is not None else None) or {}
    for lang, t in (stored.get(message) or {}).items():
        out[lang] = Translation(message, lang, t.get("subject", ""), t.get("body", ""), t.get("sms", ""),
                                bool(t.get("review")), edited=True)
    return out


def translation_for(store: Store | None, message: str, language: str) -> tuple[Translation, bool]:
    """The translation for a member's language, and whether Italian stood in for a missing one."""
    all_ = translations(store, message)
    if language in all_:
        return all_[language], False
    if BASE_LANGUAGE not in all_:
        raise TemplateError(f"{message}: no Italian text", code="no_base_template", template=message)
    return all_[BASE_LANGUAGE], True


def placeholders(text: str) -> list[str]:
    """The placeholder names in text, in order (TemplateError for a malformed one)."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise TemplateError(f"a brace is not closed or not doubled ({exc}); write {{{{ and }}}} for braces",
                            code="bad_braces", detail=str(exc)) from exc
    names = []
    for _, name, spec, conv in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conv:
            raise TemplateError(f"'{{{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}}}' is not a "
                                "placeholder: write a name between braces, e.g. {first_name}",
                                code="bad_placeholder", placeholder=name)
        names.append(name)
    return names


def check(t: Translation) -> None:
    """Refuse a translation with a placeholder its message does not know (named in the error)."""
    _, known = _require_message(t.message)
    for part in (t.subject, t.body, t.sms):
        for name in placeholders(part):
            if name not in known:
                raise TemplateError(f"{t.message}/{t.language}: unknown placeholder {{{name}}}; this message "
                                    f"knows {', '.join('{' + k + '}' for k in known)}",
                                    code="unknown_placeholder", placeholder=name, template=t.message,
                                    language=t.language)


def fill(text: str, values: dict[str, Any]) -> str:
    """Placeholders replaced. A paragraph whose placeholders are all empty is left out (no
    recommendations: no "Recommendations:" heading), and so is a line whose are."""
    def value(name: str) -> str:
        v = values.get(name)
        return "" if v is None else str(v)

    paragraphs = []
    for para in text.split("\n\n"):
        names = placeholders(para)
        if names and not any(value(n).strip() for n in names):
            continue
        lines = []
        for line in para.split("\n"):
            line_names = placeholders(line)
            vals = {n: value(n) for n in line_names}
            if line_names and not any(v.strip() for v in vals.values()):
                continue
            lines.append(line.format_map(vals) if line_names else line.replace("{{", "{").replace("}}", "}"))
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


@dataclass(frozen=True)
class Filled:
    subject: str
    body: str
    sms: str
    language: str        # the language of the text (Italian when it stood in)
    fallback: bool       # the member's language had no translation
    review: bool


def render(store: Store | None, message: str, language: str, values: dict[str, Any],
           translation: Translation | None = None) -> Filled:
    t, fallback = (translation, False) if translation is not None else translation_for(store, message, language)
    check(t)
    sms = plain_sms(fill(t.sms, values).replace("\n", " "))
    return Filled(fill(t.subject, values).replace("\n", " "), fill(t.body, values), sms, t.language, fallback, t.review)


def save_translation(store: Store, t: Translation) -> dict[str, Any]:
    """Keep the secretariat's version in the assembly file (checked first); returns the setting before."""
    check(t)
    if not t.subject.strip() or not t.body.strip():
        raise TemplateError(f"{t.message}/{t.language}: a template needs a subject and a letter",
                            code="template_incomplete", template=t.message, language=t.language)
    with store.transaction():
        before = copy.deepcopy(store.setting(SETTING_KEY) or {})
        after = copy.deepcopy(before)
        after.setdefault(t.message, {})[t.language] = {"subject": t.subject, "body": t.body, "sms": t.sms,
                                                       "review": t.review}
        store.set_setting(SETTING_KEY, after)
    return before


def restore_shipped(store: Store, message: str, language: str) -> dict[str, Any]:
    """Forget the secretariat's version of one translation; returns the setting before."""
    _require_message(message)
    with store.transaction():
        before = copy.deepcopy(store.setting(SETTING_KEY) or {})
        after = copy.deepcopy(before)
        (after.get(message) or {}).pop(language, None)
        store.set_setting(SETTING_KEY, after)
    return before
