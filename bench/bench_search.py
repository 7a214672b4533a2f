"""Member search over 10,000 members: keystroke to updated view (target: under 16 ms).

    python bench/bench_search.py

Types queries into the real members page (offscreen) and times each keystroke
from the text change until the event loop has repainted the table once (a
filter on the viewport counts the paints, so a keystroke that did not repaint
would be reported).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _qt import filled_context, time_keystrokes  # noqa: E402


def main(n: int = 10_000) -> None:
    app, store, ctx, tmp = filled_context(n)
    from facilitator_app.gui.members.page import MembersPage

    page = MembersPage(ctx)
    page.resize(1200, 800)
    page.show()
    app.processEvents()
    times, unpainted = time_keystrokes(app, page.search, page.table.viewport())
    print(f"member search over {n:,} members: keystroke to repainted view "
          f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms ({len(times)} keystrokes, "
          f"{unpainted} without a repaint)")


if __name__ == "__main__":
    main()
