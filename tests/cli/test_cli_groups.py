"""`facilitator-app groups assign|list` and `export rosters`: output, --json, --dry-run, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from facilitator_app.cli import main
from facilitator_app.core.groups.groups import arrangement, groups_of
from facilitator_app.core.plenaries.plenaries import get_plenary
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    return path


@pytest.fixture
def db(demo_file, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    return path


def open_db(path):
    return Store(path, Device("reader", "reader"))


def test_assign_dry_run_prints_scores_and_groups_writes_nothing(db, capsys):
    assert main(["groups", "assign", "7", "--groups", "8", "--expected", "--seed", "5", "--dry-run",
                 "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "seed 5" in out and "Diversity" in out and "rounding bound" in out
    assert "% of the maximum" in out and "Tavolo 1" in out and "dry run" in out
    with open_db(db) as s:
        assert arrangement(s, get_plenary(s, 7)["id"]) == [[] for _ in range(8)]


def test_assign_json_writes_seats_and_is_reproducible(db, capsys):
    args = ["groups", "assign", "7", "-k", "8", "--expected", "--seed", "11", "--json", "--db", str(db)]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["seed"] == 11 and first["people"] == 90 and not first["dry_run"]
    assert set(first["scores"]) >= {"diversity", "diversity_bound", "meeting_score", "meeting_max",
                                    "meeting_relative"}
    assert first["scores"]["diversity"] >= first["scores"]["diversity_bound"]
    members = [[m["id"] for m in g["members"]] for g in first["groups"]]
    assert sum(map(len, members)) == 90
    assert {"id", "surname", "first_name"} <= set(first["groups"][0]["members"][0])
    with open_db(db) as s:
        seated = arrangement(s, get_plenary(s, 7)["id"])
    assert sorted(map(sorted, seated)) == sorted(map(sorted, members))
    assert main(args[:-2] + ["--dry-run", "--db", str(db)]) == 0
    again = json.loads(capsys.readouterr().out)
    assert [[m["id"] for m in g["members"]] for g in again["groups"]] == members


def test_assign_more_groups_creates_them_and_fields_with_weights(db, capsys):
    assert main(["groups", "assign", "7", "-k", "9", "--expected", "--seed", "1", "--json",
                 "--fields", "gender:2,age_band", "--db", str(db)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["fields"] == {"gender": 2.0, "age_band": 1.0} and len(out["created_group_ids"]) == 1
    with open_db(db) as s:
        assert len(groups_of(s, get_plenary(s, 7)["id"])) == 9


def test_assign_present_people_of_a_held_plenary(db, capsys):
    assert main(["groups", "assign", "6", "-k", "8", "--seed", "3", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "present in 8 groups" in out and "seats saved" in out


@pytest.mark.parametrize("argv, message", [
    (["groups", "assign", "7", "-k", "0", "--expected"], "at least 1"),
    (["groups", "assign", "7", "-k", "120", "--expected"], "more groups"),
    (["groups", "assign", "42", "-k", "3"], "no plenary"),
    (["groups", "assign", "7", "-k", "8"], "checked in"),
    (["groups", "assign", "7", "-k", "8", "--expected", "--fields", "shoe"], "unknown field"),
    (["groups", "assign", "7", "-k", "8", "--expected", "--session", "Sera"], "no session"),
    (["groups", "list", "nope"], "no plenary"),
    (["export", "rosters", "7"], "nothing to export"),
])
def test_bad_input_exits_2_with_a_clear_message(db, capsys, argv, message):
    assert main(argv + ["--db", str(db)]) == 2
    assert message in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["groups", "list", "1", "--db", str(tmp_path / "none.sqlite")]) == 2
    assert "no assembly file" in capsys.readouterr().err


def test_list_plain_and_json(db, capsys):
    assert main(["groups", "list", "3", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Plenary 3") and "Diversity" in out and "Tavolo 1" in out
    assert main(["groups", "list", "3", "--json", "--db", str(db)]) == 0
    data = json.loads(capsys.readouterr().out)
    with open_db(db) as s:
        pid = get_plenary(s, 3)["id"]
        assert data["plenary_id"] == pid and len(data["groups"]) == len(groups_of(s, pid))
        assert [[m["id"] for m in g["members"]] for g in data["groups"]] == arrangement(s, pid)
    assert data["scores"]["diversity"] >= data["scores"]["diversity_bound"]


def test_session_groups(db, capsys):
    assert main(["groups", "assign", "7", "-k", "3", "--expected", "--session", "2", "--seed", "2", "--json",
                 "--db", str(db)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["session_id"] and len(out["created_group_ids"]) == 3
    assert main(["groups", "list", "7", "--session", "Pomeriggio", "--json", "--db", str(db)]) == 0
    assert len(json.loads(capsys.readouterr().out)["groups"]) == 3


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_export_rosters_and_poster(db, tmp_path, capsys):
    pdf, poster = tmp_path / "rosters.pdf", tmp_path / "poster.pdf"
    assert main(["export", "rosters", "3", "--pdf", str(pdf), "--poster", str(poster), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "rosters:" in out and "poster:" in out
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    with open_db(db) as s:
        groups = groups_of(s, get_plenary(s, 3)["id"])
    assert all(g["name"] in text for g in groups)
    assert text.count("Documento interno") == len(groups)  # one page per group
