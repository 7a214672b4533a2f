"""The other laptops' side of the folder: import what is new, wait for what is still arriving,
set aside what will never be a package of this assembly.

Every package is read completely and checked (zip, manifest, checksum, every line) before
anything is merged, so a file still being copied (a sync tool writing under the final
name, a stick pulled mid-copy, a file pre-allocated full of zeros) fails the check: it is
retried at the next scan and only set aside once it has stayed the same, and unreadable,
for `settle` seconds. Damaged and foreign files move to `quarantine/`; packages of another
assembly, of a newer version of the app, or sealed with another key (a laptop whose file has
another passphrase, or a plain file among encrypted ones) stay where they are (they are
someone's good data: moving them would make their laptop write them again, and the two
fight over the folder) and are only listed. A package is identified by the checksum of its content, so a
conflict copy or a `(1)` duplicate is recognised and never merged twice; merging is
idempotent anyway. Each merge is one transaction together with its bookkeeping.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from facilitator_app.core.exchange.merge import MergeError
from facilitator_app.core.store.ids import utc_now
from facilitator_app.core.store.store import Store
from facilitator_app.core.sync.folder import Entry, Listing, set_aside
from facilitator_app.core.sync.outbox import CURSOR, is_blank, outbox
from facilitator_app.core.sync.transport import Package, PackageError, apply, read_package, sync_block

# Statuses in sync_files that mean "nothing more to do while the file stays the same".
FINAL = {"applied", "duplicate", "own", "other_assembly", "bad", "other_key"}


@dataclass
class Arrival:
    file: str
    source: str
    source_name: str
    changes: int
    new_changes: int


@dataclass
class Aside:
    file: str
    kind: str          # damaged | foreign | other_assembly | newer | other_key
    reason: str
    moved_to: str | None = None


@dataclass
class InboxResult:
    arrived: list[Arrival] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)       # still arriving: retried next time
    set_aside: list[Aside] = field(default_factory=list)
    pending: int = 0                                        # rows waiting for changes not received yet

    @property
    def new_changes(self) -> int:
        return sum(a.new_changes for a in self.arrived)


class Tracker:
    """What a running loop remembers between scans: the packages of a newer app version it
    skips (a new loop, after an update, tries them again)."""

    def __init__(self) -> None:
        self.newer: dict[str, tuple[int, int]] = {}


def unreadable_for(store: Store, entry: Entry, now: float) -> float:
    """For how long the file has been unreadable with this same size and time (0: first sight)."""
    row = store.conn.execute("SELECT size, mtime_ns, bad_since FROM sync_files WHERE name = ? AND status = ?",
                             (entry.name, "unreadable")).fetchone()
    if row is None or (row[0], row[1]) != entry.signature or row[2] is None:
        with store.transaction():
            store.conn.execute("INSERT OR REPLACE INTO sync_files (name, size, mtime_ns, status, bad_since) "
                               "VALUES (?,?,?,?,?)", (entry.name, entry.size, entry.mtime_ns, "unreadable", now))
        return 0.0
    return now - row[2]


def _known_files(store: Store) -> dict[str, tuple[int, int, str]]:
    return {n: (s, m, st) for n, s, m, st in store.conn.execute("SELECT name, size, mtime_ns, status FROM sync_files")}


def _note_file(store: Store, entry: Entry, status: str, package: Package | None = None) -> None:
    block = sync_block(package) if package else None
    store.conn.execute(
        "INSERT OR REPLACE INTO sync_files VALUES (?,?,?,?,?,?,?,?,NULL)",
        (entry.name, entry.size, entry.mtime_ns, status, package.source_id if package else None,
         block[0] if block else None, block[1] if block else None,
         package.manifest["payload"]["sha256"] if package else None))


def _list_aside(store: Store, aside: Aside) -> None:
    """Listed once per file and kind (the latest reason)."""
    store.conn.execute("DELETE FROM sync_set_aside WHERE file = ? AND kind = ?", (aside.file, aside.kind))
    store.conn.execute("INSERT INTO sync_set_aside (file, kind, reason, moved_to, at) VALUES (?,?,?,?,?)",
                       (aside.file, aside.kind, aside.reason, aside.moved_to, utc_now()))


def import_new(store: Store, folder: Path, listing: Listing, tracker: Tracker, now: float, *,
               settle: float = 30.0) -> InboxResult:
    """One scan's imports (see the module docstring); OSError if the folder goes away meanwhile."""
    result = InboxResult()
    known = _known_files(store)
    own_files = {r.file for r in outbox(store)}
    applied = {s for (s,) in store.conn.execute("SELECT sha256 FROM sync_applied")}
    own_shas = {s for (s,) in store.conn.execute("SELECT sha256 FROM sync_outbox WHERE device_id = ?",
                                                 (store.device.id,))}
    readable: list[tuple[Entry, Package]] = []
    for name in sorted(listing.packages):
        entry = listing.packages[name]
        if name in own_files:
            continue
        k = known.get(name)
        if k and (k[0], k[1]) == entry.signature and k[2] in FINAL:
            continue
        if tracker.newer.get(name) == entry.signature:
            continue
        try:
            package = read_package(store, folder / name)
        except PackageError as exc:
            _unreadable(store, folder, entry, exc, tracker, now, settle, result)
            continue
        sha = package.manifest["payload"]["sha256"]
        if sha in own_shas:
            status = "own"
        elif sha in applied:
            status = "duplicate"
        else:
            readable.append((entry, package))
            continue
        with store.transaction():
            _note_file(store, entry, status, package)
    if readable:
        _merge(store, folder, readable, tracker, result)
    present = set(listing.packages)
    gone = [n for n in known if n not in present]
    if gone:
        with store.transaction():
            store.conn.executemany("DELETE FROM sync_files WHERE name = ?", [(n,) for n in gone])
    return result


