"""The sortition library imported by several threads at once (the Sorteggio page's prefetch and a
quota check): one thread at a time, so none finds it half initialised."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_threads_importing_the_library_at_once_all_get_it():
    script = textwrap.dedent("""
        import threading
        from facilitator_app.core.members.targets import default_targets
        from facilitator_app.core.selection import library
        from facilitator_app.core.selection.engine import check
        from facilitator_app.core.selection.model import FIELDS, quotas_from_targets
        from facilitator_app.core.selection.synthetic import synthetic_pool

        pool = synthetic_pool(60, seed=1)
        q = quotas_from_targets(default_targets(), 10, FIELDS)
        errors, go = [], threading.Barrier(6)

        def run(job):
            go.wait()
            try:
                job()
            except Exception as exc:
                errors.append(repr(exc))

        jobs = [library.load] * 3 + [lambda: check(pool, q, [])] * 3
        threads = [threading.Thread(target=run, args=(j,)) for j in jobs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print("ERRORS", errors)
        assert not errors
    """)
    for _ in range(3):   # a fresh process each time: the library is imported once per process
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
