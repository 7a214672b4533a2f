"""Read-only, large-type views for the projector window: a group's wall, the recommendations under vote.

Both follow `ctx.changed`, so the room sees every note, dot and vote as soon
as it is saved on the facilitator's laptop.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer
from PySide6.QtWidgets import QGraphicsView, QLabel, QScrollArea, QVBoxLayout, QWidget

from facilitator_app.core.recommendations import recommendations as R
from facilitator_app.core.store.store import Changes
from facilitator_app.gui.context import AppContext
from facilitator_app.gui.i18n import fmt
from facilitator_app.gui.notes.wall import WallScene, WallView


WALL_TABLES = ("notes", "clusters", "votes", "note_categories", "members")


class ProjectorWall(QWidget):
    def __init__(self, ctx: AppContext, group_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.scene = WallScene(ctx, interactive=False, parent=self)
        self.view = WallView(self.scene)
        self.view.setInteractive(False)
        self.view.setDragMode(QGraphicsView.DragMode.NoDrag)
        for bar in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
            (self.view.setHorizontalScrollBarPolicy if bar == Qt.Orientation.Horizontal
             else self.view.setVerticalScrollBarPolicy)(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._refit = QTimer(self, singleShot=True, interval=150, timeout=self._fit)
        self._fitted: QRectF | None = None
        # A bound method, not a lambda: Qt drops the connection when this view is replaced and deleted.
        ctx.changed.connect(self._changed)
        self.scene.load(group_id)

    def _changed(self, changes: Changes) -> None:
        # Fit again only when the wall's extent changed: refitting redraws every card at the room's
        # size, and the sync folder brings other tables' notes and the entrances' check-ins every
        # few seconds.
        if changes.touches(*WALL_TABLES) and self._extent() != self._fitted:
            self._refit.start()

    def _extent(self) -> QRectF:
        rect = QRectF()
        for item in list(self.scene.cards.values()) + list(self.scene.clusters.values()):
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def _fit(self) -> None:
        self.view.fit()
        self._fitted = self._extent()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()
        self._refit.start()  # and again once the layout has given the view its final size


def status_label(key: str) -> str:
    """A recommendation's status (core key) in the interface language."""
    translate = QCoreApplication.translate
    return {"draft": translate("Recommendations", "Draft"),
            "approved": translate("Recommendations", "Approved by the plenary"),
            "rejected": translate("Recommendations", "Rejected by the plenary"),
            "sent": translate("Recommendations", "Sent to the Comune")}.get(key, key)


def short_status(key: str) -> str:
    """The status in one word, for lists."""
    translate = QCoreApplication.translate
    return {"draft": translate("Recommendations", "Draft"), "approved": translate("Recommendations", "Approved"),
            "rejected": translate("Recommendations", "Rejected"),
            "sent": translate("Recommendations", "Sent")}.get(key, key)


class RecommendationsBoard(QScrollArea):
    """The plenary's recommendations (or one of them) in large type, with the vote once recorded."""

    def __init__(self, ctx: AppContext, plenary_id: str, rec_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.plenary_id, self.rec_id = ctx, plenary_id, rec_id
        self.label = QLabel()
        self.label.setObjectName("recommendationsBoard")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setStyleSheet("QLabel { background: #FAFAF7; color: #1B1B1B; padding: 28px; }")
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("recommendations", "groups", "themes"):
            self.refresh()

    def set_current(self, rec_id: str | None) -> None:
        self.rec_id = rec_id
        self.refresh()

    def html_for(self, rec: dict, single: bool) -> str:
        e = html.escape
        groups = {g["id"]: g["name"] for g in self.ctx.store.select("groups", include_deleted=True)}
        themes = {t["id"]: t["name"] for t in self.ctx.store.select("themes", include_deleted=True)}
        meta = " · ".join(x for x in (groups.get(rec["group_id"]), themes.get(rec["theme_id"]),
                                      ", ".join(R.plan_actions_of(rec))) if x)
        title_pt, text_pt = (40, 28) if single else (30, 22)
        out = [f"<div style='font-size:{title_pt}pt; font-weight:700'>{e(rec['title'])}</div>"]
        if meta:
            out.append(f"<div style='font-size:{text_pt - 6}pt; color:#455A64'>{e(meta)}</div>")
        if single and rec["text"]:
            body = "<br>".join(e(line) for line in rec["text"].splitlines())
            out.append(f"<div style='font-size:{text_pt}pt; margin-top:14px'>{body}</div>")
        if R.vote_summary(rec) is not None:
            votes_for = e(fmt(self.tr("In favour %1"), rec["votes_for"]))
            against = e(fmt(self.tr("Against %1"), rec["votes_against"]))
            abstained = e(fmt(self.tr("Abstained %1"), rec["votes_abstained"]))
            out.append(f"<div style='font-size:{text_pt + 2}pt; margin-top:10px'>"
                       f"<span style='color:#1B5E20; font-weight:700'>{votes_for}</span>"
                       f" &nbsp;·&nbsp; <span style='color:#B71C1C; font-weight:700'>{against}</span>"
                       f" &nbsp;·&nbsp; <span style='color:#455A64'>{abstained}</span>"
                       f" &nbsp; — &nbsp;{e(status_label(rec['status']))}</div>")
        return "".join(out)

    def refresh(self) -> None:
        rows = R.recommendations_of(self.ctx.store, self.plenary_id)
        if self.rec_id is not None:
            rows = [r for r in rows if r["id"] == self.rec_id]
        if not rows:
            empty = html.escape(self.tr("No recommendations yet."))
            self.label.setText(f"<div style='font-size:28pt'>{empty}</div>")
            return
        sep = "<hr style='margin:18px 0'>"
        self.label.setText(sep.join(self.html_for(r, len(rows) == 1) for r in rows))


def show_wall(ctx: AppContext, plenary_id: str, group_id: str) -> QWidget:
    from facilitator_app.gui.projector import projector_window

    group = ctx.store.get("groups", group_id) or {}
    window = projector_window(ctx)
    view = ProjectorWall(ctx, group_id)
    window.set_view(view, group.get("name", ""))
    window.show_on()
    return view


def show_recommendations(ctx: AppContext, plenary_id: str, rec_id: str | None = None) -> QWidget:
    from facilitator_app.gui.projector import projector_window

    window = projector_window(ctx)
    view = RecommendationsBoard(ctx, plenary_id, rec_id)
    window.set_view(view, QCoreApplication.translate("RecommendationsBoard", "Recommendations"))
    window.show_on()
    return view
