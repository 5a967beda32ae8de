"""Which actions a selection enables, what deleting domains offers, who uses a network (pure)."""

from pathlib import Path

import pytest
from lxml import etree

from kvmgui.logic.action_rules import (
    DESTRUCTIVE, DiskNote, DomainAction, NetworkAction, PoolAction, PoolDeleteEffect, disk_choices,
    domain_actions, domain_can, domain_ready, needs_confirmation, network_can, network_users,
    pool_can, pool_delete_effect, running_users, volume_users,
)
from kvmgui.core.snapshots import (
    ConnectionState, DomainInfo, DomainState, NetworkInfo, PoolInfo, VolumeInfo,
)

A = DomainAction
DEMO = Path(__file__).parents[3] / "resources" / "demo-host.xml"


def dom(name: str, state: DomainState, *, saved: bool = False, persistent: bool = True,
        autostart: bool = False, xml: str = "<domain/>") -> DomainInfo:
    return DomainInfo(uuid=f"u-{name}", name=name, state=state, vcpus=1, memory_kib=1024,
                      max_memory_kib=1024, autostart=autostart, persistent=persistent,
                      managed_save=saved, xml=xml)


def disk_xml(*disks: str) -> str:
    return f"<domain><devices>{''.join(disks)}</devices></domain>"


def vol(name: str, pool_uuid: str = "p1", path: str = "") -> VolumeInfo:
    return VolumeInfo(key=f"key-{name}", name=name, path=path or f"/images/{name}",
                      pool_uuid=pool_uuid, format="qcow2", capacity=1, allocation=1, xml="")


def pool(name: str, volumes: tuple[VolumeInfo, ...], *, active: bool = True,
         persistent: bool = True, autostart: bool = False, pool_type: str = "dir") -> PoolInfo:
    return PoolInfo(uuid="p1", name=name, pool_type=pool_type, active=active, autostart=autostart,
                    persistent=persistent, capacity=0, allocation=0, available=0,
                    target_path="/images", source_name="", xml="", volumes=volumes)


@pytest.mark.parametrize("state,enabled", [
    (DomainState.RUNNING, {A.SHUTDOWN, A.REBOOT, A.FORCE_OFF, A.PAUSE, A.SAVE}),
    (DomainState.PAUSED, {A.FORCE_OFF, A.RESUME, A.SAVE}),
    (DomainState.SHUTOFF, {A.START}),
    (DomainState.CRASHED, {A.FORCE_OFF}),
])
def test_state_decides_the_lifecycle_actions(state: DomainState,
                                             enabled: set[DomainAction]) -> None:
    lifecycle = {A.START, A.SHUTDOWN, A.REBOOT, A.FORCE_OFF, A.PAUSE, A.RESUME, A.SAVE}
    assert {a for a in lifecycle if domain_can(a, dom("d", state))} == enabled


def test_saved_domain_can_start_or_discard_and_transient_cannot_save_or_autostart() -> None:
    saved = dom("s", DomainState.SHUTOFF, saved=True)
    assert domain_can(A.START, saved) and domain_can(A.DISCARD_SAVE, saved)
    assert not domain_can(A.DISCARD_SAVE, dom("n", DomainState.SHUTOFF))
    transient = dom("t", DomainState.RUNNING, persistent=False)
    assert not domain_can(A.SAVE, transient)
    assert not domain_can(A.AUTOSTART_ON, transient) and not domain_can(A.AUTOSTART_OFF, transient)
    on = dom("a", DomainState.SHUTOFF, autostart=True)
    assert domain_can(A.AUTOSTART_OFF, on) and not domain_can(A.AUTOSTART_ON, on)


def test_selection_enables_what_any_member_can_and_console_only_for_one() -> None:
    running, off = dom("r", DomainState.RUNNING), dom("o", DomainState.SHUTOFF)
    both = domain_actions([running, off])
    assert {A.START, A.SHUTDOWN, A.DELETE} <= both
    assert A.CONSOLE not in both
    assert A.CONSOLE in domain_actions([running])
    assert A.RESUME not in both
    assert domain_actions([]) == set()


def test_nothing_is_offered_for_a_domain_whose_connection_is_down() -> None:
    paused = dom("p", DomainState.PAUSED)
    up, down = ConnectionState.CONNECTED, ConnectionState.DISCONNECTED
    windows = {A.OPEN, A.EDIT, A.TAKE_SNAPSHOT, A.ADD_HARDWARE, A.CONSOLE, A.EXTERNAL_VIEWER}
    assert {a for a in DomainAction if domain_ready(a, paused, up, busy=False)} >= windows | {
        A.CLONE, A.RESUME, A.DELETE}
    for state in (down, ConnectionState.CONNECTING, ConnectionState.ERROR):
        assert not any(domain_ready(a, paused, state, busy=False) for a in DomainAction)
    # While another action runs on it only the windows open (a user watches it start).
    assert {a for a in DomainAction if domain_ready(a, paused, up, busy=True)} == windows
    one = domain_actions([paused])
    assert windows | {A.CLONE} <= one
    assert domain_actions([paused, dom("r", DomainState.RUNNING)]) & windows == {A.OPEN}


