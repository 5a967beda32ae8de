"""The Hardware page: the guest's devices in groups (disks, CD-ROMs, NICs, ...), the chosen
device's settings and XML, and Add hardware…, Remove, Insert media…, Eject.

The definition and, while the guest runs, its live XML are read on the connection's worker
(on first show, after each change of the domain, after each change made here). A running
guest's devices that differ from its definition say so ("From the next boot"). Every change
shows its diff and what it does first; see hardware_apply.py.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kvmgui.core.snapshots import DomainInfo
from kvmgui.logic.hardware_rules import (
    GuestState,
    HardwareKind,
    ListedDevice,
    list_devices,
    plan_media,
    plan_remove,
)
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.xml_tab import monospace_editor
from kvmgui.ui.errors import show_information
from kvmgui.ui.i18n import translate_message
from kvmgui.ui.plain_text import plain_label
from kvmgui.ui.vm_window.hardware_add_dialog import AddHardwareDialog
from kvmgui.ui.vm_window.hardware_apply import (
    DeviceChangeFlow,
    PlannedChange,
    plan_addition,
    plan_media_change,
    plan_removal,
)
from kvmgui.ui.vm_window.hardware_form import FormContext
from kvmgui.ui.vm_window.hardware_media_dialog import InsertMediaDialog
from kvmgui.ui.vm_window.hardware_model import HardwareModel
from kvmgui.ui.vm_window.hardware_texts import describe, kind_name, row_title
from kvmgui.ui.vm_window.pages import PageContext
from kvmgui.virt.device_jobs import HardwareSource, read_hardware
from kvmgui.virt.errors import error_text
from kvmgui.xml import Disk, Domain, XmlSyntaxError, pretty_xml
from kvmgui.xml.device_storage import has_media

MEDIA_KINDS = (HardwareKind.CDROM, HardwareKind.FLOPPY)


class HardwarePage(QWidget):
    """The devices of domain ``context.uuid``.

    Signals:
        loaded(): the devices were read and listed.
        changeFinished(bool): a change was made (True), or cancelled or refused (False).
    """

    loaded = Signal()
    changeFinished = Signal(bool)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._connection = context.connection
        self.source: HardwareSource | None = None
        self._seen: tuple[object, str] | None = None  # (state, XML) last read for
        self._loading = False
        self._again = False
        self.flow: DeviceChangeFlow | None = None
        self.devices = HardwareModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.devices)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.title = plain_label("", self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.settings = plain_label("", self)
        self.settings.setWordWrap(True)
        self.xml = monospace_editor(self, read_only=True)
        self.status = plain_label(self.tr("Reading the devices…"), self)
        self.status.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add hardware…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.insert_button = QPushButton(self.tr("&Insert media…"), self)
        self.eject_button = QPushButton(self.tr("&Eject"), self)
        self.add_button.clicked.connect(lambda: self.add_hardware())
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.insert_button.clicked.connect(lambda: self.insert_media())
        self.eject_button.clicked.connect(lambda: self.eject_media())
        self._layout()
        self._update_buttons()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.insert_button,
                       self.eject_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.status)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.settings)
        right_layout.addWidget(self.xml, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([620, 420])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # ---- the page protocol ----------------------------------------------------------------

    def set_domain(self, domain: DomainInfo) -> None:
        seen = (domain.state, domain.xml)
        if seen != self._seen:
            self._seen = seen
            if self.isVisible():
                self.reload()
            else:
                self.source = None  # read again when shown

    def close_page(self) -> None:
        self._again = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.source is None:
            self.reload()

    # ---- reading --------------------------------------------------------------------------

    def reload(self) -> None:
        if self._loading:
            self._again = True  # one more read once this one is in
            return
        self._loading = True
        self._connection.run(read_hardware(self._context.uuid), self._read, self._failed)

    def _read(self, source: HardwareSource) -> None:
        if not isValid(self):
            return
        self._loading = False
        if self._again:
            self._again = False
            self.reload()
            return
        try:
            config = Domain.from_xml(source.config_xml) if source.config_xml else None
            live = Domain.from_xml(source.live_xml) if source.live_xml else None
        except (XmlSyntaxError, ValueError) as exc:
            self._failed(exc)
            return
        self.source = source
        selected = self.selected()
        self.devices.set_devices(list_devices(config, live))
        self.tree.expandAll()
        for column in range(2):
            self.tree.resizeColumnToContents(column)
        if selected is None or not self.select(selected.key):
            first = self.devices.index(0, 0, self.devices.index(0, 0))
            if first.isValid():  # something to show beside the list from the start
                self.tree.setCurrentIndex(first)
        self.status.setText("")
        self.status.hide()
        self._update_buttons()
        self.loaded.emit()

    def _failed(self, exc: Exception) -> None:
        if not isValid(self):
            return
        self._loading = False
        self.status.setText(self.tr("Cannot read the devices: %s") % error_text(exc))
        self.status.show()
        self._update_buttons()

    # ---- selection ------------------------------------------------------------------------

    def selected(self) -> ListedDevice | None:
        indexes = self.tree.selectionModel().selectedRows()
        return self.devices.listed(indexes[0]) if indexes else None

    def select(self, key: str) -> bool:
        index = self.devices.index_of(key)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        return index.isValid()

    def guest(self) -> GuestState | None:
        source = self.source
        if source is None:
            return None
        return GuestState(source.active, source.persistent, source.driver)

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        row = self.selected()
        self.title.setText(row_title(row) if row is not None else "")
        self.settings.setText(describe(row.shown) if row is not None else "")
        self.xml.setPlainText(pretty_xml(row.shown.element) if row is not None else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected()
        busy = self.source is None or (self.flow is not None and isValid(self.flow))
        self.add_button.setEnabled(not busy)
        self.remove_button.setEnabled(not busy and row is not None)
        media = row is not None and row.kind in MEDIA_KINDS
        filled = media and row is not None and has_media(Disk(row.shown.element))
        self.insert_button.setVisible(media)
        self.eject_button.setVisible(media)
        self.insert_button.setEnabled(not busy and media)
        self.eject_button.setEnabled(not busy and filled)

    # ---- changes --------------------------------------------------------------------------

    def add_hardware(self) -> AddHardwareDialog | None:
        source, guest = self.source, self.guest()
        domain_xml = source.config_xml or source.live_xml if source is not None else None
        if source is None or guest is None or domain_xml is None:
            return None
        editor = EditorContext.of(self._context.model, self._connection.uri)
        dialog = AddHardwareDialog(FormContext(self._connection, editor),
                                   Domain.from_xml(domain_xml), guest, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            device, plan = dialog.device(), dialog.plan()
            if device is None or plan is None:
                return
            form = dialog.form
            self._start(plan_addition(self._context.uuid, source, device, plan,
                                      new_volume=form.new_volume(),
                                      edit_domain=form.edit_domain),
                        self.tr("Add %s") % kind_name(form.kind))

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def remove_selected(self) -> DeviceChangeFlow | None:
        row, source, guest = self.selected(), self.source, self.guest()
        if row is None or source is None or guest is None:
            return None
        domain_xml = source.config_xml if source.config_xml else source.live_xml
        plan = plan_remove(row.device, Domain.from_xml(domain_xml or ""), guest, row.presence)
        title = self.tr("Remove %s") % row_title(row)
        if plan.refused is not None:
            show_information(self, title, translate_message(plan.refused))
            return None
        return self._start(plan_removal(self._context.uuid, source, row, plan), title)

    def insert_media(self) -> InsertMediaDialog | None:
        row = self.selected()
        if row is None or row.kind not in MEDIA_KINDS:
            return None
        editor = EditorContext.of(self._context.model, self._connection.uri)
        dialog = InsertMediaDialog(editor, row_title(row), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.change_media(row, dialog.path()))
        dialog.open()
        return dialog

    def eject_media(self) -> DeviceChangeFlow | None:
        row = self.selected()
        return self.change_media(row, None) if row is not None else None

    def change_media(self, row: ListedDevice, path: str | None) -> DeviceChangeFlow | None:
        source, guest = self.source, self.guest()
        if source is None or guest is None:
            return None
        plan = plan_media(row.device, guest, row.presence)
        title = (self.tr("Insert media into %s") if path else self.tr("Eject %s")) \
            % row_title(row)
        if plan.refused is not None:
            show_information(self, title, translate_message(plan.refused))
            return None
        return self._start(plan_media_change(self._context.uuid, source, row, path, plan),
                           title)

    def _start(self, planned: PlannedChange, title: str) -> DeviceChangeFlow:
        flow = DeviceChangeFlow(self, self._connection, planned, title)
        self.flow = flow
        flow.finished.connect(lambda applied: self._finished(flow, applied))
        flow.start()
        self._update_buttons()
        return flow

    def _finished(self, flow: DeviceChangeFlow, applied: bool) -> None:
        if not isValid(self):
            return
        if self.flow is flow:
            self.flow = None
        flow.deleteLater()
        self._connection.refresh_object("domain", self._context.uuid)
        self.reload()  # also after a refusal or a conflict: show what is there now
        self._update_buttons()
        self.changeFinished.emit(applied)
