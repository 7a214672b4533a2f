"""A plenary run through a shared folder by three laptops in their own processes (two entrances
checking people in, one table adding notes) while the secretariat's desktop runs
`facilitator-app sync FOLDER`; the verbale printed from the secretariat's file has everything."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from facilitator_app.core.exchange.packages import import_packages, prepare_laptops
from facilitator_app.core.plenaries.plenaries import create_plenary
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
CET = timezone(timedelta(hours=1))
NOTES = ["Bus notturni nelle periferie", "Piste ciclabili protette sulle radiali", "Zone 30 davanti alle scuole",
         "Alberi nei cortili scolastici", "Fontanelle e ombra alle fermate", "Tetti verdi sui mercati comunali"]


def at(minutes: float) -> str:
    return (datetime(2026, 12, 3, 9, 0, tzinfo=CET) + timedelta(minutes=minutes)).isoformat()


@pytest.mark.slow
def test_three_laptops_and_the_secretariat_through_one_folder(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    sec_path = tmp_path / "segreteria.sqlite"
    sec = Store(sec_path, Device("devsegreteria", "Segreteria"))
    sec.ensure_assembly("Assemblea Permanente dei Cittadini sul Clima")
    pid = create_plenary(sec, 5, "2026-12-03", "Fabbrica del Vapore", title="Caldo in città",
                         sessions=[("Mattina", "09:00", "13:00")])
    with sec.transaction():
        gid = sec.insert("groups", {"plenary_id": pid, "name": "Mobilità", "facilitator": "Giulia"})
        mids = sec.insert_many("members", [{"surname": f"Cognome{i:02d}", "first_name": f"Nome{i:02d}",
                                            "status": "active"} for i in range(20)])
    sid = sec.select("sessions", "plenary_id = ?", (pid,))[0]["id"]
    packages = {r.purpose.get("role"): r.path for r in prepare_laptops(sec, 5, tmp_path / "preparati")}
    sec.close()
    folder = tmp_path / "cartella"
    folder.mkdir()
    # Entrance 1 checks in 0-11, entrance 2 checks in 8-15 (8-11 also came through entrance 1, later).
    plan = {
        "ingresso1": ("entrance", [("checkin", mids[i], at(i)) for i in range(12)]),
        "ingresso2": ("entrance", [("checkin", mids[i], at(i - 5)) for i in range(8, 16)]),
        "tavolo": ("group", [("note", text, "") for text in NOTES]),
    }
    expect = [16, len(NOTES)]
    procs = {}
    sec_proc = subprocess.Popen([sys.executable, "-m", "facilitator_app", "sync", str(folder), "--interval", "0.3",
                                 "--db", str(sec_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={**env, "FACILITATOR_APP_HOME": str(tmp_path / "home-sec")}, cwd=tmp_path)
    try:
        for name, (role, actions) in plan.items():
            db = tmp_path / f"{name}.sqlite"
            with Store(db, Device(f"dev{name}", name)) as lap:
                lap.ensure_assembly("nuovo file")
                import_packages(lap, [packages[role]])
            spec = {"db": str(db), "folder": str(folder), "device_id": f"dev{name}", "name": name,
                    "plenary": pid, "session": sid, "group": gid, "actions": actions, "expect": expect,
                    "timeout": 90}
            (tmp_path / f"{name}.json").write_text(json.dumps(spec))
            procs[name] = subprocess.Popen([sys.executable, str(HERE / "plenary_laptop.py"),
                                            str(tmp_path / f"{name}.json")], stderr=subprocess.PIPE, text=True,
                                           env={**env, "FACILITATOR_APP_HOME": str(tmp_path / f"home-{name}")})
        for name, p in procs.items():
            assert p.wait(timeout=120) == 0, (name, p.stderr.read())
        deadline = time.time() + 30
        while time.time() < deadline:
            with Store(sec_path, Device("devsegreteria", "Segreteria")) as s:
                if [s.scalar("SELECT count(*) FROM attendance"), s.scalar("SELECT count(*) FROM notes")] == expect:
                    break
            time.sleep(0.3)
    finally:
        sec_proc.send_signal(signal.SIGINT)
        out, err = sec_proc.communicate(timeout=30)
        for p in procs.values():
            if p.poll() is None:
                p.kill()
    assert sec_proc.returncode == 0 and "Traceback" not in err, err

    with Store(sec_path, Device("devsegreteria", "Segreteria")) as s:
        rows = {r["member_id"]: r for r in s.select("attendance", "session_id = ?", (sid,))}
        assert sorted(rows) == sorted(mids[:16])                         # each person once
        for i in range(8, 12):                                            # both entrances: the first arrival
            assert rows[mids[i]]["checked_in_at"] == at(i - 5)
        assert sorted(n["text"] for n in s.select("notes")) == sorted(NOTES)
        assert s.scalar("SELECT count(*) FROM changes") == s.scalar(
            "SELECT count(*) FROM (SELECT DISTINCT hlc, tbl, row_id FROM changes)")   # nothing merged twice
        from facilitator_app.exporters.verbale import write_verbale_pdf

        pdf = tmp_path / "verbale.pdf"
        assert write_verbale_pdf(s, pid, pdf) >= 1
        present = [s.get("members", m) for m in mids[:16]]
    # Every laptop ended with the whole room's work too.
    for name in plan:
        with Store(tmp_path / f"{name}.sqlite", Device(f"dev{name}", name)) as lap:
            assert lap.scalar("SELECT count(*) FROM attendance") == 16
            assert sorted(n["text"] for n in lap.select("notes")) == sorted(NOTES)
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed: the verbale's text cannot be read back")
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    for note in NOTES:
        assert note in text, note
    for m in present:
        assert m["surname"] in text, m["surname"]
    assert "Hanno partecipato ad almeno una sessione 16 membri" in text     # both entrances, counted once
