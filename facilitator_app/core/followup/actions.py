"""The follow-up's user actions: each one transaction, undoable through `record=Edit()`.

- `record_sending`: the recommendation went to the Comune (date, to whom, protocol number); its
  status becomes "sent".
- `record_answer`: the Comune's answer (kind, text, date) with its act (type, number, date, link
  or attached PDF) and the responsible Direzione/Assessorato.
- `set_details`: any other field of the follow-up (who follows it up, English texts, ...).
- `add_update`, `update_update`, `delete_update`: civic monitoring, dated progress updates.
- `link_decidim`: the recommendation's proposal on Milano Partecipa, its published state and answer.

Each returns what it changed: {field: new value} (empty when nothing changed), or the new row's id.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from facilitator_app.core import snapshots
from facilitator_app.core.errors import not_found
from facilitator_app.core.followup.cycles import put_row
from facilitator_app.core.followup.fields import (FollowupError, check_answer_kind, check_date, check_link,
                                                  check_progress, check_text, parse_act)
from facilitator_app.core.followup.files import store_file
from facilitator_app.core.followup.plan import encode_codes, known_codes
from facilitator_app.core.store.ids import derived_id
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Store

Attachment = tuple[str, bytes, str]  # (file name, bytes, mime) from files.read_attachment

# field -> check (value -> stored value)
_FIELD_CHECKS: dict[str, Any] = {
    "sent_on": lambda v: check_date(v, "sending date"),
    "sent_to": lambda v: check_text(v, "sent to", limit=300),
    "protocol": lambda v: check_text(v, "protocol number", limit=80),
    "answer_kind": lambda v: None if v is None else check_answer_kind(v),
    "answer_text": lambda v: check_text(v, "answer"),
    "answer_on": lambda v: check_date(v, "answer date"),
    "act_type": lambda v: check_text(v, "act type", limit=120),
    "act_number": lambda v: check_text(v, "act number", limit=40),
    "act_date": lambda v: check_date(v, "act date"),
    "act_link": lambda v: check_link(v, "act link"),
    "act_file_id": lambda v: v or None,
    "responsible": lambda v: check_text(v, "responsible office", limit=300),
    "followed_by": lambda v: check_text(v, "followed up by", limit=300),
    "title_en": lambda v: check_text(v, "English title", limit=300),
    "text_en": lambda v: check_text(v, "English text"),
    "decidim_id": lambda v: check_text(v, "Decidim id", limit=40),
    "decidim_state": lambda v: check_text(v, "Decidim state", limit=40),
    "decidim_answer": lambda v: check_text(v, "Decidim answer"),
}
FIELDS = tuple(_FIELD_CHECKS)
UPDATE_FIELDS = ("on_date", "status", "note", "evidence_link", "evidence_file_id", "plan_actions", "author")


def followup_id(rec_id: str) -> str:
    return derived_id("rec_followup", rec_id)


def _rec(store: Store, rec_id: str) -> dict[str, Any]:
    rec = store.get("recommendations", rec_id) if rec_id else None
    if rec is None:
        raise not_found(FollowupError, "recommendation", rec_id)
    return rec


def _followed(store: Store, rec_id: str) -> dict[str, Any]:
    rec = _rec(store, rec_id)
    if rec["status"] not in ("approved", "sent"):
        raise FollowupError(f"recommendation {rec['title']!r} is a draft: only approved recommendations are followed up",
                            code="followup_not_approved", title=rec["title"])
    return rec


def followup_of(store: Store, rec_id: str) -> dict[str, Any]:
    """The follow-up fields of a recommendation ({} before any was recorded)."""
    row = store.get("rec_followup", followup_id(rec_id))
    return {} if row is None else {k: row.get(k) for k in FIELDS}


def _today(today: date | None) -> date:
    return today or date.today()


def _not_future(day: str | None, today: date | None, what: str) -> None:
    if day and day > _today(today).isoformat():
        raise FollowupError(f"{what}: {day} is in the future", code="followup_future_date", what=what, value=day)


def check_fields(changes: dict[str, Any]) -> dict[str, Any]:
    """The follow-up fields checked and normalised; FollowupError on the first bad one."""
    out = {}
    for k, v in changes.items():
        if k not in _FIELD_CHECKS:
            raise FollowupError(f"{k}: not a follow-up field", code="not_a_followup_field", field=k)
        out[k] = _FIELD_CHECKS[k](v)
    return out


def write_fields(store: Store, rec_id: str, values: dict[str, Any], record: Edit | None) -> dict[str, Any]:
    """Write follow-up fields (already checked) in the caller's transaction; the fields that changed."""
    fid = followup_id(rec_id)
    current = store.get("rec_followup", fid, include_deleted=True)
    before = {} if current is None or current["deleted"] else {k: current.get(k) for k in values}
    after = {**before}
    merged = {**(followup_of(store, rec_id)), **values}
    if merged.get("sent_on") and merged.get("answer_on") and merged["answer_on"] < merged["sent_on"]:
        raise FollowupError(f"answer date {merged['answer_on']} comes before the sending ({merged['sent_on']})",
                            code="answer_before_sending", answer_on=merged["answer_on"], sent_on=merged["sent_on"])
    put_row(store, "rec_followup", fid, {"recommendation_id": rec_id, **values}, record)
    after.update(values)
    return {k: v for k, v in after.items() if before.get(k) != v}


