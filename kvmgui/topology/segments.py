"""Layer-2 segments (broadcast domains): which guest NICs reach each other without a router.

The model, per connection type:
- Linux bridge without VLAN filtering (every bridge on libvirt < 11): one segment per bridge;
  its VLAN is the tag of its uplink when that is a VLAN device (brvlan10 over eth0.10 is VLAN 10).
- Open vSwitch, and Linux bridges once libvirt (>= 11) applies tags: one segment per VLAN on
  the bridge. An access port joins its VLAN, a trunk port every VLAN it carries; an OVS port
  without any tag is a trunk of all VLANs (OVS's own rule) and also joins the untagged segment.
- macvtap ("direct"): mode bridge joins the other bridge-mode macvtaps on the same parent device
  and the LAN behind it, but NOT the host through that device (macvtap traffic never reaches the
  parent's own stack). VEPA endpoints share the parent's LAN only through the external switch
  (which must reflect, "hairpin"). Private and passthrough endpoints are alone in their segment.
- SR-IOV (hostdev on a network with a known PF): the NIC's embedded switch joins the VFs of one
  PF that share a VLAN. A bare hostdev NIC, user-mode and other NICs are alone.
- Only *connected* NICs count: the domain is active (running or paused: the port exists), its
  link is up, its network is active and its bridge exists. Shut-off domains stay in the graph
  but are members of no segment.
- Two segments leaving through the same NIC and VLAN meet on the external switch; whether they
  reach each other there is outside what the host can tell, so they stay separate segments.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from kvmgui.core.message import Message
from kvmgui.topology.attach import Attachment, ConnectionKind
from kvmgui.topology.host import HostView
from kvmgui.topology.labels import direct_mode_word, nic_type_word
from kvmgui.topology.model import (
    OUTSIDE_ID,
    Segment,
    Uplink,
    UplinkKind,
    node_id_for_interface,
    node_id_for_network,
    node_id_for_portgroup,
)



@dataclass(frozen=True)
class SegmentKey:
    """Where a NIC's frames go: one key per broadcast domain the port joins."""

    id: str
    vlan: int | None
    bridge: str | None
    uplink: Uplink
    notes: tuple[Message, ...] = ()
    title: str | Message = ""


@dataclass
class _Draft:
    key: SegmentKey
    vnics: set[str] = field(default_factory=set)
    nodes: set[str] = field(default_factory=set)
    members: set[str] = field(default_factory=set)

    def freeze(self) -> Segment:
        return Segment(
            id=self.key.id,
            vlan=self.key.vlan,
            bridge=self.key.bridge,
            uplink=self.key.uplink,
            members=tuple(sorted(self.members)),
            vnics=tuple(sorted(self.vnics)),
            nodes=frozenset(self.nodes),
            notes=self.key.notes,
            title=self.key.title or self.key.bridge or self.key.id,
        )


def bridge_node_id(view: HostView, bridge: str) -> str:
    """A network-owned bridge (virbr0) is drawn as its network; others as an interface."""
    owner = view.network_bridges.get(bridge)
    return node_id_for_network(owner) if owner is not None else node_id_for_interface(bridge)


def path_nodes(view: HostView, attachment: Attachment) -> list[str]:
    """The nodes between a vNIC and the switching point it hangs on, vNIC first."""
    nodes = [attachment.vnic_id]
    if attachment.portgroup is not None and attachment.network is not None:
        nodes.append(node_id_for_portgroup(attachment.network.name, attachment.portgroup.name))
    if attachment.network is not None:
        nodes.append(node_id_for_network(attachment.network.name))
    if attachment.bridge is not None:
        nodes.append(bridge_node_id(view, attachment.bridge))
    elif attachment.device is not None:
        nodes.append(node_id_for_interface(attachment.device))
    return list(dict.fromkeys(nodes))


def compute_segments(view: HostView) -> tuple[Segment, ...]:
    drafts: dict[str, _Draft] = {}
    bridge_vlans = vlans_per_bridge(view)
    aware = vlan_aware_bridges(view)
    for attachment in view.attachments:
        if not attachment.connected:
            continue
        for key in segment_keys(view, attachment, aware, bridge_vlans):
            draft = drafts.setdefault(key.id, _Draft(key))
            draft.vnics.add(attachment.vnic_id)
            draft.nodes.update(path_nodes(view, attachment))
            draft.members.add(attachment.domain.name)
    return tuple(draft.freeze() for _, draft in sorted(drafts.items()))


