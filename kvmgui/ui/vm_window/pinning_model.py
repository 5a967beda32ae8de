"""The Pinning page's grid as a table: one row per vCPU and one for the emulator threads; the
pinned CPUs as text, where the vCPU ran at the last sample, then one check column per host CPU
(in the grouped order of pinning_rules.cpu_groups).

The model holds the pinning being edited (`wanted`) beside the one it started from (`current`,
the running pins, else the saved ones). An edit the rules refuse (no CPU left, a cpuset that
does not parse) changes nothing and is reported through `refused`.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from kvmgui.logic.pinning_rules import (
    EMULATOR, CpuGroup, CpusetError, HostCpu, HostCpus, PinChange, Pinning, cpu_groups,
    format_cpuset, no_pin_if_all, parse_cpuset, pin_refusal,
)
from kvmgui.stats.placement import VcpuPlacement

Index = QModelIndex | QPersistentModelIndex
RAN_HERE = "●"  # the CPU a vCPU ran on at the last sample


class Column(IntEnum):
    PINNED = 0  # the cpuset, editable as text
    RAN_ON = 1
    FIRST_CPU = 2


class PinningModel(QAbstractTableModel):
    """See the module docstring.

    Signals:
        refused(Message): an edit was refused; nothing changed.
        wantedChanged(): the pinning being edited changed (by the user or a reload).
    """

    refused = Signal(object)
    wantedChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = HostCpus(())
        self._groups: list[CpuGroup] = []
        self._columns: list[HostCpu] = []
        self._current = Pinning(())
        self._wanted = Pinning(())
        self._ran_on: dict[int, int] = {}

    # ---- public ------------------------------------------------------------------------------

    @property
    def host(self) -> HostCpus:
        return self._host

    @property
    def groups(self) -> list[CpuGroup]:
        return self._groups

    @property
    def current(self) -> Pinning:
        return self._current

    @property
    def wanted(self) -> Pinning:
        return self._wanted

    @property
    def dirty(self) -> bool:
        return self._wanted != self._current

    def set_pinning(self, host: HostCpus, current: Pinning, keep_edits: bool = False) -> None:
        """Start from `current`; with `keep_edits` the rows edited so far keep their edits
        (when the domain still has as many vCPUs)."""
        wanted = current
        if keep_edits and len(self._current.vcpus) == len(current.vcpus):
            for row in current.rows:
                if self._wanted.of(row) != self._current.of(row):
                    wanted = wanted.with_pin(row, self._wanted.of(row))
        if (host, current, wanted) == (self._host, self._current, self._wanted):
            return
        self.beginResetModel()
        self._host = host
        self._groups = cpu_groups(host)
        self._columns = [host.cpus[i] for group in self._groups for i in group.cpus]
        self._current = current
        self._wanted = wanted
        self.endResetModel()
        self.wantedChanged.emit()

    def revert(self) -> None:
        self.set_pinning(self._host, self._current)

    def set_placement(self, placement: Sequence[VcpuPlacement]) -> None:
        ran_on = {p.vcpu: p.cpu for p in placement if p.cpu is not None}
        if ran_on == self._ran_on:
            return
        self._ran_on = ran_on
        if self.rowCount():
            self.dataChanged.emit(self.index(0, Column.RAN_ON),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def ran_on(self, vcpu: int) -> int | None:
        """The host CPU vCPU `vcpu` ran on at the last sample."""
        return self._ran_on.get(vcpu)

    def row_of(self, row: int) -> int:
        """The pinning row (a vCPU index or EMULATOR) of table row `row`."""
        return EMULATOR if row == len(self._wanted.vcpus) else row

    def column_of_cpu(self, cpu: int) -> int:
        ids = [c.id for c in self._columns]
        return Column.FIRST_CPU + ids.index(cpu) if cpu in ids else -1

    def cpu_of_column(self, column: int) -> HostCpu | None:
        at = column - Column.FIRST_CPU
        return self._columns[at] if 0 <= at < len(self._columns) else None

    def set_row_pin(self, row: int, cpus: frozenset[int] | None) -> bool:
        """Pin table row `row` to `cpus` (None or every CPU: not pinned), unless the rules
        refuse it (no CPU, a CPU the host does not have)."""
        key = self.row_of(row)
        reason = pin_refusal(self._host, PinChange(key, self._wanted.of(key), cpus),
                             len(self._wanted.vcpus), live=False)
        if reason is not None:
            self.refused.emit(reason)
            return False
        pin = no_pin_if_all(cpus, self._host)
        if pin == self._wanted.of(key):
            return True
        self._wanted = self._wanted.with_pin(key, pin)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
        self.wantedChanged.emit()
        return True

    # ---- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or not self._columns else len(self._wanted.vcpus) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or not self._columns else Column.FIRST_CPU + len(self._columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.PINNED:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() >= Column.FIRST_CPU:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, column = self.row_of(index.row()), index.column()
        pin = self._wanted.of(key)
        if column == Column.PINNED:
            return self._pinned_data(key, pin, role)
        ran_on = self._ran_on.get(key) if key != EMULATOR else None
        if column == Column.RAN_ON:
            if role == Qt.ItemDataRole.DisplayRole:
                return "–" if ran_on is None else str(ran_on)
            if role == Qt.ItemDataRole.ToolTipRole and ran_on is not None:
                return self.tr("vCPU %d ran on CPU %d at the last sample") % (key, ran_on)
            return None
        cpu = self.cpu_of_column(column)
        if cpu is None:
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = pin is None or cpu.id in pin
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return RAN_HERE if ran_on == cpu.id else ""
        if role == Qt.ItemDataRole.BackgroundRole and ran_on == cpu.id:
            return QApplication.palette().color(QPalette.ColorRole.Highlight).lighter(170)
        if role == Qt.ItemDataRole.ForegroundRole and not cpu.online:
            return QApplication.palette().color(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cpu_tooltip(key, cpu, ran_on)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, column = index.row(), index.column()
        pin = self._wanted.of(self.row_of(row))
        if column == Column.PINNED and role == Qt.ItemDataRole.EditRole:
            try:
                cpus = parse_cpuset(str(value))
            except CpusetError as err:
                self.refused.emit(err.message)
                return False
            return self.set_row_pin(row, cpus)
        cpu = self.cpu_of_column(column)
        if cpu is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        chosen = set(self._host.ids if pin is None else pin)
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            chosen.add(cpu.id)
        else:
            chosen.discard(cpu.id)
        return self.set_row_pin(row, frozenset(chosen))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < self.rowCount():
                return None
            key = self.row_of(section)
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Emulator") if key == EMULATOR else self.tr("vCPU %d") % key
            if role == Qt.ItemDataRole.FontRole:
                return self._changed_font(key)
            if role == Qt.ItemDataRole.ToolTipRole and key == EMULATOR:
                return self.tr("QEMU's own threads (I/O, device emulation)")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == Column.PINNED:
                return self.tr("Pinned to")
            if section == Column.RAN_ON:
                return self.tr("Ran on")
            cpu = self.cpu_of_column(section)
            return None if cpu is None else str(cpu.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            cpu = self.cpu_of_column(section)
            return None if cpu is None else self._cpu_tooltip(None, cpu, None)
        return None

    # ---- texts -------------------------------------------------------------------------------

    def _pinned_data(self, key: int, pin: frozenset[int] | None, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("any CPU") if pin is None else format_cpuset(pin)
        if role == Qt.ItemDataRole.EditRole:
            return format_cpuset(self._host.ids if pin is None else pin)
        if role == Qt.ItemDataRole.FontRole:
            return self._changed_font(key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Host CPUs this row may run on, e.g. 0-3,^2 (double-click to type)")
        return None

    def _changed_font(self, key: int) -> QFont | None:
        if self._wanted.of(key) == self._current.of(key):
            return None
        font = QFont()
        font.setBold(True)  # changed, not applied yet
        return font

    def _cpu_tooltip(self, key: int | None, cpu: HostCpu, ran_on: int | None) -> str:
        parts = [self.tr("CPU %d") % cpu.id]
        if cpu.core is not None:
            parts.append(self.tr("core %d") % cpu.core)
        if cpu.socket is not None:
            parts.append(self.tr("socket %d") % cpu.socket)
        if cpu.node is not None:
            parts.append(self.tr("NUMA node %d") % cpu.node)
        text = " · ".join(parts)
        if not cpu.online:
            text += " " + self.tr("(offline)")
        if key is not None and key != EMULATOR and ran_on == cpu.id:
            text += "\n" + self.tr("vCPU %d ran here at the last sample") % key
        return text
