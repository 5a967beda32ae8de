"""A guard for GUI tests: what a test starts, it must stop.

A worker thread, a running QTimer or a top-level widget that outlives its test keeps working
during the next ones (timers firing into torn-down objects, workers calling libvirt, dialogs
catching input), which makes later tests fail for reasons far from the cause. The guard notes
what exists before the test; after every fixture of the test has been torn down it waits briefly
for threads to end, then names whatever the test left behind and removes it, so only the test
that leaked fails. Conftests bind `no_leftovers` to apply it (tests/gui does).
"""

import gc
import threading
import time
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kvmgui.virt import eventloop

# A stopped worker first finishes its queued jobs (closing its libvirt connection).
THREAD_GRACE_S = 5.0


@pytest.fixture(autouse=True)
def no_leftovers(request: pytest.FixtureRequest,
                 monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a Qt test that leaves a worker thread, a running QTimer or a top-level widget
    behind. Autouse fixtures are set up first, so this check runs after the test's other
    fixtures (start_app's shutdown, qtbot closing its widgets) have been torn down."""
    if "qapp" not in request.fixturenames:
        yield  # no Qt in this test (e.g. a command line run in a subprocess)
        return
    request.getfixturevalue("qapp")
    guard = LeakGuard(monkeypatch)
    yield
    # The other fixtures are torn down, but pytest still holds their values until the test is
    # over; let go of them now, so that only what outlives the test counts as left behind.
    request.node.funcargs.clear()
    leaks = guard.leaks()
    if leaks:
        pytest.fail("the test left behind:\n  " + "\n  ".join(leaks), pytrace=False)


class LeakGuard:
    """Notes the threads and top-level widgets of the process, and tracks every QTimer and
    QThread made from Python, from construction until `leaks()`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._widgets_before = {_address(w) for w in QApplication.topLevelWidgets()}
        self._threads_before = set(threading.enumerate())
        self._timers: list[weakref.ref[QTimer]] = []
        self._qthreads: list[weakref.ref[QThread]] = []
        _track_creation(monkeypatch, QTimer, self._timers)
        _track_creation(monkeypatch, QThread, self._qthreads)

    def leaks(self) -> list[str]:
        """What the test left behind, each in a line that names it; the leaks are then removed
        (widgets closed and deleted, timers stopped) so that the next test starts clean."""
        _run_deferred_deletes()
        found = self._threads()
        if self._running_timers() or self._new_windows():
            # Only then (it costs ~50 ms): what Python no longer reaches is not left behind.
            gc.collect()
            _run_deferred_deletes()
        for timer in self._running_timers():
            found.append(f"a running QTimer (every {timer.interval()} ms) "
                         f"of {_describe(timer.parent())}")
            timer.stop()
        for widget in self._new_windows():
            shown = "visible" if widget.isVisible() else "hidden"
            found.append(f"a {shown} top-level widget {_describe(widget)} "
                         f"titled {widget.windowTitle()!r}")
            widget.close()
            widget.deleteLater()
        if found:
            _run_deferred_deletes()
        return found

    def _running_timers(self) -> list[QTimer]:
        return [timer for timer in _alive(self._timers) if timer.isActive()]

    def _threads(self) -> list[str]:
        deadline = time.monotonic() + THREAD_GRACE_S
        started = [t for t in threading.enumerate() if t not in self._threads_before
                   and t is not eventloop._thread]  # libvirt's event loop lives for the process
        for thread in started:
            thread.join(max(0.0, deadline - time.monotonic()))
        found = [f"the Python thread {t.name!r}, still running" for t in started if t.is_alive()]
        for qthread in _alive(self._qthreads):
            qthread.wait(max(0, int((deadline - time.monotonic()) * 1000)))
            if qthread.isRunning():
                found.append(f"a QThread {_describe(qthread)}, still running")
        return found

    def _new_windows(self) -> list[QWidget]:
        new = [w for w in QApplication.topLevelWidgets() if _address(w) not in self._widgets_before]
        # A dialog whose parent window is new as well goes with that parent: name only the parent.
        addresses = {_address(w) for w in new}
        return [w for w in new if (parent := w.parentWidget()) is None
                or _address(parent.window()) not in addresses]


def _track_creation(monkeypatch: pytest.MonkeyPatch, cls: type[QTimer] | type[QThread],
                    created: list[Any]) -> None:
    """Wrap `cls.__init__` so that every instance made from Python is remembered (weakly).
    (Not `start`: a wrapper there would change which arguments a signal connected to it
    passes.)"""
    original = cls.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        created.append(weakref.ref(self))

    monkeypatch.setattr(cls, "__init__", init)


def _alive(refs: list[Any]) -> list[Any]:
    """The tracked objects whose Python and C++ sides both still exist, each once."""
    objects = {id(o): o for ref in refs if (o := ref()) is not None and shiboken6.isValid(o)}
    return list(objects.values())


def _run_deferred_deletes() -> None:
    """Let Qt run the deleteLater() calls now (no event loop runs between tests)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def _address(obj: QObject) -> int:
    return int(shiboken6.getCppPointer(obj)[0])


def _describe(obj: QObject | None) -> str:
    if obj is None:
        return "no parent"
    name = obj.objectName()
    return type(obj).__name__ + (f" {name!r}" if name else "")
