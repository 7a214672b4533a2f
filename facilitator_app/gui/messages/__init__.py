"""Messages to members: the template editor with its live preview."""
