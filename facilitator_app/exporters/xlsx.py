"""Shared Excel export foundation (openpyxl; never imports Qt).

For the secretariat, who rework rosters, attendance and notes in Excel.

Public API
----------
new_workbook(*, title="", author="", subject="", write_only=False) -> Workbook
    An empty workbook (no default sheet) with Italian metadata.
write_sheet(wb, title, header, rows, col_types=None) -> Worksheet
    A sheet with a bold frozen header, autofilter, fitted column widths, real
    dates/numbers, print settings; user text never becomes a formula.
save_workbook(wb, target) -> None
    Save atomically (temp file + rename) to a path, or to a binary file object.
sheet_title(name, existing=()) -> str
    A valid, unique sheet name (max 31 chars, no []:*?/\\ , no edge apostrophes).

col_types (one per column, None = infer from the Python value):
    "text"     always a string (CAP, phone numbers, codes with leading zeros)
    "int", "number"  numbers; numeric strings such as "1.234,5" or "12.5" are parsed
    "date", "datetime", "time"  real Excel dates; ISO strings (as stored in SQLite) are parsed
    "percent"  a number shown as 12,5% (0.125 is stored)
    "bool"     a real boolean (Excel shows VERO/FALSO)
Unparseable values are kept as text rather than lost.
"""
from __future__ import annotations

import datetime as dt
import re
from copy import copy
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from facilitator_app import APP_LABEL

# Number formats are locale-independent codes; Italian Excel/LibreOffice display
# them as gg/mm/aaaa and with decimal commas.
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
TIME_FORMAT = "hh:mm"
PERCENT_FORMAT = "0.0%"

MIN_WIDTH, MAX_WIDTH = 6, 60  # in characters; long notes wrap in Excel rather than widen forever
_TITLE_MAP = str.maketrans({"[": "(", "]": ")", ":": "", "*": "", "?": "", "/": "-", "\\": "-"})
_RISKY_START = ("=", "+", "-", "@")  # what spreadsheets may read as a formula
_NUMBER = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[+-]?\d+(?:[.,]\d+)?")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EC")
_HEADER_BORDER = Border(bottom=Side(style="thin", color="1F3A5F"))
_HEADER_ALIGN = Alignment(vertical="top", wrap_text=True)


def new_workbook(*, title: str = "", author: str = "", subject: str = "", write_only: bool = False) -> Workbook:
    """Empty workbook with metadata.

    Normal mode is the default: without lxml it is as fast as write-only mode (XML
    serialisation dominates either way) and sheets can still be edited after
    write_sheet (merged title rows, conditional formats...). write_only=True keeps
    memory flat for very large sheets but allows a single save and no edits.
    """
    wb = Workbook(write_only=write_only)
    if not write_only:
        wb.remove(wb.active)  # write_sheet adds every sheet explicitly
    props = wb.properties
    props.title, props.creator, props.subject = title or None, author or APP_LABEL, subject or None
    props.lastModifiedBy = APP_LABEL  # the program that wrote it, with its version
    props.language = "it-IT"
    return wb


def sheet_title(name: str, existing: Iterable[str] = ()) -> str:
    """Excel-valid sheet name, unique (case-insensitively) among `existing`."""
    base = " ".join(ILLEGAL_CHARACTERS_RE.sub("", str(name)).translate(_TITLE_MAP).split()).strip("'").strip()
    base = base or "Foglio"
    if base.casefold() == "history":  # reserved by Excel
        base = "History-"
    taken = {t.casefold() for t in existing}

    def cut(limit: int) -> str:  # a cut may leave an edge apostrophe, also forbidden
        return base[:limit].rstrip().rstrip("'").rstrip() or "Foglio"

    candidate, n = cut(31), 1
    while candidate.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        candidate = cut(31 - len(suffix)) + suffix
    return candidate


CELL_LIMIT = 32767  # Excel's most characters in a cell


def _clean_str(s: str) -> str:
    # openpyxl raises on control characters; Excel caps cells at 32,767 characters: a longer text
    # keeps its start and says it was shortened and how long it is (never cut silently).
    s = ILLEGAL_CHARACTERS_RE.sub("", s)
    if len(s) <= CELL_LIMIT:
        return s
    mark = f" … [testo tagliato: {len(s):,} caratteri in tutto; il testo completo è nel file dell'assemblea]"
    mark = mark.replace(",", ".")
    return s[:CELL_LIMIT - len(mark)] + mark


def _naive(value: dt.datetime) -> dt.datetime:
    # Excel has no time zones: show aware timestamps in the computer's local time.
    return value.astimezone().replace(tzinfo=None) if value.tzinfo else value


def _parse_number(s: str) -> int | float | None:
    s = s.strip().replace("\u00a0", "").replace("\u202f", "")  # NBSP thousands separators
    if not _NUMBER.fullmatch(s):
        return None
    if "," in s:  # Italian: 1.234,5
        s = s.replace(".", "").replace(",", ".")
    elif s.count(".") > 1 or re.fullmatch(r"[+-]?\d{1,3}\.\d{3}", s):
        s = s.replace(".", "")  # thousands separators only, e.g. 1.234
    n = float(s)
    return int(n) if n.is_integer() and "." not in s else n


