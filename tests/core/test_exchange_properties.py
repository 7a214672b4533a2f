"""Property tests: random edit histories on several laptops, random exchange orders.

Whatever the laptops did and in whatever order packages travelled, once every
laptop has every change they hold the same rows (convergence), importing a
package again changes nothing (idempotence), two packages give the same file
in either order (commutativity), nobody is checked in twice, and no vote,
note or concurrent text version is lost.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from exchange_sim import base_assembly, check_in, content, copy_laptop, file_state, log_keys, open_laptop, send
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator_app.core.exchange.conflicts import restore_conflict, set_resolved
from facilitator_app.core.exchange.packages import export_package, import_packages
from facilitator_app.core.store.ids import derived_id

LAPTOPS = 3
WORDS = ["bici", "bus", "alberi", "caldo", "scuole", "energia", "piazze", "acqua"]

edit = st.tuples(st.just("edit"), st.integers(0, LAPTOPS - 1), st.integers(0, 3), st.sampled_from(WORDS))
op = st.one_of(
    edit, edit,
    st.tuples(st.just("note"), st.integers(0, LAPTOPS - 1), st.integers(0, 1), st.sampled_from(WORDS)),
    st.tuples(st.just("move"), st.integers(0, LAPTOPS - 1), st.integers(0, 30), st.integers(0, 30)),
    st.tuples(st.just("cluster"), st.integers(0, LAPTOPS - 1), st.integers(0, 1), st.sampled_from(WORDS)),
    st.tuples(st.just("delete"), st.integers(0, LAPTOPS - 1), st.integers(0, 30), st.booleans()),
    st.tuples(st.just("checkin"), st.integers(0, LAPTOPS - 1), st.integers(0, 5), st.integers(0, 59)),
    st.tuples(st.just("checkout"), st.integers(0, LAPTOPS - 1), st.integers(0, 5), st.integers(0, 59)),
    st.tuples(st.just("vote"), st.integers(0, LAPTOPS - 1), st.integers(0, 30), st.integers(1, 3)),
    st.tuples(st.just("sync"), st.integers(0, LAPTOPS - 1), st.integers(0, LAPTOPS - 1), st.booleans()),
    # someone looks at the conflicts: restores the other version, or keeps the current one
    st.tuples(st.just("resolve"), st.integers(0, LAPTOPS - 1), st.integers(0, 9), st.booleans()),
    # a package made for a colleague that never arrives (the stick was lost)
    st.tuples(st.just("lost"), st.integers(0, LAPTOPS - 1), st.integers(0, LAPTOPS - 1), st.just(False)),
)
history = st.lists(op, min_size=12, max_size=40)
PROFILE = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class World:
    """The secretariat (index LAPTOPS) and the laptops, started from its prepared package."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.sec = open_laptop(folder, "segreteria")
        self.base = base_assembly(self.sec)
        with self.sec.transaction():  # prepared before the day: every laptop starts with them
            self.notes = [self.sec.insert("notes", {"plenary_id": self.base["plenary_id"], "text": w,
                                                    "group_id": self.base["group_ids"][0]}) for w in WORDS[:3]]
            self.clusters = [self.sec.insert("clusters", {"group_id": self.base["group_ids"][0], "title": "tema"})]
        self.laptops = [open_laptop(folder, f"pc{i}") for i in range(LAPTOPS)]
        for lap in self.laptops:
            send(self.sec, lap, folder, full=True)
        self.votes = 0
        self.lost = False
        self.checked_in: set[str] = set()

    def close(self) -> None:
        for s in (self.sec, *self.laptops):
            s.close()

    def run(self, o: tuple) -> None:
        kind, i = o[0], o[1]
        s = self.laptops[i]
        if kind == "note":
            with s.transaction():
                self.notes.append(s.insert("notes", {"plenary_id": self.base["plenary_id"], "text": o[3],
                                                     "group_id": self.base["group_ids"][o[2]]}))
        elif kind == "cluster":
            with s.transaction():
                self.clusters.append(s.insert("clusters", {"group_id": self.base["group_ids"][o[2]],
                                                           "title": o[3]}))
        elif kind in ("edit", "move", "delete", "vote") and self.notes:
            nid = self.notes[o[2] % len(self.notes)]
            if s.get("notes", nid, include_deleted=True) is None:
                return  # this laptop has not received the note yet
            with s.transaction():
                if kind == "edit":
                    s.update("notes", nid, {"text": f"{s.get('notes', nid, include_deleted=True)['text']} {o[3]}"})
                elif kind == "move" and self.clusters:
                    cid = self.clusters[o[3] % len(self.clusters)]
                    if s.get("clusters", cid) is not None:
                        s.update("notes", nid, {"cluster_id": cid})
                elif kind == "delete":
                    s.update("notes", nid, {"deleted": int(o[3])})
                elif kind == "vote":
                    for _ in range(o[3]):
                        s.insert("votes", {"target_type": "note", "target_id": nid, "delta": 1})
                    self.votes += o[3]
        elif kind == "checkin":
            mid = self.base["member_ids"][o[2]]
            check_in(s, self.base, mid, f"2024-03-09T09:{o[3]:02d}:00+01:00")
            self.checked_in.add(mid)
        elif kind == "checkout":
            aid = derived_id("attendance", self.base["session_id"], self.base["member_ids"][o[2]])
            if s.get("attendance", aid) is not None:
                with s.transaction():
                    s.update("attendance", aid, {"checked_out_at": f"2024-03-09T12:{o[3]:02d}:00+01:00"})
        elif kind == "sync" and o[1] != o[2]:
            send(s, self.laptops[o[2]], self.folder, full=o[3])
        elif kind == "resolve":
            open_ = s.select("conflicts", "resolved = 0", order_by="id")
            if open_:
                c = open_[o[2] % len(open_)]
                restore_conflict(s, c["id"]) if o[3] else set_resolved(s, c["id"])
        elif kind == "lost" and o[1] != o[2]:
            export_package(s, self.folder / "lost.assemblea", to=self.laptops[o[2]].device.name)
            self.lost = True

    def converge(self) -> None:
        """Everyone sends everyone a package, twice; after a lost stick, the first ones are full."""
        everyone = [*self.laptops, self.sec]
        for full in (self.lost, False):
            for src in everyone:
                for dst in everyone:
                    if src is not dst:
                        send(src, dst, self.folder, full=full)


