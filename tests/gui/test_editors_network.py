"""The network editor on test:///default: create, edit, VLAN rules, conflicts."""

import libvirt
from lxml import etree
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from editors_helpers import (  # noqa: F401 (fixtures)
    EditorsApp,
    apply_editor,
    default_editors_fixture,
    diff_dialog,
)

from kvmgui.ui.editors.network_editor import NetworkEditor

ISOLATED = ("<network><name>{name}</name><bridge stp='on' delay='0'/>"
            "<ip address='10.254.20.1' prefix='24'><dhcp>"
            "<range start='10.254.20.100' end='10.254.20.150'/></dhcp></ip></network>")


def new_network_editor(editors: EditorsApp) -> NetworkEditor:
    editor = editors.open(lambda: editors.feature.new_network_action.trigger())
    assert isinstance(editor, NetworkEditor)
    return editor


def retype(qtbot: QtBot, edit: object, text: str) -> None:
    edit.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(edit, text)


def network_root(conn: libvirt.virConnect, name: str) -> etree._Element:
    return etree.fromstring(conn.networkLookupByName(name).XMLDesc(0))


def test_nat_network_with_portgroups_and_static_host(default_editors: EditorsApp,
                                                     default_conn: libvirt.virConnect,
                                                     qtbot: QtBot) -> None:
    editor = new_network_editor(default_editors)
    general, ports = editor.general, editor.ports
    assert general.mode.currentData() == "nat"
    qtbot.keyClicks(general.name, "kvmgui-test-nat")
    retype(qtbot, general.ipv4, "10.254.10.1/24")
    assert any("outside the network" in m for m in editor.problems.messages())
    retype(qtbot, general.dhcp_start, "10.254.10.100")
    retype(qtbot, general.dhcp_end, "10.254.10.200")
    qtbot.keyClicks(general.dns_domain, "lab.invalid")
    editor.tabs.setCurrentWidget(ports)
    qtbot.mouseClick(ports.add_portgroup, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ports.add_portgroup, Qt.MouseButton.LeftButton)
    ports.portgroups.item(0, 0).setText("web")
    ports.portgroups.item(1, 0).setText("db")
    qtbot.mouseClick(ports.add_host, Qt.MouseButton.LeftButton)
    ports.hosts.item(0, 0).setText("52:54:00:aa:bb:cc")
    ports.hosts.item(0, 1).setText("printer")
    assert ports.hosts.item(0, 2).text() == "10.254.10.2"

    ports.portgroups.item(0, 2).setText("10")  # libvirt 9 rejects VLANs on NAT networks
    assert not editor.apply_button.isEnabled()
    assert "without Open vSwitch" in ports.vlan_note.text()
    ports.portgroups.item(0, 2).setText("")
    assert editor.apply_button.isEnabled(), editor.problems.messages()

    apply_editor(qtbot, editor)
    network = default_conn.networkLookupByName("kvmgui-test-nat")
    assert network.isActive() and network.autostart()
    root = network_root(default_conn, "kvmgui-test-nat")
    assert root.find("forward").get("mode") == "nat"
    ip = root.find("ip")
    assert (ip.get("address"), ip.get("prefix") or ip.get("netmask")) in (
        ("10.254.10.1", "24"), ("10.254.10.1", "255.255.255.0"))
    assert root.find("ip/dhcp/range").attrib == {"start": "10.254.10.100",
                                                  "end": "10.254.10.200"}
    host = root.find("ip/dhcp/host")
    assert (host.get("mac"), host.get("name"), host.get("ip")) == (
        "52:54:00:aa:bb:cc", "printer", "10.254.10.2")
    assert [(p.get("name"), p.get("default")) for p in root.findall("portgroup")] == [
        ("web", "yes"), ("db", None)]
    assert root.find("domain").get("name") == "lab.invalid"


def test_edit_dhcp_range_of_an_existing_network(default_editors: EditorsApp,
                                                default_conn: libvirt.virConnect,
                                                qtbot: QtBot) -> None:
    name = "kvmgui-test-iso"
    default_conn.networkDefineXML(ISOLATED.format(name=name))
    editor = default_editors.double_click(name)
    assert isinstance(editor, NetworkEditor)
    general = editor.general
    assert general.mode.currentData() == "isolated" and general.name.isReadOnly()
    assert general.ipv4.text() == "10.254.20.1/24"
    retype(qtbot, general.dhcp_end, "10.254.20.199")
    diff = apply_editor(qtbot, editor)
    assert "10.254.20.199" in diff
    assert network_root(default_conn, name).find("ip/dhcp/range").get("end") == "10.254.20.199"


def test_bridge_mode_drops_addresses_and_allows_ovs_vlans(default_editors: EditorsApp,
                                                          default_conn: libvirt.virConnect,
                                                          qtbot: QtBot) -> None:
    editor = new_network_editor(default_editors)
    general, ports = editor.general, editor.ports
    qtbot.keyClicks(general.name, "kvmgui-test-ovs")
    general.mode.setCurrentIndex(general.mode.findData("bridge-host"))
    general.bridge.setEditText("ovsbr-test")
    general.ovs.setChecked(True)
    assert editor.document.ips == []
    qtbot.mouseClick(ports.add_portgroup, Qt.MouseButton.LeftButton)
    ports.portgroups.item(0, 2).setText("10, 20")
    ports.portgroups.item(0, 3).setCheckState(Qt.CheckState.Checked)
    assert editor.apply_button.isEnabled(), editor.problems.messages()
    general.start.setChecked(False)  # the bridge does not exist on this host
    apply_editor(qtbot, editor)
    root = network_root(default_conn, "kvmgui-test-ovs")
    assert root.find("forward").get("mode") == "bridge"
    assert root.find("bridge").attrib == {"name": "ovsbr-test"}
    assert root.find("virtualport").get("type") == "openvswitch"
    vlan = root.find("portgroup/vlan")
    assert vlan.get("trunk") == "yes" and [t.get("id") for t in vlan] == ["10", "20"]
    assert root.find("ip") is None


def test_network_changed_elsewhere_is_not_overwritten(default_editors: EditorsApp,
                                                      default_conn: libvirt.virConnect,
                                                      qtbot: QtBot) -> None:
    name = "kvmgui-test-race-net"
    default_conn.networkDefineXML(ISOLATED.format(name=name))
    editor = default_editors.double_click(name)
    retype(qtbot, editor.general.dhcp_end, "10.254.20.120")
    current = default_conn.networkLookupByName(name).XMLDesc(0)
    default_conn.networkDefineXML(current.replace("<bridge", "<domain name='other.invalid'/>"
                                                  "<bridge", 1))
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(diff_dialog(qtbot, editor).accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: diff_dialog(qtbot, editor).accept_button.text() == "Reload")
    assert "other.invalid" in diff_dialog(qtbot, editor).text.toPlainText()
    root = network_root(default_conn, name)
    assert root.find("ip/dhcp/range").get("end") == "10.254.20.150"
    assert root.find("domain").get("name") == "other.invalid"
