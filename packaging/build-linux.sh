#!/usr/bin/env bash
# Builds the Linux one-folder app with PyInstaller and packs it as a tar.gz:
#   dist/facilitator_app/facilitator_app          the program (window, or any subcommand)
#   dist/facilitator_app-VERSION-linux-x86_64.tar.gz
# Then checks the build from a copy outside the repository with an empty environment (no
# Python packages reachable): builds the demo, exports its verbale, opens the window offscreen.
# The target machine still needs Qt's system libraries: packaging/system-deps.sh --runtime.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup-env.sh
.venv/bin/python -m pip install --quiet -e ".[build]"
.venv/bin/python packaging/update_translations.py >/dev/null 2>&1 || true  # the .qm is committed; refresh if tools are there
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN packaging/facilitator_app.spec
VERSION=$(.venv/bin/python -c 'import facilitator_app; print(facilitator_app.__version__)')
ARCH=$(uname -m)
tar -C dist -czf "dist/facilitator_app-$VERSION-linux-$ARCH.tar.gz" facilitator_app
echo "built dist/facilitator_app ($(du -sh dist/facilitator_app | cut -f1)), dist/facilitator_app-$VERSION-linux-$ARCH.tar.gz ($(du -sh "dist/facilitator_app-$VERSION-linux-$ARCH.tar.gz" | cut -f1))"
[ "${SKIP_CHECK:-}" = 1 ] || bash packaging/check-frozen.sh "dist/facilitator_app-$VERSION-linux-$ARCH.tar.gz"
