"""The editors against a real libvirtd + QEMU: what they produce is accepted by the real
drivers, and the VLAN settings they mark are the ones this libvirt really refuses.

Networks use 10.254.x.0/24 and are isolated or left unstarted (NAT): no traffic leaves
the host.  Every object is named with owned_name(...) and removed in teardown.
"""

from collections.abc import Callable, Iterator
from typing import Any

import libvirt
import pytest
from fixture_helpers import StartApp
from daemon_helpers import URI, TierDaemon
from object_helpers import (
    POOL_ROOT,
    connection,
    owned_name,
    remove_domain,
    remove_network,
    remove_pool,
)
from lxml import etree
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QWizard
from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.logic.guest_types import offered_domain_types, preferred_domain_type
from kvmgui.logic.new_vm_plan import (
    DiskMode,
    InstallMethod,
    NewVmPlan,
    NicMode,
    build_domain,
    choose_target,
)
from kvmgui.logic.osinfo import GENERIC_OS
from kvmgui.ui.editors.diff_dialog import DiffDialog
from kvmgui.ui.editors.domain_editor import DomainEditor
from kvmgui.ui.editors.install import EditorsFeature
from kvmgui.ui.editors.network_editor import NetworkEditor
from kvmgui.ui.editors.new_vm_wizard import NewVmWizard
from kvmgui.ui.editors.pool_editor import PoolEditor
from kvmgui.ui.editors.volume_editor import VolumeEditor
from kvmgui.ui.roles import Category, Column, Role
from kvmgui.virt.hostcheck import probe_local
from kvmgui.virt.define import (
    DomainChange,
    NewVolumeRequest,
    create_volume,
    define_domain,
)
from kvmgui.xml import Volume

TIMEOUT_MS = 60000
Cleanup = Callable[[Callable[..., None], str], None]


@pytest.fixture
def removed(libvirt_tier: TierDaemon) -> Iterator[Cleanup]:
    """removed(remove_function, name): remove that object after the test (even on failure)."""
    actions: list[tuple[Callable[..., None], str]] = []
    yield lambda remove, name: actions.append((remove, name))
    libvirt_tier.ensure_answers()
    with connection() as conn:
        for remove, name in reversed(actions):
            remove(conn, name)


@pytest.fixture
def app(start_app: StartApp) -> Application:
    return start_app(URI, timeout_ms=TIMEOUT_MS)


@pytest.fixture
def editors(app: Application) -> EditorsFeature:
    return app.editors


def opened(qtbot: QtBot, feature: EditorsFeature, trigger: Callable[[], object]) -> Any:
    with qtbot.waitSignal(feature.editorOpened, timeout=TIMEOUT_MS) as blocker:
        trigger()
    dialog = blocker.args[0]
    assert isinstance(dialog, QDialog)
    return dialog


def apply(qtbot: QtBot, editor: Any) -> None:
    assert editor.apply_button.isEnabled(), editor.problems.messages()
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in editor.findChildren(DiffDialog)))
    review = next(d for d in editor.findChildren(DiffDialog) if d.isVisible())
    with qtbot.waitSignal(editor.applied, timeout=TIMEOUT_MS):
        qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)


