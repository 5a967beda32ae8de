"""Domain editor, Disks tab: the disk list, per-disk bus/cache/format/read-only, add, remove."""

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kvmgui.logic.new_vm_plan import next_target_dev
from kvmgui.ui.editors.domain_add_disk import DISK_BUSES, AddDiskDialog
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.form_tab import FormTab, list_with_details, set_combo_data
from kvmgui.virt.define import NewVolumeRequest
from kvmgui.xml import Disk, Domain
from kvmgui.xml.storage import Volume

CACHE_MODES = ("none", "writeback", "writethrough", "directsync", "unsafe")
FORMATS = ("raw", "qcow2", "vmdk", "vdi", "vpc")
_BUS_PREFIX = {"virtio": "vd", "ide": "hd", "xen": "xvd"}


class DomainDisksTab(FormTab):
    FIELDS = ("disk",)

    def __init__(self, context: EditorContext, new_volumes: Sequence[NewVolumeRequest] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.domain: Domain | None = None
        self._context = context
        self._volumes = {(r.pool, Volume.from_xml(r.xml).name or ""): r for r in new_volumes}
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Target"), self.tr("Device"),
                                              self.tr("Bus"), self.tr("Source"),
                                              self.tr("Format")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("&Add disk…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.details = QGroupBox(self.tr("Selected disk"), self)
        self.bus = QComboBox(self)
        for bus in DISK_BUSES:
            self.bus.addItem(bus, bus)
        self.cache = QComboBox(self)
        self.cache.addItem(self.tr("Hypervisor default"), None)
        for mode in CACHE_MODES:
            self.cache.addItem(mode, mode)
        self.format = QComboBox(self)
        self.format.setEditable(True)
        self.format.addItems(list(FORMATS))
        self.readonly = QCheckBox(self.tr("Read-only"), self)
        form = QFormLayout(self.details)
        form.addRow(self.tr("&Bus:"), self.bus)
        form.addRow(self.tr("&Cache:"), self.cache)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow("", self.readonly)
        list_with_details(self, self.table, self.add_button, self.remove_button, self.details)
        self.field_widgets = {"disk": self.table}

        self.table.itemSelectionChanged.connect(self._show_selected)
        self.add_button.clicked.connect(self._ask_add)
        self.remove_button.clicked.connect(lambda: self.write(self._remove_selected))
        self.bus.currentIndexChanged.connect(lambda _i: self.write(self._set_bus))
        self.cache.currentIndexChanged.connect(lambda _i: self.write(self._set_cache))
        self.format.currentTextChanged.connect(lambda _t: self.write(self._set_format))
        self.readonly.toggled.connect(lambda on: self.write(lambda: self._set_readonly(on)))

    def owns(self, field: str) -> bool:
        return super().owns(field) and not field.endswith(".boot_order")

    # ---- document → widgets ---------------------------------------------------------------

    def fill(self, document: Domain) -> None:
        self.domain = document
        row = max(self.table.currentRow(), 0)
        self.table.setRowCount(0)
        for disk in document.disks:
            index = self.table.rowCount()
            self.table.insertRow(index)
            source = disk.source_path or ""
            if (disk.source_pool or "", disk.source_volume or "") in self._volumes:
                source += " " + self.tr("(new)")
            values = (disk.target_dev, disk.device, disk.target_bus, source, disk.driver_type)
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value or ""))
        self.table.resizeColumnsToContents()
        if self.table.rowCount():
            self.table.selectRow(min(row, self.table.rowCount() - 1))
        self._show_selected()

    def selected(self) -> Disk | None:
        row = self.table.currentRow()
        disks = self.domain.disks if self.domain is not None else []
        return disks[row] if 0 <= row < len(disks) else None

    def _show_selected(self) -> None:
        disk = self.selected()
        self.details.setEnabled(disk is not None)
        self.remove_button.setEnabled(disk is not None)
        if disk is None:
            return
        with self.loading():
            set_combo_data(self.bus, disk.target_bus, add_text=disk.target_bus)
            set_combo_data(self.cache, disk.driver_cache, add_text=disk.driver_cache)
            self.format.setEditText(disk.driver_type or "")
            self.readonly.setChecked(disk.readonly)

    # ---- widgets → document ---------------------------------------------------------------

    def _set_bus(self) -> None:
        disk = self.selected()
        assert disk is not None and self.domain is not None
        bus = str(self.bus.currentData())
        disk.target_bus = bus
        target = disk.target_dev or ""
        if not target.startswith(_BUS_PREFIX.get(bus, "sd")):
            others = [d.target_dev or "" for d in self.domain.disks if d != disk]
            disk.target_dev = next_target_dev(bus, others)
        address = disk.find_element("address")
        if address is not None:  # an address of the old bus would not fit the new one
            disk.remove_element(address)
        self._refresh_row(disk)

    def _set_cache(self) -> None:
        disk = self.selected()
        assert disk is not None
        disk.driver_cache = self.cache.currentData()
        if disk.driver_cache and not disk.driver_name:
            disk.driver_name = "qemu"

    def _set_format(self) -> None:
        disk = self.selected()
        assert disk is not None
        fmt = self.format.currentText().strip() or None
        disk.driver_type = fmt
        if fmt and not disk.driver_name:
            disk.driver_name = "qemu"
        self._refresh_row(disk)

    def _set_readonly(self, on: bool) -> None:
        disk = self.selected()
        assert disk is not None
        disk.readonly = on

    def _remove_selected(self) -> None:
        disk = self.selected()
        assert disk is not None and self.domain is not None
        self._volumes.pop((disk.source_pool or "", disk.source_volume or ""), None)
        self.domain.remove_device(disk)
        self.fill(self.domain)

    def _refresh_row(self, disk: Disk) -> None:
        row = self.table.currentRow()
        for column, value in ((0, disk.target_dev), (2, disk.target_bus), (4, disk.driver_type)):
            self.table.setItem(row, column, QTableWidgetItem(value or ""))

    def _ask_add(self) -> None:
        assert self.domain is not None
        used = [d.target_dev or "" for d in self.domain.disks]
        dialog = AddDiskDialog(self._context, self.domain.name or "disk", used, self)
        dialog.accepted.connect(lambda: self.write(lambda: self._add(dialog)))
        dialog.open()

    def _add(self, dialog: AddDiskDialog) -> None:
        assert self.domain is not None
        spec = dialog.spec()
        if spec.volume is not None:
            name = spec.disk.source_volume or ""
            self._volumes[(spec.volume.pool, name)] = spec.volume
        self.domain.add_device(spec.disk)
        self.fill(self.domain)
        self.table.selectRow(self.table.rowCount() - 1)

    # ---- for the editor -------------------------------------------------------------------

    def pending_volumes(self) -> tuple[NewVolumeRequest, ...]:
        """Volumes to create: those some disk of the document still refers to."""
        if self.domain is None:
            return ()
        wanted = {(d.source_pool or "", d.source_volume or "") for d in self.domain.disks
                  if d.type == "volume"}
        return tuple(r for key, r in self._volumes.items() if key in wanted)
