"""The guide dialog: topics on the left, the page in a QTextBrowser on the right."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser, \
    QVBoxLayout, QWidget

from facilitator_app.gui import i18n
from facilitator_app.resources import docs_path, resource_path

# Topic key -> title (translated when shown). Page keys match gui/pages.PAGES.
TOPICS: list[tuple[str, str]] = [
    ("start", QT_TRANSLATE_NOOP("Guide", "Getting started")),
    ("members", QT_TRANSLATE_NOOP("Guide", "Members")),
    ("plenaries", QT_TRANSLATE_NOOP("Guide", "Plenaries")),
    ("checkin", QT_TRANSLATE_NOOP("Guide", "Check-in at the entrance")),
    ("attendance", QT_TRANSLATE_NOOP("Guide", "Attendance")),
    ("attendance_history", QT_TRANSLATE_NOOP("Guide", "Attendance history")),
    ("groups", QT_TRANSLATE_NOOP("Guide", "Groups")),
    ("wall", QT_TRANSLATE_NOOP("Guide", "Post-it wall")),
    ("recommendations", QT_TRANSLATE_NOOP("Guide", "Recommendations")),
    ("minutes", QT_TRANSLATE_NOOP("Guide", "Minutes")),
    ("followup", QT_TRANSLATE_NOOP("Guide", "Answers and monitoring")),
    ("selection", QT_TRANSLATE_NOOP("Guide", "Selection by lot")),
    ("laptops", QT_TRANSLATE_NOOP("Guide", "Several laptops")),
    ("privacy", QT_TRANSLATE_NOOP("Guide", "Privacy")),
    ("shortcuts", QT_TRANSLATE_NOOP("Guide", "Keyboard shortcuts")),
]


def topic_html(topic: str, lang: str | None = None) -> str:
    """The HTML of a topic in the interface language (English if that page is not translated)."""
    if topic == "shortcuts":
        from facilitator_app.gui.help.shortcuts import shortcuts_html

        return shortcuts_html()
    lang = lang or i18n.chosen_language()
    for code in (lang, "en"):
        path = resource_path("help", code, f"{topic}.html")
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return ""


class GuideDialog(QDialog):
    def __init__(self, topic: str = "start", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("GuideDialog")
        self.setWindowTitle(self.tr("Guide"))
        self.resize(1000, 700)
        self.topics = QListWidget()
        self.topics.setFixedWidth(240)
        self.topics.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        for key, title in TOPICS:
            item = QListWidgetItem(QCoreApplication.translate("Guide", title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.topics.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # guide links switch topic; others open outside
        self.browser.anchorClicked.connect(self._link)
        # Images: the screenshots in docs/ (bundled beside resources/ in a frozen build).
        self.browser.setSearchPaths([str(docs_path()), str(resource_path("help"))])
        font = self.browser.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.browser.setFont(font)
        self.topics.currentRowChanged.connect(self._show_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.topics)
        row.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.show_topic(topic)

    def show_topic(self, topic: str) -> None:
        keys = [k for k, _t in TOPICS]
        self.topics.setCurrentRow(keys.index(topic) if topic in keys else 0)

    def current_topic(self) -> str:
        return TOPICS[self.topics.currentRow()][0]

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(TOPICS):
            self.browser.setHtml(topic_html(TOPICS[row][0]))

    def _link(self, url: QUrl) -> None:
        if url.scheme() in ("", "topic"):
            self.show_topic(url.path().removesuffix(".html") or url.fileName())
        else:
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)


def show_guide(parent: QWidget | None, topic: str = "start") -> GuideDialog:
    """Open the guide at `topic` (non-modal, so it can stay open beside the window)."""
    dialog = GuideDialog(topic, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