def test_pool_and_network_actions_follow_their_state() -> None:
    active, stopped = pool("a", ()), pool("s", (), active=False)
    assert pool_can(PoolAction.STOP, active) and pool_can(PoolAction.REFRESH, active)
    assert not pool_can(PoolAction.DELETE, active) and not pool_can(PoolAction.BUILD, active)
    assert pool_can(PoolAction.DELETE, stopped) and pool_can(PoolAction.START, stopped)
    assert not pool_can(PoolAction.UNDEFINE, pool("t", (), persistent=False))
    net = NetworkInfo(uuid="n", name="n", active=True, autostart=True, persistent=True,
                      forward_mode="nat", bridge="virbr0", vlans=(), xml="")
    assert network_can(NetworkAction.STOP, net) and not network_can(NetworkAction.START, net)
    assert network_can(NetworkAction.AUTOSTART_OFF, net)
    assert not network_can(NetworkAction.AUTOSTART_ON, net)


def test_confirmation_rules() -> None:
    assert needs_confirmation(True, 1, True)
    assert not needs_confirmation(True, 1, False)  # the user turned destructive prompts off
    assert not needs_confirmation(False, 1, True)
    assert needs_confirmation(False, 3, False)  # many objects: always one confirmation
    assert A.FORCE_OFF in DESTRUCTIVE and A.START not in DESTRUCTIVE


def test_disk_choices_default_off_for_shared_readonly_and_unmanaged() -> None:
    own, shared, iso = vol("own.qcow2"), vol("shared.qcow2"), vol("install.iso")
    images = pool("default", (own, shared, iso))
    deleting = dom("victim", DomainState.SHUTOFF, xml=disk_xml(
        "<disk device='disk'><source pool='default' volume='own.qcow2'/><target dev='vda'/></disk>",
        "<disk device='disk'><source file='/images/shared.qcow2'/><target dev='vdb'/></disk>",
        "<disk device='cdrom'><source file='/images/install.iso'/><target dev='sda'/>"
        "<readonly/></disk>",
        "<disk device='disk'><source file='/elsewhere/raw.img'/><target dev='vdc'/></disk>"))
    other = dom("other", DomainState.RUNNING, xml=disk_xml(
        "<disk device='disk'><source file='/images/shared.qcow2'/><target dev='vda'/></disk>"))
    offered = disk_choices([deleting], [deleting, other], [images])
    choices = {c.target: c for c in offered["u-victim"]}
    assert choices["vda"].delete_by_default and choices["vda"].volume == own
    assert choices["vdb"].note is DiskNote.SHARED and choices["vdb"].shared_with == ("other",)
    assert choices["vdb"].deletable and not choices["vdb"].delete_by_default
    assert choices["sda"].note is DiskNote.CDROM and not choices["sda"].delete_by_default
    assert choices["vdc"].note is DiskNote.NOT_A_VOLUME and not choices["vdc"].deletable


def test_a_volume_of_two_deleted_domains_is_offered_once() -> None:
    shared = vol("shared.qcow2")
    xml = disk_xml("<disk device='disk'><source file='/images/shared.qcow2'/>"
                   "<target dev='vda'/></disk>")
    first, second = dom("a", DomainState.SHUTOFF, xml=xml), dom("b", DomainState.SHUTOFF, xml=xml)
    choices = disk_choices([first, second], [first, second], [pool("default", (shared,))])
    assert choices["u-a"][0].deletable
    assert choices["u-b"][0].note is DiskNote.LISTED_ABOVE and not choices["u-b"][0].deletable


def test_demo_host_volume_users_and_running_blockers() -> None:
    root = etree.parse(str(DEMO)).getroot()
    domains = [dom(e.findtext("name"), DomainState.RUNNING, xml=etree.tostring(e).decode())
               for e in root.iterfind("domain")]
    shared = vol("shared-data.qcow2", path="/var/lib/libvirt/images/shared-data.qcow2")
    users = volume_users(shared, pool("default", (shared,)), domains)
    assert sorted(u.name for u in users) == ["web01", "web02"]
    stopped = [users[0], dom("x", DomainState.SHUTOFF)]
    assert running_users(stopped) == [users[0].name]


def test_network_users_by_name_and_by_bridge() -> None:
    net = NetworkInfo(uuid="n", name="lan", active=True, autostart=False, persistent=True,
                      forward_mode="bridge", bridge="br0", vlans=(), xml="")
    by_name = dom("a", DomainState.RUNNING, xml=disk_xml(
        "<interface type='network'><source network='lan'/></interface>"))
    by_bridge = dom("b", DomainState.RUNNING, xml=disk_xml(
        "<interface type='bridge'><source bridge='br0'/></interface>"))
    elsewhere = dom("c", DomainState.RUNNING, xml=disk_xml(
        "<interface type='network'><source network='default'/></interface>"))
    assert [d.name for d in network_users(net, [by_name, by_bridge, elsewhere])] == ["a", "b"]


@pytest.mark.parametrize("pool_type,effect", [
    ("dir", PoolDeleteEffect.REMOVES_DIRECTORY), ("netfs", PoolDeleteEffect.REMOVES_DIRECTORY),
    ("logical", PoolDeleteEffect.DESTROYS_VOLUME_GROUP),
    ("zfs", PoolDeleteEffect.DESTROYS_ZFS_POOL),
    ("rbd", PoolDeleteEffect.DEPENDS_ON_BACKEND),
])
def test_pool_delete_effect(pool_type: str, effect: PoolDeleteEffect) -> None:
    assert pool_delete_effect(pool_type) is effect


def test_pure_modules_import_neither_qt_nor_libvirt() -> None:
    import subprocess
    import sys
    code = ("import sys, kvmgui.logic.action_rules, kvmgui.core.uris, kvmgui.logic.console_choice; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'libvirt')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
