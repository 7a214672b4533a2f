"""Breakout groups: groups, seats, assignment (pins, commitments, seed), late arrivals, no-shows, undo.

Scores are checked against independent implementations written here (not the engine's).
"""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reference_scores import ref_transport_bound

from facilitator_app.core.groups import assign as GA
from facilitator_app.core.groups import groups as G
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.plenaries import plenaries as P
from facilitator_app.core.store.ids import derived_id

FIELDS = list(G.FIELDS)


# -- independent scores -------------------------------------------------------------------------------
def independent_diversity(groups, attrs, fields):
    """Sum over fields of the mean over non-empty groups of L1(group mix, whole mix)."""
    everyone = [m for g in groups for m in g]
    groups = [g for g in groups if g]
    total = 0.0
    for f in fields:
        whole = Counter(attrs[m][f] for m in everyone)
        share = {v: c / len(everyone) for v, c in whole.items()}
        total += sum(sum(abs(Counter(attrs[m][f] for m in g).get(v, 0) / len(g) - p) for v, p in share.items())
                     for g in groups) / len(groups)
    return total


def _least_l1(n, shares):
    """Exact least L1 distance of n whole people from `shares`, by dynamic programming over values."""
    best = {0: 0.0}  # people placed so far -> least sum |c - n p|
    for p in shares:
        nxt = {}
        for used, cost in best.items():
            for c in range(n - used + 1):
                v = cost + abs(c - n * p)
                if v < nxt.get(used + c, math.inf):
                    nxt[used + c] = v
        best = nxt
    return best[n] / n


def independent_bound(groups, attrs, fields):
    everyone = [m for g in groups for m in g]
    groups = [g for g in groups if g]
    total = 0.0
    for f in fields:
        whole = Counter(attrs[m][f] for m in everyone)
        shares = [c / len(everyone) for c in whole.values()]
        total += sum(_least_l1(len(g), shares) for g in groups) / len(groups)
    return total


def met_pairs(rounds):
    return {frozenset(p) for rnd in rounds for g in rnd for p in itertools.combinations(g, 2)}


