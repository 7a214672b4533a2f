"""The engine's inputs: respondents (an id and their quota fields) and quotas.

Pure data, no store: the store modules turn rows into these and back.
Quotas are per field and value: the least and most seats the selected group
(continuing members included) may hold.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from facilitator_app.core.errors import CoreError

# The five fields of the issue, in the order people read them.
FIELDS = ("gender", "age_band", "education", "citizenship", "municipio")
FIELD_NAMES = {"gender": "gender", "age_band": "age band", "education": "education",
               "citizenship": "citizenship", "municipio": "municipio"}


class SelectionError(CoreError):
    """A selection problem a person must read (bad quotas, pool, seed...)."""


@dataclass(frozen=True)
class Respondent:
    id: str
    features: Mapping[str, str]

    def value(self, fld: str) -> str:
        return self.features[fld]


@dataclass
class Range:
    min: int
    max: int

    def to_json(self) -> list[int]:
        return [self.min, self.max]


@dataclass
class Quotas:
    """Seats per field and value for a group of `panel` people."""

    panel: int
    fields: dict[str, dict[str, Range]] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"panel": self.panel,
                "fields": {f: {v: r.to_json() for v, r in vals.items()} for f, vals in self.fields.items()}}

    @classmethod
    def from_json(cls, data: Mapping) -> "Quotas":
        return cls(int(data["panel"]), {f: {str(v): Range(int(r[0]), int(r[1])) for v, r in vals.items()}
                                        for f, vals in data["fields"].items()})

    def copy(self) -> "Quotas":
        return Quotas.from_json(self.to_json())

    def pairs(self) -> Iterable[tuple[str, str, Range]]:
        for f, vals in self.fields.items():
            for v, r in vals.items():
                yield f, v, r

    def set(self, fld: str, value: str, lo: int | None = None, hi: int | None = None) -> None:
        r = self.fields.setdefault(fld, {}).setdefault(str(value), Range(0, self.panel))
        if lo is not None:
            r.min = int(lo)
        if hi is not None:
            r.max = int(hi)


def quotas_from_targets(targets: Mapping[str, Mapping[str, float]], panel: int,
                        fields: Sequence[str] | None = None) -> Quotas:
    """min = floor, max = ceil of panel x share, per value (shares renormalised per field)."""
    if panel <= 0:
        raise SelectionError(f"the panel must have at least one seat (got {panel})", code="bad_panel", panel=panel)
    q = Quotas(panel)
    for fld in fields or [f for f in FIELDS if f in targets] + [f for f in targets if f not in FIELDS]:
        shares = targets.get(fld) or {}
        total = sum(shares.values())
        if total <= 0:
            continue
        q.fields[fld] = {}
        for value, share in shares.items():
            exact = panel * share / total
            # round() first so 45 x 0.2 = 9.000000000000002 is not ceil'ed to 10.
            exact = round(exact, 9)
            q.fields[fld][str(value)] = Range(math.floor(exact), math.ceil(exact))
    return q


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the inputs, in words, with a stable code and its values."""

    code: str
    message: str
    params: Mapping = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message


def quota_problems(q: Quotas) -> list[Problem]:
    """Quotas that cannot hold for any group of `panel` people, whatever the pool."""
    out = []
    for fld, vals in q.fields.items():
        name = FIELD_NAMES.get(fld, fld)
        for v, r in vals.items():
            if r.min < 0 or r.max < 0:
                out.append(Problem("quota_negative", f"{name} {v}: a quota cannot be negative ({r.min}-{r.max})",
                                   {"field": fld, "value": v, "min": r.min, "max": r.max}))
            elif r.min > r.max:
                out.append(Problem("quota_min_over_max",
                                   f"{name} {v}: the minimum {r.min} is more than the maximum {r.max}",
                                   {"field": fld, "value": v, "min": r.min, "max": r.max}))
        lo, hi = sum(r.min for r in vals.values()), sum(r.max for r in vals.values())
        if lo > q.panel:
            out.append(Problem("quota_mins_over_panel",
                               f"{name}: the minimums add up to {lo}, more than the {q.panel} seats",
                               {"field": fld, "total": lo, "panel": q.panel}))
        if hi < q.panel:
            out.append(Problem("quota_maxes_under_panel",
                               f"{name}: the maximums add up to {hi}, fewer than the {q.panel} seats",
                               {"field": fld, "total": hi, "panel": q.panel}))
    return out


