"""`facilitator-app demo`: builds, refuses to overwrite, --force, --json, the entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from facilitator_app.cli import main
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store

REPO = Path(__file__).resolve().parents[2]


def member_names(path):
    with Store(path, Device("reader", "reader")) as s:
        return [(m["surname"], m["badge_code"]) for m in s.query("SELECT * FROM members ORDER BY rowid")]


def test_builds_and_prints_summary(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert str(db) in out and "members_active" in out and "90" in out
    with Store(db, Device("reader", "reader")) as s:
        assert s.scalar("SELECT count(*) FROM members WHERE status = 'active'") == 90
        assert s.scalar("SELECT count(*) FROM plenaries") == 9   # the 2024 cycle's 8, the 2023 cycle's vote
        assert s.scalar("SELECT count(*) FROM recommendations r JOIN plenaries p ON p.id = r.plenary_id"
                        " WHERE p.number = 9") == 10


def test_db_option_before_the_subcommand(tmp_path):
    db = tmp_path / "front.sqlite"
    assert main(["--db", str(db), "demo"]) == 0
    assert db.exists()


def test_default_path_is_in_the_app_home(app_home):
    assert main(["demo"]) == 0
    assert (app_home / "data" / "assemblea.sqlite").exists()


def test_json_summary(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db), "--json", "--seed", "7"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["db"] == str(db) and data["seed"] == 7
    assert (data["members_active"], data["plenaries"], data["sessions"]) == (90, 9, 18)


def test_refuses_a_file_with_members_unless_forced(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db), "--seed", "1"]) == 0
    before = member_names(db)
    capsys.readouterr()
    assert main(["demo", "--db", str(db), "--seed", "2"]) == 2
    err = capsys.readouterr().err
    assert "already has 184 members" in err and "--force" in err
    assert member_names(db) == before  # nothing written

    assert main(["demo", "--db", str(db), "--seed", "2", "--force"]) == 0
    after = member_names(db)
    assert len(after) == 184 and after != before


def test_force_starts_from_a_fresh_file(tmp_path):
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    with Store(db, Device("other", "other")) as s:
        with s.transaction():
            s.insert("themes", {"name": "Tema in più"})
    assert main(["demo", "--db", str(db), "--force"]) == 0
    with Store(db, Device("reader", "reader")) as s:
        assert s.scalar("SELECT count(*) FROM themes") == 5
        # this laptop only: not "other", and not the reader (a laptop that only reads leaves no trace)
        assert s.scalar("SELECT count(*) FROM devices") == 1


def test_same_seed_same_content_through_the_cli(tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    assert main(["demo", "--db", str(a)]) == 0
    assert main(["demo", "--db", str(b)]) == 0
    assert member_names(a) == member_names(b)


def test_a_non_assembly_file_is_never_deleted(tmp_path, capsys):
    other = tmp_path / "notes.txt"
    other.write_text("important", encoding="utf-8")
    assert main(["demo", "--db", str(other), "--force"]) == 2
    assert "not an assembly file" in capsys.readouterr().err
    assert other.read_text(encoding="utf-8") == "important"


def test_entry_point_subprocess(tmp_path, app_home):
    db = tmp_path / "sub.sqlite"
    env = {**os.environ, "FACILITATOR_APP_HOME": str(app_home)}
    run = subprocess.run([sys.executable, "-m", "facilitator_app", "demo", "--db", str(db), "--json"],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["members_active"] == 90
    again = subprocess.run([sys.executable, "-m", "facilitator_app", "demo", "--db", str(db)],
                           cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert again.returncode == 2 and "already has" in again.stderr
