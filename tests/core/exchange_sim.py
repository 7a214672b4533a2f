"""Simulated laptops for the exchange tests: stores on tmp files, packages between them."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from facilitator_app.core.exchange.packages import export_package, import_packages
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.ids import derived_id
from facilitator_app.core.store.schema import SYNCED_TABLES
from facilitator_app.core.store.store import Store

LOCAL_ONLY = ("updated_at",)  # when this file last wrote the row: not part of the shared content


def open_laptop(folder: Path, name: str, device_id: str | None = None) -> Store:
    store = Store(folder / f"{name}.sqlite", Device(device_id or f"dev-{name}", name))
    store.conn.execute("PRAGMA synchronous = OFF")  # tests only: no fsync per commit
    return store


def copy_laptop(store: Store, path: Path) -> Store:
    """The same laptop's file, copied (e.g. to import in two orders)."""
    dst = sqlite3.connect(str(path))
    store.conn.backup(dst)
    dst.close()
    copy = Store(path, Device(store.device.id, store.device.name))
    copy.conn.execute("PRAGMA synchronous = OFF")
    return copy


def content(store: Store) -> dict[str, dict[str, tuple]]:
    """Every synced row (tombstones included), without the local-only columns."""
    out = {}
    for t in SYNCED_TABLES:
        rows = store.select(t, include_deleted=True)
        out[t] = {r["id"]: tuple(sorted((k, v) for k, v in r.items() if k not in LOCAL_ONLY)) for r in rows}
    return out


def log_keys(store: Store) -> set[tuple[str, str, str]]:
    return set(store.conn.execute("SELECT hlc, tbl, row_id FROM changes"))


def file_state(store: Store) -> tuple[Any, ...]:
    """Everything in the file that an import could change (content, log, local meta)."""
    log = sorted(store.conn.execute("SELECT seq, hlc, device_id, tbl, row_id, data, pred FROM changes"))
    meta = sorted(store.conn.execute("SELECT key, value FROM local_meta"))
    full = {t: sorted(map(tuple, store.conn.execute(f"SELECT * FROM [{t}]"))) for t in SYNCED_TABLES}
    return full, log, meta


def send(src: Store, dst: Store, folder: Path, *, full: bool = False) -> Any:
    """Package from src for dst (incremental unless full), imported into dst."""
    path = folder / f"{src.device.name}-to-{dst.device.name}.assemblea"
    export_package(src, path, to=None if full else dst.device.name, full=full)
    return import_packages(dst, [path])


def base_assembly(store: Store, members: int = 6) -> dict[str, Any]:
    """A small assembly: one plenary, one session, two groups, some members."""
    store.ensure_assembly("Assemblea di prova")
    with store.transaction():
        pid = store.insert("plenaries", {"number": 1, "date": "2024-03-09", "title": "Plenaria 1"})
        sid = store.insert("sessions", {"plenary_id": pid, "name": "Mattina", "starts_at": "09:30"})
        gids = [store.insert("groups", {"plenary_id": pid, "name": n, "facilitator": f})
                for n, f in (("Mobilità", "Giulia"), ("Energia", "Marco"))]
        mids = [store.insert("members", {"surname": f"Rossi{i}", "first_name": "Anna", "status": "active"})
                for i in range(members)]
    return {"plenary_id": pid, "session_id": sid, "group_ids": gids, "member_ids": mids}


def check_in(store: Store, base: dict[str, Any], member_id: str, at: str) -> str:
    """Like the entrance desk: one row per session and person; a second check-in changes nothing."""
    aid = derived_id("attendance", base["session_id"], member_id)
    with store.transaction():
        row = store.get("attendance", aid)
        if row is None or row["status"] != "present":
            store.put("attendance", aid, {"plenary_id": base["plenary_id"], "session_id": base["session_id"],
                                          "member_id": member_id, "status": "present", "checked_in_at": at,
                                          "checked_out_at": None, "late": int(at > "2024-03-09T09:40")})
    return aid
