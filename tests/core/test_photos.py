"""Photos of paper walls: stored small, listed without their bytes."""

from __future__ import annotations

import pytest

from facilitator_app.core.notes import photos
from facilitator_app.core.plenaries.plenaries import create_plenary

JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 100


def test_add_list_read_delete(store):
    pid = create_plenary(store, 1, "2024-05-11", "Parco Nord")
    with store.transaction():
        gid = store.insert("groups", {"plenary_id": pid, "name": "G"})
    ph = photos.add_photo(store, pid, JPEG, group_id=gid, caption="Parete 1", width=1600, height=1200)
    rows = photos.photos_of(store, pid, gid)
    assert [(r["id"], r["mime"], r["width"], r["height"], r["size"]) for r in rows] == [
        (ph, "image/jpeg", 1600, 1200, len(JPEG))]
    assert photos.photo_data(store, ph) == JPEG
    photos.delete_photo(store, ph)
    assert photos.photos_of(store, pid) == []


def test_bad_photos_refused(store):
    pid = create_plenary(store, 1, "2024-05-11", "Parco Nord")
    for data in (b"", b"GIF89a....", b"\xff\xd8\xff" + b"\0" * (photos.MAX_BYTES + 1)):
        with pytest.raises(photos.PhotoError):
            photos.add_photo(store, pid, data)
    with pytest.raises(photos.PhotoError):
        photos.add_photo(store, pid, JPEG, width=0)
    with pytest.raises(photos.PhotoError):
        photos.add_photo(store, "nope", JPEG)
    assert store.scalar("SELECT count(*) FROM photos") == 0
