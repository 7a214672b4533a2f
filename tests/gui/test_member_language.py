"""The member dialog edits the preferred language; the settings dialog edits the assembly's
list of languages, and a language some member uses cannot be removed."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from facilitator_app.core.members.members import create_member, get_member
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.gui.members.dialog import MemberDialog
from facilitator_app.gui.settings_dialog import SettingsDialog


def test_member_dialog_language_defaults_to_italian_and_is_saved(ctx, qtbot, tmp_path):
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    box = dialog._widgets["language"]
    assert box.currentData() == "it" and box.findData(None) == -1  # never empty
    qtbot.keyClicks(dialog._widgets["surname"], "Hassan")
    qtbot.keyClicks(dialog._widgets["first_name"], "Amira")
    box.setCurrentIndex(box.findData("ar"))
    assert "العربية" in box.currentText()
    dialog.grab().save(str(tmp_path / "dialog.png"))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    (m,) = ctx.store.select("members")
    assert m["language"] == "ar"
    again = MemberDialog(ctx, m["id"])
    qtbot.addWidget(again)
    assert again._widgets["language"].currentData() == "ar"
    again._widgets["language"].setCurrentIndex(again._widgets["language"].findData("bn"))
    again.save()
    assert get_member(ctx.store, m["id"])["language"] == "bn"
    ctx.undo_stack.undo()
    assert get_member(ctx.store, m["id"])["language"] == "ar"


def test_settings_list_of_languages_editable_codes_in_use_protected(ctx, qtbot):
    create_member(ctx.store, {"surname": "Perera", "first_name": "Nimal", "language": "si"})
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("language"))
    model = dialog.vocab_view.model()
    codes = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert codes == ["it", "en", "ar", "zh", "tl", "es", "ro", "bn", "si"]
    si = codes.index("si")
    assert not model.flags(model.index(si, 0)) & Qt.ItemFlag.ItemIsEditable  # Nimal's language
    dialog.vocab_view.setCurrentIndex(model.index(si, 0))
    dialog._remove_entry()
    assert model.rowCount() == 9 and dialog.error.text()
    # an unused one can go, and a new one can be added
    dialog.vocab_view.setCurrentIndex(model.index(codes.index("ro"), 0))
    dialog._remove_entry()
    model.add()
    row = model.rowCount() - 1
    model.setData(model.index(row, 0), "uk")
    model.setData(model.index(row, 1), "Ucraino (Українська)")
    model.setData(model.index(row, 2), "ucraino, ukrainian")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    v = Vocabularies.load(ctx.store)
    assert "ro" not in v.keys("language") and v.match("language", "Ukrainian") == "uk"
