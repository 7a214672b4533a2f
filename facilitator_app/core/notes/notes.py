"""The post-it wall of a working group: notes, clusters and dot votes.

Each user action is one function that runs in one transaction and returns the
id it made (or whether it changed something). Pass `record=Edit()` to collect
what changed, so the GUI can undo and redo it (see `core.snapshots`); use a fresh
`Edit` per action and drop it if the action raises.

Geometry lives here, Qt-free, so the command line and the wall agree: a card
is CARD_W x CARD_H scene units; a cluster is a titled region whose cards are
laid out in a grid under its header, in the order of their stored positions
(row, then x), so dropping a card between two others puts it there.
Positions are stored absolute (notes.x/y, clusters.x/y).

Texts are stored exactly as typed (no trimming, any Unicode); a note whose
text is empty or only spaces is refused with `NoteError` and nothing is written.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from facilitator_app.core import snapshots
from facilitator_app.core.errors import CoreError, not_found
from facilitator_app.core.notes import tags as tagmod
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Store
from facilitator_app.core.text import fold

CARD_W, CARD_H, GAP = 260.0, 170.0, 18.0
HEADER_H, PAD = 70.0, 18.0
MAX_COLS = 4
INBOX_COLS = 6
NOTE_FIELDS = ("text", "category_id", "author_member_id", "tags")
TARGETS = ("note", "cluster")


class NoteError(CoreError, ValueError):
    """Invalid note data or action; the message says what to fix, nothing was written."""


# -- geometry (pure) --------------------------------------------------------------------
def cluster_cols(n: int) -> int:
    return max(1, min(MAX_COLS, math.ceil(math.sqrt(max(n, 1)))))


def cluster_size(n: int) -> tuple[float, float]:
    cols = cluster_cols(n)
    rows = max(1, math.ceil(n / cols))
    return (2 * PAD + cols * CARD_W + (cols - 1) * GAP,
            HEADER_H + rows * (CARD_H + GAP) - GAP + PAD)


def cluster_slots(x: float, y: float, n: int) -> list[tuple[float, float]]:
    cols = cluster_cols(n)
    return [(x + PAD + (i % cols) * (CARD_W + GAP), y + HEADER_H + (i // cols) * (CARD_H + GAP))
            for i in range(n)]


def _order_key(cluster: dict[str, Any], note: dict[str, Any]) -> tuple:
    if note.get("x") is None or note.get("y") is None:
        return (math.inf, 0.0, note.get("created_at") or "")
    pitch = CARD_H + GAP
    row = math.floor((note["y"] - (cluster["y"] or 0) - HEADER_H + pitch / 2) / pitch)
    return (row, note["x"], note.get("created_at") or "")


# -- reads -------------------------------------------------------------------------------
def groups_of(store: Store, plenary_id: str) -> list[dict[str, Any]]:
    return store.select("groups", "plenary_id = ?", (plenary_id,), order_by="sort_order, name")


def find_group(store: Store, plenary_id: str, key: str | int) -> dict[str, Any] | None:
    """A group of the plenary by id, name (case/accents ignored) or number in order (1-based)."""
    key = str(key).strip()
    groups = groups_of(store, plenary_id)
    for g in groups:
        if g["id"] == key:
            return g
    for g in groups:
        if fold(g["name"]) == fold(key):
            return g
    if key.isdecimal() and 1 <= int(key) <= len(groups):
        return groups[int(key) - 1]
    return None


def categories(store: Store) -> list[dict[str, Any]]:
    return store.select("note_categories", order_by="sort_order, name")


def find_category(store: Store, key: str) -> dict[str, Any] | None:
    key = str(key).strip()
    for c in categories(store):
        if c["id"] == key or fold(c["name"]) == fold(key):
            return c
    return None


def group_members(store: Store, group_id: str) -> list[dict[str, Any]]:
    """Members seated in the group (any session), by surname: possible authors."""
    return store.query(
        "SELECT DISTINCT m.id, m.first_name, m.surname FROM group_members gm "
        "JOIN members m ON m.id = gm.member_id "
        "WHERE gm.group_id = ? AND gm.deleted = 0 AND m.deleted = 0 ORDER BY m.surname, m.first_name",
        (group_id,))


def notes_of(store: Store, *, group_id: str | None = None, plenary_id: str | None = None) -> list[dict[str, Any]]:
    where, params = [], []
    if group_id:
        where.append("group_id = ?")
        params.append(group_id)
    if plenary_id:
        where.append("plenary_id = ?")
        params.append(plenary_id)
    return store.select("notes", " AND ".join(where) or None, params, order_by="created_at, id")


def clusters_of(store: Store, group_id: str) -> list[dict[str, Any]]:
    return store.select("clusters", "group_id = ?", (group_id,), order_by="created_at, id")


def cluster_notes_of(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    cluster = store.get("clusters", cluster_id, include_deleted=True)
    rows = store.select("notes", "cluster_id = ?", (cluster_id,))
    return sorted(rows, key=lambda n: _order_key(cluster, n))


def vote_totals(store: Store, ids: Iterable[str] | None = None, *, group_id: str | None = None) -> dict[str, int]:
    """Dots per note or cluster (sum of the vote rows, never below 0)."""
    if group_id is not None:
        rows = store.conn.execute(
            "SELECT target_id, sum(delta) FROM votes WHERE deleted = 0 AND target_id IN "
            "(SELECT id FROM notes WHERE group_id = ? UNION ALL SELECT id FROM clusters WHERE group_id = ?) "
            "GROUP BY target_id", (group_id, group_id)).fetchall()
    else:
        ids = list(ids or [])
        rows = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows += store.conn.execute(
                f"SELECT target_id, sum(delta) FROM votes WHERE deleted = 0 AND target_id IN "
                f"({','.join('?' * len(chunk))}) GROUP BY target_id", chunk).fetchall()
    return {t: max(0, int(n)) for t, n in rows}


def free_slot(store: Store, group_id: str) -> tuple[float, float]:
    """Top-left of the first place in the wall's inbox grid that no card or cluster covers."""
    px, py = CARD_W + GAP, CARD_H + GAP
    taken: set[tuple[int, int]] = set()

    def cover(x: float, y: float, w: float, h: float) -> None:
        for cx in range(math.floor(x / px), math.floor((x + w - 1) / px) + 1):
            for cy in range(math.floor(y / py), math.floor((y + h - 1) / py) + 1):
                taken.add((cx, cy))

    for x, y in store.conn.execute("SELECT x, y FROM notes WHERE group_id = ? AND deleted = 0 "
                                   "AND cluster_id IS NULL AND x IS NOT NULL", (group_id,)):
        cover(x, y, CARD_W, CARD_H)
    sizes = dict(store.conn.execute("SELECT cluster_id, count(*) FROM notes WHERE group_id = ? AND deleted = 0 "
                                    "AND cluster_id IS NOT NULL GROUP BY cluster_id", (group_id,)).fetchall())
    for cid, x, y in store.conn.execute("SELECT id, x, y FROM clusters WHERE group_id = ? AND deleted = 0",
                                        (group_id,)):
        cover(x or 0, y or 0, *cluster_size(sizes.get(cid, 0)))
    i = 0
    while (i % INBOX_COLS, i // INBOX_COLS) in taken:
        i += 1
    return (i % INBOX_COLS) * px, (i // INBOX_COLS) * py


# -- validation ---------------------------------------------------------------------------
def check_text(text: Any) -> str:
    if not isinstance(text, str) or not text.strip():
        raise NoteError("text: a note needs some text (empty or only spaces is not a note)", code="note_text_required")
    return text


def _require(store: Store, table: str, row_id: str | None, what: str) -> dict[str, Any]:
    row = store.get(table, row_id) if row_id else None
    if row is None:
        raise not_found(NoteError, what, row_id)
    return row


def _check_fields(store: Store, changes: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in changes.items():
        if k not in NOTE_FIELDS:
            raise NoteError(f"{k}: not a note field", code="not_a_note_field", field=k)
        if k == "text":
            v = check_text(v)
        elif k == "category_id" and v is not None:
            _require(store, "note_categories", v, "category")
        elif k == "author_member_id" and v is not None:
            _require(store, "members", v, "member")
        elif k == "tags":
            v = v if isinstance(v, str) or v is None else tagmod.encode(v)
        out[k] = v
    return out


# -- write actions ------------------------------------------------------------------------
def add_note(store: Store, plenary_id: str, group_id: str, text: str, *, category_id: str | None = None,
             author_member_id: str | None = None, tags: Iterable[str] = (), session_id: str | None = None,
             x: float | None = None, y: float | None = None, record: Edit | None = None) -> str:
    """Capture one note on the group's wall (at the first free place unless x, y given)."""
    fields = _check_fields(store, {"text": text, "category_id": category_id,
                                   "author_member_id": author_member_id, "tags": list(tags)})
    with store.transaction():
        group = _require(store, "groups", group_id, "group")
        if group["plenary_id"] != plenary_id:
            raise NoteError(f"group {group['name']!r} is not part of this plenary", code="group_not_in_plenary",
                            group=group["name"])
        if x is None or y is None:
            x, y = free_slot(store, group_id)
        return snapshots.insert(store, "notes", {"plenary_id": plenary_id, "group_id": group_id,
                                                 "session_id": session_id or group.get("session_id"),
                                                 "x": x, "y": y, **fields}, record)


def update_note(store: Store, note_id: str, changes: dict[str, Any], *, record: Edit | None = None) -> bool:
    """Change a note's text, category, author or tags (a list, or None for none)."""
    changes = _check_fields(store, changes)
    with store.transaction():
        current = _require(store, "notes", note_id, "note")
        return snapshots.update(store, "notes", note_id, changes, record, current)


def delete_notes(store: Store, note_ids: Iterable[str], *, record: Edit | None = None) -> int:
    """Tombstone notes (their clusters close up; an emptied cluster goes too)."""
    n = 0
    with store.transaction():
        touched: set[str] = set()
        for nid in note_ids:
            note = store.get("notes", nid)
            if note is None:
                continue
            n += snapshots.delete(store, "notes", nid, record)
            if note["cluster_id"]:
                touched.add(note["cluster_id"])
        for cid in touched:
            _relayout(store, cid, record)
    return n


def _relayout(store: Store, cluster_id: str, record: Edit | None) -> None:
    cluster = store.get("clusters", cluster_id)
    if cluster is None:
        return
    members = cluster_notes_of(store, cluster_id)
    if not members:
        snapshots.delete(store, "clusters", cluster_id, record)
        return
    for note, (x, y) in zip(members, cluster_slots(cluster["x"] or 0, cluster["y"] or 0, len(members))):
        if (note["x"], note["y"]) != (x, y):
            snapshots.update(store, "notes", note["id"], {"x": x, "y": y}, record, note)


def place_notes(store: Store, positions: dict[str, tuple[float, float] | None], cluster_id: str | None = None, *,
                clusters: dict[str, tuple[float, float]] | None = None, record: Edit | None = None) -> int:
    """Move notes to positions and into `cluster_id` (None: free on the wall), and clusters to positions.

    A position of None with a cluster appends the note at the cluster's end. Clusters
    left or joined lay out their cards again; a cluster left empty is removed.
    Moving a cluster carries its cards along.
    """
    changed = 0
    with store.transaction():
        if cluster_id is not None:
            _require(store, "clusters", cluster_id, "cluster")
        for cid, (x, y) in (clusters or {}).items():
            cluster = _require(store, "clusters", cid, "cluster")
            dx, dy = x - (cluster["x"] or 0), y - (cluster["y"] or 0)
            changed += snapshots.update(store, "clusters", cid, {"x": x, "y": y}, record, cluster)
            for note in store.select("notes", "cluster_id = ?", (cid,)):
                if note["id"] not in positions:
                    snapshots.update(store, "notes", note["id"],
                                     {"x": (note["x"] or 0) + dx, "y": (note["y"] or 0) + dy}, record, note)
        touched: set[str] = set()
        for nid, pos in positions.items():
            note = _require(store, "notes", nid, "note")
            new: dict[str, Any] = {"cluster_id": cluster_id}
            if pos is not None:
                new["x"], new["y"] = pos
            elif cluster_id is not None:
                new["x"], new["y"] = None, None
            changed += snapshots.update(store, "notes", nid, new, record, note)
            if note["cluster_id"]:
                touched.add(note["cluster_id"])
        if cluster_id is not None:
            touched.add(cluster_id)
        for cid in touched:
            _relayout(store, cid, record)
    return changed


def cluster_notes(store: Store, note_ids: Iterable[str], onto_note_id: str, title: str | None = None, *,
                  record: Edit | None = None) -> str:
    """Drop notes on another note: they form a cluster with it (or join its cluster). Returns the cluster id."""
    note_ids = [n for n in note_ids if n != onto_note_id]
    with store.transaction():
        target = _require(store, "notes", onto_note_id, "note")
        cluster_id = target["cluster_id"]
        if cluster_id is None:
            x, y = (target["x"] or 0) - PAD, (target["y"] or 0) - HEADER_H
            cluster_id = snapshots.insert(store, "clusters", {"group_id": target["group_id"], "title": title,
                                                              "x": x, "y": y}, record)
            snapshots.update(store, "notes", onto_note_id, {"cluster_id": cluster_id}, record, target)
        place_notes(store, {n: None for n in note_ids}, cluster_id, record=record)
        return cluster_id


def new_cluster(store: Store, group_id: str, title: str | None, note_ids: Iterable[str] = (), *,
                x: float | None = None, y: float | None = None, record: Edit | None = None) -> str:
    """An empty (or prefilled) titled cluster at a free place or at x, y."""
    with store.transaction():
        _require(store, "groups", group_id, "group")
        if x is None or y is None:
            x, y = free_slot(store, group_id)
        cluster_id = snapshots.insert(store, "clusters", {"group_id": group_id, "title": title, "x": x, "y": y},
                                                          record)
        ids = list(note_ids)
        if ids:
            place_notes(store, {n: None for n in ids}, cluster_id, record=record)
        return cluster_id


def rename_cluster(store: Store, cluster_id: str, title: str | None, *, record: Edit | None = None) -> bool:
    with store.transaction():
        cluster = _require(store, "clusters", cluster_id, "cluster")
        return snapshots.update(store, "clusters", cluster_id, {"title": title}, record, cluster)


def delete_cluster(store: Store, cluster_id: str, *, record: Edit | None = None) -> bool:
    """Remove the cluster; its cards stay on the wall where they are, unclustered."""
    with store.transaction():
        cluster = _require(store, "clusters", cluster_id, "cluster")
        for note in store.select("notes", "cluster_id = ?", (cluster_id,)):
            snapshots.update(store, "notes", note["id"], {"cluster_id": None}, record, note)
        return snapshots.delete(store, "clusters", cluster_id, record)


def vote(store: Store, target_type: str, target_id: str, delta: int = 1, *, record: Edit | None = None) -> str | None:
    """One dot (+1) or one dot taken away (-1). Taking from zero does nothing and returns None."""
    if target_type not in TARGETS:
        raise NoteError(f"target: expected note or cluster, got {target_type!r}", code="bad_vote_target",
                        value=target_type)
    if delta not in (1, -1):
        raise NoteError(f"delta: a dot vote is +1 or -1, got {delta!r}", code="bad_vote_delta", value=delta)
    with store.transaction():
        _require(store, "notes" if target_type == "note" else "clusters", target_id, target_type)
        if delta < 0 and vote_totals(store, [target_id]).get(target_id, 0) <= 0:
            return None
        return snapshots.insert(store, "votes", {"target_type": target_type, "target_id": target_id,
                                                 "delta": delta}, record)


# -- categories ---------------------------------------------------------------------------
def add_category(store: Store, name: str, color: str | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise NoteError("category: a name is required", code="category_name_required")
    with store.transaction():
        if find_category(store, name):
            raise NoteError(f"category {name!r} already exists", code="duplicate_category", name=name)
        order = store.scalar("SELECT coalesce(max(sort_order) + 1, 0) FROM note_categories WHERE deleted = 0")
        return store.insert("note_categories", {"name": name, "color": color, "sort_order": order})


def update_category(store: Store, category_id: str, changes: dict[str, Any]) -> bool:
    changes = {k: v for k, v in changes.items() if k in ("name", "color", "sort_order")}
    if "name" in changes:
        changes["name"] = (changes["name"] or "").strip()
        if not changes["name"]:
            raise NoteError("category: a name is required", code="category_name_required")
    with store.transaction():
        _require(store, "note_categories", category_id, "category")
        other = find_category(store, changes["name"]) if "name" in changes else None
        if other and other["id"] != category_id:
            raise NoteError(f"category {changes['name']!r} already exists", code="duplicate_category",
                            name=changes["name"])
        return store.update("note_categories", category_id, changes)


def delete_category(store: Store, category_id: str) -> bool:
    """Remove a category; its notes keep their text and become uncategorised."""
    with store.transaction():
        _require(store, "note_categories", category_id, "category")
        for (nid,) in store.conn.execute("SELECT id FROM notes WHERE category_id = ? AND deleted = 0",
                                         (category_id,)).fetchall():
            store.update("notes", nid, {"category_id": None})
        return store.delete("note_categories", category_id)
