"""Commits made by other connections to the open assembly file (the CLI, a package import, another
process): noticed cheaply with PRAGMA data_version and named through the change log."""

from facilitator_app.core.watch.outside import AllChanged, OutsideWatcher

__all__ = ["AllChanged", "OutsideWatcher"]
