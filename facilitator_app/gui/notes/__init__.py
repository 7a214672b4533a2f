"""The post-it wall (capture, clusters, dots), photos of paper walls, and recommendations."""

from facilitator_app.gui.notes.compat import guard_none_refcount

guard_none_refcount()
