"""Clone… against the real daemon: the clone of the shut-off tiny guest (with a small qcow2 disk)
boots to its shell; files outside any pool (a disk, the NVRAM) are copied beside the originals
through a temporary pool that is gone afterwards."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import libvirt
import pytest
from app_helpers import find_row, open_dialog, select
from daemon_helpers import URI, TierDaemon
from fixture_helpers import StartApp
from guest_console_helpers import GuestSerial
from object_helpers import (
    POOL_ROOT, connection, owned_name, remove_domain, remove_pool_directory, volume_xml,
)
from pytestqt.qtbot import QtBot
from tiny_guest_helpers import BANNER, TinyGuestMaker, make_tiny_guest  # noqa: F401 (fixture)

from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.app import Application
from kvmgui.ui.dialogs.clone_dialog import CloneDialog
from kvmgui.ui.dialogs.clone_progress import CloneProgressDialog
from kvmgui.ui.editors.diff_dialog import DiffDialog
from kvmgui.ui.roles import Category
from kvmgui.virt.clone_run import CloneOutcome, CloneResult
from kvmgui.xml import Disk, Domain, Volume

BOOT_MS = 90000  # TCG on a busy 2-core machine: ~2-3 s when idle
CLONE_MS = 120000
Remember = Callable[[Callable[[], None]], None]


def remove_later(request: pytest.FixtureRequest, tier: TierDaemon, name: str) -> None:
    def cleanup() -> None:
        tier.ensure_answers()
        with connection() as conn:
            remove_domain(conn, name)
    request.addfinalizer(cleanup)


def guest_with_disk(make_tiny_guest: TinyGuestMaker, pool: libvirt.virStoragePool,  # noqa: F811
                    suffix: str, volume: Callable[[str], str], driver_type: str,
                    paused: bool = False, running: bool = True) -> str:
    """The tiny guest with one virtio disk on a new volume of `pool` (`volume(name)`: its XML);
    its clone is removed after the test too."""
    def with_disk(name: str, xml: str) -> str:
        disk = pool.createXML(volume(name), 0)
        doc = Domain.from_xml(xml)
        doc.add_device(Disk.new("vda", source=disk.path(), bus="virtio", driver_type=driver_type))
        return doc.to_xml()

    name = make_tiny_guest(suffix, paused, running=running, edit=with_disk)
    make_tiny_guest.remove_later(remove_domain, f"{name}-clone")
    return name


def clone_through_the_dialog(qtbot: QtBot, app: Application, name: str) -> CloneResult:
    """Select `name`, Clone…, accept the defaults and the review; the run's result."""
    index = find_row(app, URI, Category.DOMAINS, name)
    assert index.isValid()
    select(app, index)
    app.actions.update_enabled()
    app.actions.domain.actions[DomainAction.CLONE].trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in app.window.findChildren(CloneDialog)),
                    timeout=30000)
    dialog = open_dialog(app.window, CloneDialog)
    assert dialog.review_button.isEnabled(), dialog.problems.messages()
    dialog.review_button.click()
    open_dialog(app.window, DiffDialog).accept_button.click()
    run = open_dialog(app.window, CloneProgressDialog).run
    progress: list[tuple[int, int, int]] = []
    run.copyProgress.connect(lambda *args: progress.append(args))
    with qtbot.waitSignal(run.finished, timeout=CLONE_MS) as finished:
        pass
    result: CloneResult = finished.args[0]
    if result.outcome is CloneOutcome.DONE:
        assert progress and all(p[0] < len(run.plan.copies) for p in progress)
    return result


def test_clone_of_the_tiny_guest_boots(make_tiny_guest: TinyGuestMaker,  # noqa: F811
                                       start_app: StartApp, test_pool: str, qtbot: QtBot,
                                       virt_conn: libvirt.virConnect) -> None:
    pool = virt_conn.storagePoolLookupByName(test_pool)
    name = guest_with_disk(make_tiny_guest, pool, "clonesrc",
                           lambda name: volume_xml(f"{name}.qcow2", 16), "qcow2", running=False)
    source = virt_conn.lookupByName(name)

    app = start_app(URI, timeout_ms=60000)
    result = clone_through_the_dialog(qtbot, app, name)
    assert result.outcome is CloneOutcome.DONE, result
    clone = virt_conn.lookupByName(f"{name}-clone")
    assert clone.UUIDString() == result.uuid != source.UUIDString()
    copy = pool.storageVolLookupByName(f"{name}-clone.qcow2")
    assert "qcow2" in copy.XMLDesc(0)
    assert compat(copy) == "1.1", "a current qcow2, not libvirt 9.0's default 0.10"
    clone_disks = Domain.from_xml(clone.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)).disks
    assert [d.source_file for d in clone_disks] == [copy.path()]

    connection_ = app.model.connection(URI)
    assert connection_ is not None
    clone.createWithFlags(libvirt.VIR_DOMAIN_START_PAUSED)
    serial = GuestSerial(qtbot, connection_, result.uuid, timeout_ms=30000)
    serial.wait_open()
    clone.resume()
    try:
        serial.wait_for(BANNER, timeout=BOOT_MS)
    finally:
        serial.close()
        clone.destroy()
    assert not source.isActive(), "the original stays as it was"


