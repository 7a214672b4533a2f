"""Recommendations (raccomandazioni): what the plenary votes and sends to the Comune.

A recommendation is promoted from a note or a cluster of the wall (its text
prefilled from them, the notes linked in `recommendation_notes`) or written
from scratch; it carries a group, a theme, Plan actions (a JSON list of codes),
the plenary's vote (in favour, against, abstained) and a status.

Like the wall, every action is one transaction and accepts `record=Edit()`
for undo.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from facilitator_app.core import snapshots
from facilitator_app.core.errors import CoreError, not_found
from facilitator_app.core.notes import tags as tagmod
from facilitator_app.core.notes.notes import cluster_notes_of
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Store

STATUSES = ("draft", "approved", "rejected", "sent")
VOTE_FIELDS = ("votes_for", "votes_against", "votes_abstained")
FIELDS = ("title", "text", "group_id", "theme_id", "plan_actions", "status", *VOTE_FIELDS, "vote_note", "sort_order")
TITLE_MAX = 90


class RecommendationError(CoreError, ValueError):
    """Invalid recommendation data; the message says what to fix, nothing was written."""


def _require(store: Store, table: str, row_id: str | None, what: str) -> dict[str, Any]:
    row = store.get(table, row_id) if row_id else None
    if row is None:
        raise not_found(RecommendationError, what, row_id)
    return row


def title_from(text: str) -> str:
    """A short title from a note's text: its first line, cut at a word near TITLE_MAX characters."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if len(line) <= TITLE_MAX:
        return line
    cut = line[:TITLE_MAX].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"


def plan_actions_of(rec: dict[str, Any]) -> list[str]:
    return tagmod.decode(rec.get("plan_actions"))


