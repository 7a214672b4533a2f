"""The selection engine: quotas, feasibility and relaxation, exact leximin chances, the draw, rotation."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from facilitator_app.core.selection.engine import check, select
from facilitator_app.core.selection.lottery import Lottery, compute, draw, seed_uniform
from facilitator_app.core.selection.model import (
    Quotas, Respondent, SelectionError, meets, quota_problems, quotas_from_targets, shifted,
)
from tests.core.selection.helpers import brute_leximin, pool_of, quotas


def _two_field_pool():
    return pool_of(("p1", {"gender": "F", "age": "young"}), ("p2", {"gender": "F", "age": "old"}),
                   ("p3", {"gender": "M", "age": "young"}), ("p4", {"gender": "M", "age": "old"}),
                   ("p5", {"gender": "M", "age": "old"}))


def test_leximin_chances_known_by_hand():
    # Panels: p1 with p4 or p5 (F young + M old), or p2 with p3. With a = P(p1 panel):
    # p1 = a, p4 = p5 = a/2, p2 = p3 = 1 - a; the smallest is largest at a = 2/3.
    q = quotas(2, gender={"F": (1, 1), "M": (1, 1)}, age={"young": (1, 1), "old": (1, 1)})
    lot = compute(_two_field_pool(), q, "leximin")
    expected = {"p1": 2 / 3, "p2": 1 / 3, "p3": 1 / 3, "p4": 1 / 3, "p5": 1 / 3}
    assert lot.chances == pytest.approx(expected, abs=1e-6)
    assert lot.method == "leximin"


def test_leximin_second_level_known_by_hand():
    # Any woman with any man: the three men get 1/3 each (the first level), the two women 1/2 (the second).
    pool = pool_of(("f1", {"gender": "F"}), ("f2", {"gender": "F"}),
                   ("m1", {"gender": "M"}), ("m2", {"gender": "M"}), ("m3", {"gender": "M"}))
    lot = compute(pool, quotas(2, gender={"F": (1, 1), "M": (1, 1)}), "leximin")
    assert lot.chances == pytest.approx({"f1": .5, "f2": .5, "m1": 1 / 3, "m2": 1 / 3, "m3": 1 / 3}, abs=1e-6)


def test_someone_always_needed_gets_chance_one():
    pool = pool_of(("f1", {"gender": "F"}), *[(f"m{i}", {"gender": "M"}) for i in range(4)])
    lot = compute(pool, quotas(3, gender={"F": (1, 2), "M": (1, 2)}), "leximin")
    assert lot.chances["f1"] == pytest.approx(1.0, abs=1e-6)
    assert all(lot.chances[f"m{i}"] == pytest.approx(0.5, abs=1e-6) for i in range(4))


def test_quotas_from_targets_floor_and_ceil():
    q = quotas_from_targets({"gender": {"F": 0.514, "M": 0.486}, "citizenship": {"italian": 0.8, "foreign": 0.2}}, 45)
    assert (q.fields["gender"]["F"].min, q.fields["gender"]["F"].max) == (23, 24)
    assert (q.fields["gender"]["M"].min, q.fields["gender"]["M"].max) == (21, 22)
    # 45 x 0.2 is exactly 9: min = max = 9, not 9-10 from floating-point noise.
    assert (q.fields["citizenship"]["foreign"].min, q.fields["citizenship"]["foreign"].max) == (9, 9)
    assert not quota_problems(q)


def test_quotas_that_do_not_add_up_are_reported_in_words():
    q = quotas(10, gender={"F": (6, 7), "M": (5, 6)})
    problems = quota_problems(q)
    assert [p.code for p in problems] == ["quota_mins_over_panel"]
    assert "add up to 11, more than the 10 seats" in problems[0].message
    q = quotas(10, gender={"F": (2, 4), "M": (2, 4)})
    assert [p.code for p in quota_problems(q)] == ["quota_maxes_under_panel"]
    assert [p.code for p in quota_problems(quotas(4, gender={"F": (3, 2), "M": (0, 4)}))] == ["quota_min_over_max"]


@pytest.mark.parametrize("pool, code", [
    ([Respondent("a", {"gender": "F"}), Respondent("a", {"gender": "M"}), Respondent("b", {"gender": "M"})],
     "duplicate_respondent"),
    ([Respondent("a", {"gender": "F"}), Respondent("b", {"gender": "nonbinary"})], "unknown_value"),
    ([Respondent("a", {"gender": "F"}), Respondent("b", {})], "missing_value"),
    ([Respondent("a", {"gender": "F"})], "pool_too_small"),
])
def test_bad_pools_refused(pool, code):
    q = quotas(2, gender={"F": (0, 2), "M": (0, 2)})
    feas = check(pool, q)
    assert not feas.ok and code in [p.code for p in feas.problems]
    with pytest.raises(SelectionError) as exc:
        select(pool, q, "leximin", "123")
    assert exc.value.code == code


def test_infeasible_quotas_get_the_smallest_relaxation_in_words():
    pool = [Respondent(f"f{i}", {"citizenship": "foreign"}) for i in range(3)]
    pool += [Respondent(f"i{i}", {"citizenship": "italian"}) for i in range(20)]
    q = quotas(10, citizenship={"foreign": (5, 6), "italian": (4, 5)})
    feas = check(pool, q)
    assert not feas.ok
    assert {(r.field, r.value, r.bound, r.old, r.new) for r in feas.relaxations} == {
        ("citizenship", "foreign", "min", 5, 3), ("citizenship", "italian", "max", 5, 7)}
    assert "lower the minimum from 5 to 3" in feas.text()
    with pytest.raises(SelectionError) as exc:
        select(pool, q, "leximin", "42")
    assert exc.value.code == "infeasible_quotas"


def test_seed_draw_is_reproducible_and_depends_on_the_seed():
    pool = _two_field_pool()
    q = quotas(2, gender={"F": (1, 1), "M": (1, 1)}, age={"young": (1, 1), "old": (1, 1)})
    a = select(pool, q, "leximin", "17 23 48 51 62")
    b = select(pool, q, "leximin", "  17 23 48 51 62 ")
    assert a.selected == b.selected and a.digest == b.digest
    # The stored lottery redraws the same panel.
    again, _, _ = draw(Lottery.from_json(a.lottery.to_json()), "17 23 48 51 62")
    assert again == a.selected
    seen = {tuple(select(pool, q, "leximin", str(s)).selected) for s in range(12)}
    assert len(seen) > 1
    assert 0 <= seed_uniform("x") < 1 and seed_uniform("x") != seed_uniform("y")


@pytest.mark.parametrize("seed", ["", "   ", None])
def test_empty_seed_refused(seed):
    with pytest.raises(SelectionError) as exc:
        select(_two_field_pool(), quotas(2, gender={"F": (1, 1), "M": (1, 1)}), "leximin", seed)
    assert exc.value.code == "empty_seed"


def test_draw_frequencies_follow_the_chances():
    pool = _two_field_pool()
    q = quotas(2, gender={"F": (1, 1), "M": (1, 1)}, age={"young": (1, 1), "old": (1, 1)})
    lot = compute(pool, q, "leximin")
    hits = {r.id: 0 for r in pool}
    for s in range(3000):
        for rid in draw(lot, f"seed {s}")[0]:
            hits[rid] += 1
    for rid, p in lot.chances.items():
        assert abs(hits[rid] / 3000 - p) < 0.04


def _mixed_pool(n: int, seed: int = 3) -> list[Respondent]:
    import random

    rng = random.Random(seed)
    return [Respondent(f"r{i:03d}", {"gender": rng.choice("FFM"), "age": rng.choice(["y", "m", "o"]),
                                     "zone": rng.choice("123")}) for i in range(n)]


def test_rotation_keeps_the_whole_group_within_quotas():
    people = _mixed_pool(60)
    continuing, pool = people[:10], people[10:]
    q = quotas(20, gender={"F": (9, 11), "M": (9, 11)}, age={"y": (5, 8), "m": (5, 8), "o": (5, 8)},
               zone={"1": (5, 8), "2": (5, 8), "3": (5, 8)})
    sel = select(pool, q, "leximin", "rotation 2025", fixed=continuing)
    assert len(sel.selected) == 10
    by_id = {r.id: r for r in people}
    assert not meets(continuing + [by_id[i] for i in sel.selected], q)
    chances = sel.probabilities()
    assert set(chances) == {r.id for r in pool}           # only newcomers get chances
    assert sum(chances.values()) == pytest.approx(10, abs=1e-6)


def test_replacement_from_the_reserve_keeps_quotas():
    people = _mixed_pool(40, seed=5)
    q = quotas(12, gender={"F": (5, 7), "M": (5, 7)}, age={"y": (3, 5), "m": (3, 5), "o": (3, 5)})
    first = select(people, q, "leximin", "first")
    by_id = {r.id: r for r in people}
    office = [by_id[i] for i in first.selected]
    leaving = office[0]
    reserve = [r for r in people if r.id not in first.selected]
    rep = select(reserve, q, "leximin", "replace 1", fixed=office[1:])
    assert len(rep.selected) == 1 and rep.selected[0] in {r.id for r in reserve}
    assert not meets(office[1:] + [by_id[rep.selected[0]]], q)
    assert leaving.id not in rep.selected


def test_continuing_members_over_a_maximum_make_it_infeasible_in_words():
    people = _mixed_pool(30)
    women = [r for r in people if r.features["gender"] == "F"][:8]
    q = quotas(10, gender={"F": (4, 6), "M": (4, 6)})
    feas = check([r for r in people if r not in women], q, fixed=women)
    assert not feas.ok
    assert any(r.bound == "max" and r.value == "F" and r.new >= 8 for r in feas.relaxations)
    _, over = shifted(q, women)
    assert over == [("gender", "F", 8)]


def test_method_is_stated_and_unknown_method_refused():
    pool = _mixed_pool(20)
    q = quotas(6, gender={"F": (2, 4), "M": (2, 4)})
    for method in ("leximin", "maximin", "legacy"):
        sel = select(pool, q, method, "5")
        assert sel.method == method and method in sel.method_text
        assert not meets([r for r in pool if r.id in sel.selected], q)
    with pytest.raises(SelectionError) as exc:
        select(pool, q, "nash", "5")
    assert exc.value.code == "unknown_method"


@st.composite
def small_cases(draw_):
    n = draw_(st.integers(5, 9))
    k = draw_(st.integers(2, min(4, n - 1)))
    pool = [Respondent(f"r{i}", {"a": draw_(st.sampled_from("xy")), "b": draw_(st.sampled_from("uvw"))})
            for i in range(n)]
    qa = draw_(st.sampled_from([(0.5, 0.5), (0.3, 0.7), (0.6, 0.4)]))
    qb = draw_(st.sampled_from([(0.34, 0.33, 0.33), (0.5, 0.25, 0.25), (0.2, 0.2, 0.6)]))
    q = quotas_from_targets({"a": dict(zip("xy", qa)), "b": dict(zip("uvw", qb))}, k)
    return pool, q


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_cases(), st.text(min_size=1, max_size=8).filter(str.strip))
def test_property_panels_meet_quotas_and_chances_sum_to_k(case, seed):
    pool, q = case
    if not check(pool, q).ok:
        return
    sel = select(pool, q, "leximin", seed)
    by_id = {r.id: r for r in pool}
    assert not meets([by_id[i] for i in sel.selected], q)
    chances = sel.probabilities()
    assert sum(chances.values()) == pytest.approx(q.panel, abs=1e-6)
    assert all(-1e-9 <= p <= 1 + 1e-9 for p in chances.values())
    lot = sel.lottery
    for counts in lot.panels:   # every panel the lottery can draw meets the quotas
        people = [by_id[rid] for g, c in enumerate(counts) for rid in lot.groups[g][:c]]
        assert not meets(people, q)
    # and the chances are the leximin ones, found by enumerating every panel
    expected = brute_leximin(pool, q)
    assert sorted(chances.values()) == pytest.approx(sorted(expected.values()), abs=2e-5)
    assert chances == pytest.approx(expected, abs=2e-5)
