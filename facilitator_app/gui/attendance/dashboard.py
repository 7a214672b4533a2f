"""Attendance dashboard: present/expected per session, composition of those present, who is missing.

Refreshes on ctx.changed only (no timer); while hidden it just remembers it
is out of date and recomputes when shown again. Who is expected (the members, sorted, with
their categories) is kept until members, plenaries or settings change: a check-in arriving
through the sync folder every few seconds recounts only the attendance (well under a frame),
and only the widgets whose figures changed are redrawn.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QProgressBar, QScrollArea, QVBoxLayout, QWidget

from facilitator_app.core.attendance.stats import Figures, Roster, biggest_gaps, figures, roster_for
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.attendance.chart import CompositionChart, category_label
from facilitator_app.gui.attendance.picker import PlenaryPicker
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.refresh import RefreshWhenShown

WATCHED = ("attendance", "members", "plenaries", "sessions", "settings", "plenary_people")
ROSTER_TABLES = ("members", "plenaries", "settings")   # what who-is-expected depends on
GAP_THRESHOLD = 0.02  # share points below the assembly's before a category is flagged


def _font(w: QWidget, size: float, bold: bool = False) -> QWidget:
    f = w.font()
    f.setPointSizeF(size)
    f.setBold(bold)
    w.setFont(f)
    return w


class SessionCard(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet("QFrame#card { background: white; border: 1px solid #cfd6dd; border-radius: 8px; }")
        self.name = _font(QLabel(), 13, True)
        self.figure = _font(QLabel(), 30, True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(14)
        self.bar.setStyleSheet("QProgressBar { background: #e6eaee; border: none; border-radius: 7px; }"
                               "QProgressBar::chunk { background: #2f5d9a; border-radius: 7px; }")
        self.detail = _font(QLabel(), 11)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        for w in (self.name, self.figure, self.bar, self.detail):
            layout.addWidget(w)

    def set_count(self, c, current: bool) -> None:
        times = f" {c.starts_at}–{c.ends_at}" if c.starts_at and c.ends_at else ""
        self.name.setText(c.name + times + ("  ◀" if current else ""))
        self.figure.setText(fmt(self.tr("%1 / %2"), c.present, c.expected))
        self.bar.setMaximum(max(c.expected, 1))
        self.bar.setValue(min(c.present, c.expected))
        self.detail.setText(fmt(self.tr("%1% present · %2 not arrived · %3 late · %4 left early · "
                                        "%5 justified · %6 staff and guests"),
                                round(c.rate * 100), c.not_arrived, c.late, c.left, c.justified, c.others))


class DashboardPage(RefreshWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today=None, now: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.picker = PlenaryPicker(ctx, self, today=today, now=now)
        self.picker.setStyleSheet("QComboBox, QLabel { font-size: 12pt; }")
        self.cards_box = QHBoxLayout()
        self.cards: list[SessionCard] = []
        self.gaps_label = _font(QLabel(), 13, True)
        self.gaps_label.setWordWrap(True)
        self.chart = CompositionChart()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.missing_title = _font(QLabel(), 13, True)
        self.missing = _font(QListWidget(), 12)
        self.missing.setFixedWidth(290)
        right = QVBoxLayout()
        right.addWidget(self.missing_title)
        right.addWidget(self.missing, 1)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.gaps_label)
        left.addWidget(scroll, 1)
        body.addLayout(left, 1)
        body.addLayout(right)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addLayout(self.cards_box)
        layout.addLayout(body, 1)
        self._roster: Roster | None = None
        self._shown: tuple[str | None, Figures] | None = None
        self._missing_names: list[str] | None = None
        self.picker.changed.connect(self._reset)
        ctx.changed.connect(self._on_changes)
        ctx.store_replaced.connect(self._reset)
        self.refresh()

    def _reset(self) -> None:
        self._roster = self._shown = None
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*ROSTER_TABLES):
            self._roster = None
        if changes.touches(*WATCHED):
            self.refresh_when_shown()

    def refresh(self) -> None:
        store, pid, sid = self.ctx.store, self.picker.plenary_id(), self.picker.session_id()
        if pid and (self._roster is None or self._roster.plenary["id"] != pid):
            self._roster = roster_for(store, pid, self.ctx.vocab)
        roster = self._roster if pid else None
        result = figures(store, roster, sid) if roster is not None else Figures([], [], [])
        if (sid, result) == self._shown:
            return      # nothing this page shows has changed (a justification elsewhere, a room renamed...)
        self._shown = (sid, result)
        counts = result.counts
        while len(self.cards) < len(counts):
            card = SessionCard(self)
            self.cards.append(card)
            self.cards_box.addWidget(card)
        for card, c in zip(self.cards, counts):
            card.set_count(c, c.session_id == sid)
            card.show()
        for card in self.cards[len(counts):]:
            card.hide()
        if not sid or roster is None:
            self.chart.set_data([], [])
            self.gaps_label.setText(self.tr("No plenary or session yet."))
            self.missing_title.setText(fmt(self.tr("Not arrived yet (%1)"), 0))
            self._set_missing([])
            return
        fields = result.fields
        gaps = biggest_gaps(fields, n=3, threshold=GAP_THRESHOLD)
        if fields != list(self.chart.fields.values()) or {(f, c.key) for f, c in gaps} != self.chart.gaps:
            self.chart.set_data(fields, gaps)
        current = next((c for c in counts if c.session_id == sid), None)
        if current is None or not current.present:
            self.gaps_label.setText(self.tr("Nobody checked in yet in this session."))
        elif gaps:
            parts = [fmt(self.tr("%1 (%2 of %3 present)"), category_label(f, c.label), c.present, c.expected)
                     for f, c in gaps]
            self.gaps_label.setText(fmt(self.tr("Under-represented among those present: %1"), "; ".join(parts)))
        else:
            self.gaps_label.setText(self.tr("Those present mirror the assembly: no gap above 2 points."))
        style = "color: #a32018;" if gaps and current and current.present else "color: #1b7a3d;"
        if self.gaps_label.styleSheet() != style:    # a new style sheet re-polishes the label
            self.gaps_label.setStyleSheet(style)
        self.missing_title.setText(fmt(self.tr("Not arrived yet (%1)"), len(result.missing)))
        self._set_missing([f"{m['surname']} {m['first_name']}" for m in result.missing])

    def _set_missing(self, names: list[str]) -> None:
        """The list of who has not arrived, changed in place: the rows that left go, the others stay
        (rebuilding it would lose the scroll position and redraw it all)."""
        if names == self._missing_names:
            return
        old = self._missing_names or []
        if self._missing_names is not None and set(names) <= set(old) and len(set(old)) == len(old):
            keep = set(names)
            for row in range(len(old) - 1, -1, -1):
                if old[row] not in keep:
                    self.missing.takeItem(row)
        else:
            self.missing.clear()
            self.missing.addItems(names)
        self._missing_names = names
