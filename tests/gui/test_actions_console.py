"""Open console opens the VM window on its built-in console, and starts no program. Open in
external viewer starts virt-viewer when installed, else shows the address or the serial command.

Viewers are found on PATH, so each test puts its own PATH in place: a stand-in `virt-viewer`
script that records its arguments, or nothing at all. Domain names come from the host, so a
host whose names look like options and shell code checks they stay data.
"""

import os
import shlex
import stat
from pathlib import Path

import pytest
from fixture_helpers import StartApp
from pytestqt.qtbot import QtBot

from gui_actions_helpers import find, open_dialog, select
from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.dialogs.message_dialog import MessageDialog
from kvmgui.ui.roles import Category, NodeKind, Role
from kvmgui.ui.vm_window.rules import ConsoleKind
from kvmgui.ui.vm_window.vm_view import VmView


def open_console(app: Application, name: str, uri: str = "") -> None:
    """Open in external viewer (the Domain menu's entry under Open console)."""
    select(app, find(app, Category.DOMAINS, name, uri or demo_host_uri()))
    app.actions.update_enabled()
    app.actions.domain.actions[DomainAction.EXTERNAL_VIEWER].trigger()


def virt_viewer_stand_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `virt-viewer` alone on PATH that writes its arguments, one a line, to the file returned."""
    record = tmp_path / "args.txt"
    viewer = tmp_path / "bin" / "virt-viewer"
    viewer.parent.mkdir()
    viewer.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > {record}\n")
    viewer.chmod(viewer.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(viewer.parent))
    return record


def builtin_console(qtbot: QtBot, app: Application, name: str) -> VmView:
    """The VM window that Open console (the toolbar's, the Domain menu's) opened for `name`."""
    select(app, find(app, Category.DOMAINS, name, demo_host_uri()))
    app.actions.update_enabled()
    console = app.actions.domain.actions[DomainAction.CONSOLE]
    assert console in app.actions.toolbar.actions()
    assert console in app.actions.context_menus[NodeKind.DOMAIN].actions()
    console.trigger()
    views = [v for v in app.vm_windows.manager.views() if v.domain and v.domain.name == name]
    assert len(views) == 1
    view = views[0]
    qtbot.waitExposed(view)
    assert view.current_page_name() == "console"
    return view


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the window raised again
@pytest.mark.parametrize("name,kind", [("web01", ConsoleKind.GRAPHICAL),
                                       ("nfs01", ConsoleKind.SERIAL)])
def test_open_console_shows_the_built_in_console_and_starts_no_viewer(
        demo_app: Application, name: str, kind: ConsoleKind, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    record = virt_viewer_stand_in(tmp_path, monkeypatch)
    view = builtin_console(qtbot, demo_app, name)
    assert view.console.kind is kind  # a serial-only guest: its serial console
    view.show_page("details")
    again = builtin_console(qtbot, demo_app, name)  # the same window, back on its console
    assert again is view and view.current_page_name() == "console"
    assert not [d for d in demo_app.window.findChildren(MessageDialog) if d.isVisible()]
    qtbot.wait(200)  # a viewer started would have written by now
    assert not record.exists()


def test_external_viewer_is_a_domain_menu_entry_below_open_console(
        demo_app: Application) -> None:
    actions = demo_app.actions.domain.actions
    menu = demo_app.actions.context_menus[NodeKind.DOMAIN].actions()
    assert menu.index(actions[DomainAction.EXTERNAL_VIEWER]) == (
        menu.index(actions[DomainAction.CONSOLE]) + 1)
    assert actions[DomainAction.EXTERNAL_VIEWER] not in demo_app.actions.toolbar.actions()


def test_virt_viewer_is_started_with_the_connection_uri(
        demo_app: Application, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    record = virt_viewer_stand_in(tmp_path, monkeypatch)
    open_console(demo_app, "web01")
    qtbot.waitUntil(lambda: record.exists() and record.read_text().count("\n") == 6, timeout=5000)
    assert record.read_text().splitlines() == ["--connect", demo_host_uri(), "--wait",
                                               "--domain-name", "--", "web01"]


def test_without_a_viewer_the_display_address_is_shown(
        demo_app: Application, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    open_console(demo_app, "web01")
    dialog = open_dialog(demo_app.window, MessageDialog)
    assert dialog.copyable.toPlainText() == "vnc://127.0.0.1:5900"


def test_serial_only_domain_names_virsh_console(
        demo_app: Application, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", os.defpath)
    open_console(demo_app, "nfs01")
    dialog = open_dialog(demo_app.window, MessageDialog)
    uuid = find(demo_app, Category.DOMAINS, "nfs01", demo_host_uri()).data(Role.KEY)
    assert dialog.copyable.toPlainText() == f"virsh -c {demo_host_uri()} console -- {uuid}"
    assert "serial console" in dialog.text.text()


# ---- a host whose domain names look like options and shell code ----------------------------

OPTION_NAME = "--display=:58"
SHELL_NAME = "-h $(id) it's \"a vm\""
HOSTILE_HOST = f"""<node>
  <domain type='test'><name>{OPTION_NAME}</name><memory>65536</memory><os><type>hvm</type></os>
    <devices><graphics type='vnc' port='5900' listen='0.0.0.0'/></devices></domain>
  <domain type='test'><name>{SHELL_NAME}</name><memory>65536</memory><os><type>hvm</type></os>
    <devices><serial type='pty'/><console type='pty'/></devices></domain>
</node>"""


@pytest.fixture
def hostile_uri(tmp_path: Path) -> str:
    host = tmp_path / "hostile-host.xml"
    host.write_text(HOSTILE_HOST)
    return f"test://{host}"


def test_a_name_like_an_option_reaches_virt_viewer_after_double_dash(
        start_app: StartApp, hostile_uri: str, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    app = start_app(hostile_uri)
    record = virt_viewer_stand_in(tmp_path, monkeypatch)
    open_console(app, OPTION_NAME, hostile_uri)
    qtbot.waitUntil(lambda: record.exists() and record.read_text().count("\n") == 6, timeout=5000)
    assert record.read_text().splitlines() == ["--connect", hostile_uri, "--wait",
                                               "--domain-name", "--", OPTION_NAME]


def test_serial_command_to_copy_names_a_domain_with_shell_code_by_its_uuid(
        start_app: StartApp, hostile_uri: str, monkeypatch: pytest.MonkeyPatch) -> None:
    app = start_app(hostile_uri)
    monkeypatch.setenv("PATH", os.defpath)
    open_console(app, SHELL_NAME, hostile_uri)
    text = open_dialog(app.window, MessageDialog).copyable.toPlainText()
    uuid = find(app, Category.DOMAINS, SHELL_NAME, hostile_uri).data(Role.KEY)
    assert text == f"virsh -c {hostile_uri} console -- {uuid}"
    assert shlex.split(text) == ["virsh", "-c", hostile_uri, "console", "--", uuid]
