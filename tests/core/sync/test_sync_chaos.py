"""Whatever a sync tool does on the way (order, delays, half copies, duplicates, conflict copies),
once the folders agree again every laptop has every change, and none twice."""

from __future__ import annotations

import os
import random
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator_app.core.attendance import check_in
from facilitator_app.core.notes import add_note

from sync_sim import content, laptops, loop


def _files(folder):
    return {p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}


def _deliver(rng, src, dst, name):
    data = (src / name).read_bytes()
    what = rng.random()
    if what < 0.2:
        (dst / name).write_bytes(data[: rng.randrange(len(data))])      # half a copy, under its name
    elif what < 0.3 and name.endswith(".assemblea"):
        stem = name.removesuffix(".assemblea")
        (dst / f"{stem}.sync-conflict-2026{rng.randrange(10**6):06d}-X.assemblea").write_bytes(data)
        (dst / name).write_bytes(data)
    elif what < 0.4 and name.endswith(".assemblea"):
        (dst / f"{name.removesuffix('.assemblea')} (1).assemblea").write_bytes(data)
    else:
        tmp = dst / f".syncthing.{name}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, dst / name)


def _sync(rng, folders, owners, full=False):
    """One pass of the tool: each laptop's new files to the others, some of them, some badly."""
    for i, src in enumerate(folders):
        for name in _files(src):
            owner = owners.setdefault(name, i)
            if owner != i:
                continue
            for j, dst in enumerate(folders):
                if j == i:
                    continue
                if full:
                    shutil.copy(src / name, dst / name)
                elif rng.random() < 0.5:
                    _deliver(rng, src, dst, name)
    # Deletions by a file's owner (compaction) reach the others.
    for name, owner in list(owners.items()):
        if not (folders[owner] / name).exists():
            for dst in folders:
                (dst / name).unlink(missing_ok=True)
            del owners[name]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), edits=st.lists(st.integers(0, 2), min_size=3, max_size=14))
def test_laptops_converge_whatever_the_sync_tool_does(tmp_path_factory, seed, edits):
    tmp = tmp_path_factory.mktemp("chaos")
    rng = random.Random(seed)
    stores, facts = laptops(tmp, "Ingresso", "Tavolo", "Segreteria")
    folders = []
    for s in stores:
        f = tmp / f"folder-{s.device.name}"
        f.mkdir()
        folders.append(f)
    loops = [loop(s, f, settle=10_000, compact_after=3, compact_limit=6) for s, f in zip(stores, folders)]
    owners: dict[str, int] = {}
    members = iter(facts["members"] * 3)
    for n, who in enumerate(edits):
        s = stores[who]
        if who == 0:
            check_in(s, facts["session"], member_id=next(members))
        else:
            add_note(s, facts["plenary"], facts["group"], f"Nota {n} da {s.device.name}")
        for lp in rng.sample(loops, k=rng.randint(1, 3)):
            assert lp.step().status.problem is None
        _sync(rng, folders, owners)
    for _ in range(4):                      # the tool catches up; the laptops keep stepping
        _sync(rng, folders, owners, full=True)
        for lp in loops:
            assert lp.step().status.problem is None
    first = content(stores[0])
    for s in stores[1:]:
        assert content(s) == first
    notes = sum(1 for w in edits if w)
    assert len(stores[0].select("notes")) == notes
    assert stores[0].scalar("SELECT count(*) FROM attendance") == len(set(
        facts["members"][i % len(facts["members"])] for i in range(edits.count(0))))
    for s in stores:   # nothing merged twice: the log has each change once
        assert s.scalar("SELECT count(*) FROM changes") == s.scalar(
            "SELECT count(*) FROM (SELECT DISTINCT hlc, tbl, row_id FROM changes)")
