"""Domain editor, Boot tab: autostart and the boot order.

libvirt has two boot orders that cannot be mixed: ``<os><boot dev=...>`` by device class
(hd, cdrom, network, fd), or ``<boot order=N>`` on individual disks and NICs.  The tab edits
whichever the definition uses (per device when any device carries one).
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kvmgui.ui.editors.form_tab import FormTab, note_label
from kvmgui.xml import Device, Disk, Domain, DomainInterface
from kvmgui.xml.domain import BOOT_DEVICES


class DomainBootTab(FormTab):
    FIELDS = ("boot",)

    def __init__(self, autostart: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.domain: Domain | None = None
        self._devices: list[Device] = []
        self._per_device = False
        self.autostart = QCheckBox(self.tr("Start this virtual machine when the host boots"),
                                   self)
        self.autostart.setChecked(autostart)
        self.order = QListWidget(self)
        self.order.setAccessibleName(self.tr("Boot order"))
        self.up = QPushButton(self.tr("Move &up"), self)
        self.down = QPushButton(self.tr("Move &down"), self)
        self.explain = note_label(self)
        buttons = QVBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.order, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.autostart)
        heading = QLabel(self.tr("Boot &order (checked devices, top first):"), self)
        heading.setBuddy(self.order)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(self.explain)
        self.field_widgets = {"boot": self.order}
        self.autostart.toggled.connect(lambda _on: self.write(lambda: None))
        self.order.itemChanged.connect(lambda _item: self.write(self._store))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))

    def owns(self, field: str) -> bool:
        return super().owns(field) or field.endswith(".boot_order")

    def fill(self, document: Domain) -> None:
        self.domain = document
        self.order.clear()
        self._devices = [d for d in document.devices if isinstance(d, (Disk, DomainInterface))]
        self._per_device = any(d.find_element("boot") is not None for d in document.devices)
        if self._per_device:
            booted = sorted((d for d in self._devices if d.boot_order is not None),
                            key=lambda d: d.boot_order or 0)
            for device in booted + [d for d in self._devices if d.boot_order is None]:
                self._add(self._device_label(device), self._devices.index(device),
                          device.boot_order is not None)
            self.explain.setText(self.tr("This virtual machine boots by device: each checked "
                                         "disk or network card gets its place in the order."))
        else:
            chosen = [d for d in document.boot_devices if d in BOOT_DEVICES]
            for boot_class in chosen + [d for d in BOOT_DEVICES if d not in chosen]:
                self._add(self._class_label(boot_class), boot_class, boot_class in chosen)
            self.explain.setText(self.tr("The firmware tries each checked kind of device in "
                                         "this order."))
        self.order.setCurrentRow(0)

    def _add(self, text: str, data: object, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.order.addItem(item)

    def _class_label(self, device: str) -> str:
        return {"hd": self.tr("Hard disk"), "cdrom": self.tr("CD/DVD-ROM"),
                "network": self.tr("Network (PXE)"), "fd": self.tr("Floppy")}[device]

    def _device_label(self, device: Device) -> str:
        if isinstance(device, Disk):
            return self.tr("Disk %s (%s)") % (device.target_dev or "?", device.source_path or "")
        assert isinstance(device, DomainInterface)
        return self.tr("Network card %s") % (device.mac or device.source_network
                                             or device.source_bridge or "")

    def checked_items(self) -> list[QListWidgetItem]:
        return [self.order.item(row) for row in range(self.order.count())
                if self.order.item(row).checkState() == Qt.CheckState.Checked]

    def _move(self, step: int) -> None:
        row = self.order.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.order.count():
            return
        with self.loading():
            item = self.order.takeItem(row)
            self.order.insertItem(target, item)
            self.order.setCurrentRow(target)
        self.write(self._store)

    def _store(self) -> None:
        assert self.domain is not None
        checked = [item.data(Qt.ItemDataRole.UserRole) for item in self.checked_items()]
        if not self._per_device:
            self.domain.boot_devices = [str(d) for d in checked]
            return
        for position, index in enumerate(checked, start=1):
            self._devices[int(index)].boot_order = position
        for index, device in enumerate(self._devices):
            boot = device.find_element("boot")
            if index not in checked and boot is not None:
                device.remove_element(boot)
