"""The console program preference: which viewer "Open console" may start, or a custom command.

Viewers are found on PATH, so each GUI test puts stand-in scripts that record their arguments
in a PATH of its own.
"""

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from app_helpers import find_row, open_dialog, select
from fixture_helpers import StartApp
from pytestqt.qtbot import QtBot

from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.app import Application
from kvmgui.logic.console_choice import (
    ConsoleProgram, PlanKind, console_info, console_plan, custom_command,
)
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.dialogs.message_dialog import MessageDialog
from kvmgui.ui.roles import Category

UUID = "7d3c2a9e-5f1b-4c6d-8e0a-1b2c3d4e5f60"  # the domain's, from the host

VNC_ANY = ("<domain><devices><graphics type='vnc' port='5905' listen='0.0.0.0'/>"
           "</devices></domain>")
VNC_LOOPBACK = ("<domain><devices><graphics type='vnc' port='5901' listen='127.0.0.1'/>"
                "</devices></domain>")


def have(*programs: str) -> Callable[[str], bool]:
    return lambda program: program in programs


def test_pinned_remote_viewer_is_used_even_when_virt_viewer_exists() -> None:
    plan = console_plan("qemu:///system", "web01", UUID, True, console_info(VNC_ANY),
                        have("virt-viewer", "remote-viewer"), ConsoleProgram.REMOTE_VIEWER)
    assert plan.command == ("remote-viewer", "vnc://localhost:5905")


def test_pinned_virt_viewer_never_falls_back_to_remote_viewer() -> None:
    plan = console_plan("qemu:///system", "web01", UUID, True, console_info(VNC_ANY),
                        have("remote-viewer"), ConsoleProgram.VIRT_VIEWER)
    assert plan.kind is PlanKind.ADDRESS
    assert plan.address == "vnc://localhost:5905"


def test_custom_command_fills_placeholders_per_word() -> None:
    plan = console_plan("qemu:///system", "my vm", UUID, True, console_info(VNC_ANY), have(),
                        ConsoleProgram.CUSTOM, "viewer --title '{name} on {uri}' {address}")
    assert plan.kind is PlanKind.LAUNCH
    assert plan.command == ("viewer", "--title", "my vm on qemu:///system",
                            "vnc://localhost:5905")


def test_custom_command_without_address_runs_for_a_stopped_domain() -> None:
    plan = console_plan("qemu:///system", "d", UUID, False, console_info(VNC_ANY), have(),
                        ConsoleProgram.CUSTOM, "virt-viewer -c {uri} {name}")
    assert plan.command == ("virt-viewer", "-c", "qemu:///system", "d")
    needs_address = console_plan("qemu:///system", "d", UUID, False, console_info(VNC_ANY), have(),
                                 ConsoleProgram.CUSTOM, "viewer {address}")
    assert needs_address.kind is PlanKind.NOT_RUNNING


def test_custom_command_does_not_get_a_loopback_address_it_cannot_reach() -> None:
    plan = console_plan("qemu+ssh://kvm1/system", "d", UUID, True,
                        console_info(VNC_LOOPBACK), have(),
                        ConsoleProgram.CUSTOM, "viewer {address}")
    assert plan.kind is PlanKind.ADDRESS
    assert plan.tunnel.startswith("ssh -N -L 5901:")


def test_custom_command_with_open_quote_is_an_error() -> None:
    with pytest.raises(ValueError):
        custom_command("viewer 'x", "u", "n", "a")


# ---- the action reads the preference ---------------------------------------------------------

