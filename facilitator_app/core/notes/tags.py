"""Tags on notes: the cycle's themes and the Air and Climate Plan actions.

A note's tags are a JSON list of strings: a theme's name ("Mobilità e qualità
dell'aria") or a Plan action's code ("5.1.4"); any other word is kept as a
free tag. Both lists are editable (tables `themes` and `plan_actions`).

In the capture field a facilitator may type `#5.1.4` or `#mobilità`: a
`#word` that names an action code, or starts a word of exactly one theme's
name, becomes a tag and leaves the text; any other `#word` stays in the text
as typed (people write "#1" or hashtags on purpose).
"""

from __future__ import annotations

import re
from typing import Any

from facilitator_app.core.errors import CoreError
from facilitator_app.core.store.store import Store
from facilitator_app.core.text import decode_list as decode, encode_list as encode  # noqa: F401 - the tags API
from facilitator_app.core.text import fold

_HASH = re.compile(r"(?<!\S)#([^\s#]+)")
_CODE = re.compile(r"^\d+(\.\d+){1,3}$")
_TRAIL = ".,;:!?)»\""


class TagError(CoreError, ValueError):
    """Invalid theme or Plan action; the message says what to fix."""


# -- reads ---------------------------------------------------------------------------
def themes(store: Store) -> list[dict[str, Any]]:
    return store.select("themes", order_by="sort_order, name")


def plan_actions(store: Store) -> list[dict[str, Any]]:
    rows = store.select("plan_actions")
    return sorted(rows, key=lambda r: [int(p) if p.isdecimal() else 0 for p in r["code"].split(".")])


def tag_choices(store: Store) -> list[str]:
    """Every offered tag: theme names, then action codes in Plan order."""
    return [t["name"] for t in themes(store)] + [a["code"] for a in plan_actions(store)]






# -- the quick #tag syntax -----------------------------------------------------------
def resolve(token: str, choices: list[str]) -> str | None:
    """The tag a typed `#token` means, or None (action code, or a unique theme word prefix)."""
    token = token.rstrip(_TRAIL)
    if not token:
        return None
    if token in choices:
        return token
    key = fold(token).replace("-", " ")
    exact = [c for c in choices if fold(c) == key]
    if exact:
        return exact[0]
    if _CODE.match(token) or len(key) < 3:
        return None
    words = key.split()
    hits = [c for c in choices if not _CODE.match(c)
            and all(any(w.startswith(k) for w in re.split(r"[\s']+", fold(c))) for k in words)]
    return hits[0] if len(hits) == 1 else None


def parse_capture(text: str, choices: list[str]) -> tuple[str, list[str]]:
    """Split what was typed into the note's text and the tags named with `#`.

    Only recognised tags leave the text (with the spaces around them), so text
    without a recognised `#tag` comes back exactly as typed.
    """
    tags: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _HASH.finditer(text):
        tag = resolve(m.group(1), choices)
        if tag is None:
            continue
        if tag not in tags:
            tags.append(tag)
        end = m.start(1) + len(m.group(1).rstrip(_TRAIL))
        spans.append((m.start(), end))
    if not spans:
        return text, tags
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        last = end
    out.append(text[last:])
    cleaned = "".join(out)
    cleaned = re.sub(r"[ \t]{2,}", " ", cleaned).strip(" \t")
    return cleaned, tags


# -- editing the lists ---------------------------------------------------------------
def add_plan_action(store: Store, code: str, title: str | None = None, ambito: str | None = None) -> str:
    code = (code or "").strip()
    if not _CODE.match(code):
        raise TagError(f"action code: expected numbers like 5.1.4, got {code!r}", code="bad_action_code", value=code)
    with store.transaction():
        if store.scalar("SELECT 1 FROM plan_actions WHERE code = ? AND deleted = 0", (code,)):
            raise TagError(f"action {code} already exists", code="duplicate_action", action=code)
        return store.insert("plan_actions", {"code": code, "title": (title or "").strip() or None,
                                             "ambito": ambito})


def update_plan_action(store: Store, action_id: str, changes: dict[str, Any]) -> bool:
    changes = {k: v for k, v in changes.items() if k in ("code", "title", "ambito")}
    if "code" in changes and not _CODE.match(str(changes["code"]).strip()):
        raise TagError(f"action code: expected numbers like 5.1.4, got {changes['code']!r}", code="bad_action_code",
                       value=changes["code"])
    with store.transaction():
        return store.update("plan_actions", action_id, changes)


def add_theme(store: Store, name: str, color: str | None = None, description: str | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise TagError("theme: a name is required", code="theme_name_required")
    with store.transaction():
        order = store.scalar("SELECT coalesce(max(sort_order) + 1, 0) FROM themes WHERE deleted = 0")
        return store.insert("themes", {"name": name, "color": color, "description": description,
                                       "sort_order": order})


def delete_row(store: Store, table: str, row_id: str) -> bool:
    if table not in ("themes", "plan_actions"):
        raise TagError(f"not a tag list: {table}", code="not_a_tag_list", table=table)
    with store.transaction():
        return store.delete(table, row_id)
