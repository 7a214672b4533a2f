"""Exchange packages: an assembly's changes between laptops, on a USB stick or a shared folder.

A package (`.assemblea`, format version 1) is a ZIP archive with two members:

``manifest.json``
    {"format": "facilitator-app/exchange", "format_version": 1, "schema_version": int,
     "app_version": str, "created_at": ISO time,
     "assembly": {"id", "name"}, "source": {"device_id", "device_name"},
     "destination": name or null, "full": bool,
     "range": {"from_seq", "to_seq"}     (positions in the source's log),
     "purpose": {...} or null             (what a prepared laptop is for),
     "payload": {"name": "changes.jsonl", "count": int, "sha256": hex of the payload bytes}}
``changes.jsonl``
    one change per line, in the source's log order:
    {"hlc", "device", "tbl", "row", "data": {field: value}, "pred": {field: [hlc, ...]}}
    (bytes as {"$b64": ...}).

An encrypted assembly file writes its packages sealed (`core/privacy/sealed.py`: AES-256-GCM
around the ZIP bytes, the key from scrypt over the file's passphrase), and reads only sealed
ones, authenticated before anything inside is parsed; a plain file writes and reads plain ZIPs.

A package holds every change the laptop has, its own and those it received,
so it is causally complete: everything, or (`to=NAME`) what was not yet sent
to that destination (cursor `exchange.sent:NAME` in `local_meta`). Reading
checks the container, the format version, the checksum and every line before
anything is written; a package of another assembly is refused, except by a
blank file (a new laptop), which adopts the package's assembly.

How changes are merged: see `core/exchange/merge.py`.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator_app import __version__
from facilitator_app.core.errors import CoreError
from facilitator_app.core.files.atomic import discard, finish, temp_beside
from facilitator_app.core.privacy import audit, sealed
from facilitator_app.core.privacy.erasure import vacuum
from facilitator_app.core.privacy.scope import Scope, laptop_scope
from facilitator_app.core.store.ids import utc_now
from facilitator_app.core.exchange.merge import Change, MergeError, TableCounts, ensure_preds, merge, stamp_time
from facilitator_app.core.store.schema import LATEST_VERSION, SYNCED_TABLES
from facilitator_app.core.store.store import Store
from facilitator_app.core.text import fold

FORMAT = "facilitator-app/exchange"
FORMAT_VERSION = 1
SUFFIX = ".assemblea"
MANIFEST, PAYLOAD = "manifest.json", "changes.jsonl"
SENT_PREFIX = "exchange.sent:"
# local_meta: a laptop prepared by `prepare_laptops` -> what it may receive (plenary, purpose,
# include); every later package `--to` it is scoped the same way (core/privacy/scope.py).
SCOPE_PREFIX = "exchange.scope:"
RECEIVED_PREFIX = "exchange.received:"
PURPOSE_KEY = "exchange.purpose"
_HLC = re.compile(r"^\d{13}-\d{6}-(.+)$")
# Tables a blank file may hold and still adopt another assembly.
_BLANK_OK = {"assembly", "settings", "devices", "conflicts"}
# Bounds on what a package may inflate to, checked before and while reading (a zip bomb is refused
# in bounded memory): the manifest, the payload, and how much smaller than its content an entry may be.
MAX_MANIFEST = 1 << 20
MAX_PAYLOAD = 512 << 20
MAX_RATIO = 200          # deflated JSON of real packages: 5-15x; runs of zeros: 1000x
RATIO_FLOOR = 8 << 20    # small entries may compress as they like


class ExchangeError(CoreError):
    """Nothing was written; the message says why and what to do."""


class NoPackagesError(ExchangeError):
    """Collect found no package it could import (`skipped` says why for each file)."""

    code = "no_importable_packages"

    def __init__(self, message: str, skipped: list["PackageError"]):
        super().__init__(message, count=len(skipped))
        self.skipped = skipped


class PackageError(ExchangeError):
    """A package that cannot be imported; `file` names it (the GUI words the message itself)."""

    code = "package_unreadable"

    def __init__(self, message: str, file: str = "", other: str = "", **params: Any):
        super().__init__(message, file=file, other=other, **params)
        self.file, self.other = file, other   # other: the package's assembly, for WrongAssemblyError

    @property
    def kind(self) -> str:
        return {ForeignFileError: "foreign", DamagedPackageError: "damaged", NewerPackageError: "newer",
                WrongAssemblyError: "other_assembly", InvalidPackageError: "invalid",
                PackageTooLargeError: "too_large", PackageKeyError: "wrong_key"}.get(type(self), "unreadable")


class ForeignFileError(PackageError):
    code = "package_foreign"


class DamagedPackageError(PackageError):
    code = "package_damaged"


class NewerPackageError(PackageError):
    code = "package_newer"


class WrongAssemblyError(PackageError):
    code = "package_other_assembly"


class InvalidPackageError(PackageError):
    """A row of the package holds a value the app would refuse from a person (table, field, value said)."""
    code = "package_invalid_value"


class PackageTooLargeError(PackageError):
    code = "package_too_large"
class PackageKeyError(PackageError):
    """Sealed with another key, or not sealed where a sealed package is required (or the reverse)."""

    code = "package_wrong_key"


def package_key(store: Store) -> sealed.PackageKey | None:
    """The key of this file's packages: its passphrase when the file is encrypted, else none."""
    cached = getattr(store, "_package_key", None)
    if store.passphrase is None:
        return None
    if cached is None or cached.passphrase != store.passphrase:
        cached = sealed.PackageKey(store.passphrase)
        store._package_key = cached   # one scrypt derivation per salt and session
    return cached


