#!/usr/bin/env bash
# Installs the app and runs its main job on a demo assembly:
# with a display, the window on the demo; without one, the headless demo that
# builds the assembly and exports the minutes of its last held plenary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/system-deps.sh
bash packaging/setup-env.sh
OUT=${FACILITATOR_DEMO_DIR:-$PWD/out/demo}
mkdir -p "$OUT"
DB="$OUT/assemblea-demo.sqlite"
APP=.venv/bin/facilitator-app
"$APP" demo --db "$DB" --force
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != offscreen ]; then
  exec "$APP" --db "$DB"
fi
echo "No display: headless demo. Exporting the minutes of plenary 6, the last one held in the demo."
"$APP" export verbale 6 --db "$DB" --pdf "$OUT/verbale-plenaria-6.pdf" --xlsx "$OUT/verbale-plenaria-6.xlsx"
"$APP" export verbale 6 --db "$DB" --public --pdf "$OUT/verbale-plenaria-6-pubblico.pdf" \
  --xlsx "$OUT/verbale-plenaria-6-pubblico.xlsx"
"$APP" export cycle --db "$DB" --pdf "$OUT/rapporto-ciclo.pdf" --xlsx "$OUT/rapporto-ciclo.xlsx"
"$APP" roster list --db "$DB" | tail -n 1
echo "Assembly file: $DB"
echo "Minutes and cycle report in: $OUT"
ls -1 "$OUT"
