"""Clone a domain: the clone's name, what happens to each disk, then a review of the new
definition (a diff against the original) and of every copy before anything is made.

The plan comes from kvmgui.logic.clone_plan on every change; errors (a name taken, a copy's
name taken) keep the Review button off, warnings (a writable disk shared, a pool that may run
out of space) are shown and asked about in the review. Accepted, ``plan`` is what to run.
"""

import random
import uuid as uuidlib
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPushButton, QScrollArea, QVBoxLayout,
    QWidget,
)

from kvmgui.core.snapshots import DomainInfo, PoolInfo
from kvmgui.core.units import format_bytes
from kvmgui.logic.clone_plan import (
    NVRAM, ClonePlan, default_clone_name, plan_clone, source_disks,
)
from kvmgui.ui.dialogs.clone_disks import CloneDisks
from kvmgui.ui.editors.diff_dialog import DiffDialog, change_diff
from kvmgui.ui.editors.form_tab import translate_problem
from kvmgui.ui.editors.problems_panel import ProblemsPanel
from kvmgui.ui.plain_text import plain_label


class CloneDialog(QDialog):
    """Asks how to clone `source` (whose inactive definition is `source_xml`); `pools` and
    `domains` are the connection's. After ``accepted``, ``plan`` holds the reviewed plan.

    Raises ValueError (or XmlSyntaxError) when `source_xml` does not parse."""

    def __init__(self, source: DomainInfo, source_xml: str, pools: Sequence[PoolInfo],
                 domains: Sequence[DomainInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Clone %s") % source.name)
        self.source = source
        self.source_xml = source_xml
        self._pools = list(pools)
        self._domains = list(domains)
        self._uuid = str(uuidlib.uuid4())  # the same clone UUID and MACs on every re-plan
        self._seed = random.getrandbits(64)
        self.review: DiffDialog | None = None
        disks = source_disks(source_xml, self._pools)

        layout = QVBoxLayout(self)
        intro = plain_label(self.tr("A copy of %s with its own name, UUID and MAC addresses. "
                                    "Choose what the clone does with each disk.") % source.name,
                            self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(default_clone_name(source.name, {d.name for d in self._domains}),
                              self)
        self.name.setAccessibleName(self.tr("Name of the clone"))
        form.addRow(self.tr("&Name:"), self.name)
        layout.addLayout(form)
        self.disks = CloneDisks(disks, self._pools, self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.disks)
        layout.addWidget(scroll, 1)
        self.notes = plain_label("", self)
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        self.problems = ProblemsPanel(self)
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.review_button: QPushButton = self.buttons.addButton(
            self.tr("&Review…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.review_button.setDefault(True)
        self.review_button.clicked.connect(self.open_review)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.plan = self._make_plan()
        self._show_plan()
        self.name.textChanged.connect(self.replan)
        self.disks.changed.connect(self.replan)
        self.resize(820, 260 + 36 * len(disks))

    def replan(self) -> None:
        self.plan = self._make_plan()
        self._show_plan()

    def open_review(self) -> None:
        """Show the new definition as a diff and every copy; accepting it accepts the dialog."""
        self.replan()
        if self.plan.blocked:
            return
        plan = self.plan
        warnings = [translate_problem(p) for p in plan.problems if p.severity == "warning"]
        self.review = DiffDialog(
            self.tr("Clone %s") % plan.source_name,
            self.tr("%(source)s is cloned as %(name)s: the changes to its definition, and what "
                    "is copied.") % {"source": plan.source_name, "name": plan.name},
            change_diff(self.source_xml, plan.xml, old_label=plan.source_name,
                        new_label=plan.name),
            accept_text=self.tr("Clone"), extra=self.summary(plan), warnings=warnings,
            parent=self)
        self.review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.review.accepted.connect(self.accept)
        self.review.open()

    def summary(self, plan: ClonePlan) -> list[str]:
        """What the clone does, line by line, for the review."""
        lines = []
        for copy in plan.copies:
            size = (self.tr(", up to %s") % format_bytes(copy.expected_bytes)
                    if copy.expected_bytes else "")
            what = self.tr("NVRAM") if copy.what == NVRAM else copy.what
            lines.append(self.tr("Copy %(what)s to %(where)s (%(format)s, sparse%(size)s)") % {
                "what": what, "where": copy.where, "size": size,
                "format": copy.format or self.tr("the pool's format")})
        lines += [self.tr("Share %s with the original") % target for target in plan.shared]
        lines += [self.tr("Leave out %s") % target for target in plan.skipped]
        lines.append(self.tr("New UUID: %s") % plan.uuid)
        lines += [self.tr("New MAC address: %(old)s → %(new)s") % {"old": old, "new": new}
                  for old, new in plan.macs]
        lines.append(self.tr("Not cloned: snapshots and saved memory state."))
        return lines

    def _make_plan(self) -> ClonePlan:
        return plan_clone(self.source_xml, self.name.text().strip(), self.disks.choices(),
                          self._pools, self._domains, uuid=self._uuid,
                          rng=random.Random(self._seed), source_paused=self.source.active)

    def _show_plan(self) -> None:
        plan = self.plan
        self.disks.show_plan(plan)
        self.problems.set_problems(plan.problems, self._where)
        self.review_button.setEnabled(not plan.blocked)
        notes = [self.tr("The clone gets a new UUID and new MAC addresses.")]
        nvram = next((c for c in plan.copies if c.what == NVRAM), None)
        if nvram is not None:
            notes.append(self.tr("Its UEFI variables (NVRAM) are copied to %s.") % nvram.where)
        if self.source.active:
            notes.append(self.tr("%s is paused: its raw disks are copied as they are now; its "
                                 "memory is not.") % self.source.name)
        self.notes.setText(" ".join(notes))

    def _where(self, field: str) -> str:
        if field == "name":
            return self.tr("Name")
        if field.startswith("disk["):
            index = int(field[5:field.index("]")])
            row = next((r for r in self.disks.rows if r.disk.index == index), None)
            target = row.disk.target if row is not None else "?"
            return self.tr("%s name") % target if field.endswith(".name") else target
        return {"space": self.tr("Space"), "graphics": self.tr("Display"),
                NVRAM: self.tr("NVRAM")}.get(field, field)