def world(ops: list[tuple]) -> tuple[World, Path]:
    folder = Path(tempfile.mkdtemp(prefix="xprop", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    w = World(folder)
    for o in ops:
        w.run(o)
    return w, folder


resolutions = st.lists(st.tuples(st.just("resolve"), st.integers(0, LAPTOPS - 1), st.integers(0, 9),
                                 st.booleans()), max_size=4)


@PROFILE
@given(history, resolutions)
def test_every_laptop_converges_and_nothing_is_lost_or_double_counted(ops, resolve_ops):
    w, folder = world(ops)
    try:
        w.converge()
        for o in resolve_ops:   # people on several laptops deal with the same conflicts, offline
            w.run(o)
        w.converge()
        stores = [w.sec, *w.laptops]
        ref = content(w.sec)
        for s in stores:
            assert content(s) == ref
            assert log_keys(s) == log_keys(w.sec)
            assert s.local("exchange.pending") in (None, "[]")
        # every note, cluster and vote exactly once
        assert set(ref["notes"]) == set(w.notes) and set(ref["clusters"]) == set(w.clusters)
        assert w.sec.scalar("SELECT count(*) FROM votes") == w.votes
        # one attendance row per checked-in person; its time is one that was really recorded
        rows = w.sec.select("attendance")
        assert sorted(r["member_id"] for r in rows) == sorted(w.checked_in)
        for r in rows:
            times = {v for (v,) in w.sec.conn.execute(
                "SELECT json_extract(data, '$.checked_in_at') FROM changes WHERE row_id = ?", (r["id"],))}
            assert r["checked_in_at"] in times
        # every lost version is a text that was really written on the device named
        for c in w.sec.select("conflicts"):
            (data,) = w.sec.conn.execute("SELECT data FROM changes WHERE hlc = ? AND row_id = ?",
                                         (c["lost_hlc"], c["row_id"])).fetchone()
            assert c["lost_hlc"].endswith(c["lost_device_id"]) and c["lost_value"] in data
        # each note's text is the latest written anywhere unless a later edit built on it
        for nid in w.notes:
            latest = w.sec.scalar("SELECT json_extract(data, '$.text') FROM changes WHERE row_id = ? "
                                  "AND json_extract(data, '$.text') IS NOT NULL ORDER BY hlc DESC LIMIT 1", (nid,))
            assert w.sec.get("notes", nid, include_deleted=True)["text"] == latest
    finally:
        w.close()
        shutil.rmtree(folder, ignore_errors=True)


@PROFILE
@given(history, st.booleans())
def test_import_is_idempotent_and_commutative(ops, full):
    w, folder = world(ops)
    try:
        pa, pb = folder / "a.assemblea", folder / "b.assemblea"
        export_package(w.laptops[0], pa, to=None if full else "segreteria")
        export_package(w.laptops[1], pb, to=None if full else "segreteria")
        x1 = copy_laptop(w.sec, folder / "x1.sqlite")
        x2 = copy_laptop(w.sec, folder / "x2.sqlite")
        import_packages(x1, [pa])
        import_packages(x1, [pb])
        import_packages(x2, [pb])
        import_packages(x2, [pa])
        assert content(x1) == content(x2) and log_keys(x1) == log_keys(x2)
        before = file_state(x1)
        import_packages(x1, [pb])
        import_packages(x1, [pa, pb])
        assert file_state(x1) == before
        # both at once, into the laptop of the third colleague, who made its own changes
        x3 = copy_laptop(w.laptops[2], folder / "x3.sqlite")
        x4 = copy_laptop(w.laptops[2], folder / "x4.sqlite")
        import_packages(x3, [pa, pb])
        import_packages(x4, [pb])
        import_packages(x4, [pa])
        assert content(x3) == content(x4)
        for s in (x1, x2, x3, x4):
            s.close()
    finally:
        w.close()
        shutil.rmtree(folder, ignore_errors=True)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(op, st.booleans()), min_size=5, max_size=30), st.data())
