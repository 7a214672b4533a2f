"""Follow-up actions: sending, answer and act, details, progress updates; each undoable, each checked."""

from __future__ import annotations

import pytest

from facilitator_app.core.followup import (FollowupError, add_update, delete_update, load_board, record_answer,
                                           record_sending, set_details, update_update)
from facilitator_app.core.followup.actions import followup_of
from facilitator_app.core.followup.files import file_data, read_attachment
from facilitator_app.core.snapshots import Edit, redo, undo

from followup_fixtures import TODAY, make_assembly


@pytest.fixture
def a(store):
    return make_assembly(store)


def row(store, rec_id):
    return next(r for r in load_board(store, TODAY) if r.id == rec_id)


def test_sending_records_date_recipient_protocol_and_marks_sent(store, a):
    edit = Edit()
    changed = record_sending(store, a["a"], "15/01/2023", "Giunta comunale", "PG 12345/2023", today=TODAY, record=edit)
    assert changed == {"sent_on": "2023-01-15", "sent_to": "Giunta comunale", "protocol": "PG 12345/2023",
                       "status": "sent"}
    assert store.get("recommendations", a["a"])["status"] == "sent"
    r = row(store, a["a"])
    assert (r.sent_on, r.sent_to, r.protocol, r.due_on) == ("2023-01-15", "Giunta comunale", "PG 12345/2023",
                                                           "2023-07-15")
    undo(store, edit)
    assert store.get("recommendations", a["a"])["status"] == "approved"
    assert followup_of(store, a["a"]) == {}
    assert row(store, a["a"]).sent_on is None
    redo(store, edit)
    assert row(store, a["a"]).protocol == "PG 12345/2023"


@pytest.mark.parametrize("kwargs, code", [
    ({"sent_on": "", "sent_to": "Giunta"}, "followup_date_required"),
    ({"sent_on": "2023-02-30", "sent_to": "Giunta"}, "followup_bad_date"),
    ({"sent_on": "ieri", "sent_to": "Giunta"}, "followup_bad_date"),
    ({"sent_on": "2023-01-15", "sent_to": "  "}, "followup_text_required"),
    ({"sent_on": "2030-01-01", "sent_to": "Giunta"}, "followup_future_date"),
])
def test_bad_sending_writes_nothing(store, a, kwargs, code):
    before = store.scalar("SELECT count(*) FROM changes")
    with pytest.raises(FollowupError) as exc:
        record_sending(store, a["a"], kwargs["sent_on"], kwargs["sent_to"], today=TODAY)
    assert exc.value.code == code
    assert store.scalar("SELECT count(*) FROM changes") == before


def test_a_draft_is_not_followed_up(store, a):
    with pytest.raises(FollowupError) as exc:
        record_sending(store, a["draft"], "2024-03-10", "Giunta", today=TODAY)
    assert exc.value.code == "followup_not_approved"
    assert all(r.id != a["draft"] for r in load_board(store, TODAY))


def test_answer_with_act_parsed_and_undone(store, a):
    record_sending(store, a["b"], "2023-06-20", "Assessorato all'Ambiente", today=TODAY)
    edit = Edit()
    changed = record_answer(store, a["b"], "partly", "Si aprono 5 biblioteche fino alle 22.", answer_on="2023-10-02",
                            act="Delibera di Giunta n. 1234 / 2023", act_link="https://www.comune.milano.it/atti/1234",
                            responsible="Direzione Verde e Ambiente", today=TODAY, record=edit)
    assert changed["answer_kind"] == "partly"
    r = row(store, a["b"])
    assert (r.act_type, r.act_number, r.act_date, r.act) == ("Delibera di Giunta", "1234/2023", "2023-10-02",
                                                             "Delibera di Giunta 1234/2023")
    assert r.responsible == "Direzione Verde e Ambiente" and r.answered and not r.overdue
    undo(store, edit)
    r = row(store, a["b"])
    assert r.answer_kind is None and r.act is None and r.sent_on == "2023-06-20"


@pytest.mark.parametrize("kind", ["accepted", "partly", "rejected", "evaluating"])
def test_every_answer_kind(store, a, kind):
    record_answer(store, a["c"], kind, "Risposta", answer_on="2024-05-01", act="DG 123/2024", today=TODAY)
    assert row(store, a["c"]).answer_kind == kind


