"""Forms for what the guest shows and how it is driven: graphics, video, sound, input."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kvmgui.logic.hardware_rules import HardwareKind
from kvmgui.ui.vm_window.hardware_form import DeviceForm, same
from kvmgui.xml import Device, Graphics
from kvmgui.xml.device_display import INPUT_BUSES, SOUND_MODELS, VIDEO_MODELS, Input, Sound, Video

class GraphicsForm(DeviceForm):
    kind = HardwareKind.GRAPHICS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type = self.combo(self.tr("&Type:"), [("VNC", "vnc"), ("SPICE", "spice")])
        self.listen = self.combo(self.tr("&Listen on:"), [
            (self.tr("This host only (127.0.0.1)"), "127.0.0.1"),
            (self.tr("All IPv4 addresses (0.0.0.0)"), "0.0.0.0"),
            (self.tr("No network: local clients only"), ""),
        ])
        self.listen.setToolTip(self.tr(
            "A display listening on all addresses can be reached by anyone on the network."))

    def device(self) -> Device:
        graphics = Graphics.new(str(self.type.currentData()),
                                listen=str(self.listen.currentData()) or None)
        if not self.listen.currentData():
            graphics.ensure_element("listen[@type='none']")
        return graphics


class VideoForm(DeviceForm):
    kind = HardwareKind.VIDEO

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = self.combo(self.tr("&Model:"), same(VIDEO_MODELS))

    def device(self) -> Device:
        return Video.new(str(self.model.currentData()))


class SoundForm(DeviceForm):
    kind = HardwareKind.SOUND

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = self.combo(self.tr("&Model:"), same(SOUND_MODELS))

    def device(self) -> Device:
        return Sound.new(str(self.model.currentData()))


class InputForm(DeviceForm):
    kind = HardwareKind.INPUT

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type = self.combo(self.tr("&Type:"), [
            (self.tr("Tablet (absolute pointer)"), "tablet"), (self.tr("Keyboard"), "keyboard"),
            (self.tr("Mouse"), "mouse")])
        self.bus = self.combo(self.tr("&Bus:"), same(INPUT_BUSES))

    def device(self) -> Device:
        return Input.new(str(self.type.currentData()), str(self.bus.currentData()))
