"""Remembering an assembly's passphrase in the operating system's keyring (optional).

The `keyring` library talks to the system's own store (Windows Credential Manager, macOS
Keychain, the Secret Service on Linux desktops). Where there is none (a bare Linux machine, CI),
every function here quietly does nothing: remembering is a convenience, never a requirement.
"""

from __future__ import annotations

from pathlib import Path

SERVICE = "facilitator_app"


def _account(path: str | Path) -> str:
    return str(Path(path).resolve())


def _keyring():
    try:
        import keyring
        from keyring.backends import fail

        if isinstance(keyring.get_keyring(), fail.Keyring):
            return None
        return keyring
    except Exception:  # no backend, a broken D-Bus session, a locked store...
        return None


def available() -> bool:
    return _keyring() is not None


def recall(path: str | Path) -> str | None:
    kr = _keyring()
    if kr is None:
        return None
    try:
        return kr.get_password(SERVICE, _account(path))
    except Exception:
        return None


def remember(path: str | Path, passphrase: str) -> bool:
    kr = _keyring()
    if kr is None:
        return False
    try:
        kr.set_password(SERVICE, _account(path), passphrase)
        return True
    except Exception:
        return False


def forget(path: str | Path) -> bool:
    kr = _keyring()
    if kr is None:
        return False
    try:
        kr.delete_password(SERVICE, _account(path))
        return True
    except Exception:
        return False
