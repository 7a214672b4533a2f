"""The window and personal data: passphrase on open and for new files, change it, the audit log,
the privacy note, what the prepared laptops receive, automatic backups."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from facilitator_app.core.privacy import cipher, keyring_store
from facilitator_app.core.privacy.audit import list_audit, record
from facilitator_app.core.privacy.backups import list_backups
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store
from facilitator_app.gui.app import StoreOpener
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.privacy.passphrase import Answer, PassphraseDialog

PASS = "la frase della segreteria"
# Screenshots go to docs/ only when asked (FACILITATOR_APP_SCREENSHOTS=docs): a test run never
# rewrites tracked files.
DOCS = (Path(__file__).resolve().parents[2] / "docs" if os.environ.get("FACILITATOR_APP_SCREENSHOTS") == "docs"
        else Path(tempfile.mkdtemp(prefix="facilitator-shots-")))


@pytest.fixture
def no_keyring(monkeypatch):
    saved = {}
    monkeypatch.setattr(keyring_store, "available", lambda: True)
    monkeypatch.setattr(keyring_store, "recall", lambda path: saved.get(str(Path(path).resolve())))
    monkeypatch.setattr(keyring_store, "remember",
                        lambda path, p: saved.__setitem__(str(Path(path).resolve()), p) or True)
    return saved


@pytest.fixture
def encrypted(tmp_path):
    db = tmp_path / "cifrato.sqlite"
    with Store(db, Device("d", "Segreteria"), passphrase=PASS) as s:
        s.ensure_assembly("Assemblea cifrata")
    return db


class Asker:
    def __init__(self, *answers):
        self.answers = list(answers)
        self.asked: list[tuple[str, str | None]] = []

    def __call__(self, mode, path, parent, error):
        self.asked.append((mode, error))
        return self.answers.pop(0) if self.answers else None


def test_opening_an_encrypted_file_asks_again_after_a_wrong_passphrase(qapp, encrypted, no_keyring, monkeypatch):
    monkeypatch.delenv(cipher.ENV_PASSPHRASE, raising=False)
    ask = Asker(Answer("sbagliata del tutto"), Answer(PASS, remember=True))
    opener = StoreOpener(ask)
    store = opener(encrypted)
    assert store is not None and store.encrypted
    assert [m for m, _ in ask.asked] == ["open", "open"]
    assert ask.asked[0][1] is None and "passphrase is wrong" in ask.asked[1][1]
    assert no_keyring[str(encrypted.resolve())] == PASS
    store.close()
    opener.lock.release()
    # remembered: the next time it opens without asking
    again = StoreOpener(Asker())
    store = again(encrypted)
    assert store is not None and again.ask.asked == []
    store.close()
    again.lock.release()


def test_cancelling_releases_the_file(qapp, encrypted, no_keyring, monkeypatch):
    monkeypatch.delenv(cipher.ENV_PASSPHRASE, raising=False)
    opener = StoreOpener(Asker(None))
    assert opener(encrypted) is None and opener.lock is None
    from facilitator_app.core.store.lock import FileLock

    with FileLock(encrypted):   # not held any more
        pass


def test_too_many_wrong_passphrases_end_in_a_message(qapp, encrypted, no_keyring, monkeypatch):
    monkeypatch.delenv(cipher.ENV_PASSPHRASE, raising=False)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    before = encrypted.read_bytes()
    assert StoreOpener(Asker(*[Answer("sbagliata!")] * 5))(encrypted) is None
    assert shown and "passphrase is wrong" in shown[0] and encrypted.read_bytes() == before


def test_a_new_file_is_encrypted_unless_the_person_says_no(qapp, tmp_path, no_keyring):
    opener = StoreOpener(Asker(Answer(PASS)))
    store = opener(tmp_path / "nuova.sqlite", create=True)
    assert store.encrypted and cipher.file_kind(store.path) == "encrypted"
    store.close()
    opener2 = StoreOpener(Asker(Answer(None)))
    store = opener2(tmp_path / "in-chiaro.sqlite", create=True)
    assert not store.encrypted and cipher.file_kind(store.path) == "plain"
    store.close()
    opener.lock.release()
    opener2.lock.release()


def test_the_new_file_dialog(qtbot, tmp_path):
    d = PassphraseDialog("new", tmp_path / "assemblea.sqlite")
    qtbot.addWidget(d)
    d.show()
    ok = d.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    d.passphrase.setText("corta")
    assert not ok.isEnabled() and "8" in d.message.text()
    d.passphrase.setText(PASS)
    d.repeat.setText(PASS + "x")
    assert not ok.isEnabled() and "differ" in d.message.text()
    d.repeat.setText(PASS)
    assert ok.isEnabled() and d.answer().passphrase == PASS
    d.grab().save(str(DOCS / "passphrase-new.png"))
    d.plain.setChecked(True)
    assert d.risk.isVisible() and "phone numbers" in d.risk.text() and ok.isEnabled()
    assert d.answer().passphrase is None and not d.passphrase.isEnabled()
    d.grab().save(str(DOCS / "passphrase-plain.png"))


def test_change_the_passphrase_from_the_window(ctx, qtbot, tmp_path, encrypted):
    from facilitator_app.gui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert win.change_passphrase(Answer("nuova frase segreta")) is False   # the ctx file is plain
    assert "not encrypted" in ctx.prompts.shown[-1][2]
    store = Store(encrypted, Device("d", "Segreteria"), passphrase=PASS)
    ctx.set_store(store)
    assert win.change_passphrase(Answer("nuova frase segreta")) is True
    # the window keeps its store open (and polls it); a second connection reads the file with the new key
    with Store(encrypted, Device("d", "Segreteria"), passphrase="nuova frase segreta") as s:
        assert s.assembly_name() == "Assemblea cifrata"


def test_the_audit_log_dialog_shows_and_exports(ctx, qtbot, tmp_path):
    from facilitator_app.gui.main_window import MainWindow

    record(ctx.store, "export", "verbale (internal) of plenary 4", "/home/segreteria/verbale_4.pdf")
    record(ctx.store, "package", "laptop package for plenary 4 (entrance)", "/media/chiavetta/P04-ingresso.assemblea")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert win.audit_action in win.file_menu.actions()
    dialog = win.show_audit()
    assert dialog.model.rowCount() == 2
    cells = {dialog.model.index(r, c).data() for r in range(2) for c in range(5)}
    assert "verbale (internal) of plenary 4" in cells and "packaged" in cells
    record(ctx.store, "print", "badges of plenary 4", "/tmp/badge.pdf")
    assert dialog.model.rowCount() == 3   # follows the store
    dialog.grab().save(str(DOCS / "audit-log.png"))
    out = dialog.export_csv(str(tmp_path / "registro.csv"))
    assert out and "badges of plenary 4" in Path(out).read_text(encoding="utf-8-sig")
    assert list_audit(ctx.store)[0]["what"] == "audit log (CSV)"


def test_the_privacy_note_in_the_help_menu(ctx, qtbot):
    from facilitator_app.gui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    help_menu = win.menuBar().actions()[-1].menu()
    assert win.privacy_action in help_menu.actions()
    note = win.show_privacy()
    text = note.text.toPlainText()
    for words in ("What is stored where", "Who sees what", "How to erase", "NOT encrypted", "member erase"):
        assert words in text
    note.grab().save(str(DOCS / "privacy-note.png"))


def test_the_laptops_include_dialog(qtbot):
    from facilitator_app.gui.exchange.include import IncludeDialog

    d = IncludeDialog()
    qtbot.addWidget(d)
    assert d.chosen() == frozenset()
    d.boxes["contact"].setChecked(True)
    d.boxes["former"].setChecked(True)
    assert d.chosen() == {"contact", "former"}
    d.grab().save(str(DOCS / "prepare-include.png"))


def test_backups_on_open_and_after_changes(qapp, store, tmp_path):
    from facilitator_app.gui.privacy.backups import BackupScheduler

    ctx = AppContext(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    sched = BackupScheduler(ctx, minutes=60)
    sched.wait()
    assert len(list_backups(store.path)) == 1 and sched.last_error is None
    sched.tick()   # nothing changed: no new backup
    sched.wait()
    assert len(list_backups(store.path)) == 1
    with store.transaction():
        store.insert("themes", {"name": "Caldo"})
    sched.tick()
    sched.wait()
    assert len(list_backups(store.path)) == 2
    with Store(list_backups(store.path)[0].path, Device("x", "x")) as b:
        assert b.select("themes")[0]["name"] == "Caldo"
