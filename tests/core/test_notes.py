"""The wall's core: capture, bad input, clusters, moves, votes, categories, undo records."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator_app.core.notes import notes
from facilitator_app.core.plenaries.plenaries import create_plenary
from facilitator_app.core.snapshots import Edit, redo, undo
from facilitator_app.demo import notes as notes_demo


@pytest.fixture
def wall(store):
    """A plenary with two groups and the four default categories."""
    pid = create_plenary(store, 1, "2024-05-11", "Parco Nord")
    with store.transaction():
        g1 = store.insert("groups", {"plenary_id": pid, "name": "Mobilità", "sort_order": 0})
        g2 = store.insert("groups", {"plenary_id": pid, "name": "Energia", "sort_order": 1})
        cats = {n: store.insert("note_categories", {"name": n, "color": c, "sort_order": i})
                for i, (n, c) in enumerate((("Proposta", "#2E7D32"), ("Criticità", "#C62828"),
                                            ("Domanda", "#1565C0"), ("Idea", "#F9A825")))}
        m = store.insert("members", {"surname": "Nguyen", "first_name": "Thi Lan"})
        store.insert("group_members", {"plenary_id": pid, "member_id": m, "group_id": g1})
    return {"plenary": pid, "g1": g1, "g2": g2, "cats": cats, "member": m}


def add(store, wall, text="Più corse la sera", **kw):
    return notes.add_note(store, wall["plenary"], wall["g1"], text, **kw)


BAD_TEXTS = [
    "Perché non c'è più verde? àèéìòù ÀÈÉ",
    "Ελληνικά, русский, 中文公交, العربية وسائل النقل, हिन्दी",
    "🚲🌳☀️ 👩🏽‍🔧 family 👨‍👩‍👧",
    "=SUM(A1:A9)", "+39 333 1234567", "-meno auto", "@Comune rispondete",
    "x" * 5000,
    "  spazi prima e dopo  \n seconda riga\t",
]


@pytest.mark.parametrize("text", BAD_TEXTS)
def test_any_text_is_stored_exactly_as_typed(store, wall, text):
    nid = add(store, wall, text)
    assert store.get("notes", nid)["text"] == text
    assert store.scalar("SELECT text FROM notes WHERE id = ?", (nid,)) == text


@pytest.mark.parametrize("text", ["", "   ", "\n\t ", None, "\u3000"])
def test_empty_text_is_refused_and_nothing_written(store, wall, text):
    before = store.scalar("SELECT count(*) FROM changes")
    with pytest.raises(notes.NoteError, match="text"):
        add(store, wall, text)
    assert store.scalar("SELECT count(*) FROM notes") == 0
    assert store.scalar("SELECT count(*) FROM changes") == before


def test_capture_with_category_author_tags(store, wall):
    nid = add(store, wall, category_id=wall["cats"]["Idea"], author_member_id=wall["member"], tags=["5.1.4", "x"])
    row = store.get("notes", nid)
    assert row["category_id"] == wall["cats"]["Idea"]
    assert row["author_member_id"] == wall["member"]
    assert json.loads(row["tags"]) == ["5.1.4", "x"]
    assert row["group_id"] == wall["g1"] and row["plenary_id"] == wall["plenary"]


def test_unknown_category_member_or_group_refused(store, wall):
    with pytest.raises(notes.NoteError):
        add(store, wall, category_id="nope")
    with pytest.raises(notes.NoteError):
        add(store, wall, author_member_id="nope")
    with pytest.raises(notes.NoteError):
        notes.add_note(store, wall["plenary"], "nope", "testo")
    other = create_plenary(store, 2, "2024-06-15", "Vapore")
    with pytest.raises(notes.NoteError, match="not part"):
        notes.add_note(store, other, wall["g1"], "testo")
    assert store.scalar("SELECT count(*) FROM notes") == 0


def test_new_notes_fill_free_slots_without_overlap(store, wall):
    ids = [add(store, wall, f"n{i}") for i in range(15)]
    pos = {(r["x"], r["y"]) for r in map(lambda i: store.get("notes", i), ids)}
    assert len(pos) == 15
    assert (0.0, 0.0) in pos
    # a cluster placed at the origin pushes later notes elsewhere
    notes.new_cluster(store, wall["g1"], "Sopra", ids[:3], x=0, y=0)
    new = store.get("notes", add(store, wall, "dopo"))
    w, h = notes.cluster_size(3)
    assert not (new["x"] < w and new["y"] < h)


def test_find_group_and_category(store, wall):
    assert notes.find_group(store, wall["plenary"], "mobilita")["id"] == wall["g1"]
    assert notes.find_group(store, wall["plenary"], "2")["id"] == wall["g2"]
    assert notes.find_group(store, wall["plenary"], wall["g2"])["id"] == wall["g2"]
    assert notes.find_group(store, wall["plenary"], "9") is None
    assert notes.find_category(store, "criticita")["id"] == wall["cats"]["Criticità"]
    assert notes.find_category(store, "IDEA")["id"] == wall["cats"]["Idea"]
    assert notes.group_members(store, wall["g1"])[0]["surname"] == "Nguyen"


def test_cluster_by_dropping_on_a_note_lays_out_cards(store, wall):
    a, b, c = (add(store, wall, t) for t in "abc")
    ta = store.get("notes", a)
    cid = notes.cluster_notes(store, [b, c], a, "Trasporto")
    cl = store.get("clusters", cid)
    assert cl["title"] == "Trasporto"
    members = notes.cluster_notes_of(store, cid)
    assert [m["id"] for m in members] == [a, b, c]
    slots = notes.cluster_slots(cl["x"], cl["y"], 3)
    assert [(m["x"], m["y"]) for m in members] == slots
    assert (members[0]["x"], members[0]["y"]) == (ta["x"], ta["y"])  # the target stays put
    # dropping onto a clustered note joins its cluster
    d = add(store, wall, "d")
    assert notes.cluster_notes(store, [d], b) == cid
    assert len(notes.cluster_notes_of(store, cid)) == 4


def test_drop_position_orders_cards_and_leaving_empties_cluster(store, wall):
    a, b, c = (add(store, wall, t) for t in "abc")
    cid = notes.new_cluster(store, wall["g1"], "T", [a, b, c], x=1000, y=1000)
    slots = notes.cluster_slots(1000, 1000, 3)
    # drop c just before the first slot: it becomes first
    notes.place_notes(store, {c: (slots[0][0] - 5, slots[0][1])}, cid)
    assert [m["id"] for m in notes.cluster_notes_of(store, cid)] == [c, a, b]
    # all leave: the empty cluster is removed, notes stay where dropped
    notes.place_notes(store, {a: (0, 0), b: (300, 0), c: (600, 0)})
    assert store.get("clusters", cid) is None
    assert (store.get("notes", b)["x"], store.get("notes", b)["cluster_id"]) == (300, None)


def test_moving_a_cluster_carries_its_cards(store, wall):
    a, b = add(store, wall, "a"), add(store, wall, "b")
    cid = notes.new_cluster(store, wall["g1"], "T", [a, b], x=0, y=0)
    before = {n: (store.get("notes", n)["x"], store.get("notes", n)["y"]) for n in (a, b)}
    notes.place_notes(store, {}, clusters={cid: (500, 300)})
    for n in (a, b):
        assert (store.get("notes", n)["x"], store.get("notes", n)["y"]) == (before[n][0] + 500, before[n][1] + 300)


def test_rename_and_delete_cluster(store, wall):
    a, b = add(store, wall, "a"), add(store, wall, "b")
    cid = notes.new_cluster(store, wall["g1"], None, [a, b])
    assert notes.rename_cluster(store, cid, "Bici 🚲")
    assert store.get("clusters", cid)["title"] == "Bici 🚲"
    notes.delete_cluster(store, cid)
    assert store.get("clusters", cid) is None
    assert store.get("notes", a)["cluster_id"] is None and store.get("notes", a) is not None


def test_delete_notes_closes_up_the_cluster(store, wall):
    ids = [add(store, wall, t) for t in "abcd"]
    cid = notes.new_cluster(store, wall["g1"], "T", ids, x=0, y=0)
    notes.delete_notes(store, [ids[0]])
    rest = notes.cluster_notes_of(store, cid)
    assert [r["id"] for r in rest] == ids[1:]
    assert [(r["x"], r["y"]) for r in rest] == notes.cluster_slots(0, 0, 3)


def test_votes_are_rows_that_add_up(store, wall):
    a = add(store, wall)
    cid = notes.new_cluster(store, wall["g1"], "T", [a])
    for _ in range(3):
        notes.vote(store, "note", a)
    notes.vote(store, "note", a, -1)
    notes.vote(store, "cluster", cid)
    assert notes.vote_totals(store, [a, cid]) == {a: 2, cid: 1}
    assert notes.vote_totals(store, group_id=wall["g1"]) == {a: 2, cid: 1}
    assert store.scalar("SELECT count(*) FROM votes") == 5
    # a vote from another laptop (another row) adds up
    with store.transaction():
        store.insert("votes", {"target_type": "note", "target_id": a, "delta": 1})
    assert notes.vote_totals(store, [a])[a] == 3


def test_taking_a_dot_from_zero_writes_nothing(store, wall):
    a = add(store, wall)
    assert notes.vote(store, "note", a, -1) is None
    assert store.scalar("SELECT count(*) FROM votes") == 0
    with pytest.raises(notes.NoteError):
        notes.vote(store, "note", a, 2)
    with pytest.raises(notes.NoteError):
        notes.vote(store, "wall", a)


def test_update_note_fields(store, wall):
    a = add(store, wall)
    assert notes.update_note(store, a, {"text": "=nuovo", "category_id": wall["cats"]["Domanda"],
                                        "tags": ["2.1.1"]})
    row = store.get("notes", a)
    assert (row["text"], row["category_id"], json.loads(row["tags"])) == ("=nuovo", wall["cats"]["Domanda"], ["2.1.1"])
    with pytest.raises(notes.NoteError):
        notes.update_note(store, a, {"text": "  "})
    with pytest.raises(notes.NoteError):
        notes.update_note(store, a, {"x": 3})
    assert store.get("notes", a)["text"] == "=nuovo"


def test_categories_editable(store, wall):
    cid = notes.add_category(store, "Esperienza", "#6A1B9A")
    assert notes.find_category(store, "esperienza")["color"] == "#6A1B9A"
    with pytest.raises(notes.NoteError):
        notes.add_category(store, "proposta")
    with pytest.raises(notes.NoteError):
        notes.update_category(store, cid, {"name": " "})
    notes.update_category(store, cid, {"name": "Vissuto", "color": "#000000"})
    a = add(store, wall, category_id=cid)
    notes.delete_category(store, cid)
    assert store.get("notes", a)["category_id"] is None
    assert notes.find_category(store, "Vissuto") is None


# -- undo records ---------------------------------------------------------------------------
def _wall_state(store):
    rows = store.query("SELECT id, text, category_id, author_member_id, cluster_id, tags, x, y, deleted FROM notes "
                       "ORDER BY id")
    rows += store.query("SELECT id, title, x, y, deleted FROM clusters ORDER BY id")
    rows += store.query("SELECT id, deleted FROM votes ORDER BY id")
    return rows


ACTIONS = {
    "add": lambda s, w, ids, r: notes.add_note(s, w["plenary"], w["g1"], "nuova", record=r),
    "edit": lambda s, w, ids, r: notes.update_note(s, ids[0], {"text": "cambiato", "tags": ["x"]}, record=r),
    "category": lambda s, w, ids, r: notes.update_note(s, ids[1], {"category_id": w["cats"]["Idea"]}, record=r),
    "move": lambda s, w, ids, r: notes.place_notes(s, {ids[2]: (900, 900)}, record=r),
    "cluster": lambda s, w, ids, r: notes.cluster_notes(s, [ids[1], ids[2]], ids[0], "T", record=r),
    "delete": lambda s, w, ids, r: notes.delete_notes(s, ids[:2], record=r),
    "vote": lambda s, w, ids, r: notes.vote(s, "note", ids[0], record=r),
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_every_action_reverts_and_reapplies(store, wall, action):
    ids = [add(store, wall, t) for t in ("a", "b", "c")]
    start = _wall_state(store)
    edit = Edit()
    ACTIONS[action](store, wall, ids, edit)
    done = _wall_state(store)
    assert done != start and edit
    undo(store, edit)
    assert _visible(store) == _visible_of(start)
    redo(store, edit)
    assert _visible(store) == _visible_of(done)


def _visible_of(rows):
    return [r for r in rows if not r["deleted"]]


def _visible(store):
    return _visible_of(_wall_state(store))


def test_cluster_undo_restores_emptied_cluster(store, wall):
    a, b = add(store, wall, "a"), add(store, wall, "b")
    cid = notes.new_cluster(store, wall["g1"], "T", [a, b], x=0, y=0)
    start = _visible(store)
    edit = Edit()
    notes.place_notes(store, {a: (800, 0), b: (1100, 0)}, record=edit)
    assert store.get("clusters", cid) is None
    undo(store, edit)
    assert store.get("clusters", cid)["title"] == "T"
    assert _visible(store) == start


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(sorted(ACTIONS)), st.integers(0, 2)), min_size=1, max_size=6))
def test_undo_all_returns_to_start(store, wall, steps):
    ids = [add(store, wall, t) for t in ("a", "b", "c")]
    start = _visible(store)
    done = []
    for name, rot in steps:
        live = [i for i in ids if store.get("notes", i)]
        if not live:
            done.append(Edit())
            live = [add(store, wall, "z", record=done[-1])]
        live = (live * 6)[rot:rot + 3]
        edit = Edit()
        try:
            ACTIONS[name](store, wall, live, edit)
        except notes.NoteError:
            continue
        done.append(edit)
    for edit in reversed(done):
        undo(store, edit)
    assert _visible(store) == start
    with store.transaction():  # clean for the next example
        store.conn.execute("DELETE FROM notes")
        store.conn.execute("DELETE FROM clusters")
        store.conn.execute("DELETE FROM votes")


def test_demo_step_skips_without_groups(store):
    create_plenary(store, 1, "2024-05-11", "Parco Nord")
    with store.transaction():
        notes_demo.step_notes(store, random.Random(1), {})
    assert store.scalar("SELECT count(*) FROM notes") == 0


def test_demo_fill_is_deterministic_and_realistic(store, wall):
    with store.transaction():
        store.update("plenaries", wall["plenary"], {"status": "held"})

    def build(seed):
        with store.transaction():
            notes_demo.step_notes(store, random.Random(seed), {})
        return store.query("SELECT text, x, y FROM notes WHERE deleted = 0 ORDER BY x, y, text")

    first = build(5)
    with store.transaction():
        for t in ("recommendation_notes", "recommendations", "votes", "notes", "clusters"):
            store.conn.execute(f"DELETE FROM {t}")
    assert build(5) == first
    assert len(first) >= 10
    recs = store.select("recommendations")
    assert 2 <= len(recs) <= 4
    assert all(r["status"] in ("draft", "approved", "sent") for r in recs)
    assert store.scalar("SELECT count(*) FROM clusters WHERE deleted = 0") >= 4
    assert any(any(ord(ch) > 0x2000 for ch in r["text"]) for r in first)


def test_demo_only_fills_held_plenaries(store, wall):
    with store.transaction():
        notes_demo.step_notes(store, random.Random(1), {})
    assert store.scalar("SELECT count(*) FROM notes") == 0


def test_demo_assembly_has_a_wall(demo_store):
    held = {p["id"] for p in demo_store.select("plenaries", "status = 'held'")}
    with_groups = {g["plenary_id"] for g in demo_store.select("groups")}
    walls = {n["plenary_id"] for n in demo_store.select("notes")}
    assert walls == held & with_groups
    for pid in walls:
        assert 2 <= demo_store.scalar("SELECT count(*) FROM recommendations WHERE plenary_id = ?", (pid,)) <= 4
