"""The assembly store: one SQLite file per assembly, on sqlite-utils.

Every write goes through `Store.insert/update/put/delete` inside
`Store.transaction()`. Each write stamps the row (updated_at, device_id, hlc)
and appends the changed fields to the local `changes` log, which the exchange
packages ship to other laptops. When the outermost transaction commits, the
store tells its listeners which tables and rows changed, so views refresh
only what they show.

Durability: WAL with synchronous=FULL, so a committed transaction survives a
killed process or a power cut; callers confirm on screen only after
`transaction()` has returned.

Encryption: with a `passphrase`, a new file is created as a SQLCipher 4 database and an
encrypted one is opened with it (the key is set before anything else is read); a plain file
opens as before, whatever the passphrase. See `core/privacy/cipher.py`.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator_app.core.errors import CoreError
from facilitator_app.core.privacy.cipher import DATABASE_ERRORS, connect, file_kind
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.ids import HybridClock, new_id, utc_now
from facilitator_app.core.store.schema import LATEST_VERSION, MIGRATIONS, SYNCED_TABLES
from facilitator_app.core.text import fold

BOOKKEEPING = ("id", "created_at", "updated_at", "device_id", "hlc")
WITHHELD_KEY = "privacy.withheld"


def _fold_collation(a: str, b: str) -> int:
    fa, fb = fold(a), fold(b)
    return (fa > fb) - (fa < fb) or (a > b) - (a < b)



def _sql_text(value: str) -> str:
    """A SQL string literal (executescript takes no parameters): a quote in a migration's name
    must not end the literal."""
    return "'" + str(value).replace("'", "''") + "'"


class StoreError(CoreError):
    """A problem with the assembly file the user must be told about."""


class NewerSchemaError(StoreError):
    code = "newer_schema"

    def __init__(self, found: int, supported: int):
        super().__init__(
            f"This assembly file was written by a newer version of the app "
            f"(schema {found}; this version knows up to {supported}). "
            f"Update the app to open it; the file was not changed.",
            found=found, supported=supported,
        )
        self.found, self.supported = found, supported


class NotAnAssemblyError(StoreError):
    code = "not_an_assembly"


class DamagedFileError(StoreError):
    code = "damaged_file"

    def __init__(self, path: Path, detail: str):
        super().__init__(f"{path} is damaged ({detail}); open a backup instead. The file was not changed.",
                         path=str(path), detail=detail)


class PassphraseRequiredError(NotAnAssemblyError):
    """Not a plain SQLite file: an encrypted assembly (or something else entirely)."""

    code = "passphrase_required"

    def __init__(self, path: Path):
        super().__init__(f"{path} is encrypted (or not an assembly file): give its passphrase "
                         f"(--passphrase-file FILE or the FACILITATOR_APP_PASSPHRASE environment variable). "
                         f"The file was not changed.", path=str(path))


class WrongPassphraseError(StoreError):
    code = "wrong_passphrase"

    def __init__(self, path: Path):
        super().__init__(f"Cannot open {path}: the passphrase is wrong, or the file is damaged or not an "
                         f"assembly file. The file was not changed.", path=str(path))


@dataclass
class Changes:
    """What one committed transaction changed: table -> row ids."""

    rows: dict[str, set[str]] = field(default_factory=dict)

    def add(self, table: str, row_id: str) -> None:
        self.rows.setdefault(table, set()).add(row_id)

    def touches(self, *tables: str) -> bool:
        return any(t in self.rows for t in tables)

    def __bool__(self) -> bool:
        return bool(self.rows)


def encode_value(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def decode_value(value: Any) -> Any:
    if isinstance(value, dict) and "$b64" in value:
        return base64.b64decode(value["$b64"])
    return value


class Store:
    def __init__(self, path: str | Path, device: Device | None = None, *, create: bool = True,
                 passphrase: str | None = None):
        self.path = Path(path)
        memory = str(path) == ":memory:"
        kind = "missing" if memory else file_kind(self.path)
        if not memory:
            if kind == "missing" and not create:
                raise StoreError(f"No assembly file at {self.path}", code="no_assembly_file", path=str(self.path))
            if kind == "encrypted" and passphrase is None:
                raise PassphraseRequiredError(self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
        # A plain file stays plain (`encrypt` makes an encrypted copy); a new one is encrypted
        # when a passphrase is given.
        self.passphrase = passphrase if (passphrase is not None and kind != "plain" and not memory) else None
        self.device = device or Device.load()
        self.conn = None
        key_ok = False
        try:
            self.conn = connect(path, self.passphrase, isolation_level=None, check_same_thread=False)
            try:
                self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except DATABASE_ERRORS as exc:
                if self.passphrase is not None:
                    raise WrongPassphraseError(self.path) from exc
                raise
            key_ok = True
            self.conn.execute("PRAGMA busy_timeout = 5000")
            # ORDER BY surname COLLATE fold: Şahin next to Sala, Ødegård next to Oddone.
            self.conn.create_collation("fold", _fold_collation)
            self.conn.execute("PRAGMA foreign_keys = ON")
            # Deleted content is overwritten, not left in free pages (erasure, retention).
            self.conn.execute("PRAGMA secure_delete = ON")
            if not memory:
                mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    raise StoreError(f"Could not switch {self.path} to WAL mode", code="no_wal", path=str(self.path))
            self.conn.execute("PRAGMA synchronous = FULL")
            self._check_is_assembly()
            if self.passphrase is not None and kind == "encrypted":
                # A copy cut short still decrypts its first pages; find out now, not mid-work.
                result = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
                if result != "ok":
                    raise DamagedFileError(self.path, result)
        except StoreError:
            self._close_quietly()
            raise
        except DATABASE_ERRORS as exc:
            self._close_quietly()
            if self.passphrase is not None and key_ok:
                raise DamagedFileError(self.path, str(exc)) from exc
            if self.passphrase is not None:
                raise WrongPassphraseError(self.path) from exc
            raise NotAnAssemblyError(f"{self.path} is not an assembly file ({exc})", path=str(self.path)) from exc
        self._depth = 0
        self._pending = Changes()
        self._listeners: list[Callable[[Changes], None]] = []
        try:
            self._migrate()
            last = self.conn.execute("SELECT max(hlc) FROM changes").fetchone()[0]
            self.clock = HybridClock(self.device.id, last)
            self.withheld = self._load_withheld()
        except DATABASE_ERRORS as exc:  # a damaged (e.g. truncated) file shows itself here
            self._close_quietly()
            raise DamagedFileError(self.path, str(exc)) from exc
        # This laptop's row in `devices` is written with its first write, not on opening: a file only
        # read here (or an import refused) stays byte for byte as it was.
        self._device_known = False
        self._device_new = False

    @property
    def db(self):
        """A sqlite_utils view of the connection, for ad-hoc scripts; imported on first use because
        sqlite_utils (dateutil, click, pluggy) costs a seventh of a second at every start."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    # -- opening -----------------------------------------------------------
    @property
    def encrypted(self) -> bool:
        return self.passphrase is not None

    def _close_quietly(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except DATABASE_ERRORS:
                pass

    def _check_is_assembly(self) -> None:
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "schema_migrations" not in tables:
            raise NotAnAssemblyError(f"{self.path} is an SQLite file but not an assembly file", path=str(self.path))

    def schema_version(self) -> int:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
        )
        return self.conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > LATEST_VERSION:
            raise NewerSchemaError(current, LATEST_VERSION)
        # Every migration not yet applied, by its number, not only those above the highest: the
        # wave of features whose migrations were numbered apart (8 to 13) must never leave a gap.
        applied = {r[0] for r in self.conn.execute("SELECT version FROM schema_migrations")} if current else set()
        for version, name, sql in MIGRATIONS:
            if version in applied:
                continue
            # executescript commits first; wrap each migration explicitly so a
            # failure leaves the file at the previous version.
            self.conn.executescript(
                f"BEGIN IMMEDIATE;\n{sql}\n"
                f"INSERT INTO schema_migrations VALUES ({int(version)}, {_sql_text(name)}, "
                f"{_sql_text(utc_now())});\nCOMMIT;"
            )

    # -- fields this laptop never received (core/privacy/scope.py) --------------------
    def _load_withheld(self) -> dict[str, set[str]]:
        raw = self.local(WITHHELD_KEY)
        return {t: set(fs) for t, fs in json.loads(raw).items()} if raw else {}

    def set_withheld(self, withheld: dict[str, list[str]]) -> None:
        """Remember which fields of which tables this prepared laptop did not receive."""
        self.set_local(WITHHELD_KEY, json.dumps({t: sorted(fs) for t, fs in withheld.items() if fs}))
        self.withheld = self._load_withheld()

    def _register_device(self) -> None:
        self._device_known = True
        row = self.get("devices", self.device.id)
        if row is None or row["name"] != self.device.name:
            self._device_new = True
            self.put("devices", self.device.id, {"name": self.device.name})

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- listeners and transactions -----------------------------------------
    def subscribe(self, listener: Callable[[Changes], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[Changes], None]) -> None:
        self._listeners.remove(listener)

    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        """All or nothing. Nested calls become savepoints."""
        if self._depth == 0:
            self.conn.execute("BEGIN IMMEDIATE")
        else:
            self.conn.execute(f"SAVEPOINT sp{self._depth}")
        self._depth += 1
        try:
            if not self._device_known:
                self._register_device()
            yield self
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("ROLLBACK")
                self._pending = Changes()
                if self._device_new:  # its row went with the rollback
                    self._device_known = self._device_new = False
            else:
                self.conn.execute(f"ROLLBACK TO sp{self._depth}")
                self.conn.execute(f"RELEASE sp{self._depth}")
            raise
        self._depth -= 1
        if self._depth:
            self.conn.execute(f"RELEASE sp{self._depth}")
            return
        self.conn.execute("COMMIT")
        self._device_new = False
        changes, self._pending = self._pending, Changes()
        if changes:
            for listener in list(self._listeners):
                listener(changes)

    def note_change(self, table: str, row_id: str) -> None:
        """Report a row written without a local log entry (merged from another laptop) to listeners."""
        self._require_transaction()
        self._pending.add(table, row_id)

    def _require_transaction(self) -> None:
        if self._depth == 0:
            raise RuntimeError("writes must happen inside Store.transaction()")

    # -- writes -------------------------------------------------------------
    def _log(self, table: str, row_id: str, stamp: str, data: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO changes (hlc, device_id, tbl, row_id, data) VALUES (?,?,?,?,?)",
            (stamp, self.device.id, table, row_id, json.dumps({k: encode_value(v) for k, v in data.items()})),
        )
        self._pending.add(table, row_id)

    def insert(self, table: str, values: dict[str, Any], id: str | None = None) -> str:
        return self.insert_many(table, [values], ids=[id] if id else None)[0]

    def insert_many(self, table: str, rows: Iterable[dict[str, Any]], ids: list[str] | None = None) -> list[str]:
        """Insert new rows (one statement, one log entry each): the bulk path for imports."""
        self._require_transaction()
        assert table in SYNCED_TABLES, table
        rows = list(rows)
        if not rows:
            return []
        ids = ids or [new_id() for _ in rows]
        now = utc_now()
        cols = sorted({k for r in rows for k in r})
        all_cols = [*BOOKKEEPING, "deleted", *cols]
        sql = f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in all_cols)}) VALUES ({', '.join('?' * len(all_cols))})"
        params, log = [], []
        for row_id, row in zip(ids, rows):
            stamp = self.clock.now()
            params.append((row_id, now, now, self.device.id, stamp, 0, *(row.get(c) for c in cols)))
            data = {"created_at": now, "deleted": 0, **{c: row.get(c) for c in cols}}
            log.append((stamp, self.device.id, table, row_id,
                        json.dumps({k: encode_value(v) for k, v in data.items()})))
            self._pending.add(table, row_id)
        self.conn.executemany(sql, params)
        self.conn.executemany("INSERT INTO changes (hlc, device_id, tbl, row_id, data) VALUES (?,?,?,?,?)", log)
        return ids

    def update(self, table: str, row_id: str, changes: dict[str, Any]) -> bool:
        """Change some fields; only fields whose value really changes are written and logged."""
        self._require_transaction()
        current = self.get(table, row_id, include_deleted=True)
        if current is None:
            raise KeyError(f"{table} {row_id} does not exist")
        diff = {k: v for k, v in changes.items() if current.get(k) != v}
        withheld = self.withheld.get(table)
        if withheld:
            # A field this laptop never received is unknown here, not empty: a form saving its
            # blank must not overwrite the secretariat's value when the package goes back.
            diff = {k: v for k, v in diff.items() if k not in withheld or current.get(k) is not None}
        if not diff:
            return False
        stamp = self.clock.now()
        now = utc_now()
        sets = ", ".join(f"[{k}] = ?" for k in diff)
        self.conn.execute(
            f"UPDATE [{table}] SET {sets}, updated_at = ?, device_id = ?, hlc = ? WHERE id = ?",
            (*diff.values(), now, self.device.id, stamp, row_id),
        )
        self._log(table, row_id, stamp, diff)
        return True

    def put(self, table: str, row_id: str, values: dict[str, Any]) -> str:
        """Insert or update a row whose id is known (derived ids); revives a tombstone."""
        if self.get(table, row_id, include_deleted=True) is None:
            return self.insert(table, values, id=row_id)
        self.update(table, row_id, {**values, "deleted": 0})
        return row_id

    def delete(self, table: str, row_id: str) -> bool:
        """Soft delete: the tombstone travels to other laptops."""
        return self.update(table, row_id, {"deleted": 1})

    def restore(self, table: str, row_id: str) -> bool:
        return self.update(table, row_id, {"deleted": 0})

    # -- reads --------------------------------------------------------------
    def get(self, table: str, row_id: str, *, include_deleted: bool = False) -> dict[str, Any] | None:
        cur = self.conn.execute(f"SELECT * FROM [{table}] WHERE id = ?", (row_id,))
        row = cur.fetchone()
        if row is None:
            return None
        result = dict(zip([d[0] for d in cur.description], row))
        if result.get("deleted") and not include_deleted:
            return None
        return result

    def select(self, table: str, where: str | None = None, params: Iterable[Any] = (),
               order_by: str | None = None, *, include_deleted: bool = False) -> list[dict[str, Any]]:
        clauses = [] if include_deleted else ["deleted = 0"]
        if where:
            clauses.append(f"({where})")
        sql = f"SELECT * FROM [{table}]"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        if order_by:
            sql += f" ORDER BY {order_by}"
        cur = self.conn.execute(sql, tuple(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, tuple(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def scalar(self, sql: str, params: Iterable[Any] = ()) -> Any:
        row = self.conn.execute(sql, tuple(params)).fetchone()
        return row[0] if row else None

    # -- settings (synced, JSON values) -------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        row = self.get("settings", key)
        return default if row is None or row["value"] is None else json.loads(row["value"])

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            self.put("settings", key, {"value": json.dumps(value, ensure_ascii=False)})

    # -- local meta (never synced) ------------------------------------------
    def local(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM local_meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    def set_local(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO local_meta VALUES (?, ?)", (key, value))

    # -- the assembly itself --------------------------------------------------
    def assembly(self) -> dict[str, Any] | None:
        rows = self.select("assembly", order_by="created_at")
        return rows[0] if rows else None

    def assembly_name(self) -> str:
        row = self.assembly()
        return row["name"] if row else self.path.stem

    def ensure_assembly(self, name: str, city: str = "Milano") -> str:
        row = self.assembly()
        if row:
            return row["id"]
        with self.transaction():
            return self.insert("assembly", {"name": name, "city": city})
