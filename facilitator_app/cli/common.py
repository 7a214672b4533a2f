"""Helpers shared by the subcommand modules.

- the assembly file: `add_db_option`, `db_path`, `open_store` (a Store to use as
  `with open_store(args) as store:`, closed however the command ends); its passphrase from
  `--passphrase-file FILE`, the FACILITATOR_APP_PASSPHRASE environment variable or the system
  keyring (`passphrase`), never from an argument that `ps` would show; a new file is encrypted
  unless the command has and was given `--no-encryption`;
- arguments naming things: `require_plenary` (a PLENARY: number or id) and
  `require_session`, each a CliError (exit 2) with the command's own words when unknown;
- output: `print_json`, `print_table`, and `print_rows` for a list that `--json` prints as JSON;
- files: `export_jobs` and `write_files`, all-or-nothing through `exporters.atomic`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from facilitator_app.core.privacy import cipher, keyring_store
from facilitator_app.core.store.device import default_db_path
from facilitator_app.core.store.store import Store, StoreError

EXIT_OK, EXIT_REJECTED, EXIT_NOTHING_WRITTEN = 0, 1, 2


class CliError(Exception):
    def __init__(self, message: str, exit_code: int = EXIT_NOTHING_WRITTEN):
        super().__init__(message)
        self.exit_code = exit_code


# -- the assembly file ------------------------------------------------------------------------
def add_db_option(parser: argparse.ArgumentParser) -> None:
    # Accepted both before and after the subcommand.
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="assembly file (default: the user data folder)")
    add_passphrase_option(parser)


def add_passphrase_option(parser: argparse.ArgumentParser, default: Any = argparse.SUPPRESS) -> None:
    parser.add_argument("--passphrase-file", metavar="FILE", type=Path, default=default,
                        help=f"file holding the passphrase of an encrypted assembly file (its first line; "
                             f"or set {cipher.ENV_PASSPHRASE})")


def add_no_encryption_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-encryption", action="store_true",
                        help="create a new assembly file unencrypted: anyone who copies it can read the "
                             "members' personal data")


def db_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "db", None) or default_db_path())


def read_secret_file(path: Path, what: str = "passphrase") -> str:
    """The first line of a file (a trailing newline is not part of the secret)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"cannot read the {what} file {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    secret = text.splitlines()[0] if text else ""
    if not secret:
        raise CliError(f"the {what} file {path} is empty")
    return secret


def passphrase(args: argparse.Namespace, path: Path | None = None) -> str | None:
    """The passphrase given to this command: --passphrase-file, the environment, the keyring."""
    file = getattr(args, "passphrase_file", None)
    if file:
        return read_secret_file(file)
    env = os.environ.get(cipher.ENV_PASSPHRASE)
    if env:
        return env
    return keyring_store.recall(path or db_path(args))


class _Opened:
    """`with open_store(args) as store:` — the store closed however the command ends; a file the
    command created is removed again (with its folders) when the command fails before writing it."""

    def __init__(self, path: Path, must_exist: bool, passphrase: str | None = None):
        self.path = path
        self.new = [] if path.exists() else [p for p in (path, *path.parents) if not p.exists()]
        try:
            self.store = Store(path, create=not must_exist, passphrase=passphrase)
        except StoreError as exc:
            if self.new:  # only what this command created: an existing file is never removed
                self._remove()
            raise CliError(str(exc)) from exc

    def __enter__(self) -> Store:
        return self.store

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        untouched = kind is not None and bool(self.new) and not self.store.scalar("SELECT count(*) FROM changes")
        self.store.close()
        if untouched:
            self._remove()

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        for folder in self.new[1:]:
            try:
                folder.rmdir()
            except OSError:
                break


def open_store(args: argparse.Namespace, *, must_exist: bool = True) -> _Opened:
    path = db_path(args)
    kind = cipher.file_kind(path)
    if must_exist and kind == "missing":
        raise CliError(f"no assembly file at {path} (create one with 'facilitator-app demo' or pass --db)")
    secret = passphrase(args, path) if kind != "plain" else None
    if kind in ("missing", "empty"):
        if getattr(args, "no_encryption", False):
            secret = None
        elif secret is None:
            raise CliError(f"{path} would be a new assembly file, and new files are encrypted: give a passphrase "
                           f"with --passphrase-file FILE or {cipher.ENV_PASSPHRASE}, or pass --no-encryption "
                           f"(anyone who copies the file could then read the members' personal data)")
        else:
            try:
                cipher.check_passphrase(secret)
            except cipher.PassphraseError as exc:
                raise CliError(str(exc)) from exc
    return _Opened(path, must_exist, secret)


# -- arguments that name a plenary or a session ----------------------------------------------------
NO_PLENARY = "no plenary {key!r} (plenaries: {numbers})"
NO_SESSION = "no session {key!r} in plenary {number} (sessions: {names})"


