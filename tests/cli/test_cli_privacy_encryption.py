"""`encrypt`, `passphrase change` and the passphrase of every subcommand (file, environment, never argv)."""

from __future__ import annotations

import json
import pytest

from facilitator_app.cli import main
from facilitator_app.core.privacy import cipher
from facilitator_app.core.store.store import Store

PASS = "una frase lunga e segreta"


@pytest.fixture
def plain_demo(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db)]) == 0  # the demo stays plain: the README needs no passphrase
    capsys.readouterr()
    assert cipher.file_kind(db) == "plain"
    return db


@pytest.fixture
def secret(tmp_path):
    f = tmp_path / "frase.txt"
    f.write_text(PASS + "\n", encoding="utf-8")
    return f


@pytest.fixture
def encrypted(tmp_path, plain_demo, secret, capsys):
    out = tmp_path / "cifrato.sqlite"
    assert main(["encrypt", "--db", str(plain_demo), "--out", str(out), "--passphrase-file", str(secret)]) == 0
    text = capsys.readouterr().out
    assert "verified" in text and "removed" in text
    assert not plain_demo.exists() and cipher.file_kind(out) == "encrypted"
    return out


def test_encrypt_then_every_subcommand_opens_with_the_passphrase_file(encrypted, secret, capsys):
    assert main(["roster", "list", "--db", str(encrypted), "--passphrase-file", str(secret), "--json"]) == 0
    members = json.loads(capsys.readouterr().out)
    assert len(members) > 100
    # the option is also accepted before the subcommand
    assert main(["--db", str(encrypted), "--passphrase-file", str(secret), "plenary", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)


def test_the_environment_variable(encrypted, monkeypatch, capsys):
    monkeypatch.setenv(cipher.ENV_PASSPHRASE, PASS)
    assert main(["plenary", "list", "--db", str(encrypted)]) == 0
    capsys.readouterr()


def test_no_or_wrong_passphrase_exits_2_with_a_sentence(encrypted, tmp_path, capsys):
    before = encrypted.read_bytes()
    assert main(["plenary", "list", "--db", str(encrypted)]) == 2
    err = capsys.readouterr().err
    assert "is encrypted" in err and "--passphrase-file" in err and "Traceback" not in err
    wrong = tmp_path / "sbagliata.txt"
    wrong.write_text("non è questa\n", encoding="utf-8")
    assert main(["plenary", "list", "--db", str(encrypted), "--passphrase-file", str(wrong)]) == 2
    err = capsys.readouterr().err
    assert "passphrase is wrong" in err and "not changed" in err
    assert main(["plenary", "list", "--db", str(encrypted), "--passphrase-file", str(tmp_path / "manca.txt")]) == 2
    assert "cannot read the passphrase file" in capsys.readouterr().err
    empty = tmp_path / "vuota.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["plenary", "list", "--db", str(encrypted), "--passphrase-file", str(empty)]) == 2
    assert "is empty" in capsys.readouterr().err
    assert encrypted.read_bytes() == before


def test_a_new_file_is_encrypted_unless_opted_out(tmp_path, secret, capsys):
    new = tmp_path / "nuova.sqlite"
    args = ["plenary", "create", "--number", "1", "--date", "2025-01-18", "--venue", "BASE", "--db", str(new)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "new files are encrypted" in err and "--no-encryption" in err and not new.exists()
    assert main([*args, "--passphrase-file", str(secret)]) == 0
    assert cipher.file_kind(new) == "encrypted"
    plain = tmp_path / "in-chiaro.sqlite"
    assert main([*args[:-1], str(plain), "--no-encryption"]) == 0
    assert cipher.file_kind(plain) == "plain"
    short = tmp_path / "corta.txt"
    short.write_text("corta\n", encoding="utf-8")
    assert main([*args[:-1], str(tmp_path / "c.sqlite"), "--passphrase-file", str(short)]) == 2
    assert "at least 8" in capsys.readouterr().err


def test_passphrase_change(encrypted, secret, tmp_path, monkeypatch, capsys):
    new = tmp_path / "nuova.txt"
    new.write_text("la nuova frase segreta\n", encoding="utf-8")
    base = ["--db", str(encrypted), "--passphrase-file", str(secret)]
    assert main(["passphrase", "change", *base]) == 2  # no new passphrase given
    assert main(["passphrase", "change", *base, "--new-passphrase-file", str(new)]) == 0
    capsys.readouterr()
    assert main(["plenary", "list", *base]) == 2
    with Store(encrypted, passphrase="la nuova frase segreta") as s:
        assert s.scalar("SELECT count(*) FROM members") > 100
    monkeypatch.setenv("FACILITATOR_APP_NEW_PASSPHRASE", "e ancora un'altra frase")
    assert main(["passphrase", "change", "--db", str(encrypted), "--passphrase-file", str(new)]) == 0
    with Store(encrypted, passphrase="e ancora un'altra frase") as s:
        assert s.scalar("PRAGMA integrity_check") == "ok"


def test_encrypt_refusals(plain_demo, encrypted, secret, tmp_path, capsys):
    # the encrypted file as source, an existing target, no passphrase at all
    assert main(["encrypt", "--db", str(encrypted), "--out", str(tmp_path / "x.sqlite"),
                 "--passphrase-file", str(secret)]) == 2
    assert "already encrypted" in capsys.readouterr().err
    other = tmp_path / "altro.sqlite"
    Store(other).close()
    assert main(["encrypt", "--db", str(other), "--out", str(encrypted), "--passphrase-file", str(secret)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["encrypt", "--db", str(other), "--out", str(tmp_path / "y.sqlite")]) == 2
    assert "--passphrase-file" in capsys.readouterr().err
    assert other.exists()


def test_the_passphrase_is_not_an_argument(tmp_path, capsys):
    """No option takes the secret itself: it never shows in `ps`."""
    from facilitator_app.cli import build_parser

    assert main(["plenary", "list", "--help"]) == 0
    assert "--passphrase-file FILE" in capsys.readouterr().out
    for action in build_parser()._actions:
        assert not any(o in ("--passphrase", "--key", "--password") for o in action.option_strings)
