"""A plenary on three laptops without a network, collected into the secretariat's file.

The secretariat prepares the laptops (one package each), the entrance checks
people in, two group laptops capture notes, clusters and dot votes; every
laptop sends its package to a shared folder and the secretariat collects it.
Every check-in, note, cluster and vote must be there exactly once, and the
minutes (verbale) printed from the collected file must show the notes.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta, timezone

import pytest
from exchange_sim import content, open_laptop

from facilitator_app.core.attendance import checkin as attendance
from facilitator_app.core.groups.groups import seat_id
from facilitator_app.core.exchange.packages import collect, export_package, import_packages, prepare_laptops
from facilitator_app.core.notes import notes
from facilitator_app.core.plenaries.plenaries import create_plenary

CET = timezone(timedelta(hours=1))
IDEAS = {
    "Mobilità": ["Bus notturni nelle periferie", "Piste ciclabili protette sulle radiali",
                 "Zone 30 davanti alle scuole", "Car sharing elettrico nei municipi esterni"],
    "Energia": ["Sportello unico per le comunità energetiche", "Bonus per le caldaie a pompa di calore",
                "Pannelli solari sui tetti delle scuole"],
}


@pytest.fixture
def day(tmp_path):
    sec = open_laptop(tmp_path, "Segreteria")
    sec.ensure_assembly("Assemblea Permanente dei Cittadini sul Clima")
    pid = create_plenary(sec, 4, "2024-06-15", "Fabbrica del Vapore", title="Adattamento al caldo")
    with sec.transaction():
        gids = {name: sec.insert("groups", {"plenary_id": pid, "name": name, "facilitator": f})
                for name, f in (("Mobilità", "Giulia"), ("Energia", "Marco"))}
        mids = sec.insert_many("members", [{"surname": f"Cognome{i:02d}", "first_name": "Nome",
                                            "status": "active"} for i in range(30)])
        # the first three sit at the Mobilità table (its laptop gets only its group's members)
        for mid in mids[:3]:
            sec.put("group_members", seat_id(pid, None, mid), {"plenary_id": pid, "session_id": None,
                                                               "member_id": mid, "group_id": gids["Mobilità"]})
    sessions = sec.select("sessions", "plenary_id = ?", (pid,), order_by="sort_order")
    folder = tmp_path / "portatili"
    packages = {r.purpose.get("group_name") or "ingresso": r.path for r in prepare_laptops(sec, 4, folder)}
    laptops = {}
    for key, name in (("ingresso", "Ingresso"), ("Mobilità", "Tavolo Mobilità"), ("Energia", "Tavolo Energia")):
        lap = open_laptop(tmp_path, name)
        lap.ensure_assembly("nuovo file")   # what opening a new file in the window does
        import_packages(lap, [packages[key]])
        laptops[key] = lap
    yield {"sec": sec, "pid": pid, "gids": gids, "mids": mids, "sid": sessions[0]["id"], "laptops": laptops,
           "tmp": tmp_path}
    for s in (sec, *laptops.values()):
        s.close()


def at(minutes: int) -> datetime:
    return datetime(2024, 6, 15, 9, 0, tzinfo=CET) + timedelta(minutes=minutes)


def test_a_plenary_on_three_laptops_comes_together_exactly_once(day):
    sec, laps, sid = day["sec"], day["laptops"], day["sid"]
    entrance = laps["ingresso"]
    for i, mid in enumerate(day["mids"][:24]):
        attendance.check_in(entrance, sid, member_id=mid, at=at(10 + i))
    # three people went straight to their table and were checked in there too, earlier
    for i, mid in enumerate(day["mids"][:3]):
        attendance.check_in(laps["Mobilità"], sid, member_id=mid, at=at(5 + i))
    attendance.check_in(entrance, sid, member_id=day["mids"][0], at=at(50))   # a second scan: no change
    attendance.check_out(entrance, sid, member_id=day["mids"][5], at=at(150))

    written = {}
    for group, ideas in IDEAS.items():
        lap, gid = laps[group], day["gids"][group]
        ids = [notes.add_note(lap, day["pid"], gid, text) for text in ideas]
        written.update(zip(ids, ideas))
        cluster = notes.new_cluster(lap, gid, f"Priorità {group}", ids[:2])
        for nid in ids[:3]:
            notes.vote(lap, "note", nid)
        notes.vote(lap, "cluster", cluster)
    notes.vote(laps["Energia"], "note", ids[0])

    shared = day["tmp"] / "cartella condivisa"
    for key, lap in laps.items():
        export_package(lap, shared / f"{key}.assemblea", to="Segreteria")
    summary = collect(sec, shared)

    by_source = {p.source_name: p for p in summary.packages}
    assert set(by_source) == {"Ingresso", "Tavolo Mobilità", "Tavolo Energia"}
    assert by_source["Ingresso"].tables["attendance"].new == 24
    assert by_source["Tavolo Mobilità"].tables["notes"].new == 4
    assert by_source["Tavolo Energia"].tables["clusters"].new == 1
    assert summary.conflicts == 0 and summary.pending == 0 and not summary.skipped

    # every check-in exactly once, with the first arrival and the check-out
    rows = sec.select("attendance", "session_id = ?", (sid,))
    assert sorted(r["member_id"] for r in rows) == sorted(day["mids"][:24])
    first = {r["member_id"]: r["checked_in_at"] for r in rows}
    assert first[day["mids"][0]] == at(5).isoformat() and first[day["mids"][10]] == at(20).isoformat()
    assert sec.get("attendance", attendance.attendance_id(sid, day["mids"][5]))["checked_out_at"] == \
        at(150).isoformat()
    # every note, cluster and vote exactly once
    collected = {n["id"]: n["text"] for n in sec.select("notes")}
    assert collected == written
    clusters = sec.select("clusters")
    assert sorted(c["title"] for c in clusters) == ["Priorità Energia", "Priorità Mobilità"]
    for c in clusters:
        assert len(sec.select("notes", "cluster_id = ?", (c["id"],))) == 2
    assert sec.scalar("SELECT count(*) FROM votes WHERE deleted = 0") == 3 + 1 + 3 + 1 + 1
    totals = notes.vote_totals(sec, list(written))
    assert sorted(totals.values(), reverse=True)[:1] == [2]

    # collecting the same folder again changes nothing
    before = content(sec)
    assert collect(sec, shared).new_changes == 0 and content(sec) == before

    # the next preparation goes back out: a laptop gets everyone's work
    again = prepare_laptops(sec, 4, day["tmp"] / "di nuovo")
    import_packages(laps["Energia"], [again[0].path])
    # (but for the audit entries of this very preparation, recorded once the packages were written)
    assert {t: r for t, r in content(laps["Energia"]).items() if t != "audit_log"} == \
        {t: r for t, r in content(sec).items() if t != "audit_log"}

    # the minutes printed from the collected file show every note
    from facilitator_app.exporters.verbale import write_verbale_pdf

    pdf = day["tmp"] / "verbale.pdf"
    assert write_verbale_pdf(sec, day["pid"], pdf) >= 1
    if shutil.which("pdftotext"):
        text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
        for idea in written.values():
            assert idea in text, idea
        assert "Bus notturni nelle periferie" in text
