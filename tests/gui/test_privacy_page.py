"""The window's privacy actions, driven as a person would: erasing a member from the Members page,
the retention rule on the Privacy page, and “Encrypt this file”. Real files; the raw bytes of the
assembly file (and its WAL) are searched for what must be gone."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from facilitator_app.core.members.members import create_member
from facilitator_app.core.privacy import cipher
from facilitator_app.core.privacy.backups import list_backups, make_backup
from facilitator_app.core.store.store import Store
from facilitator_app.gui.app import StoreOpener
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.main_window import MainWindow
from facilitator_app.gui.members.page import MembersPage
from facilitator_app.gui.privacy.page import PrivacyPage
from facilitator_app.gui.privacy.passphrase import Answer
from tests.conftest import RecordingPrompts

PASS = "la frase della segreteria"
# Screenshots go to docs/ only when asked (FACILITATOR_APP_SCREENSHOTS=docs): a test run never
# rewrites tracked files.
DOCS = (Path(__file__).resolve().parents[2] / "docs" if os.environ.get("FACILITATOR_APP_SCREENSHOTS") == "docs"
        else Path(tempfile.mkdtemp(prefix="facilitator-shots-")))
NAME, PHONE, NOTE = "Quagliarella", "+39 347 5550199", "sedia a rotelle"


def raw(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(str(path) + "-wal")) if p.exists())


def _person(store, surname=NAME, phone=PHONE, **extra):
    extra.setdefault("accessibility_notes", NOTE)
    extra.setdefault("birth_date", "1961-03-09")
    return create_member(store, {"surname": surname, "first_name": "Ottavia", "phone": phone,
                                 **extra})


class Committed(RecordingPrompts):
    """Records, at each message, what another connection reads in the file: shown after the commit?"""

    def __init__(self, path: Path, answer: bool = True):
        super().__init__(answer)
        self.path, self.seen = path, []

    def info(self, parent, title, text):
        conn = sqlite3.connect(self.path)
        self.seen.append(conn.execute("SELECT count(*) FROM erasures").fetchone()[0])
        conn.close()
        super().info(parent, title, text)


def test_erase_a_member_from_the_members_page(qapp, qtbot, store, tmp_path):
    ctx = AppContext(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), Committed(store.path))
    mid = _person(store)
    other = _person(store, "Bellandi", "+39 333 1112233", accessibility_notes="nessuna", birth_date="1990-01-01")
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    assert not page.erase_button.isEnabled()            # nothing selected yet
    page.select_member(mid)
    assert page.erase_button.isEnabled()
    ctx.prompts.answer = False                          # "No": nothing happens
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    assert store.get("members", mid)["surname"] == NAME and ctx.prompts.seen == []
    kind, _title, question = ctx.prompts.shown[-1]
    assert kind == "confirm" and NAME in question and ctx.prompts.defaults[-1] is False
    for words in ("Removed", "phone", "birth date", "Kept", "attendance", "cannot be undone", "audit log"):
        assert words in question, words
    ctx.prompts.answer = True
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    assert ctx.prompts.seen == [1]                      # the report came after the commit
    assert "erased" in ctx.prompts.shown[-1][2]
    row = store.get("members", mid)
    assert row["surname"] == "—" and row["phone"] is None and row["accessibility_notes"] is None
    assert store.get("members", other)["phone"] == "+39 333 1112233"
    assert ctx.undo_stack.count() == 0                  # nothing can write the old values back
    entry = store.query("SELECT * FROM audit_log WHERE action = 'erase'")
    assert len(entry) == 1 and mid in entry[0]["what"] and NAME not in (entry[0]["details"] or "")
    data = raw(store.path)
    for secret in (NAME, PHONE, NOTE, "1961-03-09"):
        assert secret.encode() not in data, secret
    assert b"Bellandi" in data                          # the others are untouched
    # the list shows the anonymous row; asking again says it is done already
    page.select_member(mid)
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    assert ctx.prompts.shown[-1][0] == "info" and "already" in ctx.prompts.shown[-1][2]


def _former(store, surname, term_end, **extra):
    return _person(store, surname, f"+39 320 {abs(hash(surname)) % 10_000_000:07d}", status="former",
                   term_end=term_end, **extra)


def test_retention_lists_who_is_due_and_erases_them_in_one_action(qapp, qtbot, ctx):
    store = ctx.store
    old = _former(store, "Vecchiarelli", "2020-01-31")
    recent = _former(store, "Recentini", "2099-01-31")
    active = _person(store, "Attivi")
    page = PrivacyPage(ctx)
    qtbot.addWidget(page)
    page.resize(900, 600)
    assert page.months.value() == 12
    names = [page.model.row(i)["surname"] for i in range(page.model.rowCount())]
    assert names == ["Vecchiarelli"] and page.apply_button.isEnabled()
    assert "1 former member" in page.due_label.text()
    page.grab().save(str(DOCS / "privacy-page.png"))
    ctx.prompts.answer = False
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert store.get("members", old)["surname"] == "Vecchiarelli"
    assert "12 months" in ctx.prompts.shown[-1][2] and "cannot be undone" in ctx.prompts.shown[-1][2]
    ctx.prompts.answer = True
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert store.get("members", old)["surname"] == "—"
    assert store.get("members", recent)["surname"] == "Recentini" and store.get("members", active)["phone"]
    assert "1 member(s) erased" in page.report.text() and ctx.prompts.shown[-1][0] == "info"
    assert page.model.rowCount() == 0 and not page.apply_button.isEnabled()
    assert b"Vecchiarelli" not in raw(store.path) and b"Recentini" in raw(store.path)
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'erase'") == 1


def test_the_retention_period_is_a_setting_and_bad_values_cannot_be_typed(qapp, qtbot, ctx):
    _former(ctx.store, "Mesini", "2025-01-31")
    page = PrivacyPage(ctx)
    qtbot.addWidget(page)
    page.months.setValue(240)
    page.months.editingFinished.emit()
    assert ctx.store.setting("privacy.retention_months") == 240 and page.model.rowCount() == 0
    page.months.setValue(-5)                 # the spin box stops at 0
    assert page.months.value() == 0
    page.months.editingFinished.emit()
    assert ctx.store.setting("privacy.retention_months") == 0 and page.model.rowCount() == 1


@pytest.fixture
def window(qapp, qtbot, tmp_path):
    path = tmp_path / "assemblea.sqlite"
    opener = StoreOpener()
    store = opener(path, create=True)           # plain: the autouse fixture unticks encryption
    _person(store)
    ctx = AppContext(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), RecordingPrompts())
    win = MainWindow(ctx, opener)
    qtbot.addWidget(win)
    yield win
    win.ctx.store.close()
    if opener.lock is not None:
        opener.lock.release()


class Asker:
    def __init__(self, answer):
        self.answer, self.asked = answer, []

    def __call__(self, mode, path, parent, error):
        self.asked.append(mode)
        return self.answer


def test_encrypt_this_file_switches_the_window_and_removes_the_plain_file(window, qtbot, tmp_path):
    plain = window.ctx.store.path
    make_backup(window.ctx.store)              # a plain backup, which must go with the plain file
    assert list_backups(plain) and NAME.encode() in list_backups(plain)[0].path.read_bytes()
    page = window.show_page("privacy")
    assert "NOT encrypted" in page.state.text() and page.encrypt_button.isEnabled()
    ask = Asker(Answer(PASS))
    flow = page.encrypt(ask)
    assert ask.asked == ["encrypt"]
    with qtbot.waitSignal(flow.finished, timeout=60_000) as done:
        pass
    assert done.args == [True]
    store = window.ctx.store
    assert store.encrypted and store.path == flow.out and store.path != plain
    assert store.path.name == "assemblea-encrypted.sqlite"
    assert store.get("members", store.scalar("SELECT id FROM members"))["surname"] == NAME
    assert not plain.exists() and not Path(str(plain) + "-wal").exists() and list_backups(plain) == []
    assert cipher.file_kind(store.path) == "encrypted"
    for secret in (NAME, PHONE, NOTE):
        assert secret.encode() not in raw(store.path)
    assert "now encrypted" in window.ctx.prompts.shown[-1][2]
    assert "is encrypted" in page.state.text() and not page.encrypt_button.isEnabled()
    with pytest.raises(Exception):
        Store(store.path)                      # no passphrase, no data
    # the window can keep working on it
    with store.transaction():
        store.update("members", store.scalar("SELECT id FROM members"), {"first_name": "Tina"})


def test_encrypt_cancelled_or_refused_changes_nothing(window, qtbot, monkeypatch):
    plain = window.ctx.store.path
    before = plain.read_bytes()
    page = window.show_page("privacy")
    page.encrypt(Asker(None))                 # cancelled at the passphrase
    assert window.ctx.store.path == plain and not window.ctx.store.encrypted
    import facilitator_app.gui.privacy.encrypt as E

    def broken(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(E, "encrypt_file", broken)
    flow = page.encrypt(Asker(Answer(PASS)))
    with qtbot.waitSignal(flow.finished, timeout=30_000) as done:
        pass
    assert done.args == [False]
    kind, _t, text = window.ctx.prompts.shown[-1]
    assert kind == "error" and "No space left on device" in text and "Traceback" not in text
    assert window.ctx.store.path == plain and plain.read_bytes()[:16] == before[:16]
    assert window.ctx.store.get("members", window.ctx.store.scalar("SELECT id FROM members"))["surname"] == NAME
    assert not any(p.name.startswith("assemblea-encrypted") for p in plain.parent.iterdir())


def test_a_term_over_but_still_in_office_is_said_so(qapp, qtbot, ctx):
    _former(ctx.store, "Vecchiarelli", "2020-01-31")
    _person(ctx.store, "Dimenticati", "+39 320 1112223", status="active", term_end="2020-03-31")
    page = PrivacyPage(ctx)
    qtbot.addWidget(page)
    shown = {page.model.index(i, 0).data(): page.model.index(i, 2).data() for i in range(page.model.rowCount())}
    assert shown["Dimenticati"] == "Term over, still marked in office"
    assert shown["Vecchiarelli"] != shown["Dimenticati"]
