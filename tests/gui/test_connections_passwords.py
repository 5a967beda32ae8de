"""kvmgui stores, shows and logs no password (issue: a custom URI with one was saved verbatim)."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app_helpers import open_dialog
from kvmgui.ui.actions.connection_actions import ConnectionAction
from kvmgui.ui.app import Application
from kvmgui.ui.dialogs.add_connection_dialog import AddConnectionDialog
from kvmgui.ui.settings import ConnectionSettings, SavedConnection

SECRET = "s3cr3t-pw"


def test_the_dialog_refuses_a_uri_with_a_password(demo_app: Application, qtbot: QtBot) -> None:
    demo_app.actions.connection.actions[ConnectionAction.ADD].trigger()
    dialog = open_dialog(demo_app.window, AddConnectionDialog)
    dialog.use_custom.setChecked(True)
    qtbot.keyClicks(dialog.custom_uri, f"qemu+ssh://root:{SECRET}@host.invalid/system")
    assert not dialog.connect_button.isEnabled()
    assert dialog.problem.isVisibleTo(dialog) and "password" in dialog.problem.text()
    assert SECRET not in dialog.uri_label.text()
    dialog.cancel_button.click()
    assert ConnectionSettings(QSettings()).load() == []


def test_a_password_saved_by_an_older_version_is_dropped(demo_app: Application) -> None:
    settings = QSettings()
    settings.beginWriteArray("connections", 1)
    settings.setArrayIndex(0)
    settings.setValue("uri", f"qemu+ssh://root:{SECRET}@host.invalid/system")
    settings.endArray()
    stored = ConnectionSettings(settings)
    assert stored.load() == [SavedConnection("qemu+ssh://root@host.invalid/system", True)]
    stored.save(stored.load())
    settings.sync()
    assert SECRET not in Path(settings.fileName()).read_text()


def test_the_command_line_drops_a_password_and_never_logs_it(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run(
        [sys.executable, "-m", "kvmgui", "topology", "--connect",
         f"test://user:{SECRET}@/nonexistent/host.xml", "--log-level", "debug"],
        env=env, text=True, capture_output=True, timeout=120, check=False)
    assert result.returncode != 0  # the host does not exist; it must say so without the secret
    assert "password was removed" in result.stderr
    assert SECRET not in result.stderr + result.stdout
