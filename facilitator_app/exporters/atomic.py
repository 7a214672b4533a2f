"""Write export files all-or-nothing: each to a temporary file beside it, then renamed into place.

`write_all([(path, writer), ...])` calls every `writer(tmp_path)` first and
renames only when all of them succeeded, so an export that fails (a full disk,
a cancelled progress dialog, a bug) leaves neither a half file nor one file of
a pair. A path whose folder does not exist or cannot be written raises
`OSError` before any work is done.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from facilitator_app.core.errors import CoreError


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


def write_all(jobs: Sequence[tuple[str | Path, Callable[[Path], Any]]]) -> list[Any]:
    """Run each writer on a temporary path, then move all the files in place; returns the writers' results."""
    targets = [check_writable(p) for p, _ in jobs]
    temps: list[Path] = []
    try:
        results = []
        for target, (_, writer) in zip(targets, jobs):
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
            os.close(fd)
            temps.append(Path(tmp))
            results.append(writer(Path(tmp)))
        for tmp, target in zip(temps, targets):
            # mkstemp makes the file private (0600); give it what an ordinary new file gets.
            os.chmod(tmp, (target.stat().st_mode & 0o777) if target.exists() else 0o644)
            os.replace(tmp, target)
        return results
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
