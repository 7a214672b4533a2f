"""Each prepared laptop gets only what it needs; what it never had cannot travel back from it."""

from __future__ import annotations

import json

import pytest
from exchange_sim import content, open_laptop

from facilitator_app.core.attendance import checkin as A
from facilitator_app.core.exchange.packages import export_package, import_packages, prepare_laptops, read_package
from facilitator_app.core.plenaries.plenaries import get_plenary, sessions_of
from facilitator_app.core.privacy.scope import PERSONAL, ScopeError, is_former, parse_include

PERSONAL_OR_FORMER = set(PERSONAL)


def member_changes(path):
    pkg = read_package(path)
    return pkg, [c for c in pkg.changes if c.tbl == "members"]


@pytest.fixture
def prepared(demo_store, tmp_path):
    results = prepare_laptops(demo_store, 6, tmp_path / "p6")
    return {r.purpose.get("group_name") or "entrance": r for r in results}


def in_office(store, number):
    day = get_plenary(store, number)["date"]
    return {m["id"] for m in store.select("members", include_deleted=True) if not is_former(m, day)}


def test_the_entrance_gets_names_and_badges_of_members_in_office_only(demo_store, prepared):
    entrance = prepared["entrance"]
    pkg, changes = member_changes(entrance.path)
    ids = {c.row for c in changes}
    assert ids == in_office(demo_store, 6) and 80 <= len(ids) < 100   # 184 in the demo, 94 former
    fields = {f for c in changes for f in c.data}
    assert {"surname", "first_name", "badge_code", "status"} <= fields
    assert not fields & PERSONAL_OR_FORMER
    assert all(c.partial for c in changes if {"surname"} <= set(c.data))   # the creations were cut
    # seats and check-ins only of those members
    for c in pkg.changes:
        if c.tbl in ("attendance", "group_members") and c.data.get("member_id"):
            assert c.data["member_id"] in ids
    carries = entrance.purpose["carries"]
    assert carries["members"] == len(ids) and not carries["former"] and "phone" in carries["withheld"]
    assert pkg.manifest["purpose"]["withheld"]["members"] == carries["withheld"]


def test_a_tables_laptop_gets_only_its_groups_members(demo_store, prepared):
    for name, r in prepared.items():
        if name == "entrance":
            continue
        seated = {m for (m,) in demo_store.conn.execute(
            "SELECT member_id FROM group_members WHERE group_id = ? AND deleted = 0", (r.purpose["group_id"],))}
        _, changes = member_changes(r.path)
        assert {c.row for c in changes} == seated & in_office(demo_store, 6) and seated
        # notes written by members of other groups keep their text, not their author
        pkg = read_package(r.path)
        for c in pkg.changes:
            if c.tbl == "notes" and c.data.get("author_member_id"):
                assert c.data["author_member_id"] in seated


def test_include_adds_what_is_ticked(demo_store, tmp_path):
    results = prepare_laptops(demo_store, 6, tmp_path / "contatti", parse_include("contact,former"))
    _, changes = member_changes(results[0].path)
    fields = {f for c in changes for f in c.data}
    assert {"phone", "email"} <= fields and not fields & {"birth_date", "accessibility_notes", "dietary_notes"}
    assert len({c.row for c in changes}) == demo_store.scalar("SELECT count(*) FROM members")
    everything = prepare_laptops(demo_store, 6, tmp_path / "tutto", parse_include("contact,birth_date,notes,profile,former"))
    pkg, changes = member_changes(everything[0].path)
    assert not any(c.partial for c in pkg.changes if c.tbl == "members")
    assert everything[0].purpose["withheld"] == {}
    with pytest.raises(ScopeError) as exc:
        parse_include("contact,salute")
    assert exc.value.code == "unknown_include" and "salute" in str(exc.value)


