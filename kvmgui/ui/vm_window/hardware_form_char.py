"""Forms for character devices: a serial port, a text console, an agent's channel."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kvmgui.logic.hardware_rules import HardwareKind
from kvmgui.ui.vm_window.hardware_form import DeviceForm
from kvmgui.xml import Device
from kvmgui.xml.device_char import (
    guest_agent_channel,
    next_serial_port,
    serial_port,
    spice_agent_channel,
    text_console,
)


class SerialForm(DeviceForm):
    kind = HardwareKind.SERIAL

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = self.combo(self.tr("&Type:"), [
            (self.tr("Standard serial port (ISA)"), ""),
            (self.tr("USB serial adapter"), "usb-serial"),
            (self.tr("PCI serial card"), "pci-serial")])
        self.target.setToolTip(self.tr("USB and PCI serial ports can be plugged into a running "
                                       "guest; a standard port waits for its next boot."))

    def device(self) -> Device:
        port = next_serial_port(self.domain) if self.domain is not None else None
        serial = serial_port(port)
        serial.target_type = str(self.target.currentData()) or None
        return serial


class ConsoleForm(DeviceForm):
    kind = HardwareKind.CONSOLE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = self.combo(self.tr("&Type:"), [
            (self.tr("virtio console (hvc0 in the guest)"), "virtio"),
            (self.tr("On the first serial port (ttyS0)"), "serial")])

    def device(self) -> Device:
        return text_console(str(self.target.currentData()))


class ChannelForm(DeviceForm):
    kind = HardwareKind.CHANNEL

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel = self.combo(self.tr("&Channel:"), [
            (self.tr("QEMU guest agent (shutdown, file system freeze, addresses)"), "agent"),
            (self.tr("SPICE agent (clipboard, screen size)"), "spice")])

    def device(self) -> Device:
        if self.channel.currentData() == "spice":
            return spice_agent_channel()
        return guest_agent_channel()