def independent_meetings(groups, rounds):
    """(new pairs / possible pairs, upper bound of that share) given earlier rounds."""
    met = met_pairs(rounds)
    pairs = [frozenset(p) for g in groups for p in itertools.combinations(g, 2)]
    new = sum(1 for p in pairs if p not in met)
    people = [m for g in groups for m in g]
    unmet = sorted((sum(1 for o in people if o != m and frozenset((m, o)) not in met) for m in people),
                   reverse=True)
    seats = sorted((len(g) - 1 for g in groups for _ in g), reverse=True)
    upper = min(len(pairs), sum(unmet) // 2, sum(min(u, s) for u, s in zip(unmet, seats)) // 2)
    return new / len(pairs), upper / len(pairs)


# -- a small assembly ------------------------------------------------------------------------------------
GENDERS, BANDS = ("F", "M"), ("16-29", "30-44", "45-64", "65+")
BIRTH = {"16-29": "2000-05-01", "30-44": "1985-05-01", "45-64": "1970-05-01", "65+": "1950-05-01"}


def add_members(store, n, rng=None):
    rng = rng or random.Random(n)
    rows = [{"surname": f"Cognome{i:03d}", "first_name": f"Nome{i}", "gender": GENDERS[i % 2],
             "birth_date": BIRTH[BANDS[rng.randrange(4)]], "municipio": rng.randint(1, 9),
             "citizenship": "foreign" if rng.random() < 0.2 else "italian",
             "education": rng.choice(("base", "diploma", "laurea")), "status": "active"} for i in range(n)]
    with store.transaction():
        return store.insert_many("members", rows)


def check_in(store, plenary_id, member_ids, session=0):
    sid = P.sessions_of(store, plenary_id)[session]["id"]
    with store.transaction():
        for mid in member_ids:
            store.put("attendance", derived_id("attendance", sid, mid),
                      {"plenary_id": plenary_id, "session_id": sid, "member_id": mid, "status": "present"})
    return sid


def make_groups(store, pid, k, session_id=None, **kw):
    return [G.create_group(store, pid, f"Tavolo {i + 1}", session_id=session_id, room=f"Sala {i + 1}",
                           **kw).ids("groups")[0] for i in range(k)]


def attrs_map(store, plenary):
    vocab = Vocabularies.load(store)
    return {m["id"]: G.attrs_of(m, vocab, plenary["date"]) for m in store.select("members")}


@pytest.fixture
def day(store):
    """A plenary with 30 members checked in and 4 groups."""
    members = add_members(store, 30)
    pid = P.create_plenary(store, 1, "2024-05-11", "BASE Milano", rooms=["Sala grande", "Sala A", "Sala B"])
    check_in(store, pid, members)
    gids = make_groups(store, pid, 4)
    return {"pid": pid, "members": members, "gids": gids}


# -- groups -----------------------------------------------------------------------------------------------
def test_create_update_delete_group_and_undo(store, day):
    with store.transaction():
        theme = store.insert("themes", {"name": "Mobilità", "sort_order": 0})
    edit = G.create_group(store, day["pid"], "  Tavolo 5 ", theme_id=theme, room="Sala C", facilitator="Giulia",
                          capacity=8)
    gid = edit.ids("groups")[0]
    row = G.groups_of(store, day["pid"])[-1]
    assert (row["id"], row["name"], row["theme"], row["room"], row["capacity"], row["sort_order"]) == (
        gid, "Tavolo 5", "Mobilità", "Sala C", 8, 4)
    G.undo(store, edit)
    assert gid not in {g["id"] for g in G.groups_of(store, day["pid"])}
    G.redo(store, edit)
    assert gid in {g["id"] for g in G.groups_of(store, day["pid"])}
    G.update_group(store, gid, {"room": "Portico", "facilitator": ""})
    assert store.get("groups", gid)["room"] == "Portico" and store.get("groups", gid)["facilitator"] is None
    for bad in ({"name": " "}, {"capacity": 0}, {"capacity": "3"}):
        with pytest.raises(G.GroupsError):
            G.update_group(store, gid, bad)


def test_delete_group_unseats_its_members_and_undo_restores(store, day):
    G.move_member(store, day["members"][0], day["gids"][0])
    edit = G.delete_group(store, day["gids"][0])
    assert day["members"][0] not in G.seats_of(store, day["pid"])
    G.undo(store, edit)
    assert G.seats_of(store, day["pid"])[day["members"][0]]["group_id"] == day["gids"][0]


def test_copy_groups_maps_rooms_by_position(store, day):
    G.update_group(store, day["gids"][0], {"room": "Sala A"})
    G.update_group(store, day["gids"][1], {"room": "Portico esterno"})
    other = P.create_plenary(store, 2, "2024-06-15", "Fabbrica del Vapore", rooms=["Plenaria", "Spazio 1"])
    edit = G.copy_groups(store, day["pid"], other)
    copied = G.groups_of(store, other)
    assert len(edit.ids("groups")) == 4 == len(copied)
    assert [g["name"] for g in copied] == ["Tavolo 1", "Tavolo 2", "Tavolo 3", "Tavolo 4"]
    assert copied[0]["room"] == "Spazio 1" and copied[1]["room"] == "Portico esterno"
    with pytest.raises(G.GroupsError):
        G.copy_groups(store, P.create_plenary(store, 3, "2024-07-01", None), other, session_id="nope")


def test_groups_of_a_session_are_a_separate_scope(store, day):
    afternoon = P.sessions_of(store, day["pid"])[1]["id"]
    (gid,) = make_groups(store, day["pid"], 1, session_id=afternoon)
    assert [g["id"] for g in G.groups_of(store, day["pid"], afternoon)] == [gid]
    assert gid not in {g["id"] for g in G.groups_of(store, day["pid"])}
    G.move_member(store, day["members"][0], gid)
    seat = store.get("group_members", G.seat_id(day["pid"], afternoon, day["members"][0]))
    assert seat["session_id"] == afternoon
    assert day["members"][0] not in G.seats_of(store, day["pid"])


# -- seats -----------------------------------------------------------------------------------------------
def test_seat_id_is_derived_so_two_laptops_write_one_seat(store, day):
    m = day["members"][0]
    assert G.seat_id(day["pid"], None, m) == derived_id("seat", day["pid"], None, m)
    G.move_member(store, m, day["gids"][0])
    G.move_member(store, m, day["gids"][1])
    rows = store.select("group_members", "member_id = ?", (m,), include_deleted=True)
    assert len(rows) == 1 and rows[0]["group_id"] == day["gids"][1]


def test_move_is_undoable_and_keeps_pin(store, day):
    m = day["members"][0]
    G.move_member(store, m, day["gids"][0], pinned=True)
    edit = G.move_member(store, m, day["gids"][2])
    seat = G.seats_of(store, day["pid"])[m]
    assert (seat["group_id"], seat["pinned"]) == (day["gids"][2], 1)
    G.undo(store, edit)
    assert G.seats_of(store, day["pid"])[m]["group_id"] == day["gids"][0]
    G.redo(store, edit)
    assert G.seats_of(store, day["pid"])[m]["group_id"] == day["gids"][2]
    G.set_pinned(store, day["pid"], None, m, False)
    assert G.seats_of(store, day["pid"])[m]["pinned"] == 0


def test_each_action_is_one_transaction(store, day):
    seen = []
    store.subscribe(seen.append)
    plan = GA.plan_assignment(store, day["pid"], seed=1)
    assert seen == []  # planning writes nothing
    GA.accept_assignment(store, plan)
    assert len(seen) == 1 and len(seen[0].rows["group_members"]) == 30


# -- assignment --------------------------------------------------------------------------------------------
def test_assignment_seats_everyone_once_in_near_equal_groups(store, day):
    plan = GA.plan_assignment(store, day["pid"], seed=7)
    groups = plan.result.groups
    assert sorted(m for g in groups for m in g) == sorted(day["members"])
    assert max(map(len, groups)) - min(map(len, groups)) <= 1
    edit = GA.accept_assignment(store, plan)
    assert G.arrangement(store, day["pid"]) == [sorted(g, key=lambda m: store.get("members", m)["surname"])
                                                for g in groups]
    G.undo(store, edit)
    assert G.seats_of(store, day["pid"]) == {}


def test_scores_match_independent_computation(store, day):
    plenary = store.get("plenaries", day["pid"])
    first = GA.plan_assignment(store, day["pid"], seed=3)
    GA.accept_assignment(store, first)
    second_day = P.create_plenary(store, 2, "2024-06-15", None)
    check_in(store, second_day, day["members"])
    make_groups(store, second_day, 4)
    plan = GA.plan_assignment(store, second_day, seed=4)
    attrs = attrs_map(store, plenary)
    r = plan.result
    assert r.diversity == pytest.approx(independent_diversity(r.groups, attrs, FIELDS))
    assert r.diversity_bound == pytest.approx(ref_transport_bound(r.groups, attrs, {f: 1.0 for f in FIELDS}))
    assert r.diversity >= r.diversity_bound - 1e-9
    share, upper = independent_meetings(r.groups, [first.result.groups])
    assert r.meeting_score == pytest.approx(share)
    assert r.meeting_max == pytest.approx(upper)
    GA.accept_assignment(store, plan)
    now = GA.current_scores(store, second_day)
    assert now.diversity == pytest.approx(r.diversity) and now.meeting_score == pytest.approx(share)


def test_same_seed_same_groups_new_seed_differs(store, day):
    a = GA.plan_assignment(store, day["pid"], seed=11).result.groups
    b = GA.plan_assignment(store, day["pid"], seed=11).result.groups
    c = GA.plan_assignment(store, day["pid"], seed=12).result.groups
    assert a == b and a != c
    drawn = GA.plan_assignment(store, day["pid"])
    assert isinstance(drawn.seed, int) and GA.plan_assignment(store, day["pid"], seed=drawn.seed).result.groups \
        == drawn.result.groups


def test_field_weights_and_subset(store, day):
    plan = GA.plan_assignment(store, day["pid"], seed=1, fields={"gender": 3, "municipio": 1})
    assert plan.fields == {"gender": 3.0, "municipio": 1.0}
    assert set(plan.result.diversity_by_field) == {"gender", "municipio"}
    with pytest.raises(G.GroupsError, match="unknown field"):
        GA.plan_assignment(store, day["pid"], fields=["shoe_size"])


def test_pinned_members_stay_where_the_facilitator_put_them(store, day):
    pins = {day["members"][i]: day["gids"][i % 2] for i in range(6)}
    for mid, gid in pins.items():
        G.move_member(store, mid, gid, pinned=True)
    for seed in range(5):
        plan = GA.plan_assignment(store, day["pid"], seed=seed)
        where = {m: plan.groups[i]["id"] for i, g in enumerate(plan.result.groups) for m in g}
        assert all(where[m] == g for m, g in pins.items())
    GA.accept_assignment(store, plan)
    assert all(G.seats_of(store, day["pid"])[m]["pinned"] == 1 for m in pins)


def test_theme_commitments_are_honoured_and_stored_in_settings(store, day):
    with store.transaction():
        mob, heat = (store.insert("themes", {"name": n, "sort_order": i}) for i, n in enumerate(("Mobilità", "Caldo")))
    for i, gid in enumerate(day["gids"]):
        G.update_group(store, gid, {"theme_id": mob if i < 2 else heat})
    committed = day["members"][:8]
    for mid in committed:
        G.set_theme_commitment(store, mid, heat)
    assert store.setting("theme_commitments") == {m: heat for m in committed}
    plan = GA.plan_assignment(store, day["pid"], seed=5)
    for i, g in enumerate(plan.result.groups):
        if plan.groups[i]["theme_id"] != heat:
            assert not set(g) & set(committed)
    G.set_theme_commitment(store, committed[0], None)
    assert committed[0] not in G.theme_commitments(store)
    with store.transaction():
        other = store.insert("themes", {"name": "Energia", "sort_order": 2})
    G.set_theme_commitment(store, committed[1], other)
    assert GA.plan_assignment(store, day["pid"], seed=5).uncommitted == [committed[1]]


def test_new_groups_are_created_on_accept(store, day):
    plan = GA.plan_assignment(store, day["pid"], 6, seed=2)
    assert [g["id"] for g in plan.groups][4:] == [None, None]
    edit = GA.accept_assignment(store, plan)
    groups = G.groups_of(store, day["pid"])
    assert len(groups) == 6 and groups[5]["name"] == "Gruppo 6" and len(edit.ids("groups")) == 2
    G.undo(store, edit)
    assert len(G.groups_of(store, day["pid"])) == 4


def test_accept_removes_seats_of_people_no_longer_grouped(store, day):
    GA.accept_assignment(store, GA.plan_assignment(store, day["pid"], seed=1))
    sid = P.sessions_of(store, day["pid"])[0]["id"]
    gone = day["members"][:3]
    with store.transaction():
        for m in gone:
            store.delete("attendance", derived_id("attendance", sid, m))
    GA.accept_assignment(store, GA.plan_assignment(store, day["pid"], seed=2))
    assert not set(gone) & set(G.seats_of(store, day["pid"]))


@pytest.mark.parametrize("k, message", [(0, "at least 1"), (31, "more groups"), (3, "has 4 groups")])
def test_bad_numbers_of_groups(store, day, k, message):
    with pytest.raises(G.GroupsError, match=message):
        GA.plan_assignment(store, day["pid"], k)


def test_present_or_expected(store, day):
    later = P.create_plenary(store, 2, "2024-06-15", None)
    make_groups(store, later, 3)
    with pytest.raises(G.GroupsError, match="checked in"):
        GA.plan_assignment(store, later)
    plan = GA.plan_assignment(store, later, expected=True, seed=1)
    assert len(plan.members) == 30
    sid = check_in(store, later, day["members"][:10], session=1)
    assert set(GA.plan_assignment(store, later, seed=1).members) == set(day["members"][:10])
    assert G.present_ids(store, later, sid) == set(day["members"][:10])
    assert G.present_ids(store, later, P.sessions_of(store, later)[0]["id"]) == set()


def test_history_is_earlier_plenaries_only(store, day):
    GA.accept_assignment(store, GA.plan_assignment(store, day["pid"], seed=1))
    later = P.create_plenary(store, 2, "2024-06-15", None)
    earlier = P.create_plenary(store, 3, "2024-01-15", None)
    assert len(G.history(store, later)) == 1
    assert G.history(store, earlier) == [] and G.history(store, day["pid"]) == []
    assert sorted(map(sorted, G.history(store, later)[0])) == sorted(map(sorted, G.arrangement(store, day["pid"])))


def test_assignment_meets_new_people_over_rounds(store, day):
    rounds = []
    pid = day["pid"]
    for n in range(2, 6):
        GA.accept_assignment(store, GA.plan_assignment(store, pid, seed=n, meeting_weight=1.0))
        rounds.append(G.arrangement(store, pid))
        pid = P.create_plenary(store, n, f"2024-0{n + 4}-01", None)
        check_in(store, pid, day["members"])
        make_groups(store, pid, 4)
    plan = GA.plan_assignment(store, pid, seed=9, meeting_weight=1.0)
    share, upper = independent_meetings(plan.result.groups, rounds)
    lottery = 1 - len(met_pairs(rounds)) / (30 * 29 / 2)
    assert share > lottery  # better than drawing by lot


# -- late arrival --------------------------------------------------------------------------------------------
def test_late_arrival_goes_to_a_smallest_group_with_reasons(store, day):
    late = day["members"][-1]
    plan = GA.plan_assignment(store, day["pid"], seed=1)
    plan.result.groups = [[m for m in g if m != late] for g in plan.result.groups]
    GA.accept_assignment(store, plan)
    sizes = {g["id"]: len(m) for g, m in zip(G.groups_of(store, day["pid"]), G.arrangement(store, day["pid"]))}
    lp = GA.plan_late_arrival(store, day["pid"], None, late)
    assert sizes[lp.best_group_id] == min(sizes.values())
    best = lp.placement.options[0]
    assert {c.field for c in best.changes} == set(FIELDS)
    assert best.size_after == best.size_before + 1 and best.new_people + best.repeat_people == best.size_before
    edit = GA.place_late_arrival(store, lp)
    assert G.seats_of(store, day["pid"])[late]["group_id"] == lp.best_group_id
    G.undo(store, edit)
    assert late not in G.seats_of(store, day["pid"])


def test_late_arrival_respects_commitment(store, day):
    with store.transaction():
        theme = store.insert("themes", {"name": "Energia", "sort_order": 0})
    G.update_group(store, day["gids"][3], {"theme_id": theme})
    late = day["members"][0]
    G.set_theme_commitment(store, late, theme)
    lp = GA.plan_late_arrival(store, day["pid"], None, late)
    assert lp.committed and [o.group for o in lp.placement.options] == [3]


# -- no-shows ------------------------------------------------------------------------------------------------
def _min_moves(sizes):
    """Fewest single moves that bring sizes within one of each other (independent of the engine)."""
    q, r = divmod(sum(sizes), len(sizes))
    targets = [q + 1] * r + [q] * (len(sizes) - r)
    return sum(max(0, s - t) for s, t in zip(sorted(sizes, reverse=True), targets))


def test_no_shows_rebalance_with_fewest_moves_and_undo(store, day):
    GA.accept_assignment(store, GA.plan_assignment(store, day["pid"], seed=1))
    before = {m: s["group_id"] for m, s in G.seats_of(store, day["pid"]).items()}
    arr = G.arrangement(store, day["pid"])
    absent = arr[0][:4]  # group 1 loses four people
    pinned = arr[1][0]
    G.set_pinned(store, day["pid"], None, pinned, True)
    plan = GA.plan_no_shows(store, day["pid"], None, absent)
    assert sorted(plan.absent) == sorted(absent)
    left = [len([m for m in g if m not in absent]) for g in arr]
    assert len(plan.moves) == _min_moves(left) and plan.balanced
    assert pinned not in {m for m, _, _ in plan.moves}
    assert max(plan.sizes_after) - min(plan.sizes_after) <= 1
    edit = GA.apply_no_shows(store, plan)
    after = {m: s["group_id"] for m, s in G.seats_of(store, day["pid"]).items()}
    movers = {m for m, _, _ in plan.moves}
    assert set(after) == set(before) - set(absent)
    assert all(after[m] == before[m] for m in after if m not in movers)  # nobody else reshuffled
    G.undo(store, edit)
    assert {m: s["group_id"] for m, s in G.seats_of(store, day["pid"]).items()} == before


def test_absent_seated_reads_check_ins(store, day):
    GA.accept_assignment(store, GA.plan_assignment(store, day["pid"], expected=True, seed=1))
    assert GA.absent_seated(store, day["pid"]) == []
    sid = P.sessions_of(store, day["pid"])[0]["id"]
    with store.transaction():
        store.delete("attendance", derived_id("attendance", sid, day["members"][5]))
    assert GA.absent_seated(store, day["pid"]) == [day["members"][5]]


# -- properties ----------------------------------------------------------------------------------------------
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(4, 40), k=st.integers(1, 6), seed=st.integers(0, 10 ** 6), npins=st.integers(0, 4))
def test_property_everyone_once_sizes_within_one_pins_kept(tmp_path_factory, n, k, seed, npins):
    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.store import Store

    k = min(k, n)
    with Store(tmp_path_factory.mktemp("p") / "a.sqlite", Device("d", "d")) as store:
        members = add_members(store, n, random.Random(seed))
        pid = P.create_plenary(store, 1, "2024-05-11", None)
        check_in(store, pid, members)
        gids = make_groups(store, pid, k)
        rng = random.Random(seed)
        pins = {m: rng.choice(gids) for m in rng.sample(members, min(npins, n))}
        for m, g in pins.items():
            G.move_member(store, m, g, pinned=True)
        plan = GA.plan_assignment(store, pid, seed=seed, effort=0.2)
        where = {m: plan.groups[i]["id"] for i, g in enumerate(plan.result.groups) for m in g}
        assert sorted(where) == sorted(members) and sum(map(len, plan.result.groups)) == n
        assert all(where[m] == g for m, g in pins.items())
        if not pins:
            assert max(map(len, plan.result.groups)) - min(map(len, plan.result.groups)) <= 1


