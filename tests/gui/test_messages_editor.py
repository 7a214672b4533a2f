"""The message editor: choose a message and a language, edit, live preview with a real member and
plenary, the "to be reviewed" mark, the Gulpease figure, an unknown placeholder refused, undo."""
from __future__ import annotations

import pytest

from facilitator_app.core.language.templates import translations
from facilitator_app.core.members.members import update_member
from facilitator_app.gui.messages.editor import MessagesEditor



@pytest.fixture
def editor(demo_ctx, qtbot):
    m = demo_ctx.store.select("members", "status = 'active'", order_by="surname COLLATE fold, first_name")[0]
    update_member(demo_ctx.store, m["id"], {"language": "ar"})
    w = MessagesEditor(demo_ctx)
    qtbot.addWidget(w)
    w.show()
    return w


def choose(w, message, lang):
    w.message_box.setCurrentIndex(w.message_box.findData(message))
    w.language_box.setCurrentIndex(w.language_box.findData(lang))


def test_italian_preview_filled_with_real_data_and_readability(editor, qtbot, tmp_path):
    choose(editor, "convocation", "it")
    member = editor.ctx.store.get("members", editor.member_box.currentData())
    html = editor.preview.toPlainText()
    assert f"Gentile {member['first_name']} {member['surname']}" in html
    assert "{" not in html and "Plenaria n." in html
    assert editor.review_banner.isHidden()
    assert "Gulpease" in editor.readability.text() and "target 60" in editor.readability.text()
    # typing a hard sentence lowers the figure and says so
    editor.body.setPlainText("Il Comune promuove interventi finalizzati alla riqualificazione energetica del "
                             "patrimonio edilizio residenziale pubblico. {first_name}")
    editor.refresh_preview()
    assert "29 of 100" in editor.readability.text() and "too hard" in editor.readability.text()
    editor.grab().save(str(tmp_path / "editor_it.png"))


def test_translation_shows_the_review_mark_and_right_to_left_preview(editor, qtbot, tmp_path):
    choose(editor, "convocation", "ar")
    assert editor.review.isChecked() and editor.review_banner.isVisible()
    assert "To be reviewed" in editor.review_banner.text()
    assert "ندعوك" in editor.preview.toPlainText()
    assert "Italian texts only" in editor.readability.text()
    editor.resize(1180, 760)
    editor.grab().save(str(tmp_path / "editor_ar.png"))  # docs/screenshot-messages.png was made from this


def test_unknown_placeholder_is_refused_with_its_name(editor, qtbot):
    choose(editor, "welcome", "it")
    editor.body.setPlainText("Ciao {first_name}, porta il {colore}.")
    editor.refresh_preview()
    assert "colore" in editor.error.text() and not editor.save_button.isEnabled()
    editor.save()  # even if called: refused, nothing saved
    assert editor.ctx.store.setting("message_templates") in (None, {})


def test_save_edit_undo_and_restore(editor, qtbot):
    choose(editor, "thanks", "es")
    editor.subject.setText("¡Gracias, {first_name}!")
    editor.review.setChecked(False)
    editor.refresh_preview()
    editor.save()
    t = translations(editor.ctx.store, "thanks")["es"]
    assert t.edited and t.subject == "¡Gracias, {first_name}!" and not t.review
    assert editor.restore_button.isEnabled()
    editor.ctx.undo_stack.undo()
    assert not translations(editor.ctx.store, "thanks")["es"].edited
    editor.ctx.undo_stack.redo()
    assert translations(editor.ctx.store, "thanks")["es"].edited
    editor.load_text()
    editor.restore()
    assert not translations(editor.ctx.store, "thanks")["es"].edited
    assert editor.subject.text().startswith("Gracias por sus seis meses")


def test_language_without_translation_starts_from_italian(demo_ctx, qtbot):
    demo_ctx.vocab.data["language"].append({"key": "uk", "label": "Ucraino", "synonyms": []})
    w = MessagesEditor(demo_ctx)
    qtbot.addWidget(w)
    choose(w, "reminder", "uk")
    assert "No text in this language yet" in w.state.text() and w.review.isChecked()
    assert w.subject.text().startswith("Domani")


def test_contacts_saved_and_shown_in_the_preview(editor, qtbot):
    choose(editor, "convocation", "it")
    editor.phone.setText("02 1234 5678")
    editor.email.setText("seg@example.org")
    editor.save_contacts()
    assert "02 1234 5678" in editor.preview.toPlainText()
    editor.ctx.undo_stack.undo()
    assert editor.ctx.store.setting("message_contacts") in (None, {})
