"""Rosters (one page per group, internal) and the entrance poster (A-Z, large type): text and pictures."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from facilitator_app.core.groups.assign import where_entries
from facilitator_app.core.groups.groups import arrangement, groups_of
from facilitator_app.core.plenaries.plenaries import create_plenary, get_plenary
from facilitator_app.exporters.rosters import build_poster, build_rosters, long_date

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")


def pdf_text(path, *args):
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages_text(path):
    return pdf_text(path).split("\f")


@pytest.fixture
def held(demo_store):
    p = get_plenary(demo_store, 6)
    return demo_store, p


def test_one_roster_page_per_group_with_members_and_needs(held, tmp_path):
    store, p = held
    out = tmp_path / "rosters.pdf"
    groups = groups_of(store, p["id"])
    seats = arrangement(store, p["id"], None, groups)
    assert build_rosters(store, p["id"], out) == len(groups)
    pages = pages_text(out)
    for g, members, page in zip(groups, seats, pages):
        for value in (g["name"], g["theme"], g["room"], g["facilitator"], "Documento interno",
                      long_date(p["date"])):
            assert value in page
        for mid in members:
            m = store.get("members", mid)
            assert f"{m['surname']} {m['first_name']}" in " ".join(page.split())
            if m["accessibility_notes"]:
                assert m["accessibility_notes"].split(":")[0] in " ".join(page.split())
    assert any(store.get("members", m)["accessibility_notes"] for g in seats for m in g)


def test_roster_renders(held, tmp_path):
    store, p = held
    out = tmp_path / "rosters.pdf"
    build_rosters(store, p["id"], out)
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")],
                   check=True)
    png = next(tmp_path.glob("page*.png"))
    assert png.stat().st_size > 5_000


def test_poster_lists_everyone_a_to_z_with_group_and_room_only(held, tmp_path):
    store, p = held
    out = tmp_path / "poster.pdf"
    pages = build_poster(store, p["id"], out)
    assert pages <= 2  # A3, several columns
    entries = where_entries(store, p["id"])
    assert [e[0] for e in entries] == sorted(e[0] for e in entries)
    assert len(entries) == sum(map(len, arrangement(store, p["id"])))
    text = " ".join(pdf_text(out).split())
    assert "Dove si lavora oggi?" in text
    for _key, label, group, room in entries:
        assert label in text and group in text and room.split(" —")[0] in text
    # A public sheet: no municipio, no notes, no full first names unless two people would clash.
    for mid in [m for g in arrangement(store, p["id"]) for m in g]:
        m = store.get("members", mid)
        if m["accessibility_notes"]:
            assert m["accessibility_notes"] not in text
    short = [e for e in entries if e[1].endswith(".")]
    assert len(short) >= len(entries) - 6


def test_poster_a4_and_pictures(held, tmp_path):
    store, p = held
    out = tmp_path / "poster.pdf"
    assert build_poster(store, p["id"], out, size="A4") >= 2
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(out), str(tmp_path / "poster")],
                   check=True)
    assert next(tmp_path.glob("poster*.png")).stat().st_size > 5_000


def test_a_plenary_without_groups_still_prints(store, tmp_path):
    pid = create_plenary(store, 1, "2024-01-20", "Palazzo Marino")
    assert build_rosters(store, pid, tmp_path / "r.pdf") == 1
    assert "non ha ancora gruppi" in pdf_text(tmp_path / "r.pdf")
    assert build_poster(store, pid, tmp_path / "p.pdf") == 1
    assert "Nessuna persona" in pdf_text(tmp_path / "p.pdf")
