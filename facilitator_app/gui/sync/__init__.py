"""The sync folder in the window: the loop in a background thread, the status line, the folder dialog."""
