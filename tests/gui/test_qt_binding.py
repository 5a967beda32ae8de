"""Guards against Qt binding releases that break kvmgui at run time."""

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_calls_keep_none_referenced(qtbot: QtBot) -> None:
    # PySide6 6.12.0 released a reference to None on each such call; after ~10k calls Python
    # aborts. The count must not move (None is not immortal before Python 3.12).
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) - before > -100
