"""Reading a spreadsheet (.xlsx or .csv) into rows, accounting for everything that is not a plain row.

Generic (the roster importer and the selection pool's importer use it): it knows nothing of
members. `read_table` chooses the sheet (never a hidden one by default; several visible sheets
that look like the data stop with their names), reads the cells (formulas seen as formulas,
merged cells, skipped rows), and for CSV finds the encoding and separator and checks every
record against the header: a quote that swallows the following lines, rows with more or fewer
fields than the header. Problems are kept per row (`Table.problems`), never merged away.
"""

from __future__ import annotations

import csv
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from facilitator_app.core.errors import CoreError

HEADER_SEARCH_ROWS = 20
MAX_COLUMNS = 16384                 # Excel's own limit; a wider "CSV" is not a table
MAX_INFLATED = 512 * 1024 * 1024    # an .xlsx whose parts inflate to more is refused (a zip bomb)
MAX_RATIO = 200                     # ... as is a large part compressed more than this
MAX_CSV_BYTES = 256 * 1024 * 1024

# Scores a row as a header: 0 if it is not one, else the number of fields it names.
HeaderScore = Callable[[tuple], int]


class TableError(CoreError):
    """The file can't be read as a table at all; the message is an English sentence for the user."""


@dataclass
class RowProblem:
    code: str          # "csv_unclosed_quote", "csv_too_many_fields", "csv_too_few_fields", "merged_cell", ...
    message: str
    reject: bool       # True: the row's values can't be trusted, it is not imported
    column: int | None = None


@dataclass
class Table:
    path: Path
    sheet: str | None                   # None for CSV
    rows: list[tuple]                   # raw cell values
    numbers: list[int]                  # the row number a person sees for each row (spreadsheet row, CSV line)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)   # (row index, column) -> formula
    problems: dict[int, list[RowProblem]] = field(default_factory=dict)  # row index -> structural problems
    notes: list[str] = field(default_factory=list)                       # sheets skipped, encoding guessed
    note_codes: list[tuple[str, dict]] = field(default_factory=list)     # the same, as (code, params)
    header: int = -1                    # index of the header row, once found

    def note(self, code: str, text: str, **params: Any) -> None:
        """Something about the file as a whole worth saying (English text; code and params for the GUI)."""
        self.notes.append(text)
        self.note_codes.append((code, params))

    def add_problem(self, i: int, problem: RowProblem) -> None:
        self.problems.setdefault(i, []).append(problem)


