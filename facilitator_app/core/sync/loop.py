"""The sync loop: one `step()` every few seconds, the same in the window and on the command line.

A step: is the folder there? -> import what other laptops wrote -> write this laptop's new
changes -> write again its packages missing from the folder -> compact -> tell the others
how far this laptop is (its state file) -> status. Nothing a step meets reaches the person
as an exception: a missing folder, a full stick, a locked file or anything unexpected
becomes `SyncStatus.problem`, and the next step tries again.

The folder is a setting of this laptop, not of the assembly (`local_meta`, per device id, so a
file copied to another laptop does not bring its folder along).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from facilitator_app.core.errors import CoreError
from facilitator_app.core.exchange.merge import PENDING_KEY
from facilitator_app.core.store.ids import utc_now
from facilitator_app.core.store.store import Store
from facilitator_app.core.sync.folder import available, list_folder, read_states, write_state
from facilitator_app.core.sync.inbox import Arrival, Aside, InboxResult, Tracker, import_new, set_aside_list
from facilitator_app.core.sync.outbox import CURSOR, OutboxRow, compact, remove_superseded, repair_missing, \
    write_outgoing
from facilitator_app.core.sync.status import SyncStatus, own_state, peer_status

log = logging.getLogger(__name__)

FOLDER_KEY = "sync.folder:"          # + device id
USED_KEY = "sync.folder_used:"       # + device id: the folder the bookkeeping is about
DEFAULT_INTERVAL = 3.0
MIN_GAP = 1.0                        # at most one step a second when woken by local edits
HEARTBEAT = 60.0                     # state file rewritten at least this often (seconds)
# A laptop whose state file is older than this is not running: compaction does not wait for it
# (it reads the compacted package when it is back). A running one rewrites it every HEARTBEAT.
ACTIVE_WITHIN = 3 * HEARTBEAT


class SyncFolderError(CoreError):
    """The folder chosen for syncing cannot be used (nothing was changed)."""


def get_folder(store: Store) -> Path | None:
    value = store.local(FOLDER_KEY + store.device.id)
    return Path(value) if value else None


def set_folder(store: Store, folder: str | Path | None) -> Path | None:
    """Choose this laptop's sync folder (None: stop syncing). It must exist and be writable."""
    key = FOLDER_KEY + store.device.id
    if folder is None or str(folder).strip() == "":
        store.conn.execute("DELETE FROM local_meta WHERE key = ?", (key,))
        return None
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise SyncFolderError(f"{path} is not a folder.", code="sync_folder_invalid", folder=str(path))
    if not available(path):
        raise SyncFolderError(f"{path} cannot be written here.", code="sync_folder_read_only", folder=str(path))
    path = path.resolve()
    store.set_local(key, str(path))
    return path


@dataclass
class StepReport:
    status: SyncStatus
    arrived: list[Arrival] = field(default_factory=list)
    written: OutboxRow | None = None
    repaired: list[str] = field(default_factory=list)
    compacted: OutboxRow | None = None
    removed: list[str] = field(default_factory=list)
    aside: list[Aside] = field(default_factory=list)        # set aside in this step

    @property
    def new_changes(self) -> int:
        return sum(a.new_changes for a in self.arrived)