def vlans_per_bridge(view: HostView) -> dict[str, set[int]]:
    """VLANs that connected ports with an applied tag use on each bridge."""
    result: dict[str, set[int]] = {}
    for attachment in view.attachments:
        vlan = attachment.port_vlan
        if attachment.connected and attachment.bridge is not None and vlan is not None:
            result.setdefault(attachment.bridge, set()).update(vlan.all_tags)
    return result


def vlan_aware_bridges(view: HostView) -> set[str]:
    """Bridges that separate VLANs: every OVS bridge, and a Linux bridge once tags are applied."""
    aware = set(view.ovs_bridges)
    for attachment in view.attachments:
        if (
            attachment.connected
            and attachment.kind is ConnectionKind.LINUX_BRIDGE
            and attachment.bridge is not None
            and attachment.port_vlan is not None
        ):
            aware.add(attachment.bridge)
    return aware


def segment_keys(
    view: HostView, attachment: Attachment, aware: set[str], bridge_vlans: dict[str, set[int]]
) -> Iterator[SegmentKey]:
    kind = attachment.kind
    if kind in (ConnectionKind.LINUX_BRIDGE, ConnectionKind.OVS_BRIDGE):
        yield from _bridge_keys(view, attachment, aware, bridge_vlans)
    elif kind is ConnectionKind.MACVTAP:
        yield _macvtap_key(view, attachment)
    elif kind is ConnectionKind.HOSTDEV:
        yield from _hostdev_keys(view, attachment)
    elif kind is ConnectionKind.USER:
        uplink = Uplink(UplinkKind.NAT, Message.of("user-mode networking (NAT in the emulator)"))
        title = Message.of("user-mode {nic}", nic=_nic_title(attachment))
        yield SegmentKey(f"user:{attachment.vnic_id}", None, None, uplink, title=title)
    else:
        nic_type = nic_type_word(attachment.nic.raw_type or "unknown")
        uplink = Uplink(UplinkKind.UNKNOWN, Message.of("{type} connection", type=nic_type))
        title = Message.of("{type} {nic}", type=nic_type, nic=_nic_title(attachment))
        yield SegmentKey(f"other:{attachment.vnic_id}", None, None, uplink, title=title)


def _nic_title(attachment: Attachment) -> Message:
    return Message.of("{domain} NIC {nic}", domain=attachment.domain.name,
                      nic=attachment.nic.index)


def _bridge_keys(
    view: HostView, attachment: Attachment, aware: set[str], bridge_vlans: dict[str, set[int]]
) -> Iterator[SegmentKey]:
    bridge = attachment.bridge
    if bridge is None:  # a network without a bridge name (only in hand-written XML)
        network = attachment.network.name if attachment.network else "?"
        uplink = _network_uplink(view, network)
        title = Message.of("network {name}", name=network)
        yield SegmentKey(f"net:{network}", None, None, uplink, title=title)
        return
    uplink, uplink_vlan = _bridge_uplink(view, bridge)
    vlan = attachment.port_vlan
    if bridge not in aware:
        yield SegmentKey(bridge, uplink_vlan, bridge, uplink)
        return
    if vlan is None:
        yield SegmentKey(f"{bridge}/untagged", None, bridge, uplink)
        if bridge in view.ovs_bridges:  # an OVS port without tags trunks every VLAN
            for tag in sorted(bridge_vlans.get(bridge, ())):
                yield SegmentKey(f"{bridge}/vlan{tag}", tag, bridge, uplink)
        return
    for tag in vlan.all_tags:
        yield SegmentKey(f"{bridge}/vlan{tag}", tag, bridge, uplink)


