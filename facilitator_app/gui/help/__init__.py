"""The user guide (Aiuto › Guida, F1 on each page) and Aiuto › Informazioni.

The guide's pages are HTML files in resources/help/<language>/<topic>.html, one per page of
the window plus "start"; the list of keyboard shortcuts is generated (`shortcuts.py`).
"""

from facilitator_app.gui.help.guide import TOPICS, GuideDialog, show_guide  # noqa: F401
