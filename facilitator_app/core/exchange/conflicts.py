"""Versions that lost a concurrent edit (see `core/exchange/merge.py`): listing and restoring them.

Restoring writes the lost text back as a new local edit (it travels to the
other laptops like any edit) and marks the conflict resolved; it returns the
`Edit` it made, whose `snapshots.undo` writes the previous text back and
reopens the conflict. Dismissing only marks it resolved.
"""

from __future__ import annotations

from typing import Any

from facilitator_app.core import snapshots
from facilitator_app.core.exchange.merge import stamp_time
from facilitator_app.core.snapshots import Edit, recording
from facilitator_app.core.store.store import Store

_LABEL_FIELDS = ("title", "text", "name", "key")


def row_label(store: Store, tbl: str, row_id: str, limit: int = 80) -> str:
    """A short human description of a row, for lists (a note's text, a member's name, ...)."""
    row = store.get(tbl, row_id, include_deleted=True)
    if row is None:
        return row_id[:8]
    if tbl == "members":
        text = f"{row.get('surname') or ''} {row.get('first_name') or ''}".strip()
    else:
        text = next((str(row[f]) for f in _LABEL_FIELDS if row.get(f)), row_id[:8])
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def row_context(store: Store, tbl: str, row_id: str) -> tuple[str, str] | None:
    """Where a row lives, for rows known by the text that changed: ("group", name) or ("plenary", number)."""
    row = store.get(tbl, row_id, include_deleted=True) or {}
    if row.get("group_id"):
        group = store.get("groups", row["group_id"], include_deleted=True)
        return ("group", group["name"]) if group else None
    if row.get("plenary_id"):
        plenary = store.get("plenaries", row["plenary_id"], include_deleted=True)
        return ("plenary", str(plenary["number"])) if plenary else None
    return None


def list_conflicts(store: Store, *, include_resolved: bool = False) -> list[dict[str, Any]]:
    """Conflict rows, newest first, with the device name, the current value and a row label
    (`label`: the row's text or name; `context_kind`/`context`: its group or plenary)."""
    rows = store.select("conflicts", None if include_resolved else "resolved = 0",
                        order_by="lost_hlc DESC, field")
    names = {r["id"]: r["name"] for r in store.select("devices", include_deleted=True)}
    for r in rows:
        target = store.get(r["tbl"], r["row_id"], include_deleted=True) or {}
        r["current_value"] = target.get(r["field"])
        r["row_deleted"] = bool(target.get("deleted")) if target else True
        r["label"] = row_label(store, r["tbl"], r["row_id"])
        r["context_kind"], r["context"] = row_context(store, r["tbl"], r["row_id"]) or (None, None)
        r["device_name"] = names.get(r["lost_device_id"]) or (r["lost_device_id"] or "")[:8]
        r["lost_at"] = stamp_time(r["lost_hlc"]) if r["lost_hlc"] else None
    return rows


def open_count(store: Store) -> int:
    """Open conflicts, counting each plenary number held by several plenaries (after a merge) as one."""
    duplicates = store.scalar("SELECT count(*) FROM (SELECT number FROM plenaries WHERE deleted = 0 "
                              "GROUP BY number HAVING count(*) > 1)") or 0
    return (store.scalar("SELECT count(*) FROM conflicts WHERE resolved = 0 AND deleted = 0") or 0) + duplicates


def restore_conflict(store: Store, conflict_id: str, *, record: Edit | None = None) -> Edit:
    """Write the lost version back as a new edit and mark the conflict resolved (one transaction)."""
    edit = recording(record)
    with store.transaction():
        c = store.get("conflicts", conflict_id)
        if c is None:
            raise KeyError(f"conflict {conflict_id} does not exist")
        row = store.get(c["tbl"], c["row_id"], include_deleted=True)
        if row is None:
            raise KeyError(f"{c['tbl']} {c['row_id']} is not in this file")
        snapshots.update(store, c["tbl"], c["row_id"], {c["field"]: c["lost_value"]}, edit, row)
        snapshots.update(store, "conflicts", conflict_id, {"resolved": 1}, edit, c)
    return edit


def set_resolved(store: Store, conflict_id: str, resolved: bool = True, *, record: Edit | None = None) -> bool:
    """Keep the current version (or reopen the conflict)."""
    with store.transaction():
        return snapshots.update(store, "conflicts", conflict_id, {"resolved": int(resolved)}, record)
