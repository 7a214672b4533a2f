"""Shared fixtures: real SQLite files on disk, an isolated app home, a GUI context."""

from __future__ import annotations

import os

import pytest

# GUI tests never need a display; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def app_home(tmp_path_factory, monkeypatch):
    """Device config and default data dir in a temp folder, never the real home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FACILITATOR_APP_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, with the app's own cycle collector (GUI thread only), as make_app does."""
    from facilitator_app.gui import collector

    collector.install(qapp)
    return qapp


@pytest.fixture(autouse=True)
def background_work_finishes():
    """A test's background jobs (exports on the thread pool) end before the next test starts."""
    yield
    import sys

    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(60_000)


@pytest.fixture
def device():
    from facilitator_app.core.store.device import Device

    return Device("test-device", "Laptop di prova")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "assemblea.sqlite"


@pytest.fixture
def store(db_path, device):
    from facilitator_app.core.store.store import Store

    s = Store(db_path, device)
    s.ensure_assembly("Assemblea di prova")
    yield s
    s.close()


@pytest.fixture
def demo_store(db_path, device):
    """A store holding the demo assembly (seed 2024)."""
    from facilitator_app.core.store.store import Store
    from facilitator_app.demo.build import build_demo

    s = Store(db_path, device)
    build_demo(s, seed=2024)
    yield s
    s.close()


@pytest.fixture
def ctx(qapp, store, tmp_path):
    """An application context on `store`, with settings in a temp file and prompts that answer yes."""
    from PySide6.QtCore import QSettings

    from facilitator_app.gui.context import AppContext

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(store, settings, RecordingPrompts())


@pytest.fixture
def demo_ctx(qapp, demo_store, tmp_path):
    from PySide6.QtCore import QSettings

    from facilitator_app.gui.context import AppContext

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(demo_store, settings, RecordingPrompts())


class RecordingPrompts:
    """Answers confirmations with `answer` and records every message shown."""

    def __init__(self, answer: bool = True):
        self.answer = answer
        self.shown: list[tuple[str, str, str]] = []
        self.defaults: list[bool] = []  # the default answer of each confirmation asked

    def confirm(self, parent, title, text, default=False):
        self.shown.append(("confirm", title, text))
        self.defaults.append(default)
        return self.answer

    text_answer: str | None = None  # what ask_text answers

    def ask_text(self, parent, title, text):
        self.shown.append(("ask_text", title, text))
        return self.text_answer

    def error(self, parent, title, text):
        self.shown.append(("error", title, text))

    def info(self, parent, title, text):
        self.shown.append(("info", title, text))


@pytest.fixture(autouse=True)
def _no_blocking_passphrase_dialog(request, monkeypatch):
    """GUI tests never wait on the real passphrase dialog (a modal exec() would hang the run): a new
    file is made plain, as by a person who unticks encryption; opening an encrypted file is cancelled.
    Tests of the dialog itself give StoreOpener their own `ask`."""
    if "tests/gui" not in str(request.node.fspath).replace("\\", "/"):
        yield
        return
    from facilitator_app.gui.privacy import passphrase

    monkeypatch.setattr(passphrase, "ask_passphrase",
                        lambda mode, path, parent=None, error=None: passphrase.Answer(None) if mode == "new" else None)
    yield
