"""The Pinning page of the VM window: a grid of the domain's vCPUs (and its emulator threads)
× the host's CPUs, grouped by NUMA node and socket, showing where each vCPU ran at the last
sample and letting the user pin them, live and/or in the definition.

The pins are read on the connection's worker when the page is built, when the domain starts or
stops, and after each apply (libvirt sends no event for pins). Where the vCPUs run comes from
the connection's stats sampler, watched only while the page is on screen. Applying plans with
kvmgui.logic.pinning_rules first: a refusal is said here and nothing is asked of libvirt.
"""

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)
from shiboken6 import isValid

from kvmgui.core.snapshots import DomainInfo
from kvmgui.logic.pinning_rules import PinningFacts, changes, cpus_text, plan, row_name
from kvmgui.ui.i18n import translate_message
from kvmgui.ui.plain_text import plain_label
from kvmgui.ui.vm_window.pages import PageContext
from kvmgui.ui.vm_window.pinning_apply import PinningApply
from kvmgui.ui.vm_window.pinning_header import Band, GroupedHeader
from kvmgui.ui.vm_window.pinning_model import Column, PinningModel
from kvmgui.virt.errors import error_text
from kvmgui.virt.pinning_jobs import PinningState, read_pinning
from kvmgui.virt.sampler import StatsSampler

CPU_COLUMN_WIDTH = 34
ERROR_STYLE = "color: #d64545"


