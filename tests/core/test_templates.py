"""Message templates: the shipped files, placeholders refused by name, empty lines left out,
Italian for a language without a translation, the secretariat's edits, SMS lengths, dates."""
from __future__ import annotations

import pytest

from facilitator_app.core.language import dates
from facilitator_app.core.language.messages import full_name, prepare, save_contacts
from facilitator_app.core.language.sms import sms_length
from facilitator_app.core.language.templates import (
    MESSAGES,
    TemplateError,
    Translation,
    check,
    fill,
    parse,
    placeholders,
    restore_shipped,
    save_translation,
    shipped,
    translations,
)
from facilitator_app.core.members.members import create_member, update_member
from facilitator_app.core.members.vocab import Vocabularies
from facilitator_app.core.plenaries.plenaries import add_agenda_item, add_session, create_plenary

LANGS = ["it", "en", "ar", "zh", "tl", "es", "ro", "bn", "si"]
NAME_FORMS = {"name", "first_name", "surname"}


@pytest.mark.parametrize("message", MESSAGES)
def test_every_message_ships_in_every_default_language(message):
    ts = shipped(message)
    assert sorted(ts) == sorted(LANGS)
    base = set(placeholders(ts["it"].body)) - NAME_FORMS
    for lang, t in ts.items():
        check(t)  # no unknown placeholder
        assert t.review is (lang != "it")  # machine-free, but a native speaker must check them
        assert t.subject and t.body and t.sms
        # a translation says everything the Italian says: the same data in it
        assert set(placeholders(t.body)) - NAME_FORMS == base, lang
        assert set(placeholders(t.body)) & NAME_FORMS


def test_unknown_placeholder_is_refused_with_its_name_and_nothing_saved(store):
    t = Translation("convocation", "it", "Plenaria {plenary_number}", "Ciao {first_name}, porta il {colour}.")
    with pytest.raises(TemplateError) as e:
        save_translation(store, t)
    assert e.value.code == "unknown_placeholder" and e.value.params["placeholder"] == "colour"
    assert "{colour}" in str(e.value)
    assert store.setting("message_templates") is None
    # a placeholder of another message is unknown here too
    with pytest.raises(TemplateError) as e:
        check(Translation("welcome", "it", "x", "{agenda}"))
    assert e.value.params["placeholder"] == "agenda"


@pytest.mark.parametrize("text,code", [("Ciao {first_name", "bad_braces"), ("Ciao first_name}", "bad_braces"),
                                       ("{first_name!r}", "bad_placeholder"), ("{first_name:>10}", "bad_placeholder"),
                                       ("{0}", "bad_placeholder"), ("{first name}", "bad_placeholder"),
                                       ("{}", "bad_placeholder")])
def test_malformed_placeholders(text, code):
    with pytest.raises(TemplateError) as e:
        check(Translation("convocation", "it", "x", text))
    assert e.value.code == code


def test_fill_leaves_out_empty_lines_and_paragraphs_and_keeps_braces():
    text = "Dove: {venue}\nIndirizzo: {address}\n\nLe proposte:\n{recommendations}\n\nGraffe: {{così}}"
    out = fill(text, {"venue": "Palazzo Marino", "address": "", "recommendations": None})
    assert out == "Dove: Palazzo Marino\n\nGraffe: {così}"


def test_parse_and_bad_header():
    t = parse("Subject: Ciao\nReview: yes\n\nTesto {first_name}\n", "welcome", "xx")
    assert (t.subject, t.body, t.sms, t.review) == ("Ciao", "Testo {first_name}", "", True)
    with pytest.raises(TemplateError) as e:
        parse("Oggetto: Ciao\n\nTesto", "welcome", "xx")
    assert e.value.code == "bad_template_header"
    with pytest.raises(TemplateError) as e:
        parse("Subject: Ciao\n\n", "welcome", "xx")
    assert e.value.code == "template_incomplete"


def test_edited_translation_overrides_and_restore(store):
    t = Translation("welcome", "ar", "مرحبا {first_name}", "نص {first_name}", "", review=False)
    before = save_translation(store, t)
    assert before == {}
    got = translations(store, "welcome")["ar"]
    assert got.edited and got.subject == "مرحبا {first_name}" and not got.review
    restore_shipped(store, "welcome", "ar")
    assert not translations(store, "welcome")["ar"].edited


@pytest.fixture
def plenary(store):
    p = create_plenary(store, 3, "2025-03-15", "Palazzo Marino")
    add_session(store, p, "Mattina", "09:30", "13:00")
    add_session(store, p, "Pomeriggio", "14:00", "17:30")
    add_agenda_item(store, p, "Accoglienza", starts_at="09:30")
    return p


