import json
import sqlite3

import pytest

from facilitator_app.core.store.device import Device
from facilitator_app.core.store.ids import HybridClock, derived_id
from facilitator_app.core.store.schema import LATEST_VERSION, MIGRATIONS
from facilitator_app.core.store.store import NewerSchemaError, NotAnAssemblyError, Store


def test_new_file_is_wal_with_foreign_keys_and_latest_schema(store, db_path):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.schema_version() == LATEST_VERSION
    assert db_path.exists()


def test_rows_get_uuid_timestamps_device_and_are_logged(store, device):
    with store.transaction():
        rid = store.insert("themes", {"name": "Mobilità"})
    row = store.get("themes", rid)
    assert len(rid) == 32 and row["device_id"] == device.id
    assert row["created_at"] == row["updated_at"] and row["hlc"].endswith(device.id)
    log = store.query("SELECT * FROM changes WHERE row_id = ?", (rid,))
    assert len(log) == 1 and json.loads(log[0]["data"])["name"] == "Mobilità"


def test_update_logs_only_changed_fields_and_moves_clock(store):
    with store.transaction():
        rid = store.insert("themes", {"name": "A", "color": "#fff"})
    before = store.get("themes", rid)["hlc"]
    with store.transaction():
        assert store.update("themes", rid, {"name": "B", "color": "#fff"}) is True
        assert store.update("themes", rid, {"name": "B"}) is False
    log = store.query("SELECT data FROM changes WHERE row_id = ? ORDER BY seq", (rid,))
    assert json.loads(log[-1]["data"]) == {"name": "B"}
    assert store.get("themes", rid)["hlc"] > before


def test_delete_is_a_tombstone(store):
    with store.transaction():
        rid = store.insert("themes", {"name": "A"})
    with store.transaction():
        store.delete("themes", rid)
    assert store.get("themes", rid) is None
    assert store.get("themes", rid, include_deleted=True)["deleted"] == 1
    assert store.select("themes") == []
    with store.transaction():
        store.restore("themes", rid)
    assert store.get("themes", rid)["name"] == "A"


def test_transaction_is_all_or_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.insert("themes", {"name": "kept?"})
            raise RuntimeError("boom")
    assert store.select("themes") == []
    assert store.scalar("SELECT count(*) FROM changes WHERE tbl='themes'") == 0


def test_nested_transaction_rolls_back_only_inner(store):
    with store.transaction():
        store.insert("themes", {"name": "outer"})
        with pytest.raises(ValueError):
            with store.transaction():
                store.insert("themes", {"name": "inner"})
                raise ValueError
    assert [r["name"] for r in store.select("themes")] == ["outer"]


def test_writes_outside_a_transaction_are_refused(store):
    with pytest.raises(RuntimeError):
        store.insert("themes", {"name": "x"})


def test_listeners_hear_committed_changes_once(store):
    heard = []
    store.subscribe(heard.append)
    with store.transaction():
        a = store.insert("themes", {"name": "A"})
        with store.transaction():
            b = store.insert("cohorts", {"name": "C"})
    assert len(heard) == 1
    assert heard[0].rows == {"themes": {a}, "cohorts": {b}}
    with pytest.raises(KeyError):
        with store.transaction():
            store.update("themes", "missing", {"name": "x"})
    assert len(heard) == 1


def test_committed_data_is_visible_to_a_second_connection(store, db_path):
    with store.transaction():
        store.insert("themes", {"name": "Energia"})
    other = sqlite3.connect(db_path)
    assert other.execute("SELECT name FROM themes").fetchall() == [("Energia",)]


def test_reopen_keeps_data_and_clock_moves_forward(db_path, device):
    s = Store(db_path, device)
    with s.transaction():
        rid = s.insert("themes", {"name": "A"})
    stamp = s.get("themes", rid)["hlc"]
    s.close()
    s2 = Store(db_path, device)
    with s2.transaction():
        s2.update("themes", rid, {"name": "B"})
    assert s2.get("themes", rid)["hlc"] > stamp
    s2.close()