def pool_problems(pool: Sequence[Respondent], q: Quotas, to_select: int) -> list[Problem]:
    """Respondents twice, values the quotas do not know, a pool too small."""
    out = []
    dup = [i for i, n in Counter(r.id for r in pool).items() if n > 1]
    for rid in dup:
        out.append(Problem("duplicate_respondent", f"respondent {rid} is in the pool more than once", {"id": rid}))
    for r in pool:
        for fld, vals in q.fields.items():
            v = r.features.get(fld)
            name = FIELD_NAMES.get(fld, fld)
            if v is None or v == "":
                out.append(Problem("missing_value", f"respondent {r.id} has no {name}",
                                   {"id": r.id, "field": fld}))
            elif str(v) not in vals:
                out.append(Problem("unknown_value",
                                   f"respondent {r.id} has {name} {v!r}, a value the quotas do not know",
                                   {"id": r.id, "field": fld, "value": str(v)}))
    if len(set(r.id for r in pool)) < to_select:
        out.append(Problem("pool_too_small",
                           f"the pool has {len(set(r.id for r in pool))} respondents, fewer than the "
                           f"{to_select} to select", {"pool": len(pool), "panel": to_select}))
    return out


def raise_problems(problems: Sequence[Problem]) -> None:
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        err = SelectionError(first.message + more, code=first.code, **dict(first.params))
        err.problems = list(problems)
        raise err


def counts(people: Iterable[Respondent], fld: str) -> Counter:
    return Counter(str(p.features.get(fld)) for p in people)


def shifted(q: Quotas, fixed: Sequence[Respondent]) -> tuple[Quotas, list[tuple[str, str, int]]]:
    """Quotas for the newcomers given the members who stay: each range minus their count.

    Returns the shifted quotas and the (field, value, count) whose maximum the
    continuing members alone already exceed (those cannot be met by any draw).
    """
    out = Quotas(q.panel - len(fixed))
    over = []
    for fld, vals in q.fields.items():
        c = counts(fixed, fld)
        out.fields[fld] = {}
        for v, r in vals.items():
            n = c.get(v, 0)
            if n > r.max:
                over.append((fld, v, n))
            out.fields[fld][v] = Range(max(0, r.min - n), max(0, r.max - n))
    return out, over


def meets(panel: Iterable[Respondent], q: Quotas) -> list[str]:
    """The quotas a group misses, in words (empty when it meets them all)."""
    panel = list(panel)
    misses = []
    if len(panel) != q.panel:
        misses.append(f"{len(panel)} people instead of {q.panel}")
    for fld, vals in q.fields.items():
        c = counts(panel, fld)
        for v, r in vals.items():
            if not r.min <= c.get(v, 0) <= r.max:
                misses.append(f"{FIELD_NAMES.get(fld, fld)} {v}: {c.get(v, 0)} not in {r.min}-{r.max}")
    return misses


def digest(pool: Sequence[Respondent], q: Quotas, fixed: Sequence[Respondent] = (), extra: Mapping | None = None) -> str:
    """SHA-256 of the inputs in a canonical form: what a published run is checked against."""
    data = {
        "pool": sorted([r.id, {f: str(r.features.get(f)) for f in sorted(q.fields)}] for r in pool),
        "fixed": sorted([r.id, {f: str(r.features.get(f)) for f in sorted(q.fields)}] for r in fixed),
        "quotas": q.to_json(),
        "extra": dict(extra or {}),
    }
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
