"""Guard against a refcount bug of some PySide6 builds on Python 3.11.

With PySide6 6.12.0 on CPython 3.11 every call of a Qt method that returns
nothing (`setText`, `update`, `setPos`, a `paint` called with no widget…)
takes one reference away from `None` without having given it. On 3.11 `None`
is an ordinary object, so after some thousands of such calls the interpreter
aborts with "Fatal Python error: none_dealloc". (3.12+ makes None immortal.)

`guard_none_refcount()` checks for the bug once and, if present, gives `None`
a very large reference count, so it can never reach zero. Process-wide and
idempotent; does nothing on Pythons and PySide6 builds without the bug.
"""

from __future__ import annotations

import ctypes
import sys

_done = False


def has_none_refcount_bug() -> bool:
    from PySide6.QtCore import QPointF

    p = QPointF()
    before = sys.getrefcount(None)
    for _ in range(64):
        p.setX(0.0)
    return before - sys.getrefcount(None) >= 32


def guard_none_refcount() -> bool:
    """Make None's refcount unreachable if this PySide6 leaks it; True if the guard was applied."""
    global _done
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    _done = True
    if not has_none_refcount_bug():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    return True
