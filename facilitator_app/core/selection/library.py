"""The bridge to sortition-algorithms (Sortition Foundation, GPL-3.0).

What we take from the library: its quota model (`FeatureCollection`), its
people model, its feasibility check with the minimal relaxation of infeasible
quotas (`setup_committee_generation` raises `InfeasibleQuotasError` carrying
the relaxed quotas), and its `maximin` and `legacy` methods.

The library's HiGHS wrapper solves every pricing problem twice:
`HighsSolver.set_objective` calls highspy's `maximize()`/`minimize()`, which
already solve, then `optimize()` solves again. `single_solve()` swaps in a
`set_objective` that only sets the objective (highspy's `setObjective`),
for the duration of our calls; the fix offered upstream is that one line.
"""

from __future__ import annotations

import contextlib
import random
import threading
from collections.abc import Iterator, Sequence
from importlib.metadata import version

from facilitator_app.core.selection.model import Quotas, Respondent

_PATCH_LOCK = threading.RLock()
_IMPORT_LOCK = threading.Lock()


def load() -> None:
    """Import the sortition library, one thread at a time: its package imports its submodules in a
    circle, and two threads importing it at once (the page's prefetch and a check) can find it half
    initialised ("cannot import name ... from partially initialized module")."""
    with _IMPORT_LOCK:
        import sortition_algorithms  # noqa: F401
        import sortition_algorithms.committee_generation.common  # noqa: F401
_banner_done = False


def quiet_highs_banner() -> None:
    """HiGHS prints its banner on stdout when the first instance is made (before any option can be set),
    which would spoil `--json` output: make that first instance with stdout pointed at /dev/null."""
    global _banner_done
    if _banner_done:
        return
    import os
    import sys

    import highspy

    with _PATCH_LOCK:
        if _banner_done:
            return
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "w") as null:
                os.dup2(null.fileno(), 1)
                highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _banner_done = True


def library_version() -> str:
    return version("sortition-algorithms")


def highs_version() -> str:
    return version("highspy")


@contextlib.contextmanager
def single_solve() -> Iterator[None]:
    """HighsSolver.set_objective without the hidden solve, while the block runs."""
    load()
    from sortition_algorithms.committee_generation.solver import HighsSolver, SolverSense

    quiet_highs_banner()

    def set_objective(self, expr, sense):  # noqa: ANN001 - the library's signature
        self._objective_sense = sense
        hs = self._highspy.ObjSense
        self._h.setObjective(expr, hs.kMaximize if sense == SolverSense.MAXIMIZE else hs.kMinimize)

    with _PATCH_LOCK:
        original = HighsSolver.set_objective
        HighsSolver.set_objective = set_objective
        try:
            yield
        finally:
            HighsSolver.set_objective = original


@contextlib.contextmanager
def seeded(seed: int) -> Iterator[None]:
    """The library's random provider seeded (its legacy draw, its solver seeds), then back to secrets.

    Its loggers print every step to stdout (it is a command-line tool too): quiet while we call it.
    """
    import logging

    load()
    from sortition_algorithms import utils

    quiet = [logging.getLogger(n) for n in ("sortition_algorithms", "sortition_algorithms_user")]
    with _PATCH_LOCK:
        levels = [lg.level for lg in quiet]
        for lg in quiet:
            lg.setLevel(logging.ERROR)
        state = random.getstate()
        utils.set_random_provider(seed or 1)
        try:
            yield
        finally:
            utils.set_random_provider(None)
            random.setstate(state)
            for lg, level in zip(quiet, levels):
                lg.setLevel(level)


def features(q: Quotas):
    """Our quotas as the library's FeatureCollection (max_flex set so relaxing can raise maxima)."""
    load()
    from sortition_algorithms.features import FeatureValueMinMax, set_default_max_flex

    fc = {f: {v: FeatureValueMinMax(min=r.min, max=r.max) for v, r in vals.items()} for f, vals in q.fields.items()}
    set_default_max_flex(fc)
    # A maximum may have to rise up to the whole panel.
    for vals in fc.values():
        for fv in vals.values():
            fv.max_flex = max(fv.max_flex, q.panel)
    return fc


def people(pool: Sequence[Respondent], q: Quotas):
    load()
    from sortition_algorithms.people import People

    fc = features(q)
    pp = People(columns_to_keep=[])
    for row, r in enumerate(pool, start=1):
        pp.add(r.id, {f: str(r.features[f]) for f in q.fields}, fc, row)
    return pp


def relaxation(pool: Sequence[Respondent], q: Quotas) -> Quotas | None:
    """None when some group of q.panel people from the pool meets q; else the library's minimal relaxation.

    Raises the library's InfeasibleQuotasCantRelaxError when no relaxation helps.
    """
    load()
    from sortition_algorithms.committee_generation.common import setup_committee_generation
    from sortition_algorithms.errors import InfeasibleQuotasError

    with single_solve(), seeded(1):
        try:
            setup_committee_generation(features(q), people(pool, q), q.panel, [], "highspy")
        except InfeasibleQuotasError as exc:
            relaxed = q.copy()
            for f, vals in exc.features.items():
                for v, fv in vals.items():
                    relaxed.fields[f][v].min, relaxed.fields[f][v].max = int(fv.min), int(fv.max)
            return relaxed
    return None


def maximin(pool: Sequence[Respondent], q: Quotas, *, fix_double_solve: bool = True):
    """The library's maximin on HiGHS: (panels as frozensets of ids, their probabilities)."""
    load()
    from sortition_algorithms.committee_generation import find_distribution_maximin, standardize_distribution

    ctx = single_solve() if fix_double_solve else contextlib.nullcontext()
    with ctx, seeded(1):
        panels, probs, _report = find_distribution_maximin(features(q), people(pool, q), q.panel, [], "highspy")
    return standardize_distribution(panels, probs)


def legacy(pool: Sequence[Respondent], q: Quotas, seed: int, attempts: int = 100) -> frozenset[str]:
    """One panel by the library's greedy method, its randomness seeded."""
    load()
    from sortition_algorithms.committee_generation import find_random_sample_legacy

    with seeded(seed):
        panels, _report = find_random_sample_legacy(people(pool, q), features(q), q.panel, [],
                                                    max_attempts=attempts)
    return panels[0]
