"""One laptop of the end-to-end plenary, in its own process: does its part of the day while
its sync loop runs, then keeps syncing until it has everyone's work (or time runs out).

    python plenary_laptop.py SPEC.json
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime

from facilitator_app.core.attendance.checkin import check_in
from facilitator_app.core.notes.notes import add_note
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store
from facilitator_app.core.sync.loop import SyncLoop


def main(spec_path: str) -> int:
    spec = json.loads(open(spec_path, encoding="utf-8").read())
    store = Store(spec["db"], Device(spec["device_id"], spec["name"]))
    loop = SyncLoop(store, spec["folder"], settle=2.0)
    actions = list(spec["actions"])
    deadline = time.time() + spec["timeout"]
    next_step = 0.0
    while time.time() < deadline:
        if actions:
            kind, arg, at = actions.pop(0)
            if kind == "checkin":
                check_in(store, spec["session"], member_id=arg, at=datetime.fromisoformat(at))
            else:
                add_note(store, spec["plenary"], spec["group"], arg)
            time.sleep(0.05)
        if time.time() >= next_step:
            report = loop.step()
            if report.status.problem:
                print(report.status.problem, report.status.detail, file=sys.stderr)
            next_step = time.time() + 0.3
        if not actions:
            have = (store.scalar("SELECT count(*) FROM attendance WHERE deleted = 0"),
                    store.scalar("SELECT count(*) FROM notes WHERE deleted = 0"))
            if list(have) == spec["expect"]:
                loop.step()        # one more round, so the others see this laptop's last package
                break
            time.sleep(0.05)
    else:
        print("timed out", file=sys.stderr)
        return 1
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
