"""Network editor, General tab: name, forward mode, bridge, addresses, DHCP range, DNS domain.

Forward modes as the form offers them: NAT, routed, open and isolated networks get a bridge
libvirt runs and host addresses; "bridge to a host bridge" puts guests on an existing
(Linux or Open vSwitch) bridge; the macvtap modes attach guests to a host device.  Leaving a
mode removes what libvirt would reject in the new one (addresses, STP, forward device).
"""

import ipaddress

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.form_tab import (
    FormTab,
    note_label,
    set_combo_data,
    set_placeholder,
    top_form,
)
from kvmgui.xml import Network, NetworkIp

ROUTED = ("nat", "route", "open", "isolated")
MACVTAP = ("bridge", "vepa", "private", "passthrough")
OVS = "openvswitch"


def mode_of(network: Network) -> str:
    """The form's mode: libvirt's forward mode, 'isolated', or 'bridge-host'."""
    mode = network.forward_mode
    if mode is None:
        return "isolated"
    if mode == "bridge" and network.bridge_name:
        return "bridge-host"
    return mode


def ip_of(network: Network, version: int) -> NetworkIp | None:
    for ip in network.ips:
        family = ip.family or ("ipv6" if ":" in (ip.address or "") else "ipv4")
        if family == f"ipv{version}":
            return ip
    return None


