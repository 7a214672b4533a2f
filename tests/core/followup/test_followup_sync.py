"""Follow-up recorded on two laptops merges through exchange packages like the rest."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exchange_sim import open_laptop, send  # noqa: E402

from facilitator_app.core.followup import add_update, load_board, record_answer, record_sending  # noqa: E402

from followup_fixtures import TODAY, make_assembly  # noqa: E402


def test_two_laptops_merge_their_followup(tmp_path):
    secretariat = open_laptop(tmp_path, "segreteria")
    secretariat.ensure_assembly("Assemblea")
    a = make_assembly(secretariat)
    facilitator = open_laptop(tmp_path, "facilitatore")
    send(secretariat, facilitator, tmp_path, full=True)
    record_sending(secretariat, a["a"], "2023-01-15", "Giunta", "PG 1/2023", today=TODAY)
    record_answer(facilitator, a["a"], "accepted", "Accolta", answer_on="2023-03-01", act="DG 9/2023", today=TODAY)
    add_update(secretariat, a["a"], "in_progress", "Avviata", on_date="2023-04-01", today=TODAY)
    add_update(facilitator, a["a"], "done", "Conclusa", on_date="2024-04-01", today=TODAY)
    send(secretariat, facilitator, tmp_path)
    send(facilitator, secretariat, tmp_path)
    for store in (secretariat, facilitator):
        row = next(r for r in load_board(store, TODAY) if r.id == a["a"])
        assert (row.sent_on, row.protocol, row.answer_kind, row.act, row.updates, row.progress) == \
            ("2023-01-15", "PG 1/2023", "accepted", "DG 9/2023", 2, "done")


def test_an_attached_act_travels_and_is_stored_once(tmp_path):
    from facilitator_app.core.followup.files import file_data

    a_store = open_laptop(tmp_path, "a")
    a_store.ensure_assembly("Assemblea")
    a = make_assembly(a_store)
    b_store = open_laptop(tmp_path, "b")
    send(a_store, b_store, tmp_path, full=True)
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
    att = ("delibera.pdf", pdf, "application/pdf")
    record_answer(a_store, a["a"], "accepted", "Sì", answer_on="2023-03-01", act="DG 9/2023", act_file=att,
                  today=TODAY)
    record_answer(b_store, a["b"], "accepted", "Sì", answer_on="2023-09-01", act="DG 9/2023", act_file=att,
                  today=TODAY)
    send(a_store, b_store, tmp_path)
    send(b_store, a_store, tmp_path)
    for store in (a_store, b_store):
        rows = {r.id: r for r in load_board(store, TODAY)}
        assert rows[a["a"]].act_file_id == rows[a["b"]].act_file_id
        assert file_data(store, rows[a["a"]].act_file_id) == pdf
        assert store.scalar("SELECT count(*) FROM followup_files") == 1
