"""Summary rows for each kind of object (label, value); a None value starts a section."""

from collections.abc import Sequence

from kvmgui.core import units
from kvmgui.ui.i18n import TranslationContext
from kvmgui.stats.overcommit import overcommit
from kvmgui.ui import texts
from kvmgui.core.snapshots import (
    DomainInfo,
    HostInfo,
    InterfaceInfo,
    NetworkInfo,
    PoolInfo,
    VolumeInfo,
)
from kvmgui.xml import Domain, HostInterface, Network

Rows = list[tuple[str, str | None]]


class Summary(TranslationContext):
    """Translation context of the summary rows."""


def domain_rows(d: DomainInfo) -> Rows:
    doc = Domain.from_xml(d.xml)
    rows: Rows = [
        (Summary.tr("State"), texts.domain_state(d)),
        (Summary.tr("UUID"), d.uuid),
        (Summary.tr("Title"), doc.title or ""),
        (Summary.tr("Description"), doc.description or ""),
        (Summary.tr("vCPUs"), str(d.vcpus)),
        (Summary.tr("Memory"), Summary.tr("%s of %s maximum") % (units.format_kib(d.memory_kib),
                                                   units.format_kib(d.max_memory_kib))),
        (Summary.tr("Autostart"), texts.yes_no(d.autostart)),
        (Summary.tr("Persistent"), texts.yes_no(d.persistent)),
        (Summary.tr("Managed save image"), texts.yes_no(d.managed_save)),
        (Summary.tr("OS"), " ".join(filter(None, (doc.os_type, doc.os_arch, doc.os_machine)))),
    ]
    if doc.disks:
        rows.append((Summary.tr("Disks"), None))
        for disk in doc.disks:
            fmt = f" [{disk.driver_type}]" if disk.driver_type else ""
            device = disk.device or Summary.tr("disk")
            label = f"{disk.target_dev or ''} ({device})"
            rows.append((label, (disk.source_path or Summary.tr("(empty)")) + fmt))
    if doc.interfaces:
        rows.append((Summary.tr("Network interfaces"), None))
        for nic in doc.interfaces:
            source = nic.source_network or nic.source_bridge or nic.source_dev or ""
            portgroup = f" / {nic.source_portgroup}" if nic.source_portgroup else ""
            parts = [f"{nic.type}: {source}{portgroup}", nic.model or ""]
            tags = nic.vlan.tags
            if tags:
                parts.append(Summary.tr("VLAN %s") % ",".join(str(t) for t in tags))
            if d.active and nic.target_dev:  # shut-off domains have no tap device
                parts.append(nic.target_dev)
            rows.append((nic.mac or Summary.tr("(no MAC)"), ", ".join(filter(None, parts))))
    for graphics in doc.graphics:
        listen = graphics.listen or ""
        port = graphics.port
        where = (f"{listen}:{port}" if listen and port not in (None, -1)
                 else (listen or Summary.tr("auto")))
        rows.append((Summary.tr("Graphics"), f"{(graphics.type or '').upper()} {where}"))
    return rows


def pool_rows(p: PoolInfo) -> Rows:
    return [
        (Summary.tr("State"), texts.active(p.active)),
        (Summary.tr("Type"), p.pool_type),
        (Summary.tr("UUID"), p.uuid),
        (Summary.tr("Target path"), p.target_path),
        (Summary.tr("Capacity"), units.format_bytes(p.capacity)),
        (Summary.tr("Allocation"), units.format_bytes(p.allocation)),
        (Summary.tr("Available"), units.format_bytes(p.available)),
        (Summary.tr("Autostart"), texts.yes_no(p.autostart)),
        (Summary.tr("Volumes"), str(len(p.volumes))),
    ]


def volume_rows(v: VolumeInfo, users: Sequence[str]) -> Rows:
    return [
        (Summary.tr("Path"), v.path),
        (Summary.tr("Format"), v.format),
        (Summary.tr("Capacity"), units.format_bytes(v.capacity)),
        (Summary.tr("Allocation"), units.format_bytes(v.allocation)),
        (Summary.tr("Used by"), ", ".join(users) if users else Summary.tr("no domain")),
    ]


