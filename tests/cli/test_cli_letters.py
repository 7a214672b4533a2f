"""`facilitator-app letters ...`: the files, the selectors, what the secretariat is told, exit codes."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess

import pytest

from facilitator_app.cli import main
from facilitator_app.core.language.messages import save_contacts
from facilitator_app.core.members.members import create_cohort, create_member
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.plenaries.plenaries import add_session, create_plenary
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "a.sqlite"
    with Store(path, Device("setup", "setup")) as s:
        s.ensure_assembly("Assemblea")
        p = create_plenary(s, 2, "2025-04-12", "Palazzo Marino")
        add_session(s, p, "Giornata", "09:30", "17:00")
        cohort = create_cohort(s, "Coorte primavera", "2025-03-01", "2025-08-31")
        v = Vocabularies.load(s)
        v.data["language"].append({"key": "uk", "label": "Ucraino", "synonyms": []})
        v.save(s)
        ids = {}
        for i, (surname, first, lang) in enumerate([("Hassan", "Amira", "ar"), ("Wang", "Wei", "zh"),
                                                    ("Rossi", "Anna", "it"), ("Kovalenko", "Olena", "uk")]):
            ids[surname] = create_member(s, {"surname": surname, "first_name": first, "language": lang,
                                             "cohort_id": cohort, "phone": f"+39 333 00000{i}",
                                             "email": f"m{i}@example.org" if i != 2 else None,
                                             "term_start": "2025-03-01", "term_end": "2025-08-31"})
        save_contacts(s, {"phone": "02 1234", "email": "seg@example.org", "sender": "Segreteria"})
        badge = s.get("members", ids["Wang"])["badge_code"]
    return path, ids, badge


def test_convocation_writes_letters_emails_and_sms(db, tmp_path, capsys):
    path, ids, _ = db
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "letters", "convocation", "2", "--pdf-dir", out_dir / "pdf", "--eml-dir",
                         out_dir / "eml", "--sms", out_dir / "sms.csv", "--db", path)
    assert code == 0, err
    assert len(list((out_dir / "pdf").glob("*.pdf"))) == 4 and len(list((out_dir / "eml").glob("*.eml"))) == 3
    assert "4 letters" in out and "no e-mail address (1): Rossi Anna" in out
    assert "in Italian, no translation in their language (1): Kovalenko Olena (uk)" in out
    assert "native speaker: ar, zh" in out
    rows = list(csv.DictReader((out_dir / "sms.csv").open(encoding="utf-8")))
    assert {r["language"] for r in rows} == {"ar", "zh", "it"} and len(rows) == 4
    if shutil.which("pdftotext"):
        pdf = next((out_dir / "pdf").glob("Hassan*.pdf"))
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "ندعوك إلى الجلسة العامة رقم" in text.replace("\u202b", "").replace("\u202c", "")


def test_json_member_selector_by_badge(db, tmp_path, capsys):
    path, ids, badge = db
    code, out, err = run(capsys, "letters", "reminder", "2", "--pdf-dir", tmp_path / "p", "--member", badge,
                         "--json", "--db", path)
    assert code == 0, err
    data = json.loads(out)
    (letter,) = data["letters"]
    assert letter["id"] == ids["Wang"] and letter["language"] == "zh" and letter["to_be_reviewed"] is True
    assert letter["pdf"].endswith(".pdf") and data["to_be_reviewed"] == ["zh"]


def test_welcome_and_thanks_need_a_cohort_or_members(db, tmp_path, capsys):
    path, ids, _ = db
    code, _, err = run(capsys, "letters", "welcome", "--pdf-dir", tmp_path / "w", "--db", path)
    assert code == 2 and "--cohort" in err
    code, out, err = run(capsys, "letters", "welcome", "--cohort", "coorte primavera", "--pdf-dir", tmp_path / "w",
                         "--db", path)
    assert code == 0, err
    assert len(list((tmp_path / "w").glob("*.pdf"))) == 4
    code, out, err = run(capsys, "letters", "thanks", "--member", ids["Rossi"], "--pdf-dir", tmp_path / "t",
                         "--db", path)
    assert code == 0 and len(list((tmp_path / "t").glob("*.pdf"))) == 1


def test_unknown_placeholder_refused_by_name_nothing_written(db, tmp_path, capsys):
    path, ids, _ = db
    with Store(path, Device("setup", "setup")) as s:
        # an edit saved before the check existed (or by hand in the file): refused when used
        s.set_setting("message_templates", {"convocation": {"it": {"subject": "Plenaria", "body": "Ciao {colore}",
                                                                   "sms": "", "review": False}}})
    code, out, err = run(capsys, "letters", "convocation", "2", "--pdf-dir", tmp_path / "x", "--db", path)
    assert code == 2 and "{colore}" in err
    assert list((tmp_path / "x").glob("*")) == []


def test_too_long_sms_exit_1_and_bad_input(db, tmp_path, capsys):
    path, ids, _ = db
    code, out, err = run(capsys, "letters", "convocation", "2", "--pdf-dir", tmp_path / "p", "--sms",
                         tmp_path / "s.csv", "--max-segments", "1", "--db", path)
    assert code == 1 and "left out" in out
    assert run(capsys, "letters", "convocation", "9", "--pdf-dir", tmp_path / "p", "--db", path)[0] == 2
    assert run(capsys, "letters", "convocation", "2", "--pdf-dir", tmp_path / "p", "--member", "NOPE",
               "--db", path)[0] == 2
    assert run(capsys, "letters", "convocation", "2", "--db", path)[0] == 2  # --pdf-dir is required
    (tmp_path / "file").write_text("x")
    assert run(capsys, "letters", "convocation", "2", "--pdf-dir", tmp_path / "file", "--db", path)[0] == 2
