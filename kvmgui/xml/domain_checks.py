"""Validation rules for ``Domain`` (kept apart so the document class stays declarative)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kvmgui.core.message import Message
from kvmgui.xml.problems import (
    Problem,
    Problems,
    check_mac,
    check_name,
    check_size,
    check_vlan,
)
from kvmgui.xml.units import MAX_MEMORY_BYTES

if TYPE_CHECKING:
    from kvmgui.xml.domain import Domain


# Element names as words of a sentence (the message shows the English name otherwise).
_DEVICE_WORDS = {"disk": Message.of("disk"), "interface": Message.of("interface")}


def validate_domain(domain: Domain, host_memory_kib: int | None) -> list[Problem]:
    problems = Problems()
    check_name(problems, domain.name, Message.of("domain"))
    _check_memory(problems, domain, host_memory_kib)
    _check_vcpus(problems, domain)
    _check_topology(problems, domain)
    _check_disks(problems, domain)
    _check_interfaces(problems, domain)
    _check_boot(problems, domain)
    return problems.items


def _check_memory(problems: Problems, domain: Domain, host_memory_kib: int | None) -> None:
    sizes = type(domain)
    current_broken = check_size(problems, sizes.current_memory.stored(domain), "current_memory",
                                Message.of("current memory"), "KiB", MAX_MEMORY_BYTES)
    if check_size(problems, sizes.memory.stored(domain), "memory", Message.of("memory"), "KiB",
                  MAX_MEMORY_BYTES):
        return
    memory = domain.memory
    if memory is None or memory <= 0:
        problems.error("memory", "Memory must be greater than 0 KiB.")
        return
    if host_memory_kib is not None and memory > host_memory_kib:
        problems.warning("memory", "Memory ({memory} KiB) is more than the host has ({host} KiB).",
                         memory=memory, host=host_memory_kib)
    current = None if current_broken else domain.current_memory
    if current is not None and current > memory:
        problems.warning("current_memory",
                         "Current memory ({current} KiB) is more than the maximum memory "
                         "({memory} KiB); libvirt will lower it.", current=current, memory=memory)


def _check_vcpus(problems: Problems, domain: Domain) -> None:
    maximum = domain.vcpu_max
    if maximum is None or maximum < 1:
        problems.error("vcpu", "The number of vCPUs must be at least 1.")
        return
    current = domain.vcpu_current
    if current is None:
        return
    if current < 1:
        problems.error("vcpu.current", "The current number of vCPUs must be at least 1.")
    elif current > maximum:
        problems.error("vcpu.current",
                       "The current number of vCPUs ({current}) is more than the maximum "
                       "({maximum}).", current=current, maximum=maximum)


def _check_topology(problems: Problems, domain: Domain) -> None:
    if domain.find_element("cpu/topology") is None:
        return
    parts = (domain.cpu_sockets, domain.cpu_cores, domain.cpu_threads)
    if any(part is None or part < 1 for part in parts):
        problems.error("cpu.topology",
                       "The CPU topology needs sockets, cores and threads of at least 1 each.")
        return
    sockets, cores, threads = (part or 0 for part in parts)
    dies = domain.cpu_dies if domain.cpu_dies is not None and domain.cpu_dies > 0 else 1
    total = sockets * cores * threads * dies
    if domain.vcpu_max is not None and total != domain.vcpu_max:
        problems.error("cpu.topology",
                       "The CPU topology gives {total} vCPUs but the maximum is {maximum}.",
                       total=total, maximum=domain.vcpu_max)


def _check_disks(problems: Problems, domain: Domain) -> None:
    seen: set[str] = set()
    for index, disk in enumerate(domain.disks):
        field = f"disk[{index}].target"
        target = disk.target_dev
        if not target:
            problems.error(field, "Disk {number} has no target device.", number=index + 1)
        elif target in seen:
            problems.error(field, "Disk {number} uses target device {target}, which another "
                           "disk already uses.", number=index + 1, target=target)
        else:
            seen.add(target)


def _check_interfaces(problems: Problems, domain: Domain) -> None:
    for index, nic in enumerate(domain.interfaces):
        label = Message.of("interface {number}", number=index + 1)
        check_mac(problems, nic.mac, f"interface[{index}].mac", label)
        check_vlan(problems, nic.vlan, f"interface[{index}].", label)


def _check_boot(problems: Problems, domain: Domain) -> None:
    per_device = [d for d in domain.devices if d.find_element("boot") is not None]
    if per_device and domain.boot_devices:
        problems.error("boot", "Per-device boot order cannot be combined with <os><boot dev=..> "
                       "entries; use one or the other.")
    orders = Counter(d.boot_order for d in per_device)
    positions: Counter[str] = Counter()
    for device in domain.devices:
        index = positions[device.tag]
        positions[device.tag] += 1
        if device.find_element("boot") is None:
            continue
        order = device.boot_order
        field = f"{device.tag}[{index}].boot_order"
        if order is None or order < 1:
            problems.error(field, "The boot order of {tag} {number} must be a number from 1.",
                           tag=_DEVICE_WORDS.get(device.tag, device.tag), number=index + 1)
        elif orders[order] > 1:
            problems.error(field, "Boot order {order} is used by more than one device.",
                           order=order)
