"""`facilitator-app export verbale` and `export cycle`: files, exit codes, atomic writes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from _minutes_data import build_cycle  # noqa: E402

from facilitator_app.cli import main  # noqa: E402
from facilitator_app.core.store.device import Device  # noqa: E402
from facilitator_app.core.store.store import Store  # noqa: E402


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "a.sqlite"
    with Store(path, Device("setup", "setup")) as s:
        data = build_cycle(s, 2, notes=64, recommendations=4, photos_per_plenary=1)
    return path, data


def test_verbale_pdf_and_xlsx_by_number(db, tmp_path, capsys):
    path, _ = db
    pdf, xlsx = tmp_path / "v.pdf", tmp_path / "v.xlsx"
    code, out, err = run(capsys, "export", "verbale", "2", "--pdf", pdf, "--xlsx", xlsx, "--db", path)
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and "plenary 2" in out and "pages" in out
    assert "Componenti gruppi" in load_workbook(xlsx).sheetnames
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_verbale_by_id_public_xlsx_only(db, tmp_path, capsys):
    path, data = db
    xlsx = tmp_path / "pub.xlsx"
    code, out, _ = run(capsys, "--db", path, "export", "verbale", data["plenaries"][0]["id"], "--xlsx", xlsx,
                       "--public")
    assert code == 0 and "(public)" in out
    assert "Componenti gruppi" not in load_workbook(xlsx).sheetnames


def test_unknown_plenary_exits_2(db, tmp_path, capsys):
    path, _ = db
    code, _, err = run(capsys, "export", "verbale", "9", "--pdf", tmp_path / "x.pdf", "--db", path)
    assert code == 2 and "no plenary '9'" in err and not (tmp_path / "x.pdf").exists()


def test_unwritable_path_exits_2(db, tmp_path, capsys):
    path, _ = db
    code, _, err = run(capsys, "export", "verbale", "1", "--pdf", tmp_path / "missing" / "x.pdf", "--db", path)
    assert code == 2 and "cannot write" in err and "does not exist" in err
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = run(capsys, "export", "verbale", "1", "--xlsx", locked / "x.xlsx", "--db", path)
        import os
        if os.geteuid() != 0:  # root may write anywhere
            assert code == 2 and "cannot write" in err
    finally:
        locked.chmod(0o700)


def test_nothing_asked_exits_2(db, capsys):
    path, _ = db
    code, _, err = run(capsys, "export", "verbale", "1", "--db", path)
    assert code == 2 and "--pdf FILE and/or --xlsx FILE" in err


def test_failed_export_leaves_no_file(db, tmp_path, capsys, monkeypatch):
    """The Excel half fails: neither file appears, the old PDF stays as it was."""
    path, _ = db
    pdf, xlsx = tmp_path / "v.pdf", tmp_path / "v.xlsx"
    pdf.write_bytes(b"old")
    import facilitator_app.exporters.verbale_xlsx as X

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(X, "render_verbale_xlsx", boom)
    code, _, err = run(capsys, "export", "verbale", "1", "--pdf", pdf, "--xlsx", xlsx, "--db", path)
    assert code == 2 and "nothing written" in err
    assert pdf.read_bytes() == b"old" and not xlsx.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("a.sqlite")) == ["v.pdf"]


def test_cycle(db, tmp_path, capsys):
    path, _ = db
    pdf, xlsx = tmp_path / "c.pdf", tmp_path / "c.xlsx"
    code, out, _ = run(capsys, "export", "cycle", "--pdf", pdf, "--xlsx", xlsx, "--db", path)
    assert code == 0 and "2 plenaries" in out
    assert pdf.exists() and load_workbook(xlsx).sheetnames[:2] == ["Riepilogo", "Presenze"]
    code, _, err = run(capsys, "export", "cycle", "--db", path)
    assert code == 2


def test_help_lists_the_commands(capsys):
    code, out, _ = run(capsys, "export", "--help")
    assert code == 0 and "verbale" in out and "cycle" in out


def test_cycle_report_is_one_cycle_the_latest_by_default(tmp_path, capsys):
    """The demo holds the 2024 cycle and the 2023 cycle's voting plenary (number 9, June 2023)."""
    import subprocess

    from facilitator_app.core.minutes.cycle import load_cycle
    from facilitator_app.demo.build import build_demo

    path = tmp_path / "demo.sqlite"
    with Store(path, Device("setup", "setup")) as s:
        build_demo(s)
        latest = load_cycle(s, with_notes=False)
        assert [p.number for p in latest.plenaries] == list(range(1, 9))
        assert latest.history and {p["number"] for p in latest.history.plenaries} == set(range(1, 9))
        first = load_cycle(s, with_notes=False, cycle="2023")
        assert [p.number for p in first.plenaries] == [9] and len(first.recommendations) == 10
    pdf = tmp_path / "c.pdf"
    code, _, err = run(capsys, "export", "cycle", "--public", "--pdf", pdf, "--db", path)
    assert code == 0, err
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "plenarie 1–8 (20/01/2024" in " ".join(text.split())
    code, _, err = run(capsys, "export", "cycle", "--cycle", "2031", "--pdf", tmp_path / "x.pdf", "--db", path)
    assert code == 2 and "no plenaries of cycle 2031" in err and not (tmp_path / "x.pdf").exists()