def test_packages_in_any_order_with_gaps_never_break_the_file(steps, data):
    """One laptop sends several incremental packages; they arrive shuffled, some late: rows wait
    for what they need (no dangling reference ever), and once all arrived the file equals the laptop."""
    w, folder = world([])
    try:
        lap = w.laptops[0]
        packages = []
        for o, cut in steps:
            w.run(("sync",) + o[1:] if o[0] in ("sync", "lost") else (o[0], 0, *o[2:]))
            if cut:
                packages.append(folder / f"p{len(packages)}.assemblea")
                export_package(lap, packages[-1], to="segreteria")
        packages.append(folder / "last.assemblea")
        export_package(lap, packages[-1], to="segreteria")
        order = data.draw(st.permutations(packages))
        for p in order:
            import_packages(w.sec, [p])
            assert w.sec.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert w.sec.local("exchange.pending") in (None, "[]")
        # all but the secretariat's audit entries of the packages it sent the other laptops at the start
        mine = {t: rows for t, rows in content(lap).items() if t != "audit_log"}
        theirs = {t: rows for t, rows in content(w.sec).items() if t != "audit_log"}
        assert theirs == mine
        assert set(content(lap)["audit_log"]) <= set(content(w.sec)["audit_log"])
    finally:
        w.close()
        shutil.rmtree(folder, ignore_errors=True)