def require_plenary(store: Store, key: str, unknown: str = NO_PLENARY) -> dict[str, Any]:
    """The plenary a PLENARY argument names (its number or id).

    CliError (exit 2) if none; `unknown` words it, with {key} and {numbers} (the plenaries there are).
    """
    from facilitator_app.core.plenaries.plenaries import AmbiguousPlenaryError, get_plenary, list_plenaries

    try:
        plenary = get_plenary(store, key)
    except AmbiguousPlenaryError as exc:  # two laptops each made "plenary 9": not ours to guess
        raise CliError(str(exc)) from exc
    if plenary is None:
        numbers = ", ".join(str(p["number"]) for p in list_plenaries(store)) or "none yet"
        raise CliError(unknown.format(key=key, numbers=numbers))
    return plenary


def require_session(store: Store, plenary: dict[str, Any], key: str | None,
                    unknown: str = NO_SESSION) -> dict[str, Any] | None:
    """The session of `plenary` a --session argument names (number in order, name or id); None if not given.

    CliError (exit 2) if unknown; `unknown` words it, with {key}, {number} (the plenary's) and {names}.
    """
    from facilitator_app.core.plenaries.plenaries import find_session, sessions_of

    if key is None:
        return None
    session = find_session(store, plenary["id"], key)
    if session is None:
        names = ", ".join(f"{i} {s['name']}" for i, s in enumerate(sessions_of(store, plenary["id"]), 1))
        raise CliError(unknown.format(key=key, number=plenary["number"], names=names))
    return session


# -- output -----------------------------------------------------------------------------------------
Column = tuple[str | Callable[[dict[str, Any]], Any], str]  # (field or function of the row, header)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_report(args: argparse.Namespace, data: Any, *lines: str) -> None:
    """`data` as JSON with --json, else the lines for people."""
    if getattr(args, "json", False):
        print_json(data)
    else:
        for line in lines:
            print(line)


@contextmanager
def core_errors() -> Iterator[None]:
    """A core error (bad input, a refusal) becomes a CliError with its English message: exit 2."""
    from facilitator_app.core.errors import CoreError

    try:
        yield
    except CoreError as exc:
        raise CliError(str(exc)) from exc


def print_table(rows: list[dict[str, Any]], columns: Sequence[Column]) -> None:
    """Plain aligned text table: columns are (field, header); a field may be a function of the row."""
    def cell(r: dict[str, Any], f: str | Callable[[dict[str, Any]], Any]) -> str:
        value = f(r) if callable(f) else r.get(f)
        return "" if value is None else str(value)

    cells = [[h for _, h in columns]] + [[cell(r, f) for f, _ in columns] for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(columns))]
    for line in cells:
        print("  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip())


def print_rows(rows: list[dict[str, Any]], columns: Sequence[Column], *, as_json: bool,
               fields: Sequence[str] | None = None, count: str | None = None) -> None:
    """A list command's output: with --json the rows (only `fields` when given), otherwise a table
    of `columns` followed by "N <count>" when `count` names what the rows are."""
    if as_json:
        print_json(rows if fields is None else [{f: r.get(f) for f in fields} for r in rows])
        return
    print_table(rows, columns)
    if count:
        print(f"{len(rows)} {count}")


# -- files ------------------------------------------------------------------------------------------
Job = tuple[Path, Callable[[Path], Any]]  # (target, writer of a temporary file) as exporters.atomic takes


def export_jobs(options: dict[str, tuple[Path | None, Callable[[Path], Any]]], *,
                make_folders: bool = False) -> list[Job]:
    """The files asked for, by option ({"--pdf": (path or None, writer), ...}), as jobs for `write_files`.

    CliError (exit 2) when none was asked, two name the same file, or a target's folder cannot take it
    (checked now, before any work). `make_folders` creates missing folders first.
    """
    from facilitator_app.exporters.atomic import check_writable

    asked = [(option, path, writer) for option, (path, writer) in options.items() if path]
    if not asked:
        raise CliError(f"nothing to export: pass {' and/or '.join(f'{o} FILE' for o in options)}")
    for i, (option, path, _) in enumerate(asked):
        for other, other_path, _ in asked[:i]:
            if path.resolve() == other_path.resolve():
                raise CliError(f"{other} and {option} name the same file")
    for _, path, _ in asked:
        try:
            if make_folders:
                path.parent.mkdir(parents=True, exist_ok=True)
            check_writable(path)
        except OSError as exc:
            raise CliError(f"cannot write {path}: {exc}") from exc
    return [(path, writer) for _, path, writer in asked]


def write_files(jobs: list[Job], failed: str = "export failed, nothing written: {exc}", *,
                private: bool = True, audit: tuple[Store, str] | None = None) -> list[Any]:
    """Write every job all-or-nothing (temporary files renamed at the end); the writers' results.
    `private`: the files hold personal data (0600); a public document follows the umask.

    CliError (exit 2) if writing fails; `failed` words it, with {exc} and {path} (the first target).
    `audit` (store, what): each file written is recorded in the audit log (core/privacy/audit.py).
    """
    from facilitator_app.exporters.atomic import write_all

    try:
        results = write_all(jobs, private=private)
    except OSError as exc:
        raise CliError(failed.format(exc=exc, path=jobs[0][0])) from exc
    if audit is not None:
        from facilitator_app.core.privacy.audit import record

        store, what = audit
        for target, _ in jobs:
            record(store, "export", what, target)
    return results
