"""The GUI tests' leak guard (tests/leak_helpers.py) fails a test that leaves a window or a
running timer behind, and only that test: it runs here on a few tests of its own, in a separate
pytest (the guard needs a QApplication, which this process must not create)."""

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[2]

CONFTEST = """
import leak_helpers

no_leftovers = leak_helpers.no_leftovers
"""

PROBES = """
import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QWidget

kept = []  # what the leaking tests hold on to after they end


def test_leaves_a_window(qtbot):
    window = QWidget()
    window.setWindowTitle("stray <b>window</b>")
    window.show()
    kept.append(window)


def test_leaves_a_timer_running(qtbot):
    owner = QObject()
    owner.setObjectName("ticker")
    kept.append(owner)
    QTimer(owner).start(1000)


def test_cleans_up(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)  # closed and deleted by qtbot
    dialog.show()
    QTimer(dialog).start(10)  # deleted with the dialog


def test_runs_after_the_leaks(qtbot):
    window, owner = kept
    assert not shiboken6.isValid(window)  # the guard deleted the stray window
    assert not owner.findChild(QTimer).isActive()  # and stopped the timer
"""


def test_the_guard_names_each_leak_and_fails_only_its_test(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_probes.py").write_text(PROBES)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_NO_GLIB="1",
               PYTHONPATH=os.pathsep.join([str(TESTS), str(TESTS.parent)]))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "qt_api=pyside6",
         "--rootdir", str(tmp_path), str(tmp_path)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert "4 passed, 2 errors" in out, out
    assert "ERROR at teardown of test_leaves_a_window" in out
    assert "a visible top-level widget QWidget titled 'stray <b>window</b>'" in out
    assert "ERROR at teardown of test_leaves_a_timer_running" in out
    assert "a running QTimer (every 1000 ms) of QObject 'ticker'" in out
    assert "test_cleans_up" not in out and "test_runs_after_the_leaks" not in out
