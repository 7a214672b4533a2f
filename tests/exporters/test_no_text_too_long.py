"""Every printable handles any length of any text: 10,000-character names and notes without spaces,
a 40,000-character note in Excel; exports with personal data are 0600 whatever the umask, public
ones follow it; nothing is left behind."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import openpyxl
import pytest

from facilitator_app.core.files.atomic import clean_leftovers, temp_beside
from facilitator_app.core.plenaries.plenaries import list_plenaries

LONG_NAME = "Q" * 10_000           # no spaces: nothing to wrap on
LONG_WORDS = ("parola " * 1500).strip()
HUGE_NOTE = "N" * 40_000


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture
def hostile(demo_store):
    s = demo_store
    plenary = next(p for p in list_plenaries(s) if s.select("groups", "plenary_id = ?", (p["id"],)))
    members = s.select("members", "status = 'active'", order_by="surname")
    with s.transaction():
        s.update("members", members[0]["id"], {"surname": LONG_NAME, "first_name": LONG_WORDS})
        s.update("members", members[1]["id"], {"first_name": LONG_NAME, "notes": LONG_WORDS})
        note = s.select("notes", "plenary_id = ?", (plenary["id"],))[0]
        s.update("notes", note["id"], {"text": HUGE_NOTE})
        group = s.select("groups", "plenary_id = ?", (plenary["id"],))[0]
        s.update("groups", group["id"], {"name": LONG_NAME, "facilitator": LONG_WORDS})
        s.update("plenaries", plenary["id"], {"title": LONG_WORDS, "venue": LONG_NAME})
    return s, plenary


def _printables(store, plenary):
    from facilitator_app.exporters.badges import write_badges
    from facilitator_app.exporters.cycle import write_cycle_pdf
    from facilitator_app.exporters.rosters import build_poster, build_rosters
    from facilitator_app.exporters.signin import write_checklist, write_signin
    from facilitator_app.exporters.verbale import write_verbale_pdf

    pid = plenary["id"]
    return {
        "badges": (lambda t: write_badges(store, pid, t), True),
        "signin": (lambda t: write_signin(store, pid, t), True),
        "checklist": (lambda t: write_checklist(store, pid, t), True),
        "rosters": (lambda t: build_rosters(store, pid, t), True),
        "poster": (lambda t: build_poster(store, pid, t), True),
        "verbale": (lambda t: write_verbale_pdf(store, pid, t), True),
        "verbale_public": (lambda t: write_verbale_pdf(store, pid, t, public=True), False),
        "cycle": (lambda t: write_cycle_pdf(store, t), True),
        "cycle_public": (lambda t: write_cycle_pdf(store, t, public=True), False),
    }


@pytest.mark.parametrize("kind", ["badges", "signin", "checklist", "rosters", "poster", "verbale",
                                  "verbale_public", "cycle", "cycle_public"])
def test_every_printable_renders_long_texts_shortened_with_a_mark(hostile, tmp_path, kind):
    store, plenary = hostile
    write, private = _printables(store, plenary)[kind]
    old = os.umask(0o002)  # a generous umask: private files must still be 0600
    try:
        out = tmp_path / f"{kind}.pdf"
        write(out)
    finally:
        os.umask(old)
    text = pdf_text(out)
    assert text.strip()
    if kind in ("badges", "signin", "checklist", "poster", "rosters"):
        # fixed boxes and unsplittable rows: the long name is there, shortened visibly
        assert "QQQQ" in text and "…" in text, kind
        assert "Q" * 10_000 not in text.replace("\n", "")
    elif kind == "verbale":
        assert "QQQQ" in text  # in the verbale's tables a long cell continues on the next page
    mode = stat.S_IMODE(out.stat().st_mode)
    assert mode == (0o600 if private else 0o664), oct(mode)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_note_longer_than_a_cell_is_marked_as_shortened_in_excel(hostile, tmp_path):
    from facilitator_app.exporters.verbale_xlsx import write_verbale_xlsx

    store, plenary = hostile
    out = tmp_path / "v.xlsx"
    write_verbale_xlsx(store, plenary["id"], out)
    wb = openpyxl.load_workbook(out, read_only=True)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row
             if isinstance(c, str) and c.startswith("NNNN")]
    assert cells and all(len(c) <= 32_767 for c in cells)
    assert all("40000" in c.replace(".", "").replace(",", "") and "tagliato" in c for c in cells), cells[0][-80:]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_temporary_file_left_by_a_killed_export_is_cleaned_at_the_next_start(tmp_path):
    target = tmp_path / "verbale.pdf"
    tmp = temp_beside(target)
    tmp.write_bytes(b"%PDF half of the internal verbale, with names")
    assert stat.S_IMODE(tmp.stat().st_mode) == 0o600
    # the process is killed here: nothing renames or removes it; the next start does
    assert tmp in clean_leftovers()
    assert not tmp.exists() and not target.exists()
