"""kvmgui over real SSH: the tier's libvirtd reached through an sshd of the tier's own on
127.0.0.1 (ssh_helpers), with libvirt's own transports: libssh/libssh2 in the client library,
and the OpenSSH client that qemu+ssh:// runs. Everything a user does with a remote host works
through it, and the faults of a remote host stay in that host's row: a killed session, a
changed or unknown host key, a wrong key, a host that stops answering.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
from collections.abc import Callable
from pathlib import Path

import libvirt
import pytest
from app_helpers import find_row, open_dialog, select, wait_batch
from daemon_helpers import URI, TierDaemon
from factory_helpers import GuestMaker
from fixture_helpers import StartApp
from object_helpers import owned_name
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot
from ssh_helpers import (  # noqa: F401 (ssh_server: a fixture)
    SshServer, end_process_tree, make_key, ssh_server, stop_process)
from tiny_guest_helpers import BANNER, TinyGuestMaker, make_tiny_guest  # noqa: F401 (fixture)

from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.core.snapshots import ConnectionState
from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.app import Application
from kvmgui.ui.console.serial_console import SerialConsolePage
from kvmgui.ui.dialogs.auth_dialog import AuthDialog
from kvmgui.ui.dialogs.confirm_dialog import ConfirmDialog
from kvmgui.ui.dialogs.delete_domains_dialog import DeleteDomainsDialog
from kvmgui.logic.action_results import ResultStatus
from kvmgui.ui.editors.diff_dialog import DiffDialog
from kvmgui.ui.editors.domain_editor import DomainEditor
from kvmgui.ui.roles import Category, Column, Role
from kvmgui.virt.connection import Connection
from kvmgui.virt.console_stream import ConsoleState

OPEN_MS = 60000
EVENT_MS = 20000
BOOT_MS = 60000
A = DomainAction
States = list[tuple[ConnectionState, str, tuple[str, str]]]


# --- helpers -----------------------------------------------------------------------------


def connection_of(app: Application, uri: str) -> Connection:
    conn = app.model.connection(uri)
    assert conn is not None
    return conn


def connection_row(app: Application, uri: str) -> tuple[str, str]:
    """What the connection's row shows: its state cell and its tooltip (the whole message)."""
    index = app.model.find_by_name(uri).siblingAtColumn(Column.STATE)
    return index.data(), index.data(Qt.ItemDataRole.ToolTipRole)


def state_text(app: Application, uri: str, name: str) -> str | None:
    index = find_row(app, uri, Category.DOMAINS, name)
    return index.siblingAtColumn(Column.STATE).data() if index.isValid() else None


def record_states(app: Application, uri: str) -> States:
    """Every state the connection goes through from now on, with its row's text then."""
    seen: States = []

    def changed(state: ConnectionState, message: str) -> None:
        seen.append((state, message, connection_row(app, uri)))

    connection_of(app, uri).stateChanged.connect(changed)
    return seen


def define_with_virsh(virsh: Callable[..., str], tmp_path: Path, name: str) -> None:
    xml = tmp_path / f"{name}.xml"
    xml.write_text(f"<domain type='qemu'><name>{name}</name><memory unit='MiB'>64</memory>"
                   "<vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>")
    virsh("define", str(xml))


def failed_open(app: Application, uri: str) -> str:
    """The message of a connection that could not open; its row shows it on one line."""
    conn = connection_of(app, uri)
    assert conn.state == ConnectionState.ERROR, (conn.state, conn.message)
    cell, tooltip = connection_row(app, uri)
    assert cell.startswith("Error") and conn.message in tooltip
    assert "\n" not in conn.message
    return conn.message


# --- the host, seen over SSH ---------------------------------------------------------------


