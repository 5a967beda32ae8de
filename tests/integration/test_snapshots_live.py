"""The Snapshots page on a real libvirtd with the tiny guest, given a small qcow2 disk: an
internal snapshot really brings the guest's state back, a snapshot made with virsh appears,
and what libvirt 9.0 cannot do (revert to an external snapshot) is refused up front and by
the job, changing nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import quoteattr

import libvirt
import pytest
from app_helpers import find_row, open_dialog, open_vm_page
from daemon_helpers import URI
from fixture_helpers import StartApp
from guest_console_helpers import open_serial_console, run_in_console, terminal_text
from object_helpers import connection, volume_xml
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from tiny_guest_helpers import BANNER, TinyGuestMaker, make_tiny_guest  # noqa: F401 (fixture)

from kvmgui.logic.snapshot_rules import RevertTo, SnapshotKind
from kvmgui.ui.app import Application
from kvmgui.ui.editors.diff_dialog import DiffDialog
from kvmgui.ui.roles import Category, Role
from kvmgui.ui.vm_window.snapshots_create_dialog import CreateSnapshotDialog
from kvmgui.ui.vm_window.snapshots_dialogs import RevertDialog
from kvmgui.ui.vm_window.snapshots_page import SnapshotsPage
from kvmgui.virt.console_stream import ConsoleState
from kvmgui.virt.snapshot_jobs import SnapshotRefused, revert_snapshot
from kvmgui.xml import Domain

BOOT_MS = 60000  # TCG on a busy 2-core machine
ACTION_MS = 120000  # an internal snapshot of the guest's memory, on a busy machine


@pytest.fixture
def disk_guest(make_tiny_guest: TinyGuestMaker, test_pool: str) -> str:  # noqa: F811
    """The tiny guest with a 16 MiB qcow2 disk (a volume of test_pool), started."""

    def with_disk(name: str, xml: str) -> str:
        with connection() as conn:
            pool = conn.storagePoolLookupByName(test_pool)
            volume = pool.createXML(volume_xml(f"{name}.qcow2", 16), 0)
            disk = ("<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                    f"<source file={quoteattr(volume.path())}/>"
                    "<target dev='vda' bus='virtio'/></disk>")
        return xml.replace("<devices>", "<devices>" + disk, 1)

    return make_tiny_guest("snapshots", edit=with_disk)


def open_snapshots(qtbot: QtBot, app: Application, name: str) -> SnapshotsPage:
    return open_vm_page(qtbot, app, URI, name, "snapshots", SnapshotsPage, lambda p: p.listed)


def take(qtbot: QtBot, page: SnapshotsPage, name: str, kind: SnapshotKind,
         warning: str = "") -> None:
    """Take snapshot `name` through the dialog; `warning`: words the dialog must show first."""
    page.take_action.trigger()
    dialog = open_dialog(page.window(), CreateSnapshotDialog)
    dialog.name_edit.setText(name)
    assert dialog.kind_buttons[kind].isEnabled(), dialog.kind_reasons[kind].text()
    dialog.kind_buttons[kind].setChecked(True)
    if warning:
        assert dialog.external_limit.isVisibleTo(dialog)
        assert warning in dialog.external_limit.text()
    dialog.next_button.click()
    diff = open_dialog(page.window(), DiffDialog)
    with qtbot.waitSignal(page.actionFinished, timeout=ACTION_MS) as finished:
        diff.accept_button.click()
    assert finished.args == [True], page.message.text()
    qtbot.waitUntil(lambda: page.model.index_of(name).isValid(), timeout=30000)


def current_snapshot(conn: libvirt.virConnect, name: str) -> str:
    return str(conn.lookupByName(name).snapshotCurrent(0).getName())


def test_internal_snapshot_brings_the_running_guest_back(
        disk_guest: str, start_app: StartApp, virt_conn: libvirt.virConnect, qtbot: QtBot,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    app = start_app(URI, timeout_ms=60000)
    console = open_serial_console(qtbot, app, disk_guest)
    qtbot.waitUntil(lambda: BANNER in terminal_text(console.terminal), timeout=BOOT_MS)
    page = open_snapshots(qtbot, app, disk_guest)

    take(qtbot, page, "clean", SnapshotKind.INTERNAL)
    snap = virt_conn.lookupByName(disk_guest).snapshotLookupByName("clean", 0)
    assert "<memory snapshot='internal'/>" in snap.getXMLDesc(0)
    picture = page.thumbnails.path(virt_conn.lookupByName(disk_guest).UUIDString(), "clean")
    assert not QImage(str(picture)).isNull()  # QEMU's PPM screenshot, kept as PNG

    run_in_console(qtbot, console, "echo marker > /tmp/m; cat /tmp/m", "marker")
    closed: list[str] = []
    console.stream.closed.connect(closed.append)
    page.select("clean")
    page.revert_action.trigger()
    revert = open_dialog(page.window(), RevertDialog)
    assert revert.target() is RevertTo.AS_TAKEN
    with qtbot.waitSignal(page.actionFinished, timeout=ACTION_MS) as finished:
        revert.accept()
    assert finished.args == [True], page.message.text()
    assert virt_conn.lookupByName(disk_guest).state()[0] == libvirt.VIR_DOMAIN_RUNNING
    # libvirt 9.0 closes the serial console's stream on a revert while the guest keeps
    # running: the page attaches again by itself.
    qtbot.waitUntil(lambda: bool(closed) and console.stream.state == ConsoleState.OPEN,
                    timeout=30000)
    run_in_console(qtbot, console, "cat /tmp/m", "can't open '/tmp/m'")  # it never existed
    assert current_snapshot(virt_conn, disk_guest) == "clean"


def test_a_snapshot_made_with_virsh_appears_in_the_tree(
        disk_guest: str, start_app: StartApp, virsh: Callable[..., str], qtbot: QtBot,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    virsh("destroy", disk_guest)  # an offline internal snapshot: quick
    app = start_app(URI, timeout_ms=60000)
    page = open_snapshots(qtbot, app, disk_guest)
    assert page.model.rowCount() == 0
    view = app.vm_windows.manager.view(
        URI, str(find_row(app, URI, Category.DOMAINS, disk_guest).data(Role.KEY)))
    assert view is not None
    view.show_page("details")
    virsh("snapshot-create-as", disk_guest, "by-virsh", "--description", "made elsewhere")
    with qtbot.waitSignal(page.listed, timeout=30000):
        view.show_page("snapshots")
    info = page.model.info(page.model.index_of("by-virsh"))
    assert info is not None and info.description == "made elsewhere" and info.current


def test_revert_to_an_external_snapshot_is_refused_on_libvirt_9_0(
        disk_guest: str, start_app: StartApp, virt_conn: libvirt.virConnect, qtbot: QtBot,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if virt_conn.getLibVersion() >= 9_009_000:
        pytest.skip("libvirt 9.9 or later reverts to external snapshots")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    app = start_app(URI, timeout_ms=60000)
    page = open_snapshots(qtbot, app, disk_guest)
    # our own request, on the real driver, after the dialog said what cannot follow
    take(qtbot, page, "overlay", SnapshotKind.DISK_ONLY, warning="cannot revert to or delete")
    domain = virt_conn.lookupByName(disk_guest)
    disk_before = Domain.from_xml(domain.XMLDesc(0)).disks[0].source_file
    assert disk_before is not None and disk_before.endswith(".overlay")  # now on the overlay

    page.select("overlay")
    assert not page.revert_action.isEnabled() and not page.delete_action.isEnabled()
    for reason in (page.revert_action.toolTip(), page.details.limits.text(), page.note.text()):
        assert "9.0.0" in reason and "9.9" in reason
    page.revert_selected()  # what a stale click would do: nothing opens
    assert not any(d.isVisible() for d in page.window().findChildren(RevertDialog))

    outcome: list[object] = []
    connection_ = app.model.connection(URI)
    assert connection_ is not None
    connection_.run_action(revert_snapshot(domain.UUIDString(), "overlay", RevertTo.RUNNING),
                           outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=30000)
    assert isinstance(outcome[0], SnapshotRefused)
    assert "9.0.0" in str(outcome[0])
    assert domain.state()[0] == libvirt.VIR_DOMAIN_RUNNING
    assert Domain.from_xml(domain.XMLDesc(0)).disks[0].source_file == disk_before
    assert current_snapshot(virt_conn, disk_guest) == "overlay"
