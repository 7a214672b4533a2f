"""The PySide6 interface. Talks to the core only through its actions and readers."""