# -- quality on the demo cycle ---------------------------------------------------------------------------------
QUALITY_DIVERSITY = 1.25   # each round within 25% of the rounding lower bound (reference_scores.py)
QUALITY_MEETINGS = 0.85    # and at least 85% of the theoretical maximum of new meetings


@pytest.fixture(scope="module")
def demo_cycle(tmp_path_factory):
    """The demo's 8 plenaries grouped one after the other with the defaults (present, else expected).

    Returns one row per round: (number, people, k, diversity / bound, meetings / max, lottery share),
    all computed here by the independent functions above, after checking the engine's figures.
    """
    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.store import Store
    from facilitator_app.demo.build import STEPS_2024, build_demo

    with Store(tmp_path_factory.mktemp("cycle") / "demo.sqlite", Device("q", "q")) as store:
        build_demo(store, seed=2024, steps=STEPS_2024)  # one cycle: its groups
        with store.transaction():
            for r in store.select("group_members"):
                store.delete("group_members", r["id"])
        rounds, rows = [], []
        for p in P.list_plenaries(store):
            plan = GA.plan_assignment(store, p["id"], seed=p["number"], expected=not G.has_attendance(store, p["id"]))
            GA.accept_assignment(store, plan)
            groups, r = plan.result.groups, plan.result
            attrs = attrs_map(store, p)
            d, bound = independent_diversity(groups, attrs, FIELDS), independent_bound(groups, attrs, FIELDS)
            whole_bound = ref_transport_bound(groups, {m: dict(a) for m, a in attrs.items()},
                                              {f: 1.0 for f in FIELDS})
            assert bound <= whole_bound + 1e-9 and d >= whole_bound - 1e-9
            share, upper = independent_meetings(groups, rounds)
            assert (r.diversity, r.diversity_bound, r.meeting_score, r.meeting_max) == pytest.approx(
                (d, whole_bound, share, upper))
            people = [m for g in groups for m in g]
            met = met_pairs(rounds)
            pairs = len(people) * (len(people) - 1) / 2
            lottery = 1 - sum(1 for a, b in itertools.combinations(people, 2) if frozenset((a, b)) in met) / pairs
            rows.append((p["number"], len(people), len(groups), d / whole_bound, share / upper, lottery))
            rounds.append(groups)
        return rows


def _figures(rows):
    return "; ".join(f"plenary {n}: {people} people/{k} groups, diversity {dr:.2f}x bound, "
                     f"meetings {mr:.0%} of max (lottery {lot:.0%})" for n, people, k, dr, mr, lot in rows)


def test_demo_cycle_is_diverse_and_meets_more_than_by_lot(demo_cycle):
    """What the engine reaches today on the demo (a guard against regressions)."""
    for n, people, k, dr, mr, lottery in demo_cycle:
        assert dr <= 1.5, _figures(demo_cycle)
        assert mr >= lottery - 1e-9, _figures(demo_cycle)


def test_quality_target_on_demo_cycle(demo_cycle):
    """Every round of the demo cycle, grouped with the defaults: diversity within 25% of the rounding
    lower bound and at least 85% of the theoretical maximum of new meetings."""
    misses = [row for row in demo_cycle if row[3] > QUALITY_DIVERSITY or row[4] < QUALITY_MEETINGS]
    assert not misses, _figures(misses)
