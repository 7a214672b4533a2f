"""Files the app writes outside the assembly file (exports, packages): all-or-nothing, private when they
hold personal data, and no temporary copy left behind by a killed process (see `files/atomic.py`)."""
