"""Right to erasure and the retention rule.

Erasing a member keeps the anonymous facts (the member row, so attendance counts and group
seats still add up; a note's text without its author) and removes the personal data:

1. one ordinary, logged update anonymises the member row (and clears the note authors, the
   reasons given for absences and the linked people's names): every laptop's row ends the same;
2. an `erasures` row (synced) lists, for each row touched, the fields to strip from every change
   logged *before* the erasure (`before_hlc`); each laptop rewrites its own change log with it,
   drops the conflict versions of those fields, and the merge strips the same fields from any
   change that arrives later, so a package made before the erasure, received twice or late,
   cannot bring the data back;
3. `VACUUM` (after a WAL checkpoint) so nothing stays in free pages or in the WAL.

Backups made before the erasure would still hold the data: they are removed (overwritten) and a
fresh backup is made (`backups=True`, the default for a file on disk).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from facilitator_app.core.errors import CoreError
from facilitator_app.core.store.ids import derived_id, utc_now
from facilitator_app.core.store.store import Store

# Erased from the member row; gender, citizenship, municipio, education, cohort, term and status
# stay: the assembly's anonymous statistics (representativeness, attendance) need them.
ERASED_FIELDS = ("surname", "first_name", "external_id", "email", "phone", "address", "birth_date", "country",
                 "accessibility_notes", "dietary_notes", "notes", "badge_code")
ANONYMOUS = {"surname": "—", "first_name": "", "status": "former"}
PEOPLE_FIELDS = ("name", "organisation", "notes")
# The member's reply to the letter (selection by lot): the same person's data, erased with them.
RESPONDENT_FIELDS = ("surname", "first_name", "external_id", "email", "phone", "birth_date", "country",
                     "accessibility_notes", "extra", "notes")


class ErasureError(CoreError):
    pass


@dataclass
class ErasureReport:
    member_id: str
    reason: str
    fields: list[str]                                  # personal fields that had a value
    backups_removed: int = 0
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows anonymised
    changes_rewritten: int = 0
    changes_removed: int = 0
    conflicts_removed: int = 0

    def as_dict(self) -> dict[str, Any]:
        return dict(vars(self))


# -- the targets of an erasure and the filter every laptop applies ---------------------------------------
def _targets(store: Store, member_id: str) -> dict[str, dict[str, list[str]]]:
    targets: dict[str, dict[str, list[str]]] = {"members": {member_id: list(ERASED_FIELDS)}}
    for tbl, col, fields in (("notes", "author_member_id", ["author_member_id"]),
                             ("attendance", "member_id", ["reason"]),
                             ("plenary_people", "member_id", ["member_id", *PEOPLE_FIELDS]),
                             ("respondents", "member_id", list(RESPONDENT_FIELDS))):
        rows = [r[0] for r in store.conn.execute(f"SELECT id FROM [{tbl}] WHERE [{col}] = ?", (member_id,))]
        if rows:
            targets[tbl] = {r: fields for r in rows}
    return targets


class Erasures:
    """The erasures known to a file (and those arriving with a package): which fields of which rows
    no change older than the erasure may carry."""

    def __init__(self, rows: list[dict[str, Any]] = ()):
        self.cut: dict[tuple[str, str], list[tuple[str, set[str]]]] = {}
        for r in rows:
            self.add(r)

    def add(self, row: dict[str, Any]) -> None:
        try:
            targets = json.loads(row["targets"]) if isinstance(row["targets"], str) else row["targets"]
            before = str(row["before_hlc"])
            for tbl, per_row in targets.items():
                for rid, fields in per_row.items():
                    self.cut.setdefault((tbl, rid), []).append((before, set(fields)))
        except (KeyError, TypeError, ValueError, AttributeError):
            return  # not a complete erasure row: nothing to apply

    def __bool__(self) -> bool:
        return bool(self.cut)

    def strip(self, tbl: str, row: str, hlc: str, data: dict[str, Any]) -> dict[str, Any] | None:
        """`data` without the erased fields (None if nothing is left); `data` itself if untouched."""
        rules = self.cut.get((tbl, row))
        if not rules:
            return data
        gone = set().union(*(fields for before, fields in rules if hlc < before))
        if not gone & set(data):
            return data
        kept = {k: v for k, v in data.items() if k not in gone}
        return kept or None


def known_erasures(store: Store) -> Erasures:
    return Erasures(store.select("erasures", include_deleted=True))


def rewrite_log(store: Store, erasures: Erasures) -> tuple[int, int, int]:
    """Apply erasures to this file's change log and conflicts: (rewritten, removed, conflicts removed)."""
    rewritten = removed = 0
    for (tbl, rid) in erasures.cut:
        for seq, hlc, data, pred in store.conn.execute(
                "SELECT seq, hlc, data, pred FROM changes WHERE tbl = ? AND row_id = ?", (tbl, rid)).fetchall():
            before = json.loads(data)
            after = erasures.strip(tbl, rid, hlc, before)
            if after is before:
                continue
            if after is None:
                store.conn.execute("DELETE FROM changes WHERE seq = ?", (seq,))
                removed += 1
                continue
            preds = {k: v for k, v in json.loads(pred or "{}").items() if k in after}
            store.conn.execute("UPDATE changes SET data = ?, pred = ?, partial = 1 WHERE seq = ?",
                               (json.dumps(after), json.dumps(preds, separators=(",", ":")), seq))
            rewritten += 1
    conflicts = 0
    for cid, tbl, rid, fld in store.conn.execute("SELECT id, tbl, row_id, field FROM conflicts").fetchall():
        if any(fld in fields for _, fields in erasures.cut.get((tbl, rid), ())):
            # derived versions of an erased field: gone, with what people did to them
            store.conn.execute("DELETE FROM conflicts WHERE id = ?", (cid,))
            store.conn.execute("DELETE FROM changes WHERE tbl = 'conflicts' AND row_id = ?", (cid,))
            store.note_change("conflicts", cid)
            conflicts += 1
    return rewritten, removed, conflicts


