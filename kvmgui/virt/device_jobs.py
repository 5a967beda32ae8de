"""Worker-side jobs of the hardware page: read a guest's definition and live devices, list the
host's USB and PCI devices, and add, remove or change one device.

Every function returns a job ``(virConnect) -> result`` for ``Connection.run``/``run_action``.
A change made live goes through libvirt's device calls (``attachDeviceFlags``,
``detachDeviceFlags``, ``updateDeviceFlags``) with the LIVE flag, plus CONFIG when the
definition changes too; a change for the definition only is a define of the new definition.
Either way the job first re-reads the definition the change was planned on and raises
``DefineConflict`` (changing nothing) when another client changed it meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import libvirt

from kvmgui.core import log
from kvmgui.virt.define import (
    DefineConflict,
    NewVolumeRequest,
    bind_volume,
    create_volume,
    with_validate,
)
from kvmgui.xml import Disk, XmlSyntaxError, canonical
from kvmgui.xml.device_hostdev import NodeDevice, parse_node_device

Operation = Literal["attach", "detach", "update"]
_DEFINITION_FLAGS = libvirt.VIR_DOMAIN_XML_INACTIVE | libvirt.VIR_DOMAIN_XML_SECURE


@dataclass(frozen=True)
class HardwareSource:
    """A guest's devices as the page shows them: its definition (None when transient) and,
    while it runs, its live XML; plus the driver, which decides what can change live."""

    config_xml: str | None
    live_xml: str | None
    persistent: bool
    active: bool
    driver: str


@dataclass(frozen=True)
class DeviceChange:
    """One device change of domain ``uuid``.

    ``live``: the running guest changes now, through ``operation`` with ``device_xml``;
    ``config`` with it: its definition too. ``config`` alone: ``config_xml`` is defined.
    ``original``: the definition the change was planned on (None: no check, a transient
    guest). ``new_volume``: created first for a disk on a new volume (deleted again if the
    change fails), the disk then points at the volume's path.
    """

    uuid: str
    operation: Operation
    device_xml: str
    config_xml: str | None
    original: str | None
    live: bool
    config: bool
    new_volume: NewVolumeRequest | None = None


def read_hardware(uuid: str) -> Callable[[libvirt.virConnect], HardwareSource]:
    def job(conn: libvirt.virConnect) -> HardwareSource:
        dom = conn.lookupByUUIDString(uuid)
        persistent, active = bool(dom.isPersistent()), bool(dom.isActive())
        return HardwareSource(
            config_xml=_definition(dom) if persistent else None,
            live_xml=str(dom.XMLDesc(0)) if active else None,
            persistent=persistent, active=active, driver=str(conn.getType()))
    return job


def list_host_devices() -> Callable[[libvirt.virConnect], tuple[NodeDevice, ...]]:
    """The host's USB and PCI devices, sorted by bus and address (unreadable ones skipped)."""
    flags = (libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_DEV
             | libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV)

    def job(conn: libvirt.virConnect) -> tuple[NodeDevice, ...]:
        found = []
        for node in conn.listAllDevices(flags):
            try:
                device = parse_node_device(node.XMLDesc(0))
            except (libvirt.libvirtError, XmlSyntaxError, ValueError) as err:
                log.virt.info("node device %s skipped: %s", node.name(), err)
                continue
            if device is not None:
                found.append(device)
        return tuple(sorted(found, key=lambda d: (d.bus, d.address)))
    return job


def apply_device_change(change: DeviceChange) -> Callable[[libvirt.virConnect], None]:
    def job(conn: libvirt.virConnect) -> None:
        dom = conn.lookupByUUIDString(change.uuid)
        if change.original is not None and dom.isPersistent():
            current = _definition(dom)
            if canonical(current) != canonical(change.original):
                raise DefineConflict(current)
        device_xml, config_xml = change.device_xml, change.config_xml
        volume = None
        if change.new_volume is not None:
            request = change.new_volume
            volume = conn.storageVolLookupByKey(create_volume(request)(conn))
            device_xml = bind_disk(device_xml, request.pool, volume)
            if config_xml is not None:
                config_xml = bind_volume(config_xml, request.pool, volume)
        try:
            _apply(conn, dom, change, device_xml, config_xml)
        except Exception:
            if volume is not None:
                volume.delete(0)
            raise
    return job


def _apply(conn: libvirt.virConnect, dom: libvirt.virDomain, change: DeviceChange,
           device_xml: str, config_xml: str | None) -> None:
    if change.live:
        flags = libvirt.VIR_DOMAIN_AFFECT_LIVE
        if change.config:
            flags |= libvirt.VIR_DOMAIN_AFFECT_CONFIG
        call = {"attach": dom.attachDeviceFlags, "detach": dom.detachDeviceFlags,
                "update": dom.updateDeviceFlags}[change.operation]
        call(device_xml, flags)
    elif change.config:
        if config_xml is None:
            raise ValueError("a change of the definition needs the new definition")
        xml = config_xml
        with_validate(lambda: conn.defineXMLFlags(xml, libvirt.VIR_DOMAIN_DEFINE_VALIDATE),
                      lambda: conn.defineXML(xml))


def bind_disk(xml: str, pool: str, volume: libvirt.virStorageVol) -> str:
    """The disk ``xml`` on ``pool``/``volume`` pointing at the volume's file or device instead
    (what every tool understands; ``define.bind_volume`` does the same in a definition)."""
    kind = volume.info()[0]
    disk_type = {libvirt.VIR_STORAGE_VOL_FILE: "file",
                 libvirt.VIR_STORAGE_VOL_BLOCK: "block"}.get(kind)
    if disk_type is None:
        return xml  # a network volume stays a pool reference
    disk = Disk.from_xml(xml)
    assert isinstance(disk, Disk)
    if disk.source_pool == pool and disk.source_volume == volume.name():
        disk.source_pool = None
        disk.source_volume = None
        disk.element.set("type", disk_type)
        if disk_type == "file":
            disk.source_file = volume.path()
        else:
            disk.source_dev = volume.path()
    return disk.to_xml()


def _definition(dom: libvirt.virDomain) -> str:
    try:
        return str(dom.XMLDesc(_DEFINITION_FLAGS))
    except libvirt.libvirtError as err:
        if err.get_error_code() not in (libvirt.VIR_ERR_OPERATION_DENIED,
                                        libvirt.VIR_ERR_INVALID_ARG):
            raise
    return str(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))  # no secrets on a read-only line
