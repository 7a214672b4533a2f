"""Representativeness targets: defaults from the population CSV, editing, helpers."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator_app.core.members import targets as T
from facilitator_app.core.members.vocab import Vocabularies


def test_csv_is_bundled_with_sources():
    rows = T.load_population()
    assert T.POPULATION_CSV.exists()
    assert all(r["source"] and r["reference_date"] for r in rows)
    assert "Comune di Milano open data ds205" in " ".join(T.population_sources()["gender"])


def test_defaults_cover_fields_and_sum_to_one():
    t = T.default_targets()
    assert set(t) == set(T.FIELDS)
    assert set(t["gender"]) == {"F", "M"}
    assert set(t["age_band"]) == {"16-29", "30-44", "45-64", "65+"}
    assert set(t["municipio"]) == {str(m) for m in range(1, 10)}
    assert set(t["education"]) == {"base", "diploma", "laurea"}
    for values in t.values():
        assert sum(values.values()) == pytest.approx(1, abs=1e-3)
    assert T.validate_targets(t) == []


def test_defaults_match_the_csv_figures():
    t = T.default_targets()
    assert t["gender"]["F"] == pytest.approx(722861 / 1407044, abs=1e-4)
    assert t["citizenship"]["foreign"] == pytest.approx(0.2136, abs=1e-3)
    assert t["municipio"]["8"] > t["municipio"]["1"]  # municipio 1 is the smallest
    # Documented education assumption: laurea = 64.3% x 48.8%.
    assert t["education"]["base"] == pytest.approx(0.357)
    assert t["education"]["laurea"] == pytest.approx(0.643 * 0.488, abs=1e-4)


def test_age_split_spreads_each_source_band_evenly():
    counts = {"0-17": 180, "18-64": 470, "65+": 350, "80+": 200}
    bands = [{"key": "16-29", "min": 16, "max": 29}, {"key": "65-79", "min": 65, "max": 79},
             {"key": "80+", "min": 80, "max": None}]
    got = T.split_age_bands(counts, bands)
    assert got["16-29"] == pytest.approx(180 * 2 / 18 + 470 * 12 / 47)
    assert got["65-79"] == pytest.approx(150)  # 65+ minus the nested 80+
    assert got["80+"] == pytest.approx(200)


def test_defaults_follow_edited_age_bands():
    vocab = Vocabularies.defaults()
    vocab.data["age_bands"] = [{"key": "18-39", "label": "18–39", "min": 18, "max": 39},
                               {"key": "40+", "label": "40+", "min": 40, "max": None}]
    t = T.default_targets(vocab)
    assert set(t["age_band"]) == {"18-39", "40+"}


def test_load_and_save_round_trip(store):
    assert T.load_targets(store) == T.default_targets()
    edited = T.load_targets(store)
    edited["gender"] = {"F": 0.5, "M": 0.5}
    T.save_targets(store, edited)
    assert store.setting("targets")["gender"] == {"F": 0.5, "M": 0.5}
    again = T.load_targets(store)
    assert again["gender"] == {"F": 0.5, "M": 0.5}
    assert again["municipio"] == T.default_targets()["municipio"]


def test_partial_stored_targets_fall_back_to_defaults(store):
    T.save_targets(store, {"citizenship": {"italian": 0.8, "foreign": 0.2}})
    t = T.load_targets(store)
    assert t["citizenship"] == {"italian": 0.8, "foreign": 0.2}
    assert t["education"] == T.default_targets()["education"]


@pytest.mark.parametrize("bad", [
    {"gender": {"F": 0.7, "M": 0.7}},
    {"gender": {"F": -0.1, "M": 1.1}},
    {"gender": {"F": "half", "M": 0.5}},
    {"shoe_size": {"42": 1.0}},
    {"gender": {}},
])
def test_invalid_targets_are_refused_and_not_stored(store, bad):
    with pytest.raises(ValueError):
        T.save_targets(store, bad)
    assert store.setting("targets") is None


def test_target_counts_use_largest_remainder():
    assert T.target_counts({"a": 0.5, "b": 0.5}, 9) == {"a": 5, "b": 4}
    counts = T.target_counts(T.default_targets()["municipio"], 90)
    assert sum(counts.values()) == 90
    assert all(v >= 6 for v in counts.values())


def test_actual_shares_by_age_band_on_a_date():
    vocab = Vocabularies.defaults()
    members = [{"birth_date": "2000-06-01"}, {"birth_date": "1950-01-01"}, {"birth_date": None}]
    got = T.actual_shares(members, "age_band", vocab, on=date(2024, 1, 1))
    assert got == {"16-29": 0.5, "65+": 0.5}
    assert T.actual_shares([{"municipio": 3}, {"municipio": 3}], "municipio", vocab) == {"3": 1.0}
