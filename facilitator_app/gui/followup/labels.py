"""Words of the follow-up in the interface language: answer kinds, progress states, timeline events."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Followup"

ANSWERS = {"accepted": QT_TRANSLATE_NOOP("Followup", "Accepted"),
           "partly": QT_TRANSLATE_NOOP("Followup", "Partly accepted"),
           "rejected": QT_TRANSLATE_NOOP("Followup", "Not accepted"),
           "evaluating": QT_TRANSLATE_NOOP("Followup", "Under evaluation"),
           "none": QT_TRANSLATE_NOOP("Followup", "Awaiting an answer")}
PROGRESS = {"not_started": QT_TRANSLATE_NOOP("Followup", "Not started"),
            "in_progress": QT_TRANSLATE_NOOP("Followup", "In progress"),
            "done": QT_TRANSLATE_NOOP("Followup", "Done"),
            "abandoned": QT_TRANSLATE_NOOP("Followup", "Abandoned"),
            "none": QT_TRANSLATE_NOOP("Followup", "No update yet")}
EVENTS = {"note": QT_TRANSLATE_NOOP("Followup", "Group's note"),
          "vote": QT_TRANSLATE_NOOP("Followup", "Plenary vote"),
          "sent": QT_TRANSLATE_NOOP("Followup", "Sent to the Comune"),
          "answer": QT_TRANSLATE_NOOP("Followup", "The Comune's answer"),
          "act": QT_TRANSLATE_NOOP("Followup", "Act"),
          "update": QT_TRANSLATE_NOOP("Followup", "Progress update")}
# Answer kinds and progress states as colours (the words always say it too).
ANSWER_COLORS = {"accepted": "#2E7D32", "partly": "#7CB342", "rejected": "#C62828", "evaluating": "#F9A825",
                 "none": "#9AA5B1"}
PROGRESS_COLORS = {"done": "#2E7D32", "in_progress": "#1565C0", "not_started": "#F9A825", "abandoned": "#C62828",
                   "none": "#CFD6DE"}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def answer(kind: str | None) -> str:
    return tr(ANSWERS[kind or "none"])


def progress(state: str | None) -> str:
    return tr(PROGRESS[state or "none"])


def event(kind: str) -> str:
    return tr(EVENTS[kind])


def day(iso: str | None) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else "—"
