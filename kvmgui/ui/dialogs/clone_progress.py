"""A clone under way: a progress bar per copy, Cancel, and how it ended when it did not work.

Cancel cannot stop a copy libvirt has started: it stops after that copy and removes everything
the clone created (the dialog says so). A finished clone closes the dialog; a failed or
cancelled one stays, saying why and what was removed (or could not be).
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGridLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout,
    QWidget,
)

from kvmgui.core.units import format_bytes
from kvmgui.logic.clone_plan import NVRAM
from kvmgui.ui.plain_text import plain_label
from kvmgui.virt.clone_run import CloneOutcome, CloneResult, CloneRun

_STEPS = 1000  # progress bar resolution (bytes do not fit a QProgressBar's int range)


class CloneProgressDialog(QDialog):
    """Follows `run` (which it does not own); `bars` and `sizes` are per copy."""

    def __init__(self, run: CloneRun, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = run
        plan = run.plan
        self.setWindowTitle(self.tr("Cloning %s") % plan.source_name)
        layout = QVBoxLayout(self)
        heading = plain_label(self.tr("Cloning %(source)s as %(name)s") % {
            "source": plan.source_name, "name": plan.name}, self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        grid = QGridLayout()
        self.bars: list[QProgressBar] = []
        self.sizes: list[QLabel] = []
        for row, copy in enumerate(plan.copies):
            what = self.tr("NVRAM") if copy.what == NVRAM else copy.what
            label = plain_label(self.tr("%(what)s → %(where)s") % {
                "what": what, "where": copy.where}, self)
            bar = QProgressBar(self)
            bar.setRange(0, _STEPS)
            bar.setValue(0)
            bar.setAccessibleName(self.tr("Copy of %s") % what)
            size = QLabel(self.tr("waiting"), self)
            grid.addWidget(label, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(size, row, 2)
            self.bars.append(bar)
            self.sizes.append(size)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.status = plain_label(self.tr("Checking…"), self)  # quotes libvirt's errors
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status, 1)
        self.buttons = QDialogButtonBox(self)
        self.cancel_button: QPushButton = self.buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setToolTip(self.tr(
            "Stop after the copy under way and remove everything the clone created"))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        run.copyStarted.connect(self._copy_started)
        run.copyProgress.connect(self._progress)
        run.copyFinished.connect(self._copy_finished)
        run.defining.connect(lambda: self.status.setText(self.tr("Defining %s…") % plan.name))
        run.undoing.connect(self._undoing)
        run.finished.connect(self._finished)
        self.resize(620, 180 + 34 * len(plan.copies))

    def reject(self) -> None:
        """Cancel while it runs (the dialog stays until the undo is done); Close after."""
        if self.run.running:
            self.cancel()
            return
        super().reject()

    def cancel(self) -> None:
        if not self.run.running or self.run.cancelling:
            return
        self.run.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Cancelling: the copy under way runs to its end (libvirt "
                                    "cannot stop it), then everything the clone created is "
                                    "removed."))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.run.running:
            event.ignore()
            self.cancel()
            return
        super().closeEvent(event)

    # ---- following the run --------------------------------------------------------------------

    def _copy_started(self, index: int) -> None:
        what = self.run.plan.copies[index].what
        self.status.setText(self.tr("Copying %s…") % (self.tr("NVRAM") if what == NVRAM
                                                         else what))
        if not self.run.expected_bytes(index):
            self.bars[index].setRange(0, 0)  # busy: the size is not known
        self.sizes[index].setText(self.tr("copying"))

    def _progress(self, index: int, done: int, total: int) -> None:
        bar = self.bars[index]
        if total > 0:
            bar.setRange(0, _STEPS)
            bar.setValue(min(_STEPS, done * _STEPS // total))
            self.sizes[index].setText(self.tr("%(done)s of %(total)s") % {
                "done": format_bytes(done), "total": format_bytes(total)})
        else:
            self.sizes[index].setText(format_bytes(done))

    def _copy_finished(self, index: int) -> None:
        self.bars[index].setRange(0, _STEPS)
        self.bars[index].setValue(_STEPS)
        self.sizes[index].setText(self.tr("done"))

    def _undoing(self) -> None:
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Removing what the clone created…"))

    def _finished(self, result: CloneResult) -> None:
        if result.outcome is CloneOutcome.DONE:
            self.accept()
            return
        for bar, size in zip(self.bars, self.sizes, strict=True):
            bar.setRange(0, _STEPS)
            bar.setValue(0)
            size.setText(self.tr("removed") if size.text() == self.tr("done")
                         else self.tr("not copied"))
        lines = [self.tr("The clone failed: %s") % result.error
                 if result.outcome is CloneOutcome.FAILED else self.tr("The clone was cancelled.")]
        lines.append(self.tr("Removed what it had created: %s") % ", ".join(result.removed)
                     if result.removed else self.tr("Nothing was created."))
        if result.leftovers:
            lines.append(self.tr("Could not remove: %s") % "; ".join(result.leftovers))
        self.status.setText("\n".join(lines))
        self.buttons.clear()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
