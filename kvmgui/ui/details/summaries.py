"""Summary rows for each kind of object (label, value); a None value starts a section."""

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from kvmgui import units
from kvmgui.stats.overcommit import overcommit
from kvmgui.ui import texts
from kvmgui.virt.snapshots import (
    DomainInfo,
    HostInfo,
    InterfaceInfo,
    NetworkInfo,
    PoolInfo,
    VolumeInfo,
)
from kvmgui.xml import Domain, HostInterface, Network

Rows = list[tuple[str, str | None]]


def _t(text: str) -> str:
    return QCoreApplication.translate("Summary", text)


def domain_rows(d: DomainInfo) -> Rows:
    doc = Domain.from_xml(d.xml)
    rows: Rows = [
        (_t("State"), texts.domain_state(d)),
        (_t("UUID"), d.uuid),
        (_t("Title"), doc.title or ""),
        (_t("Description"), doc.description or ""),
        (_t("vCPUs"), str(d.vcpus)),
        (_t("Memory"), _t("%s of %s maximum") % (units.format_kib(d.memory_kib),
                                                   units.format_kib(d.max_memory_kib))),
        (_t("Autostart"), texts.yes_no(d.autostart)),
        (_t("Persistent"), texts.yes_no(d.persistent)),
        (_t("Managed save image"), texts.yes_no(d.managed_save)),
        (_t("OS"), " ".join(filter(None, (doc.os_type, doc.os_arch, doc.os_machine)))),
    ]
    if doc.disks:
        rows.append((_t("Disks"), None))
        for disk in doc.disks:
            fmt = f" [{disk.driver_type}]" if disk.driver_type else ""
            label = f"{disk.target_dev or ''} ({disk.device or 'disk'})"
            rows.append((label, (disk.source_path or _t("(empty)")) + fmt))
    if doc.interfaces:
        rows.append((_t("Network interfaces"), None))
        for nic in doc.interfaces:
            source = nic.source_network or nic.source_bridge or nic.source_dev or ""
            portgroup = f" / {nic.source_portgroup}" if nic.source_portgroup else ""
            parts = [f"{nic.type}: {source}{portgroup}", nic.model or ""]
            tags = nic.vlan.tags
            if tags:
                parts.append(_t("VLAN %s") % ",".join(str(t) for t in tags))
            if d.active and nic.target_dev:  # shut-off domains have no tap device
                parts.append(nic.target_dev)
            rows.append((nic.mac or _t("(no MAC)"), ", ".join(filter(None, parts))))
    for graphics in doc.graphics:
        listen = graphics.listen or ""
        port = graphics.port
        where = f"{listen}:{port}" if listen and port not in (None, -1) else (listen or _t("auto"))
        rows.append((_t("Graphics"), f"{(graphics.type or '').upper()} {where}"))
    return rows


def pool_rows(p: PoolInfo) -> Rows:
    return [
        (_t("State"), texts.active(p.active)),
        (_t("Type"), p.pool_type),
        (_t("UUID"), p.uuid),
        (_t("Target path"), p.target_path),
        (_t("Capacity"), units.format_bytes(p.capacity)),
        (_t("Allocation"), units.format_bytes(p.allocation)),
        (_t("Available"), units.format_bytes(p.available)),
        (_t("Autostart"), texts.yes_no(p.autostart)),
        (_t("Volumes"), str(len(p.volumes))),
    ]


def volume_rows(v: VolumeInfo, users: Sequence[str]) -> Rows:
    return [
        (_t("Path"), v.path),
        (_t("Format"), v.format),
        (_t("Capacity"), units.format_bytes(v.capacity)),
        (_t("Allocation"), units.format_bytes(v.allocation)),
        (_t("Used by"), ", ".join(users) if users else _t("no domain")),
    ]


