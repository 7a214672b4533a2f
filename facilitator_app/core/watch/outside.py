"""Notice what another connection committed to our file, and say which rows it touched.

`PRAGMA data_version` changes on our connection exactly when another connection has
committed since we last asked (our own commits never change it), and reading it costs a
few microseconds, so it can be polled often. The change log (`changes`, one row per
written field set, local writes and merged packages alike) then names the rows: every
row with a sequence number above the last one we have seen. A commit the log does not
explain (a foreign-key clean-up after a merge, a tool writing SQL) gives `AllChanged`,
which touches every table, so views reload whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator_app.core.store.store import Changes, Store

MAX_ROWS = 20_000  # more rows than this at once: reload whole rather than list them


@dataclass
class AllChanged(Changes):
    """Something changed that the change log does not name: every table may have."""

    def touches(self, *tables: str) -> bool:
        return True

    def __bool__(self) -> bool:
        return True


class OutsideWatcher:
    """Call `poll()` often; it returns the Changes another connection committed since the last call."""

    def __init__(self, store: Store):
        self.store = store
        self._version = self._data_version()
        self._seq = self._last_seq()
        store.subscribe(self._after_own_commit)

    def close(self) -> None:
        try:
            self.store.unsubscribe(self._after_own_commit)
        except ValueError:
            pass

    def _data_version(self) -> int:
        return self.store.conn.execute("PRAGMA data_version").fetchone()[0]

    def _last_seq(self) -> int:
        return self.store.conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0]

    def _after_own_commit(self, _changes: Changes) -> None:
        # Nobody else committed since the last poll: the new log rows are all ours, skip them.
        if self._data_version() == self._version:
            self._seq = self._last_seq()

    def absorb(self) -> Changes:
        """The rows logged since the last poll, and the file's current version taken as seen: for a
        caller that knows the other commits were its own bookkeeping (the sync worker's tables,
        which the log does not name and which must not make every view reload)."""
        self._version = self._data_version()
        changes = Changes()
        for seq, table, row_id in self.store.conn.execute(
                "SELECT seq, tbl, row_id FROM changes WHERE seq > ? ORDER BY seq", (self._seq,)):
            changes.add(table, row_id)
            self._seq = seq
        return changes

    def poll(self) -> Changes | None:
        if self.store._depth:  # inside one of our transactions: ask again later
            return None
        version = self._data_version()
        if version == self._version:
            return None
        self._version = version
        rows = self.store.conn.execute("SELECT seq, tbl, row_id FROM changes WHERE seq > ? ORDER BY seq LIMIT ?",
                                       (self._seq, MAX_ROWS + 1)).fetchall()
        if not rows or len(rows) > MAX_ROWS:
            self._seq = self._last_seq()
            return AllChanged()
        changes = Changes()
        for seq, table, row_id in rows:
            changes.add(table, row_id)
        self._seq = rows[-1][0]
        return changes