def stand_in(bin_dir: Path, name: str, record: Path) -> None:
    script = bin_dir / name
    script.write_text(f"#!/bin/sh\necho {name} >> {record}\nprintf '%s\\n' \"$@\" >> {record}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


def open_console(app: Application, name: str) -> None:
    select(app, app.model.find(demo_host_uri(), Category.DOMAINS, uuid_of(app, name)))
    app.actions.domain.actions[DomainAction.EXTERNAL_VIEWER].trigger()


def uuid_of(app: Application, name: str) -> str:
    return next(d.uuid for d in app.model.domains(demo_host_uri()) if d.name == name)


@pytest.fixture
def viewers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """virt-viewer and remote-viewer stand-ins on PATH; returns the file they write to."""
    record = tmp_path / "args.txt"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("virt-viewer", "remote-viewer", "my-viewer"):
        stand_in(bin_dir, name, record)
    monkeypatch.setenv("PATH", str(bin_dir))
    return record


def test_console_action_uses_the_chosen_remote_viewer(
        demo_app: Application, viewers: Path, qtbot: QtBot) -> None:
    demo_app.preferences.update(console_program=ConsoleProgram.REMOTE_VIEWER)
    open_console(demo_app, "web01")
    qtbot.waitUntil(lambda: viewers.exists() and len(viewers.read_text().splitlines()) == 2,
                    timeout=5000)
    assert viewers.read_text().splitlines() == ["remote-viewer", "vnc://127.0.0.1:5900"]


def test_console_action_runs_the_custom_command(
        demo_app: Application, viewers: Path, qtbot: QtBot) -> None:
    demo_app.preferences.update(console_program=ConsoleProgram.CUSTOM,
                                console_command="my-viewer --connect {uri} {name}")
    open_console(demo_app, "web01")
    qtbot.waitUntil(lambda: viewers.exists() and len(viewers.read_text().splitlines()) == 4,
                    timeout=5000)
    assert viewers.read_text().splitlines() == ["my-viewer", "--connect", demo_host_uri(),
                                                "web01"]


def test_missing_pinned_viewer_is_named_in_the_message(
        demo_app: Application, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    demo_app.preferences.update(console_program=ConsoleProgram.REMOTE_VIEWER)
    open_console(demo_app, "web01")
    dialog = open_dialog(demo_app.window, MessageDialog)
    assert "remote-viewer is not installed" in dialog.text.text()
    assert dialog.copyable.toPlainText() == "vnc://127.0.0.1:5900"


# ---- a domain name that looks like an option -------------------------------------------------

OPTION_NAME = "--display=:58"


def start_option_named_host(start_app: StartApp, tmp_path: Path) -> tuple[Application, str]:
    host = tmp_path / "option-host.xml"
    host.write_text(f"<node><domain type='test'><name>{OPTION_NAME}</name><memory>65536</memory>"
                    "<os><type>hvm</type></os><devices><graphics type='vnc' port='5900' "
                    "listen='0.0.0.0'/></devices></domain></node>")
    uri = f"test://{host}"
    return start_app(uri), uri


def test_custom_command_is_not_started_when_the_name_would_be_an_option(
        start_app: StartApp, tmp_path: Path, viewers: Path) -> None:
    app, uri = start_option_named_host(start_app, tmp_path)
    app.preferences.update(console_program=ConsoleProgram.CUSTOM,
                           console_command="my-viewer --connect {uri} {name}")
    select(app, find_row(app, uri, Category.DOMAINS, OPTION_NAME))
    app.actions.domain.actions[DomainAction.EXTERNAL_VIEWER].trigger()
    dialog = open_dialog(app.window, MessageDialog)
    assert "-- before {name}" in dialog.text.text()
    assert dialog.copyable.toPlainText() == ""
    assert not viewers.exists()  # nothing was started


def test_custom_command_with_double_dash_gets_the_name_as_data(
        start_app: StartApp, tmp_path: Path, viewers: Path, qtbot: QtBot) -> None:
    app, uri = start_option_named_host(start_app, tmp_path)
    app.preferences.update(console_program=ConsoleProgram.CUSTOM,
                           console_command="my-viewer --connect {uri} -- {name}")
    select(app, find_row(app, uri, Category.DOMAINS, OPTION_NAME))
    app.actions.domain.actions[DomainAction.EXTERNAL_VIEWER].trigger()
    qtbot.waitUntil(lambda: viewers.exists() and len(viewers.read_text().splitlines()) == 5,
                    timeout=5000)
    assert viewers.read_text().splitlines() == ["my-viewer", "--connect", uri, "--",
                                                OPTION_NAME]
