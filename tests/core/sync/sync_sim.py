"""Laptops and a sync tool, simulated with files: stores on tmp files, one folder per laptop
(as Syncthing keeps them) or one shared folder (a network share, a USB stick)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from facilitator_app.core.store.device import Device
from facilitator_app.core.exchange.packages import export_package, import_packages
from facilitator_app.core.members import create_member
from facilitator_app.core.plenaries import create_plenary
from facilitator_app.core.store.schema import SYNCED_TABLES
from facilitator_app.core.store.store import Store
from facilitator_app.core.sync import SyncLoop

LOCAL_ONLY = ("updated_at",)


def open_laptop(folder: Path, name: str) -> Store:
    store = Store(folder / f"{name}.sqlite", Device(f"dev{name.lower()}", name))
    store.conn.execute("PRAGMA synchronous = OFF")  # tests only
    return store


def base_assembly(store: Store, members: int = 6) -> dict[str, Any]:
    """An assembly with members, one plenary, its morning session and one group."""
    store.ensure_assembly("Assemblea di prova")
    ids = [create_member(store, {"surname": f"Rossi{i}", "first_name": f"Anna{i}", "status": "active"})
           for i in range(members)]
    p = create_plenary(store, 1, "2026-12-03", "Palazzo Marino", sessions=[("Mattina", "09:00", "13:00")])
    s = store.select("sessions", "plenary_id = ?", (p,))[0]["id"]
    with store.transaction():
        g = store.insert("groups", {"plenary_id": p, "session_id": s, "name": "Mobilità", "sort_order": 0})
    return {"members": ids, "plenary": p, "session": s, "group": g}


def laptops(tmp: Path, *names: str, members: int = 6) -> tuple[list[Store], dict[str, Any]]:
    """The first laptop makes the assembly; the others start from a full package of it."""
    first = open_laptop(tmp, names[0])
    facts = base_assembly(first, members)
    pkg = tmp / "base.assemblea"
    export_package(first, pkg)
    others = [open_laptop(tmp, n) for n in names[1:]]
    for o in others:
        import_packages(o, [pkg])
    pkg.unlink()
    return [first, *others], facts


def loop(store: Store, folder: Path, **kw: Any) -> SyncLoop:
    kw.setdefault("settle", 0.0)
    return SyncLoop(store, folder, **kw)


def content(store: Store) -> dict[str, dict[str, tuple]]:
    out = {}
    for t in SYNCED_TABLES:
        rows = store.select(t, include_deleted=True)
        out[t] = {r["id"]: tuple(sorted((k, v) for k, v in r.items() if k not in LOCAL_ONLY)) for r in rows}
    return out


def packages(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file() and p.name.endswith(".assemblea"))


def replicate(src: Path, dst: Path) -> None:
    """What a sync tool does between two laptops' folders: new and changed files copied
    (to a temporary name, then renamed, as Syncthing does), deleted ones deleted."""
    dst.mkdir(exist_ok=True)
    for sub in ("", "quarantine"):
        s, d = src / sub, dst / sub
        if not s.is_dir():
            continue
        d.mkdir(exist_ok=True)
        names = {p.name for p in s.iterdir() if p.is_file() and not p.name.startswith(".")}
        for n in names:
            a, b = s / n, d / n
            if not b.exists() or a.read_bytes() != b.read_bytes():
                tmp = d / f".syncthing.{n}.tmp"
                shutil.copy2(a, tmp)
                os.replace(tmp, b)
