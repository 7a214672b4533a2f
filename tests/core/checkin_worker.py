"""Helper process for test_checkin_kill: checks members in, one commit each, and says so.

    python checkin_worker.py DB SESSION_ID

Prints "confirmed <member_id>" (flushed) right after each check-in has returned, i.e.
after its transaction committed: exactly what the entrance screen would confirm.
"""

import os
import sys

from facilitator_app.core.attendance.checkin import check_in
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store


def main(db: str, session_id: str) -> None:
    store = Store(db, Device("kill-test", "kill test"), passphrase=os.environ.get("FACILITATOR_APP_PASSPHRASE"))
    done = {r[0] for r in store.conn.execute(
        "SELECT member_id FROM attendance WHERE session_id = ? AND deleted = 0", (session_id,))}
    todo = [r[0] for r in store.conn.execute("SELECT id FROM members ORDER BY rowid") if r[0] not in done]
    print("ready", flush=True)
    for member_id in todo:
        check_in(store, session_id, member_id=member_id)
        sys.stdout.write(f"confirmed {member_id}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
