"""The LEXIMIN solver's speed-ups compute the same thing: swap search on bit masks, master rebuilds, restarts."""

from __future__ import annotations

import numpy as np
import pytest

from facilitator_app.core.members.targets import default_targets
from facilitator_app.core.selection import leximin as L, master as M
from facilitator_app.core.selection.model import FIELDS, Respondent, quotas_from_targets
from facilitator_app.core.selection.synthetic import synthetic_pool
from tests.core.selection.helpers import brute_leximin, pool_of, quotas


@pytest.mark.parametrize("n,k", [(120, 20), (300, 45)])
def test_bit_mask_swap_search_makes_the_same_moves_as_the_dense_one(n, k):
    P = L.profiles(synthetic_pool(n, seed=n), quotas_from_targets(default_targets(), k, FIELDS))
    finder = L.PanelFinder(P)
    assert finder.bits is not None
    rng = np.random.default_rng(3)
    start, _ = finder.exact(rng.uniform(0, 1, P.m))
    moved = 0
    for i in range(60):
        w = rng.uniform(0, 1, P.m) / P.size
        if i % 3 == 0:
            w = np.round(w * 20) / 20            # many ties: the tie-break order must match too
        if i % 5 == 0:
            w[rng.random(P.m) < 0.6] = 0.0       # most duals zero, as late in a leximin stage
        fast, dense = finder._swap_search_bits(start, w, 400), finder._swap_search_dense(start, w, 400)
        assert np.array_equal(fast, dense)
        assert (P.lo - 1e-9 <= P.A @ fast).all() and (P.A @ fast <= P.hi + 1e-9).all() and fast.sum() == k
        moved += not np.array_equal(fast, start)
        if i % 2:
            start = fast
    assert moved > 10   # the comparison is not vacuous


def test_more_quota_rows_than_bits_fall_back_to_the_dense_search():
    pool = pool_of(*[(f"r{i}", {"area": f"v{i}"}) for i in range(70)])
    q = quotas(2, area={f"v{i}": (0, 1) for i in range(70)})
    P = L.profiles(pool, q)
    assert L.PanelFinder(P).bits is None
    d = L.leximin(P)
    assert d.chance == pytest.approx(np.full(70, 2 / 70), abs=1e-6)


def _cases():
    yield pool_of(("p1", {"gender": "F", "age": "young"}), ("p2", {"gender": "F", "age": "old"}),
                  ("p3", {"gender": "M", "age": "young"}), ("p4", {"gender": "M", "age": "old"}),
                  ("p5", {"gender": "M", "age": "old"})), \
        quotas(2, gender={"F": (1, 1), "M": (1, 1)}, age={"young": (1, 1), "old": (1, 1)})
    rng = np.random.default_rng(11)
    for n, k in ((8, 3), (9, 4), (9, 3)):
        pool = [Respondent(f"r{i}", {"a": str(rng.choice(list("xy"))), "b": str(rng.choice(list("uvw")))})
                for i in range(n)]
        yield pool, quotas_from_targets({"a": {"x": .5, "y": .5}, "b": {"u": .5, "v": .25, "w": .25}}, k)


@pytest.mark.parametrize("case", list(_cases()))
def test_master_rebuilt_every_stage_and_every_solve_restarted_gives_the_leximin_chances(case, monkeypatch):
    pool, q = case
    expected = brute_leximin(pool, q)
    # Rebuild the master at every stage; stop every solve at the first pivot, so both restart paths
    # (same basis with a higher limit, then from scratch with the dual simplex) run every time.
    monkeypatch.setattr(L, "MASTER_PER_PROFILE", 0)
    monkeypatch.setattr(M, "ITERATION_LIMIT", 1)
    d = L.leximin(L.profiles(pool, q))
    assert d.person_chances() == pytest.approx(expected, abs=2e-5)
    assert d.stats["master_restarts"] > 0
    if d.stats["stages"] > 1:
        assert d.stats["master_rebuilds"] > 0
    assert sum(d.weights) == pytest.approx(1.0)
    for n in d.panels:   # every panel meets the quotas and has k people
        assert n.sum() == q.panel and (d.P.A @ n >= d.P.lo - 1e-9).all() and (d.P.A @ n <= d.P.hi + 1e-9).all()


def test_master_rebuilds_that_drop_panels_keep_the_leximin_chances(monkeypatch):
    P = L.profiles(synthetic_pool(120, seed=120), quotas_from_targets(default_targets(), 20, FIELDS))
    reference = L.leximin(P)
    built: list[int] = []
    init = M.PrimalMaster.__init__

    def spy(self, P_, fixed, columns, ids, counters=None):
        built.append(len(list(ids)))
        init(self, P_, fixed, columns, ids, counters)

    monkeypatch.setattr(M.PrimalMaster, "__init__", spy)
    monkeypatch.setattr(L, "MASTER_PER_PROFILE", 0)
    monkeypatch.setattr(M, "ITERATION_LIMIT", 5)
    d = L.leximin(P)
    assert len(built) > 2 and min(built[1:]) < d.stats["panels_known"] / 2   # panels were really left out
    assert d.chance == pytest.approx(reference.chance, abs=2e-5)
    assert d.chance.min() == pytest.approx(reference.chance.min(), abs=1e-6)
    counts = np.array(d.panels)
    assert (counts @ P.A.T >= P.lo - 1e-9).all() and (counts @ P.A.T <= P.hi + 1e-9).all()
    assert np.array(d.weights) @ counts / P.size == pytest.approx(d.chance, abs=1e-9)


def test_no_solver_limit_depends_on_the_clock():
    """verify redoes a draw on another laptop, maybe a loaded one: a wall-clock limit could end a
    pricing problem at another panel there and give another distribution, so only counts limit it."""
    pool = pool_of(*[(f"r{i}", {"area": f"v{i % 3}"}) for i in range(9)])
    finder = L.PanelFinder(L.profiles(pool, quotas(3, area={f"v{i}": (1, 1) for i in range(3)})))
    for h in (finder.mip, finder.lp):
        assert h.getOptionValue("time_limit")[1] == float("inf")
    assert finder.mip.getOptionValue("mip_max_nodes")[1] == L.MIP_MAX_NODES


def test_the_same_inputs_give_the_same_distribution_twice():
    pool = synthetic_pool(120, seed=5)
    q = quotas_from_targets(default_targets(), 20, FIELDS)
    a, b = L.leximin(L.profiles(pool, q)), L.leximin(L.profiles(pool, q))
    assert np.array_equal(a.chance, b.chance)
    assert [tuple(p) for p in a.panels] == [tuple(p) for p in b.panels] and a.weights == b.weights
