"""`facilitator-app bundle ...`: the day's flow from the command line, reports, exit codes."""

from __future__ import annotations

import json

import pytest

from facilitator_app.cli import main
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.ids import derived_id
from facilitator_app.core.store.store import Store


def use_device(device_id, name):
    """The laptop the next commands run on (the app's device config, in the test's app home)."""
    Device(device_id, name).save()


def file_bytes(db):
    return {p.name: p.read_bytes() for p in db.parent.glob(db.name + "*")}


@pytest.fixture
def secretariat(tmp_path):
    use_device("dev-sec", "Segreteria")
    db = tmp_path / "segreteria.sqlite"
    with Store(db, Device("dev-sec", "Segreteria")) as s:
        s.ensure_assembly("Assemblea")
        with s.transaction():
            pid = s.insert("plenaries", {"number": 3, "date": "2024-05-18"})
            sid = s.insert("sessions", {"plenary_id": pid, "name": "Mattina"})
            gid = s.insert("groups", {"plenary_id": pid, "name": "Eventi estremi", "facilitator": "Sara"})
            mid = s.insert("members", {"surname": "Bianchi", "first_name": "Luca"})
            nid = s.insert("notes", {"plenary_id": pid, "group_id": gid, "text": "Allerta meteo via SMS"})
            # seated at the table: its laptop gets only its group's members
            s.insert("group_members", {"plenary_id": pid, "member_id": mid, "group_id": gid})
    return {"db": db, "plenary_id": pid, "session_id": sid, "group_id": gid, "member_id": mid, "note_id": nid}


def run_json(capsys, *argv):
    code = main([*argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_the_day_prepare_work_collect(secretariat, tmp_path, capsys):
    sec = secretariat
    out_dir = tmp_path / "portatili"
    code, rows = run_json(capsys, "bundle", "prepare", "3", "--out-dir", str(out_dir), "--db", str(sec["db"]))
    assert code == 0 and [r["role"] for r in rows] == ["entrance", "group"]
    assert rows[1]["group"] == "Eventi estremi" and rows[1]["facilitator"] == "Sara"

    # the group laptop starts from its package (a new file), works, and sends its package back
    lap = tmp_path / "tavolo.sqlite"
    use_device("dev-tav", "Tavolo eventi")
    assert main(["--db", str(lap), "bundle", "import", rows[1]["file"], "--no-encryption"]) == 0
    assert "new" in capsys.readouterr().out
    with Store(lap, Device("dev-tav", "Tavolo eventi")) as s, s.transaction():
        s.insert("notes", {"plenary_id": sec["plenary_id"], "group_id": sec["group_id"], "text": "Rifugi climatici"})
        s.update("notes", sec["note_id"], {"text": "Allerta meteo via SMS e app"})
    with Store(lap, Device("dev-ing", "Ingresso")) as s:   # the same file, handed to the entrance laptop
        with s.transaction():
            s.put("attendance", derived_id("attendance", sec["session_id"], sec["member_id"]), {
                "plenary_id": sec["plenary_id"], "session_id": sec["session_id"], "member_id": sec["member_id"],
                "status": "present", "checked_in_at": "2024-05-18T09:31:00+02:00"})
    stick = tmp_path / "chiavetta"
    use_device("dev-ing", "Ingresso")
    code, exported = run_json(capsys, "bundle", "export", "--out", str(stick / "tavolo.assemblea"),
                              "--to", "Segreteria", "--db", str(lap))
    assert code == 0 and exported["full"] and exported["changes"] > 5
    code, again = run_json(capsys, "bundle", "export", "--out", str(tmp_path / "niente.assemblea"),
                           "--to", "Segreteria", "--db", str(lap))
    assert again["changes"] == 0 and not again["full"]

    # meanwhile the secretariat edited the same note: both versions are kept
    use_device("dev-sec", "Segreteria")
    with Store(sec["db"], Device("dev-sec", "Segreteria")) as s, s.transaction():
        s.update("notes", sec["note_id"], {"text": "Allerta meteo con SMS"})
    code, summary = run_json(capsys, "bundle", "collect", str(stick), "--db", str(sec["db"]))
    assert code == 0
    (p,) = summary["packages"]
    assert p["source_name"] == "Ingresso" and p["tables"]["notes"] == {"new": 1, "updated": 0}  # the later edit won
    assert p["tables"]["attendance"] == {"new": 1, "updated": 0}
    assert p["origins"]["Tavolo eventi"] == 3 and summary["conflicts"] == 1
    code, conflicts = run_json(capsys, "bundle", "conflicts", "--db", str(sec["db"]))
    assert [c["lost_value"] for c in conflicts] == ["Allerta meteo via SMS e app"]
    assert conflicts[0]["current_value"] == "Allerta meteo con SMS" and conflicts[0]["device_name"] == "Tavolo eventi"

    assert main(["bundle", "collect", str(stick), "--db", str(sec["db"])]) == 0
    text = capsys.readouterr().out
    assert "0 new" in text and "nothing new" in text


def test_text_report_says_what_came_from_where(secretariat, tmp_path, capsys):
    pkg = tmp_path / "sec.assemblea"
    assert main(["bundle", "export", "--out", str(pkg), "--db", str(secretariat["db"])]) == 0
    assert "full package" in capsys.readouterr().out
    use_device("dev-new", "Nuovo")
    assert main(["bundle", "import", str(pkg), "--no-encryption", "--db", str(tmp_path / "nuovo.sqlite")]) == 0
    out = capsys.readouterr().out
    assert "from “Segreteria” (full package)" in out and "notes: 1 new, 0 updated" in out


def test_a_bad_package_exits_2_and_writes_nothing(secretariat, tmp_path, capsys):
    bad = tmp_path / "rotto.assemblea"
    bad.write_text("ciao")
    before = file_bytes(secretariat["db"])
    assert main(["bundle", "import", str(bad), "--db", str(secretariat["db"])]) == 2
    err = capsys.readouterr().err
    assert "error: rotto.assemblea is not an exchange package" in err
    assert file_bytes(secretariat["db"]) == before


def test_collect_skips_bad_packages_and_exits_1(secretariat, tmp_path, capsys):
    stick = tmp_path / "chiavetta"
    assert main(["bundle", "export", "--out", str(stick / "ok.assemblea"), "--db", str(secretariat["db"])]) == 0
    (stick / "troncato.assemblea").write_bytes((stick / "ok.assemblea").read_bytes()[:300])
    capsys.readouterr()
    assert main(["bundle", "collect", str(stick), "--db", str(tmp_path / "copia.sqlite")]) == 2  # no such file
    assert "no assembly file" in capsys.readouterr().err
    other = tmp_path / "altro.sqlite"
    use_device("dev-x", "x")
    Store(other).close()
    assert main(["bundle", "collect", str(stick), "--db", str(other)]) == 1
    captured = capsys.readouterr()
    assert "skipped troncato.assemblea: troncato.assemblea is damaged or incomplete" in captured.err
    assert "ok.assemblea: from “Segreteria”" in captured.out


def test_prepare_an_unknown_plenary_exits_2(secretariat, tmp_path, capsys):
    assert main(["bundle", "prepare", "9", "--out-dir", str(tmp_path / "x"), "--db", str(secretariat["db"])]) == 2
    assert "No plenary 9" in capsys.readouterr().err
