"""Summary rows for each kind of object (label, value); a None value starts a section."""

from collections.abc import Sequence

from lxml import etree
from PySide6.QtCore import QCoreApplication

from kvmgui import units
from kvmgui.stats.overcommit import overcommit
from kvmgui.ui import texts
from kvmgui.virt.snapshots import (
    DomainInfo, HostInfo, InterfaceInfo, NetworkInfo, PoolInfo, VolumeInfo,
)

Rows = list[tuple[str, str | None]]


def _t(text: str) -> str:
    return QCoreApplication.translate("Summary", text)


def _first(root: etree._Element, path: str) -> str:
    found = root.xpath(path)
    return str(found[0]) if found else ""


def domain_rows(d: DomainInfo) -> Rows:
    root = etree.fromstring(d.xml)
    rows: Rows = [
        (_t("State"), texts.domain_state(d)),
        (_t("UUID"), d.uuid),
        (_t("Title"), _first(root, "title/text()")),
        (_t("Description"), _first(root, "description/text()")),
        (_t("vCPUs"), str(d.vcpus)),
        (_t("Memory"), _t("%s of %s maximum") % (units.format_kib(d.memory_kib),
                                                   units.format_kib(d.max_memory_kib))),
        (_t("Autostart"), texts.yes_no(d.autostart)),
        (_t("Persistent"), texts.yes_no(d.persistent)),
        (_t("Managed save image"), texts.yes_no(d.managed_save)),
        (_t("OS"), " ".join(filter(None, (_first(root, "os/type/text()"),
                                          _first(root, "os/type/@arch"),
                                          _first(root, "os/type/@machine"))))),
    ]
    disks = root.xpath("devices/disk")
    if disks:
        rows.append((_t("Disks"), None))
        for disk in disks:
            source = (_first(disk, "source/@file") or _first(disk, "source/@dev")
                      or "/".join(filter(None, (_first(disk, "source/@pool"),
                                                _first(disk, "source/@volume"))))
                      or _first(disk, "source/@name"))
            fmt = _first(disk, "driver/@type")
            device = disk.get("device", "disk")
            label = f"{_first(disk, 'target/@dev')} ({device})"
            rows.append((label, f"{source or _t('(empty)')}" + (f" [{fmt}]" if fmt else "")))
    nics = root.xpath("devices/interface")
    if nics:
        rows.append((_t("Network interfaces"), None))
        for nic in nics:
            source = (_first(nic, "source/@network") or _first(nic, "source/@bridge")
                      or _first(nic, "source/@dev"))
            portgroup = _first(nic, "source/@portgroup")
            tags = ",".join(str(t) for t in nic.xpath("vlan/tag/@id"))
            parts = [f"{nic.get('type', '')}: {source}" + (f" / {portgroup}" if portgroup else ""),
                     _first(nic, "model/@type")]
            if tags:
                parts.append(_t("VLAN %s") % tags)
            target = _first(nic, "target/@dev")
            if target:
                parts.append(target)
            rows.append((_first(nic, "mac/@address") or _t("(no MAC)"), ", ".join(filter(None, parts))))
    for graphics in root.xpath("devices/graphics"):
        listen = _first(graphics, "@listen") or _first(graphics, "listen/@address")
        port = graphics.get("port", "")
        where = f"{listen}:{port}" if listen and port not in ("", "-1") else (listen or _t("auto"))
        rows.append((_t("Graphics"), f"{graphics.get('type', '').upper()} {where}"))
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
    root = etree.fromstring(n.xml)
    rows: Rows = [
        (_t("State"), texts.active(n.active)),
        (_t("UUID"), n.uuid),
        (_t("Forward mode"), texts.forward_mode(n.forward_mode)),
        (_t("Bridge"), n.bridge),
        (_t("Autostart"), texts.yes_no(n.autostart)),
    ]
    virtualport = _first(root, "virtualport/@type")
    if virtualport:
        rows.append((_t("Virtual port"), virtualport))
    for ip in root.xpath("ip"):
        prefix = ip.get("prefix") or ip.get("netmask", "")
        rows.append((_t("IP address"), f"{ip.get('address', '')}/{prefix}"))
        for rng in ip.xpath("dhcp/range"):
            rows.append((_t("DHCP range"), f"{rng.get('start')} – {rng.get('end')}"))
        for host in ip.xpath("dhcp/host"):
            rows.append((_t("Static host"), " ".join(filter(None, (host.get("name"), host.get("mac"),
                                                                     host.get("ip"))))))
    for group in root.xpath("portgroup"):
        tags = ",".join(str(t) for t in group.xpath("vlan/tag/@id"))
        trunk = group.xpath("vlan/@trunk")
        detail = (_t("trunk %s") if trunk and trunk[0] == "yes" else _t("VLAN %s")) % tags if tags else ""
        default = _t(" (default)") if group.get("default") == "yes" else ""
        rows.append((_t("Port group"), f"{group.get('name')}{default} {detail}".strip()))
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
    root = etree.fromstring(i.xml)
    for ip in root.xpath("protocol/ip"):
        rows.append((_t("IP address"), f"{ip.get('address')}/{ip.get('prefix', '')}"))
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
