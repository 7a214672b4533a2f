"""`facilitator-app selection ...` end to end on real files: import, quotas, check, run, verify, confirm,
replace, report (no names in the PDF), and the bad inputs of the issue."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pytest

from facilitator_app.cli import main
from facilitator_app.core.selection.synthetic import synthetic_pool

LABELS = {"F": "Donna", "M": "Uomo", "base": "Licenza media", "diploma": "Diploma", "laurea": "Laurea",
          "italian": "Italiana", "foreign": "Straniera"}


def write_pool(path: Path, n: int = 60, seed: int = 11, extra_rows: list[list[str]] = ()) -> list[list[str]]:
    rows = []
    for i, r in enumerate(synthetic_pool(n, seed)):
        f = r.features
        rows.append([r.id, f"Zanardelli{i:03d}", "Ottavia", LABELS[f["gender"]], f["age_band"], LABELS[f["education"]],
                     LABELS[f["citizenship"]], f["municipio"], "it", f"p{i}@example.org"])
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Codice", "Cognome", "Nome", "Genere", "Fascia d'età", "Titolo di studio", "Cittadinanza",
                    "Municipio", "Lingua", "Email"])
        w.writerows(rows + list(extra_rows))
    return rows


@pytest.fixture
def db(tmp_path):
    # A plain assembly file made beforehand (new files from the CLI are encrypted unless --no-encryption).
    from facilitator_app.core.store.store import Store

    path = tmp_path / "a.sqlite"
    with Store(path) as s:
        s.ensure_assembly("Assemblea di prova")
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_whole_path(tmp_path, db, capsys):
    pool = tmp_path / "pool.csv"
    rows = write_pool(pool)
    code, out, _ = run(capsys, "selection", "pool", "import", str(pool), "--dry-run", "--db", db)
    assert code == 0 and "would import" in out and "60 new" in out
    code, out, _ = run(capsys, "selection", "pool", "list", "--json", "--db", db)
    assert json.loads(out) == []                                 # the dry run wrote nothing
    assert run(capsys, "selection", "pool", "import", str(pool), "--db", db)[0] == 0
    code, out, _ = run(capsys, "selection", "pool", "list", "--json", "--db", db)
    listed = json.loads(out)
    assert len(listed) == 60 and {"id", "gender", "age_band", "education", "citizenship", "municipio",
                                  "status"} <= set(listed[0])
    assert {r["status"] for r in listed} == {"available"}
    code, out, _ = run(capsys, "selection", "quotas", "--panel", "12", "--json", "--db", db)
    q = json.loads(out)
    assert code == 0 and q["panel"] == 12 and {r["field"] for r in q["quotas"]} >= {"gender", "municipio"}
    code, out, _ = run(capsys, "selection", "check", "--db", db)
    assert code == 0 and "can be met" in out
    code, out, _ = run(capsys, "selection", "run", "--panel", "12", "--seed", "7 13 21 34", "--json",
                       "--witnesses", "Notaio Ferri", "--db", db)
    assert code == 0
    res = json.loads(out)                       # stdout is pure JSON (no solver banner)
    assert res["method"] == "leximin" and res["seed"] == "7 13 21 34" and len(res["selected"]) == 12
    probs = {r["id"]: r["probability"] for r in res["respondents"]}
    assert len(probs) == 60 and sum(probs.values()) == pytest.approx(12, abs=1e-6)
    code, out, _ = run(capsys, "selection", "verify", "--db", db)
    assert code == 0 and out.startswith("same panel")
    code, out, _ = run(capsys, "selection", "verify", "--seed", "7 13 21 35", "--db", db)
    assert code == 1 and "not the seed recorded" in out
    # confirm: selected respondents become members with a six-month term
    assert run(capsys, "selection", "confirm", "--db", db)[0] == 0
    from facilitator_app.core.store.store import Store

    with Store(db) as store:
        members = store.select("members")
        assert len(members) == 12 and all(m["term_start"] and m["term_end"] and m["cohort_id"] for m in members)
        start, end = members[0]["term_start"], members[0]["term_end"]
        # someone the reserve can replace: a reserve respondent has the same five answers
        from facilitator_app.core.selection.records import respondent_features

        reserve = [respondent_features(r) for r in store.select("respondents", "status = 'reserve'")]
        leaving = next(m for m in members if respondent_features(
            store.select("respondents", "member_id = ?", (m["id"],))[0]) in reserve)
    assert (int(end[:4]) * 12 + int(end[5:7])) - (int(start[:4]) * 12 + int(start[5:7])) in (5, 6)
    code, out, err = run(capsys, "selection", "replace", leaving["badge_code"], "--seed", "99", "--json", "--db", db)
    assert code == 0, err
    rep = json.loads(out)
    assert len(rep["selected"]) == 1 and rep["selected"][0] in {r["id"] for r in listed}
    # the public report: PDF and xlsx, no name from the pool
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    code, out, _ = run(capsys, "selection", "report", "--pdf", str(pdf), "--xlsx", str(xlsx), "--db", db)
    assert code == 0 and pdf.stat().st_size > 0 and xlsx.stat().st_size > 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # the report is of the last run, the replacement, with its seed
    assert "Sorteggio" in text and "«99»" in text and "sostituzione di un membro" in text
    assert "LEXIMIN" in text and "Come verificare" in text
    for r in rows:
        assert r[1] not in text and r[9] not in text
    assert "Zanardelli" not in text and "Ottavia" not in text and "@example.org" not in text


def test_pool_edited_after_the_draw_is_reported(tmp_path, db, capsys):
    pool = tmp_path / "pool.csv"
    write_pool(pool, n=40)
    run(capsys, "selection", "pool", "import", str(pool), "--db", db)
    run(capsys, "selection", "quotas", "--panel", "8", "--db", db)
    assert run(capsys, "selection", "run", "--panel", "8", "--seed", "abc", "--db", db)[0] == 0
    from facilitator_app.core.store.store import Store

    with Store(db) as store:
        r = store.select("respondents")[3]
        with store.transaction():
            store.update("respondents", r["id"], {"municipio": 9 if r["municipio"] != 9 else 1})
    code, out, _ = run(capsys, "selection", "verify", "--db", db)
    assert code == 1 and "pool edited after the draw" in out and r["external_id"] in out


@pytest.mark.parametrize("argv, message", [
    (["run", "--panel", "8", "--seed", "   "], "seed is empty"),
    (["run", "--panel", "500", "--seed", "1"], "fewer than the 500 to select"),
    (["run", "--panel", "8", "--seed", "1", "--method", "nash"], None),
])
def test_bad_runs_write_nothing(tmp_path, db, capsys, argv, message):
    pool = tmp_path / "pool.csv"
    write_pool(pool, n=40)
    run(capsys, "selection", "pool", "import", str(pool), "--db", db)
    code, out, err = run(capsys, "selection", *argv, "--db", db)
    assert code == 2
    if message:
        assert message in err
    from facilitator_app.core.store.store import Store

    with Store(db) as store:
        assert store.select("selection_runs") == []
        assert {r["status"] for r in store.select("respondents")} == {"available"}


def test_unknown_value_in_pool_and_quotas_not_adding_up(tmp_path, db, capsys):
    pool = tmp_path / "pool.csv"
    write_pool(pool, n=40)
    run(capsys, "selection", "pool", "import", str(pool), "--db", db)
    run(capsys, "selection", "quotas", "--panel", "8", "--db", db)
    from facilitator_app.core.selection.records import save_quotas, stored_quotas
    from facilitator_app.core.store.store import Store

    with Store(db) as store:
        q = stored_quotas(store)
        del q.fields["gender"]["M"]                    # the quotas no longer know "M"
        save_quotas(store, q)
    code, out, err = run(capsys, "selection", "check", "--db", db)
    assert code == 2 and "a value the quotas do not know" in out and "cannot be met" in err
    with Store(db) as store:
        q = stored_quotas(store)
        q.set("gender", "M", 5, 6)
        q.set("gender", "F", 5, 6)                     # 10 minimum for 8 seats
        save_quotas(store, q)
    code, out, err = run(capsys, "selection", "check", "--db", db)
    assert code == 2 and "more than the 8 seats" in out + err


def test_import_accounts_for_every_row(tmp_path, db, capsys):
    pool = tmp_path / "pool.csv"
    rows = write_pool(pool, n=10, extra_rows=[
        ["X1", "Bad", "Gender", "boh", "30-44", "Diploma", "Italiana", "3", "it", ""],
        ["X2", "Bad", "Mun", "Donna", "30-44", "Diploma", "Italiana", "12", "it", ""],
        ["X3", "No", "Age", "Donna", "", "Diploma", "Italiana", "3", "it", ""],
        [], ])
    with open(pool, "a", newline="", encoding="utf-8") as fh:
        csv.writer(fh, delimiter=";").writerow(rows[0])       # the same respondent twice
    code, out, err = run(capsys, "selection", "pool", "import", str(pool), "--json", "--db", db)
    rep = json.loads(out)
    assert code == 1
    assert rep["counts"] == {"rows": 14, "create": 10, "update": 0, "unchanged": 0, "rejected": 3,
                             "duplicates": 1, "empty": 1}
    codes = sorted(i["code"] for i in rep["issues"])
    assert codes == ["duplicate_respondent", "invalid_municipio", "missing_age_band", "unknown_gender"]
    # importing again changes nothing
    code, out, _ = run(capsys, "selection", "pool", "import", str(pool), "--json", "--db", db)
    assert json.loads(out)["counts"]["unchanged"] == 10