@pytest.mark.parametrize("transport", ["libssh", "libssh2", "openssh"])
def test_tree_loads_and_follows_another_client(
        transport: str, ssh_server: SshServer, start_app: StartApp,  # noqa: F811
        make_guest: GuestMaker, test_network: str, virsh: Callable[..., str],
        libvirt_tier: TierDaemon, tmp_path: Path, qtbot: QtBot) -> None:
    guest = make_guest("sshtree", running=False)
    logins = ssh_server.accepted_logins()
    uri = ssh_server.uri(transport)  # type: ignore[arg-type]
    app = start_app(uri, timeout_ms=OPEN_MS)

    conn = connection_of(app, uri)
    assert conn.state == ConnectionState.CONNECTED, conn.message
    assert ssh_server.accepted_logins() == logins + 1  # it came in through our sshd
    assert state_text(app, uri, guest) == "Shut off"
    assert find_row(app, uri, Category.NETWORKS, test_network).isValid()

    virsh("start", guest)  # another client, on the host itself
    qtbot.waitUntil(lambda: state_text(app, uri, guest) == "Running", timeout=EVENT_MS)
    # Owned by this session: the tier's guard removes it at the end if the test fails.
    name = owned_name(f"sshdef-{transport}", libvirt_tier.session_pid)
    define_with_virsh(virsh, tmp_path, name)
    qtbot.waitUntil(lambda: state_text(app, uri, name) == "Shut off", timeout=EVENT_MS)
    virsh("undefine", name)
    qtbot.waitUntil(lambda: state_text(app, uri, name) is None, timeout=EVENT_MS)


def test_every_lifecycle_action(ssh_server: SshServer, start_app: StartApp,  # noqa: F811
                                make_guest: GuestMaker, virt_conn: libvirt.virConnect,
                                qtbot: QtBot) -> None:
    name = make_guest("sshacts", running=False)
    dom = virt_conn.lookupByName(name)
    uri = ssh_server.uri()
    app = start_app(uri, timeout_ms=OPEN_MS)
    select(app, find_row(app, uri, Category.DOMAINS, name))
    # This guest sits in its BIOS: it ignores the ACPI request, so Shut down stays under way
    # ("shutting down…") until Force off.
    steps = [(A.START, "Running"), (A.PAUSE, "Paused"), (A.RESUME, "Running"),
             (A.REBOOT, "Running"), (A.SHUTDOWN, "shutting down…"), (A.FORCE_OFF, "Shut off"),
             (A.START, "Running"), (A.SAVE, "Saved"), (A.DISCARD_SAVE, "Shut off"),
             (A.AUTOSTART_ON, "Shut off"), (A.AUTOSTART_OFF, "Shut off")]
    for action, expected in steps:
        with wait_batch(qtbot, app) as finished:
            app.actions.domain.actions[action].trigger()
            if action in (A.FORCE_OFF, A.DISCARD_SAVE):
                open_dialog(app.window, ConfirmDialog).accept_button.click()
        assert [r.status for r in finished.args[1]] == [ResultStatus.DONE], (action,
                                                                              finished.args)
        qtbot.waitUntil(lambda e=expected: state_text(app, uri, name) == e, timeout=EVENT_MS)
        if action in (A.AUTOSTART_ON, A.AUTOSTART_OFF):
            assert bool(dom.autostart()) == (action == A.AUTOSTART_ON)
    assert dom.state()[0] == libvirt.VIR_DOMAIN_SHUTOFF and not dom.hasManagedSaveImage(0)

    app.actions.domain.actions[A.DELETE].trigger()
    with wait_batch(qtbot, app) as finished:
        open_dialog(app.window, DeleteDomainsDialog).delete_button.click()
    assert finished.args[1][0].status is ResultStatus.DONE
    assert name not in {d.name() for d in virt_conn.listAllDomains(0)}
    qtbot.waitUntil(lambda: state_text(app, uri, name) is None, timeout=EVENT_MS)


