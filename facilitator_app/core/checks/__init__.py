"""Checks on values that come from outside the app (spreadsheets, exchange packages, typed text):
characters a text may hold, length limits, and whole rows of a synced table.
Modules are imported directly (no re-exports here, so `core.members` can use `checks.text`)."""
