"""Commits made by other connections to the open assembly file (the CLI, a package import, another
process): noticed cheaply with PRAGMA data_version and named through the change log; field-by-field merges of edits made over a changed row."""

from facilitator_app.core.watch.fields import Merge, same, three_way
from facilitator_app.core.watch.outside import AllChanged, OutsideWatcher

__all__ = ["AllChanged", "Merge", "OutsideWatcher", "same", "three_way"]
