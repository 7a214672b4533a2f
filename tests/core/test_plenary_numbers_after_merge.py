"""Two laptops that each created "plenary 9": after the merge the number is a conflict to resolve."""

import pytest

from facilitator_app.cli import main
from facilitator_app.core.exchange.conflicts import open_count
from facilitator_app.core.exchange.packages import export_package, import_packages, prepare_laptops
from facilitator_app.core.exchange.packages import ExchangeError
from facilitator_app.core.plenaries.plenaries import (AmbiguousPlenaryError, create_plenary, duplicate_numbers,
                                                      get_plenary, renumber_plenary)
from facilitator_app.core.snapshots import Edit, undo

from exchange_sim import base_assembly, open_laptop


@pytest.fixture
def merged(tmp_path):
    a = open_laptop(tmp_path, "segreteria")
    base_assembly(a)
    export_package(a, tmp_path / "start.assemblea", full=True)
    b = open_laptop(tmp_path, "tavolo")
    import_packages(b, [tmp_path / "start.assemblea"])
    p_a = create_plenary(a, 9, "2025-03-12", "Palazzo Marino")
    p_b = create_plenary(b, 9, "2025-03-15", "Base")
    export_package(b, tmp_path / "b.assemblea", full=True)
    import_packages(a, [tmp_path / "b.assemblea"])
    yield a, p_a, p_b, tmp_path
    a.close()
    b.close()


def test_the_number_is_a_conflict_and_get_plenary_refuses_to_guess(merged):
    store, p_a, p_b, _ = merged
    [(number, rows)] = duplicate_numbers(store)
    assert number == 9 and [r["id"] for r in rows] == [p_a, p_b]  # by date
    assert open_count(store) == 1
    with pytest.raises(AmbiguousPlenaryError) as info:
        get_plenary(store, "9")
    assert p_a in str(info.value) and p_b in str(info.value) and "2025-03-15" in str(info.value)
    assert get_plenary(store, p_b)["venue"] == "Base"  # by id it is clear


def test_renumbering_resolves_it_and_undo_brings_it_back(merged):
    store, p_a, p_b, _ = merged
    edit = Edit()
    assert renumber_plenary(store, p_b, record=edit) == 10
    assert duplicate_numbers(store) == [] and open_count(store) == 0
    assert get_plenary(store, "9")["id"] == p_a and get_plenary(store, "10")["id"] == p_b
    undo(store, edit)
    assert len(duplicate_numbers(store)) == 1


def test_cli_plenary_show_lists_the_candidates_and_exits_2(merged, capsys):
    store, p_a, p_b, tmp_path = merged
    db = str(store.path)
    assert main(["plenary", "show", "9", "--db", db]) == 2
    err = capsys.readouterr().err
    assert p_a in err and p_b in err and "2025-03-12" in err and "2025-03-15" in err
    assert main(["plenary", "show", p_b, "--db", db]) == 0
    with pytest.raises(ExchangeError, match="2 plenaries numbered 9"):
        prepare_laptops(store, "9", tmp_path / "out")
