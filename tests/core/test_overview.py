"""overview(): the counts that tell the window what a new assembly still lacks."""

from __future__ import annotations

from facilitator_app.core.overview import overview


def test_an_empty_assembly(store):
    o = overview(store)
    assert o.empty and (o.members, o.plenaries, o.checkins, o.groups, o.notes, o.recommendations) == (0,) * 6


def test_the_demo_counts_what_it_holds(demo_store):
    o = overview(demo_store)
    assert not o.empty and o.plenaries == 9 and o.members > 90 and o.checkins > 0 and o.groups and o.notes
    assert o.checkins == demo_store.scalar("SELECT count(*) FROM attendance WHERE deleted = 0 AND status = 'present'")


def test_deleted_rows_do_not_count(store):
    from facilitator_app.core.members import create_member

    member = create_member(store, {"surname": "Rossi", "first_name": "Anna"})
    assert overview(store).members == 1
    with store.transaction():
        store.delete("members", member)
    assert overview(store).members == 0 and overview(store).empty
