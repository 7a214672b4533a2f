"""A command line that never shows a traceback: exit codes 0/1/2/3, `| head`, arguments that are not text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator_app.cli import log_path, main
from facilitator_app.cli import roster as roster_cli

ROOT = Path(__file__).resolve().parents[2]


def run(args: list, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "facilitator_app", *args], capture_output=True, env=env, **kw)


def test_an_unexpected_error_is_one_line_exit_3_and_logged(tmp_path, capsys, monkeypatch):
    def boom(args):
        raise ZeroDivisionError("division by zero in the middle of a command")
    monkeypatch.setattr(roster_cli, "cmd_list", boom)
    db = tmp_path / "a.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["roster", "list", "--db", str(db)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: unexpected error (ZeroDivisionError")
    assert "Traceback" not in err and str(log_path()) in err
    assert "Traceback" in log_path().read_text() and "boom" in log_path().read_text()
    assert main(["roster", "list", "--db", str(db), "--debug"]) == 3
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "boom" in err


def test_a_core_refusal_the_command_did_not_word_is_exit_2(tmp_path, capsys, monkeypatch):
    from facilitator_app.core.errors import CoreError

    def refuse(args):
        raise CoreError("that is not possible")
    monkeypatch.setattr(roster_cli, "cmd_list", refuse)
    assert main(["roster", "list", "--db", str(tmp_path / "x.sqlite")]) == 2
    assert capsys.readouterr().err == "error: that is not possible\n"


def test_output_piped_into_head_ends_quietly(tmp_path):
    db = tmp_path / "a.sqlite"
    assert run(["demo", "--db", str(db)]).returncode == 0
    for args in (["roster", "list"], ["roster", "list", "--json"]):
        p = subprocess.Popen([sys.executable, "-m", "facilitator_app", *args, "--db", str(db)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
        first = p.stdout.readline()
        p.stdout.close()  # what `head -1` does
        err = p.stderr.read()
        assert p.wait() == 0 and first
        assert b"Traceback" not in err and b"BrokenPipe" not in err, err


@pytest.mark.parametrize("bad", [b"\xff\xfe", b"caf\xe9", b"ok\x80"])
def test_an_argument_that_is_not_valid_utf8_is_refused_with_exit_2(tmp_path, bad):
    db = tmp_path / "a.sqlite"
    assert run(["demo", "--db", str(db)]).returncode == 0
    before = db.read_bytes()
    p = run([b"notes", b"add", bad, b"--db", os.fsencode(db)])
    assert p.returncode == 2, p.stderr
    assert b"not valid text" in p.stderr and b"Traceback" not in p.stderr
    assert db.read_bytes() == before


def test_usage_errors_exit_2_and_help_0(capsys):
    assert main(["roster", "frobnicate"]) == 2
    assert main(["--help"]) == 0
    assert "3 unexpected error" in capsys.readouterr().out
