"""Resources are found from a checkout and from a frozen bundle alike."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _resources_dir(code_before: str = "", env: dict | None = None) -> str:
    code = (f"import sys; {code_before}\nfrom facilitator_app.resources import RESOURCES_DIR, resource_path\n"
            "print(RESOURCES_DIR)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env,
                         cwd="/")
    return out.stdout.strip()


def test_from_a_checkout_they_are_the_repository_resources_whatever_the_working_directory():
    from facilitator_app.resources import resource_path

    assert Path(_resources_dir()) == ROOT / "resources"
    for part in (("fonts", "DejaVuSans.ttf"), ("translations", "facilitator_app_it.qm"),
                 ("data", "milano_population.csv")):
        assert resource_path(*part).is_file(), part


def test_in_a_frozen_bundle_they_are_beside_the_bundled_interpreter(tmp_path):
    assert Path(_resources_dir(f"sys.frozen = True; sys._MEIPASS = {str(tmp_path)!r}")) == tmp_path / "resources"


def test_an_explicit_folder_wins(tmp_path):
    import os

    env = {**os.environ, "FACILITATOR_APP_RESOURCES": str(tmp_path)}
    assert Path(_resources_dir(env=env)) == tmp_path
