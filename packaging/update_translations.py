"""Refresh the Italian translation from the sources and compile it.

    python packaging/update_translations.py

1. pyside6-lupdate scans facilitator_app/gui for tr()/translate() strings and
   updates resources/translations/facilitator_app_it.ts, keeping what is
   already translated (edit the .ts with Qt Linguist, or any editor);
2. pyside6-lrelease compiles it to facilitator_app_it.qm, which the app loads.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "facilitator_app_it.ts"


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    return found


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "facilitator_app" / "gui").rglob("*.py"))
    subprocess.run([tool("lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(TS)],
                   cwd=ROOT, check=True)
    subprocess.run([tool("lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
