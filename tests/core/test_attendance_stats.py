"""Attendance figures: per session, composition against the assembly, history, follow-ups, demo."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from facilitator_app.core.attendance import checkin as A
from facilitator_app.core.attendance import stats as S
from facilitator_app.core.members.members import create_member
from facilitator_app.core.plenaries import plenaries as P
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store
from facilitator_app.demo.build import build_demo

TZ = timezone(timedelta(hours=1))


def at(day, hh, mm):
    return datetime.fromisoformat(f"{day}T{hh:02d}:{mm:02d}:00").replace(tzinfo=TZ)


@pytest.fixture
def cycle(store):
    """Three plenaries; six members (two young from municipio 9)."""
    days = ["2024-01-20", "2024-02-24", "2024-04-06"]
    plenaries = [P.create_plenary(store, n, d, "X") for n, d in enumerate(days, 1)]
    spec = [("Rossi", "F", "1980-01-01", 1), ("Bruno", "M", "1970-01-01", 2), ("Conti", "F", "1960-01-01", 3),
            ("Gallo", "M", "1950-01-01", 4), ("Ricci", "F", "2000-01-01", 9), ("Greco", "M", "2001-01-01", 9)]
    members = {s: create_member(store, {"surname": s, "first_name": "X", "gender": g, "birth_date": b,
                                        "municipio": m, "citizenship": "italian", "education": "diploma"})
               for s, g, b, m in spec}
    return {"days": days, "plenaries": plenaries, "members": members,
            "sessions": [[s["id"] for s in P.sessions_of(store, p)] for p in plenaries]}


def test_session_counts(store, cycle):
    m, (morning, afternoon) = cycle["members"], cycle["sessions"][0]
    day = cycle["days"][0]
    A.check_in(store, morning, member_id=m["Rossi"], at=at(day, 9, 0), all_remaining=True)
    A.check_in(store, morning, member_id=m["Bruno"], at=at(day, 10, 0))
    A.check_out(store, morning, member_id=m["Bruno"], at=at(day, 12, 0))
    A.mark_absence(store, m["Conti"], [morning, afternoon], "Lavoro")
    A.register_walk_in(store, morning, "Ospite", "guest")
    c_m, c_a = S.session_counts(store, cycle["plenaries"][0])
    assert (c_m.expected, c_m.present, c_m.left, c_m.late, c_m.justified, c_m.others, c_m.not_arrived) == \
        (6, 2, 1, 1, 1, 1, 3)
    assert (c_a.present, c_a.late, c_a.others) == (1, 0, 0)
    assert [x["surname"] for x in S.missing_members(store, morning)] == ["Gallo", "Greco", "Ricci"]


def test_composition_shows_who_is_missing(store, cycle):
    m, (morning, _) = cycle["members"], cycle["sessions"][0]
    for s in ("Rossi", "Bruno", "Conti", "Gallo"):
        A.check_in(store, morning, member_id=m[s])
    comp = {f.field: f for f in S.composition(store, morning)}
    assert set(comp) == {"gender", "age_band", "citizenship", "municipio", "education"}
    mun9 = next(c for c in comp["municipio"].categories if c.key == "9")
    assert (mun9.expected, mun9.present, round(mun9.expected_share, 3), mun9.present_share) == (2, 0, 0.333, 0.0)
    assert [c.key for c in comp["municipio"].categories] == ["1", "2", "3", "4", "9"]
    young = next(c for c in comp["age_band"].categories if c.key == "16-29")
    assert young.present == 0 and young.label == "16–29"
    gaps = S.biggest_gaps(list(comp.values()), n=2)
    assert {(f, c.key) for f, c in gaps} == {("municipio", "9"), ("age_band", "16-29")}
    assert all(c.gap == 0 for c in comp["gender"].categories)


def test_composition_with_unknowns_and_nobody_present(store, cycle):
    create_member(store, {"surname": "Neri", "first_name": "Y"})
    comp = {f.field: f for f in S.composition(store, cycle["sessions"][0][0])}
    unknown = comp["gender"].categories[-1]
    assert unknown.key == S.UNKNOWN and unknown.label == "n.d." and unknown.expected == 1
    assert all(c.present_share == 0 for f in comp.values() for c in f.categories)


def _attend(store, cycle, plan):
    """plan: {surname: "PA-" per plenary: P both sessions, M morning only, J justified, A absent, - nothing}"""
    for name, marks in plan.items():
        mid = cycle["members"][name]
        for i, mark in enumerate(marks):
            morning, afternoon = cycle["sessions"][i]
            if mark in "PM":
                A.check_in(store, morning, member_id=mid, all_remaining=mark == "P")
            elif mark == "J":
                A.mark_absence(store, mid, [morning, afternoon], "Salute")


def test_history_grid_and_rates(store, cycle):
    _attend(store, cycle, {"Rossi": "PPP", "Bruno": "PMP", "Conti": "PJA", "Gallo": "PAA", "Ricci": "P-P"})
    h = S.attendance_history(store)
    m, p = cycle["members"], cycle["plenaries"]
    assert [x["surname"] for x in h.members] == ["Bruno", "Conti", "Gallo", "Greco", "Ricci", "Rossi"]
    assert h.cell(m["Bruno"], p[1]).state == S.PARTIAL and h.cell(m["Bruno"], p[1]).attended == 1
    assert h.cell(m["Conti"], p[1]).state == S.JUSTIFIED and h.cell(m["Conti"], p[1]).reason == "Salute"
    assert h.cell(m["Gallo"], p[2]).state == S.ABSENT
    assert h.member_rate(m["Rossi"]) == 1 and h.member_rate(m["Bruno"]) == pytest.approx(5 / 6)
    assert h.member_rate(m["Greco"]) == 0
    assert h.plenary_rate(p[0]) == pytest.approx(10 / 12)


def test_upcoming_plenaries_are_not_absences(store, cycle):
    _attend(store, cycle, {"Rossi": "PP-"})
    h = S.attendance_history(store)
    assert h.cell(cycle["members"]["Gallo"], cycle["plenaries"][2]).state == S.UPCOMING
    assert h.plenary_rate(cycle["plenaries"][2]) is None
    # Not in office yet: not expected, not an absence.
    late_joiner = create_member(store, {"surname": "Zeta", "first_name": "Z", "term_start": "2024-03-01"})
    h = S.attendance_history(store)
    assert h.cell(late_joiner, cycle["plenaries"][0]).state == S.NOT_EXPECTED


def test_followups_threshold(store, cycle):
    _attend(store, cycle, {"Rossi": "PPP", "Bruno": "PPP", "Conti": "PJA", "Gallo": "PAA", "Ricci": "PPP",
                           "Greco": "PPA"})
    h = S.attendance_history(store)
    base = dict(A.DEFAULT_SETTINGS, followup_min_rate=None)
    assert [f.member["surname"] for f in S.followups(h, base)] == ["Gallo"]
    gallo = S.followups(h, base)[0]
    assert (gallo.streak, gallo.last_present, gallo.reasons) == (2, 1, ["streak"])
    assert [f.member["surname"] for f in S.followups(h, {**base, "followup_count_justified": True})] == \
        ["Conti", "Gallo"]
    assert [f.member["surname"] for f in S.followups(h, {**base, "followup_consecutive": 1})] == \
        ["Gallo", "Conti", "Greco"]
    assert S.followups(h, {**base, "followup_consecutive": 3}) == []
    low = S.followups(h, {**base, "followup_consecutive": 0, "followup_min_rate": 0.5})
    assert [(f.member["surname"], f.reasons) for f in low] == [("Gallo", ["rate"]), ("Conti", ["rate"])]


def test_followups_read_the_stored_threshold(store, cycle):
    _attend(store, cycle, {"Gallo": "PAA", "Rossi": "PPP"})
    names = lambda: {f.member["surname"] for f in S.followups_for(store)}  # noqa: E731
    assert "Gallo" in names()
    A.save_attendance_settings(store, {"followup_consecutive": 3, "followup_min_rate": None})
    assert "Gallo" not in names()


# -- the demo -------------------------------------------------------------------------------------
def test_demo_attendance_is_realistic(demo_store):
    h = S.attendance_history(demo_store)
    by_number = {p["number"]: p for p in h.plenaries}
    rates = []
    for n in range(1, 7):
        pid = by_number[n]["id"]
        assert h.held[pid] and by_number[n]["status"] == "held"
        counts = S.session_counts(demo_store, pid)
        for c in counts:
            assert 0.72 <= c.rate <= 0.99, (n, c)
            assert c.others >= 1
            rates.append(c.rate)
        assert counts[0].late >= 1 and counts[1].late == 0
    assert 0.8 <= sum(rates) / len(rates) <= 0.93
    for n in (7, 8):
        assert not h.held[by_number[n]["id"]]
        assert A.plenary_rows(demo_store, by_number[n]["id"]) == []
    rows = demo_store.select("attendance")
    assert any(r["checked_out_at"] for r in rows)
    justified = [r for r in rows if r["status"] == "absent_justified"]
    assert 3 <= len(justified) and all(r["reason"] for r in justified)
    cells = [h.cell(m["id"], p["id"]) for m in h.members for p in h.plenaries]
    assert sum(c.state == S.PARTIAL for c in cells) >= 10


def test_demo_has_a_followup_case(demo_store):
    names = [f.member["surname"] for f in S.followups_for(demo_store) if "streak" in f.reasons]
    assert len(names) >= 1
    replaced = demo_store.select("members", "status = 'replaced' AND notes LIKE '%assenze%'")[0]
    h = S.attendance_history(demo_store)
    states = {h.cell(replaced["id"], p["id"]).state for p in h.plenaries if h.held[p["id"]]} - {S.NOT_EXPECTED}
    assert states == {S.ABSENT}


def test_demo_attendance_is_deterministic(tmp_path):
    def snapshot(name):
        with Store(tmp_path / name, Device(name, name)) as s:
            build_demo(s, seed=11)
            members = {m["id"]: (m["surname"], m["first_name"]) for m in s.select("members")}
            return sorted((members.get(r["member_id"]), r["status"], r["checked_in_at"], r["late"], r["reason"])
                          for r in s.select("attendance") if r["member_id"])
    assert snapshot("a.sqlite") == snapshot("b.sqlite")


def _reference(store, plenary_id, session_id, vocab):
    """The figures as the plain functions compute them, each reading who is expected afresh."""
    return (S.session_counts(store, plenary_id), S.composition(store, session_id, vocab),
            S.missing_members(store, session_id))


def test_figures_from_a_kept_roster_match_a_fresh_count_after_every_change(db_path, device):
    """The dashboard keeps the roster while only attendance changes: after check-ins, a check-out,
    a justification, a walk-in, an undone check-in, its figures equal those counted from scratch."""
    import random

    from facilitator_app.core.members.vocab import Vocabularies

    store = Store(db_path, device)
    build_demo(store, seed=2024)
    plenary = P.get_plenary(store, P.create_plenary(store, P.next_free_number(store), "2024-09-14", "Base"))
    session_id = P.sessions_of(store, plenary["id"])[0]["id"]
    vocab = Vocabularies.load(store)
    roster = S.roster_for(store, plenary["id"], vocab)
    rng = random.Random(3)
    expected = [m["id"] for m in roster.members]
    for step in range(12):
        who = rng.sample(expected[:-20], 3)
        day = plenary["date"]
        results = [A.check_in(store, session_id, member_id=mid, at=at(day, 9, step), confirmed=True)
                   for mid in who[:3]]
        if step % 3 == 1:
            A.check_out(store, session_id, member_id=who[0], at=at(day, 12, step))
        if step % 4 == 2:
            A.mark_absence(store, expected[-1 - step], [session_id], "malattia")
            A.register_walk_in(store, session_id, f"Ospite {step}", "guest")
        if step % 5 == 4:
            A.undo(store, results[1])
        fig = S.figures(store, roster, session_id)
        counts, fields, missing = _reference(store, plenary["id"], session_id, vocab)
        assert fig.counts == counts and fig.fields == fields
        assert [m["id"] for m in fig.missing] == [m["id"] for m in missing]
    assert fig.counts[0].present > 20 and any(c.present for f in fig.fields for c in f.categories)
    store.close()


def test_roster_is_none_for_a_plenary_that_is_gone(store):
    assert S.roster_for(store, "no-such-plenary") is None
