"""This installation's identity: a device id and an editable name.

Kept in the user's config directory (one per laptop, not per file), so a file
copied to another laptop is written there under that laptop's id.
`FACILITATOR_APP_HOME` moves config and data elsewhere (tests, portable use).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from facilitator_app.core.store.ids import new_id

APP = "facilitator_app"


def config_dir() -> Path:
    home = os.environ.get("FACILITATOR_APP_HOME")
    return Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    home = os.environ.get("FACILITATOR_APP_HOME")
    return Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "assemblea.sqlite"


@dataclass
class Device:
    id: str
    name: str

    @classmethod
    def load(cls) -> "Device":
        path = config_dir() / "device.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(str(raw["id"]), str(raw.get("name") or raw["id"][:8]))
        except (OSError, ValueError, KeyError, TypeError):
            import socket  # only for a first start; its import costs every start a few ms

            device = cls(new_id(), socket.gethostname() or "laptop")
            device.save()
            return device

    def save(self) -> None:
        path = config_dir() / "device.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"id": self.id, "name": self.name}), encoding="utf-8")
        os.replace(tmp, path)  # atomic: a crash never leaves half a file