def test_editor_applies_a_change(ssh_server: SshServer, start_app: StartApp,  # noqa: F811
                                 make_guest: GuestMaker, virt_conn: libvirt.virConnect,
                                 qtbot: QtBot) -> None:
    name = make_guest("sshedit", running=False)
    uri = ssh_server.uri()
    app = start_app(uri, timeout_ms=OPEN_MS)
    with qtbot.waitSignal(app.editors.editorOpened, timeout=OPEN_MS) as opened:
        app.editors.edit(find_row(app, uri, Category.DOMAINS, name))
    editor = opened.args[0]
    assert isinstance(editor, DomainEditor)
    title = f"over ssh {random.randrange(10**6)}"
    qtbot.keyClicks(editor.overview_tab.title_edit, title)  # typed: the form follows edits

    assert editor.apply_button.isEnabled(), editor.problems.messages()
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in editor.findChildren(DiffDialog)))
    review = next(d for d in editor.findChildren(DiffDialog) if d.isVisible())
    with qtbot.waitSignal(editor.applied, timeout=OPEN_MS):
        qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    assert f"<title>{title}</title>" in virt_conn.lookupByName(name).XMLDesc(0)


def test_stats_sample_over_ssh(ssh_server: SshServer, start_app: StartApp,  # noqa: F811
                               make_guest: GuestMaker, qtbot: QtBot) -> None:
    name = make_guest("sshstats", running=True, memory_mib=64)
    uri = ssh_server.uri()
    app = start_app(uri, timeout_ms=OPEN_MS)
    row = find_row(app, uri, Category.DOMAINS, name)
    app.window.select(row)
    app.window.details.tabs.setCurrentWidget(app.performance.performance_page)
    sampler = app.performance.sampler(uri)
    assert sampler is not None
    uuid = row.data(Role.KEY)
    qtbot.waitUntil(lambda: len(sampler.history(uuid) or ()) >= 3, timeout=EVENT_MS)

    history = sampler.history(uuid)
    assert history is not None and history.vcpu_count == 1
    assert history.latest("mem_current_kib") == 64 * 1024  # the real balloon, read remotely
    assert 0 <= history.latest("cpu_pct") <= 100 * os.cpu_count()  # type: ignore[operator]


def test_topology_builds_over_ssh(ssh_server: SshServer, start_app: StartApp,  # noqa: F811
                                  make_guest: GuestMaker, test_network: str,
                                  qtbot: QtBot) -> None:
    guest = make_guest("sshtopo", running=True)
    uri = ssh_server.uri()
    app = start_app(uri, timeout_ms=OPEN_MS)
    page = app.topology
    app.window.select(app.model.find_by_name(uri))
    app.window.details.tabs.setCurrentWidget(page)
    vnic = f"vnic:{guest}/0"
    qtbot.waitUntil(lambda: vnic in page.scene.node_items, timeout=EVENT_MS)
    assert page.scene.node_items[vnic].node.active
    assert (f"net:{test_network}", vnic) in page.scene.edge_items
    assert f"dom:{guest}" in page.scene.node_items


def test_serial_console_through_the_ssh_connection(
        ssh_server: SshServer, start_app: StartApp,  # noqa: F811
        make_tiny_guest: TinyGuestMaker, virt_conn: libvirt.virConnect,  # noqa: F811
        qtbot: QtBot) -> None:
    name = make_tiny_guest("sshserial", paused=True)
    uri = ssh_server.uri()
    app = start_app(uri, timeout_ms=OPEN_MS)
    conn = connection_of(app, uri)
    assert conn.inventory is not None
    info = next(d for d in conn.inventory.domains if d.name == name)
    page = SerialConsolePage(conn, info)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.stream.state == ConsoleState.OPEN, timeout=EVENT_MS)
    virt_conn.lookupByName(name).resume()
    qtbot.waitUntil(lambda: BANNER in screen_text(page), timeout=BOOT_MS)

    # Right after the banner the shell may not read the port yet: what comes first is lost.
    for _attempt in range(6):
        n = random.randrange(1000, 9999)
        qtbot.keyClicks(page.terminal, f"echo ssh-$(({n}+1))")
        qtbot.keyClick(page.terminal, Qt.Key.Key_Return)
        with contextlib.suppress(WaitTimeout):
            qtbot.waitUntil(lambda n=n: f"ssh-{n + 1}" in screen_text(page), timeout=5000)
            return
    raise AssertionError(f"no answer from the shell ({page.stream.state}):\n{screen_text(page)}")


