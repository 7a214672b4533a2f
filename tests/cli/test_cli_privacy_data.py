"""`member erase`, `retention`, `audit list`, `backup list|restore|create`, and the raw-bytes check:
no member's name or phone in the assembly file, any package or any backup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator_app.cli import main
from facilitator_app.core.privacy import cipher
from facilitator_app.core.privacy.backups import backup_dir
from facilitator_app.core.store.store import Store

PASS = "frase segreta della segreteria"


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def encrypted(tmp_path, capsys):
    plain, enc = tmp_path / "demo.sqlite", tmp_path / "assemblea.sqlite"
    secret = tmp_path / "frase.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    assert main(["demo", "--db", str(plain)]) == 0
    assert main(["encrypt", "--db", str(plain), "--out", str(enc), "--passphrase-file", str(secret)]) == 0
    capsys.readouterr()
    return enc, secret


def a_member(db: Path, passphrase: str | None) -> dict:
    with Store(db, passphrase=passphrase) as s:
        return s.select("members", "phone IS NOT NULL AND status = 'active'", order_by="surname")[0]


def every_file(tmp_path: Path, db: Path) -> list[Path]:
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix in (".assemblea", ".sqlite")
             or p.name.endswith(("-wal", "-shm"))]
    files += [p for p in backup_dir(db).glob("*") if p.is_file()]
    return files


def leaks(files: list[Path], *words: str) -> list[tuple[str, str]]:
    found = []
    for f in files:
        data = f.read_bytes()
        for w in words:
            if w.encode() in data:
                found.append((f.name, w))
    return found


def test_nothing_readable_anywhere_in_an_encrypted_assembly(encrypted, tmp_path, capsys):
    db, secret = encrypted
    m = a_member(db, PASS)
    base = ["--db", str(db), "--passphrase-file", str(secret)]
    assert main(["bundle", "prepare", "6", "--out-dir", str(tmp_path / "portatili"), "--include",
                 "contact,birth_date,notes,former", *base]) == 0
    assert main(["bundle", "export", "--out", str(tmp_path / "tutto.assemblea"), *base]) == 0
    assert main(["backup", "create", *base]) == 0
    capsys.readouterr()
    files = every_file(tmp_path, db)
    assert any(f.suffix == ".assemblea" for f in files) and any(backup_dir(db) in f.parents for f in files)
    assert leaks(files, m["surname"], m["phone"], m["first_name"] + " " + m["surname"]) == []


def test_erase_then_nothing_of_the_member_anywhere_even_in_plain_files(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db)]) == 0       # plain: the bytes are readable, the test can see
    m = a_member(db, None)
    assert main(["backup", "create", "--db", str(db)]) == 0
    assert main(["bundle", "export", "--out", str(tmp_path / "prima.assemblea"), "--db", str(db)]) == 0
    capsys.readouterr()
    assert leaks([db], m["phone"]) and leaks(list(backup_dir(db).glob("*")), m["phone"])
    code, _, err = run(capsys, "member", "erase", m["id"], "--db", str(db))   # no --yes, no terminal
    assert code == 2 and "--yes" in err
    code, out, _ = run(capsys, "member", "erase", m["id"], "--yes", "--json", "--db", str(db))
    report = json.loads(out)
    assert code == 0 and "phone" in report["fields"] and report["backups_removed"] == 1
    (tmp_path / "prima.assemblea").unlink()           # made before the erasure: the person's copy to destroy
    assert main(["bundle", "prepare", "6", "--out-dir", str(tmp_path / "dopo"), "--include",
                 "contact,birth_date,notes,profile,former", "--db", str(db)]) == 0
    assert main(["bundle", "export", "--out", str(tmp_path / "dopo.assemblea"), "--db", str(db)]) == 0
    capsys.readouterr()
    files = every_file(tmp_path, db)
    assert len(files) >= 4
    assert leaks(files, m["surname"], m["phone"]) == []
    with Store(db) as s:
        assert s.get("members", m["id"], include_deleted=True)["surname"] == "—"
    code, _, err = run(capsys, "member", "erase", "nessuno", "--yes", "--db", str(db))
    assert code == 2 and "no member" in err


def test_retention_list_and_apply(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "retention", "list", "--months", "0", "--json", "--db", str(db))
    due = json.loads(out)
    assert code == 0 and len(due) >= 90 and {"id", "surname", "term_end", "keep_until"} <= set(due[0])
    code, out, _ = run(capsys, "retention", "list", "--months", "1200", "--db", str(db))
    assert code == 0 and "0 former members past 1200 months" in out
    with Store(db) as s:
        people = [s.get("members", d["id"]) for d in due]
    code, out, _ = run(capsys, "retention", "apply", "--months", "0", "--json", "--db", str(db))
    applied = json.loads(out)
    assert code == 0 and len(applied) == len(due) and all(r["changes_rewritten"] >= 1 for r in applied)
    raw = b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*"))
    for m in people:
        for value in (m["phone"], m["email"]):
            assert not value or value.encode() not in raw
    # surnames are not unique (the demo's pool has other people of the same name): the log is read by row
    with Store(db) as s:
        for m in people:
            for (data,) in s.conn.execute("SELECT data FROM changes WHERE tbl = 'members' AND row_id = ?",
                                          (m["id"],)):
                assert m["surname"] not in data and (not m["first_name"] or m["first_name"] not in data)
    assert run(capsys, "retention", "list", "--months", "0", "--db", str(db))[1].startswith("id")
    code, out, err = run(capsys, "retention", "list", "--months", "-1", "--db", str(db))
    assert code == 2 and "negative" in err


def test_audit_list_records_exports_and_packages(encrypted, tmp_path, capsys):
    db, secret = encrypted
    base = ["--db", str(db), "--passphrase-file", str(secret)]
    assert main(["export", "verbale", "6", "--pdf", str(tmp_path / "verbale.pdf"), *base]) == 0
    assert main(["export", "badges", "6", "--pdf", str(tmp_path / "badge.pdf"), *base]) == 0
    assert main(["bundle", "prepare", "6", "--out-dir", str(tmp_path / "p"), *base]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "audit", "list", "--json", "--csv", str(tmp_path / "audit.csv"), *base)
    rows = json.loads(out)
    assert code == 0 and set(rows[0]) == {"id", "at", "device_name", "action", "what", "target", "details"}
    whats = [r["what"] for r in rows]
    assert "verbale (internal) of plenary 6" in whats and any(w.startswith("badges") for w in whats)
    assert sum(r["action"] == "package" for r in rows) == 9   # the entrance and 8 tables
    assert any(r["target"] == str(tmp_path / "verbale.pdf") for r in rows)
    assert all(r["device_name"] for r in rows)
    csv = (tmp_path / "audit.csv").read_text(encoding="utf-8-sig")
    assert csv.splitlines()[0] == "id,at,device_name,action,what,target,details" and "verbale" in csv
    code, out, _ = run(capsys, "audit", "list", *base)
    assert "audit log (CSV)" in out   # exporting the log is itself recorded


def test_the_audit_log_is_append_only(encrypted):
    import sqlcipher3

    db, _ = encrypted
    with Store(db, passphrase=PASS) as s:
        from facilitator_app.core.privacy.audit import record

        rid = record(s, "export", "prova", "/tmp/x.pdf")
        for sql in ("DELETE FROM audit_log", "UPDATE audit_log SET what = 'altro'"):
            with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
                s.conn.execute(sql)
        assert s.get("audit_log", rid)["what"] == "prova"


def test_backup_list_restore(encrypted, tmp_path, capsys):
    db, secret = encrypted
    base = ["--db", str(db), "--passphrase-file", str(secret)]
    assert main(["backup", "create", *base]) == 0
    with Store(db, passphrase=PASS) as s, s.transaction():
        s.insert("themes", {"name": "Dopo il backup"})
    assert main(["backup", "create", *base]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "backup", "list", "--json", *base)
    backups = json.loads(out)
    assert code == 0 and len(backups) == 2 and all(b["encrypted"] for b in backups)
    assert backups[0]["made_at"] >= backups[1]["made_at"]
    out_file = tmp_path / "ripristinato.sqlite"
    code, out, _ = run(capsys, "backup", "restore", backups[1]["file"], "--out", str(out_file), "--json", *base)
    result = json.loads(out)
    assert code == 0 and result["rows"] > 1000 and cipher.file_kind(out_file) == "encrypted"
    with Store(out_file, passphrase=PASS) as r, Store(db, passphrase=PASS) as s:
        assert r.scalar("PRAGMA integrity_check") == "ok"
        assert r.scalar("SELECT count(*) FROM members") == s.scalar("SELECT count(*) FROM members")
        assert not r.select("themes", "name = 'Dopo il backup'")   # the older one
    # refusals: the target exists, an unknown backup, a wrong passphrase
    assert run(capsys, "backup", "restore", backups[0]["file"], "--out", str(out_file), *base)[0] == 2
    assert run(capsys, "backup", "restore", "nessuno.sqlite", "--out", str(tmp_path / "x.sqlite"), *base)[0] == 2
    wrong = tmp_path / "sbagliata.txt"
    wrong.write_text("non è la frase\n", encoding="utf-8")
    code, _, err = run(capsys, "backup", "restore", backups[0]["file"], "--out", str(tmp_path / "y.sqlite"),
                       "--db", str(db), "--passphrase-file", str(wrong))
    assert code == 2 and "wrong passphrase" in err and not (tmp_path / "y.sqlite").exists()


def test_backups_rotate(tmp_path, capsys):
    from facilitator_app.core.privacy.backups import list_backups, make_backup

    db = tmp_path / "a.sqlite"
    with Store(db) as s:
        s.ensure_assembly("A")
        for _ in range(5):
            make_backup(s, keep=3)
        assert len(list_backups(db)) == 3