@pytest.mark.parametrize("kwargs, code", [
    ({"kind": "maybe", "text": "x"}, "bad_answer_kind"),
    ({"kind": "accepted", "text": ""}, "followup_text_required"),
    ({"kind": "accepted", "text": "x", "act": "123/2024"}, "followup_bad_act"),
    ({"kind": "accepted", "text": "x", "act": "Delibera"}, "followup_bad_act"),
    ({"kind": "accepted", "text": "x", "act_link": "javascript:alert(1)"}, "followup_bad_link"),
    ({"kind": "accepted", "text": "x", "act_link": "www.comune.milano.it"}, "followup_bad_link"),
    ({"kind": "accepted", "text": "x", "answer_on": "2023-01-01"}, "answer_before_sending"),
    ({"kind": "accepted", "text": "x" * 20_001}, "followup_text_too_long"),
])
def test_bad_answer_writes_nothing(store, a, kwargs, code):
    record_sending(store, a["c"], "2024-03-20", "Giunta", today=TODAY)
    before = store.scalar("SELECT count(*) FROM changes")
    kind, text = kwargs.pop("kind"), kwargs.pop("text")
    with pytest.raises(FollowupError) as exc:
        record_answer(store, a["c"], kind, text, today=TODAY, **kwargs)
    assert exc.value.code == code
    assert store.scalar("SELECT count(*) FROM changes") == before


def test_act_pdf_attached_once_and_undone(store, a, tmp_path):
    pdf = tmp_path / "delibera.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% delibera\n%%EOF\n")
    att = read_attachment(pdf, pdf_only=True)
    edit = Edit()
    record_answer(store, a["a"], "accepted", "Sì", answer_on="2023-05-01", act="DG 1/2023", act_file=att,
                  today=TODAY, record=edit)
    fid = row(store, a["a"]).act_file_id
    assert file_data(store, fid) == pdf.read_bytes()
    record_answer(store, a["b"], "accepted", "Sì", answer_on="2023-09-01", act="DG 1/2023", act_file=att, today=TODAY)
    assert row(store, a["b"]).act_file_id == fid
    assert store.scalar("SELECT count(*) FROM followup_files") == 1
    undo(store, edit)
    assert row(store, a["a"]).act_file_id is None


def test_attachment_refusals(tmp_path):
    exe = tmp_path / "atto.pdf"
    exe.write_bytes(b"MZ\x90\x00 not a pdf")
    png = tmp_path / "foto.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    with pytest.raises(FollowupError) as exc:
        read_attachment(exe)
    assert exc.value.code == "attachment_bad_kind"
    with pytest.raises(FollowupError) as exc:
        read_attachment(png, pdf_only=True)
    assert exc.value.code == "attachment_not_pdf"
    assert read_attachment(png)[2] == "image/png"
    with pytest.raises(FollowupError) as exc:
        read_attachment(tmp_path / "missing.pdf")
    assert exc.value.code == "attachment_unreadable"


def test_details_and_unknown_field(store, a):
    edit = Edit()
    assert set_details(store, a["a"], {"followed_by": "Elisa Cremonesi", "title_en": "School streets"},
                       record=edit) == {"followed_by": "Elisa Cremonesi", "title_en": "School streets"}
    assert set_details(store, a["a"], {"followed_by": "Elisa Cremonesi"}) == {}
    with pytest.raises(FollowupError) as exc:
        set_details(store, a["a"], {"votes_for": 3})
    assert exc.value.code == "not_a_followup_field"
    undo(store, edit)
    assert row(store, a["a"]).followed_by is None


def test_progress_updates_latest_wins_and_undo(store, a):
    e1, e2 = Edit(), Edit()
    add_update(store, a["a"], "in_progress", "Prime 10 strade scolastiche", on_date="2023-09-01",
               plan_actions=["2.2.3"], today=TODAY, record=e1)
    uid = add_update(store, a["a"], "done", "Tutti i municipi", on_date="2024-06-30",
                     evidence_link="https://www.comune.milano.it/strade", today=TODAY, record=e2)
    add_update(store, a["a"], "not_started", "Nota retrodatata", on_date="2023-02-01", today=TODAY)
    r = row(store, a["a"])
    assert (r.progress, r.progress_on, r.updates) == ("done", "2024-06-30", 3)
    undo(store, e2)
    assert row(store, a["a"]).progress == "in_progress"
    redo(store, e2)
    e3 = Edit()
    update_update(store, uid, {"status": "abandoned", "note": "Sospeso"}, today=TODAY, record=e3)
    assert row(store, a["a"]).progress == "abandoned"
    undo(store, e3)
    assert row(store, a["a"]).progress == "done"
    e4 = Edit()
    delete_update(store, uid, record=e4)
    assert row(store, a["a"]).progress == "in_progress"
    undo(store, e4)
    assert row(store, a["a"]).progress == "done"


