"""Locate bundled resources (fonts, translations, help, data) without Qt.

    resource_path(*parts) -> Path   e.g. resource_path("fonts", "DejaVuSans.ttf")

From a checkout (or an editable install) they live in ``<repo>/resources``, computed from
this file so it works from any working directory; in a frozen build (PyInstaller) in
``<bundle>/resources``, beside the bundled interpreter (``sys._MEIPASS``).
``FACILITATOR_APP_RESOURCES`` overrides both (packagers who put them elsewhere).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def _resources_dir() -> Path:
    override = os.environ.get("FACILITATOR_APP_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # a PyInstaller build: the spec copies resources/ to the bundle's root
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


RESOURCES_DIR = _resources_dir()


def docs_path(*parts: str) -> Path:
    """The screenshots in ``docs/`` (the guide shows them): in the repository, or bundled beside resources/."""
    return RESOURCES_DIR.parent.joinpath("docs", *parts)


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resource_path(*parts: str) -> Path:
    """Absolute path of a file or folder under ``resources/`` (not checked for existence)."""
    return RESOURCES_DIR.joinpath(*parts)
