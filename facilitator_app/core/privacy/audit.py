"""The audit log: who exported, printed or packaged personal data, when, what and where to.

Rows live in the synced `audit_log` table, so the secretariat sees what every laptop did once
its packages arrive; triggers in the schema refuse any change or deletion (append-only). Each
entry names the device (its editable name at the time), the action (`export`, `print`,
`package`, `erase`), what was written in words ("verbale (internal) of plenary 4") and the file.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from facilitator_app.core.store.ids import utc_now
from facilitator_app.core.store.store import Store

ACTIONS = ("export", "print", "package", "erase")
FIELDS = ("id", "at", "device_name", "action", "what", "target", "details")


def record(store: Store, action: str, what: str, target: str | Path | None = None,
           details: dict[str, Any] | None = None) -> str:
    """Append one entry (its own transaction, or a savepoint of the caller's)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    with store.transaction():
        return store.insert("audit_log", {
            "at": utc_now(), "device_name": store.device.name, "action": action, "what": what,
            "target": None if target is None else str(target),
            "details": json.dumps(details, ensure_ascii=False, sort_keys=True) if details else None})


def list_audit(store: Store) -> list[dict[str, Any]]:
    """Every entry, newest first, with its plain fields."""
    rows = store.select("audit_log", order_by="at DESC, id")
    return [{k: r[k] for k in FIELDS} for r in rows]


def write_audit_csv(store: Store, path: str | Path) -> int:
    """The audit log as a CSV file (UTF-8 with BOM, as Excel expects); number of entries."""
    rows = list_audit(store)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(FIELDS)
        for r in rows:
            # a cell starting with = + - @ would be a formula in a spreadsheet: quote it as text
            w.writerow(["'" + v if isinstance(v, str) and v[:1] in "=+-@" else v for v in (r[k] for k in FIELDS)])
    return len(rows)
