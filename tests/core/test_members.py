import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator_app.core.members.members import (
    BADGE_ALPHABET,
    ValidationError,
    create_member,
    find_by_badge,
    format_date,
    is_valid_badge,
    list_members,
    new_badge_code,
    parse_date_text,
    update_member,
    validate,
)
from facilitator_app.core.members.vocab import Vocabularies


def test_create_member_assigns_unique_unambiguous_badge(store):
    ids = [create_member(store, {"surname": f"S{i}", "first_name": "N"}) for i in range(50)]
    badges = [store.get("members", i)["badge_code"] for i in ids]
    assert len(set(badges)) == 50 and all(is_valid_badge(b) for b in badges)
    assert not set("0O1IL2Z5S8B") & set("".join(badges))


def test_required_names(store):
    with pytest.raises(ValidationError) as exc:
        create_member(store, {"surname": "  ", "first_name": "Anna"})
    assert [e.code for e in exc.value.errors] == ["required"]
    assert list_members(store) == []


@pytest.mark.parametrize("field,value,code", [
    ("email", "not-an-email", "invalid_email"),
    ("municipio", 12, "invalid_municipio"),
    ("gender", "Q", "invalid_gender"),
    ("birth_date", "1980-02-31", "invalid_date"),
    ("birth_date", "2999-01-01", "implausible_birth_date"),
    ("birth_date", "2020-01-01", "implausible_birth_date"),  # a six-year-old is no member
    ("birth_date", "1890-01-01", "implausible_birth_date"),
    ("surname", "R" * 201, "too_long"),
    ("first_name", "Anna\x1b[31m", "control_characters"),
    ("notes", "riga\u202euno", "control_characters"),
    ("badge_code", "OOOOO", "invalid_badge"),
])
def test_invalid_values_are_refused_and_nothing_written(store, field, value, code):
    with pytest.raises(ValidationError) as exc:
        create_member(store, {"surname": "Rossi", "first_name": "Anna", field: value})
    assert exc.value.errors[0].code == code
    assert store.scalar("SELECT count(*) FROM members") == 0


def test_term_end_before_start(store):
    errors = validate({"term_start": "2024-06-01", "term_end": "2024-01-01"}, Vocabularies.defaults())
    assert [e.code for e in errors] == ["term_end_before_start"]


def test_names_are_stored_exactly(store):
    rid = create_member(store, {"surname": "=SUM(A1)", "first_name": "@Łukasz 🙂"})
    row = store.get("members", rid)
    assert (row["surname"], row["first_name"]) == ("=SUM(A1)", "@Łukasz 🙂")


def test_duplicate_badge_refused(store):
    a = create_member(store, {"surname": "A", "first_name": "A"})
    badge = store.get("members", a)["badge_code"]
    b = create_member(store, {"surname": "B", "first_name": "B"})
    with pytest.raises(ValidationError) as exc:
        update_member(store, b, {"badge_code": badge})
    assert exc.value.errors[0].code == "duplicate_badge"


def test_find_by_badge_tolerates_case_and_spaces(store):
    a = create_member(store, {"surname": "A", "first_name": "A", "badge_code": "ACD34"})
    assert find_by_badge(store, " acd 34\n")["id"] == a


def test_age_band_from_birth_date():
    from datetime import date

    v = Vocabularies.defaults()
    on = date(2024, 6, 1)
    assert v.age_band("2008-06-01", on) == "16-29"
    assert v.age_band("1994-06-02", on) == "16-29"
    assert v.age_band("1994-06-01", on) == "30-44"
    assert v.age_band("1950-01-01", on) == "65+"
    assert v.age_band(None, on) is None


def test_vocabulary_matching_and_editing(store):
    v = Vocabularies.load(store)
    assert v.match("gender", " FEMMINA ") == "F"
    assert v.match("education", "Laurea magistrale") == "laurea"
    assert v.match("gender", "???") is None
    v.data["gender"][0]["synonyms"].append("dama")
    v.save(store)
    assert Vocabularies.load(store).match("gender", "Dama") == "F"


@pytest.mark.parametrize("text,iso", [("31/12/1980", "1980-12-31"), ("1.2.03", "2003-02-01"),
                                      ("1980-12-31", "1980-12-31"), ("", None)])
def test_parse_date_text(text, iso):
    assert parse_date_text(text) == iso


def test_parse_date_text_refuses_impossible_dates():
    with pytest.raises(ValueError):
        parse_date_text("31/02/1980")


@given(st.dates())
def test_date_format_roundtrip(d):
    assert parse_date_text(format_date(d.isoformat())) == d.isoformat()


def test_badge_generator_never_repeats():
    taken: set[str] = set()
    codes = [new_badge_code(taken) for _ in range(2000)]
    assert len(set(codes)) == 2000 and all(c[0] in BADGE_ALPHABET for c in codes)


def test_list_is_sorted_as_people_read_names(store):
    for s in ["Zoppè", "Şahin", "Ødegård", "Sala", "Oddone", "Łukaszewicz", "Lombardi"]:
        create_member(store, {"surname": s, "first_name": "X"})
    assert [m["surname"] for m in list_members(store)] == [
        "Lombardi", "Łukaszewicz", "Oddone", "Ødegård", "Şahin", "Sala", "Zoppè"]
