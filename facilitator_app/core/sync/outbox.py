"""This laptop's side of the folder: its new changes as packages, kept there, compacted.

What is sent: every change of this file's log that the folder does not hold yet, i.e. the
laptop's own work and what reached it another way (a USB package), but not what it
received from the folder (`sync_shared`). Each package is recorded in `sync_outbox`
(the runs of log positions it holds) *before* its file is written, so a crash, a full
stick or a file deleted by someone is repaired by writing it again, identically.

Compaction: once every peer running now has applied this laptop's packages up to N (their
state files say so; a laptop that is switched off does not hold it back), or when the
packages pile up whatever the peers say,
packages 1..N become one package `<device>-000001-<N>.assemblea` and the small ones
are removed. Only the laptop that wrote a package ever removes it, so two laptops
never fight over a file; a laptop never seen before finds everything in the compacted
package, and one that missed some packages gets them back from it (merging is idempotent).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator_app.core.store.ids import utc_now
from facilitator_app.core.store.schema import SYNCED_TABLES
from facilitator_app.core.store.store import Store
from facilitator_app.core.sync.folder import Listing, file_stem, package_name, parse_name
from facilitator_app.core.sync.transport import build_payload, manifest_for, write_package

CURSOR = "sync.sent_to_seq:"     # + device id: log position up to which packages were written
LAST_SEQ = "sync.last_seq:"      # + device id: the highest package number ever used (never goes back)
# Tables whose rows alone make a file "blank" (a placeholder about to adopt an assembly).
_BLANK_TABLES = {"assembly", "settings", "devices", "conflicts"}


@dataclass
class OutboxRow:
    seq: int
    first: int
    file: str
    ranges: list[list[int]]
    count: int

    @property
    def compacted(self) -> bool:
        return self.first != self.seq


def outbox(store: Store) -> list[OutboxRow]:
    return [OutboxRow(s, f, name, json.loads(r), c) for s, f, name, r, c in store.conn.execute(
        "SELECT seq, first_seq, file, ranges, count FROM sync_outbox WHERE device_id = ? ORDER BY seq",
        (store.device.id,))]


def _runs(seqs: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for s in seqs:
        if runs and s == runs[-1][1] + 1:
            runs[-1][1] = s
        else:
            runs.append([s, s])
    return runs


def _merge_runs(ranges: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def is_blank(store: Store) -> bool:
    """No assembly yet, or only a placeholder: nothing worth sending (it may adopt the folder's)."""
    return store.assembly() is None or not any(
        store.scalar(f"SELECT 1 FROM [{t}] LIMIT 1") for t in SYNCED_TABLES if t not in _BLANK_TABLES)


def next_seq(store: Store, listing: Listing) -> int:
    """After this laptop's last package, here and in the folder (a file restored from a
    backup must not reuse the numbers of packages it wrote before)."""
    last = max(store.scalar("SELECT max(seq) FROM sync_outbox WHERE device_id = ?", (store.device.id,)) or 0,
               int(store.local(LAST_SEQ + store.device.id) or 0))
    mine = file_stem(store.device.id)
    for name in listing.packages:
        parsed = parse_name(name)
        if parsed and parsed[0] == mine:
            last = max(last, parsed[2])
    return last + 1


def write_outgoing(store: Store, folder: Path, listing: Listing) -> OutboxRow | None:
    """Write this laptop's changes not yet in the folder as the next package; None if none."""
    if is_blank(store):
        return None
    cursor = int(store.local(CURSOR + store.device.id) or 0)
    seqs = [s for (s,) in store.conn.execute(
        "SELECT seq FROM changes WHERE seq > ? AND seq NOT IN (SELECT seq FROM sync_shared) ORDER BY seq",
        (cursor,))]
    top = store.scalar("SELECT max(seq) FROM changes") or 0
    if not seqs:
        if top > cursor:   # only what came from the folder: move on
            with store.transaction():
                _advance(store, top)
        return None
    seq = next_seq(store, listing)
    ranges = _runs(seqs)
    payload, count = build_payload(store, ranges)
    manifest = manifest_for(store, payload, count, ranges, seq, seq, "changes")
    row = OutboxRow(seq, seq, package_name(store.device.id, seq, seq), ranges, count)
    with store.transaction():   # recorded first: a write that fails is repaired by `repair_missing`
        _record(store, row, manifest["payload"]["sha256"])
        _advance(store, seqs[-1])
    write_package(store, folder / row.file, manifest, payload)
    return row


def _advance(store: Store, to_seq: int) -> None:
    store.set_local(CURSOR + store.device.id, str(to_seq))
    store.conn.execute("DELETE FROM sync_shared WHERE seq <= ?", (to_seq,))


def _record(store: Store, row: OutboxRow, sha: str) -> None:
    if row.seq > int(store.local(LAST_SEQ + store.device.id) or 0):
        store.set_local(LAST_SEQ + store.device.id, str(row.seq))
    store.conn.execute("INSERT OR REPLACE INTO sync_outbox VALUES (?,?,?,?,?,?,?,?)",
                       (store.device.id, row.seq, row.first, row.file, json.dumps(row.ranges), row.count, sha,
                        utc_now()))


def _write_row(store: Store, folder: Path, row: OutboxRow, kind: str) -> None:
    payload, count = build_payload(store, row.ranges)
    write_package(store, folder / row.file, manifest_for(store, payload, count, row.ranges, row.first, row.seq, kind),
                  payload)


def repair_missing(store: Store, folder: Path, listing: Listing) -> list[str]:
    """Write again this laptop's packages that are not in the folder (deleted, set aside by a
    peer, a new stick at the same place, a write that failed); the names written."""
    written = []
    for row in outbox(store):
        if row.file not in listing.packages:
            _write_row(store, folder, row, "snapshot" if row.compacted else "changes")
            written.append(row.file)
    return written


# -- compaction ------------------------------------------------------------------------------
def compact(store: Store, folder: Path, listing: Listing, peers: dict[str, dict[str, Any]], *,
            after: int = 20, limit: int = 100) -> OutboxRow | None:
    """Merge this laptop's packages 1..N into one when they are many (see the module docstring).

    N is what every running peer has applied (`after` small packages at least), or, with `limit`
    small packages or more, all of them whatever the peers say (a peer stuck behind).
    """
    rows = outbox(store)
    small = [r for r in rows if not r.compacted]
    if len(small) < after or not rows:
        return None
    acked = [int((p.get("acks") or {}).get(store.device.id, 0) or 0) for d, p in peers.items()
             if d != store.device.id]
    upto = min(acked) if acked else rows[-1].seq
    if len([r for r in small if r.seq <= upto]) < after:
        if len(small) < limit:
            return None
        upto = rows[-1].seq
    covered = [r for r in rows if r.seq <= upto]
    if len(covered) < 2:
        return None
    ranges = _merge_runs([run for r in covered for run in r.ranges])
    payload, count = build_payload(store, ranges)
    first = covered[0].first
    snap = OutboxRow(upto, first, package_name(store.device.id, first, upto), ranges, count)
    manifest = manifest_for(store, payload, count, ranges, first, upto, "snapshot")
    with store.transaction():
        store.conn.execute("DELETE FROM sync_outbox WHERE device_id = ? AND seq <= ?", (store.device.id, upto))
        _record(store, snap, manifest["payload"]["sha256"])
    write_package(store, folder / snap.file, manifest, payload)
    remove_superseded(store, folder, listing)
    return snap


def remove_superseded(store: Store, folder: Path, listing: Listing) -> list[str]:
    """Remove this laptop's own files that a compacted package now holds: its small packages
    and the conflict copies sync tools made of them (known by their content, `sync_files`)."""
    rows = outbox(store)
    keep = {r.file for r in rows}
    spans = [(r.first, r.seq) for r in rows if r.compacted]

    def covered(a: int, b: int) -> bool:
        return any(f <= a and b <= s for f, s in spans)

    mine = file_stem(store.device.id)
    doomed = []
    for name in listing.packages:
        if name in keep:
            continue
        parsed = parse_name(name)
        if parsed and parsed[0] == mine and covered(parsed[1], parsed[2]):
            doomed.append(name)
    for name, a, b in store.conn.execute(
            "SELECT name, first_seq, last_seq FROM sync_files WHERE source = ? AND first_seq IS NOT NULL",
            (store.device.id,)).fetchall():
        if name in listing.packages and name not in keep and name not in doomed and covered(a, b):
            doomed.append(name)
    removed = []
    for name in doomed:
        try:
            os.unlink(folder / name)
            removed.append(name)
        except FileNotFoundError:
            removed.append(name)
        except OSError:
            continue   # read-only, locked by a sync tool: next time
    if removed:
        with store.transaction():
            store.conn.executemany("DELETE FROM sync_files WHERE name = ?", [(n,) for n in removed])
    return removed
