import json
import sqlite3
import subprocess
import sys

from facilitator_app.cli import main

CSV = ("Comune di Milano - Ufficio Statistica;;;;\n"
       ";;;;\n"
       "COGNOME;Nome;Sesso;Data di nascita;Municipio\n"
       "Rossi;Mario;M;12/03/1980;Municipio 3\n"
       "Nguyễn;Thị Lan;F;01/02/1995;9\n"
       ";SenzaCognome;F;01/02/1990;2\n"
       "=Bianchi;Anna;F;31/02/1980;12\n")


def count(db, sql="SELECT count(*) FROM members"):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_import_with_rejected_rows_exits_1_and_writes_the_rest(tmp_path, capsys):
    f = tmp_path / "roster.csv"
    f.write_text(CSV, encoding="utf-8-sig")
    db = tmp_path / "a.sqlite"
    assert main(["roster", "import", str(f), "--no-encryption", "--db", str(db)]) == 1
    out, err = capsys.readouterr()
    assert "3 new" in out and "1 rejected" in out
    assert "Row 6" in err  # the row without surname, by its spreadsheet row number
    assert count(db) == 3
    assert count(db, "SELECT count(*) FROM members WHERE surname = '=Bianchi' AND municipio IS NULL "
                     "AND birth_date IS NULL") == 1


def test_dry_run_writes_nothing_and_reimport_updates(tmp_path, capsys):
    f = tmp_path / "roster.csv"
    f.write_text(CSV, encoding="utf-8")
    db = tmp_path / "a.sqlite"
    assert main(["--db", str(db), "roster", "import", str(f), "--dry-run", "--no-encryption"]) == 1
    assert "nothing was written" in capsys.readouterr().out
    assert count(db) == 0
    assert main(["roster", "import", str(f), "--no-encryption", "--db", str(db)]) == 1
    f.write_text(CSV.replace("Municipio 3", "Municipio 4"), encoding="utf-8")
    assert main(["roster", "import", str(f), "--no-encryption", "--db", str(db), "--json"]) == 1
    assert count(db) == 3
    assert count(db, "SELECT municipio FROM members WHERE surname = 'Rossi'") == 4


def test_json_report_and_list(tmp_path, capsys):
    f = tmp_path / "roster.csv"
    f.write_text(CSV, encoding="utf-8")
    db = tmp_path / "a.sqlite"
    main(["roster", "import", str(f), "--no-encryption", "--db", str(db), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["create"] == 3 and report["counts"]["rejected"] == 1
    codes = {i["code"] for i in report["issues"]}
    assert {"missing_name", "invalid_municipio", "invalid_date"} <= codes
    assert main(["roster", "list", "--db", str(db), "--json"]) == 0
    people = json.loads(capsys.readouterr().out)
    assert {p["surname"] for p in people} == {"Rossi", "Nguyễn", "=Bianchi"}
    assert {"id", "surname", "first_name", "badge_code"} <= set(people[0])


def test_bad_file_exits_2_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "roster.xlsx"
    bad.write_bytes(b"not a spreadsheet")
    db = tmp_path / "a.sqlite"
    assert main(["roster", "import", str(bad), "--db", str(db)]) == 2
    assert "error:" in capsys.readouterr().err
    assert not db.exists() or count(db) == 0
    assert main(["roster", "import", str(tmp_path / "missing.csv"), "--db", str(db)]) == 2


def test_usage_errors_exit_2_and_help_exits_0(tmp_path, capsys):
    assert main(["roster"]) == 2
    assert main(["roster", "import"]) == 2
    assert main(["--help"]) == 0
    assert main(["roster", "import", "--help"]) == 0
    assert main(["roster", "list", "--db", str(tmp_path / "none.sqlite")]) == 2


def test_entry_point_runs_as_a_module(tmp_path):
    out = subprocess.run([sys.executable, "-m", "facilitator_app", "roster", "--help"],
                         capture_output=True, text=True)
    assert out.returncode == 0 and "import" in out.stdout