def _coerce(value: Any, kind: str | None) -> tuple[Any, str | None]:
    """(value to store, number format) for one cell; strings stay strings."""
    if value is None:
        return None, None
    if kind == "text":
        if isinstance(value, dt.datetime):
            return value.strftime("%d/%m/%Y %H:%M"), None
        if isinstance(value, dt.date):
            return value.strftime("%d/%m/%Y"), None
        return str(value), None
    if isinstance(value, str):
        text = value.strip()
        try:
            if kind in ("int", "number", "percent"):
                n = _parse_number(text)
                if n is not None:
                    return n, PERCENT_FORMAT if kind == "percent" else None
            elif kind == "date":
                return dt.date.fromisoformat(text[:10]), DATE_FORMAT
            elif kind == "datetime":
                return _naive(dt.datetime.fromisoformat(text)), DATETIME_FORMAT
            elif kind == "time":
                return dt.time.fromisoformat(text), TIME_FORMAT
            elif kind == "bool" and text.casefold() in _BOOL_WORDS:
                return _BOOL_WORDS[text.casefold()], None
        except ValueError:
            pass
        return value, None
    if isinstance(value, bool):
        return value, None
    if isinstance(value, dt.datetime):
        if kind == "date":
            return _naive(value).date(), DATE_FORMAT
        return _naive(value), DATETIME_FORMAT
    if isinstance(value, dt.date):
        return value, DATE_FORMAT
    if isinstance(value, dt.time):
        return value.replace(tzinfo=None), TIME_FORMAT
    if isinstance(value, int | float | Decimal):
        return value, PERCENT_FORMAT if kind == "percent" else None
    return str(value), None  # enums, UUIDs, paths...


_BOOL_WORDS = {"sì": True, "si": True, "yes": True, "true": True, "1": True, "vero": True,
               "no": False, "false": False, "0": False, "falso": False}


def _display_len(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, str):
        return max(map(len, value.split("\n"))) if "\n" in value else len(value)
    if isinstance(value, float):
        return min(len(f"{value:.2f}"), 15)
    return len(str(value))


def write_sheet(
    wb: Workbook,
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    col_types: Sequence[str | None] | None = None,
) -> Worksheet:
    """Add a sheet named `title` (made valid/unique) with a header row and data rows."""
    ws = wb.create_sheet(sheet_title(title, wb.sheetnames))
    ncols = len(header)
    types = list(col_types or ())
    types += [None] * (ncols - len(types))

    # Coerce everything first: widths must be known before the first row is
    # streamed in write-only mode (the <cols> element precedes the data).
    data: list[list[tuple[Any, str | None]]] = []
    widths = [len(str(h)) for h in header]
    for row in rows:
        cells = [_coerce(v, types[i] if i < len(types) else None) for i, v in enumerate(row)]
        for i, (v, _) in enumerate(cells):
            if i >= len(widths):
                widths.append(0)
            n = _display_len(v)
            if n > widths[i]:
                widths[i] = n
        data.append(cells)

    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = max(MIN_WIDTH, min(MAX_WIDTH, w + 2))
    ws.freeze_panes = "A2"
    last_col = get_column_letter(max(len(widths), 1))
    ws.auto_filter.ref = f"A1:{last_col}{len(data) + 1}"
    ws.print_title_rows = "1:1"  # header repeated on every printed page
    ws.page_setup.orientation = "landscape" if sum(min(w, MAX_WIDTH) for w in widths) > 110 else "portrait"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    head = []
    for h in header:
        c = Cell(ws, row=1, column=1)
        c.value, c.data_type = _clean_str(str(h)), "s"
        c.font, c.fill, c.border, c.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_BORDER, _HEADER_ALIGN
        head.append(c)
    ws.append(head)

    # Style each kind of cell once and hand out copies of its style array: assigning
    # number_format/alignment per cell re-hashes the style every time (slow).
    styles: dict[tuple[str | None, bool], StyleArray] = {}

    def styled(value: Any, fmt: str | None, wrap: bool) -> Cell:
        arr = styles.get((fmt, wrap))
        if arr is None:
            proto = Cell(ws, row=1, column=1)
            if fmt:
                proto.number_format = fmt
            if wrap:
                proto.alignment = Alignment(vertical="top", wrap_text=True)
            arr = styles[(fmt, wrap)] = proto._style
        c = Cell(ws, row=1, column=1, style_array=copy(arr))
        c.value = value
        return c

    for cells in data:
        out: list[Any] = []
        for v, fmt in cells:
            if isinstance(v, str):
                v = _clean_str(v)
                wrap = len(v) > MAX_WIDTH or "\n" in v
                if wrap or v.startswith(_RISKY_START) or v in ERROR_CODES:
                    c = styled(v, None, wrap)
                    # Force the type after assigning: openpyxl turns "=..." into a
                    # formula and "#N/A" into an error. Text from people is text.
                    c.data_type = "s"
                    out.append(c)
                else:
                    out.append(v)  # plain text: openpyxl stores it as a string
            elif fmt is not None:
                out.append(styled(v, fmt, False))
            else:
                out.append(v)  # numbers, booleans, None: openpyxl's fast path
        ws.append(out)
    return ws


def save_workbook(wb: Workbook, target: str | Path | IO[bytes], *, private: bool = True) -> None:
    """Save; to a path all-or-nothing (`atomic.write_all`), so a crash never leaves half a file;
    0600 unless `private` is False."""
    from facilitator_app.exporters.atomic import to_target

    to_target(target, wb.save, private=private)
