"""facilitator_app: offline desktop app for Milan's Permanent Citizens' Assembly on Climate."""

__version__ = "0.1.0"
APP_NAME = "facilitator_app"
