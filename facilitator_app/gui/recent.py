"""The assembly files opened recently, newest first, kept in the user's settings.

Paths are stored absolute (a relative one would name another file from another working
folder). A remembered file that is no longer there stays listed, marked missing, until the
user picks it (then it is reported and dropped) — it is never recreated empty.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY, LAST_KEY = "file/recent", "file/last"
LIMIT = 8
SUFFIX = ".sqlite"


def absolute(path: str | Path) -> Path:
    """`path` made absolute (home folder expanded, `..` resolved) without requiring it to exist."""
    return Path(path).expanduser().resolve()


def with_suffix(path: str | Path) -> Path:
    """A new assembly's path with the .sqlite extension the Open dialog lists (added if missing)."""
    p = Path(path)
    return p if p.suffix.lower() in (".sqlite", ".db") else p.with_name(p.name + SUFFIX)


class RecentFiles:
    def __init__(self, settings: QSettings):
        self.settings = settings

    def paths(self) -> list[Path]:
        raw = self.settings.value(KEY, [])
        if isinstance(raw, str):  # QSettings gives a lone string for a one-item list in INI files
            raw = [raw]
        paths: list[Path] = []
        for item in [*(raw or []), self.settings.value(LAST_KEY, "") or ""]:
            text = str(item).strip()
            if not text or not Path(text).is_absolute():
                continue  # an old relative entry names nothing certain: forgotten, never guessed
            p = Path(text)
            if p not in paths:
                paths.append(p)
        return paths[:LIMIT]

    def last(self) -> Path | None:
        text = str(self.settings.value(LAST_KEY, "") or "")
        return Path(text) if text and Path(text).is_absolute() else None

    def add(self, path: str | Path) -> None:
        p = absolute(path)
        self.settings.setValue(KEY, [str(x) for x in [p, *(q for q in self.paths() if q != p)][:LIMIT]])
        self.settings.setValue(LAST_KEY, str(p))

    def remove(self, path: str | Path) -> None:
        p = Path(path)
        self.settings.setValue(KEY, [str(q) for q in self.paths() if q != p])
        if self.last() == p:
            self.settings.remove(LAST_KEY)
