#!/usr/bin/env bash
# Checks a frozen Linux build as a facilitator's laptop would run it: unpacked outside the
# repository, started with an empty environment (PATH=/usr/bin:/bin only: no venv, no
# PYTHONPATH, no site-packages), it builds the demo, exports the verbale of plenary 6
# (PDF and Excel, read back), and opens its window offscreen until the first paint.
#     bash packaging/check-frozen.sh dist/facilitator_app-VERSION-linux-x86_64.tar.gz
set -euo pipefail
archive=$(realpath "$1")
work=$(mktemp -d /tmp/facilitator-frozen.XXXXXX)
tar -C "$work" -xzf "$archive"
app="$work/facilitator_app/facilitator_app"
run() { env -i PATH=/usr/bin:/bin HOME="$work/home" FACILITATOR_APP_HOME="$work/home" LANG=C.UTF-8 "$@"; }
cd "$work"
run "$app" --version
run "$app" demo --db "$work/demo.sqlite" | tail -n 2
run "$app" export verbale 6 --db "$work/demo.sqlite" --pdf "$work/verbale-6.pdf" --xlsx "$work/verbale-6.xlsx"
if command -v pdftotext >/dev/null; then
  text=$(pdftotext "$work/verbale-6.pdf" -)  # read whole: grep -q would cut the pipe (pipefail)
  grep -q "Verbale della plenaria n. 6" <<<"$text" || { echo "the verbale PDF does not read back" >&2; exit 1; }
  pdfinfo "$work/verbale-6.pdf" | grep "^Creator:"
fi
unzip -p "$work/verbale-6.xlsx" docProps/core.xml | grep -o "<cp:lastModifiedBy>[^<]*</cp:lastModifiedBy>"
# The window: FACILITATOR_APP_QUIT_AFTER_PAINT makes the app print "painted" after its first paint and quit.
start=$(date +%s.%N)
out=$(run QT_QPA_PLATFORM=offscreen FACILITATOR_APP_QUIT_AFTER_PAINT=1 "$app" --db "$work/demo.sqlite")
end=$(date +%s.%N)
echo "$out" | grep -q painted || { echo "the window did not paint: $out" >&2; exit 1; }
echo "window painted offscreen in $(echo "$end - $start" | bc) s (start to exit)"
echo "frozen build OK in $work ($(du -sh "$work/facilitator_app" | cut -f1))"
