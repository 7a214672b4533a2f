"""`facilitator-app sync FOLDER [--once] [--interval S]`: the loop headless."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitator_app.cli import main
from facilitator_app.core.store.device import Device
from facilitator_app.core.exchange.packages import export_package, import_packages
from facilitator_app.core.store.lock import FileLock
from facilitator_app.core.store.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def two_files(tmp_path):
    """The secretariat's file and an entrance laptop's, prepared from it."""
    sec = tmp_path / "segreteria.sqlite"
    ent = tmp_path / "ingresso.sqlite"
    with Store(sec, Device("devsec", "Segreteria")) as s:
        s.ensure_assembly("Assemblea")
        with s.transaction():
            pid = s.insert("plenaries", {"number": 3, "date": "2026-12-03"})
            s.insert("sessions", {"plenary_id": pid, "name": "Mattina"})
            for i in range(3):
                s.insert("members", {"surname": f"Bianchi{i}", "first_name": "Luca"})
        export_package(s, tmp_path / "base.assemblea")
    with Store(ent, Device("devent", "Ingresso")) as e:
        import_packages(e, [tmp_path / "base.assemblea"])
    folder = tmp_path / "cartella"
    folder.mkdir()
    return sec, ent, folder


def _as(device_id, name):
    Device(device_id, name).save()


def test_once_imports_and_writes_and_reports(two_files, capsys):
    sec, ent, folder = two_files
    _as("devent", "Ingresso")
    with Store(ent, Device("devent", "Ingresso")) as e:
        with e.transaction():
            e.insert("themes", {"name": "Mobilità"})
    assert main(["sync", str(folder), "--once", "--json", "--db", str(ent)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["written"]["file"].startswith("devent-000001") and out["problem"] is None
    _as("devsec", "Segreteria")
    assert main(["sync", str(folder), "--once", "--json", "--db", str(sec)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [a["source_name"] for a in out["arrived"]] == ["Ingresso"]
    assert out["new_changes"] >= 1
    assert out["peers"][0]["name"] == "Ingresso"
    with Store(sec, Device("devsec", "Segreteria")) as s:
        assert [t["name"] for t in s.select("themes")] == ["Mobilità"]
    # The folder given on the command line is not saved as the laptop's setting.
    with Store(sec, Device("devsec", "Segreteria")) as s:
        assert s.local("sync.folder:devsec") is None
    assert main(["sync", str(folder), "--once", "--db", str(sec)]) == 0
    assert "Ingresso" in capsys.readouterr().out


def test_once_exit_1_when_a_file_is_set_aside(two_files, capsys):
    sec, _, folder = two_files
    junk = folder / "strano.assemblea"
    junk.write_bytes(b"garbage" * 10)
    t = time.time() - 3600
    os.utime(junk, (t, t))
    _as("devsec", "Segreteria")
    assert main(["sync", str(folder), "--once", "--db", str(sec)]) == 0     # first sight: maybe arriving
    assert "still arriving: strano.assemblea" in capsys.readouterr().out
    with Store(sec, Device("devsec", "Segreteria")) as s:      # ... and a minute later, still the same
        s.conn.execute("UPDATE sync_files SET bad_since = bad_since - 60")
    assert main(["sync", str(folder), "--once", "--db", str(sec)]) == 1
    out = capsys.readouterr().out
    assert "set aside strano.assemblea" in out and "quarantine/strano.assemblea" in out
    assert (folder / "quarantine" / "strano.assemblea").exists() and not junk.exists()
    assert main(["sync", str(folder), "--once", "--db", str(sec)]) == 0     # listed, not again


def test_bad_folder_and_usage_write_nothing(two_files, tmp_path, capsys):
    sec, _, folder = two_files
    before = sec.read_bytes()
    assert main(["sync", str(tmp_path / "nowhere"), "--once", "--db", str(sec)]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert main(["sync", str(folder), "--interval", "0", "--db", str(sec)]) == 2
    assert main(["sync", str(folder), "--interval", "abc", "--db", str(sec)]) == 2
    assert main(["sync", "--once"]) == 2
    assert sec.read_bytes() == before


def test_refused_while_the_window_has_the_file_open(two_files, capsys):
    sec, _, folder = two_files
    with FileLock(sec):
        assert main(["sync", str(folder), "--once", "--db", str(sec)]) == 2
    assert "open in the app" in capsys.readouterr().err


def test_runs_until_ctrl_c_then_exits_0(two_files, tmp_path):
    sec, ent, folder = two_files
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    _as("devsec", "Segreteria")
    proc = subprocess.Popen([sys.executable, "-m", "facilitator_app", "sync", str(folder), "--interval", "0.3",
                             "--db", str(sec)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=tmp_path)
    try:
        deadline = time.time() + 30
        while time.time() < deadline and not list(folder.glob("devsec-*.assemblea")):
            time.sleep(0.1)
        assert list(folder.glob("devsec-*.assemblea")), "the loop wrote nothing"
        # Another laptop writes into the folder while it runs: the loop imports it.
        with Store(ent, Device("devent", "Ingresso")) as e:
            with e.transaction():
                e.insert("themes", {"name": "Energia"})
            from facilitator_app.core.sync import SyncLoop

            SyncLoop(e, folder, settle=0).step()
        seen = False
        while time.time() < deadline and not seen:
            time.sleep(0.2)
            with Store(sec, Device("devsec", "Segreteria")) as s:
                seen = bool(s.select("themes"))
        assert seen
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "Stopped." in out and "received" in out
