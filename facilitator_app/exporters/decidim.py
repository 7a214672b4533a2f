"""Files for Milano Partecipa (Decidim): proposals and answers imports as CSV, JSON or Excel.

CSV: `;`-separated, UTF-8 with BOM (what Decidim's importer and Italian Excel both read); JSON: a
list of nested objects ({"title": {"it": ...}}); Excel: one sheet, every cell a text cell (text that
looks like a formula stays text). The rows come from core/followup/decidim.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from facilitator_app.core.followup.decidim_io import write_csv, write_json
from facilitator_app.exporters.xlsx import new_workbook, write_sheet


def write_rows(header: list[str], rows: list[dict[str, Any]], target: str | Path, fmt: str, *,
               sheet: str = "Proposte") -> int:
    """Write `rows` in `fmt` (csv, json, xlsx) to `target`; the number of rows written."""
    if fmt == "csv":
        write_csv(header, rows, target)
    elif fmt == "json":
        write_json(rows, target)
    elif fmt == "xlsx":
        wb = new_workbook(title=f"Milano Partecipa — {sheet}", subject="Importazione in Decidim")
        write_sheet(wb, sheet, header, [[r.get(h) for h in header] for r in rows], ["text"] * len(header))
        wb.save(str(target))
    else:
        raise ValueError(fmt)
    return len(rows)