def _bridge_uplink(view: HostView, bridge: str) -> tuple[Uplink, int | None]:
    owner = view.network_bridges.get(bridge)
    if owner is not None:
        return _network_uplink(view, owner), None
    ports = view.bridge_ports(bridge)
    if not ports:
        if bridge in view.ovs_bridges:
            return Uplink(UplinkKind.UNKNOWN,
                          Message.of("not reported by libvirt (Open vSwitch)")), None
        return Uplink(UplinkKind.NONE, Message.of("none")), None
    chains = [view.chain(port) for port in ports]
    vlans = {chain.vlan for chain in chains}
    nodes = tuple(node_id_for_interface(name) for chain in chains for name in chain.nodes)
    description = chains[0].description
    for chain in chains[1:]:
        description = Message.of("{uplinks} + {uplink}", uplinks=description,
                                 uplink=chain.description)
    return Uplink(UplinkKind.PHYSICAL, description, nodes), vlans.pop() if len(vlans) == 1 else None


def _network_uplink(view: HostView, network_name: str) -> Uplink:
    network = view.networks.get(network_name)
    mode = network.forward_mode if network is not None else None
    via = network.forward_devices[0] if network and network.forward_devices else ""
    if mode == "nat":
        text = Message.of("NAT via {device}", device=via) if via else Message.of("NAT")
        return Uplink(UplinkKind.NAT, text, (OUTSIDE_ID,))
    if mode == "route":
        text = Message.of("routed via {device}", device=via) if via else Message.of("routed")
        return Uplink(UplinkKind.ROUTED, text, (OUTSIDE_ID,))
    if mode == "open":
        text = (Message.of("open (routed, no firewall) via {device}", device=via) if via
                else Message.of("open (routed, no firewall)"))
        return Uplink(UplinkKind.ROUTED, text, (OUTSIDE_ID,))
    return Uplink(UplinkKind.ISOLATED, Message.of("isolated"))


def _macvtap_key(view: HostView, attachment: Attachment) -> SegmentKey:
    device, mode = attachment.device, attachment.direct_mode or "vepa"
    if device is None:
        uplink = Uplink(UplinkKind.UNKNOWN, Message.of("macvtap without a device"))
        title = Message.of("macvtap {nic}", nic=_nic_title(attachment))
        return SegmentKey(f"macvtap:{attachment.vnic_id}", None, None, uplink, title=title)
    chain = view.chain(device)
    uplink = Uplink(
        UplinkKind.PHYSICAL, chain.description, tuple(node_id_for_interface(n) for n in chain.nodes)
    )
    vlan = chain.vlan
    port_vlan = attachment.port_vlan
    if port_vlan is not None and not port_vlan.is_trunk:
        vlan = port_vlan.all_tags[0]
    if mode == "bridge":
        note = Message.of("macvtap: guests reach each other and the LAN on {dev}, not the host "
                          "itself", dev=device)
        return SegmentKey(f"macvtap:{device}/bridge", vlan, None, uplink, (note,),
                          Message.of("macvtap on {dev}", dev=device))
    if mode == "vepa":
        note = Message.of("VEPA: guests reach each other only if the switch on {dev} reflects "
                          "(hairpin)", dev=device)
        return SegmentKey(f"macvtap:{device}/vepa", vlan, None, uplink, (note,),
                          Message.of("macvtap on {dev} (VEPA)", dev=device))
    # private and passthrough: nobody else on this host shares the port
    title = Message.of("macvtap on {dev} ({mode}, {nic})", dev=device,
                       mode=direct_mode_word(mode), nic=_nic_title(attachment))
    return SegmentKey(f"macvtap:{device}/{mode}/{attachment.vnic_id}", vlan, None, uplink,
                      title=title)


def _hostdev_keys(view: HostView, attachment: Attachment) -> Iterator[SegmentKey]:
    device = attachment.device
    if device is None:
        address = attachment.nic.hostdev_address or "?"
        uplink = Uplink(UplinkKind.UNKNOWN, Message.of("PCI device {address}", address=address))
        title = Message.of("hostdev {nic}", nic=_nic_title(attachment))
        yield SegmentKey(f"hostdev:{attachment.vnic_id}", None, None, uplink, title=title)
        return
    chain = view.chain(device)
    uplink = Uplink(
        UplinkKind.PHYSICAL, chain.description, tuple(node_id_for_interface(n) for n in chain.nodes)
    )
    vlan = attachment.port_vlan
    for tag in vlan.all_tags if vlan is not None else (None,):
        suffix = f"vlan{tag}" if tag is not None else "untagged"
        yield SegmentKey(f"sriov:{device}/{suffix}", tag, None, uplink,
                         title=Message.of("SR-IOV on {dev}", dev=device))

