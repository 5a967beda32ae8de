"""The one place that owns threads for libvirt work.

Each connection has its own serial worker: a hung call (a remote host that stops answering) blocks
only that connection. Jobs run in order, so an event's refresh never overtakes the inventory load
it follows. Results and errors come back to the GUI thread as callbacks delivered by a queued
signal.
"""

import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from kvmgui.core import log

Job = Callable[[], Any]
Callback = Callable[[Any], None]


class SerialWorker(QObject):
    """Runs jobs one after another on a daemon thread.

    Signals:
        _delivered(callback, value): internal; emitted on the worker thread, so Qt queues it to
            the thread this object lives in (the GUI thread), where the callback runs.
    """

    _delivered = Signal(object, object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.SimpleQueue[tuple[Job, Callback | None, Callback | None] | None] = (
            queue.SimpleQueue())
        self._delivered.connect(self._deliver)
        # A daemon thread: a call stuck in libvirt must not keep the application from exiting.
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def submit(self, job: Job, on_done: Callback | None = None,
               on_error: Callback | None = None) -> None:
        """Queue `job`; `on_done(result)` or `on_error(exception)` later run on the GUI thread."""
        self._queue.put((job, on_done, on_error))

    def stop(self) -> None:
        """Finish the queued jobs, then end the thread."""
        self._queue.put(None)

    def _loop(self) -> None:
        while (item := self._queue.get()) is not None:
            job, on_done, on_error = item
            try:
                value = job()
            except Exception as exc:  # any failure goes back to the GUI thread, never lost
                if on_error is None:
                    log.virt.error("%s: unhandled job failure: %s", self._thread.name, exc)
                else:
                    self._emit(on_error, exc)
                continue
            if on_done is not None:
                self._emit(on_done, value)

    def _emit(self, callback: Callback, value: object) -> None:
        try:
            self._delivered.emit(callback, value)
        except RuntimeError:
            pass  # the receiving QObject is gone: the application is shutting down

    def _deliver(self, callback: Callback, value: object) -> None:
        callback(value)
