"""Temporary files beside their target, private, journaled, and cleaned after a crash.

A temporary file must sit beside its target (a rename is atomic only within one file system), so
each one is created 0600 (`temp_beside`) and first written in a journal (`pending-exports` in the
user data folder); `finish` renames it in place with its final permissions, `discard` removes it.
One that a killed process left behind is removed by `clean_leftovers()` at the next start (the CLI
and the window call it) and, when stale, by the next write to the same folder. Libraries' own
temporary files (openpyxl's write-only sheets, the verbale's photos) go to a private folder of this
process (`private_tempdir()`), removed when it ends and, if it was killed, at the next start.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

_PART = re.compile(r"^\..+\.[a-z0-9_]{8}\.part$")
_STALE_SECONDS = 600


def _state_dir() -> Path:
    from facilitator_app.core.store.device import data_dir

    return data_dir()


def _journal() -> Path:
    return _state_dir() / "pending-exports"


def _journal_edit(add: Sequence[Path] = (), remove: Sequence[Path] = ()) -> None:
    """The journal of temporary files in progress (one path a line), rewritten whole and fsync'ed."""
    path = _journal()
    try:
        lines = set(path.read_text(encoding="utf-8").splitlines()) if path.exists() else set()
    except OSError:
        lines = set()
    lines |= {str(p) for p in add}
    lines -= {str(p) for p in remove}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".new")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write("".join(f"{line}\n" for line in sorted(lines)))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError:
        pass  # the journal is a safety net: an export must not fail because of it


def clean_leftovers() -> list[Path]:
    """Remove the temporary export files and private temp folders a killed process left; returns them."""
    removed: list[Path] = []
    path = _journal()
    try:
        listed = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    except OSError:
        listed = []
    for line in listed:
        p = Path(line)
        if _PART.match(p.name):
            try:
                p.unlink()
                removed.append(p)
            except FileNotFoundError:
                pass
            except OSError:
                continue
    if listed:
        _journal_edit(remove=[Path(line) for line in listed])
    tmp_root = _state_dir() / "tmp"
    if tmp_root.is_dir():
        for d in tmp_root.iterdir():
            pid = d.name.rpartition("-")[2]
            if pid.isdecimal() and int(pid) != os.getpid() and not _alive(int(pid)):
                shutil.rmtree(d, ignore_errors=True)
                removed.append(d)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _clean_folder(folder: Path, name: str) -> None:
    """Stale temporary copies of `name` in `folder` (older than 10 minutes): a previous export killed."""
    now = time.time()
    try:
        for p in folder.glob(f".{name}.*.part"):
            if _PART.match(p.name) and now - p.stat().st_mtime > _STALE_SECONDS:
                p.unlink(missing_ok=True)
    except OSError:
        pass


_private_tmp: Path | None = None


def private_tempdir() -> Path:
    """A 0700 folder of this process for libraries' temporary files (tempfile's default from now on)."""
    global _private_tmp
    if _private_tmp is None or not _private_tmp.is_dir():
        root = _state_dir() / "tmp"
        root.mkdir(parents=True, exist_ok=True)
        _private_tmp = root / f"run-{os.getpid()}"
        _private_tmp.mkdir(mode=0o700, exist_ok=True)
        os.chmod(_private_tmp, 0o700)
        tempfile.tempdir = str(_private_tmp)
        atexit.register(shutil.rmtree, _private_tmp, True)
    return _private_tmp


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def temp_beside(target: Path) -> Path:
    """A new empty 0600 file beside `target` for its content, journaled until `finish` or `discard`."""
    private_tempdir()
    _clean_folder(target.parent, target.name)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)  # mkstemp: 0600 from the first byte
    _journal_edit(add=[Path(tmp)])
    return Path(tmp)


def finish(tmp: Path, target: Path, *, private: bool = True) -> None:
    """Give `tmp` its final permissions (0600 if private, else what the umask allows) and move it in place."""
    os.chmod(tmp, 0o600 if private else 0o666 & ~_umask())
    os.replace(tmp, target)


def discard(temps: Sequence[Path]) -> None:
    for tmp in temps:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
    _journal_edit(remove=list(temps))