def read_table(path: str | Path, header_score: HeaderScore, sheet: str | None = None, *,
               require_header: bool = True) -> Table:
    """Read `path` (xlsx or csv, by content rather than by name) with the header found by `header_score`."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IsADirectoryError
        with open(path, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise TableError(f"There is no file at {path}.", code="roster_no_file", path=str(path)) from None
    except IsADirectoryError:
        raise TableError(f"{path} is a folder, not a spreadsheet.", code="roster_is_a_folder", path=str(path)) from None
    except OSError as exc:
        raise TableError(f"Could not open {path}: {exc.strerror or exc}.", code="roster_cannot_open",
                    path=str(path), reason=exc.strerror or str(exc)) from exc
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE container: an encrypted .xlsx or a legacy .xls
        raise TableError(f"'{path.name}' is password-protected or in the old Excel 97-2003 (.xls) format. "
                    f"Open it in Excel, remove the password and save it as .xlsx (or .csv), then import it again.",
                    code="roster_protected_or_xls", file=path.name)
    suffix = path.suffix.lower()
    if suffix == ".ods":
        raise TableError(f"'{path.name}' is an OpenDocument spreadsheet; save it as .xlsx or .csv first.",
                    code="roster_ods", file=path.name)
    if head.startswith(b"PK\x03\x04"):
        table = _read_xlsx(path, header_score, sheet)
    else:
        if size > MAX_CSV_BYTES:
            raise TableError(f"'{path.name}' is too large for a roster ({size // 2**20} MB).", code="roster_too_large",
                        file=path.name, size=size)
        data = path.read_bytes()
        if not data.strip():
            raise TableError(f"'{path.name}' is empty.", code="roster_empty", file=path.name)
        table = _read_csv(path, data, header_score)
        if suffix in (".xlsx", ".xlsm", ".xltx", ".xltm"):
            table.note("xlsx_is_csv", f"'{path.name}' is named like an Excel workbook but is a text (CSV) file; "
                       f"it was read as CSV.", file=path.name)
        elif sheet is not None:
            raise TableError(f"'{path.name}' is a CSV file: it has no sheets.", code="roster_no_such_sheet",
                        file=path.name, sheet=sheet, sheets="")
    find_header(table, header_score, strict=require_header)
    return table


def find_header(table: Table, header_score: HeaderScore, strict: bool = True) -> int:
    best, score = -1, 0
    for i, cells in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        if (s := header_score(cells)) > score:
            best, score = i, s
    if best < 0 and strict:
        if not any(filled(c) for r in table.rows for c in r):
            raise TableError("The file contains no data.", code="roster_no_data")
        raise TableError(f"No header row found in the first {HEADER_SEARCH_ROWS} rows: the roster needs columns for "
                    f"surname and first name (for example 'Cognome' and 'Nome', or 'Surname' and 'First name').",
                    code="roster_no_header", rows=HEADER_SEARCH_ROWS)
    table.header = best
    return best


def filled(c: Any) -> bool:
    return c is not None and (c.__class__ is not str or bool(c.strip()))


def trim(cells: tuple | list) -> tuple:
    """Without trailing empty cells (a sheet's formatting or trailing separators)."""
    n = len(cells)
    while n and not filled(cells[n - 1]):
        n -= 1
    return tuple(cells[:n])


# -- xlsx --------------------------------------------------------------------------------------
def _check_zip(path: Path) -> None:
    """Refuse a workbook whose parts would inflate beyond reason, before anything inflates them."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise TableError(f"Could not read '{path.name}' as an Excel workbook: the file is damaged or not really an "
                    f".xlsx file.", code="roster_damaged_xlsx", file=path.name) from exc
    total = sum(i.file_size for i in infos)
    ratio = max((i.file_size / max(i.compress_size, 1) for i in infos if i.file_size > 16 * 2**20), default=0)
    if total > MAX_INFLATED or ratio > MAX_RATIO:
        raise TableError(f"'{path.name}' would take {total // 2**20} MB once unpacked, far more than a roster: "
                    f"it was not opened.", code="roster_zip_bomb", file=path.name, size=total)


def _read_xlsx(path: Path, header_score: HeaderScore, sheet: str | None) -> Table:
    import openpyxl

    _check_zip(path)
    damaged = TableError(f"Could not read '{path.name}' as an Excel workbook: the file is damaged or not really an "
                    f".xlsx file.", code="roster_damaged_xlsx", file=path.name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it ignores
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise damaged from exc
    try:
        names = wb.sheetnames
        if not wb.worksheets:
            raise TableError(f"'{path.name}' contains no worksheet.", code="roster_no_worksheet", file=path.name)
        if sheet is not None:
            if sheet not in names:
                raise TableError(f"'{path.name}' has no sheet named '{sheet}' (sheets: {', '.join(names)}).",
                            code="roster_no_such_sheet", file=path.name, sheet=sheet, sheets=", ".join(names))
            return _sheet_table(path, wb[sheet])
        visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
        hidden = [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"]
        people = [ws for ws in visible if _looks_like_data(ws, header_score)]
        if len(people) > 1:
            listed = ", ".join(f"'{ws.title}'" for ws in people)
            raise TableError(f"'{path.name}' has {len(people)} sheets with people ({listed}). Choose the one to import "
                        f"(--sheet NAME); nothing was imported.", code="roster_several_sheets",
                        file=path.name, sheets=listed, count=len(people))
        if not people:
            hidden_people = [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"
                             and _looks_like_data(ws, header_score)]
            if hidden_people:
                listed = ", ".join(f"'{t}'" for t in hidden_people)
                raise TableError(f"In '{path.name}' the only sheets with people are hidden ({listed}). Hidden sheets are "
                            f"not imported unless you name one (--sheet NAME).", code="roster_only_hidden_sheets",
                            file=path.name, sheets=listed)
            if not visible:
                raise TableError(f"'{path.name}' has no visible sheet.", code="roster_no_worksheet", file=path.name)
        table = _sheet_table(path, people[0] if people else visible[0])
        if hidden:
            table.note("hidden_sheets", f"Hidden sheets not imported: {', '.join(hidden)}.", sheets=", ".join(hidden))
        others = [ws.title for ws in visible if ws.title != table.sheet]
        if others:
            table.note("other_sheets", f"Other sheets (no surname and first name columns): {', '.join(others)}.",
                       sheets=", ".join(others))
        return table
    except TableError:
        raise
    except Exception as exc:
        raise damaged from exc
    finally:
        wb.close()


def _looks_like_data(ws: Any, header_score: HeaderScore) -> bool:
    try:
        rows = _fast_rows(ws, limit=HEADER_SEARCH_ROWS)[0]
    except AttributeError:
        rows = list(ws.iter_rows(values_only=True, max_row=HEADER_SEARCH_ROWS))
    return any(header_score(r) for r in rows)


def _sheet_table(path: Path, ws: Any) -> Table:
    try:
        rows, formulas, merged = _fast_rows(ws)
    except AttributeError:  # openpyxl's internals changed: its own, slower path
        ws.reset_dimensions()  # a wrong <dimension> would otherwise cut rows off
        rows, formulas, merged = [trim(r) for r in ws.iter_rows(values_only=True)], {}, []
    table = Table(path, ws.title, rows, list(range(1, len(rows) + 1)), formulas)
    _fill_merged(table, merged)
    return table


def _fill_merged(table: Table, merged: list[str]) -> None:
    """A merged block spanning rows shows its value on each row: the value is copied down, and said."""
    from openpyxl.utils.cell import range_boundaries

    for ref in merged:
        try:
            c1, r1, c2, r2 = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if r2 <= r1 or r1 > len(table.rows):
            continue
        top = table.rows[r1 - 1]
        for col in range(c1 - 1, c2):
            value = top[col] if col < len(top) else None
            if not filled(value):
                continue
            for r in range(r1 + 1, min(r2, len(table.rows)) + 1):
                cells = list(table.rows[r - 1])
                cells.extend([None] * (col + 1 - len(cells)))
                cells[col] = value
                table.rows[r - 1] = tuple(cells)
                table.add_problem(r - 1, RowProblem(
                    "merged_cell", f"merged cells {ref}: the value of the merged block was used", False, col))


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_C, _V, _T, _F, _ROW, _MERGE = _NS + "c", _NS + "v", _NS + "t", _NS + "f", _NS + "row", _NS + "mergeCell"


def _fast_rows(ws: Any, limit: int | None = None) -> tuple[list[tuple], dict[tuple[int, int], str], list[str]]:
    """(rows of values as `ws.iter_rows(values_only=True)` gives them, formulas, merged ranges), 5x faster.

    openpyxl's cell parser costs ~10 µs a cell (1-2 s for a 10,000-row roster), so the sheet XML is
    walked here with the C parser, reusing what openpyxl loaded (shared strings, date styles, epoch).
    Formula cells keep their cached value (None when the file was never recalculated) and are listed.
    """
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.datetime import from_excel

    strings, date_styles, epoch = ws._shared_strings, ws.parent._date_formats, ws.parent.epoch
    rows: list[tuple] = []
    formulas: dict[tuple[int, int], str] = {}
    merged: list[str] = []
    cells: dict[int, Any] = {}
    col_of: dict[str, int] = {}
    col = 0
    with ws._get_source() as source:
        for _, el in iterparse(source):
            tag = el.tag
            if tag == _C:
                if ref := el.get("r"):
                    letters = ref.rstrip("0123456789")
                    rowref = ref[len(letters):]
                    col = col_of.get(letters) or col_of.setdefault(
                        letters, sum((ord(ch) - 64) * 26 ** i for i, ch in enumerate(reversed(letters))))
                else:
                    col += 1
                    rowref = ""
                if col > MAX_COLUMNS:
                    raise TableError(f"'{ws.title}' has cells beyond column {MAX_COLUMNS}: not a roster.",
                                code="roster_too_wide", sheet=ws.title)
                kind, value = el.get("t", "n"), None
                if kind == "inlineStr":
                    value = "".join(t.text or "" for t in el.iter(_T))
                elif v := el.findtext(_V):
                    if kind == "n":
                        value = float(v) if "." in v or "E" in v or "e" in v else int(v)
                        if int(el.get("s", 0)) in date_styles:
                            try:
                                value = from_excel(value, epoch)
                            except (OverflowError, ValueError):
                                pass  # left as a number: the date parser reports it
                    elif kind == "s":
                        value = strings[int(v)]
                    elif kind == "b":
                        value = bool(int(v))
                    else:  # "str" (a formula's text), "e" (an error such as #N/A), "d" (ISO date)
                        value = v
                f = el.find(_F)
                if f is not None:
                    at = int(rowref) - 1 if rowref else len(rows)
                    formulas[(at, col - 1)] = "=" + (f.text or "…")
                if value is not None:
                    cells[col] = value
            elif tag == _ROW:
                rows.extend(() for _ in range(int(el.get("r") or len(rows) + 1) - 1 - len(rows)))  # skipped rows
                rows.append(tuple(cells.get(j) for j in range(1, max(cells, default=0) + 1)))
                cells, col = {}, 0
                el.clear()  # keeps memory flat on big sheets
                if limit is not None and len(rows) >= limit:
                    break
            elif tag == _MERGE and (ref := el.get("ref")):
                merged.append(ref)
    return rows, formulas, merged


# -- csv ---------------------------------------------------------------------------------------
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _decode(path: Path, data: bytes) -> tuple[str, str | None]:
    """(text, note on the encoding when it was guessed)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            raise TableError(f"'{path.name}' is not a readable text file (broken UTF-16).", code="roster_not_a_table",
                        file=path.name) from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    # UTF-16 without a byte order mark: every other byte is NUL in Latin text.
    if len(data) >= 4 and data[1::2].count(0) > len(data) // 4 and data[0::2].count(0) == 0:
        try:
            return data.decode("utf-16-le"), None
        except UnicodeDecodeError:
            pass
    head = data[:4096]
    if sum(head.count(bytes([b])) for b in (*range(0, 9), *range(14, 27), *range(28, 32))) > len(head) // 20:
        raise TableError(f"'{path.name}' is not a spreadsheet or CSV file.", code="roster_not_a_table", file=path.name)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        # Excel's "CSV" on Italian Windows; cp1252 leaves 5 bytes undefined, latin-1 none.
        try:
            return data.decode("cp1252"), f"'{path.name}' is not UTF-8: read as Windows-1252 (Western European)."
        except UnicodeDecodeError:
            return data.decode("latin-1"), f"'{path.name}' is not UTF-8: read as Latin-1."


def _records(lines: list[str], delimiter: str, limit: int | None = None) -> list[tuple[int, int, list[str]]]:
    """(first line index, last line index, fields) per CSV record."""
    out: list[tuple[int, int, list[str]]] = []
    reader = csv.reader(iter(lines), delimiter=delimiter)
    start = 0
    for rec in reader:
        end = reader.line_num
        out.append((start, end - 1, rec))
        start = end
        if limit is not None and len(out) >= limit:
            break
    return out


def _read_csv(path: Path, data: bytes, header_score: HeaderScore) -> Table:
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 2**20))  # a long note is a value, not an error
    text, note = _decode(path, data)
    lines = _LINE.findall(text)
    offset = 0
    hint = re.fullmatch(r"\s*sep=(.)\s*", lines[0]) if lines else None
    if hint:  # Excel's "sep=;" first line
        lines, offset = lines[1:], 1

    def score(d: str) -> tuple[int, int]:
        head = [tuple(r) for _, _, r in _records(lines, d, HEADER_SEARCH_ROWS)]
        return max((header_score(r) for r in head), default=0), sum(map(len, head))

    try:
        # The separator giving the best header row wins (counting characters is fooled by title
        # rows and commas in notes); failing that, the one giving most columns.
        delimiter = hint.group(1) if hint else max(";,\t|", key=score)
        records = _records(lines, delimiter)
    except csv.Error as exc:
        raise TableError(f"'{path.name}' is not a readable CSV file ({exc}).", code="roster_bad_csv",
                    file=path.name, reason=str(exc)) from exc
    table = Table(path, None, [], [])
    if note:
        table.note("encoding_guessed", note, file=path.name, encoding=note.rsplit("read as ", 1)[-1].rstrip("."))
    header = -1
    for k, (_, _, rec) in enumerate(records[:HEADER_SEARCH_ROWS]):
        if header_score(tuple(rec)) > (header_score(tuple(records[header][2])) if header >= 0 else 0):
            header = k
    width = len(trim(records[header][2])) if header >= 0 else 0
    for k, (first, last, rec) in enumerate(records):
        if k <= header or width == 0:
            _add(table, first + 1 + offset, rec)
            continue
        if last > first and (_swallowed(rec, width, delimiter)
                             or sum(line.count('"') for line in lines[first:last + 1]) % 2):
            _split_swallowed(table, lines[first:last + 1], first + offset, delimiter, width)
            continue
        if last == first and len(rec) != width and '"' in lines[first]:
            _add_line(table, lines[first], first + 1 + offset, delimiter, width)
            continue
        _add(table, first + 1 + offset, rec, width, delimiter)
    return table


