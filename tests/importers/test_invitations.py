"""The invitation list import on real files: three shapes, hostile files, only counts stored, nothing half-written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest

from facilitator_app.core.selection.invitations import invitations_info, response_rates
from facilitator_app.core.selection.records import invitation_counts
from facilitator_app.importers.invitations import (
    InvitationsImportError, apply_invitations_import, parse_count, plan_invitations_import,
)
from tests.importers.corpus import raw_xlsx

RESIDENTS = [("Rossi", "Mario", "Uomo", "03/05/1980", "Diploma", "Italiana", "3"),
             ("Bianchi", "Anna", "Donna", "12/11/1999", "Laurea", "Straniera", "Municipio 1"),
             ("Esposito", "Luca", "M", "01/02/1990", "Laurea", "Italiana", "9"),
             ("Niccolò", "Anna Maria", "F", "30/06/1962", "Licenza media", "Italiana", "IX")]
HEAD = ["Cognome", "Nome", "Sesso", "Data di nascita", "Titolo di studio", "Cittadinanza", "Municipio"]


def _csv(path: Path, rows, head=HEAD, sep=";", encoding="utf-8") -> Path:
    path.write_bytes(("\n".join(sep.join(r) for r in [head, *rows]) + "\n").encode(encoding))
    return path


def _digest(store) -> str:
    rows = store.query("SELECT * FROM invitation_counts ORDER BY id")
    return hashlib.sha256(repr([dict(r) for r in rows]).encode()).hexdigest()


def _import(store, path, **kw):
    plan = plan_invitations_import(store, path, **kw)
    apply_invitations_import(store, plan)
    return plan


def test_one_row_per_resident_keeps_only_counts(store, tmp_path):
    path = _csv(tmp_path / "invitati.csv", RESIDENTS)
    plan = _import(store, path)
    assert plan.shape == "residents" and plan.invited == 4 and plan.counted_rows == 4
    assert set(plan.personal) == {"Cognome", "Nome"}
    counts = invitation_counts(store)
    assert counts["gender"] == {"M": 2, "F": 2}
    assert counts["municipio"] == {"3": 1, "1": 1, "9": 2}
    assert counts["education"] == {"diploma": 1, "laurea": 2, "base": 1}
    assert sum(counts["age_band"].values()) == 4
    # GDPR: no name reached the assembly file, whatever table
    store.close()
    data = Path(store.path).read_bytes() + (Path(str(store.path) + "-wal").read_bytes()
                                             if Path(str(store.path) + "-wal").exists() else b"")
    for surname, first, *_ in RESIDENTS:
        assert surname.encode() not in data and first.encode() not in data


def test_counts_per_stratum_with_totals_duplicates_and_bad_counts(store, tmp_path):
    rows = [["Municipio", "Genere", "N. invitati"], ["1", "Donna", "500"], ["1", "Uomo", "480"],
            ["2", "Donna", "1.200"], ["2", "Uomo", "1 180"], ["2", "Donna", "7"],      # same group: counted once
            ["3", "Donna", "-3"], ["3", "Uomo", "2,5"], ["3", "Zeta", "10"], ["4", "Donna", ""],
            ["Totale", "", "3360"]]
    path = tmp_path / "strati.csv"
    path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    plan = plan_invitations_import(store, path)
    assert plan.shape == "strata"
    assert plan.counts == {"municipio": {"1": 980, "2": 2380}, "gender": {"F": 1700, "M": 1660}}
    by_row = {i.row: i.code for i in [*plan.rejected, *plan.duplicates, *plan.totals_rows]}
    assert by_row == {6: "duplicate_invitation", 7: "negative_count", 8: "bad_count", 9: "unknown_gender",
                      10: "missing_count", 11: "total_row"}
    # every row accounted for
    s = plan.summary()
    assert s["rows"] == s["counted"] + s["rejected"] + s["duplicates"] + s["totals_rows"] == 10
    assert invitation_counts(store) == {}                                 # planning wrote nothing


def test_totals_row_that_disagrees_is_said(store, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Genere;Invitati\nDonna;10\nUomo;12\nTotale;25\n", encoding="utf-8")
    plan = plan_invitations_import(store, path)
    assert plan.invited == 22 and plan.totals_rows[0].code == "total_row_mismatch"
    assert "25" in plan.totals_rows[0].message and "22" in plan.totals_rows[0].message


def test_long_table_with_blank_characteristic_cells(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Marginali"
    ws.append(["Tabella 3: invitati per caratteristica"])
    ws.append([])
    ws.append(["Caratteristica", "Valore", "Invitati"])
    for r in [("Genere", "Donna", 5100), (None, "Uomo", 4900), ("Municipio", 1, 1000), (None, 2, 9000.0),
              ("Colore preferito", "blu", 3), ("Cittadinanza", "Italiana", 7860), (None, "Straniera", 2140)]:
        ws.append(list(r))
    wb.create_sheet("Note").append(["fonte: anagrafe"])
    path = tmp_path / "marginali.xlsx"
    wb.save(path)
    plan = _import(store, path)
    assert plan.shape == "long" and plan.other_sheets == ["Note"]
    assert plan.counts == {"gender": {"F": 5100, "M": 4900}, "municipio": {"1": 1000, "2": 9000},
                           "citizenship": {"italian": 7860, "foreign": 2140}}
    assert [(i.row, i.code) for i in plan.rejected] == [(8, "unknown_characteristic")]
    assert invitations_info(store)["invited"] == 10000


@pytest.mark.parametrize("encoding,sep", [("utf-8-sig", ","), ("cp1252", ";"), ("utf-16", "\t")])
def test_encodings_and_separators(store, tmp_path, encoding, sep):
    path = _csv(tmp_path / "e.csv", RESIDENTS, sep=sep, encoding=encoding)
    plan = plan_invitations_import(store, path)
    assert plan.counted_rows == 4 and not plan.rejected


def test_hostile_workbooks(store, tmp_path):
    # a merged count cell would count the same number twice: refused by row; a formula without its
    # saved value is refused; a cached formula value is used; a hidden sheet is not read.
    rows = [["Municipio", "Invitati"], [1, 100], [2, 200], [3, None], [4, ("f", "SUM(B2:B3)", None)],
            [5, ("f", "B2*2", 200)]]
    path = raw_xlsx(tmp_path / "h.xlsx", [("Invitati", rows, "visible"), ("Segreto", [["Cognome"], ["Rossi"]],
                                                                       "hidden")], merged={"Invitati": ["B3:B4"]})
    plan = plan_invitations_import(store, path)
    assert plan.counts == {"municipio": {"1": 100, "2": 200, "5": 200}}
    codes = {i.row: i.code for i in plan.rejected}
    assert codes == {4: "merged_cell", 5: "formula_without_value"}


@pytest.mark.parametrize("content,code", [
    (b"", "roster_empty"), (b"\xd0\xcf\x11\xe0junk", "roster_protected_or_xls"),
    (b"Nome;Cognome\nMario;Rossi\n", "invitations_no_header"), (b"PK\x03\x04broken", "roster_damaged_xlsx"),
])
def test_refused_files_write_nothing(store, tmp_path, content, code):
    _import(store, _csv(tmp_path / "first.csv", RESIDENTS))
    before = _digest(store)
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(InvitationsImportError) as exc:
        plan_invitations_import(store, path)
    assert exc.value.code == code
    assert _digest(store) == before


def test_a_file_of_rejected_rows_does_not_wipe_the_counts(store, tmp_path):
    _import(store, _csv(tmp_path / "first.csv", RESIDENTS))
    before = _digest(store)
    plan = _import(store, _csv(tmp_path / "bad.csv", [("A", "B", "Z", "x", "y", "z", "99")]))
    assert not plan.counts and len(plan.rejected) == 1
    assert _digest(store) == before


def test_reimport_replaces_and_rates(store, tmp_path):
    _import(store, _csv(tmp_path / "a.csv", RESIDENTS))
    _import(store, _csv(tmp_path / "b.csv", RESIDENTS[:2]))
    assert invitation_counts(store)["gender"] == {"M": 1, "F": 1}
    with store.transaction():
        store.insert("respondents", {"surname": "X", "gender": "F", "age_band": "16-29", "education": "laurea",
                                     "citizenship": "foreign", "municipio": 1, "status": "available"})
        store.insert("respondents", {"surname": "Y", "gender": "F", "age_band": "16-29", "education": "laurea",
                                     "citizenship": "foreign", "municipio": 1, "status": "invited"})
    rates = {(r.field, r.value): r for r in response_rates(store)}
    assert rates[("gender", "F")].respondents == 1 and rates[("gender", "F")].rate == 1.0
    assert rates[("gender", "M")].rate == 0.0
    assert rates[("municipio", "1")].invited == 1


@pytest.mark.parametrize("raw,expected", [(12, 12), (12.0, 12), ("1.234", 1234), ("1 234", 1234),
                                          ("1\u00a0234", 1234), ("7,0", 7), ("0", 0)])
def test_counts_read(raw, expected):
    assert parse_count(raw) == expected


@pytest.mark.parametrize("raw", [-1, 2.5, "2,5", "abc", True, "-4", "1.23", "²", "-²", "1²"])  # superscripts: no count
def test_counts_refused(raw):
    assert not isinstance(parse_count(raw), int)


def test_a_further_category_in_the_invitation_list(store, tmp_path):
    from facilitator_app.core.selection.categories import add_category

    add_category(store, "Condizione abitativa", {"Affitto": 0.4, "Proprietà": 0.6})
    path = tmp_path / "c.csv"
    path.write_text("Condizione abitativa;Genere;Invitati\naffitto;Donna;40\nPROPRIETÀ;Donna;60\nbarca;Uomo;3\n",
                    encoding="utf-8")
    plan = _import(store, path)
    assert plan.counts["condizione_abitativa"] == {"Affitto": 40, "Proprietà": 60}
    assert [(i.row, i.code) for i in plan.rejected] == [(4, "not_a_category_value")]
    with store.transaction():
        store.insert("respondents", {"surname": "X", "gender": "F", "status": "available",
                                     "extra": '{"condizione_abitativa": "Affitto"}'})
    rates = {(r.field, r.value): r.rate for r in response_rates(store)}
    assert rates[("condizione_abitativa", "Affitto")] == 1 / 40 and rates[("condizione_abitativa", "Proprietà")] == 0