def check_fields(store: Store, changes: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in changes.items():
        if k not in FIELDS:
            raise RecommendationError(f"{k}: not a recommendation field", code="not_a_recommendation_field", field=k)
        if k == "title":
            if not isinstance(v, str) or not v.strip():
                raise RecommendationError("title: a recommendation needs a title", code="recommendation_title_required")
        elif k == "status" and v not in STATUSES:
            raise RecommendationError(f"status: expected one of {', '.join(STATUSES)}, got {v!r}",
                                      code="bad_recommendation_status", value=v)
        elif k in VOTE_FIELDS and v is not None:
            if isinstance(v, str) and v.strip().isdecimal():
                v = int(v.strip())
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise RecommendationError(f"{k}: expected a whole number, 0 or more, got {v!r}", code="bad_vote_count",
                                          field=k, value=v)
        elif k == "group_id" and v is not None:
            _require(store, "groups", v, "group")
        elif k == "theme_id" and v is not None:
            _require(store, "themes", v, "theme")
        elif k == "plan_actions" and not (v is None or isinstance(v, str)):
            v = json.dumps(list(dict.fromkeys(str(c).strip() for c in v if str(c).strip())),
                           ensure_ascii=False)
        out[k] = v
    return out


# -- reads -----------------------------------------------------------------------------------
def recommendations_of(store: Store, plenary_id: str) -> list[dict[str, Any]]:
    return store.select("recommendations", "plenary_id = ?", (plenary_id,), order_by="sort_order, created_at")


def linked_notes(store: Store, rec_id: str) -> list[dict[str, Any]]:
    return store.query(
        "SELECT n.* FROM recommendation_notes rn JOIN notes n ON n.id = rn.note_id "
        "WHERE rn.recommendation_id = ? AND rn.deleted = 0 AND n.deleted = 0 ORDER BY n.created_at",
        (rec_id,))


# -- write actions ---------------------------------------------------------------------------
def create_recommendation(store: Store, plenary_id: str, title: str, text: str | None = None, *,
                          group_id: str | None = None, theme_id: str | None = None,
                          plan_actions: Iterable[str] = (), note_ids: Iterable[str] = (),
                          source_cluster_id: str | None = None, status: str = "draft",
                          record: Edit | None = None) -> str:
    fields = check_fields(store, {"title": title, "text": text, "group_id": group_id, "theme_id": theme_id,
                            "plan_actions": list(plan_actions), "status": status})
    with store.transaction():
        _require(store, "plenaries", plenary_id, "plenary")
        order = store.scalar("SELECT coalesce(max(sort_order) + 1, 0) FROM recommendations "
                             "WHERE plenary_id = ? AND deleted = 0", (plenary_id,))
        rec_id = snapshots.insert(store, "recommendations", {"plenary_id": plenary_id, "sort_order": order,
                                                             "source_cluster_id": source_cluster_id, **fields}, record)
        for nid in dict.fromkeys(note_ids):
            _require(store, "notes", nid, "note")
            snapshots.insert(store, "recommendation_notes", {"recommendation_id": rec_id, "note_id": nid}, record)
        return rec_id


def _split_tags(store: Store, tag_lists: Iterable[list[str]]) -> tuple[str | None, list[str]]:
    themes = {t["name"]: t["id"] for t in tagmod.themes(store)}
    codes = {a["code"] for a in tagmod.plan_actions(store)}
    theme_id, actions = None, []
    for tags in tag_lists:
        for t in tags:
            if t in themes and theme_id is None:
                theme_id = themes[t]
            elif t in codes and t not in actions:
                actions.append(t)
    return theme_id, actions


def promote_note(store: Store, note_id: str, *, title: str | None = None, text: str | None = None,
                 record: Edit | None = None) -> str:
    """A draft recommendation from one note: its text, group, theme and Plan actions from its tags."""
    note = _require(store, "notes", note_id, "note")
    group = store.get("groups", note["group_id"]) or {}
    theme_id, actions = _split_tags(store, [tagmod.decode(note["tags"])])
    return create_recommendation(
        store, note["plenary_id"], title if title is not None else title_from(note["text"]),
        text if text is not None else note["text"], group_id=note["group_id"],
        theme_id=theme_id or group.get("theme_id"), plan_actions=actions, note_ids=[note_id], record=record)


def promote_cluster(store: Store, cluster_id: str, *, title: str | None = None, text: str | None = None,
                    record: Edit | None = None) -> str:
    """A draft recommendation from a cluster: its title, its notes as the text and as links."""
    cluster = _require(store, "clusters", cluster_id, "cluster")
    members = cluster_notes_of(store, cluster_id)
    if not members:
        raise RecommendationError("the cluster has no notes to promote", code="empty_cluster")
    group = store.get("groups", cluster["group_id"]) or {}
    theme_id, actions = _split_tags(store, [tagmod.decode(n["tags"]) for n in members])
    body = "\n".join(f"• {' '.join(n['text'].split())}" for n in members)
    default_title = (cluster["title"] or "").strip() or title_from(members[0]["text"])
    return create_recommendation(
        store, members[0]["plenary_id"], title if title is not None else default_title,
        text if text is not None else body, group_id=cluster["group_id"],
        theme_id=theme_id or group.get("theme_id"), plan_actions=actions,
        note_ids=[n["id"] for n in members], source_cluster_id=cluster_id, record=record)


def update_recommendation(store: Store, rec_id: str, changes: dict[str, Any], *,
                          record: Edit | None = None) -> bool:
    changes = check_fields(store, changes)
    with store.transaction():
        current = _require(store, "recommendations", rec_id, "recommendation")
        return snapshots.update(store, "recommendations", rec_id, changes, record, current)


def record_vote(store: Store, rec_id: str, votes_for: Any, votes_against: Any, votes_abstained: Any, *,
                status: str | None = None, record: Edit | None = None) -> bool:
    """The plenary's vote: three whole numbers, 0 or more (and optionally the new status)."""
    changes = {"votes_for": votes_for, "votes_against": votes_against, "votes_abstained": votes_abstained}
    for k, v in list(changes.items()):
        if v is None or (isinstance(v, str) and not v.strip()):
            raise RecommendationError(f"{k}: a number is required to record the vote", code="vote_count_required",
                                      field=k)
    if status is not None:
        changes["status"] = status
    return update_recommendation(store, rec_id, changes, record=record)


def set_linked_notes(store: Store, rec_id: str, note_ids: Iterable[str], *, record: Edit | None = None) -> bool:
    wanted = list(dict.fromkeys(note_ids))
    changed = False
    with store.transaction():
        _require(store, "recommendations", rec_id, "recommendation")
        rows = store.select("recommendation_notes", "recommendation_id = ?", (rec_id,), include_deleted=True)
        by_note = {r["note_id"]: r for r in rows}
        for r in rows:
            if r["note_id"] not in wanted and not r["deleted"]:
                changed |= snapshots.delete(store, "recommendation_notes", r["id"], record)
        for nid in wanted:
            row = by_note.get(nid)
            if row is None:
                _require(store, "notes", nid, "note")
                snapshots.insert(store, "recommendation_notes", {"recommendation_id": rec_id, "note_id": nid}, record)
                changed = True
            elif row["deleted"]:
                changed |= snapshots.update(store, "recommendation_notes", row["id"], {"deleted": 0}, record, row)
    return changed


def delete_recommendation(store: Store, rec_id: str, *, record: Edit | None = None) -> bool:
    with store.transaction():
        _require(store, "recommendations", rec_id, "recommendation")
        return snapshots.delete(store, "recommendations", rec_id, record)


def vote_summary(rec: dict[str, Any]) -> str | None:
    """'23 / 4 / 2' (for, against, abstained), or None before the vote is recorded."""
    if any(rec.get(k) is None for k in VOTE_FIELDS):
        return None
    return " / ".join(str(rec[k]) for k in VOTE_FIELDS)

