"""Every file of the hostile corpus (tests/importers/corpus.py): each person in it is imported, merged
or reported with a reason; the rows add up; a file refused whole leaves the assembly file untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from facilitator_app.core.store.device import Device
from facilitator_app.core.members.members import validate
from facilitator_app.core.store.store import Store
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.importers.roster import RosterImportError, apply_import, plan_import
from tests.importers.corpus import CASES


def digest(db: Path) -> dict[str, str | None]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
            for p in (db, db.with_name(db.name + "-wal"))}


@pytest.fixture
def assembly(tmp_path):
    db = tmp_path / "assemblea.sqlite"
    with Store(db, Device("corpus", "Corpus")) as store:
        with store.transaction():
            store.insert("members", {"surname": "Già", "first_name": "Presente", "status": "active",
                                     "badge_code": "ACDEF"})
    return db


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_person_is_imported_merged_or_reported(name, assembly, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    case = CASES[name](folder)
    source_before = hashlib.sha256(case.path.read_bytes()).hexdigest()
    before = digest(assembly)
    with Store(assembly, Device("corpus", "Corpus")) as store:
        if case.refused:
            with pytest.raises(RosterImportError) as info:
                plan = plan_import(store, case.path, sheet=case.sheet, mapping=case.mapping)
                apply_import(store, plan)
            assert info.value.code == case.refused, str(info.value)
            assert str(info.value).endswith(".")
        else:
            plan = plan_import(store, case.path, sheet=case.sheet, mapping=case.mapping)
            c = plan.counts
            assert c["data_rows"] == c["imported"] + c["merged"] + c["rejected"] + c["blank"], plan.accounting
            result = apply_import(store, plan)
            stored = {(m["surname"], m["first_name"]): m for m in store.select("members")}
            rejected = {i.row: i for i in plan.rejected}
            merged = {i.row for i in plan.merged}
            for p in case.people:
                if p.fate == "imported":
                    assert (p.surname, p.first_name) in stored, (p, sorted(stored))
                elif p.fate == "merged":
                    assert p.row in merged, (p, plan.merged)
                else:
                    assert p.row in rejected and rejected[p.row].message, (p, plan.rejected)
            assert result.created + result.updated + result.unchanged == c["imported"]
            codes = {w.code for w in plan.warnings} | {i.code for i in plan.rejected}
            assert case.warnings <= codes, (case.warnings - codes, plan.warnings)
            # whatever was stored passes the same rules as the member form
            vocab = Vocabularies.load(store)
            for m in stored.values():
                assert not validate({k: m[k] for k in ("surname", "first_name", "birth_date", "municipio",
                                                       "notes", "email", "phone", "gender")}, vocab), m
    if case.refused:
        assert digest(assembly) == before
    assert hashlib.sha256(case.path.read_bytes()).hexdigest() == source_before  # the input is only read
