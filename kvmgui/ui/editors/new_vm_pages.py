"""New-VM wizard: the base of its pages, and the first page (name and operating system)."""

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kvmgui.logic.new_vm_plan import NewVmPlan
from kvmgui.logic.osinfo import GENERIC_OS, OsDatabase, OsEntry
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.form_tab import field_matches, translate_problem
from kvmgui.ui.plain_text import plain_label
from kvmgui.core.units import format_bytes
from kvmgui.xml import Problem


class PlanPage(QWizardPage):
    """A wizard page that writes its answers into the plan and shows the problems it owns.

    Signals:
        changed(): an answer changed; the wizard checks the plan again.
    """

    changed = Signal()
    FIELDS: Sequence[str] = ()

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._errors = False
        self.problem_label = plain_label("", self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b3261e;")
        self.problem_label.hide()

    def finish_layout(self, layout: QLayout) -> None:
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
        outer.addStretch(1)
        outer.addWidget(self.problem_label)

    def apply_to(self, plan: NewVmPlan) -> None:
        raise NotImplementedError

    def owns(self, field: str, plan: NewVmPlan) -> bool:
        return any(field_matches(field, prefix) for prefix in self.FIELDS)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.problem_label.setText("\n".join(translate_problem(p) for p in problems))
        self.problem_label.setVisible(bool(problems))
        errors = any(p.severity == "error" for p in problems)
        if errors != self._errors:
            self._errors = errors
            self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._errors


class OsPage(PlanPage):
    FIELDS = ("name",)

    def __init__(self, context: EditorContext, database: OsDatabase,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Name and operating system"))
        self.setSubTitle(self.tr("The operating system sets the recommended memory, vCPUs and "
                                 "disk size."))
        self.database = database
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. web03"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search: debian, ubuntu 22.04, win11, …"))
        self.search.setClearButtonEnabled(True)
        self.include_eol = QCheckBox(self.tr("Show systems past their end of life"), self)
        self.os_list = QListWidget(self)
        self.os_list.setAccessibleName(self.tr("Operating systems"))
        self.recommended = plain_label("", self)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Operating system:"), self.search)
        form.addRow("", self.include_eol)
        form.addRow(self.os_list)
        form.addRow(self.recommended)
        self.finish_layout(form)
        self.search.textChanged.connect(self._fill)
        self.include_eol.toggled.connect(self._fill)
        self.os_list.currentItemChanged.connect(self._os_chosen)
        self.name.textEdited.connect(lambda _t: self.changed.emit())
        self._fill()

    def selected_os(self) -> OsEntry:
        item = self.os_list.currentItem()
        os_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if os_id is None or os_id == GENERIC_OS.id:
            return GENERIC_OS
        return self.database.by_id(str(os_id)) or GENERIC_OS

    def select_os(self, short_id: str) -> bool:
        """Select the entry with this short id (searching for it); False when unknown."""
        entry = self.database.by_short_id(short_id)
        if entry is None:
            return False
        self.include_eol.setChecked(True)
        self.search.setText(entry.name)
        for row in range(self.os_list.count()):
            if self.os_list.item(row).data(Qt.ItemDataRole.UserRole) == entry.id:
                self.os_list.setCurrentRow(row)
        return True

    def apply_to(self, plan: NewVmPlan) -> None:
        plan.name = self.name.text().strip()
        plan.os = self.selected_os()

    def _fill(self) -> None:
        current = self.selected_os().id
        self.os_list.blockSignals(True)  # one _os_chosen at the end, not one per row
        self.os_list.clear()
        entries = [GENERIC_OS, *self.database.search(self.search.text(),
                                                      include_eol=self.include_eol.isChecked())]
        for entry in entries:
            name = self.tr("Generic or unknown OS") if entry.id == GENERIC_OS.id else entry.name
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(", ".join(entry.short_ids))
            self.os_list.addItem(item)
            if entry.id == current:
                self.os_list.setCurrentItem(item)
                self.os_list.scrollToItem(item)
        if self.os_list.currentRow() < 0 or (current == GENERIC_OS.id and
                                              self.search.text().strip()):
            # A search picks its best match; an empty search keeps the generic entry.
            self.os_list.setCurrentRow(1 if self.os_list.count() > 1 and
                                       self.search.text().strip() else 0)
        self.os_list.blockSignals(False)
        self._os_chosen()

    def _os_chosen(self) -> None:
        entry = self.selected_os()
        res = entry.recommended
        self.recommended.setText(self.tr("Recommended: %s memory, %s vCPU(s), %s disk") % (
            format_bytes(res.memory_bytes or 0), res.vcpus, format_bytes(res.disk_bytes or 0)))
        if not self.name.isModified() and entry.id != GENERIC_OS.id:
            self.name.setText(self._free_name(entry.short_id))
        self.changed.emit()

    def _free_name(self, base: str) -> str:
        taken = self.context.domain_names()
        if base not in taken:
            return base
        number = 2
        while f"{base}-{number}" in taken:
            number += 1
        return f"{base}-{number}"