def retype(qtbot: QtBot, edit: Any, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def subnet(libvirt_tier: TierDaemon, offset: int) -> str:
    """A 10.254.x.0/24 of this session (sessions may run side by side)."""
    return f"10.254.{(libvirt_tier.session_pid + offset) % 200 + 20}"


def domain_row(app: Application, name: str) -> QModelIndex:
    model = app.model
    for r in range(model.rowCount()):
        conn_index = model.index(r, 0)
        if conn_index.data(Role.KEY) == URI:
            category = model.index(int(Category.DOMAINS), 0, conn_index)
            for i in range(model.rowCount(category)):
                if model.index(i, 0, category).data() == name:
                    return model.index(i, 0, category)
    return QModelIndex()


def test_wizard_guest_is_defined_by_qemu(editors: EditorsFeature, libvirt_tier: TierDaemon,
                                         test_pool: str, test_network: str,
                                         virt_conn: libvirt.virConnect, removed: Cleanup,
                                         qtbot: QtBot) -> None:
    name = owned_name("wizard", libvirt_tier.session_pid)
    removed(remove_domain, name)
    wizard = opened(qtbot, editors, editors.new_vm_action.trigger)
    assert isinstance(wizard, NewVmWizard)
    wizard.os_page.search.setText("debian 11")
    retype(qtbot, wizard.os_page.name, name)
    wizard.next()
    wizard.install_page.iso.setEditText("/var/lib/kvmgui-test/missing-installer.iso")
    wizard.next()
    resources = wizard.resources_page
    resources.memory.setValue(128)
    resources.pool.setCurrentIndex(resources.pool.findData(test_pool))
    resources.size_spin.setValue(0.1)
    wizard.next()
    finish = wizard.finish_page
    finish.source.setCurrentText(test_network)
    finish.start.setChecked(False)
    with qtbot.waitSignal(wizard.created, timeout=TIMEOUT_MS):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)
    root = etree.fromstring(virt_conn.lookupByName(name).XMLDesc(0))
    target = choose_target(virt_conn.getType(), virt_conn.getCapabilities(),
                           hardware_virt=probe_local().usable)
    assert root.get("type") == target.domain_type
    volume = virt_conn.storagePoolLookupByName(test_pool).storageVolLookupByName(f"{name}.qcow2")
    disk = root.find("devices/disk")
    assert disk is not None and disk.find("source").get("file") == volume.path()
    assert root.find("devices/interface/source").get("network") == test_network


def test_planned_guest_starts_on_qemu(libvirt_tier: TierDaemon, test_pool: str,
                                      virt_conn: libvirt.virConnect, removed: Cleanup) -> None:
    """The plan's device set really runs (no NIC: nothing can leave the guest)."""
    name = owned_name("planned", libvirt_tier.session_pid)
    removed(remove_domain, name)
    target = choose_target(virt_conn.getType(), virt_conn.getCapabilities(),
                           hardware_virt=probe_local().usable)
    plan = NewVmPlan(name=name, memory_mib=64, vcpus=1, target=target, os=GENERIC_OS,
                     install=InstallMethod.IMPORT, disk=DiskMode.EXISTING, nic=NicMode.NONE)
    pool = virt_conn.storagePoolLookupByName(test_pool)
    image = pool.createXML(Volume.new(f"{name}.qcow2", 16 * 1024**2, "qcow2").to_xml(), 0)
    plan.disk_path = image.path()
    result = define_domain(DomainChange(build_domain(plan).to_xml(), start=True))(virt_conn)
    assert result.warning == ""
    assert virt_conn.lookupByUUIDString(result.uuid).isActive()


def test_dir_pool_and_volumes_from_the_editors(app: Application, editors: EditorsFeature,
                                               libvirt_tier: TierDaemon,
                                               virt_conn: libvirt.virConnect, removed: Cleanup,
                                               qtbot: QtBot) -> None:
    name = owned_name("edpool", libvirt_tier.session_pid)
    removed(remove_pool, name)
    POOL_ROOT.mkdir(mode=0o755, exist_ok=True)
    editor = opened(qtbot, editors, editors.new_pool_action.trigger)
    assert isinstance(editor, PoolEditor)
    qtbot.keyClicks(editor.general.name, name)
    retype(qtbot, editor.general.target, str(POOL_ROOT / name))
    editor.general.autostart.setChecked(False)
    apply(qtbot, editor)
    pool = virt_conn.storagePoolLookupByName(name)
    assert pool.isActive() and (POOL_ROOT / name).is_dir()

    qtbot.waitUntil(lambda: any(p.name == name and p.active for p in app.model.pools(URI)),
                    timeout=TIMEOUT_MS)
    for volume_name, fmt in (("disk.qcow2", "qcow2"), ("disk.img", "raw")):
        volume_editor = opened(qtbot, editors, editors.new_volume_action.trigger)
        assert isinstance(volume_editor, VolumeEditor)
        tab = volume_editor.general
        tab.pool.setCurrentIndex(tab.pool.findData(name))
        qtbot.keyClicks(tab.name, volume_name)
        tab.format.setCurrentText(fmt)
        tab.capacity.setValue(0.01)
        apply(qtbot, volume_editor)
        volume = pool.storageVolLookupByName(volume_name)
        assert etree.fromstring(volume.XMLDesc(0)).find("target/format").get("type") == fmt


