"""Locate bundled resources (fonts, icons, translations) without Qt.

    resource_path(*parts) -> Path   e.g. resource_path("fonts", "DejaVuSans.ttf")

Resources live in ``<repo>/resources``; the path is computed from this file so
it works from any working directory (tests, CLI, GUI).
"""
from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    """Absolute path of a file or folder under ``resources/`` (not checked for existence)."""
    return RESOURCES_DIR.joinpath(*parts)
