"""Messages to members as files: one PDF letter each (for post), .eml drafts, an SMS gateway CSV.

Nothing is sent from here: the secretariat opens the .eml files in the Comune's mail client
(each is a draft, "X-Unsent: 1", with the member's letter attached) and uploads the CSV to
the SMS gateway. These are internal files (names, addresses, phone numbers): all of them
are written together or none (exporters/atomic.py).

A letter not in Italian has the Italian text on a second page, so a family member, a
mediator or the secretariat can check it. A text message is measured (GSM-7 or UCS-2,
segments); one longer than `max_segments` is left out and reported, as are members without
a phone number or an e-mail address.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from facilitator_app.core.language import dates
from facilitator_app.core.language.messages import Batch, Letter, contacts, full_name
from facilitator_app.core.language.sms import sms_length
from facilitator_app.core.language.templates import render
from facilitator_app.exporters.atomic import write_all
from facilitator_app.exporters.pdf import build_pdf, get_styles, para

PAGE_LABELS = {
    "it": "pagina {page} di {total}", "en": "page {page} of {total}", "es": "página {page} de {total}",
    "ro": "pagina {page} din {total}", "tl": "pahina {page} ng {total}", "ar": "صفحة {page} من {total}",
    "zh": "第{page}页，共{total}页", "bn": "পৃষ্ঠা {page} / {total}", "si": "පිටුව {page} / {total}",
}
CITY = {"it": "Milano", "en": "Milan", "es": "Milán", "ro": "Milano", "tl": "Milan", "ar": "ميلانو", "zh": "米兰",
        "bn": "মিলান", "si": "මිලාන්"}
ITALIAN_VERSION = "Versione in italiano"
RTL_LANGUAGES = frozenset({"ar"})
SMS_COLUMNS = ("phone", "surname", "first_name", "language", "text", "encoding", "characters", "segments")


@dataclass
class LettersResult:
    pdf_files: list[Path] = field(default_factory=list)
    eml_files: list[Path] = field(default_factory=list)
    sms_rows: int = 0
    no_email: list[dict[str, Any]] = field(default_factory=list)
    no_phone: list[dict[str, Any]] = field(default_factory=list)
    sms_too_long: list[tuple[dict[str, Any], int]] = field(default_factory=list)  # (member, segments)


def _cell(value: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula (the file may be opened in Excel)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def file_stem(member: dict[str, Any]) -> str:
    """'Rossi_Maria_K7Q2M' (letters and digits of any script kept, the rest as '_')."""
    parts = [member.get("surname") or "", member.get("first_name") or "", member.get("badge_code") or member["id"][:8]]
    stem = "_".join(re.sub(r"[^\w]+", "-", p, flags=re.UNICODE).strip("-_") for p in parts if p)
    return stem[:120] or member["id"]


def _letter_story(letter: Letter, store: Any, batch: Batch, today: date) -> list:
    ss = get_styles()
    ss["body"].alignment = 0  # letters read better ragged than justified
    f, m = letter.filled, letter.member
    story: list = []

    def one(filled: Any, lang: str) -> None:
        # Styles of their own: a style's direction is read when the page is drawn, after both
        # the Arabic letter and its Italian version are in the story.
        st = {}
        for name in ("body", "small", "h2"):
            st[name] = ss[name].clone(f"{name}_{lang}")
            st[name].bidi_base = "rtl" if lang in RTL_LANGUAGES else "ltr"
        comma = {"ar": "، ", "zh": "，"}.get(lang, ", ")
        story.append(para(f"{CITY.get(lang, 'Milano')}{comma}{dates.long_date(today, lang, weekday=False)}", st["small"]))
        story.append(Spacer(1, 6 * mm))
        story.append(para(full_name(m, lang), st["body"]))
        if m.get("address"):
            story.append(para(m["address"], st["body"]))
        story.append(Spacer(1, 8 * mm))
        story.append(para(filled.subject, st["h2"]))
        for block in filled.body.split("\n\n"):
            story.append(para(block, st["body"]))

    one(f, f.language)
    if f.language != "it":  # the Italian text too, for whoever helps the member read it
        from facilitator_app.core.language.messages import values_for

        italian = render(store, batch.message, "it", values_for(store, batch.message, m, batch.plenary, "it"))
        story.append(PageBreak())
        story.append(para(ITALIAN_VERSION, ss["small"].clone("small_it_version", bidi_base="ltr")))
        one(italian, "it")
    return story


def _write_pdf(letter: Letter, store: Any, batch: Batch, today: date, path: Path) -> None:
    lang = letter.filled.language
    build_pdf(path, _letter_story(letter, store, batch, today), title=letter.filled.subject,
              header_left=store.assembly_name(), header_right="", author=store.assembly_name(),
              subject=letter.filled.subject, lang=lang, page_label=PAGE_LABELS.get(lang, PAGE_LABELS["it"]),
              footer_left="", footer_right="")


def _eml(letter: Letter, sender: dict[str, str], pdf: Path | None, pdf_name: str) -> bytes:
    msg = EmailMessage()
    m, f = letter.member, letter.filled
    msg["From"] = formataddr((sender["sender"] or "Segreteria dell'Assemblea", sender["email"])) if sender["email"] \
        else (sender["sender"] or "Segreteria dell'Assemblea")
    msg["To"] = formataddr((f"{m.get('first_name', '')} {m.get('surname', '')}".strip(), m["email"]))
    msg["Subject"] = f.subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain="assemblea-clima.local")
    msg["X-Unsent"] = "1"  # mail clients open it as a draft to send, not as a received message
    msg.set_content(f.body + "\n")
    if pdf is not None:
        msg.add_attachment(pdf.read_bytes(), maintype="application", subtype="pdf", filename=pdf_name)
    msg["Content-Language"] = f.language  # after the content: set_content drops Content-* headers
    return bytes(msg)


def write_letters(store: Any, batch: Batch, pdf_dir: Path | None, *, eml_dir: Path | None = None,
                  sms_path: Path | None = None, max_segments: int = 3, today: date | None = None) -> LettersResult:
    """Write the batch's files (all or none); returns what was written and who was left out."""
    today = today or date.today()
    result = LettersResult()
    sender = contacts(store)
    jobs: list[tuple[Path, Any]] = []
    pdf_of: dict[str, Path] = {}
    for letter in batch.letters:
        stem = file_stem(letter.member)
        if pdf_dir is not None:
            path = pdf_dir / f"{stem}.pdf"
            pdf_of[letter.member["id"]] = path
            jobs.append((path, lambda tmp, lt=letter: _write_pdf(lt, store, batch, today, tmp)))
            result.pdf_files.append(path)
    # The .eml attach the letters: they are written after them (the temporary PDF is ready).
    written_pdf: dict[str, Path] = {}

    def remember(member_id: str, writer: Any) -> Any:
        def run(tmp: Path) -> Any:
            written_pdf[member_id] = tmp
            return writer(tmp)
        return run

    jobs = [(p, remember(lt.member["id"], w)) for (p, w), lt in zip(jobs, batch.letters)]
    if eml_dir is not None:
        for letter in batch.letters:
            if not letter.member.get("email"):
                result.no_email.append(letter.member)
                continue
            stem = file_stem(letter.member)
            path = eml_dir / f"{stem}.eml"
            mid = letter.member["id"]

            def write_eml(tmp: Path, lt: Letter = letter, mid: str = mid, stem: str = stem) -> None:
                pdf = written_pdf.get(mid)
                tmp.write_bytes(_eml(lt, sender, pdf, f"{stem}.pdf"))

            jobs.append((path, write_eml))
            result.eml_files.append(path)
    if sms_path is not None:
        rows = []
        for letter in batch.letters:
            m, text = letter.member, letter.filled.sms
            if not m.get("phone"):
                result.no_phone.append(m)
                continue
            if not text:
                continue
            n = sms_length(text)
            if n.segments > max_segments:
                result.sms_too_long.append((m, n.segments))
                continue
            rows.append([m["phone"], _cell(m["surname"]), _cell(m["first_name"]), letter.filled.language, _cell(text),
                         n.encoding, n.units, n.segments])
        result.sms_rows = len(rows)

        def write_sms(tmp: Path) -> None:
            with open(tmp, "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(SMS_COLUMNS)
                w.writerows(rows)

        jobs.append((sms_path, write_sms))
    write_all(jobs)
    return result