def test_files_outside_pools_are_copied_beside_them(
        start_app: StartApp, qtbot: QtBot, libvirt_tier: TierDaemon,
        virt_conn: libvirt.virConnect, request: pytest.FixtureRequest) -> None:
    name = owned_name("folder", libvirt_tier.session_pid)
    folder = POOL_ROOT / name
    folder.mkdir(parents=True, exist_ok=True)
    request.addfinalizer(lambda: remove_pool_directory(folder))
    disk, nvram = folder / "data.img", folder / f"{name}_VARS.fd"
    disk.write_bytes(os.urandom(1 << 20) + bytes(3 << 20))  # 4 MiB, mostly zeros
    nvram.write_bytes(os.urandom(128 << 10))
    doc = Domain.from_xml(
        f"<domain type='qemu'><name>{name}</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
        "<os><type arch='x86_64'>hvm</type><loader readonly='yes' type='pflash'>"
        f"/usr/share/OVMF/OVMF_CODE_4M.fd</loader><nvram>{nvram}</nvram></os>"
        "<features><acpi/></features>"
        "<devices/></domain>")
    doc.add_device(Disk.new("vda", source=str(disk), bus="virtio", driver_type="raw"))
    remove_later(request, libvirt_tier, name)
    remove_later(request, libvirt_tier, f"{name}-clone")
    virt_conn.defineXML(doc.to_xml())
    pools_before = {p.name() for p in virt_conn.listAllStoragePools(0)}

    app = start_app(URI, timeout_ms=60000)
    result = clone_through_the_dialog(qtbot, app, name)
    assert result.outcome is CloneOutcome.DONE, result
    copies = {Path(folder / "data-clone.img"): disk, Path(folder / f"{name}-clone_VARS.fd"): nvram}
    for copy, original in copies.items():
        assert digest(copy) == digest(original), copy
    clone = Domain.from_xml(virt_conn.lookupByName(f"{name}-clone").XMLDesc(
        libvirt.VIR_DOMAIN_XML_INACTIVE))
    assert clone.disks[0].source_file == str(folder / "data-clone.img")
    nvram_element = clone.find_element("os/nvram")
    assert nvram_element is not None and nvram_element.text == str(folder / f"{name}-clone_VARS.fd")
    assert {p.name() for p in virt_conn.listAllStoragePools(0)} == pools_before, \
        "the temporary pool is gone"


def test_a_paused_guest_raw_disk_is_copied(make_tiny_guest: TinyGuestMaker,  # noqa: F811
                                            start_app: StartApp, test_pool: str, qtbot: QtBot,
                                            virt_conn: libvirt.virConnect) -> None:
    """QEMU holds the image locks of a paused guest: libvirt copies a raw volume itself (a
    qcow2 one would need qemu-img, which the lock stops; the dialog refuses that)."""
    pool = virt_conn.storagePoolLookupByName(test_pool)
    name = guest_with_disk(
        make_tiny_guest, pool, "pausedsrc",
        lambda name: (f"<volume><name>{name}.img</name><capacity unit='MiB'>8</capacity>"
                      "<target><format type='raw'/></target></volume>"), "raw", paused=True)
    source = virt_conn.lookupByName(name)

    app = start_app(URI, timeout_ms=60000)
    result = clone_through_the_dialog(qtbot, app, name)
    assert result.outcome is CloneOutcome.DONE, result
    assert pool.storageVolLookupByName(f"{name}-clone.img").info()[1] == 8 << 20
    assert source.state()[0] == libvirt.VIR_DOMAIN_PAUSED, "the original stays paused"


def compat(volume: libvirt.virStorageVol) -> str | None:
    element = Volume.from_xml(volume.XMLDesc(0)).find_element("target/compat")
    return element.text if element is not None else None


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
