import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from facilitator_app.core.members.members import create_cohort, create_member
from facilitator_app.gui.members.dialog import MemberDialog
from facilitator_app.gui.members.page import MembersPage

PEOPLE = [("Rossi", "Mario", 1, "active"), ("Rossetti", "Anna", 2, "active"), ("Bianchi", "Luca", 3, "withdrawn"),
          ("Nguyễn", "Thị Lan", 9, "active"), ("D'Angelo", "Chiara", 9, "former")]


@pytest.fixture
def page(ctx, qtbot):
    cohort = create_cohort(ctx.store, "Coorte A", "2024-01-15", "2024-07-14")
    for s, f, m, status in PEOPLE:
        create_member(ctx.store, {"surname": s, "first_name": f, "municipio": m, "status": status,
                                  "cohort_id": cohort})
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def visible_surnames(page):
    m = page.model
    return [m.index(r, 0).data() for r in range(m.rowCount())]


def test_typing_narrows_the_list(page, qtbot):
    assert len(visible_surnames(page)) == 5
    qtbot.keyClicks(page.search, "ros")
    assert visible_surnames(page) == ["Rossetti", "Rossi"]
    qtbot.keyClicks(page.search, " mar")
    assert visible_surnames(page) == ["Rossi"]
    page.search.clear()
    qtbot.keyClicks(page.search, "nguyen")
    assert visible_surnames(page) == ["Nguyễn"]
    assert "1" in page.count_label.text() and "5" in page.count_label.text()


def test_filters_combine_with_search(page, qtbot):
    page.municipio_filter.setCurrentIndex(page.municipio_filter.findData(9))
    assert visible_surnames(page) == ["D'Angelo", "Nguyễn"]
    page.status_filter.setCurrentIndex(page.status_filter.findData("active"))
    assert visible_surnames(page) == ["Nguyễn"]
    page.status_filter.setCurrentIndex(0)
    page.municipio_filter.setCurrentIndex(0)
    assert len(visible_surnames(page)) == 5


def test_sort_by_clicking_a_header(page, qtbot):
    from PySide6.QtCore import QPoint

    header = page.table.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(5) + 5, 5)  # the municipio column
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    first = [page.model.index(r, 5).data() for r in range(page.model.rowCount())]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    second = [page.model.index(r, 5).data() for r in range(page.model.rowCount())]
    assert sorted(first) in (first, second) and sorted(first, reverse=True) in (first, second)
    assert first != second


def test_edit_dialog_saves_to_the_file(page, qtbot, ctx, monkeypatch):
    qtbot.keyClicks(page.search, "bianchi")
    opened = []

    def fake_exec(dialog):
        opened.append(dialog)
        dialog._widgets["surname"].clear()
        qtbot.keyClicks(dialog._widgets["surname"], "Bianchi-Neri")
        dialog._widgets["email"].setText("luca@example.org")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(MemberDialog, "exec", fake_exec)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter on a single hit opens it
    assert opened and opened[0].result() == QDialog.DialogCode.Accepted
    row = ctx.store.select("members", "surname = ?", ("Bianchi-Neri",))[0]
    assert row["email"] == "luca@example.org"
    page.search.clear()
    assert "Bianchi-Neri" in visible_surnames(page)  # the view refreshed from the change



def test_member_edit_can_be_undone_and_redone(page, qtbot, ctx):
    (before,) = ctx.store.select("members", "surname = ?", ("Rossi",))
    dialog = MemberDialog(ctx, before["id"])
    qtbot.addWidget(dialog)
    dialog._widgets["surname"].clear()
    qtbot.keyClicks(dialog._widgets["surname"], "Rossi-Verdi")
    dialog._widgets["email"].setText("mario@example.org")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.undo_stack.count() == 1 and "Rossi-Verdi" in ctx.undo_stack.undoText()

    ctx.undo_stack.undo()
    row = ctx.store.get("members", before["id"])
    assert (row["surname"], row["email"]) == ("Rossi", None)
    assert "Rossi" in visible_surnames(page) and "Rossi-Verdi" not in visible_surnames(page)

    ctx.undo_stack.redo()
    row = ctx.store.get("members", before["id"])
    assert (row["surname"], row["email"]) == ("Rossi-Verdi", "mario@example.org")
    assert "Rossi-Verdi" in visible_surnames(page)


def test_saving_a_member_unchanged_adds_nothing_to_undo(page, qtbot, ctx):
    (member,) = ctx.store.select("members", "surname = ?", ("Bianchi",))
    for _ in range(2):  # only the fields the person changed are written: here none (unset consents read as no)
        dialog = MemberDialog(ctx, member["id"])
        qtbot.addWidget(dialog)
        dialog.save()
        assert dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.undo_stack.count() == 0

def test_dialog_shows_errors_and_writes_nothing(ctx, qtbot):
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog._widgets["first_name"], "Anna")
    qtbot.keyClicks(dialog._widgets["email"], "anna@")
    qtbot.keyClicks(dialog._widgets["birth_date"], "31/02/1990")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog._errors["birth_date"].isVisible()
    assert ctx.store.scalar("SELECT count(*) FROM members") == 0
    qtbot.keyClicks(dialog._widgets["surname"], "Verdi")
    dialog._widgets["birth_date"].setText("28/02/1990")
    dialog.save()
    assert dialog._errors["email"].isVisible() and not dialog._errors["birth_date"].isVisible()
    assert ctx.store.scalar("SELECT count(*) FROM members") == 0
    dialog._widgets["email"].setText("anna@example.org")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    row = ctx.store.get("members", dialog.saved_id)
    assert (row["surname"], row["birth_date"], row["email"]) == ("Verdi", "1990-02-28", "anna@example.org")


def test_new_member_appears_in_the_table(page, qtbot, ctx, monkeypatch):
    def fake_exec(dialog):
        dialog._widgets["surname"].setText("Zanetti")
        dialog._widgets["first_name"].setText("Paola")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(MemberDialog, "exec", fake_exec)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert "Zanetti" in visible_surnames(page)
    selected = page.table.selectionModel().selectedRows()
    assert selected and page.model.index(selected[0].row(), 0).data() == "Zanetti"


def test_main_window_title_geometry_and_second_instance(ctx, qtbot, monkeypatch, db_path):
    from facilitator_app.gui.app import StoreOpener
    from facilitator_app.gui.main_window import MainWindow

    opener = StoreOpener()
    store = opener(db_path)
    assert store is not None
    win = MainWindow(ctx, opener)
    qtbot.addWidget(win)
    win.show()
    assert db_path.name in win.windowTitle() and ctx.store.device.name in win.windowTitle()
    win.resize(900, 600)
    win.close()
    assert not ctx.settings.value("window/geometry").isEmpty()

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert StoreOpener()(db_path) is None  # the first opener still holds the lock
    assert shown and str(db_path) in shown[0]
    store.close()
