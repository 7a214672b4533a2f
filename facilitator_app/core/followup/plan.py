"""The Air and Climate Plan's actions as the follow-up uses them: an editable list of codes.

The list is the `plan_actions` table (code, title, ambito), the same the notes' #tags use. Here
its edits are undoable (`record=Edit()`), and `seed_plan_actions` adds every code the file already
uses (on recommendations, notes' tags, progress updates) but the list lacks, so nothing linked is
left without an entry. A recommendation's Plan actions are its `plan_actions` field (JSON list).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from facilitator_app.core import snapshots
from facilitator_app.core.errors import not_found
from facilitator_app.core.followup.fields import FollowupError, check_text
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Store
from facilitator_app.core.text import decode_list as decode_codes
from facilitator_app.core.text import encode_list as encode_codes

CODE = re.compile(r"^\d+(\.\d+){1,3}$")


def code_key(code: str) -> list[int]:
    return [int(p) if p.isdecimal() else 0 for p in code.split(".")]






def plan_actions(store: Store) -> list[dict[str, Any]]:
    return sorted(store.select("plan_actions"), key=lambda r: code_key(r["code"]))


def known_codes(store: Store) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT code FROM plan_actions WHERE deleted = 0")}


def area_of(action: dict[str, Any] | None, code: str) -> str:
    """The Plan's area (ambito) of an action: its own, else "Ambito N" from the code's first number."""
    if action and (action.get("ambito") or "").strip():
        return action["ambito"].strip()
    return f"Ambito {code.split('.')[0]}"


def _check_code(code: Any) -> str:
    code = str(code or "").strip()
    if not CODE.match(code):
        raise FollowupError(f"action code: expected numbers like 5.1.4, got {code!r}", code="bad_action_code",
                            value=code)
    return code


def add_plan_action(store: Store, code: Any, title: Any = None, ambito: Any = None, *,
                    record: Edit | None = None) -> str:
    code = _check_code(code)
    values = {"code": code, "title": check_text(title, "action title", limit=300),
              "ambito": check_text(ambito, "area", limit=120)}
    with store.transaction():
        if code in known_codes(store):
            raise FollowupError(f"action {code} already exists", code="duplicate_action", action=code)
        return snapshots.insert(store, "plan_actions", values, record)


def update_plan_action(store: Store, action_id: str, changes: dict[str, Any], *,
                       record: Edit | None = None) -> dict[str, Any]:
    """Change an action's title or area, or its code (recommendations and updates follow the new code)."""
    values: dict[str, Any] = {}
    for k, v in changes.items():
        if k == "code":
            values[k] = _check_code(v)
        elif k in ("title", "ambito"):
            values[k] = check_text(v, "action title" if k == "title" else "area", limit=300)
        else:
            raise FollowupError(f"{k}: not a field of a Plan action", code="not_a_plan_action_field", field=k)
    with store.transaction():
        current = store.get("plan_actions", action_id)
        if current is None:
            raise FollowupError(f"no Plan action with id {action_id}", code="no_plan_action", id=action_id)
        old, new = current["code"], values.get("code", current["code"])
        if new != old:
            if new in known_codes(store):
                raise FollowupError(f"action {new} already exists", code="duplicate_action", action=new)
            _rename_code(store, old, new, record)
        diff = {k: v for k, v in values.items() if current.get(k) != v}
        snapshots.update(store, "plan_actions", action_id, diff, record, current)
        return diff


def _rename_code(store: Store, old: str, new: str, record: Edit | None) -> None:
    like = f'%"{old}"%'
    for table in ("recommendations", "rec_updates"):
        for row in store.select(table, "plan_actions LIKE ?", (like,)):
            codes = [new if c == old else c for c in decode_codes(row["plan_actions"])]
            snapshots.update(store, table, row["id"], {"plan_actions": encode_codes(codes)}, record, row)


def delete_plan_action(store: Store, action_id: str, *, record: Edit | None = None) -> bool:
    """Remove an action from the list; refused while a recommendation or an update is tied to it."""
    with store.transaction():
        current = store.get("plan_actions", action_id)
        if current is None:
            raise FollowupError(f"no Plan action with id {action_id}", code="no_plan_action", id=action_id)
        like = f'%"{current["code"]}"%'
        used = sum(1 for t in ("recommendations", "rec_updates") for r in store.select(t, "plan_actions LIKE ?", (like,))
                   if current["code"] in decode_codes(r["plan_actions"]))
        if used:
            raise FollowupError(f"action {current['code']} is linked {used} times: unlink it first",
                                code="plan_action_in_use", action=current["code"], count=used)
        return snapshots.delete(store, "plan_actions", action_id, record)


def used_codes(store: Store) -> set[str]:
    """Every Plan action code the file mentions: recommendations, progress updates, notes' tags."""
    found: set[str] = set()
    for table, column in (("recommendations", "plan_actions"), ("rec_updates", "plan_actions"), ("notes", "tags")):
        for (raw,) in store.conn.execute(f"SELECT [{column}] FROM [{table}] WHERE deleted = 0 AND [{column}] IS NOT NULL"):
            found.update(c for c in decode_codes(raw) if CODE.match(c))
    return found


def seed_plan_actions(store: Store, *, record: Edit | None = None) -> list[str]:
    """Add to the list every code in use that it lacks (title empty, to be filled); the codes added."""
    with store.transaction():
        missing = sorted(used_codes(store) - known_codes(store), key=code_key)
        for code in missing:
            snapshots.insert(store, "plan_actions", {"code": code, "title": None, "ambito": None}, record)
        return missing


def set_rec_plan_actions(store: Store, rec_id: str, codes: Iterable[str], *,
                         record: Edit | None = None) -> bool:
    """The Plan actions a recommendation concerns (codes from the list)."""
    wanted = [str(c).strip() for c in codes if str(c).strip()]
    with store.transaction():
        rec = store.get("recommendations", rec_id)
        if rec is None:
            raise not_found(FollowupError, "recommendation", rec_id)
        unknown = sorted(set(wanted) - known_codes(store))
        if unknown:
            raise FollowupError(f"Plan actions: unknown code {', '.join(unknown)} (add it to the list first)",
                                code="unknown_plan_action", codes=", ".join(unknown))
        return snapshots.update(store, "recommendations", rec_id, {"plan_actions": encode_codes(wanted)}, record, rec)
