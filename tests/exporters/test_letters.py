"""Letters to members read back: each message in each language rendered to PDF and its text
extracted (Arabic in logical order), the .eml drafts parsed, the SMS CSV measured, and all
files written together or none."""
from __future__ import annotations

import csv
import re
import email
import email.policy
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from facilitator_app.core.language.messages import Batch, Letter, prepare, save_contacts, values_for
from facilitator_app.core.language.templates import MESSAGES, render, shipped
from facilitator_app.core.members.members import create_member
from facilitator_app.core.plenaries.plenaries import add_agenda_item, add_session, create_plenary, update_plenary
from facilitator_app.exporters.atomic import TargetError
from facilitator_app.exporters.letters import _write_pdf, file_stem, write_letters

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
LANGS = ["it", "en", "ar", "zh", "tl", "es", "ro", "bn", "si"]
PEOPLE = {"it": ("Rossi", "Anna"), "en": ("Smith", "John"), "ar": ("حسن", "أميرة"), "zh": ("王", "伟"),
          "tl": ("Santos", "Maria"), "es": ("Quispe", "Rosa"), "ro": ("Popescu", "Ioana"), "bn": ("রহমান", "করিম"),
          "si": ("පෙරේරා", "නිමල්")}


def text_of(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                         text=True).stdout
    for mark in ("\u202a", "\u202b", "\u202c", "\u200b"):  # pdftotext's direction marks; a split vowel's gap
        out = out.replace(mark, "")
    return out


ARABIC_PUNCTUATION = "،؛؟"


def arabic_phrases(line: str) -> list[str]:
    """The runs of Arabic words in a line: each must read back in logical order. Numbers,
    Italian words and punctuation between them come out of pdftotext wherever its own
    reordering puts them (it moves the Arabic comma, a neutral, next to the wrong word even
    when the page has it right: test_scripts checks the drawn order from word positions)."""
    return [p.strip() for p in re.split(r"[^\u0621-\u064a\u0671-\u06d3 ]+", line) if len(p.strip()) > 1]


@pytest.fixture
def assembly(store):
    p = create_plenary(store, 4, "2025-05-17", "Palazzo Marino — Sala Alessi")
    update_plenary(store, p, {"address": "Piazza della Scala 2, 20121 Milano",
                              "directions": "M1 e M3 Duomo; tram 1", "bring": "un documento e il badge"})
    add_session(store, p, "Mattina", "09:30", "13:00")
    add_session(store, p, "Pomeriggio", "14:00", "17:30")
    add_agenda_item(store, p, "Accoglienza", starts_at="09:30")
    save_contacts(store, {"phone": "02 8845 1234", "email": "assemblea@example.org", "sender": "Segreteria"})
    ids = {}
    for i, (lang, (surname, first)) in enumerate(PEOPLE.items()):
        ids[lang] = create_member(store, {"surname": surname, "first_name": first, "language": lang,
                                          "email": f"m{i}@example.org" if i % 3 else None,
                                          "phone": f"+39 333 000 00{i:02d}" if i % 4 else None,
                                          "term_start": "2025-01-01", "term_end": "2025-06-30",
                                          "address": "Via Padova 12, 20127 Milano"})
    return store, p, ids


@pytest.mark.parametrize("message", MESSAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_each_message_in_each_language_prints_and_reads_back(assembly, tmp_path, message, lang):
    store, p, ids = assembly
    member = store.get("members", ids[lang])
    t = shipped(message)[lang]
    plenary = store.get("plenaries", p) if MESSAGES[message][0] else None
    filled = render(store, message, lang, values_for(store, message, member, plenary, lang), t)
    batch = Batch(message, plenary, [Letter(member, filled)])
    path = tmp_path / "letter.pdf"
    _write_pdf(batch.letters[0], store, batch, date(2025, 5, 2), path)
    text = " ".join(text_of(path).split())
    flat = lambda s: " ".join(s.split())  # noqa: E731
    lines = [filled.subject] + [ln for block in filled.body.split("\n\n") for ln in block.split("\n")]
    for line in lines:
        if lang == "ar":
            plain = " ".join(text.translate({ord(c): " " for c in ARABIC_PUNCTUATION}).split())
            for phrase in arabic_phrases(line):
                assert phrase in plain, (lang, phrase)
        elif lang == "zh":  # no spaces between words: a wrapped line reads back with one
            assert "".join(line.split()) in "".join(text.split()), (lang, line)
        elif not line.startswith("- "):  # list items (agenda, phone) may wrap around other columns
            assert flat(line) in text, (lang, line)
    if lang != "it":  # the Italian version follows
        assert "Versione in italiano" in text
    assert "{" not in text  # every placeholder filled


def test_arabic_letter_reads_in_logical_order_and_mixes_numbers(assembly, tmp_path):
    store, p, ids = assembly
    b = prepare(store, "convocation", plenary_id=p, member_ids=[ids["ar"]])
    r = write_letters(store, b, tmp_path, today=date(2025, 5, 2))
    text = text_of(r.pdf_files[0])
    assert "ندعوك إلى الجلسة العامة رقم" in text and "لجمعية المواطنين الدائمة للمناخ في بلدية ميلانو" in text
    assert "02 8845 1234" in text and "Piazza della Scala 2, 20121 Milano" in text
    # the date (Arabic words and numbers) drawn right to left: its words' positions on the line
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(r.pdf_files[0]), "-"], check=True,
                          capture_output=True, text=True).stdout
    words = [(float(y), float(x), w) for x, y, w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>',
                                                               html)]
    y_when = next(y for y, _, w in words if w.strip(":") in ("ىتم", "متى"))  # "when:" ("متى", letters drawn reversed)
    line = {w.strip(".:")[::-1] if re.search("[\u0600-\u06ff]", w) else w.strip("."): x
            for y, x, w in words if abs(y - y_when) < 8}
    assert line["متى"] > line["السبت"] > line["17"] > line["مايو"] > line["2025"], line