def test_newer_schema_is_refused_and_file_untouched(db_path, device):
    Store(db_path, device).close()
    con = sqlite3.connect(db_path)
    con.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', '2030-01-01')", (LATEST_VERSION + 1,))
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer version"):
        Store(db_path, device)
    assert db_path.read_bytes() == before


def test_migrations_run_forward_from_an_older_file(db_path, device, monkeypatch):
    import facilitator_app.core.store.store as store_mod

    # A file created when only migration 1 existed...
    monkeypatch.setattr(store_mod, "MIGRATIONS", MIGRATIONS[:1])
    monkeypatch.setattr(store_mod, "LATEST_VERSION", 1)
    s = Store(db_path, device)
    with s.transaction():
        s.insert("themes", {"name": "kept"})
    s.close()
    # ...is brought forward by a version with one more migration.
    extra = (MIGRATIONS[-1][0] + 1, "test column", "ALTER TABLE themes ADD COLUMN test_extra TEXT;")
    monkeypatch.setattr(store_mod, "MIGRATIONS", [*MIGRATIONS, extra])
    monkeypatch.setattr(store_mod, "LATEST_VERSION", extra[0])
    s = Store(db_path, device)
    assert s.schema_version() == extra[0]
    assert s.select("themes")[0]["name"] == "kept"
    assert "test_extra" in s.select("themes")[0]
    versions = [r["version"] for r in s.query("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [v for v, _, _ in MIGRATIONS] + [extra[0]]
    s.close()


def test_a_failed_migration_leaves_the_previous_version(db_path, device, monkeypatch):
    import facilitator_app.core.store.store as store_mod

    Store(db_path, device).close()
    bad = (LATEST_VERSION + 1, "broken", "ALTER TABLE themes ADD COLUMN ok TEXT; THIS IS NOT SQL;")
    monkeypatch.setattr(store_mod, "MIGRATIONS", [*MIGRATIONS, bad])
    monkeypatch.setattr(store_mod, "LATEST_VERSION", bad[0])
    with pytest.raises(Exception):
        Store(db_path, device)
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == LATEST_VERSION
    assert "ok" not in [r[1] for r in con.execute("PRAGMA table_info(themes)")]


def test_foreign_file_is_refused(tmp_path, device):
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE x (a)")
    con.commit()
    con.close()
    with pytest.raises(NotAnAssemblyError):
        Store(other, device)
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(NotAnAssemblyError):
        Store(garbage, device)


def test_device_is_registered_and_renamable(store, device):
    assert store.get("devices", device.id)["name"] == device.name
    Device.load()  # creates the installation's device under the temp home
    assert Device.load().id == Device.load().id


def test_settings_roundtrip(store):
    store.set_setting("targets", {"gender": {"F": 0.51}})
    assert store.setting("targets") == {"gender": {"F": 0.51}}
    assert store.setting("missing", 7) == 7


def test_derived_ids_are_stable_and_distinct():
    assert derived_id("attendance", "s1", "m1") == derived_id("attendance", "s1", "m1")
    assert derived_id("attendance", "s1", "m1") != derived_id("attendance", "s1", "m2")


def test_hybrid_clock_is_monotonic_and_observes_remote_stamps():
    clock = HybridClock("a")
    stamps = [clock.now() for _ in range(1000)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 1000
    future = f"{9999999999999:013d}-000003-b"
    clock.observe(future)
    assert clock.now() > future


def test_a_quote_in_a_migration_name_does_not_break_new_files(tmp_path, monkeypatch):
    import facilitator_app.core.store.store as store_mod

    name = "seed: l'annuncio prima del sorteggio"
    monkeypatch.setattr(store_mod, "MIGRATIONS", [*MIGRATIONS[:-1], (MIGRATIONS[-1][0], name, MIGRATIONS[-1][2])])
    with Store(tmp_path / "q.sqlite", Device("d", "d")) as s:
        assert s.schema_version() == LATEST_VERSION
        got = s.conn.execute("SELECT name FROM schema_migrations WHERE version = ?", (LATEST_VERSION,)).fetchone()
        assert got[0] == name
