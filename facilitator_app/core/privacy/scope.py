"""What each prepared laptop receives: only what it needs for its job that day.

The entrance laptop gets, for the members in office on the plenary's day, their names, badge
codes, cohort, status and term (what check-in shows and checks), and the groups they sit in; a
table's laptop gets the names of its own group's members. Phones and e-mails (`contact`), birth
dates (`birth_date`), accessibility, dietary and free notes (`notes`), the demographic profile
(`profile`: gender, citizenship, country, municipio, education, external id) and former members
(`former`) go only when the secretariat ticks them for that package.

A `Scope` filters the change log as it is written into a package: changes of members the laptop
does not get are left out, with the seats and attendance rows that point to them; withheld
fields are taken out of the changes that carry them (the change is marked `partial`), and so
are the note authors and people links to members left out. Photos of the paper walls go only to
the laptop of the group they were taken at (the entrance gets none). The laptop is told which fields it
lacks (`withheld`), so it never writes them (see Store.update) and nothing it never had can
travel back from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from facilitator_app.core.errors import CoreError
from facilitator_app.core.store.store import Store

INCLUDE = ("contact", "birth_date", "notes", "former", "profile")
FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    "contact": ("email", "phone", "address"),
    "birth_date": ("birth_date",),
    "notes": ("accessibility_notes", "dietary_notes", "notes"),
    "profile": ("gender", "citizenship", "country", "municipio", "education", "external_id"),
}
# Personal fields of a member row (everything else is what check-in needs, or bookkeeping).
PERSONAL = tuple(f for fields in FIELD_GROUPS.values() for f in fields)
# Rows that exist only for a member: left out with them.
MEMBER_ROWS = {"attendance": "member_id", "group_members": "member_id"}
# The secretariat's own tables, never on a prepared laptop: the pool of respondents to the letter
# (names and contacts of people who are not members) and the draws made from it.
SECRETARIAT_ONLY = frozenset({"respondents", "invitation_counts", "selection_quotas", "selection_runs"})
# Links to a member in rows that stand on their own: the link is left out.
MEMBER_LINKS = {"notes": "author_member_id", "plenary_people": "member_id"}


class ScopeError(CoreError):
    pass


def parse_include(text: str | None) -> frozenset[str]:
    """`contact,birth_date,...` as a set; ScopeError naming the unknown word."""
    words = {w.strip().lower() for w in (text or "").split(",") if w.strip()}
    unknown = sorted(words - set(INCLUDE))
    if unknown:
        raise ScopeError(f"unknown --include value {unknown[0]!r} (choose among {', '.join(INCLUDE)})",
                         code="unknown_include", value=unknown[0], choices=", ".join(INCLUDE))
    return frozenset(words)


def is_former(member: dict[str, Any], day: str) -> bool:
    """No longer in office on `day`: left, replaced, or past the end of the term."""
    return member.get("status") in ("former", "replaced") or bool(member.get("term_end") and member["term_end"] < day)


@dataclass
class Scope:
    role: str
    include: frozenset[str]
    members: set[str]                              # the member rows the laptop receives
    withheld_fields: tuple[str, ...]               # member fields left out
    drop: set[tuple[str, str]] = field(default_factory=set)      # rows left out entirely
    unlink: dict[tuple[str, str], str] = field(default_factory=dict)  # row -> member link field left out
    drop_conflicts: set[str] = field(default_factory=set)

    def withheld(self) -> dict[str, list[str]]:
        return {"members": list(self.withheld_fields)} if self.withheld_fields else {}

    def carries(self) -> dict[str, Any]:
        """What the package holds, in plain words for the summary and the manifest."""
        fields = ["surname", "first_name", "badge_code", "status", "cohort_id", "term_start", "term_end",
                  *[f for f in PERSONAL if f not in self.withheld_fields]]
        return {"members": len(self.members), "member_fields": fields, "former": "former" in self.include,
                "include": sorted(self.include), "withheld": list(self.withheld_fields)}

    def apply(self, tbl: str, row: str, data: dict[str, Any], pred: dict[str, Any]
              ) -> tuple[dict[str, Any], dict[str, Any], bool] | None:
        """The change as this laptop may have it (data, pred, partial), or None to leave it out."""
        if tbl == "members":
            if row not in self.members:
                return None
            cut = [f for f in self.withheld_fields if f in data]
        elif tbl in SECRETARIAT_ONLY or (tbl, row) in self.drop or (tbl == "conflicts" and row in self.drop_conflicts):
            return None
        else:
            link = self.unlink.get((tbl, row))
            cut = [link] if link and link in data else []
        if not cut:
            return data, pred, False
        data = {k: v for k, v in data.items() if k not in cut}
        if not data:
            return None
        return data, {k: v for k, v in pred.items() if k in data}, True


def laptop_scope(store: Store, plenary: dict[str, Any], purpose: dict[str, Any],
                 include: frozenset[str] = frozenset()) -> Scope:
    """The scope of one prepared laptop (`purpose`: {"role": "entrance"} or {"role": "group", "group_id"})."""
    day = plenary["date"]
    every = store.select("members", include_deleted=True)
    allowed = {m["id"] for m in every if "former" in include or not is_former(m, day)}
    if purpose.get("role") == "group":
        seated = {r[0] for r in store.conn.execute(
            "SELECT member_id FROM group_members WHERE group_id = ? AND deleted = 0", (purpose["group_id"],))}
        allowed &= seated
    withheld = tuple(f for group, fields in FIELD_GROUPS.items() if group not in include for f in fields)
    scope = Scope(purpose.get("role", "entrance"), include, allowed, withheld)
    for tbl, col in MEMBER_ROWS.items():
        for rid, mid in store.conn.execute(f"SELECT id, [{col}] FROM [{tbl}] WHERE [{col}] IS NOT NULL"):
            if mid not in allowed:
                scope.drop.add((tbl, rid))
    for tbl, col in MEMBER_LINKS.items():
        for rid, mid in store.conn.execute(f"SELECT id, [{col}] FROM [{tbl}] WHERE [{col}] IS NOT NULL"):
            if mid not in allowed:
                scope.unlink[(tbl, rid)] = col
    # Photos of the walls (handwriting, sometimes faces): only the group's own, only to its table.
    for rid, gid in store.conn.execute("SELECT id, group_id FROM photos"):
        if purpose.get("role") != "group" or gid != purpose.get("group_id"):
            scope.drop.add(("photos", rid))
    # What people did with conflicts about member data the laptop does not get.
    for cid, tbl, rid, fld in store.conn.execute("SELECT id, tbl, row_id, field FROM conflicts"):
        if (tbl == "members" and (rid not in allowed or fld in withheld)) or (tbl, rid) in scope.drop \
                or scope.unlink.get((tbl, rid)) == fld:
            scope.drop_conflicts.add(cid)
    return scope
