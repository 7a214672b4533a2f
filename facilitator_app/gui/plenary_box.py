"""The plenary chooser at the top of the wall, recommendations, groups and minutes pages."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox

from facilitator_app.core.members.members import format_date
from facilitator_app.gui.i18n import fmt


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