def set_details(store: Store, rec_id: str, changes: dict[str, Any], *, record: Edit | None = None) -> dict[str, Any]:
    """Change any follow-up fields (see FIELDS) of an approved recommendation, checked first."""
    values = check_fields(changes)
    with store.transaction():
        _followed(store, rec_id)
        return write_fields(store, rec_id, values, record)


def record_sending(store: Store, rec_id: str, sent_on: Any, sent_to: Any, protocol: Any = None, *,
                   today: date | None = None, record: Edit | None = None) -> dict[str, Any]:
    """The recommendation was sent to the Comune: date, to whom, protocol number; status "sent"."""
    values = check_fields({"sent_on": sent_on, "sent_to": sent_to, "protocol": protocol})
    if values["sent_on"] is None:
        raise FollowupError("sending date: a date is required", code="followup_date_required", what="sending date")
    if values["sent_to"] is None:
        raise FollowupError("sent to: say to whom it was sent", code="followup_text_required", what="sent to")
    _not_future(values["sent_on"], today, "sending date")
    with store.transaction():
        rec = _followed(store, rec_id)
        changed = write_fields(store, rec_id, values, record)
        if rec["status"] != "sent":
            snapshots.update(store, "recommendations", rec_id, {"status": "sent"}, record, rec)
            changed["status"] = "sent"
        return changed


def record_answer(store: Store, rec_id: str, kind: Any, text: Any, *, answer_on: Any = None, act: str | None = None,
                  act_type: Any = None, act_number: Any = None, act_date: Any = None, act_link: Any = None,
                  act_file: Attachment | None = None, responsible: Any = None, today: date | None = None,
                  record: Edit | None = None) -> dict[str, Any]:
    """The Comune's answer; `act` ("DG 123/2024") or act_type + act_number name the act that states it.

    The date defaults to today; the act's date to the answer's. Act fields not given are kept.
    """
    check_answer_kind(kind)
    values: dict[str, Any] = {"answer_kind": kind, "answer_text": text,
                              "answer_on": answer_on if answer_on not in (None, "") else _today(today)}
    if act is not None and str(act).strip():
        act_type, act_number = parse_act(str(act))
    if act_type is not None or act_number is not None:
        values.update(act_type=act_type, act_number=act_number)
    for k, v in (("act_date", act_date), ("act_link", act_link), ("responsible", responsible)):
        if v is not None:
            values[k] = v
    values = check_fields(values)
    if values["answer_text"] is None:
        raise FollowupError("answer: a text is required", code="followup_text_required", what="answer")
    if bool(values.get("act_type")) != bool(values.get("act_number")) and "act_type" in values:
        raise FollowupError("act: give both its type and its number (e.g. DG 123/2024)", code="followup_bad_act",
                            value=" ".join(str(v) for v in (values.get("act_type"), values.get("act_number")) if v))
    _not_future(values["answer_on"], today, "answer date")
    _not_future(values.get("act_date"), today, "act date")
    with store.transaction():
        _followed(store, rec_id)
        if act_file is not None:
            values["act_file_id"] = store_file(store, *act_file, record)
        if values.get("act_type") and not values.get("act_date") and not followup_of(store, rec_id).get("act_date"):
            values["act_date"] = values["answer_on"]
        return write_fields(store, rec_id, values, record)