def network_rows(n: NetworkInfo) -> Rows:
    doc = Network.from_xml(n.xml)
    rows: Rows = [
        (Summary.tr("State"), texts.active(n.active)),
        (Summary.tr("UUID"), n.uuid),
        (Summary.tr("Forward mode"), texts.forward_mode(n.forward_mode)),
        (Summary.tr("Bridge"), n.bridge),
        (Summary.tr("Autostart"), texts.yes_no(n.autostart)),
    ]
    if doc.virtualport_type:
        rows.append((Summary.tr("Virtual port"), doc.virtualport_type))
    for ip in doc.ips:
        prefix = ip.prefix if ip.prefix is not None else (ip.netmask or "")
        rows.append((Summary.tr("IP address"), f"{ip.address or ''}/{prefix}"))
        for rng in ip.dhcp_ranges:
            rows.append((Summary.tr("DHCP range"), f"{rng.start} – {rng.end}"))
        for host in ip.dhcp_hosts:
            rows.append((Summary.tr("Static host"),
                         " ".join(filter(None, (host.name, host.mac, host.ip)))))
    for group in doc.portgroups:
        tags = ",".join(str(t) for t in group.vlan.tags)
        template = Summary.tr("trunk of VLANs %s") if group.vlan.trunk else Summary.tr("VLAN %s")
        detail = template % tags if tags else ""
        default = Summary.tr(" (default)") if group.default else ""
        rows.append((Summary.tr("Port group"), f"{group.name}{default} {detail}".strip()))
    return rows


def interface_rows(i: InterfaceInfo) -> Rows:
    rows: Rows = [
        (Summary.tr("State"), texts.active(i.active)),
        (Summary.tr("Type"), i.iface_type),
        (Summary.tr("MAC address"), i.mac),
    ]
    if i.vlan is not None:
        rows.append((Summary.tr("VLAN tag"), str(i.vlan)))
        rows.append((Summary.tr("Parent device"), i.parent))
    if i.members:
        rows.append((Summary.tr("Members"), ", ".join(i.members)))
    doc = HostInterface.from_xml(i.xml)
    for address in doc.ipv4_addresses + doc.ipv6_addresses:
        rows.append((Summary.tr("IP address"), address))
    return rows


def host_rows(h: HostInfo, domains: Sequence[DomainInfo]) -> Rows:
    ratio = overcommit(domains, h.logical_cpus, h.memory_kib)
    hw_virt = _hw_virt_text(h)
    return [
        (Summary.tr("Connection"), h.uri),
        (Summary.tr("Hypervisor"), f"{h.driver} {h.hypervisor_version}".strip()),
        (Summary.tr("libvirt library"), h.library_version),
        (Summary.tr("libvirt daemon"), h.daemon_version),
        (Summary.tr("CPU model"), h.cpu_model),
        (Summary.tr("CPU topology"),
         Summary.tr("%d logical CPUs: %d NUMA node(s), %d socket(s), %d core(s), %d thread(s), "
                    "%d MHz") % (h.logical_cpus, h.numa_nodes, h.sockets, h.cores, h.threads,
                                 h.cpu_mhz)),
        (Summary.tr("Memory"), units.format_kib(h.memory_kib)),
        (Summary.tr("Hardware virtualization"), hw_virt),
        (Summary.tr("Overcommit"), None),
        (Summary.tr("CPU overcommit"),
         Summary.tr("%s (%d vCPUs of running domains on %d host CPUs)") % (
             units.format_ratio(ratio.cpu_ratio), ratio.running_vcpus, ratio.host_cpus)),
        (Summary.tr("Memory overcommit"),
         Summary.tr("%s (%s of active domains in %s host memory)") % (
             units.format_ratio(ratio.memory_ratio), units.format_kib(ratio.active_memory_kib),
             units.format_kib(ratio.host_memory_kib))),
        (Summary.tr("Domains"), str(len(domains))),
    ]


def _hw_virt_text(h: HostInfo) -> str:
    hw = h.hw_virt
    if hw is None:
        return Summary.tr("not applicable (remote or simulated host)")
    if hw.usable:
        return Summary.tr("yes (%s, /dev/kvm)") % hw.cpu_flag
    reasons = []
    if not hw.cpu_flag:
        reasons.append(Summary.tr("the CPU reports neither vmx nor svm"))
    if not hw.kvm_device:
        reasons.append(Summary.tr("/dev/kvm is missing"))
    elif not hw.kvm_accessible:
        reasons.append(Summary.tr("/dev/kvm is not accessible"))
    return Summary.tr("no: %s (guests run under TCG emulation)") % "; ".join(reasons)
