"""The clone dialog's disk table: per disk Clone / Share / Skip, and for a copy its pool and name.

A copy's name follows the plan (it changes with the clone's name) until the user types one.
"""

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from kvmgui.core.snapshots import PoolInfo
from kvmgui.core.units import format_bytes
from kvmgui.logic.clone_plan import ClonePlan, DiskChoice, DiskPolicy, SourceDisk
from kvmgui.ui.i18n import TranslationContext
from kvmgui.ui.plain_text import plain_label, plain_tooltip


class CloneDiskRow(TranslationContext):
    """The widgets of one disk (the class is their translation context)."""

    def __init__(self, disk: SourceDisk, pools: Sequence[PoolInfo], grid: QGridLayout,
                 row: int, parent: QWidget) -> None:
        self.disk = disk
        self.target = plain_label(disk.target or "?", parent)
        source = disk.source or self.tr("(empty drive)")
        if disk.volume is not None:
            source += f"  ({format_bytes(disk.volume.capacity)})"
        self.source = plain_label(source, parent)
        self.source.setToolTip(plain_tooltip(disk.source))
        self.policy = QComboBox(parent)
        texts = {DiskPolicy.CLONE: self.tr("Clone"), DiskPolicy.SHARE: self.tr("Share"),
                 DiskPolicy.SKIP: self.tr("Skip")}
        for policy in DiskPolicy:
            if policy is DiskPolicy.CLONE and not disk.copyable:
                continue
            self.policy.addItem(texts[policy], policy.value)  # Qt keeps a StrEnum as a str
        self.policy.setCurrentIndex(self.policy.findData(disk.default_policy.value))
        self.policy.setAccessibleName(self.tr("What the clone does with %s") % disk.target)
        self.pool = QComboBox(parent)
        self.pool.setAccessibleName(self.tr("Storage pool of the copy of %s") % disk.target)
        here = disk.pool.name if disk.pool is not None else ""
        if disk.in_folder:
            self.pool.addItem(self.tr("Same folder"), "")
        for pool in pools:
            if pool.active:
                self.pool.addItem(pool.name, pool.name)
        self.pool.setCurrentIndex(max(0, self.pool.findData(here)))
        self.name = QLineEdit(parent)
        self.name.setAccessibleName(self.tr("Name of the copy of %s") % disk.target)
        self.edited = False  # the user typed a name: it no longer follows the plan
        self.name.textEdited.connect(self._typed)
        for column, widget in enumerate((self.target, self.source, self.policy, self.pool,
                                         self.name)):
            grid.addWidget(widget, row, column)
        self._follow_policy()
        self.policy.currentIndexChanged.connect(lambda _i: self._follow_policy())

    def policy_chosen(self) -> DiskPolicy:
        return DiskPolicy(self.policy.currentData())

    def choice(self) -> DiskChoice:
        policy = self.policy_chosen()
        if policy is not DiskPolicy.CLONE:
            return DiskChoice(policy)
        return DiskChoice(policy, str(self.pool.currentData() or ""),
                          self.name.text().strip() if self.edited else "")

    def show_plan(self, plan: ClonePlan) -> None:
        """The planned copy's name, unless the user typed one."""
        if self.edited:
            return
        copy = next((c for c in plan.copies if c.what == self.disk.target), None)
        self.name.setText(copy.name if copy is not None else "")

    def _typed(self, _text: str) -> None:
        self.edited = True

    def _follow_policy(self) -> None:
        cloning = self.policy_chosen() is DiskPolicy.CLONE
        self.pool.setEnabled(cloning)
        self.name.setEnabled(cloning)
        if not cloning and not self.edited:
            self.name.clear()


class CloneDisks(QWidget):
    """One row per disk of the source (see the module docstring).

    Signals:
        changed(): a choice, pool or name was changed.
    """

    changed = Signal()

    def __init__(self, disks: Sequence[SourceDisk], pools: Sequence[PoolInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        headers = (self.tr("Disk"), self.tr("Now on"), self.tr("In the clone"),
                   self.tr("Copy to pool"), self.tr("Copy's name"))
        for column, text in enumerate(headers):
            label = QLabel(text, self)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            grid.addWidget(label, 0, column)
        self.rows = [CloneDiskRow(disk, pools, grid, row, self)
                     for row, disk in enumerate(disks, start=1)]
        if not self.rows:
            grid.addWidget(QLabel(self.tr("No disks: only the definition is copied."), self),
                           1, 0, 1, len(headers))
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(4, 2)
        grid.setRowStretch(len(self.rows) + 2, 1)  # rows at the top, not spread out
        for row in self.rows:
            row.policy.currentIndexChanged.connect(lambda _i: self.changed.emit())
            row.pool.currentIndexChanged.connect(lambda _i: self.changed.emit())
            row.name.textEdited.connect(lambda _t: self.changed.emit())

    def choices(self) -> dict[int, DiskChoice]:
        return {row.disk.index: row.choice() for row in self.rows}

    def row(self, target: str) -> CloneDiskRow:
        """The row of the disk with this target (vda, ...)."""
        return next(r for r in self.rows if r.disk.target == target)

    def show_plan(self, plan: ClonePlan) -> None:
        for row in self.rows:
            row.show_plan(plan)