def link_decidim(store: Store, rec_id: str, decidim_id: str, state: str | None, answer: str | None, *,
                 record: Edit | None = None) -> dict[str, Any]:
    """The proposal on Milano Partecipa: its id, the state and the answer published there."""
    return set_details(store, rec_id, {"decidim_id": decidim_id, "decidim_state": state, "decidim_answer": answer},
                       record=record)


# -- monitoring ------------------------------------------------------------------------------------
def _check_update(store: Store, changes: dict[str, Any], today: date | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in changes.items():
        if k == "on_date":
            out[k] = check_date(v, "update date", required=True)
            _not_future(out[k], today, "update date")
        elif k == "status":
            out[k] = check_progress(v)
        elif k == "note":
            out[k] = check_text(v, "note", required=True)
        elif k == "evidence_link":
            out[k] = check_link(v, "evidence link")
        elif k == "author":
            out[k] = check_text(v, "author", limit=300)
        elif k == "evidence_file_id":
            out[k] = v or None
        elif k == "plan_actions":
            codes = [str(c).strip() for c in (v or []) if str(c).strip()]
            unknown = sorted(set(codes) - known_codes(store))
            if unknown:
                raise FollowupError(f"Plan actions: unknown code {', '.join(unknown)} (add it to the list first)",
                                    code="unknown_plan_action", codes=", ".join(unknown))
            out[k] = encode_codes(codes)
        else:
            raise FollowupError(f"{k}: not a field of a progress update", code="not_an_update_field", field=k)
    return out


def add_update(store: Store, rec_id: str, status: Any, note: Any, *, on_date: Any = None,
               evidence_link: Any = None, evidence_file: Attachment | None = None,
               plan_actions: list[str] | None = None, author: Any = None, today: date | None = None,
               record: Edit | None = None) -> str:
    """A dated progress update of an approved recommendation; the date defaults to today."""
    with store.transaction():
        values = _check_update(store, {"on_date": on_date if on_date not in (None, "") else _today(today),
                                       "status": status, "note": note, "evidence_link": evidence_link,
                                       "plan_actions": plan_actions, "author": author}, today)
        _followed(store, rec_id)
        if evidence_file is not None:
            values["evidence_file_id"] = store_file(store, *evidence_file, record)
        return snapshots.insert(store, "rec_updates", {"recommendation_id": rec_id, **values}, record)


def update_update(store: Store, update_id: str, changes: dict[str, Any], *, evidence_file: Attachment | None = None,
                  today: date | None = None, record: Edit | None = None) -> dict[str, Any]:
    with store.transaction():
        current = store.get("rec_updates", update_id)
        if current is None:
            raise FollowupError(f"no progress update with id {update_id}", code="no_progress_update", id=update_id)
        values = _check_update(store, changes, today)
        if evidence_file is not None:
            values["evidence_file_id"] = store_file(store, *evidence_file, record)
        diff = {k: v for k, v in values.items() if current.get(k) != v}
        snapshots.update(store, "rec_updates", update_id, diff, record, current)
        return diff


def delete_update(store: Store, update_id: str, *, record: Edit | None = None) -> bool:
    with store.transaction():
        if store.get("rec_updates", update_id) is None:
            raise FollowupError(f"no progress update with id {update_id}", code="no_progress_update", id=update_id)
        return snapshots.delete(store, "rec_updates", update_id, record)
