"""Write export files all-or-nothing, private when they hold personal data, leaving nothing behind.

`write_all([(path, writer), ...])` calls every `writer(tmp_path)` first and renames only when all
of them succeeded, so an export that fails (a full disk, a cancelled progress dialog, a bug) leaves
neither a half file nor one file of a pair. A path whose folder does not exist or cannot be written
raises `OSError` before any work is done.

- Permissions: `private=True` (the default: internal verbale, badges, sign-in sheets, check-in
  lists, attendance, rosters) makes the files 0600 whatever the umask; `private=False` (public
  documents) gives what an ordinary new file gets under the umask.
- Temporary files: beside the target, journaled, cleaned after a crash (core/files/atomic.py);
  libraries' temporary files in a private folder of the process.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from facilitator_app.core.errors import CoreError
from facilitator_app.core.files.atomic import (  # noqa: F401 (clean_leftovers, private_tempdir: for callers)
    clean_leftovers, discard, finish, private_tempdir, temp_beside,
)


class TargetError(CoreError, OSError):
    """The chosen file cannot be written there (see `code`); an OSError as before."""


def check_writable(path: str | Path) -> Path:
    """The target as a Path; OSError (with a clear message) if its folder cannot take a new file."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise TargetError(f"the folder {folder} does not exist", code="folder_missing", folder=str(folder))
    if path.is_dir():
        raise TargetError(f"{path} is a folder", code="target_is_a_folder", path=str(path))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise TargetError(f"no permission to write in {folder}", code="folder_not_writable",
                          folder=str(folder))
    return path


def to_target(target: Any, write: Callable[[Any], Any], *, private: bool = True) -> Any:
    """`write(target)`, through `write_all` when the target is a path (a stream is written as given)."""
    if isinstance(target, str | Path):
        return write_all([(target, write)], private=private)[0]
    return write(target)


def write_all(jobs: Sequence[tuple[str | Path, Callable[[Path], Any]]], *, private: bool = True) -> list[Any]:
    """Run each writer on a temporary path, then move all the files in place; returns the writers' results.

    `private`: the files hold personal data (0600 whatever the umask); otherwise the umask decides.
    """
    targets = [check_writable(p) for p, _ in jobs]
    temps: list[Path] = []
    try:
        results = []
        for target, (_, writer) in zip(targets, jobs):
            temps.append(temp_beside(target))
            results.append(writer(temps[-1]))
        for tmp, target in zip(temps, targets):
            finish(tmp, target, private=private)
        return results
    finally:
        discard(temps)
