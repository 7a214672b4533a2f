"""What is in a sync folder: package files, peers' state files, and what to leave alone.

Sync tools write beside the real files: temporary files while a copy is in progress
(`.syncthing.*.tmp`, `~syncthing~*.tmp`, `*.part`, dot files), and conflict copies
when two versions of one name met (`X.sync-conflict-20261203-101500-ABCDEFG.assemblea`,
`X (1).assemblea`, `X (conflicted copy ...).assemblea`, `X-conflict-...`). Temporary
files are never read; any other file whose name holds `.assemblea` is a candidate,
and only its manifest says whose it is (a conflict copy is judged by its content).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator_app.core.sync.transport import write_atomic

SUFFIX = ".assemblea"
STATE_SUFFIX = ".peer.json"
STATE_FORMAT = "facilitator-app/sync-peer"
QUARANTINE = "quarantine"
_CANONICAL = re.compile(r"^(?P<dev>[A-Za-z0-9_.]+?)-(?P<a>\d{6,})(?:-(?P<b>\d{6,}))?\.assemblea$")
_TEMP_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".download", "~")


@dataclass(frozen=True)
class Entry:
    """A candidate package file as listed: its name and what tells a change of content."""

    name: str
    size: int
    mtime_ns: int

    @property
    def signature(self) -> tuple[int, int]:
        return (self.size, self.mtime_ns)


@dataclass
class Listing:
    packages: dict[str, Entry]
    states: list[str]


def file_stem(device_id: str) -> str:
    """The device id as it goes into file names (ids are hex; anything else made safe)."""
    return re.sub(r"[^A-Za-z0-9_.]", "_", device_id)


def package_name(device_id: str, first: int, seq: int) -> str:
    """`<device>-<seq>.assemblea`; a compacted package `<device>-<first>-<seq>.assemblea`."""
    base = f"{file_stem(device_id)}-{first:06d}" if first == seq else f"{file_stem(device_id)}-{first:06d}-{seq:06d}"
    return base + SUFFIX


def parse_name(name: str) -> tuple[str, int, int] | None:
    """(device stem, first, seq) of a name as this app writes it; None for anything else."""
    m = _CANONICAL.match(name)
    if not m:
        return None
    a = int(m.group("a"))
    b = int(m.group("b")) if m.group("b") else a
    return (m.group("dev"), a, b) if a <= b else None


def is_temporary(name: str) -> bool:
    low = name.lower()
    return name.startswith((".", "~")) or low.endswith(_TEMP_SUFFIXES)


def list_folder(folder: Path) -> Listing:
    """Package candidates and state files (OSError if the folder is not there)."""
    packages: dict[str, Entry] = {}
    states: list[str] = []
    with os.scandir(folder) as it:
        for e in it:
            name = e.name
            if is_temporary(name):
                continue
            try:
                if not e.is_file():
                    continue
                st = e.stat()
            except OSError:
                continue  # vanished between listing and stat: next time
            if name.endswith(STATE_SUFFIX):
                states.append(name)
            elif SUFFIX in name.lower():
                packages[name] = Entry(name, st.st_size, st.st_mtime_ns)
    return Listing(packages, sorted(states))


def available(folder: Path | None) -> bool:
    try:
        return folder is not None and folder.is_dir() and os.access(folder, os.R_OK | os.W_OK | os.X_OK)
    except OSError:
        return False


# -- peers' state files ---------------------------------------------------------------------
def state_name(device_id: str) -> str:
    return file_stem(device_id) + STATE_SUFFIX


def write_state(folder: Path, device_id: str, state: dict[str, Any]) -> None:
    """Atomic but not fsynced: it is advice, rewritten every minute, and costs a disk flush per step."""
    data = json.dumps({"format": STATE_FORMAT, "version": 1, **state}, ensure_ascii=False).encode("utf-8")
    write_atomic(folder / state_name(device_id), lambda fh: fh.write(data), durable=False)


def read_states(folder: Path, names: list[str], assembly_id: str | None) -> dict[str, dict[str, Any]]:
    """Peers' states of this assembly, by device id; unreadable or half-synced ones skipped."""
    out: dict[str, dict[str, Any]] = {}
    for name in names:
        try:
            raw = json.loads((folder / name).read_bytes())
        except (OSError, ValueError):
            continue
        if not isinstance(raw, dict) or raw.get("format") != STATE_FORMAT or not isinstance(raw.get("device_id"), str):
            continue
        if assembly_id is not None and raw.get("assembly_id") != assembly_id:
            continue
        if not isinstance(raw.get("acks"), dict) or not isinstance(raw.get("outbox"), list):
            continue
        prev = out.get(raw["device_id"])
        if prev is None or str(raw.get("written_at", "")) > str(prev.get("written_at", "")):
            out[raw["device_id"]] = raw
    return out


def set_aside(folder: Path, name: str) -> str:
    """Move a file into `quarantine/` (a new name if one is taken); the path moved to, relative."""
    q = folder / QUARANTINE
    q.mkdir(exist_ok=True)
    target, n = q / name, 2
    while target.exists():
        stem, dot, ext = name.partition(SUFFIX)
        target, n = q / f"{stem}.{n}{dot}{ext}", n + 1
    os.replace(folder / name, target)
    return f"{QUARANTINE}/{target.name}"