def test_batch_writes_pdf_eml_and_sms(assembly, tmp_path):
    store, p, ids = assembly
    b = prepare(store, "convocation", plenary_id=p)
    assert len(b.letters) == 9 and b.to_review == set(LANGS) - {"it"}
    pdf, eml, sms = tmp_path / "pdf", tmp_path / "eml", tmp_path / "sms.csv"
    pdf.mkdir()
    eml.mkdir()
    r = write_letters(store, b, pdf, eml_dir=eml, sms_path=sms)
    assert sorted(f.name for f in pdf.iterdir()) == sorted(f"{file_stem(lt.member)}.pdf" for lt in b.letters)
    with_email = [lt for lt in b.letters if lt.member["email"]]
    assert len(r.eml_files) == len(with_email) and len(r.no_email) == 9 - len(with_email)
    msg = email.message_from_bytes((eml / f"{file_stem(store.get('members', ids['ar']))}.eml").read_bytes(),
                                   policy=email.policy.default)
    assert msg["X-Unsent"] == "1" and msg["Content-Language"] == "ar"
    assert msg["Subject"].startswith("الجلسة العامة رقم 4") and msg["To"].addresses[0].addr_spec.endswith("@example.org")
    assert "ندعوك" in msg.get_body(("plain",)).get_content()
    (att,) = list(msg.iter_attachments())
    assert att.get_content_type() == "application/pdf" and att.get_content().startswith(b"%PDF")
    rows = list(csv.DictReader(sms.open(encoding="utf-8")))
    assert len(rows) == r.sms_rows == 9 - len(r.no_phone)
    for row in rows:
        assert row["encoding"] in ("GSM-7", "UCS-2") and int(row["segments"]) >= 1
        if row["language"] in ("ar", "zh", "bn", "si"):
            assert row["encoding"] == "UCS-2"
    assert not list(tmp_path.rglob(".*.part"))


def test_sms_too_long_is_left_out_and_reported(assembly, tmp_path):
    store, p, ids = assembly
    b = prepare(store, "convocation", plenary_id=p)
    r = write_letters(store, b, None, sms_path=tmp_path / "sms.csv", max_segments=1)
    long_ones = {m["language"] for m, n in r.sms_too_long}
    assert long_ones and all(n > 1 for _, n in r.sms_too_long)
    rows = list(csv.DictReader((tmp_path / "sms.csv").open(encoding="utf-8")))
    assert all(int(row["segments"]) == 1 for row in rows)
    assert not {row["language"] for row in rows} & long_ones


def test_all_or_nothing(assembly, tmp_path):
    store, p, ids = assembly
    b = prepare(store, "convocation", plenary_id=p)
    pdf = tmp_path / "pdf"
    pdf.mkdir()
    with pytest.raises(TargetError):
        write_letters(store, b, pdf, sms_path=tmp_path / "missing" / "sms.csv")
    assert list(pdf.iterdir()) == []


def test_csv_cells_never_formulas(assembly, tmp_path):
    store, p, ids = assembly
    mid = create_member(store, {"surname": "=HYPERLINK(\"x\")", "first_name": "@evil", "phone": "+39 333 1111111"})
    b = prepare(store, "convocation", plenary_id=p, member_ids=[mid])
    write_letters(store, b, None, sms_path=tmp_path / "s.csv")
    (row,) = list(csv.DictReader((tmp_path / "s.csv").open(encoding="utf-8")))
    assert row["surname"].startswith("'=") and row["first_name"].startswith("'@") and row["phone"] == "+39 333 1111111"
