"""Create or edit a virtual network (General tab, Portgroups and hosts tab, XML)."""

import ipaddress

from PySide6.QtWidgets import QWidget

from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.editor_dialog import EditorDialog, Job
from kvmgui.ui.editors.network_general_tab import (
    MACVTAP,
    NetworkGeneralTab,
    dhcp_default,
)
from kvmgui.ui.editors.network_tables import NetworkPortsTab
from kvmgui.virt.connection import Connection
from kvmgui.virt.define import DefineResult, define_network
from kvmgui.logic.vlan_support import network_vlan_problems
from kvmgui.xml import Network, Problem


def free_subnet(context: EditorContext) -> str:
    """``192.168.N.1/24`` for the first N from 100 that no network of the host uses."""
    used: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
    for info in context.networks:
        for ip in Network.from_xml(info.xml).ips:
            if ip.interface is not None:
                used.append(ip.interface.network)
    for third in range(100, 255):
        candidate = ipaddress.IPv4Network(f"192.168.{third}.0/24")
        if not any(candidate.overlaps(n) for n in used if n.version == 4):
            return f"192.168.{third}.1/24"
    return "10.254.0.1/24"


class NetworkEditor(EditorDialog[Network]):
    def __init__(self, conn: Connection, context: EditorContext, xml: str | None = None, *,
                 uuid: str | None = None, autostart: bool = False, active: bool = False,
                 parent: QWidget | None = None) -> None:
        if xml is None:
            subnet = free_subnet(context)
            document = Network.new("", forward_mode="nat", ipv4=subnet,
                                   dhcp_range=dhcp_default(subnet))
        else:
            document = Network.from_xml(xml)
        super().__init__(conn, context, document, Network,
                         original=xml if uuid is not None else None, title="", parent=parent)
        self.uuid = uuid
        self._autostart_before = autostart
        self.setWindowTitle(self.tr("Edit Network %s") % document.name if uuid is not None
                            else self.tr("New Network"))
        self.general = NetworkGeneralTab(context, editing=uuid is not None, parent=self)
        self.general.autostart.setChecked(autostart if uuid is not None else True)
        self.ports = NetworkPortsTab(self)
        self.add_form_tab(self.general, self.tr("&General"))
        self.add_form_tab(self.ports, self.tr("&Portgroups and hosts"))
        if active:
            self.set_notice(self.tr("%s is running: the new definition takes effect when the "
                                    "network is restarted.") % document.name)
        self.finish_setup()

    def extra_problems(self) -> list[Problem]:
        network = self.document
        problems = network_vlan_problems(network, self.context.version)
        mode = network.forward_mode
        if mode == "bridge" and network.find_element("bridge") is not None \
                and not network.bridge_name:
            problems.append(Problem.error("bridge", "Enter the host bridge the guests join."))
        elif mode in MACVTAP and network.find_element("bridge") is None \
                and not (network.forward_dev or network.forward_interfaces):
            problems.append(Problem.error("forward", "Choose the host device the guests "
                                          "attach to."))
        name = network.name
        if self.uuid is None and name and self.context.network(name) is not None:
            problems.append(Problem.error("name", "A network named {name} already exists.",
                                          name=name))
        return problems

    @property
    def autostart(self) -> bool:
        return self.general.autostart.isChecked()

    @property
    def start(self) -> bool:
        return self.uuid is None and self.general.start.isChecked()

    def extra_changes(self) -> list[str]:
        changes = []
        if self.autostart != self._autostart_before or self.uuid is None:
            changes.append(self.tr("Autostart: on") if self.autostart
                           else self.tr("Autostart: off"))
        if self.start:
            changes.append(self.general.start.text())
        return changes

    def make_job(self) -> Job:
        return define_network(self.document.to_xml(), original=self.original, uuid=self.uuid,
                              start=self.start, autostart=self.autostart)

    def on_applied(self, result: DefineResult) -> None:
        self.uuid = result.uuid
        self.conn.refresh_object("network", result.uuid)
