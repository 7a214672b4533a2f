"""A confirmed check-in survives kill -9 right after: drive a separate process, kill it, reopen."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from facilitator_app.core.plenaries.plenaries import create_plenary, sessions_of
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store

WORKER = Path(__file__).with_name("checkin_worker.py")
ROUNDS = 6


@pytest.mark.slow
def test_confirmed_check_ins_survive_sigkill(tmp_path):
    db = tmp_path / "kill.sqlite"
    with Store(db, Device("setup", "setup")) as store:
        pid = create_plenary(store, 1, "2024-05-11", "Parco Nord")
        session_id = sessions_of(store, pid)[0]["id"]
        with store.transaction():
            store.insert_many("members", [{"surname": f"Rossi{i:05d}", "first_name": "Anna", "status": "active"}
                                          for i in range(20_000)])
    rng = random.Random(3)
    confirmed: list[str] = []
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for round_ in range(ROUNDS):
        proc = subprocess.Popen([sys.executable, str(WORKER), str(db), session_id], stdout=subprocess.PIPE,
                                text=True, env=env)
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")), daemon=True)
        reader.start()
        deadline = time.monotonic() + 20
        while "ready\n" not in lines and time.monotonic() < deadline:
            time.sleep(0.005)
        assert "ready\n" in lines, f"worker did not start (round {round_})"
        # Kill at a random moment in the middle of the check-ins: once the first is confirmed (on a
        # loaded machine the first one can take longer than the random pause itself).
        deadline = time.monotonic() + 20
        while not any(ln.startswith("confirmed ") for ln in lines) and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        reader.join(5)
        got = [ln.split()[1] for ln in lines if ln.startswith("confirmed ")]
        assert got, f"no check-in confirmed before the kill (round {round_})"
        confirmed += got
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            present = {r[0] for r in conn.execute(
                "SELECT member_id FROM attendance WHERE session_id = ? AND status = 'present' AND deleted = 0",
                (session_id,))}
        finally:
            conn.close()
        missing = [m for m in confirmed if m not in present]
        assert not missing, f"round {round_}: {len(missing)} confirmed check-ins lost"
    with Store(db, Device("after", "after")) as store:  # the app opens it normally afterwards
        rows = store.select("attendance", "session_id = ?", (session_id,))
        assert len(rows) == len({r["member_id"] for r in rows}) >= len(set(confirmed))
