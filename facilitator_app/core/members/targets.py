"""Representativeness targets: the share of members wanted per category.

A target set maps each field to {category key: share}, shares summing to 1:

    {"gender": {"F": 0.514, "M": 0.486},
     "age_band": {"16-29": ..., "30-44": ..., "45-64": ..., "65+": ...},
     "citizenship": {"italian": ..., "foreign": ...},
     "municipio": {"1": ..., ..., "9": ...},      # JSON keys are strings
     "education": {"base": ..., "diploma": ..., "laurea": ...}}

Keys are the vocabulary keys stored in member rows (see `vocab.py`).

Defaults are computed at load time from the public figures in
`resources/data/milano_population.csv` (sources and dates in the file), so
updating the CSV updates the defaults. The secretariat edits the targets;
the edited set lives in the synced setting "targets" and wins over defaults.

Documented assumptions where the CSV does not match the fields directly:

* Age: the CSV has 0-17, 18-64, 65+ and 80+ (inside 65+). Within each source
  band residents are assumed evenly spread over the years of age (65+ without
  80+ is 65-79; 80+ is taken as 80-99). The vocabulary's bands (16-29, 30-44,
  45-64, 65+, or whatever the secretariat set) get the matching years, so
  16-17 gets 2/18 of 0-17 and 18-29 gets 12/47 of 18-64. Shares are of
  residents aged 16+ (the youngest band's minimum).
* Education: the CSV gives "at most licenza media" and "diploma or higher"
  (residents 9+), but a degree rate only for ages 25-49. The degree share is
  assumed to be that rate applied to "diploma or higher"
  (laurea = 64.3% x 48.8%); diploma is the rest of "diploma or higher".
* Gender: the CSV has no figure for non-binary residents, so "X" has no target.
"""

from __future__ import annotations

import csv
import functools
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from facilitator_app.core.members.vocab import DEFAULTS as VOCAB_DEFAULTS
from facilitator_app.core.members.vocab import MUNICIPI, Vocabularies
from facilitator_app.resources import resource_path

SETTING_KEY = "targets"
FIELDS = ("gender", "age_band", "citizenship", "municipio", "education")
POPULATION_CSV = resource_path("data", "milano_population.csv")

# Oldest age assumed when spreading an open-ended band (80+) over years.
MAX_AGE = 99
# A field's shares may be off 1 by this much (rounding in a spreadsheet).
SUM_TOLERANCE = 0.01

Targets = dict[str, dict[str, float]]


# -- the population figures -------------------------------------------------
@functools.lru_cache(maxsize=4)
def _read_population(path: str) -> tuple[dict[str, Any], ...]:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = []
        for row in csv.DictReader(fh):
            row = dict(row)
            row["value"] = float(row["value"])
            rows.append(row)
    return tuple(rows)


def load_population(path: str | Path | None = None) -> list[dict[str, Any]]:
    """The CSV rows (dimension, category, value, unit, reference_date, source, note)."""
    return [dict(r) for r in _read_population(str(path or POPULATION_CSV))]


def _values(rows: Iterable[dict[str, Any]], dimension: str) -> dict[str, float]:
    return {r["category"]: r["value"] for r in rows if r["dimension"] == dimension}


def population_sources(path: str | Path | None = None) -> dict[str, list[str]]:
    """Per dimension, the distinct "source (date)" strings: what a targets screen cites."""
    out: dict[str, list[str]] = {}
    for r in load_population(path):
        label = f"{r['source']} ({r['reference_date']})"
        if label not in out.setdefault(r["dimension"], []):
            out[r["dimension"]].append(label)
    return out


def foreign_citizenships(path: str | Path | None = None) -> dict[str, float]:
    """Residents per main foreign citizenship (English names, as in the CSV)."""
    return _values(load_population(path), "foreign_citizenship")


# -- computing the defaults --------------------------------------------------
def _age_ranges(counts: Mapping[str, float]) -> list[tuple[int, int, float]]:
    """Source age categories -> disjoint (min, max, count), nested open bands split."""
    parsed = []
    for cat, n in counts.items():
        if cat.endswith("+"):
            parsed.append((int(cat[:-1]), None, n))
        else:
            lo, hi = cat.split("-")
            parsed.append((int(lo), int(hi), n))
    parsed.sort(key=lambda r: r[0])
    out = []
    for i, (lo, hi, n) in enumerate(parsed):
        if hi is None:
            # An open band that contains a later open band (65+ contains 80+).
            later = [r for r in parsed[i + 1:] if r[1] is None]
            if later:
                hi, n = later[0][0] - 1, n - later[0][2]
            else:
                hi = MAX_AGE
        out.append((lo, hi, n))
    return out