@pytest.mark.parametrize("kwargs, code", [
    ({"status": "started", "note": "x"}, "bad_progress_status"),
    ({"status": "done", "note": " "}, "followup_text_required"),
    ({"status": "done", "note": "x", "on_date": "2099-01-01"}, "followup_future_date"),
    ({"status": "done", "note": "x", "plan_actions": ["9.9.9"]}, "unknown_plan_action"),
    ({"status": "done", "note": "x", "evidence_link": "file:///etc/passwd"}, "followup_bad_link"),
])
def test_bad_update_writes_nothing(store, a, kwargs, code):
    before = store.scalar("SELECT count(*) FROM changes")
    status, note = kwargs.pop("status"), kwargs.pop("note")
    with pytest.raises(FollowupError) as exc:
        add_update(store, a["a"], status, note, today=TODAY, **kwargs)
    assert exc.value.code == code
    assert store.scalar("SELECT count(*) FROM changes") == before


def test_followup_travels_as_synced_rows(store, a):
    """The follow-up row's id is derived from the recommendation: the same on every laptop."""
    from facilitator_app.core.followup.actions import followup_id
    from facilitator_app.core.store.schema import SYNCED_TABLES

    record_sending(store, a["a"], "2023-01-15", "Giunta", today=TODAY)
    add_update(store, a["a"], "in_progress", "Avviata", on_date="2023-03-01", today=TODAY)
    assert {"rec_followup", "rec_updates", "followup_files", "followup_cycles"} <= set(SYNCED_TABLES)
    logged = {t for (t,) in store.conn.execute("SELECT DISTINCT tbl FROM changes")}
    assert {"rec_followup", "rec_updates"} <= logged
    assert store.get("rec_followup", followup_id(a["a"]))["recommendation_id"] == a["a"]


def test_demo_followup_is_realistic(demo_store):
    """The demo: 2024 recommendations sent, two answered with acts, one under evaluation, some overdue."""
    from facilitator_app.demo.build import DEMO_TODAY
    from facilitator_app.demo.followup import TODAY as FOLLOWUP_TODAY

    assert FOLLOWUP_TODAY == DEMO_TODAY
    rows = [r for r in load_board(demo_store, DEMO_TODAY) if r.cycle == "2024"]
    kinds = sorted(r.answer_kind or "" for r in rows if r.sent_on)
    assert kinds.count("accepted") == 1 and kinds.count("partly") == 1 and kinds.count("evaluating") == 1
    assert all(r.act for r in rows if r.answer_kind in ("accepted", "partly"))
    assert sum(r.overdue for r in rows) >= 2 and rows[0].overdue
    assert sum(r.updates for r in rows) >= 4


def test_demo_first_cycle(tmp_path):
    """The demo's 2023 cycle (`demo`, and `demo --first-cycle` as before): its ten proposals, answers and
    acts, three overdue, a year of updates."""
    from facilitator_app.core.store import Device, Store
    from facilitator_app.demo.build import DEMO_TODAY, FIRST_CYCLE_STEPS, build_demo

    with Store(tmp_path / "d.sqlite", Device("d", "d")) as store:
        build_demo(store, steps=FIRST_CYCLE_STEPS)
        first = [r for r in load_board(store, DEMO_TODAY) if r.cycle == "2023"]
        assert len(first) == 10 and all(r.sent_on == "2023-07-10" for r in first)
        assert sum(1 for r in first if r.act) == 7 and sum(r.overdue for r in first) == 3
        assert sum(r.progress == "done" for r in first) == 2
        dates = sorted(u["on_date"] for u in store.select("rec_updates") if u["recommendation_id"] in
                       {r.id for r in first})
        assert dates[0] < "2024-01-01" and dates[-1] >= "2024-08-01"  # a year of monitoring
