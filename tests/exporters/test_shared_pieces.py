"""The printables share their pieces through exporters/pdf.py's public names, never another's privates."""

from __future__ import annotations

import ast
import io
import subprocess
from pathlib import Path

from reportlab.platypus import PageBreak

import facilitator_app.exporters as exporters_pkg
from facilitator_app.exporters import pdf

EXPORTERS = Path(exporters_pkg.__file__).parent


def test_no_exporter_imports_a_private_name_of_another_module():
    offenders = []
    for path in sorted(EXPORTERS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("facilitator_app"):
                offenders += [f"{path.name}: {node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
    assert offenders == []


def test_no_exporter_subclasses_the_document_template_again():
    """One layout-only multiBuild (ReportDocTemplate), not a copy per report."""
    copies = []
    for path in sorted(EXPORTERS.glob("*.py")):
        if path.name == "pdf.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name == "multiBuild":
                copies.append(path.name)
    assert copies == []


def test_report_styles_extend_the_base_styles():
    ss = pdf.report_styles()
    for name in ("title", "body", "td", "cover_title", "cover_sub", "kicker", "notice", "cluster", "rec", "meta",
                 "note", "caption"):
        assert name in ss
    assert ss["h1"].keepWithNext == 0 and ss["h2"].keepWithNext == 0
    assert pdf.get_styles()["h1"].keepWithNext == 1  # a fresh sheet each time: the base is untouched


def test_report_document_builds_an_index_in_two_passes_and_reports_progress(tmp_path):
    seen: list[float] = []
    ss = pdf.report_styles()
    toc = pdf.make_toc(ss)
    story = [pdf.para("Indice", ss["toc_title"]), toc, PageBreak()]
    for i in range(1, 6):
        story += [pdf.heading(f"{i}. Capitolo {i}", 1, ss), *[pdf.para("testo " * 200, ss["body"])] * 3, PageBreak()]
    out = tmp_path / "r.pdf"
    doc = pdf.ReportDocTemplate(str(out), progress=lambda stage, f: seen.append(f), estimate=6, title="Prova")
    passes = doc.multiBuild(story)
    assert passes == 2
    assert seen and all(0 < f < 1 for f in seen)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "pagina 1 di" in text
    # Every chapter is listed in the index with the page it is on.
    pages = text.split("\f")
    for i in range(1, 6):
        line = next(ln for ln in pages[0].splitlines() if f"Capitolo {i}" in ln)
        number = int(line.split()[-1])
        assert f"{i}. Capitolo {i}" in pages[number - 1]


def test_report_document_writes_a_file_object_too():
    buf = io.BytesIO()
    ss = pdf.report_styles()
    doc = pdf.ReportDocTemplate(buf, progress=lambda *_: None, estimate=1, title="Prova")
    doc.build([pdf.para("Una riga.", ss["body"])])
    assert buf.getvalue().startswith(b"%PDF")
