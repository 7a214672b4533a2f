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


def _csv(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def _go_to_preview(wizard, qtbot, path):
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.preview_page


def test_unmapped_column_is_listed_and_can_be_given_a_field(ctx, qtbot, tmp_path):
    path = _csv(tmp_path / "r.csv", "COGNOME;NOME;LIVELLO_SCOL;Colore preferito\n"
                                    "Rossi;Mario;Laurea;blu\n;;;\nVerdi;Anna;Diploma;rosso\n")
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    _go_to_preview(wizard, qtbot, path)
    page = wizard.preview_page
    summary = page.summary.text()
    assert "'LIVELLO_SCOL' (C)" in summary and "'Colore preferito' (D)" in summary
    assert "3 data rows = 2 imported + 0 merged with an earlier row of the same person + 0 rejected + 1 blank" \
        in summary
    assert page.columns_box.states["C"].text().startswith("not recognised")
    # the person maps the column to education and explicitly leaves the other out
    box = page.columns_box.boxes["C"]
    box.setCurrentIndex(box.findData("education"))
    page.columns_box.boxes["D"].setCurrentIndex(1)
    assert wizard.mapping == {"C": "education", "D": None}
    assert page.columns_box.states["C"].text() == "your choice"
    assert "LIVELLO_SCOL" not in page.summary.text()
    assert ctx.store.scalar("SELECT count(*) FROM members") == 0
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.done_page
    assert {r["surname"]: r["education"] for r in ctx.store.select("members")} == {"Rossi": "laurea",
                                                                                 "Verdi": "diploma"}
    assert "3 data rows = 2 imported + 0 merged with an earlier row + 0 rejected + 1 blank" \
        in wizard.done_page.label.text()


def test_duplicate_headers_block_the_import_until_each_is_chosen(ctx, qtbot, tmp_path):
    path = _csv(tmp_path / "r.csv", "Cognome,Nome,Telefono,Telefono\nRossi,Mario,02 1234567,333 1234567\n")
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    _go_to_preview(wizard, qtbot, path)
    page = wizard.preview_page
    import_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not import_button.isEnabled() and "same header" in page.summary.text()
    page.columns_box.boxes["C"].setCurrentIndex(page.columns_box.boxes["C"].findData("phone"))
    assert not import_button.isEnabled()  # D still undecided
    page.columns_box.boxes["D"].setCurrentIndex(1)  # left out
    assert import_button.isEnabled()
    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    assert ctx.store.select("members")[0]["phone"] == "02 1234567"


def test_several_sheets_with_people_are_named_and_one_can_be_chosen(ctx, qtbot, tmp_path):
    wb = Workbook()
    wb.active.title = "Coorte A"
    wb.active.append(["Cognome", "Nome"])
    wb.active.append(["Rossi", "Mario"])
    other = wb.create_sheet("Coorte B")
    other.append(["Cognome", "Nome"])
    other.append(["Verdi", "Anna"])
    hidden = wb.create_sheet("Vecchi")
    hidden.append(["Cognome", "Nome"])
    hidden.append(["Bianchi", "Luca"])
    hidden.sheet_state = "hidden"
    wb.save(tmp_path / "r.xlsx")
    wizard = ImportWizard(ctx, path=str(tmp_path / "r.xlsx"))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.file_page
    assert "Coorte A" in wizard.file_page.error.text() and "Coorte B" in wizard.file_page.error.text()
    sheets = [wizard.file_page.sheet_box.itemText(i) for i in range(wizard.file_page.sheet_box.count())]
    assert "Vecchi (hidden)" in sheets
    wizard.file_page.sheet_box.setCurrentIndex(wizard.file_page.sheet_box.findData("Coorte B"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.preview_page
    assert [r.values["surname"] for r in wizard.plan.rows] == ["Verdi"]
