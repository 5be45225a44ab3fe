"""A guard on the Qt binding itself: PySide6 6.12.0 under Python 3.11 dropped a reference to
True on every signal emitted and to None on many calls that return nothing, so a long session
aborted in `bool_dealloc` or `none_dealloc` after a few thousand actions. pyproject.toml keeps
that build out; this test fails if it comes back."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

CALLS = 200


class _Sender(QObject):
    changed = Signal(object)


def _references() -> tuple[int, int]:
    gc.collect()
    return sys.getrefcount(True), sys.getrefcount(None)


def test_emitting_and_calling_qt_keeps_true_and_none_alive(qtbot):
    sender = _Sender()
    sender.changed.connect(lambda value: None)
    label = QLabel()
    qtbot.addWidget(label)
    true_before, none_before = _references()
    for _ in range(CALLS):
        sender.changed.emit(1)
        label.setText("Apologies")
    true_after, none_after = _references()
    # Other objects may take or let go of a few references meanwhile; a leak loses CALLS.
    assert true_after > true_before - CALLS // 2
    assert none_after > none_before - CALLS // 2
