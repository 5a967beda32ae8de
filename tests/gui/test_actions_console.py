"""Open console: starts virt-viewer when installed, else shows the address or the serial command.

Viewers are found on PATH, so each test puts its own PATH in place: a stand-in `virt-viewer`
script that records its arguments, or nothing at all.
"""

import os
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui_actions_helpers import find, open_dialog, select
from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.dialogs.message_dialog import MessageDialog
from kvmgui.ui.roles import Category


def open_console(app: Application, name: str) -> None:
    select(app, find(app, Category.DOMAINS, name, demo_host_uri()))
    app.actions.domain.actions[DomainAction.CONSOLE].trigger()


def test_virt_viewer_is_started_with_the_connection_uri(
        demo_app: Application, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    record = tmp_path / "args.txt"
    viewer = tmp_path / "bin" / "virt-viewer"
    viewer.parent.mkdir()
    viewer.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > {record}\n")
    viewer.chmod(viewer.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(viewer.parent))
    open_console(demo_app, "web01")
    qtbot.waitUntil(lambda: record.exists() and record.read_text().count("\n") == 4, timeout=5000)
    assert record.read_text().splitlines() == ["--connect", demo_host_uri(), "--wait", "web01"]


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
    assert dialog.copyable.toPlainText() == f"virsh -c {demo_host_uri()} console nfs01"
    assert "serial console" in dialog.text.text()
