"""`facilitator-app plenary`, `checkin` and `export badges|signin|checklist`."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from facilitator_app.cli import main
from facilitator_app.core.members.members import create_member
from facilitator_app.core.plenaries.plenaries import get_plenary, sessions_of
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.ids import derived_id
from facilitator_app.core.store.store import Store


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "a.sqlite"
    code, out, _ = run(capsys, "plenary", "create", "--number", "4", "--date", "2024-05-11", "--venue",
                       "Parco Nord", "--rooms", "Salone", "Aula 1", "--db", str(path), "--no-encryption")
    assert code == 0 and "plenary 4 on 2024-05-11 at Parco Nord" in out
    with Store(path, Device("setup", "setup")) as s:
        create_member(s, {"surname": "Nguyễn", "first_name": "Thị Lan", "badge_code": "ACDEF"})
        create_member(s, {"surname": "Rossi", "first_name": "Giulia", "badge_code": "GHJKM"})
        create_member(s, {"surname": "Bianchi", "first_name": "Luca", "badge_code": "NPQRT", "status": "withdrawn",
                          "term_end": "2024-12-31"})
    return path


def test_create_and_list(db, capsys):
    code, out, _ = run(capsys, "plenary", "list", "--json", "--db", str(db))
    (p,) = json.loads(out)
    assert (p["number"], p["date"], p["venue"], p["rooms"]) == (4, "2024-05-11", "Parco Nord", ["Salone", "Aula 1"])
    assert [s["name"] for s in p["sessions"]] == ["Mattina", "Pomeriggio"] and p["id"]
    code, out, _ = run(capsys, "plenary", "list", "--db", str(db))
    assert code == 0 and "Parco Nord" in out and "1 plenaries" in out


def test_create_with_custom_sessions_and_errors(db, capsys):
    code, out, _ = run(capsys, "plenary", "create", "--number", "5", "--date", "2024-06-15", "--venue", "BASE",
                       "--session", "Sera=18:00-21:30", "--json", "--db", str(db))
    assert code == 0 and [s["name"] for s in json.loads(out)["sessions"]] == ["Sera"]
    code, _, err = run(capsys, "plenary", "create", "--number", "4", "--date", "2024-06-15", "--venue", "X",
                       "--db", str(db))
    assert code == 2 and "already exists" in err and "nothing was written" in err
    code, _, err = run(capsys, "plenary", "create", "--number", "6", "--date", "15/06/2024", "--venue", "X",
                       "--db", str(db))
    assert code == 2 and "YYYY-MM-DD" in err
    code, _, err = run(capsys, "plenary", "create", "--number", "6", "--date", "2024-06-15", "--venue", "X",
                       "--session", "Mattina 9-13", "--db", str(db))
    assert code == 2 and "NAME=HH:MM-HH:MM" in err


def test_checkin_by_badge_prints_person_and_group(db, capsys):
    with Store(db, Device("g", "g")) as s:
        p = get_plenary(s, 4)
        morning = sessions_of(s, p["id"])[0]["id"]
        rossi = s.select("members", "surname = 'Rossi'")[0]["id"]
        with s.transaction():
            g = s.insert("groups", {"plenary_id": p["id"], "session_id": morning, "name": "Gruppo 3",
                                    "room": "Sala Verde"})
            s.put("group_members", derived_id("seat", p["id"], morning, rossi),
                  {"plenary_id": p["id"], "session_id": morning, "member_id": rossi, "group_id": g})
    code, out, _ = run(capsys, "checkin", "4", "--badge", "ghjkm", "--session", "1", "--at", "09:41",
                       "--db", str(db))
    assert code == 0
    assert "Giulia Rossi [GHJKM]: checked in at 9:41 (late) — Mattina, plenary 4 — Gruppo 3 — Sala Verde" in out
    code, out, _ = run(capsys, "checkin", "4", "--badge", "GHJKM", "--session", "mattina", "--json", "--db", str(db))
    data = json.loads(out)
    assert data["outcome"] == "already" and data["surname"] == "Rossi" and data["first_name"] == "Giulia"
    assert (data["badge_code"], data["group"], data["room"], data["late"]) == ("GHJKM", "Gruppo 3", "Sala Verde", True)
    assert data["checked_in_at"].startswith("2024-05-11T09:41")


def test_checkin_by_member_all_sessions(db, capsys):
    with Store(db, Device("g", "g")) as s:
        mid = s.select("members", "surname = 'Nguyễn'")[0]["id"]
    code, out, _ = run(capsys, "checkin", "4", "--member", mid, "--session", "Mattina", "--all-sessions",
                       "--at", "09:00", "--json", "--db", str(db))
    data = json.loads(out)
    assert code == 0 and len(data["attendance_ids"]) == 2 and data["group"] is None
    with Store(db, Device("g", "g")) as s:
        assert s.scalar("SELECT count(*) FROM attendance WHERE deleted = 0") == 2


def test_unknown_badge_exits_2_and_writes_nothing(db, capsys):
    code, out, err = run(capsys, "checkin", "4", "--badge", "ZZZZZ", "--db", str(db))
    assert code == 2 and out == "" and "unknown badge 'ZZZZZ'" in err and "Nothing was written" in err
    for args, msg in ((["checkin", "9", "--badge", "ACDEF"], "no plenary '9'"),
                      (["checkin", "4", "--badge", "ACDEF", "--session", "sera"], "no session 'sera'"),
                      (["checkin", "4", "--member", "nope", "--session", "1"], "no member")):
        code, _, err = run(capsys, *args, "--db", str(db))
        assert code == 2 and msg in err, err
    with Store(db, Device("g", "g")) as s:
        assert s.scalar("SELECT count(*) FROM attendance") == 0


def test_withdrawn_member_needs_yes(db, capsys):
    code, _, err = run(capsys, "checkin", "4", "--badge", "NPQRT", "--session", "1", "--db", str(db))
    assert code == 2 and "--yes" in err and "withdrawn" in err
    code, out, _ = run(capsys, "checkin", "4", "--badge", "NPQRT", "--session", "1", "--yes", "--db", str(db))
    assert code == 0 and "Luca Bianchi" in out


def test_show(db, capsys):
    run(capsys, "checkin", "4", "--badge", "ACDEF", "--session", "1", "--db", str(db))
    code, out, _ = run(capsys, "plenary", "show", "4", "--json", "--db", str(db))
    data = json.loads(out)
    assert code == 0 and data["sessions"][0]["present"] == 1 and data["sessions"][0]["expected"] == 3
    code, out, _ = run(capsys, "plenary", "show", "4", "--db", str(db))
    assert "1/3 present" in out


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_export_badges_signin_checklist(db, capsys, tmp_path):
    for kind, extra in (("badges", ["--blanks", "2"]), ("signin", ["--session", "2"]), ("checklist", [])):
        out_pdf = tmp_path / "out" / f"{kind}.pdf"
        code, out, err = run(capsys, "export", kind, "4", "--pdf", str(out_pdf), *extra, "--db", str(db))
        assert code == 0, err
        assert str(out_pdf) in out and "pages" in out
        text = subprocess.run(["pdftotext", str(out_pdf), "-"], capture_output=True, text=True).stdout
        assert "Nguyễn" in text and "Rossi" in text
        assert not list(out_pdf.parent.glob(".*.part"))
    text = subprocess.run(["pdftotext", str(tmp_path / "out" / "signin.pdf"), "-"], capture_output=True,
                          text=True).stdout
    assert "Pomeriggio" in text and "Mattina (" not in text
    code, _, err = run(capsys, "export", "signin", "4", "--pdf", str(tmp_path / "x.pdf"), "--session", "7",
                       "--db", str(db))
    assert code == 2 and "no session" in err and not (tmp_path / "x.pdf").exists()
    code, _, err = run(capsys, "export", "badges", "12", "--pdf", str(tmp_path / "x.pdf"), "--db", str(db))
    assert code == 2 and "no plenary" in err


def test_missing_file(tmp_path, capsys):
    code, _, err = run(capsys, "plenary", "list", "--db", str(tmp_path / "none.sqlite"))
    assert code == 2 and "no assembly file" in err


def test_export_attendance_xlsx(db, capsys, tmp_path):
    import openpyxl

    run(capsys, "checkin", "4", "--badge", "ACDEF", "--session", "1", "--all-sessions", "--db", str(db))
    out = tmp_path / "presenze.xlsx"
    code, text, err = run(capsys, "export", "attendance", "--xlsx", str(out), "--db", str(db))
    assert code == 0, err
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Presenze", "Da richiamare", "Sessioni"]
    rows = {r[0]: r for r in wb["Presenze"].iter_rows(min_row=2, values_only=True)}
    assert rows["Nguyễn"][3] == "P" and rows["Rossi"][3] == "A" and rows["Nguyễn"][-1] == 1
