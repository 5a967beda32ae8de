"""Typed views of a domain's devices, including the device families of the hardware page
(``devices.wrap_device`` types the ones the editors use)."""

from __future__ import annotations

from kvmgui.xml.device_controller import Controller
from kvmgui.xml.device_display import Input, Sound, Video
from kvmgui.xml.device_filesystem import Filesystem
from kvmgui.xml.device_hostdev import HostDevice
from kvmgui.xml.device_platform import Rng, Tpm, Watchdog
from kvmgui.xml.devices import Device

VIEW_CLASSES: dict[str, type[Device]] = {
    "video": Video, "sound": Sound, "input": Input, "hostdev": HostDevice,
    "filesystem": Filesystem, "tpm": Tpm, "rng": Rng, "watchdog": Watchdog,
    "controller": Controller,
}


def typed(device: Device) -> Device:
    """``device`` through its family's class (the same element, the same document)."""
    cls = VIEW_CLASSES.get(device.tag)
    if cls is None or isinstance(device, cls):
        return device
    return device.wrap(cls, device.element)
