"""Job functions of kvmgui.virt.actions, leases and the auth glue on the real test driver."""

import threading
from collections.abc import Iterator

import libvirt
import pytest

from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.virt import actions, auth
from kvmgui.virt.errors import error_text
from kvmgui.virt.leases import LeasesUnavailable, network_leases


@pytest.fixture
def demo() -> Iterator[libvirt.virConnect]:
    """A private copy of the demo host (each test:///PATH connection parses its own)."""
    libvirt.registerErrorHandler(lambda _c, _e: None, None)
    conn = libvirt.open(demo_host_uri())
    yield conn
    conn.close()


def uuid_of(conn: libvirt.virConnect, name: str) -> str:
    return str(conn.lookupByName(name).UUIDString())


def volumes(conn: libvirt.virConnect, pool: str) -> set[str]:
    return {v.name() for v in conn.storagePoolLookupByName(pool).listAllVolumes(0)}


def test_lifecycle_jobs_change_the_state_libvirt_reports(demo: libvirt.virConnect) -> None:
    uuid = uuid_of(demo, "win10")
    dom = demo.lookupByUUIDString(uuid)
    actions.domain_start(demo, uuid)
    assert dom.state()[0] == libvirt.VIR_DOMAIN_RUNNING
    actions.domain_pause(demo, uuid)
    assert dom.state()[0] == libvirt.VIR_DOMAIN_PAUSED
    actions.domain_resume(demo, uuid)
    actions.domain_save(demo, uuid)
    assert dom.state()[0] == libvirt.VIR_DOMAIN_SHUTOFF and dom.hasManagedSaveImage(0)
    actions.domain_discard_save(demo, uuid)
    assert not dom.hasManagedSaveImage(0)
    actions.domain_set_autostart(demo, uuid, True)
    assert dom.autostart() == 1
    with pytest.raises(libvirt.libvirtError, match="not running|not active"):
        actions.domain_shutdown(demo, uuid)


def test_refused_action_raises_with_libvirts_message(demo: libvirt.virConnect) -> None:
    with pytest.raises(libvirt.libvirtError) as caught:
        actions.domain_start(demo, uuid_of(demo, "web01"))
    assert "already running" in error_text(caught.value)


def test_undefine_flags_name_only_what_the_domain_has(demo: libvirt.virConnect) -> None:
    saved = demo.lookupByName("saved01")
    assert actions.undefine_flags(saved) == libvirt.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE
    assert actions.undefine_flags(demo.lookupByName("win10")) == 0


def test_delete_removes_the_domain_and_exactly_the_chosen_volumes(demo: libvirt.virConnect) -> None:
    before = volumes(demo, "default")
    key = demo.storagePoolLookupByName("default").storageVolLookupByName("saved01.qcow2").key()
    failures = actions.domain_delete(demo, uuid_of(demo, "saved01"), [key])
    assert failures == []
    assert "saved01" not in {d.name() for d in demo.listAllDomains(0)}
    assert volumes(demo, "default") == before - {"saved01.qcow2"}


def test_delete_of_a_running_domain_forces_it_off_and_reports_missing_volumes(
        demo: libvirt.virConnect) -> None:
    failures = actions.domain_delete(demo, uuid_of(demo, "web02"), ["/no/such/volume"])
    assert "web02" not in {d.name() for d in demo.listAllDomains(0)}
    assert len(failures) == 1 and failures[0].message


def test_pool_and_network_jobs(demo: libvirt.virConnect) -> None:
    uuid = demo.storagePoolLookupByName("nfs-images").UUIDString()
    actions.pool_stop(demo, uuid)
    actions.pool_build(demo, uuid)
    actions.pool_start(demo, uuid)
    actions.pool_refresh(demo, uuid)
    actions.pool_set_autostart(demo, uuid, True)
    assert demo.storagePoolLookupByUUIDString(uuid).autostart() == 1
    actions.pool_undefine(demo, uuid)  # stops it first
    assert "nfs-images" not in {p.name() for p in demo.listAllStoragePools(0)}
    net = demo.networkLookupByName("isolated").UUIDString()
    actions.network_stop(demo, net)
    actions.network_start(demo, net)
    actions.network_set_autostart(demo, net, True)
    actions.network_undefine(demo, net)
    assert "isolated" not in {n.name() for n in demo.listAllNetworks(0)}


def test_volume_delete(demo: libvirt.virConnect) -> None:
    key = demo.storagePoolLookupByName("default").storageVolLookupByName("win10.qcow2").key()
    actions.volume_delete(demo, key)
    assert "win10.qcow2" not in volumes(demo, "default")


def test_leases_say_why_they_are_unavailable(demo: libvirt.virConnect) -> None:
    net = demo.networkLookupByName("default")
    assert network_leases(demo, net.UUIDString()).unavailable is LeasesUnavailable.NOT_SUPPORTED
    net.destroy()
    assert network_leases(demo, net.UUIDString()).unavailable is LeasesUnavailable.INACTIVE


def test_auth_callback_fills_libvirts_credentials_from_the_answers() -> None:
    asked: list[tuple[str, list[auth.CredentialPrompt]]] = []

    def ask(uri: str, prompts: list[auth.CredentialPrompt]) -> list[str] | None:
        asked.append((uri, prompts))
        return ["ann", "secret"]

    types, callback, _opaque = auth.auth_for("qemu+tcp://h/system", ask)
    assert libvirt.VIR_CRED_PASSPHRASE in types
    creds = [[libvirt.VIR_CRED_AUTHNAME, "Name", "", "root", None],
             [libvirt.VIR_CRED_PASSPHRASE, "Password", "", "", None]]
    assert callback(creds, None) == 0
    assert [c[4] for c in creds] == ["ann", "secret"]
    assert [p.secret for p in asked[0][1]] == [False, True]
    assert asked[0][1][0].default == "root"
    _types, refusing, _ = auth.auth_for("x", lambda _u, _p: None)
    assert refusing(creds, None) == -1


def test_open_with_an_auth_callback_on_a_worker_thread() -> None:
    result: list[str] = []

    def worker() -> None:
        conn = auth.open_connection("test:///default", lambda _u, _p: None)
        result.append(conn.getURI())
        conn.close()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(10)
    assert result == ["test:///default"]