def test_what_a_laptop_never_had_cannot_travel_back(demo_store, prepared, tmp_path):
    sec = demo_store
    before = {r["id"]: r for r in sec.select("members", include_deleted=True)}
    lap = open_laptop(tmp_path, "Ingresso")
    import_packages(lap, [prepared["entrance"].path])
    assert json.loads(lap.local("privacy.withheld"))["members"]
    member = lap.select("members", order_by="surname")[0]
    assert member["phone"] is None and before[member["id"]]["phone"] is not None
    session = sessions_of(lap, get_plenary(lap, 6)["id"])[0]["id"]
    A.check_in(lap, session, member_id=member["id"], all_remaining=False, confirmed=True)
    with lap.transaction():   # a form that saves every field, blanks included, and a real correction
        lap.update("members", member["id"], {"phone": None, "email": "", "birth_date": None,
                                             "first_name": member["first_name"] + " Maria"})
    assert lap.get("members", member["id"])["email"] is None   # the blank was not written
    export_package(lap, tmp_path / "ritorno.assemblea", to="Segreteria")
    import_packages(sec, [tmp_path / "ritorno.assemblea"])
    after = {r["id"]: r for r in sec.select("members", include_deleted=True)}
    for mid, row in before.items():
        for f in PERSONAL:
            assert after[mid][f] == row[f], (mid, f)
    assert after[member["id"]]["first_name"] == member["first_name"] + " Maria"
    lap.close()


def test_partial_and_full_copies_of_the_same_changes_converge(demo_store, prepared, tmp_path):
    """A third laptop gets the entrance's partial copy first and the secretariat's full one later,
    or the other way round: both end with the secretariat's content."""
    ent = open_laptop(tmp_path, "Ingresso")
    import_packages(ent, [prepared["entrance"].path])
    export_package(ent, tmp_path / "da-ingresso.assemblea")
    export_package(demo_store, tmp_path / "segreteria.assemblea")
    a, b = open_laptop(tmp_path, "A"), open_laptop(tmp_path, "B")
    import_packages(a, [tmp_path / "da-ingresso.assemblea"])
    import_packages(a, [tmp_path / "segreteria.assemblea"])
    import_packages(b, [tmp_path / "segreteria.assemblea"])
    import_packages(b, [tmp_path / "da-ingresso.assemblea"])
    c = open_laptop(tmp_path, "C")
    import_packages(c, [tmp_path / "da-ingresso.assemblea", tmp_path / "segreteria.assemblea"])
    ref = {t: rows for t, rows in content(demo_store).items() if t not in ("devices", "audit_log")}
    for s in (a, b, c):
        assert {t: rows for t, rows in content(s).items() if t not in ("devices", "audit_log")} == ref
        assert s.scalar("SELECT count(*) FROM changes WHERE partial = 1 AND tbl = 'members'") == 0
        assert s.local("exchange.pending") in (None, "[]")
    # the full copy made the entrance laptop's missing fields known to whoever has both
    assert json.loads(a.local("privacy.withheld") or "{}") == {}
    for s in (ent, a, b, c):
        s.close()


def test_prepared_laptops_never_carry_the_pool_of_respondents(tmp_path):
    """The demo's pool (names, phones of people who replied to the letter) stays with the secretariat."""
    from facilitator_app.core.exchange.packages import prepare_laptops, read_package
    from facilitator_app.core.plenaries.plenaries import get_plenary
    from facilitator_app.core.store.store import Store
    from facilitator_app.demo import build_demo

    with Store(tmp_path / "sec.sqlite") as sec:
        build_demo(sec, seed=2024)
        pool = sec.select("respondents")
        assert pool and any(r["surname"] for r in pool)
        prepare_laptops(sec, get_plenary(sec, "6")["id"], tmp_path / "out")
        surnames = {r["surname"] for r in pool} - {m["surname"] for m in sec.select("members")}
    packages = sorted((tmp_path / "out").glob("*.assemblea"))
    assert packages
    for path in packages:
        changes = read_package(path).changes
        assert not {c.tbl for c in changes} & {"respondents", "selection_runs", "selection_quotas"}
        text = "\n".join(str(c.data) for c in changes)
        assert not any(s in text for s in surnames if s), path.name
