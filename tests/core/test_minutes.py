"""The minutes core: sections, the live outline, the read model and the public guarantee."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from _minutes_data import GUEST, SPECIAL, build_cycle  # noqa: E402

from facilitator_app.core.attendance.stats import session_counts  # noqa: E402
from facilitator_app.core.minutes import minutes as M  # noqa: E402
from facilitator_app.core.minutes.cycle import load_cycle  # noqa: E402
from facilitator_app.core.plenaries.plenaries import get_plenary  # noqa: E402
from facilitator_app.core.store.ids import derived_id  # noqa: E402


@pytest.fixture
def data(store):
    out = build_cycle(store, 1, notes=160, recommendations=12, photos_per_plenary=2)
    return out, out["plenaries"][0]


def test_section_saved_exactly_with_derived_id(store, data):
    _, p = data
    text = "Apertura alle 10:00.\n\n  Saluti: Ελένη, Ольга, 緑 🌳 — «bene»  "
    assert M.save_section(store, p["id"], "opening", text) is True
    row = store.get("minutes_sections", derived_id("minutes", p["id"], "opening"))
    assert row["text"] == text and row["key"] == "opening" and row["plenary_id"] == p["id"]
    assert M.save_section(store, p["id"], "opening", text) is False  # nothing changed, nothing logged
    assert M.sections_of(store, p["id"]) == {"opening": text}
    assert M.save_section(store, p["id"], "opening", "") is True
    assert M.sections_of(store, p["id"])["opening"] == ""


def test_section_errors_write_nothing(store, data):
    _, p = data
    before = store.scalar("SELECT count(*) FROM changes")
    with pytest.raises(M.MinutesError):
        M.save_section(store, p["id"], "preface", "x")
    with pytest.raises(M.MinutesError):
        M.save_section(store, "no-such-plenary", "opening", "x")
    assert store.scalar("SELECT count(*) FROM changes") == before


def test_outline_counts(store, data):
    out, p = data
    M.save_section(store, p["id"], "summary", "Sintesi")
    o = M.outline(store, p["id"])
    assert o.expected == 90 and o.present == len(p["present"])
    assert o.notes == 160 and o.recommendations == 12 and o.groups == 8 and o.photos == 2
    assert o.people == 9
    assert o.sections_written == ["summary"] and "opening" in o.sections_missing
    assert [n for _, n in o.per_session] == [c.present for c in session_counts(store, p["id"])]


def test_read_model_internal(store, data):
    out, p = data
    m = M.load_minutes(store, p["id"])
    assert not m.public and m.number == 1 and m.expected == 90 and m.present == len(p["present"])
    assert sorted(n.text for n in m.notes) == sorted(p["notes"])
    assert [(r.title, r.text) for r in m.recommendations] == p["recommendations"]
    counts = session_counts(store, p["id"])
    for line, c in zip(m.sessions, counts):
        assert (line.present, line.late, line.justified) == (c.present, c.late, c.justified)
    for fld, lines in m.composition.items():
        assert sum(c.assembly for c in lines) == 90, fld
        assert sum(c.present for c in lines) == m.present, fld
    named = {ln.name for ln in m.present_list}
    assert {f"{s} {f}" for f, s, _, _ in SPECIAL} <= named
    assert len(m.present_list) + len(m.justified_list) + len(m.absent_list) == 90
    assert all(ln.reason for ln in m.justified_list)
    assert any(n.author for n in m.notes)
    assert all(g.members is not None and len(g.members) == g.member_count for g in m.groups)
    assert GUEST[0] in {pp.name for pp in m.people}
    # Notes: most dots first within each cluster; loose notes at the end of the group.
    for g in m.groups:
        for c in g.clusters:
            votes = [n.votes for n in c.notes]
            assert votes == sorted(votes, reverse=True)
        assert [c.id is None for c in g.clusters][-1] is True


def _trace(store):
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    return statements


PERSONAL = re.compile(r"\b(surname|first_name|email|phone|badge_code|reason|birth_place|notes\.author)\b", re.I)


def test_public_path_never_reads_names(store, data):
    """Structural: with public=True no SQL statement selects a name, contact, badge or reason."""
    _, p = data
    statements = _trace(store)
    m = M.load_minutes(store, p["id"], public=True)
    cycle = load_cycle(store, public=True)
    store.conn.set_trace_callback(None)
    assert statements
    for sql in statements:
        assert not PERSONAL.search(sql), sql
        if re.search(r"\bFROM members\b", sql):
            assert "*" not in sql.split("FROM members")[0], sql
    assert m.present_list is None and m.justified_list is None and m.absent_list is None
    assert all(g.members is None for g in m.groups) and all(n.author is None for n in m.notes)
    assert cycle.history is None and all(n.author is None for n in cycle.notes)
    assert GUEST[0] not in {pp.name for pp in m.people} and m.others == {"guest": 1}
    assert all("foto di" not in ph.caption for ph in m.photos)
    # ... and the counts are the same as the internal version's.
    internal = M.load_minutes(store, p["id"])
    assert (m.expected, m.present, m.justified) == (internal.expected, internal.present, internal.justified)
    assert m.composition == internal.composition
    assert [n.text for n in m.notes] == [n.text for n in internal.notes]


def test_internal_path_does_read_names(store, data):
    # The trace above would be meaningless if names were never selected at all.
    _, p = data
    statements = _trace(store)
    M.load_minutes(store, p["id"])
    store.conn.set_trace_callback(None)
    assert any("surname" in s for s in statements)


def test_unknown_plenary(store):
    with pytest.raises(M.MinutesError):
        M.load_minutes(store, "nope")
    with pytest.raises(M.MinutesError):
        M.outline(store, "nope")


def test_demo_plenaries_load(demo_store):
    for number in range(1, 9):
        p = get_plenary(demo_store, number)
        for public in (False, True):
            m = M.load_minutes(demo_store, p["id"], public=public)
            assert len(m.notes) == demo_store.scalar(
                "SELECT count(*) FROM notes WHERE plenary_id = ? AND deleted = 0", (p["id"],))


def test_core_is_qt_free():
    import subprocess

    code = ("import sys; sys.modules['PySide6'] = None\n"
            "import facilitator_app.core.minutes.minutes, facilitator_app.core.minutes.cycle\n"
            "import facilitator_app.exporters.verbale, facilitator_app.exporters.verbale_xlsx, "
            "facilitator_app.exporters.cycle\n")
    subprocess.run([sys.executable, "-c", code], check=True)