@dataclass
class Package:
    path: Path | None
    manifest: dict[str, Any]
    changes: list[Change]

    @property
    def name(self) -> str:
        return self.path.name if self.path else "package"

    @property
    def assembly_id(self) -> str:
        return self.manifest["assembly"]["id"]

    @property
    def source_id(self) -> str:
        return self.manifest["source"]["device_id"]

    @property
    def source_name(self) -> str:
        return self.manifest["source"].get("device_name") or self.source_id[:8]


@dataclass
class ExportResult:
    path: Path
    count: int
    from_seq: int
    to_seq: int
    destination: str | None
    full: bool
    purpose: dict[str, Any] | None = None


@dataclass
class PackageReport:
    file: str
    source_device_id: str
    source_name: str
    destination: str | None
    full: bool
    purpose: dict[str, Any] | None
    changes: int
    new_changes: int
    origins: dict[str, int]                 # device name -> new changes made there
    tables: dict[str, TableCounts]
    conflicts: int
    warnings: list[str] = field(default_factory=list)
    missing_earlier: bool = False           # an earlier package from the same laptop seems not imported


@dataclass
class ImportSummary:
    packages: list[PackageReport] = field(default_factory=list)
    tables: dict[str, TableCounts] = field(default_factory=dict)
    conflicts: int = 0
    pending: int = 0
    adopted: bool = False
    skipped: list[PackageError] = field(default_factory=list)    # collect: packages left out, and why

    @property
    def new_changes(self) -> int:
        return sum(p.new_changes for p in self.packages)

    def as_dict(self) -> dict[str, Any]:
        return {
            "packages": [{**{k: v for k, v in vars(p).items() if k != "tables"},
                          "tables": {t: c.as_dict() for t, c in sorted(p.tables.items())}} for p in self.packages],
            "tables": {t: c.as_dict() for t, c in sorted(self.tables.items())},
            "conflicts": self.conflicts, "pending": self.pending, "adopted": self.adopted,
            "new_changes": self.new_changes,
            "skipped": [{"file": e.file, "kind": e.kind, "reason": str(e)} for e in self.skipped],
        }


# -- writing ---------------------------------------------------------------------------
def _payload(store: Store, from_seq: int, scope: Scope | None = None) -> tuple[bytes, int, int]:
    """The changes after `from_seq` as package lines; with a scope, only what that laptop may have."""
    ensure_preds(store)
    d = json.dumps
    lines, to_seq = [], from_seq
    for seq, hlc, device, tbl, row, data, pred, partial in store.conn.execute(
            "SELECT seq, hlc, device_id, tbl, row_id, data, pred, partial FROM changes WHERE seq > ? ORDER BY seq",
            (from_seq,)):
        to_seq = seq
        if scope is not None:
            kept = scope.apply(tbl, row, json.loads(data), json.loads(pred or "{}"))
            if kept is None:
                continue
            data, pred, cut = d(kept[0]), d(kept[1], separators=(",", ":")), kept[2]
            partial = partial or cut
        tail = ',"partial":true' if partial else ""
        lines.append(f'{{"hlc":{d(hlc)},"device":{d(device)},"tbl":{d(tbl)},"row":{d(row)},'
                     f'"data":{data},"pred":{pred or "{}"}{tail}}}')
    return ("\n".join(lines) + "\n" if lines else "").encode("utf-8"), len(lines), to_seq


