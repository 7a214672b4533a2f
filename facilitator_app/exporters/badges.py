"""Name badges on A4 label sheets (default 2 x 4 labels of 105 x 74 mm).

Each member's badge: the assembly's name, the first name large, the surname,
the group and room when seats are known, a QR code of the badge code (what
the entrance scanner reads) with the code in text beside it, and the plenary.
Staff, experts and guests get a badge with their role instead of a code;
blank badges are for walk-ins. Fonts are embedded (DejaVu), names pass
through `safe_text`, so Nguyễn, Şahin, Łukasz and D'Angelo all print.

Only what a badge needs is printed: no contact details, no birth date.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from facilitator_app import APP_LABEL
from facilitator_app.exporters.pdf import ACCENT, FONT, FONT_BOLD, GREY, RULE, register_fonts, safe_text
from facilitator_app.exporters.plenary_text import ROLE_LABELS, plenary_line
from facilitator_app.exporters.scripts import draw_string, text_width

__all__ = ["LabelSheet", "Badge", "DEFAULT_SHEET", "badge_entries", "draw_badges", "write_badges"]


@dataclass(frozen=True)
class LabelSheet:
    """Geometry of one label sheet (A4 portrait)."""

    cols: int = 2
    rows: int = 4
    width: float = 105 * mm
    height: float = 74 * mm
    left: float = 0.0
    top: float = 0.5 * mm
    hgap: float = 0.0
    vgap: float = 0.0

    @property
    def per_page(self) -> int:
        return self.cols * self.rows

    def origin(self, slot: int) -> tuple[float, float]:
        """Bottom-left corner of a label slot (0 = top left, row by row)."""
        row, col = divmod(slot, self.cols)
        x = self.left + col * (self.width + self.hgap)
        y = A4[1] - self.top - (row + 1) * self.height - row * self.vgap
        return x, y


DEFAULT_SHEET = LabelSheet()


@dataclass(frozen=True)
class Badge:
    first_name: str
    surname: str
    badge_code: str | None = None
    group: str | None = None     # "Gruppo 3 — Sala Verde"
    role: str | None = None      # for staff, experts, guests: printed instead of a code
    organisation: str | None = None


def badge_entries(store: Any, plenary_id: str, *, include_people: bool = True, blanks: int = 0) -> list[Badge]:
    """Badges for the plenary: members in office by surname, then its people, then blanks."""
    from facilitator_app.core.attendance.checkin import roster, seats_for

    seats = seats_for(store, plenary_id)
    out = []
    for a in roster(store, plenary_id):
        if a.kind == "member":
            seat = seats.get(a.id)
            out.append(Badge(a.first_name, a.surname, a.badge_code, seat.label() if seat else None))
        elif include_people:
            role = ROLE_LABELS.get(a.role or "", a.role or "")
            out.append(Badge("", a.surname, None, None, role, a.organisation))
    out += [Badge("", "", None) for _ in range(blanks)]
    return out


def _fit(text: str, font: str, size: float, width: float, min_size: float) -> float:
    """The largest size <= size at which text fits width (min_size at least)."""
    w = text_width(text, font, size)
    if w <= width:
        return size
    return max(min_size, size * width / w)


def _wrap(text: str, font: str, size: float, width: float, limit: int = 3) -> list[str]:
    """At most `limit` lines (a badge shows two; the rest would be cut anyway)."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(lines) >= limit:
            break
        trial = f"{line} {word}".strip()
        if line and text_width(trial, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + ([line] if line else [])


def _two_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """The first two lines of `text` wrapped; "…" ends the second when more was left out."""
    lines = _wrap(text, font, size, width)
    if len(lines) > 2:
        return [lines[0], lines[1] + "…"]
    return lines


def _ellipsize(text: str, font: str, size: float, width: float) -> str:
    """`text` cut to `width` with a visible "…" (a binary search: a 10,000-character name is no slower)."""
    if text_width(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with its mark
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def _name_lines(c: Canvas, text: str, x: float, y: float, width: float, size: float, min_size: float) -> float:
    """Draw a name as large as fits (wrapping when even min_size is too wide); returns the y below it."""
    text = safe_text(text, FONT_BOLD)
    fitted = _fit(text, FONT_BOLD, size, width, min_size)
    lines = [text] if text_width(text, FONT_BOLD, fitted) <= width else _two_lines(text, FONT_BOLD, min_size, width)
    for line in lines:
        y -= fitted * 0.95
        c.setFont(FONT_BOLD, fitted)
        draw_string(c, x, y, _ellipsize(line, FONT_BOLD, fitted, width))
        y -= fitted * 0.25
    return y


def _qr(c: Canvas, code: str, x: float, y: float, size: float) -> None:
    """A QR code as one filled path (runs of dark modules): 20x faster than the graphics widget."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(code)
    qr.make()
    n = qr.getModuleCount()
    box = size / n
    path = c.beginPath()
    for r, row in enumerate(qr.modules):
        col = 0
        for dark, run in itertools.groupby(bool(v) for v in row):
            count = len(list(run))
            if dark:
                path.rect(x + col * box, y + size - (r + 1) * box, count * box, box)
            col += count
    c.setFillColor(colors.black)
    c.drawPath(path, stroke=0, fill=1)


def _draw_badge(c: Canvas, b: Badge, x: float, y: float, sheet: LabelSheet, assembly: str, footer: str,
                cut_marks: bool) -> None:
    w, h = sheet.width, sheet.height
    pad = 6 * mm
    if cut_marks:
        c.setStrokeColor(colors.HexColor("#D5DAE0"))
        c.setLineWidth(0.3)
        c.rect(x, y, w, h)
    # Top band: the assembly's name.
    band = 11 * mm
    c.setFillColor(ACCENT)
    c.rect(x, y + h - band, w, band, stroke=0, fill=1)
    c.setFillColor(colors.white)
    name = safe_text(assembly, FONT_BOLD)
    size = _fit(name, FONT_BOLD, 9.5, w - 2 * pad, 6.5)
    lines = [_ellipsize(line, FONT_BOLD, size, w - 2 * pad) for line in _two_lines(name, FONT_BOLD, size, w - 2 * pad)]
    c.setFont(FONT_BOLD, size)
    leading = size * 1.2
    first = y + h - band / 2 + (len(lines) * leading) / 2 - size * 0.95
    for i, line in enumerate(lines):
        draw_string(c, x + pad, first - i * leading, line)
    c.setFillColor(colors.black)
    top = y + h - band - 4 * mm
    text_w = w - 2 * pad
    if not (b.first_name or b.surname):  # blank badge for a walk-in: lines to write on
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        for i in (1, 2):
            c.line(x + pad, top - i * 13 * mm, x + w - pad, top - i * 13 * mm)
    else:
        after = _name_lines(c, b.first_name, x + pad, top, text_w, 30, 16) if b.first_name else top
        after = _name_lines(c, b.surname, x + pad, after, text_w, 22 if b.first_name else 26, 13)
    qr_size = 25 * mm
    bottom = y + 5 * mm
    left_w = w - 2 * pad - (qr_size + 4 * mm if b.badge_code else 0)
    if b.group or b.role:
        c.setFillColor(ACCENT)
        label = safe_text(b.group or b.role, FONT_BOLD)
        size = _fit(label, FONT_BOLD, 13, left_w, 9)
        c.setFont(FONT_BOLD, size)
        draw_string(c, x + pad, bottom + (22 if b.role and b.organisation else 8) * mm,
                     _ellipsize(label, FONT_BOLD, size, left_w))
    if b.role and b.organisation:
        c.setFillColor(colors.black)
        org = _wrap(safe_text(b.organisation, FONT), FONT, 9, left_w)
        if len(org) > 2:
            org = [org[0], _ellipsize(" ".join(org[1:]), FONT, 9, left_w)]
        c.setFont(FONT, 9)
        for i, line in enumerate(org):
            draw_string(c, x + pad, bottom + 14 * mm - i * 4 * mm, line)
    c.setFillColor(GREY)
    c.setFont(FONT, 7.5)
    draw_string(c, x + pad, bottom + 2 * mm, _ellipsize(safe_text(footer, FONT), FONT, 7.5, left_w))
    if b.badge_code:
        qx = x + w - pad - qr_size
        _qr(c, b.badge_code, qx, bottom + 5 * mm, qr_size - 5 * mm)
        c.setFillColor(colors.black)
        code, spacing = safe_text(b.badge_code, FONT_BOLD), 2.5  # letter-spaced: easy to read out and type
        width = text_width(code, FONT_BOLD, 11) + spacing * (len(code) - 1)
        t = c.beginText(qx + (qr_size - 5 * mm) / 2 - width / 2, bottom + 0.5 * mm)
        t.setFont(FONT_BOLD, 11)
        t.setCharSpace(spacing)
        t.textOut(code)
        t.setCharSpace(0)  # the PDF text state outlives the text object
        c.drawText(t)
    c.setFillColor(colors.black)


def draw_badges(badges: Sequence[Badge], target: str | Path | IO[bytes], *, assembly: str, footer: str = "",
                title: str = "Badge", sheet: LabelSheet = DEFAULT_SHEET, cut_marks: bool = True) -> int:
    """Write the badges to a PDF of label sheets (names: personal data, so 0600); returns the number of pages."""
    from facilitator_app.exporters.atomic import to_target

    return to_target(target, lambda out: _draw(badges, out, assembly, footer, title, sheet, cut_marks))


def _draw(badges: Sequence[Badge], target: Any, assembly: str, footer: str, title: str, sheet: LabelSheet,
          cut_marks: bool) -> int:
    register_fonts()
    c = Canvas(str(target) if isinstance(target, Path) else target, pagesize=A4, lang="it", initialFontName=FONT)
    c.setTitle(title)
    c.setAuthor(assembly)
    c.setCreator(APP_LABEL)
    pages = 0
    for start in range(0, max(len(badges), 1), sheet.per_page):
        for slot, b in enumerate(badges[start:start + sheet.per_page]):
            x, y = sheet.origin(slot)
            _draw_badge(c, b, x, y, sheet, assembly, footer, cut_marks)
        c.showPage()
        pages += 1
    c.save()
    return pages


def write_badges(store: Any, plenary_id: str, target: str | Path | IO[bytes], *, include_people: bool = True,
                 blanks: int = 0, sheet: LabelSheet = DEFAULT_SHEET) -> int:
    """Badges of one plenary (members in office, its people, `blanks` empty ones); returns pages."""
    plenary = store.get("plenaries", plenary_id)
    badges = badge_entries(store, plenary_id, include_people=include_people, blanks=blanks)
    return draw_badges(badges, target, assembly=store.assembly_name(), footer=plenary_line(plenary),
                       title=f"Badge — Plenaria {plenary['number']}", sheet=sheet)
