"""The Italian interface: every message translated, the window in Italian, English on request.

The translator is installed only inside the `italian` fixture and removed after it, so the
other GUI tests keep reading the English source strings.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMenu

from facilitator_app.gui import i18n
from facilitator_app.resources import resource_path

TS = Path(resource_path("translations")) / "facilitator_app_it.ts"
PLACEHOLDER = re.compile(r"%(?:\d+|n)")
ITALIAN_NAV = ["Partecipanti", "Plenarie", "Registrazione", "Presenze", "Storico presenze", "Gruppi", "Post-it",
               "Raccomandazioni", "Verbali", "Risposte e monitoraggio", "Sorteggio", "Privacy"]
ENGLISH_NAV = ["Members", "Plenaries", "Check-in", "Attendance", "Attendance history", "Groups", "Post-it wall",
               "Recommendations", "Minutes", "Answers and monitoring", "Selection by lot", "Privacy"]


def ts_messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [(ctx.findtext("name") or "", m) for ctx in root.iter("context") for m in ctx.iter("message")]


def forms(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    if message.get("numerus") == "yes":
        return [f.text or "" for f in tr.iter("numerusform")]
    return [tr.text or ""]


# -- (a) the .ts itself ------------------------------------------------------------------------------
def test_every_message_is_translated_with_its_placeholders():
    messages = ts_messages()
    assert len(messages) > 600
    problems = []
    for context, m in messages:
        source = m.findtext("source")
        tr = m.find("translation")
        if tr.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{context}: {source!r} is {tr.get('type')}")
            continue
        texts = forms(m)
        if m.get("numerus") == "yes" and len(texts) < 2:
            problems.append(f"{context}: {source!r} needs two plural forms")
        for text in texts:
            if not text.strip():
                problems.append(f"{context}: {source!r} has an empty translation")
            missing = set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(text))
            if missing:
                problems.append(f"{context}: {source!r} loses {sorted(missing)} in {text!r}")
    assert not problems, "\n".join(problems)


def test_the_compiled_translation_is_current():
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_size > 10_000
    translator = QTranslator()
    assert translator.load(str(qm))
    for context, m in ts_messages():
        if m.get("numerus") != "yes":
            assert translator.translate(context, m.findtext("source")) == forms(m)[0], (context, m.findtext("source"))


# -- (b) the window in Italian -------------------------------------------------------------------------
class RecordingTranslator(QTranslator):
    """Answers nothing, remembers every (context, source) the interface asks for."""

    def __init__(self):
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context, source))
        return None  # a null string: the next translator answers


@pytest.fixture
def italian(qapp):
    locale = QLocale()
    recorder = RecordingTranslator()
    i18n.install(qapp, "it")
    qapp.installTranslator(recorder)  # installed last, asked first
    yield recorder
    qapp.removeTranslator(recorder)
    i18n.install(qapp, "en")  # removes every translator install() added
    QLocale.setDefault(locale)
    assert QCoreApplication.translate("Pages", "Members") == "Members"  # nothing leaks into other tests


@pytest.fixture
def window(italian, demo_ctx, qtbot):
    from facilitator_app.gui.main_window import MainWindow

    win = MainWindow(demo_ctx)
    qtbot.addWidget(win)
    win.resize(1360, 820)
    win.show()
    for key in win.pages:  # every page painted once, as a person would see it
        win.show_page(key)
        qtbot.wait(1)
    return win


def test_the_window_speaks_italian(window):
    nav = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert nav == ITALIAN_NAV
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Modifica", "&Visualizza", "&Aiuto"]
    assert "Assemblea dei Cittadini sul Clima" in window.windowTitle()

    members = window.pages["members"]
    assert members.model.headerData(0, members.table.horizontalHeader().orientation()) == "Cognome"
    assert members.new_button.text() == "Nuovo partecipante"
    assert members.count_label.text().startswith("Partecipanti: ")
    checkin = window.pages["checkin"]
    assert checkin.buttons["checkin"].text() == "Registra ⏎" and checkin.buttons["walkin"].text() == "Fuori elenco F2"
    assert checkin.banner.title.text() == "Pronti"
    assert checkin.count_label.text().startswith("Presenti ")
    assert window.pages["plenaries"].new_button.text() == "Nuova plenaria"
    assert window.pages["groups"].new_button.text() == "Nuovo gruppo"
    assert window.pages["wall"].search.placeholderText() == "Cerca nei post-it…"
    recommendations = window.pages["recommendations"]
    statuses = {recommendations.model.index(r, 3).data().split()[0] for r in range(recommendations.model.rowCount())}
    assert statuses and statuses <= {"Bozza", "Approvata", "Respinta", "Inviata"}  # the outcome: status and votes
    minutes = window.pages["minutes"]
    assert minutes.pdf_button.text() == "Verbale in PDF…"
    assert "Presenti:" in minutes.outline_label.text()


def test_every_text_the_window_asks_for_is_in_the_translation(window, italian):
    """A tr() whose runtime context differs from what lupdate extracted would stay English."""
    known = {(context, m.findtext("source")) for context, m in ts_messages()}
    ours = {context for context, _ in known}
    missing = sorted((c, s) for c, s in italian.asked if c in ours and (c, s) not in known)
    assert not missing


def test_no_menu_has_two_items_with_the_same_accelerator(window):
    def check(menu_texts: list[str]) -> None:
        keys = [m.group(1).lower() for t in menu_texts if (m := re.search(r"&(\w)", t))]
        assert len(keys) == len(set(keys)), menu_texts

    check([a.text() for a in window.menuBar().actions()])
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            check([a.text() for a in menu.actions()])


# -- (c) --lang en -------------------------------------------------------------------------------------
def test_lang_en_keeps_english_even_after_italian(qapp, tmp_path, monkeypatch):
    from facilitator_app.cli import main
    from facilitator_app.gui import app as gui_app
    from facilitator_app.gui.main_window import MainWindow

    names = qapp.organizationName(), qapp.applicationName()
    locale = QLocale()
    monkeypatch.setattr(gui_app, "QSettings", lambda: QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    seen = {}

    def fake_exec(app):
        win = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["nav"] = [win.nav.item(i).text() for i in range(win.nav.count())]
        seen["new_member"] = win.pages["members"].new_button.text()
        win.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    i18n.install(qapp, "it")  # as if Italian had been chosen before
    try:
        assert QCoreApplication.translate("Pages", "Members") == "Partecipanti"
        from facilitator_app.core.store import Store

        Store(tmp_path / "assemblea.sqlite").close()  # a plain file: a new one would ask for a passphrase
        assert main(["gui", "--lang", "en", "--db", str(tmp_path / "assemblea.sqlite")]) == 0
    finally:
        i18n.install(qapp, "en")
        QLocale.setDefault(locale)
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
    assert seen == {"nav": ENGLISH_NAV, "new_member": "New member"}