def _manifest(store: Store, payload: bytes, count: int, from_seq: int, to_seq: int, destination: str | None,
              full: bool, purpose: dict[str, Any] | None) -> dict[str, Any]:
    """`withheld` says which fields the package's content lacks: a prepared laptop's scope, or the
    fields the source itself never received (so a receiver knows it still lacks them)."""
    assembly = store.assembly()
    if assembly is None:
        raise ExchangeError("This file has no assembly yet: there is nothing to send.", code="nothing_to_send")
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "schema_version": LATEST_VERSION,
        "app_version": __version__, "created_at": utc_now(),
        "assembly": {"id": assembly["id"], "name": assembly["name"]},
        "source": {"device_id": store.device.id, "device_name": store.device.name},
        "destination": destination, "full": full, "range": {"from_seq": from_seq, "to_seq": to_seq},
        "purpose": purpose,
        "withheld": (purpose or {}).get("withheld", {t: sorted(fs) for t, fs in store.withheld.items()}),
        "payload": {"name": PAYLOAD, "count": count, "sha256": hashlib.sha256(payload).hexdigest()},
    }


def package_bytes(manifest: dict[str, Any], payload: bytes, key: sealed.PackageKey | None = None) -> bytes:
    """A package's bytes: the ZIP (manifest and changes.jsonl), sealed as a whole with `key` (an
    encrypted file's packages). The one writer of the format: exports and the sync folder use it."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        z.writestr(PAYLOAD, payload)
    data = buf.getvalue()
    return data if key is None else sealed.seal(data, key, manifest["assembly"]["id"])


def _write_zip(out: Path, manifest: dict[str, Any], payload: bytes, key: sealed.PackageKey | None = None) -> None:
    """Write next to the target, then rename: a stick pulled out never leaves half a package.
    With a key the ZIP is sealed (encrypted and authenticated) as a whole."""
    data = package_bytes(manifest, payload, key)
    tmp: Path | None = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = temp_beside(out)
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        finish(tmp, out, private=True)
    except OSError as exc:
        raise ExchangeError(f"Could not write {out}: {exc.strerror or exc}", code="package_not_written", path=str(out),
                            reason=exc.strerror or str(exc)) from exc
    finally:
        if tmp is not None:
            discard([tmp])


def _prepared_scope(store: Store, to: str) -> tuple[Scope, dict[str, Any]] | None:
    """The scope of a destination that `prepare_laptops` prepared (None for any other)."""
    raw = store.local(SCOPE_PREFIX + to)
    if not raw:
        return None
    spec = json.loads(raw)
    plenary = store.get("plenaries", spec["plenary_id"], include_deleted=True)
    if plenary is None:   # the plenary went: nothing of a day that is gone may reach its laptop
        raise ExchangeError(f"{to} was prepared for a plenary that no longer exists: prepare the laptops again.",
                            code="prepared_plenary_gone", destination=to)
    purpose = dict(spec["purpose"])
    scope = laptop_scope(store, plenary, purpose, frozenset(spec.get("include", ())))
    purpose["carries"], purpose["withheld"] = scope.carries(), scope.withheld()
    return scope, purpose


def export_package(store: Store, out: str | Path, *, to: str | None = None, full: bool = False,
                   purpose: dict[str, Any] | None = None) -> ExportResult:
    """Write a package. With `to`, only what was not yet sent to that destination (unless `full`);
    without a destination there is nothing to remember, so the package holds everything.

    A destination prepared by `prepare_laptops` gets what that laptop may have, as its first
    package did: a whole scoped copy each time (who sits at a table may have changed since, and a
    member seated later must arrive with their name), never the withheld fields or other members."""
    to = (to or "").strip() or None
    prepared = _prepared_scope(store, to) if to is not None else None
    scope = prepared[0] if prepared else None
    if prepared:
        full, purpose = True, {**prepared[1], **(purpose or {})}
    from_seq = 0 if full or to is None else int(store.local(SENT_PREFIX + to) or 0)
    out = Path(out)
    with store.transaction():   # the audit entry stands only if the package was written
        if scope is not None:
            audit.record(store, "package", f"laptop package for {to} ({purpose.get('role')})", out,
                         {"members": purpose["carries"]["members"], "include": purpose["carries"]["include"],
                          "encrypted": store.encrypted})
        elif to is None or full:
            # a whole copy asked for on purpose goes in the audit log (and in the package itself, so
            # whoever receives it knows); routine packages to a colleague (what they lack) do not
            audit.record(store, "package", "exchange package (everything)" + (f" for {to}" if to else ""), out,
                         {"encrypted": store.encrypted})
        payload, count, to_seq = _payload(store, from_seq, scope)
        manifest = _manifest(store, payload, count, from_seq, to_seq, to, from_seq == 0, purpose)
        _write_zip(out, manifest, payload, package_key(store))
        if to is not None:
            store.set_local(SENT_PREFIX + to, str(to_seq))
    return ExportResult(out, count, from_seq, to_seq, to, from_seq == 0, purpose)


def known_destinations(store: Store) -> list[str]:
    return [r[0][len(SENT_PREFIX):] for r in store.conn.execute(
        "SELECT key FROM local_meta WHERE key LIKE ? ORDER BY key", (SENT_PREFIX + "%",))]


# -- reading ---------------------------------------------------------------------------
def _damaged(name: str, detail: str) -> DamagedPackageError:
    return DamagedPackageError(f"{name} is damaged or incomplete ({detail}). Copy it again from the laptop "
                               f"that made it; nothing was imported.", name)


def _foreign(name: str) -> ForeignFileError:
    return ForeignFileError(f"{name} is not an exchange package of this app; nothing was imported.", name)


def _check_manifest(name: str, m: Any) -> None:
    if not isinstance(m, dict) or m.get("format") != FORMAT:
        raise _foreign(name)
    version, schema = m.get("format_version"), m.get("schema_version")
    if not isinstance(version, int) or not isinstance(schema, int):
        raise _damaged(name, "manifest without versions")
    if version > FORMAT_VERSION or schema > LATEST_VERSION:
        raise NewerPackageError(f"{name} was made by a newer version of the app (package format {version}, "
                                f"data version {schema}). Update this app to import it; nothing was imported.",
                                name)
    try:
        ok = (isinstance(m["assembly"]["id"], str) and isinstance(m["source"]["device_id"], str)
              and isinstance(m["payload"]["sha256"], str) and isinstance(m["payload"]["count"], int)
              and isinstance(m["range"]["to_seq"], int) and isinstance(m["range"]["from_seq"], int))
    except (KeyError, TypeError):
        ok = False
    if not ok:
        raise _damaged(name, "incomplete manifest")


def _parse_line(raw: bytes) -> Change:
    c = json.loads(raw)
    hlc, device, tbl, row, data, pred = c["hlc"], c["device"], c["tbl"], c["row"], c["data"], c.get("pred") or {}
    m = _HLC.match(hlc) if isinstance(hlc, str) else None
    if not m or m.group(1) != device or tbl not in SYNCED_TABLES or not isinstance(row, str) or not row \
            or not isinstance(data, dict) or not isinstance(pred, dict):
        raise ValueError("malformed change")
    for f, hs in pred.items():
        if f not in data or not isinstance(hs, list) or not all(isinstance(h, str) and h < hlc for h in hs):
            raise ValueError("malformed predecessors")
    partial = c.get("partial", False)
    if not isinstance(partial, bool):
        raise ValueError("malformed partial flag")
    return Change(hlc, device, tbl, row, data, pred, partial=partial)


def _read_entry(z: zipfile.ZipFile, entry: str, cap: int, name: str) -> bytes:
    """An entry's bytes, refused as soon as it would exceed `cap` or inflate suspiciously (a bomb)."""
    info = z.getinfo(entry)
    too_big = PackageTooLargeError(
        f"{name} is far larger once unpacked than a package can be ({entry}: {info.file_size:,} bytes from "
        f"{info.compress_size:,}); it was not opened. Nothing was imported.", name, size=info.file_size)
    if info.file_size > cap or (info.file_size > RATIO_FLOOR
                                and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
        raise too_big
    chunks, total = [], 0
    with z.open(info) as fh:  # the sizes in the header may lie: count what really comes out
        while chunk := fh.read(1 << 20):
            total += len(chunk)
            if total > cap or (total > RATIO_FLOOR and total > MAX_RATIO * max(info.compress_size, 1)):
                raise too_big
            chunks.append(chunk)
    return b"".join(chunks)


def check_package(store: Store, package: Package, seen: set | None = None) -> None:
    """Every row of the package through the same rules as a person's input; InvalidPackageError names the
    first table, field and value that fails. A step of its own, after reading (and decrypting) a package."""
    from facilitator_app.core.checks.rows import check_changes

    problem = check_changes(store, package.changes, seen)
    if problem is not None:
        raise InvalidPackageError(
            f"{package.name} cannot be imported: {problem}. The laptop that made it has a damaged or "
            f"hand-edited file; nothing was imported.", package.name,
            table=problem.table, field=problem.field, value=str(problem.value)[:80], reason=problem.reason)


def _unseal(name: str, raw: bytes, key: sealed.PackageKey | None) -> bytes:
    """The ZIP bytes of a package as read from disk: authenticated first when sealed."""
    if not sealed.is_sealed(raw):
        if key is not None and raw[:4] == b"PK\x03\x04":
            raise PackageKeyError(f"{name} is not encrypted, and this assembly file only takes encrypted packages "
                                  f"(made from an encrypted file with the same passphrase); nothing was imported.",
                                  file=name, code="package_not_encrypted")
        return raw
    if key is None:
        raise PackageKeyError(f"{name} is encrypted: import it into an encrypted assembly file opened with the "
                              f"assembly's passphrase; nothing was imported.", file=name,
                              code="package_needs_key")
    try:
        return sealed.open_sealed(raw, key)[1]
    except sealed.SealWrongKey as exc:
        raise PackageKeyError(f"{name} was encrypted with another key (another assembly's, or another "
                              f"passphrase); nothing was imported.", name) from exc
    except sealed.SealNewer as exc:
        raise NewerPackageError(f"{name} was made by a newer version of the app ({exc}). Update this app to "
                                f"import it; nothing was imported.", name) from exc
    except sealed.SealError as exc:
        raise _damaged(name, f"encrypted package {exc}") from exc


def read_package(path: str | Path, key: sealed.PackageKey | None = None) -> Package:
    """Open and check a package completely; raises a PackageError saying what is wrong.

    `key`: the reading file's package key (None for a plain file); see `package_key`."""
    path = Path(path)
    name = path.name
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise PackageError(f"Cannot read {name}: {exc.strerror or exc}", name) from exc
    raw = _unseal(name, raw, key)
    if raw[:4] != b"PK\x03\x04":
        raise _foreign(name)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            if MANIFEST not in z.namelist():
                raise _foreign(name)
            manifest = json.loads(_read_entry(z, MANIFEST, MAX_MANIFEST, name))
            _check_manifest(name, manifest)
            payload = _read_entry(z, str(manifest["payload"].get("name", PAYLOAD)), MAX_PAYLOAD, name)
    except PackageError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, OSError, ValueError) as exc:
        raise _damaged(name, str(exc) or type(exc).__name__) from exc
    if hashlib.sha256(payload).hexdigest() != manifest["payload"]["sha256"]:
        raise _damaged(name, "checksum mismatch")
    changes = []
    for n, line in enumerate(payload.splitlines(), 1):
        try:
            changes.append(_parse_line(line))
        except (ValueError, KeyError, TypeError) as exc:
            raise _damaged(name, f"line {n}: {exc}") from exc
    if len(changes) != manifest["payload"]["count"]:
        raise _damaged(name, f"{len(changes)} changes instead of {manifest['payload']['count']}")
    return Package(path, manifest, changes)


