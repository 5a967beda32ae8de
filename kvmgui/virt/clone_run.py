"""One clone, step by step on a connection's action worker, with progress and Cancel.

    run = CloneRun(connection, plan, parent)
    run.copyProgress.connect(...); run.finished.connect(...)
    run.start()

Steps: check, copy each volume (``createXMLFrom``), define; any failure undoes what was
created. Each step is its own job, so the GUI thread decides between steps: Cancel stops after
the step under way and undoes everything. libvirt (9.0) cannot interrupt a volume copy, nor
delete a volume it is still building, so a copy already started runs to its end first.
Progress is the copy's allocation, polled on the connection's other worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kvmgui.core import log
from kvmgui.logic.clone_plan import ClonePlan
from kvmgui.virt import clone_jobs as jobs
from kvmgui.virt.connection import Connection
from kvmgui.virt.errors import error_text

POLL_MS = 500


class CloneOutcome(Enum):
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class CloneResult:
    outcome: CloneOutcome
    uuid: str = ""  # the new domain (DONE)
    error: str = ""  # why it failed (FAILED)
    removed: tuple[str, ...] = ()  # what was created and removed again
    leftovers: tuple[str, ...] = ()  # what could not be removed, and why


class CloneRun(QObject):
    """Runs a ``ClonePlan`` (see the module docstring).

    Signals:
        copyStarted(int): copy number i of ``plan.copies`` began.
        copyProgress(int, int, int): copy i, bytes written so far, bytes expected (0: unknown).
        copyFinished(int): copy i is complete.
        defining(): the copies are done; the domain is being defined.
        undoing(): it failed or was cancelled; what was created is being removed.
        finished(CloneResult): over, one way or the other.
    """

    copyStarted = Signal(int)
    copyProgress = Signal(int, int, int)
    copyFinished = Signal(int)
    defining = Signal()
    undoing = Signal()
    finished = Signal(object)

    def __init__(self, connection: Connection, plan: ClonePlan,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connection = connection
        self.plan = plan
        self.ledger = jobs.CloneLedger()
        self.result: CloneResult | None = None
        self._sizes: list[int] = [c.expected_bytes for c in plan.copies]
        self._current = -1  # the copy under way
        self._polling = False
        self._cancel = False
        self._error = ""
        self._started = False
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def running(self) -> bool:
        return self._started and self.result is None

    @property
    def cancelling(self) -> bool:
        return self._cancel and self.result is None

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        log.virt.info("clone %s -> %s: %d copies", self.plan.source_name, self.plan.name,
                      len(self.plan.copies))
        self._run(jobs.check_clone(self.plan, self.ledger), self._checked)

    def cancel(self) -> None:
        """Stop after the step under way and remove what was created."""
        if self.running:
            self._cancel = True

    def expected_bytes(self, index: int) -> int:
        return self._sizes[index]

    # ---- steps (GUI thread, between jobs) -----------------------------------------------------

    def _run(self, job: jobs.Job[Any], then: Any) -> None:
        self.connection.run_action(job, then, self._failed)

    def _checked(self, sizes: list[int]) -> None:
        self._sizes = [size or planned for size, planned in zip(sizes, self._sizes, strict=True)]
        self._next(0)

    def _next(self, index: int) -> None:
        if self._cancel:
            self._undo(CloneOutcome.CANCELLED)
            return
        if index == len(self.plan.copies):
            self._current = -1
            self.defining.emit()
            self._run(jobs.define_clone(self.plan, self.ledger), self._defined)
            return
        self._current = index
        self.copyStarted.emit(index)
        self._timer.start()
        self._run(jobs.copy_volume(self.plan.copies[index], self.ledger),
                  lambda _path: self._copied(index))

    def _copied(self, index: int) -> None:
        self._timer.stop()
        size = self._sizes[index]
        self.copyProgress.emit(index, size, size)
        self.copyFinished.emit(index)
        self._next(index + 1)

    def _defined(self, uuid: str) -> None:
        if self._cancel:
            self._undo(CloneOutcome.CANCELLED)
            return
        self.connection.run_action(jobs.finish_clone(self.ledger),
                                   lambda _none: self._finish(CloneResult(CloneOutcome.DONE, uuid)),
                                   lambda exc: self._finish(CloneResult(CloneOutcome.DONE, uuid)))

    def _failed(self, exc: Exception) -> None:
        self._error = error_text(exc)
        log.virt.warning("clone %s -> %s failed: %s", self.plan.source_name, self.plan.name,
                         self._error)
        self._undo(CloneOutcome.FAILED)

    def _undo(self, outcome: CloneOutcome) -> None:
        self._timer.stop()
        self._current = -1
        self.undoing.emit()

        def undone(report: jobs.UndoReport) -> None:
            self._finish(CloneResult(outcome, error=self._error, removed=report.removed,
                                     leftovers=report.leftovers))

        def undo_failed(exc: Exception) -> None:
            self._finish(CloneResult(outcome, error=self._error, leftovers=(error_text(exc),)))

        self.connection.run_action(jobs.undo_clone(self.ledger), undone, undo_failed)

    def _finish(self, result: CloneResult) -> None:
        self._timer.stop()
        self.result = result
        for uuid in dict.fromkeys(c.pool_uuid for c in self.plan.copies if c.pool_uuid):
            self.connection.refresh_object("pool", uuid)
        self.finished.emit(result)

    # ---- progress (polled on the connection's other worker) -----------------------------------

    def _poll(self) -> None:
        index = self._current
        if self._polling or index < 0:
            return
        self._polling = True

        def done(allocation: int | None) -> None:
            self._polling = False
            if allocation is not None and index == self._current:
                size = self._sizes[index]
                self.copyProgress.emit(index, min(allocation, size) if size else allocation,
                                       size)

        def failed(_exc: Exception) -> None:
            self._polling = False

        self.connection.run(jobs.volume_allocation(self.plan.copies[index], self.ledger),
                            done, failed)
