import subprocess
import sys

import pytest

from facilitator_app.core.store.lock import AlreadyOpenError, FileLock


def test_second_lock_on_same_file_is_refused(tmp_path):
    db = tmp_path / "a.sqlite"
    with FileLock(db):
        code = f"from facilitator_app.core.store.lock import FileLock; FileLock({str(db)!r}).acquire()"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert out.returncode != 0 and "AlreadyOpenError" in out.stderr
    # released: a new holder gets it
    lock = FileLock(db)
    lock.acquire()
    lock.release()


def test_lock_in_same_process_second_holder(tmp_path):
    db = tmp_path / "b.sqlite"
    first = FileLock(db)
    first.acquire()
    try:
        with pytest.raises(AlreadyOpenError):
            FileLock(db).acquire()
    finally:
        first.release()