# -- importing -------------------------------------------------------------------------
def _is_blank(store: Store) -> bool:
    if store.scalar("SELECT count(*) FROM local_meta WHERE key LIKE ?", (SENT_PREFIX + "%",)):
        return False
    if (store.scalar("SELECT count(*) FROM assembly") or 0) > 1:
        return False
    return not any(store.scalar(f"SELECT 1 FROM [{t}] LIMIT 1") for t in SYNCED_TABLES if t not in _BLANK_OK)


def _check_assembly(store: Store, packages: list[Package]) -> bool:
    """Raise if the packages are not of this file's assembly; True if a blank file adopts theirs."""
    ids = {p.assembly_id for p in packages}
    if len(ids) > 1:
        raise WrongAssemblyError("These packages belong to different assemblies; import them into their "
                                 "own files. Nothing was imported.", packages[0].name,
                                 code="packages_of_several_assemblies")
    local = store.assembly()
    if local is None or local["id"] in ids:
        return False
    if _is_blank(store):
        return True
    raise wrong_assembly(store, packages[0])


def _origin(store: Store, package: Package) -> tuple[str, str]:
    """(creation day, laptop name) of the package's assembly, from the package's own changes."""
    first = next((c for c in package.changes if c.tbl == "assembly" and c.row == package.assembly_id), None)
    if first is None:
        return "?", package.source_name
    names = {c.row: c.data.get("name") for c in package.changes if c.tbl == "devices" and c.data.get("name")}
    created = str(first.data.get("created_at") or stamp_time(first.hlc))[:10]
    return created, names.get(first.device) or (package.source_name if first.device == package.source_id
                                                 else first.device[:8])


