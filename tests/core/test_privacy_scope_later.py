"""Every package that leaves for a prepared laptop is scoped like its first one: `export --to` the
laptop's name after `prepare_laptops` never carries a withheld field, another group's members,
former members or another table's photos. The bytes of every file inside each package (the ZIP
entries, decompressed) are searched for phones and names that laptop must not get."""

from __future__ import annotations

import json
import zipfile

import pytest

from facilitator_app.core.exchange.packages import (export_package, known_destinations, prepare_laptops,
                                                     read_package)
from facilitator_app.core.groups.groups import move_member
from facilitator_app.core.notes.photos import add_photo
from facilitator_app.core.plenaries.plenaries import get_plenary
from facilitator_app.core.privacy.scope import is_former

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PHONE = "+39 351 7770001"


def contents(path) -> bytes:
    """Every entry of the package's ZIP, decompressed, plus the file's own bytes."""
    with zipfile.ZipFile(path) as z:
        return path.read_bytes() + b"".join(z.read(n) for n in z.namelist())


@pytest.fixture
def day(demo_store, tmp_path):
    store = demo_store
    plenary = get_plenary(store, 6)
    results = {r.purpose.get("group_name") or "entrance": r for r in prepare_laptops(store, 6, tmp_path / "p6")}
    groups = [r for k, r in results.items() if k != "entrance"]
    return store, plenary, results, groups


def _seated(store, group_id):
    return {m for (m,) in store.conn.execute(
        "SELECT member_id FROM group_members WHERE group_id = ? AND deleted = 0", (group_id,))}


def test_prepared_laptops_are_destinations_and_later_packages_keep_their_scope(day, tmp_path):
    store, plenary, results, groups = day
    names = {r.path.stem for r in results.values()}
    assert names <= set(known_destinations(store))
    entrance = results["entrance"]
    in_office = {m["id"] for m in store.select("members", include_deleted=True) if not is_former(m, plenary["date"])}
    someone = sorted(in_office)[0]
    with store.transaction():   # the secretariat writes a phone and a health note after preparing
        store.update("members", someone, {"phone": PHONE, "accessibility_notes": "deambulatore"})
    formers = [m for m in store.select("members", include_deleted=True) if is_former(m, plenary["date"])]
    assert formers
    out = export_package(store, tmp_path / "later-entrance.assemblea", to=entrance.path.stem)
    data = contents(out.path)
    assert PHONE.encode() not in data and b"deambulatore" not in data
    pkg = read_package(out.path)
    members = {c.row for c in pkg.changes if c.tbl == "members"}
    assert members == in_office
    assert not {f for c in pkg.changes if c.tbl == "members" for f in c.data} & {
        "phone", "email", "birth_date", "accessibility_notes", "dietary_notes", "notes", "address"}
    for f in formers:
        assert f["id"].encode() not in data
    assert pkg.manifest["purpose"]["role"] == "entrance" and "phone" in pkg.manifest["withheld"]["members"]
    # an ordinary destination still gets everything
    full = export_package(store, tmp_path / "colleague.assemblea", to="Segreteria 2")
    assert PHONE.encode() in contents(full.path)


def test_a_table_gets_only_its_group_and_a_member_seated_later_arrives_with_the_name(day, tmp_path):
    store, plenary, results, groups = day
    table, other = groups[0], groups[1]
    group_id, other_id = table.purpose["group_id"], other.purpose["group_id"]
    in_office = {m["id"] for m in store.select("members", include_deleted=True) if not is_former(m, plenary["date"])}
    newcomer = sorted((_seated(store, other_id) - _seated(store, group_id)) & in_office)[0]
    with store.transaction():
        store.update("members", newcomer, {"phone": PHONE})
    before = export_package(store, tmp_path / "t1.assemblea", to=table.path.stem)
    assert newcomer.encode() not in contents(before.path)
    move_member(store, newcomer, group_id)   # moved to this table after the laptops were prepared
    after = export_package(store, tmp_path / "t2.assemblea", to=table.path.stem)
    pkg = read_package(after.path)
    got = {c.row for c in pkg.changes if c.tbl == "members"}
    assert newcomer in got and got <= _seated(store, group_id)
    row = next(c for c in pkg.changes if c.tbl == "members" and c.row == newcomer and "surname" in c.data)
    assert row.data["surname"] == store.get("members", newcomer)["surname"]
    assert PHONE.encode() not in contents(after.path)
    for m in _seated(store, other_id) - _seated(store, group_id):
        assert m.encode() not in contents(after.path)


def test_photos_go_only_to_the_table_they_were_taken_at(day, tmp_path):
    store, plenary, results, groups = day
    mine, theirs = groups[0].purpose["group_id"], groups[1].purpose["group_id"]
    a = add_photo(store, plenary["id"], PNG + b"TAVOLO-A", group_id=mine, caption="muro A")
    b = add_photo(store, plenary["id"], PNG + b"TAVOLO-B", group_id=theirs, caption="muro B")
    fresh = {r.purpose.get("group_name") or "entrance": r
             for r in prepare_laptops(store, 6, tmp_path / "again")}
    for key, stem_of in (("first", groups[0].path.stem), ("entrance", results["entrance"].path.stem)):
        out = export_package(store, tmp_path / f"{key}.assemblea", to=stem_of)
        photos = {c.row for c in read_package(out.path).changes if c.tbl == "photos"}
        assert photos == ({a} if key == "first" else set())
        assert b.encode() not in contents(out.path)
    prepared_table = fresh[groups[0].purpose["group_name"]]
    assert {c.row for c in read_package(prepared_table.path).changes if c.tbl == "photos"} == {a}
    assert not [c for c in read_package(fresh["entrance"].path).changes if c.tbl == "photos"]
    assert json.loads(store.local("exchange.scope:" + groups[0].path.stem))["purpose"]["group_id"] == mine
