"""Who the entrance checks in: members in office on the day and the plenary's people.

`Attendee` is the one shape the check-in screen, the printables and the CLI
use for both; `roster` lists everyone expected at a plenary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from facilitator_app.core.errors import CoreError, not_found
from facilitator_app.core.plenaries.plenaries import expected_members, get_plenary, people_of
from facilitator_app.core.store.store import Store


class AttendeeError(CoreError, ValueError):
    """No such member or person."""


@dataclass(frozen=True)
class Attendee:
    """A member or a plenary person, as the entrance sees them."""

    kind: str                     # "member" | "person"
    id: str
    surname: str
    first_name: str = ""
    badge_code: str | None = None
    role: str | None = None       # plenary people: facilitator, expert, guest...
    organisation: str | None = None
    status: str | None = None     # members: active, withdrawn...

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.surname}".strip()

    @property
    def member_id(self) -> str | None:
        return self.id if self.kind == "member" else None

    @property
    def person_id(self) -> str | None:
        return self.id if self.kind == "person" else None

    @classmethod
    def of_member(cls, m: dict[str, Any]) -> "Attendee":
        return cls("member", m["id"], m["surname"], m["first_name"], m.get("badge_code"), status=m.get("status"))

    @classmethod
    def of_person(cls, p: dict[str, Any]) -> "Attendee":
        return cls("person", p["id"], p["name"], "", role=p["role"], organisation=p.get("organisation"))

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "surname": self.surname, "first_name": self.first_name,
                "badge_code": self.badge_code, "role": self.role, "organisation": self.organisation,
                "status": self.status}


def attendee(store: Store, member_id: str | None, person_id: str | None) -> Attendee:
    if member_id:
        row = store.get("members", member_id)
        if row is None:
            raise not_found(AttendeeError, "member", member_id)
        return Attendee.of_member(row)
    row = store.get("plenary_people", person_id or "")
    if row is None:
        raise not_found(AttendeeError, "person", person_id)
    return Attendee.of_person(row)


def roster(store: Store, plenary_id: str) -> list[Attendee]:
    """Everyone the entrance may check in: members in office that day, then the plenary's people."""
    plenary = get_plenary(store, plenary_id)
    if plenary is None:
        raise not_found(AttendeeError, "plenary", plenary_id, f"no plenary {plenary_id}")
    return [Attendee.of_member(m) for m in expected_members(store, plenary)] + \
        [Attendee.of_person(p) for p in people_of(store, plenary_id)]


def not_in_office_reason(member: dict[str, Any], plenary: dict[str, Any]) -> str | None:
    """Why checking in this member needs a confirmation (withdrawn, former...), or None."""
    if member["status"] != "active":
        return member["status"]
    day = plenary["date"]
    if (member.get("term_start") and member["term_start"] > day) or (member.get("term_end") and member["term_end"] < day):
        return "out_of_term"
    return None