def network_rows(n: NetworkInfo) -> Rows:
    doc = Network.from_xml(n.xml)
    rows: Rows = [
        (_t("State"), texts.active(n.active)),
        (_t("UUID"), n.uuid),
        (_t("Forward mode"), texts.forward_mode(n.forward_mode)),
        (_t("Bridge"), n.bridge),
        (_t("Autostart"), texts.yes_no(n.autostart)),
    ]
    if doc.virtualport_type:
        rows.append((_t("Virtual port"), doc.virtualport_type))
    for ip in doc.ips:
        prefix = ip.prefix if ip.prefix is not None else (ip.netmask or "")
        rows.append((_t("IP address"), f"{ip.address or ''}/{prefix}"))
        for rng in ip.dhcp_ranges:
            rows.append((_t("DHCP range"), f"{rng.start} – {rng.end}"))
        for host in ip.dhcp_hosts:
            rows.append((_t("Static host"), " ".join(filter(None, (host.name, host.mac, host.ip)))))
    for group in doc.portgroups:
        tags = ",".join(str(t) for t in group.vlan.tags)
        template = _t("trunk of VLANs %s") if group.vlan.trunk else _t("VLAN %s")
        detail = template % tags if tags else ""
        default = _t(" (default)") if group.default else ""
        rows.append((_t("Port group"), f"{group.name}{default} {detail}".strip()))
    return rows


def interface_rows(i: InterfaceInfo) -> Rows:
    rows: Rows = [
        (_t("State"), texts.active(i.active)),
        (_t("Type"), i.iface_type),
        (_t("MAC address"), i.mac),
    ]
    if i.vlan is not None:
        rows.append((_t("VLAN tag"), str(i.vlan)))
        rows.append((_t("Parent device"), i.parent))
    if i.members:
        rows.append((_t("Members"), ", ".join(i.members)))
    doc = HostInterface.from_xml(i.xml)
    for address in doc.ipv4_addresses + doc.ipv6_addresses:
        rows.append((_t("IP address"), address))
    return rows


def host_rows(h: HostInfo, domains: Sequence[DomainInfo]) -> Rows:
    ratio = overcommit(domains, h.logical_cpus, h.memory_kib)
    hw_virt = _hw_virt_text(h)
    return [
        (_t("Connection"), h.uri),
        (_t("Hypervisor"), f"{h.driver} {h.hypervisor_version}".strip()),
        (_t("libvirt library"), h.library_version),
        (_t("libvirt daemon"), h.daemon_version),
        (_t("CPU model"), h.cpu_model),
        (_t("CPU topology"), _t("%d logical CPUs: %d NUMA node(s), %d socket(s), %d core(s), "
                                "%d thread(s), %d MHz") % (h.logical_cpus, h.numa_nodes, h.sockets,
                                                           h.cores, h.threads, h.cpu_mhz)),
        (_t("Memory"), units.format_kib(h.memory_kib)),
        (_t("Hardware virtualization"), hw_virt),
        (_t("Overcommit"), None),
        (_t("CPU overcommit"), _t("%s (%d vCPUs of running domains on %d host CPUs)") % (
            units.format_ratio(ratio.cpu_ratio), ratio.running_vcpus, ratio.host_cpus)),
        (_t("Memory overcommit"), _t("%s (%s of active domains in %s host memory)") % (
            units.format_ratio(ratio.memory_ratio), units.format_kib(ratio.active_memory_kib),
            units.format_kib(ratio.host_memory_kib))),
        (_t("Domains"), str(len(domains))),
    ]


def _hw_virt_text(h: HostInfo) -> str:
    hw = h.hw_virt
    if hw is None:
        return _t("not applicable (remote or simulated host)")
    if hw.usable:
        return _t("yes (%s, /dev/kvm)") % hw.cpu_flag
    reasons = []
    if not hw.cpu_flag:
        reasons.append(_t("the CPU reports neither vmx nor svm"))
    if not hw.kvm_device:
        reasons.append(_t("/dev/kvm is missing"))
    elif not hw.kvm_accessible:
        reasons.append(_t("/dev/kvm is not accessible"))
    return _t("no: %s (guests run under TCG emulation)") % "; ".join(reasons)