def dhcp_default(text: str) -> tuple[str, str] | None:
    """The upper half of the subnet (e.g. .128-.254 of a /24), libvirt-style."""
    try:
        interface = ipaddress.IPv4Interface(text.strip())
    except ValueError:
        return None
    hosts = list(interface.network.hosts()) if interface.network.num_addresses <= 65536 else []
    if len(hosts) < 4:
        return None
    return str(hosts[len(hosts) // 2]), str(hosts[-1])


class NetworkGeneralTab(FormTab):
    FIELDS = ("name", "forward", "bridge", "ip", "vlan", "virtualport", "domain")

    def __init__(self, context: EditorContext, *, editing: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network: Network | None = None
        self.name = QLineEdit(self)
        self.name.setReadOnly(editing)
        if editing:
            self.name.setToolTip(self.tr("libvirt cannot rename a network"))
        self.mode = QComboBox(self)
        for label, mode in ((self.tr("NAT (guests share the host's address)"), "nat"),
                            (self.tr("Routed (the host routes the subnet)"), "route"),
                            (self.tr("Open (routed, no firewall rules)"), "open"),
                            (self.tr("Isolated (guests and host only)"), "isolated"),
                            (self.tr("Bridge to a host bridge"), "bridge-host"),
                            (self.tr("Macvtap bridge on a host device"), "bridge"),
                            (self.tr("Macvtap VEPA"), "vepa"),
                            (self.tr("Macvtap private"), "private"),
                            (self.tr("Macvtap passthrough"), "passthrough")):
            self.mode.addItem(label, mode)
        self.bridge = QComboBox(self)
        self.bridge.setEditable(True)
        self.bridge.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.bridge.addItems(context.host_bridges())
        self.device = QComboBox(self)
        self.device.setEditable(True)
        self.device.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.device.addItems(context.host_devices())
        self.ovs = QCheckBox(self.tr("The bridge is an Open vSwitch bridge"), self)
        self.ipv4 = QLineEdit(self)
        self.ipv4.setPlaceholderText("192.168.100.1/24")
        self.dhcp = QCheckBox(self.tr("DHCP from"), self)
        self.dhcp_start = QLineEdit(self)
        self.dhcp_end = QLineEdit(self)
        self.ipv6_on = QCheckBox(self.tr("IPv6 as well"), self)
        self.ipv6 = QLineEdit(self)
        self.ipv6.setPlaceholderText("fd00:100::1/64")
        self.dns_domain = QLineEdit(self)
        self.dns_domain.setPlaceholderText(self.tr("e.g. lab.internal (optional)"))
        self.start = QCheckBox(self.tr("Start the network now"), self)
        self.start.setChecked(True)
        self.start.setVisible(not editing)
        self.autostart = QCheckBox(self.tr("Start the network when the host boots"), self)
        self.mode_note = note_label(self)
        self.form = form = top_form(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Mode:"), self.mode)
        form.addRow(self.tr("&Bridge:"), self.bridge)
        form.addRow("", self.ovs)
        form.addRow(self.tr("Host &device:"), self.device)
        form.addRow(self.tr("IPv&4 address:"), self.ipv4)
        form.addRow(self.dhcp, self._pair(self.dhcp_start, self.dhcp_end))
        form.addRow(self.ipv6_on, self.ipv6)
        form.addRow(self.tr("DNS do&main:"), self.dns_domain)
        form.addRow(self.mode_note)
        form.addRow("", self.start)
        form.addRow("", self.autostart)
        self.field_widgets = {"name": self.name, "forward": self.mode, "bridge": self.bridge,
                              "ip[0]": self.ipv4, "ip[0].dhcp": self.dhcp_start,
                              "ip[1]": self.ipv6, "virtualport": self.ovs,
                              "domain": self.dns_domain}
        self.name.textEdited.connect(lambda t: self.write(lambda: self._set_name(t)))
        self.mode.currentIndexChanged.connect(lambda _i: self.write(self._set_mode))
        self.bridge.currentTextChanged.connect(lambda _t: self.write(self._set_mode))
        self.device.currentTextChanged.connect(lambda _t: self.write(self._set_mode))
        self.ovs.toggled.connect(lambda _on: self.write(self._set_mode))
        for edit in (self.ipv4, self.dhcp_start, self.dhcp_end, self.ipv6):
            edit.textEdited.connect(lambda _t: self.write(self._store_addresses))
        self.dhcp.toggled.connect(lambda _on: self.write(self._dhcp_toggled))
        self.ipv6_on.toggled.connect(lambda _on: self.write(self._store_addresses))
        self.dns_domain.textEdited.connect(lambda t: self.write(lambda: self._set_domain(t)))
        self.autostart.toggled.connect(lambda _on: self.write(lambda: None))

    def owns(self, field: str) -> bool:
        return super().owns(field) and ".dhcp.host" not in field

    def _pair(self, first: QLineEdit, second: QLineEdit) -> QWidget:
        box = QWidget(self)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(first, 1)
        layout.addWidget(QLabel(self.tr("to"), box))
        layout.addWidget(second, 1)
        return box

    # ---- document → widgets ---------------------------------------------------------------

    def fill(self, document: Network) -> None:
        self.network = document
        self.name.setText(document.name or "")
        mode = mode_of(document)
        set_combo_data(self.mode, mode, add_text=mode)
        self.bridge.setEditText(document.bridge_name or "")
        self.device.setEditText(document.forward_dev or "")
        self.ovs.setChecked(document.virtualport_type == OVS)
        ipv4, ipv6 = ip_of(document, 4), ip_of(document, 6)
        if ipv4 is not None:
            self.ipv4.setText(self._address_text(ipv4))
            ranges = ipv4.dhcp_ranges
            self.dhcp.setChecked(bool(ranges))
            if ranges:
                self.dhcp_start.setText(ranges[0].start or "")
                self.dhcp_end.setText(ranges[0].end or "")
        elif mode in ROUTED:
            self.ipv4.clear()
            self.dhcp.setChecked(False)
        self.ipv6_on.setChecked(ipv6 is not None)
        if ipv6 is not None:
            self.ipv6.setText(self._address_text(ipv6))
        self.dns_domain.setText(document.dns_domain or "")
        self._show_rows(mode)

    def _address_text(self, ip: NetworkIp) -> str:
        interface = ip.interface
        if interface is not None:
            return f"{interface.ip}/{interface.network.prefixlen}"
        return ip.address or ""

    def _show_rows(self, mode: str) -> None:
        routed = mode in ROUTED
        rows = {self.bridge: routed or mode == "bridge-host", self.ovs: mode == "bridge-host",
                self.device: mode in MACVTAP or mode in ("nat", "route"), self.ipv4: routed,
                self.dhcp: routed, self.ipv6_on: routed, self.dns_domain: routed}
        for widget, visible in rows.items():
            self.form.setRowVisible(widget, visible)
        self.dhcp_start.setEnabled(self.dhcp.isChecked())
        self.dhcp_end.setEnabled(self.dhcp.isChecked())
        self.ipv6.setEnabled(self.ipv6_on.isChecked())
        set_placeholder(self.bridge, self.tr("assigned by libvirt (virbrN)") if routed
                        else self.tr("e.g. br0"))
        set_placeholder(self.device, self.tr("any (the host's routing decides)") if routed
                        else self.tr("e.g. eth0"))
        self.mode_note.setText({
            "bridge-host": self.tr("Guests join an existing bridge on the host; libvirt does not "
                                   "give it addresses or DHCP."),
            "passthrough": self.tr("Each guest gets a host device of its own (SR-IOV virtual "
                                   "functions or spare NICs)."),
        }.get(mode, self.tr("Guests sit directly on the host device, without a bridge; they "
                            "cannot talk to the host through it.") if mode in MACVTAP else ""))
        self.mode_note.setVisible(bool(self.mode_note.text()))

    # ---- widgets → document ---------------------------------------------------------------

    def _set_name(self, text: str) -> None:
        assert self.network is not None
        self.network.name = text.strip() or None

    def _set_domain(self, text: str) -> None:
        assert self.network is not None
        self.network.dns_domain = text.strip() or None

    def _set_mode(self) -> None:
        network = self.network
        assert network is not None
        mode = str(self.mode.currentData())
        network.forward_mode = {"isolated": None, "bridge-host": "bridge"}.get(mode, mode)
        bridge = self.bridge.currentText().strip() or None
        device = self.device.currentText().strip() or None
        if mode in ROUTED:
            network.virtualport_type = None
            network.bridge_name = bridge
            if bridge is not None:
                network.bridge_stp, network.bridge_delay = True, 0
            network.forward_dev = device if mode in ("nat", "route") else None
        elif mode == "bridge-host":
            network.bridge_name = bridge
            del network.bridge_stp, network.bridge_delay  # even values that do not parse
            network.forward_dev = None
            network.virtualport_type = OVS if self.ovs.isChecked() else None
        else:
            element = network.find_element("bridge")
            if element is not None:
                network.remove_element(element)
            network.virtualport_type = None
            network.forward_dev = device
        self._store_addresses()
        self._show_rows(mode)

    def _dhcp_toggled(self) -> None:
        if self.dhcp.isChecked() and not self.dhcp_start.text().strip():
            default = dhcp_default(self.ipv4.text())
            if default is not None:
                self.dhcp_start.setText(default[0])
                self.dhcp_end.setText(default[1])
        self._store_addresses()
        self._show_rows(str(self.mode.currentData()))

    def _store_addresses(self) -> None:
        network = self.network
        assert network is not None
        routed = str(self.mode.currentData()) in ROUTED
        ipv4 = self._store_ip(4, self.ipv4.text() if routed else "")
        if ipv4 is not None:
            self._store_dhcp(ipv4)
        self._store_ip(6, self.ipv6.text() if routed and self.ipv6_on.isChecked() else "")
        self.ipv6.setEnabled(self.ipv6_on.isChecked())

    def _store_ip(self, version: int, text: str) -> NetworkIp | None:
        network = self.network
        assert network is not None
        ip = ip_of(network, version)
        address, _, prefix = text.strip().partition("/")
        if not address:
            if ip is not None:
                network.remove_ip(ip)
            return None
        prefix_value = int(prefix) if prefix.strip().isdigit() else None
        if ip is None:
            family = "ipv6" if version == 6 else None
            return network.add_ip(address, prefix=prefix_value, family=family)
        ip.address = address
        ip.netmask = None  # the form writes prefixes; a netmask as well would be an error
        ip.prefix = prefix_value
        return ip

    def _store_dhcp(self, ip: NetworkIp) -> None:
        ranges = ip.dhcp_ranges
        start, end = self.dhcp_start.text().strip(), self.dhcp_end.text().strip()
        if self.dhcp.isChecked() and start and end:
            if ranges:
                ranges[0].start, ranges[0].end = start, end
            else:
                ip.add_dhcp_range(start, end)
            return
        for dhcp_range in ranges:
            ip.remove_dhcp_range(dhcp_range)

