"""Core errors in the interface language: every code has a template, and the pages show them in Italian.

The Italian translator is installed only inside the `italian` fixture and removed after it
(as in test_translations.py), so the other GUI tests keep reading the English source strings.
"""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QWizard

import facilitator_app
from facilitator_app.core.attendance import checkin as A
from facilitator_app.core.errors import NOT_FOUND, CoreError
from facilitator_app.core.groups import groups as G
from facilitator_app.core.members.members import create_member
from facilitator_app.core.plenaries import plenaries as P
from facilitator_app.gui import i18n
from facilitator_app.gui.errors import TEMPLATES, error_text

PACKAGE = Path(facilitator_app.__file__).parent
SCANNED = [PACKAGE / "core", PACKAGE / "importers", PACKAGE / "exporters"]
PLACEHOLDER = re.compile(r"%(\d+)")


# -- every code the core raises has a template ---------------------------------------------------------
def _strings(node: ast.AST) -> list[str]:
    """The codes an expression can give: a literal, or either branch of `a if cond else b`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    if isinstance(node, ast.Subscript) and ast.unparse(node.value) == "NOT_FOUND":
        return []  # core/errors.py: not_found(); its codes are NOT_FOUND's values, added below
    raise AssertionError(f"a code that is not a literal: {ast.unparse(node)}")


def raised_codes() -> dict[str, list[tuple[str, set[str] | None]]]:
    """code -> [(where, the params given with it, or None when they are given elsewhere)]."""
    found: dict[str, list[tuple[str, set[str] | None]]] = {}
    for root in SCANNED:
        for path in sorted(root.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                where = f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', 0)}"
                if isinstance(node, ast.Call):
                    for kw in node.keywords:
                        if kw.arg == "code" and not (isinstance(kw.value, ast.Attribute) and kw.value.attr == "code"):
                            params = {k.arg for k in node.keywords if k.arg not in (None, "code")}
                            for code in _strings(kw.value):
                                found.setdefault(code, []).append((where, params))
                elif isinstance(node, ast.ClassDef):  # class SomeError(...): code = "..."
                    for stmt in node.body:
                        if isinstance(stmt, ast.Assign) and [ast.unparse(t) for t in stmt.targets] == ["code"] \
                                and isinstance(stmt.value, ast.Constant) and stmt.value.value:
                            found.setdefault(stmt.value.value, []).append((where, None))
    for code in NOT_FOUND.values():
        found.setdefault(code, []).append(("core/errors.py:NOT_FOUND", {"id"}))
    return found


def test_every_code_raised_in_the_core_has_a_template_with_its_params():
    codes = raised_codes()
    assert len(codes) > 100
    missing = sorted(set(codes) - set(TEMPLATES))
    assert not missing, f"codes without a template in gui/errors.py: {missing}"
    problems = []
    for code, uses in codes.items():
        _, names = TEMPLATES[code]
        for where, params in uses:
            if params is not None and not set(names) <= params:
                problems.append(f"{where}: {code} raised without {sorted(set(names) - params)}")
    assert not problems, "\n".join(problems)


def test_every_template_is_used_and_fills_its_placeholders():
    unused = sorted(set(TEMPLATES) - set(raised_codes()))
    assert not unused, f"templates no core error raises: {unused}"
    for code, (template, names) in TEMPLATES.items():
        numbers = {int(n) for n in PLACEHOLDER.findall(template)}
        assert numbers == set(range(1, len(names) + 1)), (code, template, names)


def test_error_text_fills_the_template_and_falls_back_to_the_english_message(qapp):
    exc = P.PlenaryError("Mattina: expected a time as HH:MM, got '9'", code="bad_time", what="Mattina", value="9")
    assert error_text(exc) == "Mattina: write the time as HH:MM, for example 09:30 (not “9”)."
    assert str(exc) == "Mattina: expected a time as HH:MM, got '9'"  # the CLI's text is unchanged
    assert error_text(CoreError("something new", code="not_known_yet")) == "something new"
    assert error_text(CoreError("no code")) == "no code"
    assert error_text(CoreError("values missing", code="bad_time")) == "values missing"
    assert error_text(ValueError("plain")) == "plain"


def test_errors_whose_class_gives_the_code_carry_their_params(qapp, tmp_path):
    """The static check above cannot see the params of `code = ...` classes: build them for real."""
    import sqlite3

    from facilitator_app.core.exchange import packages as X
    from facilitator_app.core.store.store import (DamagedFileError, NewerSchemaError, NotAnAssemblyError,
                                                  PassphraseRequiredError, Store, WrongPassphraseError)

    junk = tmp_path / "appunti.sqlite"
    con = sqlite3.connect(junk)
    con.execute("CREATE TABLE x (a)")
    con.close()
    with pytest.raises(NotAnAssemblyError) as not_assembly:
        Store(junk)
    text = tmp_path / "testo.sqlite"
    text.write_bytes(b"not a database at all, just some text " * 100)
    with pytest.raises(PassphraseRequiredError) as needs_key:
        Store(text)
    with pytest.raises(WrongPassphraseError) as wrong_key:
        Store(text, passphrase="una frase qualsiasi")
    foreign, damaged = tmp_path / "foto.assemblea", tmp_path / "rotto.assemblea"
    foreign.write_bytes(b"\xff\xd8\xff")
    damaged.write_bytes(b"PK\x03\x04 cut short")
    errors = [NewerSchemaError(9, 3), not_assembly.value, A.UnknownBadge("ZZZZZ"), X.NoPackagesError("none", []),
              needs_key.value, wrong_key.value, DamagedFileError(junk, "page 3")]
    for path in (foreign, damaged, tmp_path / "missing.assemblea"):
        with pytest.raises(X.PackageError) as exc:
            X.read_package(path)
        errors.append(exc.value)
    errors.append(X.WrongAssemblyError("other", "a.assemblea", "Assemblea di prova"))
    errors.append(X.NewerPackageError("newer", "b.assemblea"))
    errors.append(X.InvalidPackageError("bad", "c.assemblea", table="members", field="municipio", value="tre",
                                        reason="is not a whole number"))
    errors.append(X.PackageTooLargeError("big", "d.assemblea", size=2**30))
    errors.append(P.AmbiguousPlenaryError(9, [{"id": "a1", "date": "2025-03-12"}, {"id": "b2", "date": "2025-03-15"}]))
    errors.append(X.PackageKeyError("another key", "c.assemblea"))
    assert {e.code for e in errors} == {c for c, uses in raised_codes().items() if any(p is None for _, p in uses)}
    for exc in errors:
        assert error_text(exc) != str(exc), exc.code  # worded by its template, not the fallback
    assert error_text(not_assembly.value) == f"{junk} is not an assembly file of this app."


def test_a_wrapped_error_keeps_its_code(store):
    pid = P.create_plenary(store, 1, "2024-05-11", "Parco Nord")
    session = P.sessions_of(store, pid)[0]["id"]
    with pytest.raises(A.AttendanceError) as exc:
        A.register_walk_in(store, session, "  ", "guest")
    assert str(exc.value) == "person: a name is required" and exc.value.code == "person_name_required"
    with pytest.raises(G.GroupsError) as exc:
        G.create_group(store, pid, "")
    assert exc.value.code == "group_name_required"


# -- the pages, in Italian ---------------------------------------------------------------------------------
@pytest.fixture
def italian(qapp):
    locale = QLocale()
    i18n.install(qapp, "it")
    yield
    i18n.install(qapp, "en")  # removes every translator install() added
    QLocale.setDefault(locale)
    assert QCoreApplication.translate("Pages", "Members") == "Members"  # nothing leaks into other tests


def test_groups_more_groups_than_people_in_italian(italian, ctx, qtbot):
    from facilitator_app.gui.groups.dialogs import AssignDialog
    from facilitator_app.gui.groups.page import GroupsPage

    pid = P.create_plenary(ctx.store, 1, "2024-05-11", "Parco Nord")
    for surname in ("Rossi", "Bianchi"):
        create_member(ctx.store, {"surname": surname, "first_name": "Anna"})
    page = GroupsPage(ctx)
    qtbot.addWidget(page)
    page.select_plenary(pid)
    dlg = AssignDialog(ctx, pid, None, page)
    qtbot.addWidget(dlg)
    dlg.who.setCurrentIndex(dlg.who.findData(True))
    dlg.k.setValue(5)
    dlg.compute()
    assert dlg.scores.text() == "Ci sono più gruppi (5) che persone (2): chiedi meno gruppi."
    dlg.who.setCurrentIndex(dlg.who.findData(False))  # nobody checked in yet
    dlg.compute()
    assert dlg.scores.text().startswith("Nessuno da dividere in gruppi")
    page.set_commitment("not-a-member", None)
    assert ctx.prompts.shown[-1] == ("error", "Gruppi", "Questo partecipante non esiste più (forse è stato "
                                                        "eliminato nel frattempo).")


def test_refused_check_in_and_absence_in_italian(italian, ctx, qtbot):
    from facilitator_app.gui.attendance.checkin_page import CheckInPage

    day = date(2024, 5, 11)
    pid = P.create_plenary(ctx.store, 4, day.isoformat(), "Parco Nord")
    rossi = create_member(ctx.store, {"surname": "Rossi", "first_name": "Mario", "badge_code": "ACDEF"})
    create_member(ctx.store, {"surname": "Bianchi", "first_name": "Luca", "badge_code": "GHJKM"})
    morning = P.sessions_of(ctx.store, pid)[0]["id"]
    page = CheckInPage(ctx, today=day, now="09:35")
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page.search, "rossi")
    assert page.highlighted().surname == "Rossi"
    # Meanwhile the member was removed (an exchange package, another window) before Enter was pressed.
    ctx.store.conn.execute("UPDATE members SET deleted = 1 WHERE id = ?", (rossi,))
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.banner.kind == "error"
    assert page.banner.text() == ("PRESENZA NON REGISTRATA | Mario Rossi | Questo partecipante non esiste più "
                                  "(forse è stato eliminato nel frattempo).")
    assert A.session_rows(ctx.store, morning) == {}

    qtbot.keyClicks(page.search, "GHJKM")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.banner.kind == "ok"
    qtbot.keyClicks(page.search, "bianchi")
    page.ask_absence = lambda a, sessions, justified: ([morning], "lavoro", False)
    page.justify_absence()  # F9 on someone already checked in
    assert ctx.prompts.shown[-1] == ("error", "Assenza giustificata", "Luca Bianchi risulta presente nella "
                                     "sessione “Mattina”: annulla prima la registrazione.")


def test_plenary_time_error_in_italian(italian, ctx, qtbot):
    from facilitator_app.gui.plenaries.page import PlenariesPage

    P.create_plenary(ctx.store, 1, "2024-01-20", "Palazzo Marino")
    page = PlenariesPage(ctx)
    qtbot.addWidget(page)
    page.list.selectRow(0)
    model = page.sessions[0]
    assert not model.setData(model.index(0, 1), "9 e mezza")
    assert ctx.prompts.shown[-1] == ("error", "Non salvato", "Mattina: scrivi l'orario come ore:minuti, per esempio "
                                     "09:30 (non “9 e mezza”).")
    assert not model.setData(model.index(0, 2), "08:00")
    assert ctx.prompts.shown[-1][2] == "Mattina: la fine (08:00) deve venire dopo l'inizio (09:30)."
    page.number.setValue(1)
    P.create_plenary(ctx.store, 2, "2024-03-02", "Fabbrica del Vapore")
    page.list.selectRow(0)
    page.number.setValue(2)
    page.save_button.click()
    assert ctx.prompts.shown[-1][2] == "La plenaria 2 esiste già: scegli un altro numero."


def test_import_of_a_broken_file_in_italian(italian, ctx, qtbot, tmp_path):
    from facilitator_app.gui.members.import_wizard import ImportWizard

    bad = tmp_path / "rotto.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    wizard = ImportWizard(ctx, path=str(bad))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error.text() == (
        "Questo file non si può importare: “rotto.xlsx” non si può leggere come cartella di lavoro Excel: "
        "il file è danneggiato o non è davvero un file .xlsx.")
    empty = tmp_path / "vuoto.csv"
    empty.write_text("  \n")
    wizard.file_page.path_edit.setText(str(empty))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.file_page.error.text() == "Questo file non si può importare: “vuoto.csv” è vuoto."


def test_an_import_whose_members_changed_stays_on_the_preview(italian, ctx, qtbot, tmp_path):
    from facilitator_app.gui.members.import_wizard import ImportWizard

    roster = tmp_path / "elenco.csv"
    roster.write_text("Cognome;Nome\nRossi;Mario\n", encoding="utf-8")
    wizard = ImportWizard(ctx, path=str(roster))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.preview_page
    create_member(ctx.store, {"surname": "Verdi", "first_name": "Anna"})  # someone else edits meanwhile
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.preview_page
    assert ctx.prompts.shown[-1] == ("error", "Non importato", "I partecipanti sono cambiati dopo l'anteprima, "
                                     "quindi non è stato importato nulla. Rifai l'anteprima del file.")
    assert ctx.store.scalar("SELECT count(*) FROM members") == 1
