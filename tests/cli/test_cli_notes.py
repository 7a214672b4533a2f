"""`facilitator-app notes add|list`."""

from __future__ import annotations

import json

import pytest

from facilitator_app.cli import main
from facilitator_app.core.plenaries.plenaries import create_plenary
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "a.sqlite"
    with Store(path, Device("d", "d")) as s:
        s.ensure_assembly("Prova")
        pid = create_plenary(s, 4, "2024-05-11", "Parco Nord")
        with s.transaction():
            s.insert("groups", {"plenary_id": pid, "name": "Mobilità", "sort_order": 0})
            s.insert("groups", {"plenary_id": pid, "name": "Energia", "sort_order": 1})
            s.insert("note_categories", {"name": "Proposta", "color": "#2E7D32"})
            s.insert("note_categories", {"name": "Criticità", "color": "#C62828"})
            s.insert("themes", {"name": "Mobilità e qualità dell'aria"})
            s.insert("plan_actions", {"code": "5.1.4"})
            s.insert("members", {"surname": "Rossi", "first_name": "Anna"}, id="m1")
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def count(db):
    with Store(db, Device("d", "d")) as s:
        return s.scalar("SELECT count(*) FROM notes")


@pytest.mark.parametrize("text", ["Più corse la sera 🚌", "=SUM(A1)", "+39 02", "@Comune", "中文 العربية"])
def test_add_stores_exact_text(capsys, db, text):
    code, out, _ = run(capsys, "notes", "add", "4", "--group", "mobilita", "--text", text, "--json", "--db", db)
    assert code == 0
    row = json.loads(out)
    assert row["text"] == text and row["group"] == "Mobilità"
    code, out, _ = run(capsys, "--db", db, "notes", "list", "4", "--json")
    assert [r["text"] for r in json.loads(out)] == [text]


def test_add_with_all_options_and_list(capsys, db):
    code, out, _ = run(capsys, "notes", "add", "4", "--group", "2", "--text=-meno auto", "--category", "CRITICITÀ",
                       "--author", "m1", "--tag", "5.1.4", "--tag", "#mobilità", "--tag", "libero", "--db", db)
    assert code == 0 and "Energia" in out
    code, out, _ = run(capsys, "notes", "list", "4", "--group", "Energia", "--json", "--db", db)
    [row] = json.loads(out)
    assert row["text"] == "-meno auto"
    assert row["category"] == "Criticità" and row["author"] == "Anna Rossi" and row["author_member_id"] == "m1"
    assert row["tags"] == ["5.1.4", "Mobilità e qualità dell'aria", "libero"]
    assert row["votes"] == 0 and row["cluster"] is None
    assert set(row) >= {"id", "text", "group", "category", "cluster", "tags", "votes", "author"}
    code, out, _ = run(capsys, "notes", "list", "4", "--group", "1", "--json", "--db", db)
    assert json.loads(out) == []
    code, out, _ = run(capsys, "notes", "list", "4", "--db", db)
    assert "-meno auto" in out and "1 notes" in out


@pytest.mark.parametrize("args, message", [
    (["--group", "1", "--text", ""], "empty"),
    (["--group", "1", "--text", "   "], "empty"),
    (["--group", "9", "--text", "x"], "unknown group"),
    (["--group", "Cultura", "--text", "x"], "unknown group"),
    (["--group", "1", "--text", "x", "--category", "Sogno"], "unknown category"),
    (["--group", "1", "--text", "x", "--author", "nobody"], "unknown member"),
])
def test_bad_input_exits_2_and_writes_nothing(capsys, db, args, message):
    code, out, err = run(capsys, "notes", "add", "4", *args, "--db", db)
    assert code == 2
    assert message in err and "nothing was written" in err
    assert count(db) == 0


def test_unknown_plenary(capsys, db):
    for argv in (["notes", "add", "7", "--group", "1", "--text", "x"], ["notes", "list", "abc"]):
        code, _, err = run(capsys, *argv, "--db", db)
        assert code == 2 and "unknown plenary" in err
    assert count(db) == 0


def test_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "notes", "list", "1", "--db", str(tmp_path / "none.sqlite"))
    assert code == 2 and "no assembly file" in err
