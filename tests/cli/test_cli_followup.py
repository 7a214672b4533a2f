"""`facilitator-app recommendations list|send|answer|progress`, `import decidim`, `export decidim|ics`."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from facilitator_app.cli import main
from facilitator_app.core.store import Device
from facilitator_app.core.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "followup"))
from followup_fixtures import make_assembly  # noqa: E402


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "a.sqlite"
    with Store(path, Device("d", "d")) as s:
        s.ensure_assembly("Prova")
        make_assembly(s)
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def changes(db):
    with Store(db, Device("d", "d")) as s:
        return s.scalar("SELECT count(*) FROM changes WHERE tbl != 'devices'")


def listing(capsys, db, *extra):
    code, out, _ = run(capsys, "recommendations", "list", "--json", "--db", db, *extra)
    assert code == 0
    return {r["code"]: r for r in json.loads(out)}


def test_list_json_and_cycle_filter(capsys, db):
    rows = listing(capsys, db)
    assert sorted(rows) == ["2023-R1", "2023-R2", "2024-R1"]
    r = rows["2023-R1"]
    assert {"id", "code", "cycle", "title", "answer_kind", "act", "due_on", "overdue", "progress"} <= set(r)
    assert r["title"] == "Strade scolastiche in ogni municipio" and r["answer_kind"] is None
    assert sorted(listing(capsys, db, "--cycle", "2024")) == ["2024-R1"]
    code, _, err = run(capsys, "recommendations", "list", "--cycle", "1999", "--db", db)
    assert code == 2 and "cycles: 2023, 2024" in err
    code, out, _ = run(capsys, "recommendations", "list", "--db", db)
    assert code == 0 and "In attesa di risposta" in out and out.rstrip().endswith("3 recommendations")


def test_send_answer_progress(capsys, db, tmp_path):
    assert run(capsys, "recommendations", "send", "2023-R1", "--date", "15/01/2023", "--to", "Giunta comunale",
               "--protocol", "PG 77/2023", "--db", db)[0] == 0
    pdf = tmp_path / "dg.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    code, out, _ = run(capsys, "recommendations", "answer", "2023-R1", "--kind", "accepted", "--text",
                       "Accolta: 20 strade scolastiche", "--act", "DG 123/2024", "--date", "2024-02-01",
                       "--act-pdf", str(pdf), "--responsible", "Direzione Mobilità", "--db", db)
    assert code == 0 and "answer recorded (accepted, act DG 123/2024)" in out
    code, out, _ = run(capsys, "recommendations", "progress", "2023-R1", "--status", "in_progress", "--note",
                       "Prime 5 strade", "--date", "2024-03-01", "--actions", "2.2.3", "--db", db)
    assert code == 0
    r = listing(capsys, db)["2023-R1"]
    assert (r["sent_on"], r["protocol"], r["answer_kind"], r["act"], r["responsible"], r["progress"],
            r["updates"]) == ("2023-01-15", "PG 77/2023", "accepted", "DG 123/2024", "Direzione Mobilità",
                              "in_progress", 1)
    assert r["status"] == "sent"


@pytest.mark.parametrize("argv, message", [
    (["answer", "2023-R9", "--kind", "accepted", "--text", "x"], "no approved recommendation '2023-R9'"),
    (["answer", "2023-R1", "--kind", "accepted", "--text", "x", "--act", "123"], "act"),
    (["answer", "2023-R1", "--kind", "accepted", "--text", "x", "--date", "31/02/2024"], "not a date"),
    (["answer", "2023-R1", "--kind", "accepted", "--text", "   "], "a text is required"),
    (["answer", "2023-R1", "--kind", "accepted", "--text", "x", "--act-pdf", "/nope/atto.pdf"], "cannot read"),
    (["progress", "2023-R1", "--status", "done", "--note", "x", "--actions", "9.9"], "unknown code 9.9"),
    (["progress", "2023-R1", "--status", "done", "--note", "x", "--date", "2999-01-01"], "in the future"),
    (["progress", "2023-R1", "--status", "done", "--note", "x", "--link", "ftp://x"], "not a web address"),
])
def test_bad_input_exit_2_nothing_written(capsys, db, argv, message):
    before = changes(db)
    code, _, err = run(capsys, "recommendations", *argv, "--db", db)
    assert code == 2 and message in err and "Traceback" not in err
    assert changes(db) == before


def test_bad_choice_is_a_usage_error(capsys, db):
    before = changes(db)
    assert run(capsys, "recommendations", "answer", "2023-R1", "--kind", "maybe", "--text", "x", "--db", db)[0] == 2
    assert run(capsys, "recommendations", "progress", "2023-R1", "--status", "started", "--note", "x",
               "--db", db)[0] == 2
    assert changes(db) == before


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_export_decidim_formats(capsys, db, tmp_path, fmt):
    out = tmp_path / f"proposte.{fmt}"
    code, text, _ = run(capsys, "export", "decidim", "--out", str(out), "--db", db)
    assert code == 0 and f"({fmt})" in text and "(3 rows)" in text
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
        assert rows[0] == ["title/it", "body/it"] and len(rows) == 4


def test_export_decidim_format_option_and_answers(capsys, db, tmp_path):
    out = tmp_path / "senza_estensione"
    assert run(capsys, "export", "decidim", "--out", str(out), "--format", "json", "--db", db)[0] == 0
    assert json.loads(out.read_text(encoding="utf-8"))[0]["title"]["it"]
    code, _, err = run(capsys, "export", "decidim", "--answers", "--out", str(tmp_path / "r.csv"), "--db", db)
    assert code == 2 and "no answer to export" in err and not (tmp_path / "r.csv").exists()
    code, _, err = run(capsys, "export", "decidim", "--out", str(tmp_path / "missing" / "p.csv"), "--db", db)
    assert code == 2


def test_import_decidim_dry_run_then_for_real(capsys, db, tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(("\ufeffid;participatory_space/id;title/it;body/it;state;state_published_at;answer/it;"
                      "answered_at\r\n101;7;Strade scolastiche in ogni municipio;x;accepted;2023-06-01;"
                      "<p>Accolta</p>;2023-05-30\r\n").encode("utf-8"))
    before = changes(db)
    code, out, _ = run(capsys, "import", "decidim", str(path), "--dry-run", "--db", db)
    assert code == 0 and "row 2: 2023-R1" in out and "dry run: nothing written" in out
    assert changes(db) == before
    code, out, _ = run(capsys, "import", "decidim", str(path), "--db", db)
    assert code == 0 and "1 recommendations updated" in out
    r = listing(capsys, db)["2023-R1"]
    assert (r["decidim_id"], r["decidim_state"], r["answer_kind"]) == ("101", "accepted", "accepted")


def test_import_decidim_refused_by_row(capsys, db, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id;participatory_space/id;title/it;state\n101;7;Strade scolastiche in ogni municipio;accepted\n"
                    "555;7;Altro;accepted\n102;7;Rifugi climatici aperti la sera;approvata\n", encoding="utf-8")
    before = changes(db)
    code, out, err = run(capsys, "import", "decidim", str(path), "--db", db)
    assert code == 2
    assert "row 3: proposal 555" in err and "row 4: state 'approvata'" in err and "nothing imported" in err
    assert changes(db) == before
    code, out, _ = run(capsys, "import", "decidim", str(path), "--json", "--dry-run", "--db", db)
    assert code == 2 and [p["row"] for p in json.loads(out)["problems"]] == [3, 4]


def test_import_decidim_unreadable(capsys, db, tmp_path):
    code, _, err = run(capsys, "import", "decidim", str(tmp_path / "nope.csv"), "--db", db)
    assert code == 2 and "cannot read" in err


def test_export_ics(capsys, db, tmp_path):
    out = tmp_path / "plenarie.ics"
    code, text, _ = run(capsys, "export", "ics", "--out", str(out), "--db", db)
    assert code == 0 and "(6 events)" in text
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_unexpected_error_exit_3_without_traceback(capsys, db, monkeypatch):
    import facilitator_app.core.followup.board as board

    monkeypatch.setattr(board, "load_board", lambda *a, **k: 1 / 0)
    code, _, err = run(capsys, "recommendations", "list", "--db", db)
    assert code == 3 and "unexpected error" in err and "Traceback" not in err


def test_cycle_months_move_the_due_date(capsys, db):
    assert run(capsys, "recommendations", "send", "2024-R1", "--date", "2024-03-20", "--to", "Giunta",
               "--db", db)[0] == 0
    assert listing(capsys, db)["2024-R1"]["due_on"] == "2024-06-20"        # default: 3 months
    code, out, _ = run(capsys, "recommendations", "cycle", "2024", "--months", "5", "--db", db)
    assert code == 0 and "within 5 months" in out
    assert listing(capsys, db)["2024-R1"]["due_on"] == "2024-08-20"
    before = changes(db)
    code, _, err = run(capsys, "recommendations", "cycle", "2024", "--months", "zero", "--db", db)
    assert code == 2 and "answer months" in err and changes(db) == before
    code, _, err = run(capsys, "recommendations", "cycle", "2024", "--months", "4", "--from", "2024-01-01",
                       "--db", db)
    assert code == 2 and "both" in err and changes(db) == before


def test_export_monitoring(capsys, db, tmp_path):
    pdf, xlsx = tmp_path / "m.pdf", tmp_path / "m.xlsx"
    code, out, _ = run(capsys, "export", "monitoring", "--pdf", str(pdf), "--xlsx", str(xlsx), "--public",
                       "--db", db)
    assert code == 0 and "monitoring report (public)" in out and pdf.read_bytes().startswith(b"%PDF")
    assert xlsx.stat().st_size > 0
    code, out, _ = run(capsys, "export", "monitoring", "--pdf", str(tmp_path / "c.pdf"), "--cycle", "2023",
                       "--db", db)
    assert code == 0 and "(internal)" in out
    code, _, err = run(capsys, "export", "monitoring", "--pdf", str(tmp_path / "x.pdf"), "--cycle", "1999",
                       "--db", db)
    assert code == 2 and "no cycle" in err and not (tmp_path / "x.pdf").exists()
    code, _, err = run(capsys, "export", "monitoring", "--db", db)
    assert code == 2 and "nothing to export" in err


def test_demo_first_cycle_flag(capsys, tmp_path):
    db = str(tmp_path / "d.sqlite")
    code, _, _ = run(capsys, "demo", "--first-cycle", "--db", db)
    assert code == 0
    rows = listing(capsys, db, "--cycle", "2023")
    assert len(rows) == 10 and rows["2023-R1"]["act"] == "Delibera di Giunta 1742/2023"


# The subcommands and options the issue names, exactly (and the extras the page and the secretariat use).
OPTIONS = {
    ("recommendations", "list"): {"--cycle", "--json"},
    ("recommendations", "send"): {"--date", "--to", "--protocol"},
    ("recommendations", "answer"): {"--kind", "--text", "--act", "--date", "--act-link", "--act-pdf", "--responsible"},
    ("recommendations", "progress"): {"--status", "--note", "--date", "--link", "--evidence", "--actions"},
    ("recommendations", "cycle"): {"--months", "--from", "--to", "--name"},
    ("import", "decidim"): {"--dry-run", "--json"},
}


@pytest.mark.parametrize("path", sorted(OPTIONS))
def test_subcommand_options_exactly(path):
    import argparse

    from facilitator_app.cli import build_parser

    parser = build_parser()

    def sub(p, name):
        action = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
        return action.choices[name]

    cmd = sub(sub(parser, path[0]), path[1])
    flags = {s for a in cmd._actions for s in a.option_strings if s.startswith("--")}
    assert flags - {"--help", "--db", "--passphrase-file"} == OPTIONS[path]
    required = {s for a in cmd._actions if a.required for s in a.option_strings}
    assert required == {"recommendations send": {"--date", "--to"},
                        "recommendations answer": {"--kind", "--text"},
                        "recommendations progress": {"--status", "--note"},
                        "recommendations cycle": {"--months"}}.get(" ".join(path), set())


def test_progress_evidence_file_refused_nothing_written(capsys, db, tmp_path):
    bad = tmp_path / "note.txt"
    bad.write_text("just text")
    before = changes(db)
    code, _out, err = run(capsys, "recommendations", "progress", "2023-R1", "--status", "done", "--note", "Fatto",
                          "--evidence", str(bad), "--db", str(db))
    assert code == 2 and "note.txt" in err and changes(db) == before