class PinningPage(QWidget):
    """See the module docstring.

    Signals:
        loaded(): the pins were read (again) and are on show.
        finished(bool, str): an apply ended (True: applied) with the text now shown.
    """

    loaded = Signal()
    finished = Signal(bool, str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._connection = context.connection
        self._uuid = context.uuid
        self._samplers = context.samplers
        self._sampler: StatsSampler | None = None
        self._facts: PinningFacts | None = None
        self._shape: tuple[bool, bool, int] | None = None  # active, persistent, vCPUs
        self._reading = False
        self._read_again = False
        self.flow: PinningApply | None = None

        self.model = PinningModel(self)
        self.intro = plain_label(self.tr(
            "Tick the host CPUs each vCPU and the emulator threads may run on; all ticked is "
            "no pin. %s marks the CPU a vCPU ran on at the last sample.") % "●", self)
        self.intro.setWordWrap(True)
        self.source = plain_label("", self)
        self.source.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setHorizontalHeader(GroupedHeader(self._bands, self.table))
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.horizontalHeader().setMinimumSectionSize(CPU_COLUMN_WIDTH)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.live_box = QCheckBox(self.tr("Apply to the running virtual machine now"), self)
        self.config_box = QCheckBox(self.tr("Save in its definition"), self)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.apply_button = QPushButton(self.tr("Apply…"), self)
        self.message = plain_label("", self)
        self.message.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.live_box)
        buttons.addWidget(self.config_box)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.source)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.model.refused.connect(lambda message: self._say(translate_message(message), True))
        self.model.wantedChanged.connect(self._update)
        self.model.modelReset.connect(self._resize_columns)
        self.revert_button.clicked.connect(self.model.revert)
        self.apply_button.clicked.connect(self.apply)
        self.live_box.toggled.connect(self._update)
        self.config_box.toggled.connect(self._update)
        self._update()

    # ---- VmPage ------------------------------------------------------------------------------

    def set_domain(self, domain: DomainInfo) -> None:
        shape = (domain.active, domain.persistent, domain.vcpus)
        if shape != self._shape:
            self._shape = shape
            self.reload()
            self._follow_placement()

    def close_page(self) -> None:
        self._watch(False)

    # ---- public ------------------------------------------------------------------------------

    @property
    def facts(self) -> PinningFacts | None:
        return self._facts

    def reload(self) -> None:
        """Read the pins again; edits not applied yet stay."""
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        self._connection.run(read_pinning(self._uuid), self._read, self._read_failed)

    def apply(self) -> None:
        """Plan the edits; a refusal is said here, anything else is shown before it is done."""
        facts = self._facts
        if facts is None or self.flow is not None:
            return
        live, config = self._targets()
        planned = plan(facts, self.model.wanted, live, config)
        if planned.refusal is not None:
            self._say(translate_message(planned.refusal), True)
            return
        if planned.empty:
            self._say(self.tr("Nothing to apply: the pins are like this already."))
            return
        self.flow = PinningApply(self, self._connection, self._uuid, facts, planned,
                                 self.model.wanted, live, config)
        self.flow.finished.connect(self._applied)
        self.flow.start()

    # ---- reading -----------------------------------------------------------------------------

    def _read(self, state: PinningState) -> None:
        if not isValid(self):
            return
        self._reading = False
        if self._read_again:
            self._read_again = False
            self.reload()
            return
        facts = state.facts
        self._facts = facts
        self.model.set_pinning(facts.host, facts.current, keep_edits=True)
        if state.placement:  # until the sampler's next tick
            self.model.set_placement(state.placement)
        self.live_box.setEnabled(facts.active)
        self.live_box.setChecked(facts.active)
        self.config_box.setEnabled(facts.persistent)
        self.config_box.setChecked(facts.persistent)
        self.source.setText(self._source_text(facts))
        self._update()
        self.loaded.emit()

    def _read_failed(self, exc: Exception) -> None:
        if not isValid(self):
            return
        self._reading = False
        self._say(self.tr("Could not read the pins: %s") % error_text(exc), True)

    def _source_text(self, facts: PinningFacts) -> str:
        lines = [self.tr("Showing the pins of the running virtual machine.") if facts.active
                 else self.tr("Showing the pins saved in the definition (it is not running).")]
        if facts.live is not None and facts.saved is not None:
            for change in changes(facts.live, facts.saved):
                lines.append(self.tr("%s: %s from its next start (saved)") % (
                    translate_message(row_name(change.row)),
                    translate_message(cpus_text(change.new))))
        lines += [translate_message(note) for note in facts.notes]
        return "\n".join(lines)

    # ---- applying ----------------------------------------------------------------------------

    def _targets(self) -> tuple[bool, bool]:
        return (self.live_box.isEnabled() and self.live_box.isChecked(),
                self.config_box.isEnabled() and self.config_box.isChecked())

    def _applied(self, ok: bool, text: str) -> None:
        self.flow = None
        if ok:
            self.model.revert()  # the edits are the host's pins now, as the reading will show
        if text:  # applied, refused or failed (edits kept to fix): show what the host says now
            self._say(text, not ok)
            self.reload()
        self._update()
        self.finished.emit(ok, text)

    def _update(self) -> None:
        ready = self._facts is not None and self.flow is None
        live, config = self._targets()
        self.apply_button.setEnabled(ready and (live or config))
        self.revert_button.setEnabled(ready and self.model.dirty)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    # ---- placement ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._follow_placement()

    def hideEvent(self, event: QHideEvent) -> None:
        self._watch(False)
        super().hideEvent(event)

    def _follow_placement(self) -> None:
        self._watch(self.isVisible() and self._shape is not None and self._shape[0])

    def _watch(self, on: bool) -> None:
        if on and self._sampler is None:
            self._sampler = self._samplers(self._connection.uri)
            if self._sampler is not None:
                self._sampler.sampled.connect(self._sampled)
                self._sampler.watch(self._uuid)
        elif not on and self._sampler is not None:
            if isValid(self._sampler):  # gone with its connection
                self._sampler.sampled.disconnect(self._sampled)
                self._sampler.unwatch(self._uuid)
            self._sampler = None

    def _sampled(self, uuids: frozenset[str]) -> None:
        if self._sampler is not None and self._uuid in uuids:
            self.model.set_placement(self._sampler.placement(self._uuid))

    def _bands(self) -> list[Band]:
        bands = []
        for group in self.model.groups:
            first = self.model.column_of_cpu(group.cpus[0])
            last = self.model.column_of_cpu(group.cpus[-1])
            if group.node is None:
                title = self.tr("CPUs")
            elif group.socket is None:
                title = self.tr("NUMA node %d") % group.node
            else:
                title = self.tr("NUMA node %1 · socket %2").replace(
                    "%1", str(group.node)).replace("%2", str(group.socket))
            bands.append((first, last, title))
        return bands

    def _resize_columns(self) -> None:
        self.table.resizeColumnToContents(Column.PINNED)
        self.table.resizeColumnToContents(Column.RAN_ON)
        for column in range(Column.FIRST_CPU, self.model.columnCount()):
            self.table.setColumnWidth(column, CPU_COLUMN_WIDTH)
