import os
import sys

from facilitator_app.cli import main

code = main()
try:
    sys.stdout.flush()
except BrokenPipeError:  # `| head` closed the pipe: end quietly
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
raise SystemExit(code)