def test_isolated_and_nat_networks_with_portgroups(editors: EditorsFeature,
                                                   libvirt_tier: TierDaemon,
                                                   virt_conn: libvirt.virConnect,
                                                   removed: Cleanup, qtbot: QtBot) -> None:
    for mode, suffix, offset, start in (("isolated", "iso", 0, True), ("nat", "nat", 1, False)):
        name = owned_name(f"ed{suffix}", libvirt_tier.session_pid)
        removed(remove_network, name)
        editor = opened(qtbot, editors, editors.new_network_action.trigger)
        assert isinstance(editor, NetworkEditor)
        general = editor.general
        qtbot.keyClicks(general.name, name)
        general.mode.setCurrentIndex(general.mode.findData(mode))
        prefix = subnet(libvirt_tier, offset)
        retype(qtbot, general.ipv4, f"{prefix}.1/24")
        retype(qtbot, general.dhcp_start, f"{prefix}.100")
        retype(qtbot, general.dhcp_end, f"{prefix}.150")
        general.start.setChecked(start)
        general.autostart.setChecked(False)
        for _ in range(2):
            qtbot.mouseClick(editor.ports.add_portgroup, Qt.MouseButton.LeftButton)
        apply(qtbot, editor)
        network = virt_conn.networkLookupByName(name)
        assert bool(network.isActive()) is start
        root = etree.fromstring(network.XMLDesc(0))
        assert [p.get("name") for p in root.findall("portgroup")] == ["portgroup1", "portgroup2"]
        assert root.find("ip").get("address") == f"{prefix}.1"


def test_vlan_marks_match_what_this_libvirt_refuses(app: Application, editors: EditorsFeature,
                                                    make_guest: Any,
                                                    libvirt_tier: TierDaemon,
                                                    virt_conn: libvirt.virConnect,
                                                    removed: Cleanup, qtbot: QtBot) -> None:
    guest = make_guest("vlan", running=False)  # on an isolated network: a Linux bridge
    qtbot.waitUntil(lambda: domain_row(app, guest).isValid(), timeout=TIMEOUT_MS)
    editor = opened(qtbot, editors, lambda: editors.edit(domain_row(app, guest)))
    assert isinstance(editor, DomainEditor)
    nics = editor.nics_tab
    nics.table.selectRow(0)
    qtbot.keyClicks(nics.vlan, "10")
    assert "Linux bridges only from 11.0" in nics.vlan_note.text()
    apply(qtbot, editor)  # libvirt accepts the definition ...
    domain = virt_conn.lookupByName(guest)
    assert "<tag id='10'/>" in domain.XMLDesc(0)
    with pytest.raises(libvirt.libvirtError, match="vlan"):
        domain.create()  # ... and refuses to start it, as the note said

    name = owned_name("vlannat", libvirt_tier.session_pid)
    removed(remove_network, name)
    network_editor = opened(qtbot, editors, editors.new_network_action.trigger)
    qtbot.keyClicks(network_editor.general.name, name)
    retype(qtbot, network_editor.general.ipv4, f"{subnet(libvirt_tier, 2)}.1/24")
    network_editor.general.dhcp.setChecked(False)
    qtbot.mouseClick(network_editor.ports.add_portgroup, Qt.MouseButton.LeftButton)
    network_editor.ports.portgroups.item(0, 2).setText("10")
    assert not network_editor.apply_button.isEnabled()
    assert "without Open vSwitch" in network_editor.ports.vlan_note.text()
    with pytest.raises(libvirt.libvirtError, match="vlan"):
        virt_conn.networkDefineXML(network_editor.document.to_xml())


