"""What is wrong with a device about to join a domain: a target or MAC another device uses,
a second TPM, a relative path (pure; the domain's own rules are ``Domain.validate``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from kvmgui.core.message import Message
from kvmgui.xml.device_char import GUEST_AGENT
from kvmgui.xml.device_filesystem import filesystems
from kvmgui.xml.device_hostdev import HostDevice
from kvmgui.xml.device_platform import Rng
from kvmgui.xml.devices import CharDevice, Device, Disk, DomainInterface, Graphics
from kvmgui.xml.domain import Domain

_MAC = re.compile(r"^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")
Check = Callable[[Domain, Device], list[Message]]


def add_problems(domain: Domain, device: Device) -> list[Message]:
    """Why ``device`` cannot join ``domain`` as it is (empty: it can)."""
    check = _CHECKS.get(device.tag)
    return check(domain, device) if check is not None else []


def _disk_problems(domain: Domain, device: Device) -> list[Message]:
    disk = Disk(device.element)
    problems = []
    if not disk.target_dev:
        problems.append(Message.of("The drive has no target device name."))
    elif disk.target_dev in {d.target_dev for d in domain.disks}:
        problems.append(Message.of("Another drive already uses the target {target}.",
                                   target=disk.target_dev))
    path = disk.source_file or disk.source_dev
    if path is not None and not path.startswith("/"):
        problems.append(Message.of("The path {path} is not absolute: start it with /.",
                                   path=path))
    return problems


def _nic_problems(domain: Domain, device: Device) -> list[Message]:
    nic = DomainInterface(device.element)
    problems = []
    source = nic.source_network or nic.source_bridge or nic.source_dev
    if nic.type in ("network", "bridge", "direct") and not source:
        problems.append(Message.of("Choose the network, bridge or host device to connect to."))
    if nic.mac is not None:
        if not _MAC.match(nic.mac):
            problems.append(Message.of("{mac} is not a MAC address (six hex pairs, e.g. "
                                       "52:54:00:12:34:56).", mac=nic.mac))
        elif nic.mac.lower() in {(n.mac or "").lower() for n in domain.interfaces}:
            problems.append(Message.of("Another NIC of the guest already has the MAC address "
                                       "{mac}.", mac=nic.mac))
        elif int(nic.mac[:2], 16) & 1:
            problems.append(Message.of("{mac} is a multicast address; a NIC needs a unicast "
                                       "one.", mac=nic.mac))
    return problems


def _graphics_problems(domain: Domain, device: Device) -> list[Message]:
    kind = Graphics(device.element).type
    if kind in {g.type for g in domain.graphics}:
        return [Message.of("The guest already has a {type} display.", type=kind or "")]
    return []


def _channel_problems(domain: Domain, device: Device) -> list[Message]:
    name = CharDevice(device.element).target_name
    if name and name in {c.target_name for c in domain.channels}:
        if name == GUEST_AGENT:
            return [Message.of("The guest already has a channel for the QEMU guest agent.")]
        return [Message.of("The guest already has a channel named {name}.", name=name)]
    return []


def _hostdev_problems(domain: Domain, device: Device) -> list[Message]:
    label = HostDevice(device.element).source_label
    if not label:
        return [Message.of("Choose a host device.")]
    others = [HostDevice(d.element) for d in domain.devices_of("hostdev")]
    if label in {other.source_label for other in others}:
        return [Message.of("The host device {device} is already passed to this guest.",
                           device=label)]
    return []


def _filesystem_problems(domain: Domain, device: Device) -> list[Message]:
    problems = []
    source = device.element.find("source")
    target = device.element.find("target")
    path = source.get("dir", "") if source is not None else ""
    tag = target.get("dir", "") if target is not None else ""
    if not path.startswith("/"):
        problems.append(Message.of("Enter the host folder to share as an absolute path."))
    if not tag.strip():
        problems.append(Message.of("Enter the tag the guest mounts the folder by."))
    elif tag in {f.target_dir for f in filesystems(domain)}:
        problems.append(Message.of("Another shared folder already uses the tag {tag}.", tag=tag))
    return problems


def _rng_problems(domain: Domain, device: Device) -> list[Message]:
    source = Rng(device.element).source or ""
    if not source.startswith("/dev/"):
        return [Message.of("The random number source must be a host device such as "
                           "/dev/urandom.")]
    return []


def _single(tag: str, message: Message) -> Check:
    def check(domain: Domain, _device: Device) -> list[Message]:
        return [message] if domain.devices_of(tag) else []
    return check


_CHECKS: dict[str, Check] = {
    "disk": _disk_problems, "interface": _nic_problems, "graphics": _graphics_problems,
    "channel": _channel_problems, "hostdev": _hostdev_problems,
    "filesystem": _filesystem_problems, "rng": _rng_problems,
    "tpm": _single("tpm", Message.of("The guest already has a TPM.")),
    "watchdog": _single("watchdog", Message.of("The guest already has a watchdog.")),
}
