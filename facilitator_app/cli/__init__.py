"""Headless command line: `facilitator-app SUBCOMMAND ...`.

Each domain registers its subcommands from its own module (see `MODULES`):
a module exposes `register(subparsers)` and sets `func` on its parsers; a
func takes the parsed args and returns the exit code.

Exit codes: 0 done, 1 done with rejected rows, 2 nothing written (bad file,
bad input, bad usage), 3 an unexpected error (one line; the traceback with
`--debug`, and always in `facilitator-app.log` in the user log folder).
No traceback ever reaches the user; output piped into `head` ends quietly;
an argument that is not valid text (bytes that are not UTF-8) is refused.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from datetime import datetime, timezone
from pathlib import Path

from facilitator_app import __version__
from facilitator_app.cli.common import EXIT_NOTHING_WRITTEN, CliError, add_passphrase_option

EXIT_UNEXPECTED = 3

# Subcommand modules, in help order. Later features add theirs here.
MODULES = ["demo", "roster", "plenary", "checkin", "export", "notes", "groups", "bundle", "followup",
           "selection", "letters", "privacy", "sync", "gui"]


def build_parser(modules: list[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator-app",
        description="Offline app for the facilitators and secretariat of Milan's "
                    "Permanent Citizens' Assembly on Climate. Without a subcommand, opens the window.",
        epilog="Exit codes: 0 done, 1 done with rejected rows, 2 nothing written (bad input or usage), "
               "3 unexpected error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH", help="assembly file (default: the user data folder)")
    parser.add_argument("--debug", action="store_true", help="on an unexpected error, print the traceback")
    add_passphrase_option(parser, default=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in MODULES if modules is None else modules:
        importlib.import_module(f"facilitator_app.cli.{name}").register(sub)
    return parser


def _command(argv: list[str]) -> str | None:
    """The subcommand named in `argv` (None if none), skipping the value of a leading --db."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def log_path() -> Path:
    import platformdirs

    home = os.environ.get("FACILITATOR_APP_HOME")
    folder = Path(home) / "log" if home else Path(platformdirs.user_log_dir("facilitator-app", appauthor=False))
    return folder / "facilitator-app.log"


def _log(argv: list[str], exc: BaseException) -> Path | None:
    """The traceback, appended to the log file; None if even that cannot be written."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8", errors="backslashreplace") as fh:
            fh.write(f"--- {datetime.now(timezone.utc).isoformat(timespec='seconds')} facilitator-app "
                     f"{__version__}: {' '.join(argv)!r}\n")
            fh.write("".join(traceback.format_exception(exc)))
        return path
    except OSError:
        return None


def _not_text(argv: list[str]) -> int | None:
    """Index of the first argument holding bytes that are not UTF-8 (surrogate escapes), else None."""
    for i, arg in enumerate(argv):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return i
    return None


def _quiet_stdout() -> None:
    """The reader went away (`| head`): further output, and the final flush, go nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _err(text: str) -> None:
    try:
        print(text, file=sys.stderr)
    except (OSError, ValueError):
        pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        return _main(argv, debug)
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except SystemExit:
        raise
    except BaseException as exc:  # nothing unexpected reaches the user as a traceback
        path = _log(argv, exc)
        if debug:
            _err("".join(traceback.format_exception(exc)).rstrip())
        where = f"; details in {path}" if path else ""
        _err(f"error: unexpected error ({type(exc).__name__}: {str(exc)[:200]}){where}. Nothing more was done.")
        return EXIT_UNEXPECTED


def _main(argv: list[str], debug: bool) -> int:
    from facilitator_app.core.errors import CoreError

    bad = _not_text(argv)
    if bad is not None:
        shown = argv[bad].encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        _err(f"error: argument {bad + 1} ({shown!r}) is not valid text (UTF-8); nothing was done")
        return EXIT_NOTHING_WRITTEN
    # Opening the window (no subcommand, or `gui`) registers the gui subcommand alone: importing
    # every other subcommand's domain modules would cost the window's start a tenth of a second.
    # --help and --version still list everything.
    quick = _command(argv) in (None, "gui") and not {"-h", "--help", "--version"} & set(argv)
    parser = build_parser(["gui"] if quick else None)
    try:  # --debug is accepted anywhere on the line
        args = parser.parse_args([a for a in argv if a != "--debug"])
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    _clean_start()
    if not getattr(args, "func", None):
        from facilitator_app.cli.gui import run_gui
        return run_gui(args)
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a broken pipe shows here, not at exit
        return code
    except CliError as exc:
        _err(f"error: {exc}")
        return exc.exit_code
    except CoreError as exc:  # a refusal the command did not word itself: still bad input, nothing written
        _err(f"error: {exc}")
        return EXIT_NOTHING_WRITTEN


def _clean_start() -> None:
    """Temporary export files a killed run left behind; libraries' temp files in a private folder."""
    try:
        from facilitator_app.core.files.atomic import clean_leftovers, private_tempdir

        clean_leftovers()
        private_tempdir()
    except OSError:
        pass


if __name__ == "__main__":
    raise SystemExit(main())
