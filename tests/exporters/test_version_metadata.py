"""Every exported document says which version of the app made it (PDF Creator, workbook properties)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest

from facilitator_app import APP_LABEL, __version__
from facilitator_app.cli import main

pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils (pdfinfo) not installed")


def _pdf_creator(path) -> str:
    out = subprocess.run(["pdfinfo", "-enc", "UTF-8", str(path)], check=True, capture_output=True, text=True).stdout
    return next(line.split(":", 1)[1].strip() for line in out.splitlines() if line.startswith("Creator:"))


def _xlsx_core(path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("docProps/core.xml").decode("utf-8")


def test_the_version_is_the_package_metadata_version():
    from importlib.metadata import version

    assert version("facilitator_app") == __version__ and APP_LABEL.endswith(__version__)


def test_every_export_writes_the_app_version(demo_store, tmp_path):
    db = str(demo_store.path)
    demo_store.close()
    out = tmp_path / "out"
    out.mkdir()
    jobs = [
        ["export", "verbale", "6", "--pdf", str(out / "v.pdf"), "--xlsx", str(out / "v.xlsx")],
        ["export", "verbale", "6", "--public", "--pdf", str(out / "vp.pdf"), "--xlsx", str(out / "vp.xlsx")],
        ["export", "cycle", "--pdf", str(out / "c.pdf"), "--xlsx", str(out / "c.xlsx")],
        ["export", "badges", "6", "--pdf", str(out / "b.pdf")],
        ["export", "signin", "6", "--pdf", str(out / "s.pdf")],
        ["export", "checklist", "6", "--pdf", str(out / "l.pdf")],
        ["export", "rosters", "6", "--pdf", str(out / "r.pdf"), "--poster", str(out / "p.pdf")],
        ["export", "attendance", "--xlsx", str(out / "a.xlsx")],
    ]
    for job in jobs:
        assert main([*job, "--db", db]) == 0, job
    pdfs = sorted(out.glob("*.pdf"))
    workbooks = sorted(out.glob("*.xlsx"))
    assert len(pdfs) == 8 and len(workbooks) == 4
    for pdf in pdfs:
        assert _pdf_creator(pdf) == APP_LABEL, pdf.name
    for workbook in workbooks:
        core = _xlsx_core(workbook)
        assert f"<cp:lastModifiedBy>{APP_LABEL}</cp:lastModifiedBy>" in core, workbook.name