def _unreadable(store: Store, folder: Path, entry: Entry, exc: PackageError, tracker: Tracker, now: float,
                settle: float, result: InboxResult) -> None:
    kind = exc.kind
    if kind == "wrong_key":
        # Sealed with another key, or plain where this file takes only sealed ones (or the reverse):
        # complete and authentic for its own laptops. Listed once, left, not read again while unchanged.
        aside = Aside(entry.name, "other_key", str(exc))
        with store.transaction():
            _list_aside(store, aside)
            store.conn.execute("INSERT OR REPLACE INTO sync_files (name, size, mtime_ns, status) VALUES (?,?,?,?)",
                               (entry.name, entry.size, entry.mtime_ns, "other_key"))
        result.set_aside.append(aside)
        return
    if kind == "newer":
        tracker.newer[entry.name] = entry.signature
        aside = Aside(entry.name, "newer", str(exc))
        with store.transaction():
            _list_aside(store, aside)
        result.set_aside.append(aside)
        return
    # Damaged, foreign or unreadable: maybe still arriving. Only a file that has stayed the same
    # (size and time) and unreadable for `settle` seconds, and is not freshly modified, is bad.
    age = now - entry.mtime_ns / 1e9
    if kind == "unreadable" or unreadable_for(store, entry, now) < settle or age < settle:
        result.waiting.append(entry.name)
        return
    try:
        moved = set_aside(folder, entry.name)
    except OSError:
        moved = None    # cannot move it (read-only share): listed, and skipped while unchanged
    aside = Aside(entry.name, kind, str(exc), moved)
    with store.transaction():
        _list_aside(store, aside)
        if moved is None:
            store.conn.execute("INSERT OR REPLACE INTO sync_files (name, size, mtime_ns, status) VALUES (?,?,?,?)",
                               (entry.name, entry.size, entry.mtime_ns, "bad"))
        else:
            store.conn.execute("DELETE FROM sync_files WHERE name = ?", (entry.name,))
    result.set_aside.append(aside)


def _assembly_filter(store: Store, readable: list[tuple[Entry, Package]],
                     result: InboxResult) -> list[tuple[Entry, Package]]:
    """Keep this assembly's packages (a blank file takes the assembly most packages belong to)."""
    local = store.assembly()
    if local is not None and not is_blank(store):
        wanted = local["id"]
    else:
        wanted = Counter(p.assembly_id for _, p in readable).most_common(1)[0][0]
    keep = []
    for entry, p in readable:
        if p.assembly_id == wanted:
            keep.append((entry, p))
            continue
        other = p.manifest["assembly"].get("name") or ""
        aside = Aside(entry.name, "other_assembly", f"{entry.name} belongs to the assembly “{other}”.")
        with store.transaction():
            _list_aside(store, aside)
            _note_file(store, entry, "other_assembly", p)
        result.set_aside.append(aside)
    return keep


