"""What the status line says about each other laptop: its name, when its last package
arrived, and how many changes are still on their way, in each direction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from facilitator_app.core.store.store import Store
from facilitator_app.core.sync.inbox import Aside, contiguous, set_aside_list
from facilitator_app.core.sync.outbox import outbox


@dataclass
class PeerStatus:
    device_id: str
    name: str
    last_package_at: str | None     # ISO time the newest package from it was written
    last_seen_at: str | None        # ISO time of its last sign of life in the folder
    waiting_in: int                 # its changes announced in the folder, not applied here yet
    waiting_out: int                # this laptop's changes it has not confirmed yet

    @property
    def waiting(self) -> int:
        return self.waiting_in + self.waiting_out

    def as_dict(self) -> dict[str, Any]:
        return {**vars(self), "waiting": self.waiting}


@dataclass
class SyncStatus:
    folder: str | None
    available: bool
    problem: str | None = None            # code: no_folder | unavailable | folder_error | busy | unexpected
    detail: str = ""
    at: str | None = None                 # ISO time of the last step
    peers: list[PeerStatus] = field(default_factory=list)
    waiting_files: list[str] = field(default_factory=list)
    set_aside: list[Aside] = field(default_factory=list)
    pending: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"folder": self.folder, "available": self.available, "problem": self.problem, "detail": self.detail,
                "at": self.at, "peers": [p.as_dict() for p in self.peers], "waiting_files": self.waiting_files,
                "set_aside": [vars(a) for a in self.set_aside], "pending": self.pending}


def _time_of(name_or_iso: str | None) -> str | None:
    if not name_or_iso:
        return None
    try:
        datetime.fromisoformat(name_or_iso)
    except ValueError:
        return None
    return name_or_iso


def peer_status(store: Store, peers: dict[str, dict[str, Any]]) -> list[PeerStatus]:
    """One line per other laptop known here (from the folder's state files or its packages)."""
    me = store.device.id
    have = contiguous(store)
    names = {r["id"]: r["name"] for r in store.select("devices", include_deleted=True)}
    last_pkg = {s: t for s, t in store.conn.execute(
        "SELECT source, max(created_at) FROM sync_applied GROUP BY source")}
    mine = outbox(store)
    ids = (set(peers) | set(last_pkg)) - {me}
    out = []
    for d in ids:
        state = peers.get(d) or {}
        waiting_in = 0
        for item in state.get("outbox") or []:
            try:
                first, seq, count = int(item[0]), int(item[1]), int(item[2])
            except (TypeError, ValueError, IndexError):
                continue
            if seq > have.get(d, 0):
                waiting_in += count if first > have.get(d, 0) else 0
        acked = int((state.get("acks") or {}).get(me, 0) or 0) if state else None
        waiting_out = sum(r.count for r in mine if acked is not None and r.seq > acked) if state else 0
        out.append(PeerStatus(d, str(state.get("device_name") or names.get(d) or d[:8]),
                              _time_of(last_pkg.get(d)) or _time_of(state.get("last_package_at")),
                              _time_of(state.get("written_at")), waiting_in, waiting_out))
    return sorted(out, key=lambda p: (p.name.lower(), p.device_id))


def own_state(store: Store, written_at: str) -> dict[str, Any]:
    """What this laptop tells the others in its state file."""
    assembly = store.assembly()
    rows = outbox(store)
    last = store.scalar("SELECT max(created_at) FROM sync_outbox WHERE device_id = ?", (store.device.id,))
    return {"assembly_id": assembly["id"] if assembly else None, "device_id": store.device.id,
            "device_name": store.device.name, "written_at": written_at, "last_package_at": last,
            "acks": contiguous(store), "outbox": [[r.first, r.seq, r.count] for r in rows]}