# -- laptops with partial copies (core/privacy/scope.py) ---------------------------------------------
class PartialWorld(World):
    """The secretariat prepares the laptops for the plenary: the entrance and the two tables get only
    their members' names (no phone, no e-mail); the secretariat keeps editing phones meanwhile."""

    def __init__(self, folder: Path):
        from facilitator_app.core.exchange.packages import prepare_laptops
        from facilitator_app.core.groups.groups import seat_id

        self.folder = folder
        self.sec = open_laptop(folder, "segreteria")
        self.base = base_assembly(self.sec)
        pid = self.base["plenary_id"]
        with self.sec.transaction():
            self.notes = [self.sec.insert("notes", {"plenary_id": pid, "text": w,
                                                    "group_id": self.base["group_ids"][0]}) for w in WORDS[:3]]
            self.clusters = [self.sec.insert("clusters", {"group_id": self.base["group_ids"][0], "title": "tema"})]
            for i, mid in enumerate(self.base["member_ids"]):
                self.sec.update("members", mid, {"phone": f"+39 347 000 {i:04d}", "email": f"m{i}@example.org"})
                self.sec.put("group_members", seat_id(pid, None, mid),
                             {"plenary_id": pid, "member_id": mid, "group_id": self.base["group_ids"][i % 2]})
        packages = [r.path for r in prepare_laptops(self.sec, 1, folder / "preparati")]
        self.laptops = [open_laptop(folder, f"pc{i}") for i in range(LAPTOPS)]
        for lap, pkg in zip(self.laptops, packages):   # entrance, table 1, table 2
            import_packages(lap, [pkg])
        self.votes = 0
        self.lost = False
        self.checked_in: set[str] = set()
        self.phones = {mid: self.sec.get("members", mid)["phone"] for mid in self.base["member_ids"]}

    def run(self, o: tuple) -> None:
        kind, i = o[0], o[1]
        if kind == "checkin" and self.laptops[i].get("members", self.base["member_ids"][o[2]]) is None:
            return   # a table's laptop does not know the members of the other table
        if kind == "phone":   # the secretariat corrects a phone number
            mid = self.base["member_ids"][o[2]]
            with self.sec.transaction():
                self.sec.update("members", mid, {"phone": f"+39 02 {o[3]}"})
            self.phones[mid] = f"+39 02 {o[3]}"
            return
        if kind == "form":    # a laptop saves a member's form: blanks for what it does not have
            mid = self.base["member_ids"][o[2]]
            s = self.laptops[i]
            if s.get("members", mid) is not None:
                with s.transaction():
                    s.update("members", mid, {"phone": None, "email": "", "first_name": o[3]})
            return
        super().run(o)

    def laptops_hold_no_contact(self) -> bool:
        for s in self.laptops:
            if s.scalar("SELECT count(*) FROM members WHERE phone IS NOT NULL OR email IS NOT NULL"):
                return False
            if s.scalar("SELECT count(*) FROM changes WHERE tbl = 'members' AND (json_extract(data, '$.phone') "
                        "IS NOT NULL OR json_extract(data, '$.email') IS NOT NULL)"):
                return False
        return True


partial_op = st.one_of(
    op, op,
    st.tuples(st.just("phone"), st.integers(0, LAPTOPS - 1), st.integers(0, 5), st.integers(1000, 9999)),
    st.tuples(st.just("form"), st.integers(0, LAPTOPS - 1), st.integers(0, 5), st.sampled_from(WORDS)),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(partial_op, min_size=10, max_size=35))
def test_partial_laptops_never_get_or_send_back_what_they_lack_and_still_converge(ops):
    folder = Path(tempfile.mkdtemp(prefix="xpart", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    w = PartialWorld(folder)
    try:
        for o in ops:
            if o[0] == "sync" and o[1] != o[2]:   # laptops among themselves never see the secretariat's data
                send(w.laptops[o[1]], w.laptops[o[2]], folder, full=o[3])
            else:
                w.run(o)
        assert w.laptops_hold_no_contact()
        # everything the laptops did reaches the secretariat: no phone lost or blanked
        for lap in w.laptops:
            send(lap, w.sec, folder, full=True)
        for mid, phone in w.phones.items():
            assert w.sec.get("members", mid)["phone"] == phone
            assert w.sec.get("members", mid)["email"] is not None
        assert w.sec.local("exchange.pending") in (None, "[]")
        # and once the secretariat sends its full copy, every file is the same
        w.converge()
        for s in (w.sec, *w.laptops):
            send(w.sec, s, folder, full=True) if s is not w.sec else None
        w.converge()
        ref = content(w.sec)
        for s in w.laptops:
            assert content(s) == ref
            assert log_keys(s) == log_keys(w.sec)
            assert s.local("exchange.pending") in (None, "[]")
    finally:
        w.close()
        shutil.rmtree(folder, ignore_errors=True)
