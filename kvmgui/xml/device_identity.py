"""Which device of one definition is which device of another: a running guest's live XML
against its persistent definition (libvirt adds aliases, addresses and defaults to the first).

A key is the device's tag plus what identifies it the way libvirt matches devices: a disk's
target, a NIC's MAC, a host device's source, a controller's type and index. Devices without
such a field are told apart by their kind and their position among devices like them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kvmgui.xml.devices import Device

# Attributes and child attributes that identify a device of each tag (in this order).
_IDENTITY: dict[str, tuple[str, ...]] = {
    "disk": ("target@dev",),
    "interface": ("mac@address",),
    "controller": ("@type", "@index"),
    "hostdev": ("@type", "source/vendor@id", "source/product@id", "source/address@domain",
                "source/address@bus", "source/address@slot", "source/address@function"),
    "filesystem": ("target@dir",),
    "channel": ("target@name",),
    "serial": ("target@port",),
    "graphics": ("@type",),
    "input": ("@type", "@bus"),
    "redirdev": ("@bus", "@type"),
}


def base_key(device: Device) -> str:
    """The identifying fields of ``device`` (not yet unique among look-alikes)."""
    values = [device.tag]
    for path in _IDENTITY.get(device.tag, ()):
        element_path, _, attribute = path.rpartition("@")
        element = device.find_element(element_path) if element_path else device.element
        values.append("" if element is None else element.get(attribute, ""))
    return "|".join(values)


def device_keys(devices: Iterable[Device]) -> list[str]:
    """A key per device, unique within one definition: look-alikes get their position."""
    seen: Counter[str] = Counter()
    keys = []
    for device in devices:
        key = base_key(device)
        keys.append(f"{key}#{seen[key]}")
        seen[key] += 1
    return keys
