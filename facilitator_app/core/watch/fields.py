"""Field-by-field merge of an edit made over a row that may have changed since the form was opened.

A dialog keeps the row as it was when it opened (`base`). On save, the row as it is now
(`theirs`) and what the person typed (`mine`) are compared field by field: a field only
they changed is left as they made it, a field only I changed is written, and only a
field changed on both sides to different values needs a decision.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


def same(a: Any, b: Any) -> bool:
    """Equal as a person reads them: None and "" alike, text without surrounding spaces."""
    norm = [None if (v is None or (isinstance(v, str) and not v.strip())) else
            (v.strip() if isinstance(v, str) else v) for v in (a, b)]
    if isinstance(norm[0], bool) or isinstance(norm[1], bool):
        norm = [int(v) if isinstance(v, bool) else v for v in norm]
    return norm[0] == norm[1]


@dataclass
class Merge:
    write: dict[str, Any] = field(default_factory=dict)      # mine, over an unchanged field
    conflicts: list[str] = field(default_factory=list)       # changed on both sides, differently
    theirs_kept: list[str] = field(default_factory=list)     # only they changed it: kept

    def resolve(self, mine: dict[str, Any], keep_mine: bool) -> dict[str, Any]:
        """What to write once the conflicts are decided (all mine, or all theirs)."""
        out = dict(self.write)
        if keep_mine:
            out.update({f: mine[f] for f in self.conflicts})
        return out


def three_way(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any],
              fields: Iterable[str] | None = None) -> Merge:
    m = Merge()
    for f in fields if fields is not None else mine:
        if f not in mine:
            continue
        mine_changed = not same(mine[f], base.get(f))
        theirs_changed = not same(theirs.get(f), base.get(f))
        if mine_changed and not theirs_changed:
            m.write[f] = mine[f]
        elif mine_changed and theirs_changed and not same(mine[f], theirs.get(f)):
            m.conflicts.append(f)
        elif theirs_changed and not mine_changed:
            m.theirs_kept.append(f)
    return m
