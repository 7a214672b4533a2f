from PySide6.QtCore import Qt

from facilitator_app.core.members import targets as T
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.gui.settings_dialog import SettingsDialog


def test_edit_a_vocabulary_and_undo(demo_ctx, qtbot):
    dialog = SettingsDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("gender"))
    model = dialog.vocab_view.model()
    model.setData(model.index(0, 1), "Donna (F)")
    model.setData(model.index(0, 2), "f, donna, femmina, dama")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    v = Vocabularies.load(demo_ctx.store)
    assert v.label("gender", "F") == "Donna (F)" and v.match("gender", "Dama") == "F"
    demo_ctx.undo_stack.undo()
    assert Vocabularies.load(demo_ctx.store).label("gender", "F") == "Donna"
    demo_ctx.undo_stack.redo()
    assert Vocabularies.load(demo_ctx.store).label("gender", "F") == "Donna (F)"


def test_codes_in_use_cannot_be_removed_or_renamed(demo_ctx, qtbot):
    dialog = SettingsDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("gender"))
    model = dialog.vocab_view.model()
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable  # "F" is stored in member rows
    dialog.vocab_view.setCurrentIndex(model.index(0, 0))
    dialog._remove_entry()
    assert model.rowCount() == 3 and dialog.error.text()


def test_targets_must_add_up_and_are_saved(demo_ctx, qtbot):
    dialog = SettingsDialog(demo_ctx)
    qtbot.addWidget(dialog)
    m = dialog.targets_model
    row_f = m.rows.index(("gender", "F"))
    row_m = m.rows.index(("gender", "M"))
    m.setData(m.index(row_f, 2), "60")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.error.text()  # 60 + 48.6 != 100
    assert T.load_targets(demo_ctx.store)["gender"]["F"] != 0.6
    m.setData(m.index(row_m, 2), "40,0")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert T.load_targets(demo_ctx.store)["gender"] == {"F": 0.6, "M": 0.4}
