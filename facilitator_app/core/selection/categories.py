"""Further categories for the quotas, beyond the five (e.g. housing, "condizione abitativa").

A category is a column of the pool file (kept in `respondents.extra` under its key) with its
population shares, stored in the synced setting `selection.categories`:

    {"condizione_abitativa": {"name": "Condizione abitativa",
                              "shares": {"Proprietà": 0.6, "Affitto": 0.35, "Altro": 0.05}}}

Its quotas are computed from the shares like the five fields' (min = floor, max = ceil of
k x share) and used by check, run and verify: the engine takes any field.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from facilitator_app.core.selection.model import FIELDS, SelectionError
from facilitator_app.core.snapshots import Edit
from facilitator_app.core.store.store import Store
from facilitator_app.core.text import fold

SETTING = "selection.categories"
SUM_TOLERANCE = 0.01
# Names that would collide with the five fields or the respondents' own columns.
RESERVED = set(FIELDS) | {"id", "external_id", "surname", "first_name", "email", "phone", "birth_date", "country",
                          "language", "accessibility_notes", "status", "notes", "available", "count",
                          # the five fields as the pool file names them
                          "genere", "sesso", "sex", "eta", "fascia_d_eta", "fascia_di_eta", "fascia_eta", "age",
                          "age_group", "titolo_di_studio", "istruzione", "cittadinanza", "nazionalita", "nationality",
                          "zona", "district", "data_di_nascita", "codice", "cognome", "nome", "lingua"}


def category_key(name: Any) -> str:
    """The key a category and its pool column share: "Condizione abitativa" -> "condizione_abitativa"."""
    return "_".join(re.findall(r"[a-z0-9]+", fold(str(name))))


def categories(store: Store) -> dict[str, dict[str, Any]]:
    """{key: {"name": ..., "shares": {value: share}}} in the order they were added."""
    return dict(store.setting(SETTING) or {})


def category_targets(store: Store) -> dict[str, dict[str, float]]:
    return {k: dict(c["shares"]) for k, c in categories(store).items()}


def put_setting(store: Store, key: str, value: Any, record: Edit | None) -> None:
    """Write a synced setting, noting its before/after in `record` (undo)."""
    before = store.get("settings", key, include_deleted=True)
    text = json.dumps(value, ensure_ascii=False)
    store.put("settings", key, {"value": text})
    if record is not None:
        record.note("settings", key, {"value": before["value"], "deleted": before["deleted"]} if before
                    else {"deleted": 1}, {"value": text, "deleted": 0})


def pool_values(store: Store, key: str) -> Counter:
    """How many respondents gave each value in the pool column `key` (kept in `extra`)."""
    c: Counter = Counter()
    for r in store.select("respondents"):
        extra = json.loads(r["extra"]) if r.get("extra") else {}
        if extra.get(key) not in (None, ""):
            c[str(extra[key])] += 1
    return c


def parse_share(text: str) -> tuple[str, float]:
    """ "Affitto=0.35", "Affitto=35%", "Affitto = 0,35" -> ("Affitto", 0.35)."""
    value, sep, share = str(text).rpartition("=")
    value = value.strip()
    if not sep or not value:
        raise SelectionError(f"{text!r}: write a share as VALUE=SHARE (e.g. \"Affitto=0.35\" or \"Affitto=35%\")",
                             code="category_bad_share", text=str(text))
    s = share.strip().replace(",", ".")
    pct = s.endswith("%")
    try:
        x = float(s.rstrip("%").strip())
    except ValueError:
        raise SelectionError(f"{text!r}: {share.strip()!r} is not a number", code="category_bad_share",
                             text=str(text)) from None
    x = x / 100 if pct else x
    if not math.isfinite(x) or x < 0 or x > 1:
        raise SelectionError(f"{text!r}: a share is between 0 and 1 (or 0% and 100%)", code="category_bad_share",
                             text=str(text))
    return value, x


def add_category(store: Store, name: str, shares: Mapping[str, float], record: Edit | None = None) -> dict[str, Any]:
    """Add (or replace) a category with its population shares; returns {"key", "name", "shares", "missing", "unknown"}.

    Values are matched to the pool's spelling ignoring case and accents. `unknown` lists the pool's
    values that have no share (the check refuses those respondents until one is added), `missing`
    the values no respondent gave.
    """
    name = " ".join(str(name).split())
    key = category_key(name)
    if not key:
        raise SelectionError("a category needs a name with letters or digits", code="category_no_name")
    if key in RESERVED:
        raise SelectionError(f"{name!r} is one of the fields the app already has", code="category_reserved",
                             name=name)
    if not shares:
        raise SelectionError(f"category {name!r}: give the population share of each value", code="category_no_shares",
                             name=name)
    total = sum(shares.values())
    if abs(total - 1) > SUM_TOLERANCE:
        raise SelectionError(f"category {name!r}: the shares add up to {total:.3f}, not 1", code="category_sum",
                             name=name, total=round(total, 3))
    seen = pool_values(store, key)
    spelling = {fold(v): v for v in seen}
    out: dict[str, float] = {}
    for v, s in shares.items():
        v = spelling.get(fold(v), " ".join(str(v).split()))
        if v in out:
            raise SelectionError(f"category {name!r}: the value {v!r} is given twice", code="category_value_twice",
                                 name=name, value=v)
        out[v] = float(s)
    with store.transaction():
        cats = categories(store)
        cats[key] = {"name": name, "shares": out}
        put_setting(store, SETTING, cats, record)
    return {"key": key, "name": name, "shares": out, "respondents": sum(seen.values()),
            "unknown": sorted(v for v in seen if v not in out), "missing": sorted(v for v in out if v not in seen)}


def find_category(store: Store, name: str) -> str:
    key = category_key(name)
    if key not in categories(store):
        known = ", ".join(c["name"] for c in categories(store).values()) or "none"
        raise SelectionError(f"there is no category {name!r} (categories: {known})", code="category_unknown",
                             name=name, known=known)
    return key


def remove_category(store: Store, name: str, record: Edit | None = None) -> str:
    """Remove a category (its quotas go with it at the next computation); returns its key."""
    key = find_category(store, name)
    with store.transaction():
        cats = categories(store)
        cats.pop(key)
        put_setting(store, SETTING, cats, record)
    return key
