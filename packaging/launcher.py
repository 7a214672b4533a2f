"""Entry point of the frozen builds: the same command line as `facilitator-app`.

With no argument it opens the window (the welcome screen on a first run); every subcommand
works too (`facilitator_app demo --db FILE`, `export verbale ...`).
"""

from facilitator_app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
