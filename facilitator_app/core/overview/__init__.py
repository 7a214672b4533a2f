"""What an assembly file holds so far, in counts: what the window uses to tell a new user
what to do first (no members yet, no plenary yet, ...)."""

from facilitator_app.core.overview.overview import Overview, overview  # noqa: F401
