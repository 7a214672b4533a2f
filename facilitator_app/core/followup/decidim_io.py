"""Decidim's files as rows of flat columns: CSV (`;`, UTF-8 with BOM), JSON, XLSX.

Decidim flattens nested fields with "/" in CSV and Excel (`title/it`, `participatory_space/id`)
and nests them in JSON ({"title": {"it": ...}}). `read_records(path)` reads any of the three into
[(row number, {"title/it": ...})] the way a person counts rows (the header is row 1 in CSV and
Excel; JSON records count from 1). `flatten`/`nest` convert between the two shapes.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from facilitator_app.core.followup.fields import FollowupError

MAX_BYTES = 50 * 1024 * 1024
FORMATS = ("csv", "json", "xlsx")

Record = tuple[int, dict[str, Any]]


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            out.update(flatten(v, f"{prefix}/{k}" if prefix else str(k)))
        return out
    if isinstance(value, list):
        return {prefix: ", ".join("" if v is None else str(v) for v in value)}
    return {prefix: value}


def nest(flat: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in flat.items():
        parts = key.split("/")
        node = out
        for p in parts[:-1]:
            node = node.setdefault(p, {})
        node[parts[-1]] = value
    return out


def format_of(path: str | Path, given: str | None = None) -> str:
    fmt = (given or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise FollowupError(f"{Path(path).name}: not a CSV, JSON or Excel (.xlsx) file", code="decidim_bad_format",
                            name=Path(path).name)
    return fmt


def read_records(path: str | Path) -> tuple[list[str], list[Record]]:
    """(columns, records) of a Decidim export; FollowupError when the file cannot be read as one."""
    path = Path(path)
    fmt = format_of(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise FollowupError(f"{path.name}: larger than {MAX_BYTES // (1024 * 1024)} MB", code="decidim_too_big",
                                name=path.name)
        data = path.read_bytes()
    except OSError as exc:
        raise FollowupError(f"{path}: cannot read the file ({exc.strerror or exc})", code="decidim_unreadable",
                            path=str(path)) from exc
    try:
        if fmt == "csv":
            return _csv(data)
        if fmt == "json":
            return _json(data)
        return _xlsx(data)
    except FollowupError:
        raise
    except Exception as exc:  # a damaged file of the right name: one clear message
        raise FollowupError(f"{path.name}: not a readable {fmt.upper()} file ({exc})", code="decidim_unreadable",
                            path=str(path)) from exc


def _csv(data: bytes) -> tuple[list[str], list[Record]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FollowupError("the CSV file is not in UTF-8 (export it again from Decidim)", code="decidim_not_utf8") from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = list(reader)
    if not rows:
        return [], []
    header = [h.strip() for h in rows[0]]
    out = []
    for n, r in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in r):
            continue
        out.append((n, {h: (r[i] if i < len(r) else None) for i, h in enumerate(header) if h}))
    return header, out


def _json(data: bytes) -> tuple[list[str], list[Record]]:
    value = json.loads(data.decode("utf-8-sig"))
    if isinstance(value, dict):
        value = value.get("proposals", value.get("data", [value]))
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise FollowupError("the JSON file is not a list of proposals", code="decidim_not_a_list")
    records = [(n, flatten(v)) for n, v in enumerate(value, start=1)]
    header = list(dict.fromkeys(k for _, r in records for k in r))
    return header, records


def _xlsx(data: bytes) -> tuple[list[str], list[Record]]:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        head = next(rows, None)
        if head is None:
            return [], []
        header = ["" if h is None else str(h).strip() for h in head]
        out = []
        for n, r in enumerate(rows, start=2):
            if r is None or all(c is None or str(c).strip() == "" for c in r):
                continue
            out.append((n, {h: (r[i] if i < len(r) else None) for i, h in enumerate(header) if h}))
        return header, out
    finally:
        wb.close()


# -- writing (CSV and JSON; Excel through exporters/decidim.py) --------------------------------------
_RISKY = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """A cell for a CSV a spreadsheet may open: text that would be read as a formula gets a leading
    apostrophe (the usual guard), so it stays text; everything else is written as it is."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_RISKY) else text


def write_csv(header: list[str], rows: list[dict[str, Any]], target: str | Path) -> None:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(header)
    for r in rows:
        w.writerow([csv_cell(r.get(h)) for h in header])
    Path(target).write_bytes(("\ufeff" + buf.getvalue()).encode("utf-8"))


def write_json(rows: list[dict[str, Any]], target: str | Path) -> None:
    Path(target).write_text(json.dumps([nest(r) for r in rows], ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")
