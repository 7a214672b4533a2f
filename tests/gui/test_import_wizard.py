from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from facilitator_app.gui.members.import_wizard import ImportWizard


def make_xlsx(path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Elenco estratti - Assemblea per il clima"])
    ws.append([])
    ws.append(["Cognome", "Nome", "Genere", "Municipio", "E-mail"])
    ws.append(["Rossi", "Mario", "M", "Municipio 3", "mario@example.org"])
    ws.append(["Şahin", "Emre", "uomo", 12, "emre@"])
    ws.append([None, "Senza", "F", 2, None])
    wb.save(path)


def test_wizard_previews_then_imports(ctx, qtbot, tmp_path):
    path = tmp_path / "roster.xlsx"
    make_xlsx(path)
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.preview_page
    summary = wizard.preview_page.summary.text()
    assert "3" in summary  # header row
    assert wizard.preview_page.rows_model.rowCount() == 2
    problems = [wizard.preview_page.issues_model.index(r, 2).data()
                for r in range(wizard.preview_page.issues_model.rowCount())]
    assert len(problems) >= 3  # rejected row, bad municipio, bad e-mail
    assert ctx.store.scalar("SELECT count(*) FROM members") == 0  # the preview wrote nothing
    wizard.preview_page.rows_view.grab().save(str(tmp_path / "preview.png"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.done_page
    assert ctx.store.scalar("SELECT count(*) FROM members") == 2
    row = ctx.store.select("members", "surname = ?", ("Şahin",))[0]
    assert row["municipio"] is None and row["email"] is None and row["gender"] == "M"


def test_unreadable_file_keeps_the_wizard_on_the_first_page(ctx, qtbot, tmp_path):
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    wizard = ImportWizard(ctx, path=str(bad))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error.text()
    assert ctx.store.scalar("SELECT count(*) FROM members") == 0
