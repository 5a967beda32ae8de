"""Making a device change: what it does to the definition (the diff, shown first), then the
job on the connection's action worker, then how it went.

    planned = plan_addition(uuid, source, device, plan)
    flow = DeviceChangeFlow(page, connection, planned)
    flow.finished.connect(...)   # True: libvirt made the change
    flow.start()                 # the diff and what will happen; Cancel changes nothing
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from kvmgui.logic.hardware_rules import ListedDevice, Plan
from kvmgui.ui.editors.diff_dialog import DiffDialog, change_diff
from kvmgui.ui.errors import show_error, show_warning
from kvmgui.ui.vm_window.hardware_texts import plan_text
from kvmgui.virt.connection import Connection
from kvmgui.virt.define import DefineConflict, NewVolumeRequest
from kvmgui.virt.device_jobs import DeviceChange, HardwareSource, Operation, apply_device_change
from kvmgui.virt.errors import error_text
from kvmgui.xml import CharDevice, Device, Domain
from kvmgui.xml.device_char import consoles_of_serial
from kvmgui.xml.device_identity import device_keys
from kvmgui.xml.device_storage import with_media
from kvmgui.xml.devices import Disk

DomainEdit = Callable[[Domain], None]


@dataclass(frozen=True)
class PlannedChange:
    """A change ready to show and make: the job's input, the diff and what it does."""

    change: DeviceChange
    diff: str
    action: str  # "add", "remove", "media"
    plan: Plan


def plan_addition(uuid: str, source: HardwareSource, device: Device, plan: Plan, *,
                  new_volume: NewVolumeRequest | None = None,
                  edit_domain: DomainEdit | None = None) -> PlannedChange:
    device_xml = device.to_xml()

    def add(domain: Domain) -> None:
        domain.add_device(Device.from_xml(device_xml))
        if edit_domain is not None:
            edit_domain(domain)

    return _planned(uuid, source, plan, "attach", device_xml, add, new_volume)


def plan_removal(uuid: str, source: HardwareSource, row: ListedDevice,
                 plan: Plan) -> PlannedChange:
    def remove(domain: Domain) -> None:
        device = _find(domain, row.key)
        if isinstance(device, CharDevice) and device.tag == "serial":
            for console in consoles_of_serial(domain, device):
                domain.remove_device(console)
        domain.remove_device(device)

    return _planned(uuid, source, plan, "detach", row.device.to_xml(), remove)


def plan_media_change(uuid: str, source: HardwareSource, row: ListedDevice, path: str | None,
                      plan: Plan) -> PlannedChange:
    """Insert ``path`` into the drive of ``row`` (None: eject)."""
    def change(domain: Domain) -> None:
        drive = _find(domain, row.key)
        replacement = with_media(Disk(drive.element), path).element
        replacement.tail = drive.element.tail
        parent = drive.element.getparent()
        assert parent is not None
        parent.replace(drive.element, replacement)

    device_xml = with_media(Disk(row.shown.element), path).to_xml()
    return _planned(uuid, source, plan, "update", device_xml, change)


def _planned(uuid: str, source: HardwareSource, plan: Plan, operation: Operation,
             device_xml: str, edit: DomainEdit,
             new_volume: NewVolumeRequest | None = None) -> PlannedChange:
    # The diff shows the definition when it changes, else the running guest's XML.
    before = source.config_xml if plan.config else source.live_xml
    after = None
    if before is not None:
        domain = Domain.from_xml(before)
        edit(domain)
        after = domain.to_xml()
    diff = change_diff(before, after, old_label="before", new_label="after") \
        if before is not None and after is not None else ""
    change = DeviceChange(uuid, operation, device_xml,
                          config_xml=after if plan.config and not plan.live else None,
                          original=source.config_xml, live=plan.live, config=plan.config,
                          new_volume=new_volume)
    action = {"attach": "add", "detach": "remove", "update": "media"}[operation]
    return PlannedChange(change, diff, action, plan)


def _find(domain: Domain, key: str) -> Device:
    devices = domain.devices
    found = dict(zip(device_keys(devices), devices, strict=True)).get(key)
    if found is None:
        raise ValueError(f"no device {key} in the definition")
    return found


class DeviceChangeFlow(QObject):
    """Shows ``planned`` (diff, what it does), makes it when accepted.

    Signals:
        finished(bool): True once libvirt made the change; False if cancelled or refused
            (the refusal was shown, and nothing changed).
    """

    finished = Signal(bool)

    def __init__(self, parent: QWidget, connection: Connection, planned: PlannedChange,
                 title: str) -> None:
        super().__init__(parent)
        self._parent = parent
        self._connection = connection
        self.planned = planned
        self.title = title
        self.dialog: DiffDialog | None = None

    def start(self) -> DiffDialog:
        accept = {"add": self.tr("Add"), "remove": self.tr("Remove"),
                  "media": self.tr("Change media")}[self.planned.action]
        dialog = DiffDialog(self.title, plan_text(self.planned.plan, self.planned.action),
                            self.planned.diff, accept_text=accept, parent=self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.planned.action == "remove":
            dialog.cancel_button.setDefault(True)  # Enter never removes anything
        dialog.accepted.connect(self._run)
        dialog.rejected.connect(lambda: self.finished.emit(False))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _run(self) -> None:
        self._connection.run_action(apply_device_change(self.planned.change), self._done,
                                    self._failed)

    def _done(self, _result: object) -> None:
        if isValid(self):
            self.finished.emit(True)

    def _failed(self, exc: Exception) -> None:
        if not isValid(self):
            return
        if isinstance(exc, DefineConflict):
            show_warning(self._parent, self.title, self.tr(
                "Another client changed this guest's definition meanwhile, so nothing was "
                "changed. The devices were read again: check them and try once more."))
        else:
            show_error(self._parent, self.title,
                       self.tr("libvirt refused the change; nothing was changed.\n\n%s")
                       % error_text(exc))
        self.finished.emit(False)