def _merge(store: Store, folder: Path, readable: list[tuple[Entry, Package]], tracker: Tracker,
           result: InboxResult) -> None:
    readable = _assembly_filter(store, readable, result)
    # Oldest first (fewer rows left waiting for their creation); one copy per content.
    seen: set[str] = set()
    batch = []
    for entry, p in sorted(readable, key=lambda ep: (ep[1].source_id, (sync_block(ep[1]) or (0, 0, ""))[:2])):
        sha = p.manifest["payload"]["sha256"]
        if sha in seen:
            with store.transaction():
                _note_file(store, entry, "duplicate", p)
            continue
        seen.add(sha)
        batch.append((entry, p))
    if not batch:
        return
    try:
        _apply_batch(store, batch, result)
    except (PackageError, MergeError):
        for one in batch:    # one bad package must not hold back the others
            try:
                _apply_batch(store, [one], result)
            except (PackageError, MergeError) as exc:
                entry = one[0]
                tracker.newer[entry.name] = entry.signature
                aside = Aside(entry.name, "newer", str(exc))
                with store.transaction():
                    _list_aside(store, aside)
                result.set_aside.append(aside)


def _apply_batch(store: Store, batch: list[tuple[Entry, Package]], result: InboxResult) -> None:
    packages = [p for _, p in batch]
    with store.transaction():
        summary = apply(store, packages)
        cursor = int(store.local(CURSOR + store.device.id) or 0)
        _mark_shared(store, packages, cursor)
        now = utc_now()
        for (entry, p), rep in zip(batch, summary.packages):
            block = sync_block(p) or (0, 0, "")
            store.conn.execute("INSERT OR REPLACE INTO sync_applied VALUES (?,?,?,?,?,?,?,?,?)",
                               (p.manifest["payload"]["sha256"], p.source_id, block[0], block[1], rep.changes,
                                rep.new_changes, p.manifest.get("created_at"), now, entry.name))
            _note_file(store, entry, "applied", p)
    result.pending = summary.pending
    for (entry, p), rep in zip(batch, summary.packages):
        result.arrived.append(Arrival(entry.name, p.source_id, rep.source_name, rep.changes, rep.new_changes))


def _mark_shared(store: Store, packages: list[Package], cursor: int) -> None:
    """The log positions of these packages' changes are in the folder: never send them back."""
    keys = [c.key for p in packages for c in p.changes]
    if not keys:
        return
    store.conn.execute("CREATE TEMP TABLE IF NOT EXISTS _sync_keys (hlc TEXT, tbl TEXT, row_id TEXT)")
    store.conn.execute("DELETE FROM _sync_keys")
    store.conn.executemany("INSERT INTO _sync_keys VALUES (?,?,?)", keys)
    store.conn.execute(
        "INSERT OR IGNORE INTO sync_shared SELECT c.seq FROM _sync_keys k CROSS JOIN changes c "
        "ON c.hlc = k.hlc AND c.tbl = k.tbl AND c.row_id = k.row_id WHERE c.seq > ?", (cursor,))


def contiguous(store: Store) -> dict[str, int]:
    """Per source laptop: N such that its sync packages 1..N have all been applied here."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for source, a, b in store.conn.execute(
            "SELECT source, first_seq, last_seq FROM sync_applied WHERE first_seq > 0"):
        spans.setdefault(source, []).append((a, b))
    out = {}
    for source, ss in spans.items():
        n = 0
        for a, b in sorted(ss):
            if a > n + 1:
                break
            n = max(n, b)
        out[source] = n
    return out


def set_aside_list(store: Store, limit: int = 50) -> list[Aside]:
    return [Aside(f, k, r, m) for f, k, r, m in store.conn.execute(
        "SELECT file, kind, reason, moved_to FROM sync_set_aside ORDER BY id DESC LIMIT ?", (limit,))]