def _swallowed(rec: list[str], width: int, delimiter: str) -> bool:
    """A record over several lines that is not one row: a quote opened and never closed where it should."""
    if len(trim(rec)) != width and len(rec) != width:
        return True
    # Right width by chance: a field holding whole lines that look like rows.
    return width > 3 and any(line.count(delimiter) >= width - 1
                             for f in rec if "\n" in f or "\r" in f for line in re.split(r"\r\n|\r|\n", f)[1:])


def _split_swallowed(table: Table, lines: list[str], first: int, delimiter: str, width: int) -> None:
    """Each physical line read on its own; a line whose quotes are the trouble is read with them as text."""
    for n, line in enumerate(lines):
        _add_line(table, line, first + n + 1, delimiter, width)


def _add_line(table: Table, line: str, number: int, delimiter: str, width: int) -> None:
    rec = next(csv.reader([line], delimiter=delimiter), [])
    odd = line.count('"') % 2
    if '"' in line and (len(rec) != width or odd):
        alt = [_unquote(f) for f in next(csv.reader([line], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])]
        if odd or abs(len(trim(alt)) - width) < abs(len(trim(rec)) - width) or len(alt) == width:
            _add(table, number, [f.rstrip("\r\n") for f in alt], width, delimiter)
            table.add_problem(len(table.rows) - 1, RowProblem(
                "csv_unclosed_quote" if odd else "csv_misplaced_quote",
                f"line {number} has a double quote (\") that is {'never closed' if odd else 'misplaced'}; "
                f"{'it would have swallowed the lines after it, so ' if odd else ''}the line was read on its own "
                f"with the stray quote removed", False))
            return
    _add(table, number, rec, width, delimiter)