def wrong_assembly(store: Store, p: Package) -> WrongAssemblyError:
    """The package is of another assembly; when both have one name, say how to tell them apart."""
    local = store.assembly() or {}
    other = p.manifest["assembly"].get("name") or ""
    if fold(other) != fold(local.get("name") or ""):
        return WrongAssemblyError(f"{p.name} belongs to the assembly “{other}”, not to “{local.get('name')}” "
                                  f"open here. Nothing was imported.", p.name, other)
    created, laptop = _origin(store, p)
    device = store.get("devices", local.get("device_id") or "", include_deleted=True) or {}
    here_laptop = device.get("name") or (local.get("device_id") or "?")[:8]
    here_created = str(local.get("created_at") or "?")[:10]
    return WrongAssemblyError(
        f"{p.name} belongs to another assembly that is also called “{other}”: that one was created on {created} "
        f"on the laptop “{laptop}”, the one open here on {here_created} on “{here_laptop}”. They are two "
        f"different assemblies (two files started separately, not copies of one); import the package into the "
        f"file it comes from, or start a new laptop from a package of that assembly. Nothing was imported.",
        file=p.name, other=other, code="package_same_name_other_assembly", created=created, laptop=laptop,
        here_created=here_created, here_laptop=here_laptop)


def _adopt(store: Store) -> None:
    """A blank file (a new laptop's placeholder) gives way to the package's assembly."""
    for (aid,) in store.conn.execute("SELECT id FROM assembly").fetchall():
        store.conn.execute("DELETE FROM assembly WHERE id = ?", (aid,))
        store.conn.execute("DELETE FROM changes WHERE tbl = 'assembly' AND row_id = ?", (aid,))
        store.note_change("assembly", aid)


