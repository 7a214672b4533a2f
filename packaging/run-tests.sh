#!/usr/bin/env bash
# Installs everything needed and runs the whole test suite.
# The GUI tests run all in one process, as a facilitator's long session does (one
# QApplication for every page, the soak test included): a crash that only shows after
# hours in one window shows here.
set -uo pipefail
cd "$(dirname "$0")/.."
bash packaging/system-deps.sh || exit 2
bash packaging/setup-env.sh || exit 2
export QT_QPA_PLATFORM=offscreen
reports=$(mktemp -d)
status=0
.venv/bin/python -m pytest -q --ignore=tests/gui --junitxml="$reports/core.xml" "$@" || status=1
PYTHONFAULTHANDLER=1 .venv/bin/python -m pytest -q tests/gui --junitxml="$reports/gui.xml" "$@" || status=1
[ -s "$reports/gui.xml" ] || { echo "the GUI test process died before it finished (see above)"; status=1; }
.venv/bin/python - "$reports" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
t = f = e = s = 0
for path in glob.glob(sys.argv[1] + "/*.xml"):
    for suite in ET.parse(path).getroot().iter("testsuite"):
        t += int(suite.get("tests", 0)); f += int(suite.get("failures", 0))
        e += int(suite.get("errors", 0)); s += int(suite.get("skipped", 0))
print(f"total: {t - f - e - s} passed, {f + e} failed, {s} skipped")
PY
exit $status