def screen_text(page: SerialConsolePage) -> str:
    emulator = page.terminal.emulator
    last = emulator.scrolled + emulator.lines
    return "\n".join(emulator.line_text(n) for n in range(emulator.first_line, last))


# --- faults ------------------------------------------------------------------------------


def test_killed_session_shows_disconnected_and_reconnects(
        ssh_server: SshServer, start_app: StartApp,  # noqa: F811
        make_guest: GuestMaker, virsh: Callable[..., str], qtbot: QtBot) -> None:
    guest = make_guest("sshkill", running=False)
    uri = ssh_server.uri()
    before = set(ssh_server.sessions())
    app = start_app(uri, timeout_ms=OPEN_MS)
    states = record_states(app, uri)
    session = ssh_server.new_session(before)

    os.kill(session, signal.SIGKILL)  # the host's side of this connection dies
    qtbot.waitUntil(lambda: any(s == ConnectionState.DISCONNECTED for s, _m, _r in states),
                    timeout=EVENT_MS)
    qtbot.waitUntil(lambda: states[-1][0] == ConnectionState.CONNECTED, timeout=OPEN_MS)
    _state, message, (cell, tooltip) = next(s for s in states
                                            if s[0] == ConnectionState.DISCONNECTED)
    assert cell.startswith("Disconnected") and message and message in tooltip, states
    assert ssh_server.new_session(before | {session}) != session

    virsh("start", guest)  # events flow again on the new session
    qtbot.waitUntil(lambda: state_text(app, uri, guest) == "Running", timeout=EVENT_MS)


@pytest.mark.parametrize("transport", ["libssh", "openssh"])
def test_changed_host_key_is_refused(transport: str, ssh_server: SshServer,  # noqa: F811
                                     start_app: StartApp, tmp_path: Path) -> None:
    impostor = make_key(tmp_path / "other_host_key", "another host")
    known_hosts = ssh_server.known_hosts(impostor)  # pinned to a key the server does not have
    pinned = known_hosts.read_text()
    logins = ssh_server.accepted_logins()
    uri = ssh_server.uri(transport, known_hosts=known_hosts)  # type: ignore[arg-type]
    app = start_app(uri, timeout_ms=OPEN_MS)

    message = failed_open(app, uri)
    assert ("HOST IDENTIFICATION HAS CHANGED" in message
            or "differs from stored identity" in message), message
    assert ssh_server.accepted_logins() == logins  # never let in, not even once
    assert known_hosts.read_text() == pinned  # and the pin was not replaced


def test_unknown_host_key_is_asked_about_never_accepted_silently(
        ssh_server: SshServer, start_app: StartApp, qtbot: QtBot,  # noqa: F811
        tmp_path: Path) -> None:
    known_hosts = tmp_path / "empty_known_hosts"
    known_hosts.write_text("")
    uri = ssh_server.uri("libssh", known_hosts=known_hosts)
    logins = ssh_server.accepted_logins()
    app = Application([uri])
    qtbot.addWidget(app.window)
    try:
        app.start()
        qtbot.waitUntil(lambda: bool(visible_auth_dialogs(app)), timeout=OPEN_MS)
        [dialog] = visible_auth_dialogs(app)
        dialog.reject()  # the user does not trust it
        conn = connection_of(app, uri)
        qtbot.waitUntil(lambda: conn.state == ConnectionState.ERROR, timeout=OPEN_MS)
        assert "host key" in conn.message, conn.message
        assert known_hosts.read_text() == ""
        assert ssh_server.accepted_logins() == logins

        conn.open()  # asked again: this time the user accepts
        qtbot.waitUntil(lambda: bool(visible_auth_dialogs(app)), timeout=OPEN_MS)
        [dialog] = visible_auth_dialogs(app)
        dialog.fields[0].setText("y")
        dialog.accept()
        qtbot.waitUntil(lambda: conn.inventory is not None, timeout=OPEN_MS)
        assert ssh_server.host_key.public_line.split()[1] in known_hosts.read_text()
    finally:
        app.shutdown()


