"""Changes from outside (the CLI, another process) appear by themselves; an edit over a changed row merges."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from facilitator_app.core.members.members import create_member, update_member
from facilitator_app.core.plenaries import plenaries as P
from facilitator_app.core.store import Store
from facilitator_app.gui.attendance.checkin_page import CheckInPage
from facilitator_app.gui.members.dialog import MemberDialog
from facilitator_app.gui.members.page import MembersPage

OTHER = """
import sys
from facilitator_app.core.store import Store
from facilitator_app.core.attendance import checkin as A
from facilitator_app.core.members.members import update_member
s = Store(sys.argv[1])
if sys.argv[2] == "checkin":
    A.check_in(s, sys.argv[3], member_id=sys.argv[4])
else:
    update_member(s, sys.argv[3], {"surname": sys.argv[4]})
s.close()
"""


def other_process(db_path, *args: str) -> float:
    """Run a write in another process; returns when its commit was done (time.monotonic)."""
    subprocess.run([sys.executable, "-c", OTHER, str(db_path), *args], check=True)
    return time.monotonic()


@pytest.fixture
def plenary(ctx):
    pid = P.create_plenary(ctx.store, 1, date.today().isoformat(), "BASE Milano")
    ids = [create_member(ctx.store, {"surname": s, "first_name": "X"}) for s in ("Rossi", "Verdi", "Bruno")]
    return pid, P.sessions_of(ctx.store, pid)[0]["id"], ids


def test_a_check_in_from_another_process_shows_within_a_second(ctx, plenary, qtbot, db_path):
    _pid, session, ids = plenary
    page = CheckInPage(ctx, now="09:30")
    qtbot.addWidget(page)
    page.show()
    assert page.session_id == session and "0" in page.count_label.text()
    done = other_process(db_path, "checkin", session, ids[1])
    qtbot.waitUntil(lambda: page.model.attendance(ids[1]) is not None, timeout=1000)
    assert time.monotonic() - done < 1.0
    assert page.count_label.text().startswith(page.tr("Present %1 of %2").split("%1")[0])
    assert "1" in page.count_label.text()
    row = page.model.row_of(ids[1])
    assert page.model.index(row, 3).data().startswith("✓")


def test_a_rename_from_another_process_shows_on_the_members_page(ctx, plenary, qtbot, db_path):
    _pid, _session, ids = plenary
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    other_process(db_path, "rename", ids[0], "Rossini")
    qtbot.waitUntil(lambda: "Rossini" in [page.model.index(r, 0).data() for r in range(page.model.rowCount())],
                    timeout=1000)
    assert "Rossi" not in [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def _dialog(ctx, qtbot, member_id):
    d = MemberDialog(ctx, member_id)
    qtbot.addWidget(d)
    return d


def test_edit_over_a_row_changed_meanwhile_merges_field_by_field(ctx, qtbot, db_path, device):
    mid = create_member(ctx.store, {"surname": "Rossi", "first_name": "Mario", "email": "m@old.it",
                                    "phone": "+39 02 1234567"})
    dialog = _dialog(ctx, qtbot, mid)
    with Store(db_path, device) as other:  # the secretariat's laptop, meanwhile
        update_member(other, mid, {"email": "mario@nuovo.it", "municipio": 4})
    qtbot.keyClicks(dialog._widgets["dietary_notes"], "vegetariano")  # a field nobody else touched
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    row = ctx.store.get("members", mid)
    assert (row["email"], row["municipio"], row["dietary_notes"]) == ("mario@nuovo.it", 4, "vegetariano")
    assert not [s for s in ctx.prompts.shown if s[0] == "confirm"]  # nothing to ask: different fields


@pytest.mark.parametrize("keep_mine", [False, True])
def test_the_same_field_changed_on_both_sides_is_asked_with_theirs_as_default(ctx, qtbot, db_path, device,
                                                                                keep_mine):
    mid = create_member(ctx.store, {"surname": "Rossi", "first_name": "Mario", "phone": "+39 02 1234567"})
    dialog = _dialog(ctx, qtbot, mid)
    with Store(db_path, device) as other:
        update_member(other, mid, {"phone": "+39 333 0000001", "notes": "arriva tardi"})
    dialog._widgets["phone"].setText("+39 333 9999999")
    qtbot.keyClicks(dialog._widgets["accessibility_notes"], "sedia a rotelle")
    ctx.prompts.answer = keep_mine
    dialog.save()
    (question,) = [s for s in ctx.prompts.shown if s[0] == "confirm"]
    assert "+39 333 9999999" in question[2] and "+39 333 0000001" in question[2]
    assert ctx.prompts.defaults == [False]  # Enter keeps what was saved
    row = ctx.store.get("members", mid)
    assert row["phone"] == ("+39 333 9999999" if keep_mine else "+39 333 0000001")
    assert (row["notes"], row["accessibility_notes"]) == ("arriva tardi", "sedia a rotelle")


def test_a_member_deleted_meanwhile_is_not_resurrected(ctx, qtbot, db_path, device):
    mid = create_member(ctx.store, {"surname": "Rossi", "first_name": "Mario"})
    dialog = _dialog(ctx, qtbot, mid)
    with Store(db_path, device) as other, other.transaction():
        other.delete("members", mid)
    dialog._widgets["phone"].setText("+39 333 9999999")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.general_error.text()
    assert ctx.store.get("members", mid) is None


@pytest.fixture
def rec_page(ctx, qtbot):
    from facilitator_app.core.recommendations import recommendations as R
    from facilitator_app.gui.notes.recommendations import RecommendationsPage

    pid = P.create_plenary(ctx.store, 8, "2024-10-12", "Palazzo Marino")
    rid = R.create_recommendation(ctx.store, pid, "Rifugi climatici", "testo di partenza")
    page = RecommendationsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.rid = rid
    return page


def test_typing_in_the_recommendation_editor_survives_an_outside_change(rec_page, qtbot, db_path, device):
    from facilitator_app.core.recommendations import recommendations as R

    page, ctx = rec_page, rec_page.ctx
    page.title.selectAll()
    qtbot.keyClicks(page.title, "Rifugi climatici aperti la sera")
    with Store(db_path, device) as other:
        R.update_recommendation(other, page.rid, {"text": "testo del gruppo"})
    qtbot.waitUntil(lambda: "testo del gruppo" in page.model.row(0)["text"], timeout=1500)  # the list follows
    assert page.title.text() == "Rifugi climatici aperti la sera"  # what I typed is still there
    assert page.save()
    row = ctx.store.get("recommendations", page.rid)
    assert (row["title"], row["text"]) == ("Rifugi climatici aperti la sera", "testo del gruppo")
    assert not [s for s in ctx.prompts.shown if s[0] == "confirm"]
    assert page.text.toPlainText() == "testo del gruppo"  # the editor now shows what is saved


def test_the_same_recommendation_field_changed_on_both_sides_is_asked(rec_page, qtbot, db_path, device):
    from facilitator_app.core.recommendations import recommendations as R

    page, ctx = rec_page, rec_page.ctx
    page.title.setText("Il mio titolo")
    with Store(db_path, device) as other:
        R.update_recommendation(other, page.rid, {"title": "Il loro titolo"})
    ctx.poll_outside()
    ctx.prompts.answer = False
    assert page.save()
    assert ctx.prompts.defaults == [False]
    assert ctx.store.get("recommendations", page.rid)["title"] == "Il loro titolo"
