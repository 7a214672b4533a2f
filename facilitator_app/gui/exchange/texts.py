"""Translated words for tables and fields (package errors: gui/errors.py)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Exchange", text)


_TABLES = {
    "assembly": QT_TRANSLATE_NOOP("Exchange", "Assembly"), "settings": QT_TRANSLATE_NOOP("Exchange", "Settings"),
    "devices": QT_TRANSLATE_NOOP("Exchange", "Laptops"), "cohorts": QT_TRANSLATE_NOOP("Exchange", "Cohorts"),
    "themes": QT_TRANSLATE_NOOP("Exchange", "Themes"), "plan_actions": QT_TRANSLATE_NOOP("Exchange", "Plan actions"),
    "members": QT_TRANSLATE_NOOP("Exchange", "Members"), "plenaries": QT_TRANSLATE_NOOP("Exchange", "Plenaries"),
    "sessions": QT_TRANSLATE_NOOP("Exchange", "Sessions"), "agenda_items": QT_TRANSLATE_NOOP("Exchange", "Agenda"),
    "plenary_people": QT_TRANSLATE_NOOP("Exchange", "Staff and guests"),
    "attendance": QT_TRANSLATE_NOOP("Exchange", "Check-ins"), "groups": QT_TRANSLATE_NOOP("Exchange", "Groups"),
    "group_members": QT_TRANSLATE_NOOP("Exchange", "Group seats"),
    "note_categories": QT_TRANSLATE_NOOP("Exchange", "Note categories"),
    "clusters": QT_TRANSLATE_NOOP("Exchange", "Clusters"), "notes": QT_TRANSLATE_NOOP("Exchange", "Notes"),
    "votes": QT_TRANSLATE_NOOP("Exchange", "Votes"), "photos": QT_TRANSLATE_NOOP("Exchange", "Photos"),
    "recommendations": QT_TRANSLATE_NOOP("Exchange", "Recommendations"),
    "recommendation_notes": QT_TRANSLATE_NOOP("Exchange", "Notes of recommendations"),
    "minutes_sections": QT_TRANSLATE_NOOP("Exchange", "Minutes"),
    "conflicts": QT_TRANSLATE_NOOP("Exchange", "Conflicts"),
}
# Fields have their own context: the field "notes" (remarks) is not the table "notes" (post-its).
_FIELDS = {
    "text": QT_TRANSLATE_NOOP("ExchangeFields", "Text"), "title": QT_TRANSLATE_NOOP("ExchangeFields", "Title"),
    "name": QT_TRANSLATE_NOOP("ExchangeFields", "Name"), "tags": QT_TRANSLATE_NOOP("ExchangeFields", "Tags"),
    "notes": QT_TRANSLATE_NOOP("ExchangeFields", "Notes"),
    "description": QT_TRANSLATE_NOOP("ExchangeFields", "Description"),
    "surname": QT_TRANSLATE_NOOP("ExchangeFields", "Surname"),
    "first_name": QT_TRANSLATE_NOOP("ExchangeFields", "First name"),
    "value": QT_TRANSLATE_NOOP("ExchangeFields", "Value"), "caption": QT_TRANSLATE_NOOP("ExchangeFields", "Caption"),
    "reason": QT_TRANSLATE_NOOP("ExchangeFields", "Reason"), "venue": QT_TRANSLATE_NOOP("ExchangeFields", "Venue"),
}


def table_label(table: str) -> str:
    return _tr(_TABLES[table]) if table in _TABLES else table


def field_label(field: str) -> str:
    return QCoreApplication.translate("ExchangeFields", _FIELDS[field]) if field in _FIELDS else field