def split_age_bands(counts: Mapping[str, float], bands: list[dict[str, Any]]) -> dict[str, float]:
    """Counts per vocabulary band, assuming an even spread within each source band."""
    ranges = _age_ranges(counts)
    result = {}
    for band in bands:
        lo, hi = band["min"], band["max"] if band["max"] is not None else MAX_AGE
        total = 0.0
        for s_lo, s_hi, n in ranges:
            overlap = min(hi, s_hi) - max(lo, s_lo) + 1
            if overlap > 0:
                total += n * overlap / (s_hi - s_lo + 1)
        result[band["key"]] = total
    return result


def shares(counts: Mapping[Any, float], ndigits: int = 4) -> dict[str, float]:
    """Counts -> shares rounded for people to read; keys become strings (JSON)."""
    total = sum(counts.values())
    if total <= 0:
        return {str(k): 0.0 for k in counts}
    return {str(k): round(v / total, ndigits) for k, v in counts.items()}


def default_targets(vocab: Vocabularies | None = None, path: str | Path | None = None) -> Targets:
    """Targets computed from the population CSV (see the module docstring)."""
    rows = load_population(path)
    bands = (vocab.entries("age_bands") if vocab else VOCAB_DEFAULTS["age_bands"])
    gender = _values(rows, "gender")
    citizenship = _values(rows, "citizenship")
    municipio = _values(rows, "municipio")
    education = _values(rows, "education")
    base = education["at most licenza media"]
    higher = education["diploma or higher"]
    degree = higher * education["tertiary degree (age 25-49)"] / 100
    return {
        "gender": shares({"F": gender["female"], "M": gender["male"]}),
        "age_band": shares(split_age_bands(_values(rows, "age"), bands)),
        "citizenship": shares({"italian": citizenship["italian"], "foreign": citizenship["foreign"]}),
        "municipio": shares({m: municipio[str(m)] for m in MUNICIPI}),
        "education": shares({"base": base, "diploma": higher - degree, "laurea": degree}),
    }


# -- stored, editable targets -------------------------------------------------
def validate_targets(targets: Mapping[str, Any]) -> list[str]:
    """Human-readable problems; empty when the set can be saved."""
    errors = []
    for fld, values in targets.items():
        if fld not in FIELDS:
            errors.append(f"unknown field {fld!r}")
            continue
        if not isinstance(values, Mapping) or not values:
            errors.append(f"{fld}: expected categories with shares")
            continue
        bad = [k for k, v in values.items()
               if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 1 or math.isnan(v)]
        if bad:
            errors.append(f"{fld}: shares must be between 0 and 1 ({', '.join(map(str, bad))})")
        elif abs(sum(values.values()) - 1) > SUM_TOLERANCE:
            errors.append(f"{fld}: shares add up to {sum(values.values()):.3f}, not 1")
    return errors


def load_targets(store) -> Targets:
    """The stored targets, field by field over the defaults."""
    targets = default_targets(Vocabularies.load(store))
    stored = store.setting(SETTING_KEY)
    if isinstance(stored, dict):
        for fld in FIELDS:
            values = stored.get(fld)
            if isinstance(values, dict) and not validate_targets({fld: values}):
                targets[fld] = {str(k): float(v) for k, v in values.items()}
    return targets


def save_targets(store, targets: Mapping[str, Mapping[str, float]]) -> Targets:
    """Validate and store (one transaction); returns what was stored. ValueError if invalid."""
    errors = validate_targets(targets)
    if errors:
        raise ValueError("; ".join(errors))
    clean = {fld: {str(k): float(v) for k, v in targets[fld].items()} for fld in FIELDS if fld in targets}
    store.set_setting(SETTING_KEY, clean)
    return clean


# -- using targets ------------------------------------------------------------
def target_counts(field_shares: Mapping[str, float], n: int) -> dict[str, int]:
    """Seats per category for n members (largest remainder; ties by category order)."""
    total = sum(field_shares.values()) or 1
    exact = {k: n * v / total for k, v in field_shares.items()}
    counts = {k: math.floor(x) for k, x in exact.items()}
    order = sorted(exact, key=lambda k: -(exact[k] - counts[k]))  # stable: ties keep order
    for k in order[: n - sum(counts.values())]:
        counts[k] += 1
    return counts


def member_category(member: Mapping[str, Any], fld: str, vocab: Vocabularies, on: date | None = None) -> str | None:
    """The category key of one member for a target field (age band on a given date)."""
    if fld == "age_band":
        return vocab.age_band(member.get("birth_date"), on)
    value = member.get(fld)
    return None if value is None else str(value)


def actual_shares(members: Iterable[Mapping[str, Any]], fld: str, vocab: Vocabularies,
                  on: date | None = None) -> dict[str, float]:
    """Shares among members with a known value for the field (unknowns left out)."""
    counts = Counter(c for m in members if (c := member_category(m, fld, vocab, on)) is not None)
    total = sum(counts.values())
    return {k: v / total for k, v in counts.items()} if total else {}
