"""Tags: theme names and Plan action codes, and the quick #tag syntax of the capture field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator_app.core.notes import tags

CHOICES = ["Mobilità e qualità dell'aria", "Eventi estremi e comunicazione del rischio",
           "Tempi e orari della città", "Equità nell'accesso all'energia", "2.1.1", "5.1.4"]


@pytest.mark.parametrize("typed, tag", [
    ("5.1.4", "5.1.4"), ("mobilità", CHOICES[0]), ("MOBILITA", CHOICES[0]), ("energia", CHOICES[3]),
    ("tempi-e-orari", CHOICES[2]), ("5.1.4,", "5.1.4"), ("9.9.9", None), ("1", None), ("ab", None),
    ("calore", None), ("e", None),
])
def test_resolve(typed, tag):
    assert tags.resolve(typed, CHOICES) == tag


def test_parse_capture_takes_known_tags_out():
    text, found = tags.parse_capture("Più corse serali #5.1.4 #mobilità", CHOICES)
    assert (text, found) == ("Più corse serali", ["5.1.4", CHOICES[0]])
    text, found = tags.parse_capture("#energia bollette troppo care", CHOICES)
    assert (text, found) == ("bollette troppo care", [CHOICES[3]])


@pytest.mark.parametrize("typed", ["il #1 problema", "#MilanoCheRespira!", "=SUM(A1)", "  spazi  ", "C#", ""])
def test_parse_capture_leaves_other_text_exactly(typed):
    assert tags.parse_capture(typed, CHOICES) == (typed, [])


@given(st.text())
def test_text_without_hash_is_never_changed(text):
    if "#" not in text:
        assert tags.parse_capture(text, CHOICES) == (text, [])


def test_encode_decode():
    assert tags.decode(tags.encode(["5.1.4", " 5.1.4 ", "città 🌳", ""])) == ["5.1.4", "città 🌳"]
    assert tags.encode([]) is None
    assert tags.decode(None) == []


def test_editable_lists(store):
    tid = tags.add_theme(store, "Verde urbano")
    aid = tags.add_plan_action(store, "4.1.3", "Tetti verdi")
    with pytest.raises(tags.TagError):
        tags.add_plan_action(store, "4.1.3")
    with pytest.raises(tags.TagError):
        tags.add_plan_action(store, "quattro")
    with pytest.raises(tags.TagError):
        tags.add_theme(store, "  ")
    assert tags.tag_choices(store) == ["Verde urbano", "4.1.3"]
    tags.update_plan_action(store, aid, {"code": "4.1.4"})
    tags.delete_row(store, "themes", tid)
    assert tags.tag_choices(store) == ["4.1.4"]
