"""The core, importers and exporters must work with Qt absent."""

import subprocess
import sys

CODE = r"""
import builtins, importlib, pkgutil, sys
real_import = builtins.__import__
def guarded(name, *a, **k):
    if name == "PySide6" or name.startswith("PySide6."):
        raise ImportError("Qt is blocked in this test")
    return real_import(name, *a, **k)
builtins.__import__ = guarded
import facilitator_app
names = []
for pkg in ("core", "importers", "exporters"):
    mod = importlib.import_module(f"facilitator_app.{pkg}")
    for info in pkgutil.walk_packages(mod.__path__, f"facilitator_app.{pkg}."):
        importlib.import_module(info.name)
        names.append(info.name)
import facilitator_app.cli
from facilitator_app.cli import build_parser
build_parser()
assert not any(m.startswith("PySide6") for m in sys.modules), "Qt was imported"
print(len(names))
"""


def test_core_imports_and_works_without_qt(tmp_path):
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 8
