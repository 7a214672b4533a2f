"""The plenary chooser at the top of the wall, recommendations, groups and minutes pages."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox

from facilitator_app.core.members.members import format_date
from facilitator_app.core.plenaries.plenaries import default_plenary
from facilitator_app.gui.i18n import fmt


def default_index(store, plenaries: list[dict[str, Any]], today=None) -> int:
    """Where `plenaries` (as listed in a chooser) has the plenary every page opens on (-1: none)."""
    chosen = default_plenary(store, today)
    ids = [p["id"] for p in plenaries]
    return ids.index(chosen["id"]) if chosen and chosen["id"] in ids else (0 if plenaries else -1)


def fill_plenary_box(box: QComboBox, plenaries: list[dict[str, Any]], label: str, current: int) -> None:
    """Refill `box` without emitting its signals and select item `current` (-1: none).

    One item per plenary, its id as data, `label` ("Plenary %1 — %2", translated by the page)
    filled with its number and its title, or its date (dd/mm/yyyy) when it has none.
    """
    box.blockSignals(True)
    box.clear()
    for p in plenaries:
        box.addItem(fmt(label, p["number"], p["title"] or format_date(p["date"])), p["id"])
    box.setCurrentIndex(current)
    box.blockSignals(False)