def test_member_without_a_translation_gets_italian_and_is_reported(store, plenary):
    v = Vocabularies.load(store)
    v.data["language"].append({"key": "uk", "label": "Ucraino", "synonyms": []})
    v.save(store)
    olena = create_member(store, {"surname": "Kovalenko", "first_name": "Olena", "language": "uk"})
    amira = create_member(store, {"surname": "Hassan", "first_name": "Amira", "language": "ar"})
    create_member(store, {"surname": "Rossi", "first_name": "Anna"})
    save_contacts(store, {"phone": "02 1234 5678", "email": "segreteria@example.org", "sender": ""})
    b = prepare(store, "convocation", plenary_id=plenary)
    by = {lt.member["surname"]: lt.filled for lt in b.letters}
    assert by["Kovalenko"].language == "it" and by["Kovalenko"].fallback
    assert [(m["id"], lang) for m, lang in b.fallbacks] == [(olena, "uk")]
    assert by["Hassan"].language == "ar" and not by["Hassan"].fallback and by["Hassan"].review
    assert b.to_review == {"ar"}
    body = by["Rossi"].body
    assert "Gentile Anna Rossi" in body and "sabato 15 marzo 2025" in body and "dalle 09:30 alle 17:30" in body
    assert "- 09:30 Accoglienza" in body and "02 1234 5678" in body
    assert "Indirizzo:" not in body  # no address given: the line is left out
    assert "السبت 15 مارس 2025" in by["Hassan"].body
    update_member(store, amira, {"status": "withdrawn"})
    assert "Hassan" not in {lt.member["surname"] for lt in prepare(store, "reminder", plenary_id=plenary).letters}


def test_welcome_and_thanks_need_recipients(store):
    with pytest.raises(TemplateError) as e:
        prepare(store, "welcome")
    assert e.value.code == "no_recipients_chosen"
    with pytest.raises(TemplateError) as e:
        prepare(store, "convocation")
    assert e.value.code == "message_needs_plenary"
    with pytest.raises(TemplateError) as e:
        prepare(store, "newsletter")
    assert e.value.code == "unknown_message"


def test_sms_lengths():
    assert sms_length("Ciao") == sms_length("Ciao")
    assert (sms_length("a" * 160).segments, sms_length("a" * 161).segments) == (1, 2)
    assert sms_length("a" * 306).segments == 2 and sms_length("a" * 307).segments == 3
    assert sms_length("€").units == 2 and sms_length("è").encoding == "GSM-7"
    assert sms_length("ș").encoding == "UCS-2"  # Romanian comma-below letters are not GSM
    assert (sms_length("م" * 70).segments, sms_length("م" * 71).segments) == (1, 2)
    assert sms_length("🌍").units == 2


def test_dates_in_each_language():
    d = "2024-01-20"  # a Saturday
    assert dates.long_date(d, "it") == "sabato 20 gennaio 2024"
    assert dates.long_date(d, "en") == "Saturday 20 January 2024"
    assert dates.long_date(d, "es") == "sábado 20 de enero de 2024"
    assert dates.long_date(d, "ro") == "sâmbătă, 20 ianuarie 2024"
    assert dates.long_date(d, "tl") == "Sabado, Enero 20, 2024"
    assert dates.long_date(d, "ar") == "السبت 20 يناير 2024"
    assert dates.long_date(d, "zh") == "2024年1月20日（星期六）"
    assert dates.long_date(d, "bn") == "শনিবার, 20 জানুয়ারি 2024"
    assert dates.long_date(d, "si") == "2024 ජනවාරි 20, සෙනසුරාදා"
    assert dates.long_date(d, "it", weekday=False) == "20 gennaio 2024" and dates.long_date(None, "it") == ""


def test_full_name_order():
    assert full_name({"first_name": "伟", "surname": "王"}, "zh") == "王伟"
    assert full_name({"first_name": "Kumari", "surname": "Bandara"}, "zh") == "Kumari Bandara"
    assert full_name({"first_name": "Anna", "surname": "Rossi"}, "it") == "Anna Rossi"


def test_sms_typography_made_gsm_friendly(store):
    from facilitator_app.core.language.sms import plain_sms
    from facilitator_app.core.language.templates import render

    assert plain_sms("Palazzo Marino — Sala Alessi, l’aula “verde”…") == 'Palazzo Marino - Sala Alessi, l\'aula "verde"...'
    t = Translation("convocation", "it", "x", "y", "Plenaria il {plenary_day}, {venue}")
    f = render(store, "convocation", "it", {"plenary_day": "12/10/2024", "venue": "Palazzo Marino — Sala Alessi"}, t)
    assert sms_length(f.sms).encoding == "GSM-7"
