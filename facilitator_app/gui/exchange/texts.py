"""Translated words for tables, fields and package errors (the core speaks English codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from facilitator_app.core.exchange import ExchangeError, PackageError
from facilitator_app.gui.i18n import fmt


def _tr(text: str) -> str:
    return QCoreApplication.translate("Exchange", text)


_TABLES = {
    "assembly": "Assembly", "settings": "Settings", "devices": "Laptops", "cohorts": "Cohorts",
    "themes": "Themes", "plan_actions": "Plan actions", "members": "Members", "plenaries": "Plenaries",
    "sessions": "Sessions", "agenda_items": "Agenda", "plenary_people": "Staff and guests",
    "attendance": "Check-ins", "groups": "Groups", "group_members": "Group seats",
    "note_categories": "Note categories", "clusters": "Clusters", "notes": "Notes", "votes": "Votes",
    "photos": "Photos", "recommendations": "Recommendations", "recommendation_notes": "Notes of recommendations",
    "minutes_sections": "Minutes", "conflicts": "Conflicts",
}
_FIELDS = {"text": "Text", "title": "Title", "name": "Name", "tags": "Tags", "notes": "Notes",
           "description": "Description", "surname": "Surname", "first_name": "First name", "value": "Value",
           "caption": "Caption", "reason": "Reason", "venue": "Venue"}
if False:  # lupdate sees the words through these calls
    _tr("Assembly"), _tr("Settings"), _tr("Laptops"), _tr("Cohorts"), _tr("Themes"), _tr("Plan actions")
    _tr("Members"), _tr("Plenaries"), _tr("Sessions"), _tr("Agenda"), _tr("Staff and guests")
    _tr("Check-ins"), _tr("Groups"), _tr("Group seats"), _tr("Note categories"), _tr("Clusters")
    _tr("Notes"), _tr("Votes"), _tr("Photos"), _tr("Recommendations"), _tr("Notes of recommendations")
    _tr("Minutes"), _tr("Conflicts"), _tr("Text"), _tr("Title"), _tr("Name"), _tr("Tags")
    _tr("Description"), _tr("Surname"), _tr("First name"), _tr("Value"), _tr("Caption"), _tr("Reason")
    _tr("Venue")


def table_label(table: str) -> str:
    return _tr(_TABLES[table]) if table in _TABLES else table


def field_label(field: str) -> str:
    return _tr(_FIELDS[field]) if field in _FIELDS else field


def error_text(exc: ExchangeError) -> str:
    """A package problem in the interface language; other problems as the core words them."""
    if not isinstance(exc, PackageError):
        return str(exc)
    messages = {
        "foreign": _tr("%1 is not an exchange package of this app. Nothing was imported."),
        "damaged": _tr("%1 is damaged or incomplete (perhaps the copy was interrupted). Copy it again from "
                       "the laptop that made it. Nothing was imported."),
        "newer": _tr("%1 was made by a newer version of the app. Update this app to import it. "
                     "Nothing was imported."),
        "other_assembly": _tr("%1 belongs to another assembly (%2). Nothing was imported."),
        "unreadable": _tr("%1 cannot be read. Nothing was imported."),
    }
    return fmt(messages[exc.kind], exc.file or _tr("The package"), exc.other)
