"""The seed's announcement: before a draw, the secretariat says publicly how the seed will be obtained.

"The first five numbers of the Lotto draw of 12 March, Milan wheel" is recorded (with when it was
said) in the synced setting `selection.announcement`. The next draw must use that source: a draw
with another source is refused, with nothing written; the announcement is kept with the run
(`selection_runs.announcement`) and cleared, so each draw has its own. Without an announcement
nothing changes (the source given at the draw is recorded as before).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from facilitator_app.core import snapshots
from facilitator_app.core.selection.categories import put_setting
from facilitator_app.core.selection.model import SelectionError
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.ids import utc_now
from facilitator_app.core.store.store import Store
from facilitator_app.core.text import fold

SETTING = "selection.announcement"


def _same(a: str, b: str) -> bool:
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


def announce(store: Store, source: str, *, draw_on: date | None = None, record: Edit | None = None) -> dict[str, Any]:
    """Record how the seed of the next draw will be obtained (replaces an earlier announcement not yet used)."""
    source = " ".join(str(source or "").split())
    if not source:
        raise SelectionError("say how the seed will be obtained (e.g. the first five numbers of the Lotto draw of "
                             "12 March, Milan wheel)", code="announcement_empty")
    value = {"source": source, "announced_at": utc_now(), "draw_on": draw_on.isoformat() if draw_on else None}
    with store.transaction():
        put_setting(store, SETTING, value, record)
    return value


def pending_announcement(store: Store) -> dict[str, Any] | None:
    return store.setting(SETTING) or None


def withdraw_announcement(store: Store, record: Edit | None = None) -> bool:
    with store.transaction():
        if store.get("settings", SETTING) is None:
            return False
        snapshots.delete(store, "settings", SETTING, record)
    return True


def seed_source_for(store: Store, seed_source: str | None) -> tuple[str | None, dict[str, Any] | None]:
    """(the source to record, the announcement it keeps to); refuses a source other than the one announced."""
    ann = pending_announcement(store)
    if ann is None:
        return seed_source, None
    if seed_source and seed_source.strip() and not _same(seed_source, ann["source"]):
        raise SelectionError(
            f"the seed's source given ({seed_source.strip()!r}) is not the one announced on "
            f"{ann['announced_at'][:10]} ({ann['source']!r}): draw with the announced seed, or announce the new "
            f"source before the draw; nothing was written", code="seed_not_announced",
            given=seed_source.strip(), announced=ann["source"], on=ann["announced_at"][:10])
    return ann["source"], ann


def stamp_run(store: Store, run_id: str, announcement: dict[str, Any] | None, record: Edit | None) -> None:
    """Keep the announcement with the run it was for, and clear it (inside the run's transaction)."""
    if announcement is None:
        return
    snapshots.update(store, "selection_runs", run_id, {"announcement": json.dumps(announcement, ensure_ascii=False)},
                     record)
    snapshots.delete(store, "settings", SETTING, record)
