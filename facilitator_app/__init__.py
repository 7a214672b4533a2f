"""facilitator_app: offline desktop app for Milan's Permanent Citizens' Assembly on Climate."""

__version__ = "0.1.0"
APP_NAME = "facilitator_app"
# Written as the creator of every exported document (PDF Creator, workbook lastModifiedBy), so a
# file tells which version of the app made it.
APP_LABEL = f"{APP_NAME} {__version__}"
