"""Photos of paper walls, attached to a group's session (table `photos`).

The core stores bytes it is given; shrinking (longest side about 1600 px,
JPEG quality about 80) happens before, in the GUI with QImage, so the core
stays Qt-free. The minutes read this table to put the photos in the record.
"""

from __future__ import annotations

from typing import Any

from facilitator_app.core.errors import CoreError, not_found
from facilitator_app.core.store.store import Store

MAX_SIDE = 1600
JPEG_QUALITY = 80
MAX_BYTES = 8 * 1024 * 1024
MIMES = ("image/jpeg", "image/png")


class PhotoError(CoreError, ValueError):
    """The image cannot be stored; nothing was written."""


def _sniff(data: bytes) -> str | None:
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    return None


def add_photo(store: Store, plenary_id: str, data: bytes, *, group_id: str | None = None,
              session_id: str | None = None, caption: str | None = None, mime: str | None = None,
              width: int | None = None, height: int | None = None) -> str:
    """Store one already-shrunk image; returns its id."""
    data = bytes(data or b"")
    if not data:
        raise PhotoError("photo: the image is empty", code="photo_empty")
    if len(data) > MAX_BYTES:
        raise PhotoError(f"photo: {len(data) // 1024} KB is too large; shrink it first (max {MAX_BYTES // 1024} KB)",
                         code="photo_too_large", kb=len(data) // 1024, max_kb=MAX_BYTES // 1024)
    found = _sniff(data)
    if found is None:
        raise PhotoError("photo: not a JPEG or PNG image", code="photo_not_jpeg_or_png")
    for name, v in (("width", width), ("height", height)):
        if v is not None and (not isinstance(v, int) or v <= 0):
            raise PhotoError(f"photo: {name} must be a positive whole number", code="photo_bad_size", field=name)
    with store.transaction():
        if store.get("plenaries", plenary_id) is None:
            raise not_found(PhotoError, "plenary", plenary_id)
        if group_id is not None and store.get("groups", group_id) is None:
            raise not_found(PhotoError, "group", group_id)
        if session_id is None and group_id is not None:
            session_id = store.get("groups", group_id).get("session_id")
        return store.insert("photos", {"plenary_id": plenary_id, "group_id": group_id, "session_id": session_id,
                                       "caption": caption, "mime": mime or found, "width": width,
                                       "height": height, "data": data})


def photos_of(store: Store, plenary_id: str, group_id: str | None = None) -> list[dict[str, Any]]:
    """Photo rows without their bytes (use `photo_data`)."""
    where, params = "plenary_id = ? AND deleted = 0", [plenary_id]
    if group_id is not None:
        where += " AND group_id = ?"
        params.append(group_id)
    return store.query(f"SELECT id, plenary_id, group_id, session_id, caption, mime, width, height, created_at, "
                       f"length(data) AS size FROM photos WHERE {where} ORDER BY created_at, id", params)


def photo_data(store: Store, photo_id: str) -> bytes | None:
    value = store.scalar("SELECT data FROM photos WHERE id = ? AND deleted = 0", (photo_id,))
    return bytes(value) if value is not None else None


def set_caption(store: Store, photo_id: str, caption: str | None) -> bool:
    with store.transaction():
        return store.update("photos", photo_id, {"caption": caption})


def delete_photo(store: Store, photo_id: str) -> bool:
    with store.transaction():
        return store.delete("photos", photo_id)
