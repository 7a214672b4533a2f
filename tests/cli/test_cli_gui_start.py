"""Opening the window registers the gui subcommand alone; every other command line still works."""

from __future__ import annotations

import subprocess
import sys

import pytest

from facilitator_app.cli import MODULES, _command, main


@pytest.mark.parametrize("argv, command", [
    ([], None), (["--db", "x.sqlite"], None), (["--db=x.sqlite"], None), (["gui", "--lang", "en"], "gui"),
    (["--db", "gui"], None),  # a file called "gui" is not the subcommand
    (["--db", "a.sqlite", "roster", "list"], "roster"), (["demo", "--db", "d.sqlite"], "demo"),
])
def test_the_subcommand_is_found_past_the_db_option(argv, command):
    assert _command(argv) == command


def test_help_still_lists_every_subcommand(capsys):
    import argparse

    from facilitator_app.cli import build_parser

    full = build_parser()
    names = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction)).choices
    assert len(names) >= len(MODULES)  # every module registers at least one subcommand
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in names:
        assert name in out, name


def test_other_subcommands_work_as_before(tmp_path, capsys):
    db = tmp_path / "a.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "plenary", "list", "--json"]) == 0
    assert '"number": 8' in capsys.readouterr().out
    assert main(["nonsense"]) == 2


def test_the_window_path_imports_no_other_subcommand():
    code = ("import sys; from facilitator_app.cli import build_parser; build_parser(['gui']);"
            "print(sorted(m for m in sys.modules if m.startswith(('facilitator_app.cli.', 'facilitator_app.demo',"
            "'facilitator_app.core.groups', 'facilitator_app.exporters', 'sqlite_utils'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['facilitator_app.cli.common', 'facilitator_app.cli.gui']"
