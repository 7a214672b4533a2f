"""Files attached to the follow-up: the PDF of an act, the evidence of a progress update.

A file is stored once in the assembly file (table `followup_files`), its id derived from its
SHA-256, so it travels with the rest and the same PDF attached twice, or on two laptops, is one row.
Only the kinds a secretary would attach are accepted, recognised by their first bytes, not by name.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from facilitator_app.core.followup.cycles import put_row
from facilitator_app.core.followup.fields import FollowupError
from facilitator_app.core.store.ids import derived_id
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Store

MAX_BYTES = 25 * 1024 * 1024
_MAGIC = ((b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))


def sniff(data: bytes) -> str | None:
    head = data[:1024]
    for magic, mime in _MAGIC:
        if head.startswith(magic) or (mime == "application/pdf" and magic in head):
            return mime
    return None


def read_attachment(path: str | Path, *, pdf_only: bool = False) -> tuple[str, bytes, str]:
    """(name, bytes, mime) of a file to attach, or FollowupError (missing, too big, not PDF/PNG/JPEG)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FollowupError(f"{path.name}: {size // (1024 * 1024)} MB, at most {MAX_BYTES // (1024 * 1024)} MB",
                                code="attachment_too_big", name=path.name, limit=MAX_BYTES // (1024 * 1024))
        data = path.read_bytes()
    except OSError as exc:
        raise FollowupError(f"{path}: cannot read the file ({exc.strerror or exc})", code="attachment_unreadable",
                            path=str(path)) from exc
    mime = sniff(data)
    if pdf_only and mime != "application/pdf":
        raise FollowupError(f"{path.name}: not a PDF", code="attachment_not_pdf", name=path.name)
    if mime is None:
        raise FollowupError(f"{path.name}: not a PDF, PNG or JPEG file", code="attachment_bad_kind", name=path.name)
    return path.name, data, mime


def store_file(store: Store, name: str, data: bytes, mime: str, record: Edit | None) -> str:
    """The id of the stored file (inside the caller's transaction)."""
    digest = hashlib.sha256(data).hexdigest()
    fid = derived_id("followup_file", digest)
    if store.get("followup_files", fid) is None:
        put_row(store, "followup_files", fid, {"name": name, "mime": mime, "size": len(data), "sha256": digest,
                                                "data": data}, record)
    return fid


def file_info(store: Store, file_id: str | None) -> dict[str, Any] | None:
    if not file_id:
        return None
    rows = store.query("SELECT id, name, mime, size, sha256 FROM followup_files WHERE id = ? AND deleted = 0",
                       (file_id,))
    return rows[0] if rows else None


def file_data(store: Store, file_id: str) -> bytes | None:
    return store.scalar("SELECT data FROM followup_files WHERE id = ? AND deleted = 0", (file_id,))
