"""A member's preferred language: migration 12 (Italian by default), the assembly's list of
languages (a vocabulary, editable), validation, and the roster importer's "Lingua" column."""
from __future__ import annotations

import sqlite3

import openpyxl
import pytest

from facilitator_app.core.members.members import ValidationError, create_member, get_member, update_member
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.schema import MIGRATIONS
from facilitator_app.core.store.store import Store
from facilitator_app.importers.roster import apply_import, field_for_header, plan_import

DEFAULT_CODES = ["it", "en", "ar", "zh", "tl", "es", "ro", "bn", "si"]


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "a.sqlite", Device("test", "Test"))
    yield s
    s.close()


def test_migration_12_adds_language_with_italian_default(store, tmp_path):
    assert 12 in [v for v, _, _ in MIGRATIONS]
    mid = create_member(store, {"surname": "Rossi", "first_name": "Anna"})
    assert get_member(store, mid)["language"] == "it"
    with sqlite3.connect(tmp_path / "a.sqlite") as conn:  # on disk, with its default
        cols = {r[1]: r for r in conn.execute("PRAGMA table_info(members)")}
    assert cols["language"][3] == 1 and cols["language"][4] == "'it'"


def test_migration_from_an_older_file_keeps_members_and_gives_them_italian(tmp_path):
    path = tmp_path / "old.sqlite"
    s = Store(path, Device("test", "Test"))
    mid = create_member(s, {"surname": "Bianchi", "first_name": "Luca"})
    s.close()
    with sqlite3.connect(path) as conn:  # back to a file made before migration 12
        for table, col in (("members", "language"), ("members", "address"), ("plenaries", "address"),
                           ("plenaries", "directions"), ("plenaries", "bring")):
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {col}")
        conn.execute("DELETE FROM schema_migrations WHERE version = 12")
    s = Store(path, Device("test", "Test"))
    assert get_member(s, mid)["language"] == "it"
    s.close()


def test_assembly_languages_default_and_editable(store):
    v = Vocabularies.load(store)
    assert v.keys("language") == DEFAULT_CODES
    assert v.match("language", "Arabo") == "ar" and v.match("language", "中文") == "zh"
    assert v.match("language", "Filipino") == "tl" and v.match("language", "bangla") == "bn"
    assert v.match("language", "Singalese") == "si" and v.match("language", "ROMÂNĂ") == "ro"
    v.data["language"].append({"key": "uk", "label": "Ucraino (Українська)", "synonyms": ["ucraino"]})
    v.save(store)
    assert Vocabularies.load(store).keys("language")[-1] == "uk"


def test_language_must_be_one_of_the_assembly_languages(store):
    mid = create_member(store, {"surname": "Chen", "first_name": "Wei", "language": "zh"})
    assert get_member(store, mid)["language"] == "zh"
    with pytest.raises(ValidationError) as e:
        update_member(store, mid, {"language": "klingon"})
    assert [err.code for err in e.value.errors] == ["invalid_language"]
    assert get_member(store, mid)["language"] == "zh"  # nothing written
    update_member(store, mid, {"language": None})  # no preference: Italian
    assert get_member(store, mid)["language"] == "it"


@pytest.mark.parametrize("header", ["Lingua", "Lingua preferita", "LINGUA PER LE COMUNICAZIONI", "Preferred language",
                                    "Idioma", "Limba"])
def test_language_header_synonyms(header):
    assert field_for_header(header) == "language"


def test_roster_language_column_imported_unknown_gets_italian_with_an_issue(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Cognome", "Nome", "Lingua"])
    rows = [("Hassan", "Amira", "Arabo"), ("Wang", "Li", "中文"), ("Santos", "Maria", "tagalog"),
            ("Popescu", "Ion", "română"), ("Rahman", "Karim", "Bengali"), ("Perera", "Nimal", "සිංහල"),
            ("Quispe", "Rosa", "Español"), ("Rossi", "Anna", ""), ("Khan", "Ali", "Urdu")]
    for r in rows:
        ws.append(r)
    path = tmp_path / "roster.xlsx"
    wb.save(path)
    plan = plan_import(store, path)
    apply_import(store, plan)
    got = {m["surname"]: m["language"] for m in store.select("members")}
    assert got == {"Hassan": "ar", "Wang": "zh", "Santos": "tl", "Popescu": "ro", "Rahman": "bn", "Perera": "si",
                   "Quispe": "es", "Rossi": "it", "Khan": "it"}
    (issue,) = [i for i in plan.warnings if i.field == "language"]
    assert issue.code == "unknown_language" and issue.value == "Urdu"
    assert "Italian is used" in issue.message and "left empty" not in issue.message