def _unquote(f: str) -> str:
    """A field read without quoting: its enclosing quotes (or a lone opening one) go, doubled ones become one."""
    if f.startswith('"'):
        f = f[1:-1] if f.endswith('"') and len(f) > 1 else f[1:]
        f = f.replace('""', '"')
    return f


def _add(table: Table, number: int, rec: list[str], width: int = 0, delimiter: str = ",") -> None:
    if len(rec) > MAX_COLUMNS:
        raise TableError(f"'{table.path.name}' has {len(rec):,} columns on line {number}: not a roster.",
                    code="roster_too_wide", file=table.path.name)
    cells = trim(rec)
    i = len(table.rows)
    table.rows.append(cells)
    table.numbers.append(number)
    if not width or not cells:
        return
    if len(cells) > width:
        table.add_problem(i, RowProblem(
            "csv_too_many_fields", f"line {number} has {len(cells)} values but the header has {width} columns: "
            f"a value probably contains an unquoted '{_shown(delimiter)}', so the columns cannot be trusted; "
            f"the row was not imported", True))
    elif len(rec) < width:
        table.add_problem(i, RowProblem(
            "csv_too_few_fields", f"line {number} has {len(rec)} values but the header has {width} columns: "
            f"the last columns were read as empty", False))


def _shown(delimiter: str) -> str:
    return {"\t": "tab", ";": ";", ",": ","}.get(delimiter, delimiter)


def sheet_names(path: str | Path) -> list[tuple[str, bool]]:
    """(name, hidden) of each sheet of an .xlsx; [] for anything else or a file that can't be read."""
    import openpyxl

    try:
        with open(path, "rb") as fh:
            if fh.read(4) != b"PK\x03\x04":
                return []
        _check_zip(Path(path))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(path, read_only=True)
        try:
            return [(ws.title, ws.sheet_state != "visible") for ws in wb.worksheets]
        finally:
            wb.close()
    except Exception:  # the import itself says what is wrong with the file
        return []
