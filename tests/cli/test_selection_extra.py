"""`selection invitations import|list` and `selection category add|list|remove` end to end on real files."""

from __future__ import annotations

import csv
import json

import pytest

from facilitator_app.cli import main
from tests.cli.test_selection import LABELS, db, run  # noqa: F401  (the db fixture)
from facilitator_app.core.selection.synthetic import synthetic_pool


def _pool_with_housing(path, n=60):
    people = synthetic_pool(n, 11)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Codice", "Cognome", "Nome", "Genere", "Fascia d'età", "Titolo di studio", "Cittadinanza",
                    "Municipio", "Condizione abitativa", "Codice fiscale"])
        for i, r in enumerate(people):
            f = r.features
            w.writerow([r.id, f"Zanardelli{i:03d}", "Ottavia", LABELS[f["gender"]], f["age_band"],
                        LABELS[f["education"]], LABELS[f["citizenship"]], f["municipio"],
                        ("Affitto", "PROPRIETÀ", "Altro")[i % 3], f"ZNRTTV{i:03d}"])
    return people


def test_invitations_import_list_and_dry_run(tmp_path, db, capsys):
    pool = tmp_path / "pool.csv"
    _pool_with_housing(pool)
    assert run(capsys, "selection", "pool", "import", str(pool), "--db", db)[0] == 0
    inv = tmp_path / "inviti.csv"
    inv.write_text("Municipio;Genere;Invitati\n" + "".join(f"{m};{g};{100 + m}\n" for m in range(1, 10)
                                                            for g in ("Donna", "Uomo")) + "10;Donna;5\n",
                   encoding="utf-8")
    code, out, err = run(capsys, "selection", "invitations", "import", str(inv), "--dry-run", "--db", db)
    assert code == 1 and "would import" in out and "18 counted" in out and "row 20" in err
    code, out, _ = run(capsys, "selection", "invitations", "list", "--json", "--db", db)
    assert json.loads(out)["strata"] == []                                  # the dry run wrote nothing
    code, out, _ = run(capsys, "selection", "invitations", "import", str(inv), "--json", "--db", db)
    res = json.loads(out)
    assert code == 1 and res["counts"]["invited"] == sum(2 * (100 + m) for m in range(1, 10))
    assert [i["code"] for i in res["issues"]] == ["invalid_municipio"]
    code, out, _ = run(capsys, "selection", "invitations", "list", "--json", "--db", db)
    listed = json.loads(out)
    assert listed["respondents"] == 60 and listed["invited"] == res["counts"]["invited"]
    strata = {(s["field"], s["value"]): s for s in listed["strata"]}
    one = strata[("municipio", "1")]
    assert one["invited"] == 202 and one["rate"] == pytest.approx(one["respondents"] / 202)
    # the pool's gender values, all counted against the list
    assert sum(s["respondents"] for k, s in strata.items() if k[0] == "gender") == 60
    code, out, _ = run(capsys, "selection", "invitations", "list", "--db", db)
    assert code == 0 and "response rate" in out and "60 respondents" in out
    # a file with nothing countable: exit 2, the counts stay
    bad = tmp_path / "bad.csv"
    bad.write_text("Municipio;Invitati\n12;4\n", encoding="utf-8")
    assert run(capsys, "selection", "invitations", "import", str(bad), "--db", db)[0] == 2
    code, out, _ = run(capsys, "selection", "invitations", "list", "--json", "--db", db)
    assert json.loads(out)["invited"] == res["counts"]["invited"]