def apply_packages(store: Store, packages: list[Package], *, checked: bool = False) -> ImportSummary:
    """Merge already-read packages in one transaction (all or nothing); each is checked first
    (`check_package`) unless the caller did it (`checked`)."""
    summary = ImportSummary()
    if not packages:
        return summary
    seen: set = set()
    for p in packages if not checked else ():
        check_package(store, p, seen)
    try:
        with store.transaction():
            summary.adopted = _check_assembly(store, packages)
            if summary.adopted:
                _adopt(store)
            had_members = bool(store.scalar("SELECT 1 FROM members LIMIT 1"))
            result = merge(store, [p.changes for p in packages])
            warnings = _track_received(store, packages)
            _track_withheld(store, packages, had_members)
    except MergeError as exc:
        names = ", ".join(p.name for p in packages)
        raise NewerPackageError(f"{names}: {exc}. Update this app to import it; nothing was imported.",
                                names) from exc
    if result.erasures_applied:
        vacuum(store)   # what the erasure removed leaves no trace in free pages
    names = {r["id"]: r["name"] for r in store.select("devices", include_deleted=True)}
    for i, p in enumerate(packages):
        names.setdefault(p.source_id, p.source_name)
        m = p.manifest
        summary.packages.append(PackageReport(
            p.name, p.source_id, names.get(p.source_id) or p.source_name, m.get("destination"),
            bool(m.get("full")), m.get("purpose"), result.received[i], result.new_changes[i],
            {names.get(d, d[:8]): n for d, n in sorted(result.by_origin[i].items())},
            result.tables[i], result.conflicts[i], warnings[i], bool(warnings[i])))
    summary.tables, summary.conflicts, summary.pending = result.total_tables, result.total_conflicts, result.pending
    if summary.pending:
        summary.packages[-1].warnings.append(
            f"{summary.pending} items wait for changes not received yet (an earlier package?); "
            f"they will appear when it is imported.")
    return summary


