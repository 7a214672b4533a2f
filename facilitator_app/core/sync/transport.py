"""The one place where sync uses the exchange package format: write one, read one, apply some.

A sync package is an ordinary exchange package (`core/exchange`: a `.assemblea` zip with
manifest and changes.jsonl), so `bundle collect` can also import a sync folder by hand.
Its manifest has one more block, ``"sync": {"first": int, "seq": int, "kind": str}``:
the range of this laptop's sync sequence numbers it covers (a compacted package covers many).
An encrypted assembly file seals its sync packages like every other package (`core/privacy/
sealed.py`, key from the file's passphrase): a laptop without the key cannot read the folder.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from facilitator_app import __version__
from facilitator_app.core.exchange.changelog import ensure_preds
from facilitator_app.core.exchange.packages import (FORMAT, FORMAT_VERSION, PAYLOAD, ImportSummary, Package,
                                                    PackageError, apply_packages, package_bytes, package_key)
from facilitator_app.core.exchange.packages import read_package as _read_exchange_package
from facilitator_app.core.store.ids import utc_now
from facilitator_app.core.store.schema import LATEST_VERSION
from facilitator_app.core.store.store import Store

__all__ = ["ImportSummary", "Package", "PackageError", "apply", "build_payload", "fsync_dir", "manifest_for",
           "read_package", "sync_block", "write_atomic", "write_package"]

DESTINATION = "sync folder"


def build_payload(store: Store, ranges: list[list[int]]) -> tuple[bytes, int]:
    """The changes.jsonl of the log positions in `ranges` ([[first, last], ...], inclusive)."""
    ensure_preds(store)
    d = json.dumps
    lines: list[str] = []
    for a, b in ranges:
        for hlc, device, tbl, row, data, pred in store.conn.execute(
                "SELECT hlc, device_id, tbl, row_id, data, pred FROM changes WHERE seq BETWEEN ? AND ? ORDER BY seq",
                (a, b)):
            lines.append(f'{{"hlc":{d(hlc)},"device":{d(device)},"tbl":{d(tbl)},"row":{d(row)},'
                         f'"data":{data},"pred":{pred or "{}"}}}')
    return ("\n".join(lines) + "\n" if lines else "").encode("utf-8"), len(lines)


def manifest_for(store: Store, payload: bytes, count: int, ranges: list[list[int]], first: int, seq: int,
                 kind: str) -> dict[str, Any]:
    assembly = store.assembly()
    assert assembly is not None, "nothing is sent before the file has an assembly"
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "schema_version": LATEST_VERSION,
        "app_version": __version__, "created_at": utc_now(),
        "assembly": {"id": assembly["id"], "name": assembly["name"]},
        "source": {"device_id": store.device.id, "device_name": store.device.name},
        "destination": DESTINATION, "full": False,
        "range": {"from_seq": (ranges[0][0] - 1) if ranges else 0, "to_seq": ranges[-1][1] if ranges else 0},
        "purpose": None,
        "payload": {"name": PAYLOAD, "count": count, "sha256": hashlib.sha256(payload).hexdigest()},
        "sync": {"first": first, "seq": seq, "kind": kind},
    }


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (no-op where directories cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(target: Path, write: Any, durable: bool = True) -> None:
    """Write under a hidden temporary name in the same folder, fsync, rename: a sync tool or a
    reader never sees half a file under the real name. `write(fh)` writes the content."""
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    if durable:
        fsync_dir(target.parent)


def write_package(store: Store, target: Path, manifest: dict[str, Any], payload: bytes) -> None:
    """Write one package atomically (OSError if the folder cannot take it); sealed when the file is encrypted."""
    data = package_bytes(manifest, payload, package_key(store))
    write_atomic(target, lambda fh: fh.write(data))


def read_package(store: Store, path: Path) -> Package:
    """Read and check one package completely (PackageError says what is wrong)."""
    return _read_exchange_package(path, package_key(store))


def sync_block(package: Package) -> tuple[int, int, str] | None:
    """(first, seq, kind) of a sync package; None for a package written by hand (bundle export)."""
    s = package.manifest.get("sync")
    if isinstance(s, dict) and isinstance(s.get("first"), int) and isinstance(s.get("seq"), int) \
            and 0 < s["first"] <= s["seq"]:
        return s["first"], s["seq"], str(s.get("kind") or "changes")
    return None


def apply(store: Store, packages: list[Package]) -> ImportSummary:
    """Merge packages (inside the caller's transaction: all or nothing)."""
    return apply_packages(store, packages)