def test_volume_request_job_on_qemu(libvirt_tier: TierDaemon, test_pool: str,
                                    virt_conn: libvirt.virConnect) -> None:
    """The VALIDATE flag path of volume creation (supported by the real storage driver)."""
    xml = Volume.new("raw.img", 1024**2, "raw").to_xml()
    key = create_volume(NewVolumeRequest(test_pool, xml))(virt_conn)
    assert virt_conn.storageVolLookupByKey(key).name() == "raw.img"


def test_wizard_guest_type_is_one_this_host_runs(editors: EditorsFeature,
                                                libvirt_tier: TierDaemon,
                                                virt_conn: libvirt.virConnect,
                                                removed: Cleanup, qtbot: QtBot) -> None:
    """Issue 14 item 2: the wizard offers what libvirtd offers and preselects kvm only where
    this machine can run it; the guest then runs instead of pausing at once."""
    name = owned_name("guesttype", libvirt_tier.session_pid)
    removed(remove_domain, name)
    wizard = opened(qtbot, editors, editors.new_vm_action.trigger)
    assert isinstance(wizard, NewVmWizard)
    combo = wizard.resources_page.domain_type
    offered = offered_domain_types(virt_conn.getCapabilities(), wizard.plan().target.arch)
    assert [combo.itemData(i) for i in range(combo.count())] == offered
    hardware = probe_local().usable
    expected = preferred_domain_type(offered, hardware)
    assert combo.currentData() == expected
    if not hardware:
        assert expected == "qemu"  # TCG: this machine has no vmx/svm
    retype(qtbot, wizard.os_page.name, name)
    wizard.next()
    wizard.install_page.manual_button.setChecked(True)
    wizard.next()
    wizard.resources_page.memory.setValue(64)
    wizard.resources_page.no_disk.setChecked(True)
    wizard.next()
    finish = wizard.finish_page
    finish.nic_mode.setCurrentIndex(finish.nic_mode.findData("none"))  # nothing leaves it
    assert finish.start.isChecked()
    with qtbot.waitSignal(wizard.created, timeout=TIMEOUT_MS):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)
    domain = virt_conn.lookupByName(name)
    assert etree.fromstring(domain.XMLDesc(0)).get("type") == expected
    # A guest that cannot run pauses at once; this one keeps running and uses CPU time.
    qtbot.waitUntil(lambda: domain.info()[4] > 200_000_000, timeout=TIMEOUT_MS)
    assert domain.state()[0] == libvirt.VIR_DOMAIN_RUNNING


def test_a_guest_qemu_stopped_by_itself_says_so(app: Application, make_guest: Any,
                                                virsh: Callable[..., str],
                                                qtbot: QtBot) -> None:
    """Issue 14 item 2: QEMU stopping a guest on its own (as on "KVM internal error") shows
    as a pause with a reason, not as one the user asked for."""
    guest = make_guest("qstop")

    def state_text() -> str:
        return str(domain_row(app, guest).siblingAtColumn(Column.STATE).data())

    qtbot.waitUntil(lambda: state_text() == "Running", timeout=TIMEOUT_MS)
    virsh("qemu-monitor-command", guest, "--hmp", "stop")  # QEMU stops; libvirt did not ask
    qtbot.waitUntil(lambda: state_text().startswith("Paused"), timeout=TIMEOUT_MS)
    assert state_text() == "Paused (unknown reason)"
    virsh("resume", guest)
    qtbot.waitUntil(lambda: state_text() == "Running", timeout=TIMEOUT_MS)
    virsh("suspend", guest)
    qtbot.waitUntil(lambda: state_text().startswith("Paused"), timeout=TIMEOUT_MS)
    assert state_text() == "Paused"  # the user's own pause needs no explanation
