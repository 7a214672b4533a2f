"""Where everyone goes, for the projector: "Surname N. → group · room", A-Z, large type.

The view fills the projector window with as many columns as fit at a size readable from the
back of the room, and turns pages by itself when everyone does not fit. It follows
`ctx.changed`, so a move on the board shows at once.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from facilitator_app.core.groups.assign import where_entries
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.i18n import fmt

PAGE_SECONDS = 10
NAME_COLOR, GROUP_COLOR, ROOM_COLOR = QColor("#ffffff"), QColor("#ffd166"), QColor("#b9cfc4")


class WhereView(QWidget):
    def __init__(self, ctx: AppContext, plenary_id: str, session_id: str | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.plenary_id, self.session_id = ctx, plenary_id, session_id
        self.setObjectName("groupsWhereView")
        self.entries: list[tuple[str, str, str, str]] = []
        self.page = 0
        self.timer = QTimer(self)
        self.timer.setInterval(PAGE_SECONDS * 1000)
        self.timer.timeout.connect(self.next_page)
        self.timer.start()
        ctx.changed.connect(self._on_changes)
        self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("groups", "group_members", "members"):
            self.reload()

    def reload(self) -> None:
        self.entries = where_entries(self.ctx.store, self.plenary_id, self.session_id)
        self.page = min(self.page, max(self.pages() - 1, 0))
        self.update()

    # -- layout -----------------------------------------------------------------------------------------------
    def layout_metrics(self) -> tuple[int, int, int, int]:
        """(font pixel size, rows per column, columns, row height) for the current size."""
        h, w = max(self.height(), 200), max(self.width(), 300)
        px = max(22, min(int(h / 24), 64))   # ~45 px on a 1080p projector
        row = int(px * 1.45)
        rows = max(1, (h - px) // row)
        cols = max(1, min(4, (w + px) // (self._entry_width(px) + px)))
        return px, rows, cols, row

    def _entry_width(self, px: int) -> int:
        """Width one entry needs: most names, the longest group, the longest room (in full: people look for it)."""
        bold = QFont(self.font())
        bold.setPixelSize(px)
        bold.setBold(True)
        small = QFont(self.font())
        small.setPixelSize(int(px * 0.78))
        fm, fs = QFontMetrics(bold), QFontMetrics(small)
        widths = sorted(fm.horizontalAdvance(e[1]) for e in self.entries)
        names = widths[int(len(widths) * 0.9)] if widths else px * 8  # the longest few are shortened
        groups = max((fm.horizontalAdvance(e[2]) for e in self.entries), default=px * 4)
        rooms = max((fs.horizontalAdvance(e[3]) for e in self.entries), default=0)
        return names + px // 2 + groups + px // 3 + rooms

    def per_page(self) -> int:
        _px, rows, cols, _row = self.layout_metrics()
        return rows * cols

    def pages(self) -> int:
        return max(1, math.ceil(len(self.entries) / self.per_page()))

    def next_page(self) -> None:
        self.page = (self.page + 1) % self.pages()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        px, rows, cols, row = self.layout_metrics()
        name_font, group_font, room_font = QFont(self.font()), QFont(self.font()), QFont(self.font())
        name_font.setPixelSize(px)
        name_font.setBold(True)
        group_font.setPixelSize(px)
        group_font.setBold(True)
        room_font.setPixelSize(int(px * 0.78))
        gap = px
        col_w = (self.width() - gap * (cols - 1)) // cols
        start = self.page * rows * cols
        shown = self.entries[start:start + rows * cols]
        if not shown:
            p.setFont(name_font)
            p.setPen(ROOM_COLOR)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Groups are not assigned yet."))
            return
        # Names get the room the longest group leaves (plus a short room); rooms take what is left.
        longest_name = max(QFontMetrics(name_font).horizontalAdvance(e[1]) for e in self.entries)
        longest_group = max(QFontMetrics(group_font).horizontalAdvance(e[2]) for e in self.entries)
        longest_room = max(QFontMetrics(room_font).horizontalAdvance(e[3]) for e in self.entries)
        # Rooms in full first (people look for the room), then the name takes what is left (at least a third).
        name_w = min(longest_name + px // 2, max(col_w - longest_group - longest_room - px, col_w // 3))
        for i, (_key, label, group, room) in enumerate(shown):
            c, r = divmod(i, rows)
            x, y = c * (col_w + gap), r * row
            p.setFont(name_font)
            p.setPen(NAME_COLOR)
            fm = QFontMetrics(name_font)
            p.drawText(QRect(x, y, name_w, row), Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(label, Qt.TextElideMode.ElideRight, name_w - px // 4))
            p.setFont(group_font)
            p.setPen(GROUP_COLOR)
            gx = x + name_w
            gw = QFontMetrics(group_font).horizontalAdvance(group)
            p.drawText(QRect(gx, y, col_w - name_w, row), Qt.AlignmentFlag.AlignVCenter,
                       QFontMetrics(group_font).elidedText(group, Qt.TextElideMode.ElideRight, col_w - name_w))
            rest = col_w - name_w - gw - px // 3
            if room and rest > 0:
                p.setFont(room_font)
                p.setPen(ROOM_COLOR)
                p.drawText(QRect(gx + gw + px // 3, y, rest, row), Qt.AlignmentFlag.AlignVCenter,
                           QFontMetrics(room_font).elidedText(room, Qt.TextElideMode.ElideRight, rest))
        if self.pages() > 1:
            small = QFont(self.font())
            small.setPixelSize(int(px * 0.7))
            p.setFont(small)
            p.setPen(ROOM_COLOR)
            p.drawText(self.rect().adjusted(0, 0, 0, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                       fmt(self.tr("page %1 of %2"), self.page + 1, self.pages()))


def show_where_to_go(ctx: AppContext, plenary_id: str, session_id: str | None = None, screen=None):
    """Put the view into the projector window, full screen on `screen` (default: the last one)."""
    from facilitator_app.gui.projector import projector_window

    plenary = ctx.store.get("plenaries", plenary_id)
    window = projector_window(ctx)
    view = WhereView(ctx, plenary_id, session_id)
    window.set_view(view, fmt(QCoreApplication.translate("WhereView", "Plenary %1 — where do you work today?"),
                              plenary["number"]))
    window.show_on(screen)
    return window
