"""Encrypted assembly files through one sync folder: laptops with the same passphrase keep each
other current with sealed packages; a laptop with another passphrase, or a plain one, in the same
folder is listed and left alone (its packages stay where they are, nobody merges or moves them),
and nothing fights or crashes."""

from __future__ import annotations

import os
import time

from facilitator_app.core.attendance import check_in
from facilitator_app.core.exchange.packages import export_package, import_packages
from facilitator_app.core.notes import add_note
from facilitator_app.core.privacy import sealed
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store
from facilitator_app.core.sync.inbox import set_aside_list

from sync_sim import base_assembly, content, loop, packages

PASS, OTHER = "frase della segreteria", "un'altra frase segreta"


def _laptop(tmp, name, passphrase):
    store = Store(tmp / f"{name}.sqlite", Device(f"dev{name.lower()}", name), passphrase=passphrase)
    store.conn.execute("PRAGMA synchronous = OFF")  # tests only
    return store


def _room(tmp):
    """Secretariat (encrypted) and a second laptop with the same passphrase prepared from its package;
    a laptop encrypted with another passphrase and a plain one, each with its own assembly made from
    a package of the same assembly as far as its key allows (the plain one from a plain export)."""
    a = _laptop(tmp, "Segreteria", PASS)
    facts = base_assembly(a)
    pkg = tmp / "base.assemblea"
    export_package(a, pkg)
    b = _laptop(tmp, "Ingresso", PASS)
    import_packages(b, [pkg])
    c = _laptop(tmp, "Estranea", OTHER)       # another key: cannot read a's package, starts its own assembly
    base_assembly(c)
    d = _laptop(tmp, "Chiaro", None)          # a plain file
    base_assembly(d)
    pkg.unlink()
    folder = tmp / "cartella"
    folder.mkdir()
    return (a, b, c, d), facts, folder


def _aged(folder, seconds=120):
    """Every file in the folder looks settled (unchanged for `seconds`)."""
    t = time.time() - seconds
    for p in folder.iterdir():
        if p.is_file():
            os.utime(p, (t, t))


def test_two_encrypted_laptops_sync_and_the_others_are_listed_and_left(tmp_path):
    (a, b, c, d), facts, folder = _room(tmp_path)
    loops = [loop(s, folder, settle=0.0) for s in (a, b, c, d)]
    check_in(a, facts["session"], member_id=facts["members"][0])
    add_note(b, facts["plenary"], facts["group"], "Più alberi nei cortili delle scuole")
    add_note(c, c.select("plenaries")[0]["id"], c.select("groups")[0]["id"], "Nota di un'altra chiave")
    add_note(d, d.select("plenaries")[0]["id"], d.select("groups")[0]["id"], "Nota in chiaro")
    reports = []
    for _ in range(4):
        for lp in loops:
            reports.append(lp.step())
        _aged(folder)
    assert all(r.status.problem is None for r in reports)
    # The two with the same passphrase have each other's work, and nothing of the others.
    assert content(a) == content(b)
    texts = {n["text"] for n in a.select("notes")}
    assert texts == {"Più alberi nei cortili delle scuole"}
    assert a.scalar("SELECT count(*) FROM attendance") == b.scalar("SELECT count(*) FROM attendance") == 1
    assert {n["text"] for n in c.select("notes")} == {"Nota di un'altra chiave"}
    assert {n["text"] for n in d.select("notes")} == {"Nota in chiaro"}
    # Sealed: the members' names and the notes never in clear in the folder.
    for name in packages(folder):
        raw = (folder / name).read_bytes()
        if name.startswith(("devsegreteria", "devingresso", "devestranea")):
            assert sealed.is_sealed(raw), name
            for secret in (b"Rossi", b"alberi", b"changes.jsonl"):
                assert secret not in raw, name
        else:
            assert raw.startswith(b"PK"), name
    # Nobody moved anybody's package: each laptop's packages are all still in the folder, none in quarantine.
    assert not (folder / "quarantine").exists() or not any((folder / "quarantine").iterdir())
    names = packages(folder)
    for dev in ("devsegreteria", "devingresso", "devestranea", "devchiaro"):
        assert any(n.startswith(dev + "-") for n in names), dev
    # Listed, once each, as another key's (or not encrypted alike) — on every laptop that cannot read them.
    for store, unreadable in ((a, ("devestranea", "devchiaro")), (b, ("devestranea", "devchiaro")),
                              (c, ("devsegreteria", "devingresso", "devchiaro")),
                              (d, ("devsegreteria", "devingresso", "devestranea"))):
        listed = set_aside_list(store)
        assert {x.kind for x in listed} == {"other_key"}, [(x.file, x.kind) for x in listed]
        files = [x.file for x in listed]
        assert len(files) == len(set(files))
        assert {f.split("-")[0] for f in files} == set(unreadable)
        assert all(x.moved_to is None for x in listed)


def test_no_fight_the_folder_settles(tmp_path):
    """Nobody rewrites, moves or re-lists anything once every laptop has seen the folder."""
    (a, b, c, d), facts, folder = _room(tmp_path)
    loops = [loop(s, folder, settle=0.0) for s in (a, b, c, d)]
    check_in(a, facts["session"], member_id=facts["members"][1])
    for _ in range(3):
        for lp in loops:
            lp.step()
        _aged(folder)
    before = {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()
              if p.is_file() and p.name.endswith(".assemblea")}
    listed = {id(s): len(set_aside_list(s)) for s in (a, b, c, d)}
    for _ in range(3):
        for lp in loops:
            report = lp.step()
            assert report.written is None and report.arrived == [] and report.status.problem is None
        _aged(folder)
    after = {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()
             if p.is_file() and p.name.endswith(".assemblea")}
    assert set(after) == set(before)
    assert {id(s): len(set_aside_list(s)) for s in (a, b, c, d)} == listed


def test_a_blank_encrypted_laptop_with_the_passphrase_joins_through_the_folder(tmp_path):
    (a, b, c, d), facts, folder = _room(tmp_path)
    for lp in (loop(a, folder), loop(c, folder), loop(d, folder)):
        lp.step()
    new = _laptop(tmp_path, "Tavolo", PASS)      # a new laptop: blank encrypted file, the passphrase given
    report = loop(new, folder).step()
    assert report.status.problem is None and report.arrived
    assert new.assembly()["id"] == a.assembly()["id"]
    mine, theirs = content(new), content(a)
    assert set(mine.pop("devices")) == {"devtavolo", "devsegreteria"}
    theirs.pop("devices")
    assert mine == theirs and mine["members"]