def _track_received(store: Store, packages: list[Package]) -> list[list[str]]:
    """Remember how far each source's log has arrived; warn when a package skips some of it."""
    warnings: list[list[str]] = []
    for p in packages:
        key = RECEIVED_PREFIX + p.source_id
        got = int(store.local(key) or 0)
        r = p.manifest["range"]
        w = []
        if r["from_seq"] > got:
            w.append(f"An earlier package from {p.source_name} seems missing (this one starts after change "
                     f"{r['from_seq']}, {got} received so far). Ask for a full package if something is missing.")
        elif r["to_seq"] > got:
            store.set_local(key, str(r["to_seq"]))
        if p.manifest.get("purpose"):
            store.set_local(PURPOSE_KEY, json.dumps(p.manifest["purpose"], ensure_ascii=False))
        warnings.append(w)
    return warnings


def _withheld_of(p: Package) -> dict[str, set[str]]:
    raw = p.manifest.get("withheld")
    if not isinstance(raw, dict):
        raw = (p.manifest.get("purpose") or {}).get("withheld") or {}
    return {t: {f for f in fs if isinstance(f, str)} for t, fs in raw.items() if isinstance(fs, list)}


def _track_withheld(store: Store, packages: list[Package], had_members: bool) -> None:
    """Which fields this file lacks: a new file lacks what its first package lacked; a full package
    from a source that has more fills in what it has (incremental packages say nothing about it)."""
    current = {t: set(fs) for t, fs in store.withheld.items()}
    for p in packages:
        if not p.manifest.get("full"):
            continue
        theirs = _withheld_of(p)
        if not had_members and not current:
            current = theirs
            had_members = True
        else:
            current = {t: fs & theirs.get(t, set()) for t, fs in current.items()}
    if current != store.withheld:
        store.set_withheld({t: sorted(fs) for t, fs in current.items()})


def import_packages(store: Store, paths: Iterable[str | Path]) -> ImportSummary:
    """Read every package first, then merge them all in one transaction; any bad package: nothing written."""
    key = package_key(store)
    return apply_packages(store, [read_package(p, key) for p in paths])


def package_files(folder: str | Path) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        raise ExchangeError(f"{folder} is not a folder.", code="not_a_folder", folder=str(folder))
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == SUFFIX)


def collect(store: Store, folder: str | Path,
            progress: Callable[[int, int, str], None] | None = None) -> ImportSummary:
    """Import every package of a folder at once; bad or foreign ones are skipped and listed.

    `progress(step, steps, file name)`: one step per file read, one for the merge ("" as name).
    """
    files = package_files(folder)
    if not files:
        raise ExchangeError(f"No packages ({SUFFIX}) in {folder}.", code="no_packages_in_folder", folder=str(folder))
    steps = len(files) + 1
    packages: list[Package] = []
    skipped: list[PackageError] = []
    seen: set = set()  # changes already checked: the packages of a day share most of theirs
    key = package_key(store)
    for i, f in enumerate(files):
        if progress:
            progress(i, steps, f.name)
        try:
            package = read_package(f, key)
            check_package(store, package, seen)
            packages.append(package)
        except PackageError as exc:
            skipped.append(exc)
    local = store.assembly()
    if packages and local is not None and not _is_blank(store):
        for p in [p for p in packages if p.assembly_id != local["id"]]:
            packages.remove(p)
            skipped.append(wrong_assembly(store, p))
    if not packages:
        raise NoPackagesError("None of the packages in the folder could be imported:\n"
                              + "\n".join(str(e) for e in skipped), skipped)
    if progress:
        progress(len(files), steps, "")
    summary = apply_packages(store, packages, checked=True)
    summary.skipped = skipped
    if progress:
        progress(steps, steps, "")
    return summary


