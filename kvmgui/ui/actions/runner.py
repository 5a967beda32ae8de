"""Run one action on many objects: jobs on each connection's action worker, progress in the rows,
state re-read from libvirt afterwards, and a per-object summary.

Objects on one connection run one after another (its action worker is serial); connections run
side by side. A failure is recorded with libvirt's message for that object and the others go on.
The new state is never assumed: after each job the object is re-read (some changes, such as
autostart, fire no event) and events bring the rest.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from kvmgui.logic.action_results import ResultRow, ResultStatus
from kvmgui.ui.actions.selection import Selected
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.roles import Role
from kvmgui.virt.actions import Job
from kvmgui.virt.errors import error_text
from kvmgui.virt.connection import Connection, ObjectKind
from kvmgui.core.snapshots import DomainInfo

# How long a row may keep a progress text that waits for the guest (e.g. "shutting down…").
SETTLE_TIMEOUT_MS = 120_000


@dataclass(frozen=True, slots=True)
class Task:
    """One object's part of an action."""

    target: Selected
    job: Job  # returns None, or a note (str) for the summary
    refresh: tuple[tuple[ObjectKind, str], ...]  # objects to re-read afterwards
    # Keep the progress text until the domain's snapshot satisfies this (a guest shutting down).
    until: Callable[[DomainInfo], bool] | None = None


@dataclass
class _Batch:
    title: str
    labels: list[str]  # how each task's object is named in the summary
    skipped: list[ResultRow]
    rows: list[ResultRow | None] = field(default_factory=list)
    remaining: int = 0


class ActionRunner(QObject):
    """Runs `Task`s and reports (see module docstring).

    Signals:
        batchFinished(str title, list[ResultRow]): every task of an action has finished and its
            objects were re-read.
    """

    batchFinished = Signal(str, object)

    def __init__(self, model: InventoryModel, window: QMainWindow) -> None:
        super().__init__(window)
        self._model = model
        self._window = window
        self._in_flight: set[tuple[str, str]] = set()  # (uri, row key) of jobs not yet settled

    def is_running(self, item: Selected) -> bool:
        """Whether an action on this object is still under way (its job or the re-read)."""
        return _key(item) in self._in_flight

    def hold(self, item: Selected, progress: str) -> Callable[[], None]:
        """Keep `item` busy during an action that runs its own steps and reports by itself (a
        clone): its row shows `progress` and its other actions wait until the returned
        function is called."""
        key = _key(item)
        self._in_flight.add(key)
        self._model.set_busy(item.index, progress)

        def release() -> None:
            self._in_flight.discard(key)
            self._model.set_busy(item.index, "")
        return release

    def run(self, title: str, progress: str, tasks: Sequence[Task],
            skipped: Sequence[tuple[Selected, str]] = ()) -> None:
        """Start `tasks`; `skipped` objects (and why) only appear in the summary."""
        several_hosts = len({t.target.uri for t in tasks} | {s.uri for s, _ in skipped}) > 1

        def label(item: Selected) -> str:
            return f"{item.name} ({item.uri})" if several_hosts else item.name

        batch = _Batch(title, [label(t.target) for t in tasks],
                       [ResultRow(label(s), ResultStatus.SKIPPED, why) for s, why in skipped],
                       [None] * len(tasks), len(tasks))
        if not tasks:
            self._finish(batch)
            return
        for position, task in enumerate(tasks):
            self._in_flight.add(_key(task.target))
            self._model.set_busy(task.target.index, progress)
            conn = self._model.connection(task.target.uri)
            if conn is None:
                self._record(batch, position, ResultStatus.FAILED, self.tr("not connected"))
                self._model.set_busy(task.target.index, "")
                self._settled(batch, task)
                continue
            self._submit(batch, position, task, conn)

    def _submit(self, batch: _Batch, position: int, task: Task, conn: Connection) -> None:
        def done(value: Any) -> None:
            self._job_done(batch, position, task, conn, value)

        def failed(exc: Exception) -> None:
            self._job_failed(batch, position, task, conn, exc)

        conn.run_action(task.job, done, failed)

    # ---- per task ----------------------------------------------------------------------------

    def _job_done(self, batch: _Batch, position: int, task: Task, conn: Connection,
                  value: Any) -> None:
        self._record(batch, position, ResultStatus.DONE, value if isinstance(value, str) else "")
        self._reread(batch, task, conn, wait=task.until is not None)

    def _job_failed(self, batch: _Batch, position: int, task: Task, conn: Connection,
                    exc: Exception) -> None:
        self._record(batch, position, ResultStatus.FAILED, error_text(exc))
        self._reread(batch, task, conn, wait=False)

    def _record(self, batch: _Batch, position: int, status: ResultStatus, text: str) -> None:
        batch.rows[position] = ResultRow(batch.labels[position], status, text)

    def _reread(self, batch: _Batch, task: Task, conn: Connection, wait: bool) -> None:
        pending = len(task.refresh)

        def one_done() -> None:
            nonlocal pending
            pending -= 1
            if pending == 0:
                if wait and task.until is not None:
                    _SettleWatch(self, conn, task.target.index, task.until, self._model)
                else:
                    self._model.set_busy(task.target.index, "")
                self._settled(batch, task)

        if not task.refresh:
            pending = 1
            one_done()
            return
        for kind, key in task.refresh:
            conn.refresh_object(kind, key, one_done)

    def _settled(self, batch: _Batch, task: Task) -> None:
        self._in_flight.discard(_key(task.target))
        batch.remaining -= 1
        if batch.remaining == 0:
            self._finish(batch)

    # ---- summary -----------------------------------------------------------------------------

    def _finish(self, batch: _Batch) -> None:
        rows = [r for r in batch.rows if r is not None] + batch.skipped
        problems = any(r.status is not ResultStatus.DONE for r in rows)
        if len(rows) > 1 or problems:
            from kvmgui.ui.dialogs.result_dialog import ResultDialog  # on first use: start-up

            dialog = ResultDialog(batch.title, rows, self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()
        elif rows:
            self._window.statusBar().showMessage(
                self.tr("%s: %s done") % (batch.title, rows[0].name), 5000)
        self.batchFinished.emit(batch.title, rows)


def _key(item: Selected) -> tuple[str, str]:
    return item.uri, str(item.index.data(Role.KEY))


class _SettleWatch(QObject):
    """Keeps a row's progress text until its domain reaches the wanted state (or times out)."""

    def __init__(self, parent: QObject, conn: Connection, index: QPersistentModelIndex,
                 until: Callable[[DomainInfo], bool], model: InventoryModel) -> None:
        super().__init__(parent)
        self._index = index
        self._until = until
        self._model = model
        self._done = False
        conn.domainChanged.connect(self._changed)
        conn.domainRemoved.connect(self._removed)
        # A child timer, not QTimer.singleShot(ms, self, ...): PySide keeps that one running
        # after this object is deleted.
        self._timeout = QTimer(self, singleShot=True, interval=SETTLE_TIMEOUT_MS)
        self._timeout.timeout.connect(self._stop)
        self._timeout.start()
        self._check()

    def _check(self) -> None:
        snap = self._index.data(Role.SNAPSHOT) if self._index.isValid() else None
        if not isinstance(snap, DomainInfo) or self._until(snap):
            self._stop()

    def _changed(self, snap: DomainInfo) -> None:
        if self._index.data(Role.KEY) == snap.uuid:
            self._check()

    def _removed(self, _uuid: str) -> None:
        self._check()

    def _stop(self) -> None:
        if self._done:
            return
        self._done = True
        self._model.set_busy(self._index, "")
        self.deleteLater()
