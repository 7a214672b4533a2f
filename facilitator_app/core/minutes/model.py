"""The data classes of a plenary's verbale, as `core.minutes.load_minutes` fills them.

Plain data, ordered and labelled in Italian, so the PDF and Excel renderers only lay
it out. In a public `Minutes` every field that could hold personal data is None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

STATUS_LABELS = {"draft": "Bozza", "approved": "Approvata", "rejected": "Respinta", "sent": "Inviata al Comune"}


@dataclass
class Person:
    name: str
    role: str
    organisation: str | None


@dataclass
class SessionLine:
    id: str
    name: str
    starts_at: str | None
    ends_at: str | None
    expected: int
    present: int
    late: int
    left_early: int
    justified: int
    others: int            # staff, experts, guests checked in

    @property
    def absent(self) -> int:
        return max(0, self.expected - self.present - self.justified)

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


@dataclass
class CompositionLine:
    key: str
    label: str
    assembly: int          # members in office
    present: int           # ... of whom present
    assembly_share: float
    present_share: float


@dataclass
class MemberLine:
    """One member in the internal lists: a cell per session ("09:41", "giustificato/a" ...) and the raw rows."""

    surname: str
    first_name: str
    cells: list[str]
    reason: str = ""
    entries: list[dict[str, Any] | None] = field(default_factory=list)  # per session: attendance row or None

    @property
    def name(self) -> str:
        return f"{self.surname} {self.first_name}".strip()


@dataclass
class NoteLine:
    id: str
    text: str
    category: str
    tags: list[str]
    votes: int
    session: str
    author: str | None     # None in the public version
    created_at: str


@dataclass
class ClusterBlock:
    id: str | None         # None: the notes outside any cluster
    title: str
    votes: int             # dots on the cluster itself
    notes: list[NoteLine]

    @property
    def note_votes(self) -> int:
        return sum(n.votes for n in self.notes)


@dataclass
class GroupBlock:
    id: str
    name: str
    room: str | None
    facilitator: str | None
    theme: str | None
    session: str | None
    member_count: int
    members: list[tuple[str, str]] | None   # (surname, first name); None in the public version
    clusters: list[ClusterBlock]
    photo_numbers: list[int] = field(default_factory=list)

    @property
    def notes(self) -> list[NoteLine]:
        return [n for c in self.clusters for n in c.notes]


class VotedStatus:
    """What a recommendation line (verbale or cycle report) derives from its status and three vote counts."""

    status: str
    votes_for: int | None
    votes_against: int | None
    votes_abstained: int | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def voted(self) -> bool:
        return None not in (self.votes_for, self.votes_against, self.votes_abstained)


@dataclass
class RecLine(VotedStatus):
    number: int
    id: str
    title: str
    text: str
    group: str | None
    theme: str | None
    plan_actions: list[str]
    status: str
    votes_for: int | None
    votes_against: int | None
    votes_abstained: int | None
    linked_notes: int


@dataclass
class PhotoLine:
    number: int
    id: str
    group: str | None
    caption: str
    mime: str | None
    width: int | None
    height: int | None


@dataclass
class Minutes:
    public: bool
    assembly: str
    plenary: dict[str, Any]
    sessions: list[SessionLine]
    agenda: list[dict[str, Any]]
    people: list[Person]                       # named: all (internal) or PUBLIC_ROLES (public)
    others: dict[str, int]                     # public: role -> count of people not named
    expected: int
    present: int                               # members present in at least one session
    justified: int                             # members absent all day with a justification
    composition: dict[str, list[CompositionLine]]
    present_list: list[MemberLine] | None      # internal only
    justified_list: list[MemberLine] | None    # internal only
    absent_list: list[MemberLine] | None       # internal only
    groups: list[GroupBlock]
    recommendations: list[RecLine]
    photos: list[PhotoLine]
    sections: dict[str, str]
    generated_at: datetime = field(default_factory=datetime.now)

    @property
    def notes(self) -> list[NoteLine]:
        return [n for g in self.groups for n in g.notes]

    @property
    def number(self) -> int:
        return self.plenary["number"]
