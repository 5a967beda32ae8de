"""Will libvirt on this host apply (or even accept) the VLAN settings an editor holds?

Pure: no Qt, no libvirt.  Two different rules, both from libvirt's sources:

* A guest NIC's ``<vlan>`` (its own, its portgroup's or its network's) is checked when the
  guest *starts*: libvirt < 11 applies VLANs only to Open vSwitch ports, macvtap in
  passthrough mode and SR-IOV hostdevs, and refuses to start the guest otherwise ("vlan tag
  not supported for this connection type").  The NIC rule comes from the topology layer
  (``kvmgui.topology.attach``), so the editors and the topology view agree.
* A network's ``<vlan>`` elements are checked when the network is *defined*
  (``networkValidate``): only forward modes hostdev and passthrough, or bridge with an
  Open vSwitch virtualport (network-wide or on the portgroup), may carry them.  From libvirt
  11 on, this module also accepts a plain Linux host bridge (forward mode bridge), since
  that release tags ports on Linux bridges.

The NIC findings are warnings (the definition is accepted; the guest will not start); the
network findings are errors (libvirt rejects the definition).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kvmgui.topology.attach import (
    LINUX_BRIDGE_VLAN_SINCE,
    ConnectionKind,
    VlanSource,
    resolve_attachment,
)
from kvmgui.topology.inputs import LibvirtVersion
from kvmgui.topology.labels import vlan_source_word
from kvmgui.topology.documents import (
    TopologyXmlError,
    domain_facts,
    network_facts,
    read_document,
)
from kvmgui.topology.facts import NetworkFacts
from kvmgui.xml import Domain, Network, Problem

OVS = "openvswitch"
_VERSION = re.compile(r"^\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?")


def parse_version(text: str) -> LibvirtVersion | None:
    """``"9.0.0"`` -> (9, 0, 0); None when ``text`` does not start with a number."""
    match = _VERSION.match(text or "")
    if match is None:
        return None
    major, minor, micro = (int(part) if part else 0 for part in match.groups())
    return (major, minor, micro)


def version_text(version: LibvirtVersion) -> str:
    return ".".join(str(part) for part in version)


def nic_vlan_problems(
    domain: Domain, network_xml: Mapping[str, str], version: LibvirtVersion
) -> list[Problem]:
    """A warning per NIC whose effective VLAN this libvirt would not apply.

    ``network_xml`` maps network names to their XML; a NIC on a network not in it is not
    judged.  Field names are ``interface[N].vlan``.
    """
    facts = domain_facts(domain, domain.name or "", domain.uuid or "", False, "")
    networks: dict[str, NetworkFacts] = {}
    for name, xml in network_xml.items():
        try:
            networks[name] = network_facts(read_document(Network, xml), True)
        except TopologyXmlError:
            continue  # judged like a network we do not know
    problems = []
    for nic in facts.nics:
        attachment = resolve_attachment(facts, nic, networks, frozenset(), version)
        vlan = attachment.requested_vlan
        if vlan is None or attachment.vlan_applied or attachment.network_missing:
            continue  # (a network we do not know could be anything: no guess)
        source = vlan_source_word(attachment.vlan_source or VlanSource.INTERFACE)
        args: dict[str, object] = {"number": nic.index + 1, "vlan": vlan.describe(),
                                   "source": source, "version": version_text(version)}
        field = f"interface[{nic.index}].vlan"
        if attachment.kind is ConnectionKind.LINUX_BRIDGE:
            problems.append(Problem.warning(
                field, "Interface {number}: {vlan} (from the {source}) is not applied: "
                "libvirt {version} tags ports on Linux bridges only from {since}, "
                "and it will refuse to start the guest.",
                since=version_text(LINUX_BRIDGE_VLAN_SINCE), **args))
        elif attachment.kind is ConnectionKind.MACVTAP:
            problems.append(Problem.warning(
                field, "Interface {number}: {vlan} (from the {source}) is not applied: "
                "libvirt tags macvtap ports only in passthrough mode, not in {mode} "
                "mode, and it will refuse to start the guest.",
                mode=attachment.direct_mode or "", **args))
        else:
            problems.append(Problem.warning(
                field, "Interface {number}: {vlan} (from the {source}) is not applied: "
                "libvirt does not tag {kind} connections, and it will refuse to "
                "start the guest.", kind=attachment.kind.value, **args))
    return problems


def network_vlans_allowed(network: Network, version: LibvirtVersion) -> bool:
    """May this network carry ``<vlan>`` elements at network level (all portgroups)?"""
    mode = network.forward_mode
    if mode in ("hostdev", "passthrough"):
        return True
    if mode != "bridge":
        return False
    if network.virtualport_type == OVS:
        return True
    return version >= LINUX_BRIDGE_VLAN_SINCE and bool(network.bridge_name)


def network_vlan_problems(network: Network, version: LibvirtVersion) -> list[Problem]:
    """Errors for ``<vlan>`` settings libvirt would reject when defining ``network``."""
    allowed = network_vlans_allowed(network, version)
    network_tags = bool(network.vlan.tags)
    problems = []
    mode = network.forward_mode or "isolated"
    if network_tags and not allowed and not network.portgroups:
        problems.append(Problem.error(
            "vlan", "VLAN tags on a network in forward mode {mode} are rejected by libvirt "
            "{version}: use Open vSwitch (bridge mode with virtualport openvswitch), "
            "macvtap passthrough or hostdev.", mode=mode, version=version_text(version)))
    for index, portgroup in enumerate(network.portgroups):
        if not (network_tags or portgroup.vlan.tags):
            continue
        if portgroup.virtualport_type is not None:
            ok = network.forward_mode == "bridge" and portgroup.virtualport_type == OVS
        else:
            ok = allowed
        if not ok:
            problems.append(Problem.error(
                f"portgroup[{index}].vlan", "Portgroup {name} has VLAN tags, which libvirt "
                "{version} rejects on a network in forward mode {mode} without Open vSwitch.",
                name=portgroup.name or index + 1, version=version_text(version), mode=mode))
    return problems