def vacuum(store: Store) -> None:
    """Rebuild the file so deleted content leaves no trace in free pages or in the WAL."""
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.conn.execute("VACUUM")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# -- erasing -----------------------------------------------------------------------------------------------
def _erase_one(store: Store, member_id: str, reason: str) -> ErasureReport:
    member = store.get("members", member_id, include_deleted=True)
    if member is None:
        raise ErasureError(f"no member with id {member_id}", code="no_member", id=member_id)
    had = [f for f in ERASED_FIELDS if member.get(f) not in (None, "")]
    targets = _targets(store, member_id)
    before = store.clock.now()   # every change logged so far is older than this stamp
    report = ErasureReport(member_id, reason, had)
    store.update("members", member_id, {**{f: None for f in ERASED_FIELDS}, **ANONYMOUS})
    report.rows["members"] = 1
    for tbl, per_row in targets.items():
        if tbl == "members":
            continue
        for rid, fields in per_row.items():
            values = {f: None for f in fields}
            if tbl == "plenary_people":
                values["name"] = "—"
            if store.update(tbl, rid, values):
                report.rows[tbl] = report.rows.get(tbl, 0) + 1
    store.put("erasures", derived_id("erasure", member_id, before), {
        "member_id": member_id, "before_hlc": before, "targets": json.dumps(targets, separators=(",", ":")),
        "reason": reason, "erased_at": utc_now()})
    rw, rm, cf = rewrite_log(store, Erasures([{"targets": targets, "before_hlc": before}]))
    report.changes_rewritten, report.changes_removed, report.conflicts_removed = rw, rm, cf
    from facilitator_app.core.privacy.audit import record

    # who erased and when, in the same transaction; the member by id only: the name is what went
    record(store, "erase", f"personal data of member {member_id} ({reason})", None,
           {"member_id": member_id, "reason": reason, "fields": len(had)})
    return report


def _after(store: Store, reports: list[ErasureReport], compact: bool, backups: bool) -> None:
    if compact:
        vacuum(store)
    if backups and str(store.path) != ":memory:":
        from facilitator_app.core.privacy.backups import make_backup, remove_backups

        removed = remove_backups(store.path)
        make_backup(store)
        for r in reports:
            r.backups_removed = removed


def erase_member(store: Store, member_id: str, *, reason: str = "request", compact: bool = True,
                 backups: bool = True) -> ErasureReport:
    """Erase one member's personal data (one transaction), then VACUUM the file and replace its backups."""
    with store.transaction():
        report = _erase_one(store, member_id, reason)
    _after(store, [report], compact, backups)
    return report


# -- retention -----------------------------------------------------------------------------------------------
RETENTION_KEY = "privacy.retention_months"
DEFAULT_MONTHS = 12


def _add_months(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    y += day.year
    m += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(y, m, d)
        except ValueError:
            continue
    raise ValueError(day)


def retention_months(store: Store) -> int:
    value = store.setting(RETENTION_KEY, DEFAULT_MONTHS)
    return value if isinstance(value, int) and value >= 0 else DEFAULT_MONTHS


def due_for_retention(store: Store, months: int | None = None, today: date | None = None) -> list[dict[str, Any]]:
    """Former members whose term ended more than `months` ago and whose data is still here.

    The end of the term is the member's, else their cohort's; a member without either is not due
    (nothing tells when they left)."""
    months = retention_months(store) if months is None else months
    if months < 0:
        raise ErasureError("the retention period cannot be negative", code="negative_retention", months=months)
    today = today or date.today()
    erased = {r[0] for r in store.conn.execute("SELECT member_id FROM erasures WHERE deleted = 0")}
    cohorts = {c["id"]: c.get("term_end") for c in store.select("cohorts", include_deleted=True)}
    due = []
    for m in store.select("members", include_deleted=True, order_by="surname, first_name"):
        if m["id"] in erased:
            continue
        end = m.get("term_end") or cohorts.get(m.get("cohort_id"))
        if not end:
            continue
        try:
            until = _add_months(date.fromisoformat(end[:10]), months)
        except ValueError:
            continue
        former = m.get("status") in ("former", "replaced", "withdrawn") or end[:10] < today.isoformat()
        if former and until < today:
            due.append({"id": m["id"], "surname": m["surname"], "first_name": m["first_name"],
                        "status": m["status"], "term_end": end[:10], "keep_until": until.isoformat()})
    return due


def apply_retention(store: Store, months: int | None = None, today: date | None = None, *,
                    backups: bool = True) -> list[ErasureReport]:
    """Erase everyone due, in one transaction, then VACUUM once."""
    due = due_for_retention(store, months, today)
    reports = []
    if due:
        with store.transaction():
            for m in due:
                reports.append(_erase_one(store, m["id"], "retention"))
        _after(store, reports, True, backups)
    return reports