def visible_auth_dialogs(app: Application) -> list[AuthDialog]:
    return [d for d in app.window.findChildren(AuthDialog) if d.isVisible()]


@pytest.mark.parametrize("transport", ["libssh", "openssh"])
def test_wrong_key_is_a_clear_message(transport: str, ssh_server: SshServer,  # noqa: F811
                                      start_app: StartApp, tmp_path: Path) -> None:
    stranger = make_key(tmp_path / "stranger_key", "not authorized")
    uri = ssh_server.uri(transport, key=stranger.private)  # type: ignore[arg-type]
    app = start_app(uri, timeout_ms=OPEN_MS)

    message = failed_open(app, uri)
    assert "publickey" in message and ("denied" in message or "failed" in message), message


def test_host_that_stops_answering_waits_alone(
        ssh_server: SshServer, start_app: StartApp,  # noqa: F811
        make_guest: GuestMaker, virsh: Callable[..., str], qtbot: QtBot) -> None:
    guest = make_guest("sshhang", running=False)
    local = make_guest("sshhanglocal", running=False)
    uri = ssh_server.uri()
    demo = demo_host_uri()
    before = set(ssh_server.sessions())
    app = start_app(uri, URI, demo, timeout_ms=OPEN_MS)
    remote = connection_of(app, uri)
    states = record_states(app, uri)
    session = ssh_server.new_session(before)

    stop_process(session)  # the host's side of the connection stops answering
    try:
        remote.refresh()  # its worker now waits inside libvirt
        virsh("start", guest)
        lateness = gui_lateness(qtbot, rounds=5)
        assert max(lateness) < 500, lateness
        # The other connections stay live: an event on the local host, an action on the
        # test driver's.
        virsh("start", local)
        qtbot.waitUntil(lambda: state_text(app, URI, local) == "Running", timeout=EVENT_MS)
        select(app, find_row(app, demo, Category.DOMAINS, "win10"))
        with wait_batch(qtbot, app):
            app.actions.domain.actions[A.START].trigger()
        assert state_text(app, demo, "win10") == "Running"
        assert state_text(app, uri, guest) == "Shut off"  # the hung host's row waits
        # libvirt's keepalive gives up on the host after ~20 s: the row says so, and the
        # connection reconnects by itself (a new session; the stopped one stays stopped).
        qtbot.waitUntil(lambda: any(s == ConnectionState.DISCONNECTED for s, _m, _r in states),
                        timeout=40000)
        _state, message, (cell, tooltip) = next(s for s in states
                                                if s[0] == ConnectionState.DISCONNECTED)
        assert cell.startswith("Disconnected") and "answer" in message and message in tooltip
        qtbot.waitUntil(lambda: state_text(app, uri, guest) == "Running", timeout=OPEN_MS)
        assert remote.state == ConnectionState.CONNECTED
    finally:
        end_process_tree(session)


def gui_lateness(qtbot: QtBot, rounds: int) -> list[int]:
    """How late a 200 ms QTimer fires, `rounds` times: the GUI thread keeps ticking."""
    lateness: list[int] = []
    for _ in range(rounds):
        clock = QElapsedTimer()
        clock.start()
        timer = QTimer(singleShot=True, interval=200)
        timer.timeout.connect(lambda c=clock: lateness.append(c.elapsed() - 200))
        with qtbot.waitSignal(timer.timeout, timeout=5000):
            timer.start()
    return lateness