class SyncLoop:
    """The loop's state between steps; `store` is this loop's own connection to the file."""

    def __init__(self, store: Store, folder: str | Path | None = None, *, settle: float = 30.0,
                 compact_after: int = 20, compact_limit: int = 100, heartbeat: float = HEARTBEAT,
                 active_within: float = ACTIVE_WITHIN,
                 clock: Callable[[], float] = time.time):
        self.store = store
        self.folder = Path(folder).expanduser().resolve() if folder else None
        self.settle, self.compact_after, self.compact_limit = settle, compact_after, compact_limit
        self.heartbeat, self.clock = heartbeat, clock
        self.active_within = timedelta(seconds=active_within)
        self.tracker = Tracker()
        self._state_written = 0.0
        self._state_key: object = None
        self._peers: dict = {}
        self.last: StepReport | None = None

    def current_folder(self) -> Path | None:
        return self.folder or get_folder(self.store)

    def step(self) -> StepReport:
        folder = self.current_folder()
        status = SyncStatus(str(folder) if folder else None, False, at=utc_now())
        report = StepReport(status)
        try:
            if folder is None:
                status.problem = "no_folder"
            elif not available(folder):
                status.problem = "unavailable"   # stick pulled out, share offline: wait for it
            else:
                status.available = True
                self._step(folder, report)
        except OSError as exc:
            status.problem, status.detail = "folder_error", exc.strerror or str(exc)
        except sqlite3.OperationalError as exc:   # the file is busy (a long write in the window)
            status.problem, status.detail = "busy", str(exc)
        except Exception as exc:   # noqa: BLE001 - a background loop must survive and say so
            log.exception("sync step failed")
            status.problem, status.detail = "unexpected", f"{type(exc).__name__}: {exc}"
        if folder is not None:
            try:
                status.set_aside = set_aside_list(self.store)
                status.pending = len(self._pending())
                if status.available and status.problem is None:
                    status.peers = peer_status(self.store, self._peers)
            except Exception:   # noqa: BLE001
                log.exception("sync status failed")
        self.last = report
        return report

    def _pending(self) -> list:
        raw = self.store.local(PENDING_KEY)
        try:
            return json.loads(raw) if raw else []
        except ValueError:
            return []

    def _step(self, folder: Path, report: StepReport) -> None:
        store, now = self.store, self.clock()
        self._check_folder_switch(folder)
        listing = list_folder(folder)
        assembly = store.assembly()
        self._peers = read_states(folder, listing.states, assembly["id"] if assembly else None)
        inbox: InboxResult = import_new(store, folder, listing, self.tracker, now, settle=self.settle)
        report.arrived = inbox.arrived
        report.status.waiting_files = inbox.waiting
        report.aside = inbox.set_aside
        if inbox.set_aside:
            listing = list_folder(folder)
        report.written = write_outgoing(store, folder, listing)
        if report.written:
            listing = list_folder(folder)
        report.repaired = repair_missing(store, folder, listing)
        peers = {d: p for d, p in self._peers.items() if self._running(p)}
        report.compacted = compact(store, folder, listing, peers, after=self.compact_after, limit=self.compact_limit)
        if not report.compacted:
            report.removed = remove_superseded(store, folder, listing)
        self._write_state(folder, now, force=bool(report.arrived or report.written or report.compacted))

    def _running(self, peer: dict) -> bool:
        try:
            seen = datetime.fromisoformat(str(peer.get("written_at")))
        except ValueError:
            return False
        if seen.tzinfo is None:
            seen = seen.replace(tzinfo=timezone.utc)
        return datetime.now(timezone.utc) - seen < self.active_within

    def _check_folder_switch(self, folder: Path) -> None:
        """Another folder than last time: what was sent there says nothing about this one."""
        store = self.store
        key = USED_KEY + store.device.id
        used = store.local(key)
        if used == str(folder):
            return
        with store.transaction():
            if used is not None:
                store.conn.execute("DELETE FROM sync_outbox WHERE device_id = ?", (store.device.id,))
                store.conn.execute("DELETE FROM sync_shared")
                store.conn.execute("DELETE FROM sync_files")
                store.set_local(CURSOR + store.device.id, "0")
            store.set_local(key, str(folder))

    def _write_state(self, folder: Path, now: float, force: bool) -> None:
        if self.store.assembly() is None:
            return
        state = own_state(self.store, utc_now())
        key = (state["acks"], state["outbox"], state["device_name"])
        if force or key != self._state_key or now - self._state_written >= self.heartbeat:
            write_state(folder, self.store.device.id, state)
            self._state_key, self._state_written = key, now

    def run(self, stop: threading.Event, interval: float = DEFAULT_INTERVAL,
            on_step: Callable[[StepReport], None] | None = None, wake: threading.Event | None = None) -> None:
        """Step until `stop` is set; `wake` (set after a local edit) shortens the wait."""
        while not stop.is_set():
            report = self.step()
            if on_step:
                on_step(report)
            started = time.monotonic()
            deadline = started + interval
            while not stop.is_set():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                if wake is not None:
                    # A local edit: write it soon, but not more than once a second in a burst.
                    if wake.wait(min(left, 0.25)) and time.monotonic() - started >= MIN_GAP:
                        wake.clear()
                        break
                else:
                    stop.wait(min(left, 0.25))