def test_a_further_category_gives_quotas_used_by_the_draw(tmp_path, db, capsys):
    pool = tmp_path / "pool.csv"
    _pool_with_housing(pool)
    code, out, _ = run(capsys, "selection", "pool", "import", str(pool), "--db", db)
    assert "Condizione abitativa" in out
    code, out, _ = run(capsys, "selection", "category", "add", "Condizione abitativa", "--share", "proprietà=0.6",
                       "--share", "Affitto=35%", "--db", db)
    assert code == 2                                                  # shares add up to 0.95
    code, out, _ = run(capsys, "selection", "category", "add", "Condizione abitativa", "--share", "proprietà=0.6",
                       "--share", "Affitto=35%", "--share", "Altro=0,05", "--json", "--db", db)
    added = json.loads(out)
    assert code == 0 and added["key"] == "condizione_abitativa" and "PROPRIETÀ" in added["shares"]
    assert added["unknown"] == [] and added["respondents"] == 60
    assert run(capsys, "selection", "category", "add", "Genere", "--share", "a=1", "--db", db)[0] == 2
    code, out, _ = run(capsys, "selection", "category", "list", "--json", "--db", db)
    assert {r["value"] for r in json.loads(out)} == {"PROPRIETÀ", "Affitto", "Altro"}
    code, out, _ = run(capsys, "selection", "pool", "list", "--json", "--db", db)
    assert {r["condizione_abitativa"] for r in json.loads(out)} == {"Affitto", "PROPRIETÀ", "Altro"}
    code, out, _ = run(capsys, "selection", "quotas", "--panel", "12", "--json", "--db", db)
    q = {(r["field"], r["value"]): (r["min"], r["max"]) for r in json.loads(out)["quotas"]}
    assert q[("condizione_abitativa", "PROPRIETÀ")] == (7, 8) and q[("condizione_abitativa", "Altro")] == (0, 1)
    code, out, _ = run(capsys, "selection", "run", "--panel", "12", "--seed", "99", "--json", "--db", db)
    assert code == 0
    selected = set(json.loads(out)["selected"])
    from facilitator_app.core.store.store import Store

    with Store(db) as s:
        rows = [r for r in s.select("respondents") if r["id"] in selected]
        housing = [json.loads(r["extra"])["condizione_abitativa"] for r in rows]
        assert 7 <= housing.count("PROPRIETÀ") <= 8 and housing.count("Altro") <= 1
        # the tax code column is kept per respondent (a pool column) but never reaches the quotas or the digest
        assert not any("ZNRTTV" in (r["extra"] or "") for r in s.select("respondents"))  # a tax code: never kept
        run_row = s.select("selection_runs")[0]
        assert "condizione_abitativa" in run_row["quotas"] and "ZNRTTV" not in run_row["inputs"]
    assert run(capsys, "selection", "verify", "--db", db)[0] == 0
    code, out, _ = run(capsys, "selection", "category", "remove", "condizione abitativa", "--db", db)
    assert code == 0
    assert run(capsys, "selection", "category", "remove", "nope", "--db", db)[0] == 2


def test_announce_then_run(tmp_path, db, capsys):
    import subprocess

    from tests.cli.test_selection import write_pool

    pool = tmp_path / "pool.csv"
    write_pool(pool)
    run(capsys, "selection", "pool", "import", str(pool), "--db", db)
    run(capsys, "selection", "quotas", "--panel", "12", "--db", db)
    code, out, _ = run(capsys, "selection", "announce", "--db", db)
    assert code == 0 and "no announcement" in out
    assert run(capsys, "selection", "announce", "--source", " ", "--db", db)[0] == 2
    assert run(capsys, "selection", "announce", "--source", "x", "--draw-date", "12/03", "--db", db)[0] == 2
    code, out, _ = run(capsys, "selection", "announce", "--source", "Lotto del 12 marzo, ruota di Milano",
                       "--draw-date", "2026-03-12", "--db", db)
    assert code == 0 and "Lotto del 12 marzo" in out
    code, _, err = run(capsys, "selection", "run", "--panel", "12", "--seed", "4 8 15", "--seed-source", "dadi",
                       "--db", db)
    assert code == 2 and "not the one announced" in err
    code, out, _ = run(capsys, "selection", "run", "--panel", "12", "--seed", "4 8 15", "--json", "--db", db)
    res = json.loads(out)
    assert code == 0 and res["seed_source"] == "Lotto del 12 marzo, ruota di Milano" and res["announced_at"]
    code, out, _ = run(capsys, "selection", "verify", "--db", db)
    assert code == 0 and "announced on" in out
    pdf = tmp_path / "r.pdf"
    assert run(capsys, "selection", "report", "--pdf", str(pdf), "--db", db)[0] == 0
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert "era stato annunciato il" in text and "prima del sorteggio" in text
