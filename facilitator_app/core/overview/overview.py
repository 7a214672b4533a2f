"""`overview(store)`: how far an assembly has got, from a handful of counts (each a quick index scan)."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator_app.core.store.store import Store


@dataclass(frozen=True)
class Overview:
    members: int        # in the roster (any status)
    plenaries: int
    sessions: int
    checkins: int       # attendance rows marked present
    groups: int
    notes: int
    recommendations: int
    respondents: int = 0  # the pool of residents who replied to the letter (selection by lot)

    @property
    def empty(self) -> bool:
        return not (self.members or self.plenaries)


# The tables the counts read: a change to any of them may change what the window suggests.
TABLES = ("members", "plenaries", "sessions", "attendance", "groups", "notes", "recommendations", "respondents")


def overview(store: Store) -> Overview:
    def count(table: str, where: str = "") -> int:
        return int(store.scalar(f"SELECT count(*) FROM [{table}] WHERE deleted = 0 {where}") or 0)

    return Overview(
        members=count("members"),
        plenaries=count("plenaries"),
        sessions=count("sessions"),
        checkins=count("attendance", "AND status = 'present'"),
        groups=count("groups"),
        notes=count("notes"),
        recommendations=count("recommendations"),
        respondents=count("respondents"),
    )