# -- the day's flow: prepare the laptops -------------------------------------------------
def slug(text: str, limit: int = 40) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:limit].strip("-") or "x"


def find_plenary(store: Store, plenary: str | int) -> dict[str, Any]:
    key = str(plenary).strip()
    rows = store.select("plenaries", "id = ?", (key,)) or store.select(
        "plenaries", "number = ?", (int(key) if key.isdecimal() else -1,), order_by="date")
    if not rows:
        raise ExchangeError(f"No plenary {key}.", code="no_plenary_numbered", plenary=key)
    if len(rows) > 1:  # two laptops each created this number: prepare for which one is not ours to guess
        raise ExchangeError(f"There are {len(rows)} plenaries numbered {key}: "
                            + "; ".join(f"{r['id']} ({r['date']})" for r in rows)
                            + ". Name it by its id, or give one of them another number.",
                            code="plenary_number_ambiguous", number=key,
                            candidates="; ".join(f"{r['id']} ({r['date']})" for r in rows), count=len(rows))
    return rows[0]


def prepare_laptops(store: Store, plenary: str | int, out_dir: str | Path,
                    include: Iterable[str] = ()) -> list[ExportResult]:
    """One package per laptop of a plenary: the entrance and each working group.

    Each holds only what that laptop needs (core/privacy/scope.py): no contact details, birth
    dates, notes, profile or former members unless `include` names them. The manifests say what
    each laptop is for (plenary, role, group, facilitator) and what it carries (`carries`) and
    lacks (`withheld`).
    """
    p = find_plenary(store, plenary)
    include = frozenset(include)
    groups = store.select("groups", "plenary_id = ?", (p["id"],), order_by="sort_order, name")
    out_dir = Path(out_dir)
    base = f"P{p['number']:02d}"
    targets: list[tuple[str, dict[str, Any]]] = [(f"{base}-ingresso", {"role": "entrance"})]
    for g in groups:
        name = f"{base}-{slug(g['name'])}" + (f"-{slug(g['facilitator'], 20)}" if g.get("facilitator") else "")
        targets.append((name, {"role": "group", "group_id": g["id"], "group_name": g["name"],
                               "facilitator": g.get("facilitator")}))
    results, used = [], set()
    for stem, extra in targets:
        stem_n, n = stem, 2
        while stem_n in used:
            stem_n, n = f"{stem}-{n}", n + 1
        used.add(stem_n)
        purpose = {"plenary_id": p["id"], "plenary_number": p["number"], **extra}
        scope = laptop_scope(store, p, purpose, include)
        purpose["carries"], purpose["withheld"] = scope.carries(), scope.withheld()
        out = out_dir / f"{stem_n}{SUFFIX}"
        with store.transaction():   # recorded first, so the package carries its own audit entry
            audit.record(store, "package", f"laptop package for plenary {p['number']} ({purpose['role']}"
                         + (f", {purpose['group_name']}" if purpose.get("group_name") else "") + ")", out,
                         {"members": purpose["carries"]["members"], "include": purpose["carries"]["include"],
                          "encrypted": store.encrypted})
            payload, count, to_seq = _payload(store, 0, scope)
            _write_zip(out, _manifest(store, payload, count, 0, to_seq, None, True, purpose), payload,
                       package_key(store))
            # later packages `--to` this laptop (by its package's name) get the same scope
            spec = {k: v for k, v in purpose.items() if k not in ("carries", "withheld")}
            store.set_local(SCOPE_PREFIX + stem_n, json.dumps(
                {"plenary_id": p["id"], "purpose": spec, "include": sorted(include)}, ensure_ascii=False))
            store.set_local(SENT_PREFIX + stem_n, str(to_seq))
        results.append(ExportResult(out, count, 0, to_seq, None, True, purpose))
    return results
