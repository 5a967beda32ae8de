"""libvirt auth prompts: the worker thread waits for a dialog on the GUI thread, which stays live.

The ESX driver asks for a user name and then a password before it contacts its host, so opening
esx://127.0.0.1 and cancelling the password prompt exercises the whole path without traffic.
"""

import threading

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from gui_actions_helpers import StartApp
from kvmgui.ui.dialogs.auth_dialog import AuthDialog
from kvmgui.ui.dialogs.auth_prompter import AuthPrompter
from kvmgui.virt.auth import CredentialPrompt
from kvmgui.core.snapshots import ConnectionState

ESX = "esx://127.0.0.1/?no_verify=1"


def visible_auth_dialogs() -> list[AuthDialog]:
    return [w for w in QApplication.allWidgets() if isinstance(w, AuthDialog) and w.isVisible()]


def open_auth_dialog(qtbot: QtBot) -> AuthDialog:
    qtbot.waitUntil(lambda: len(visible_auth_dialogs()) == 1, timeout=5000)
    return visible_auth_dialogs()[0]


def test_worker_waits_for_the_answers_while_the_gui_runs(qtbot: QtBot) -> None:
    prompter = AuthPrompter()
    answers: list[list[str] | None] = []
    prompts = [CredentialPrompt("User name", "", "root", secret=False),
               CredentialPrompt("Password", "", "", secret=True)]
    worker = threading.Thread(target=lambda: answers.append(prompter.ask("qemu+tcp://h/", prompts)))
    worker.start()
    dialog = open_auth_dialog(qtbot)  # the GUI thread processed events while the worker waits
    assert worker.is_alive() and answers == []
    assert dialog.fields[0].text() == "root"
    assert dialog.fields[1].echoMode() == QLineEdit.EchoMode.Password
    dialog.fields[0].setText("ann")
    dialog.fields[1].setText("s3cret")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    worker.join(5)
    assert answers == [["ann", "s3cret"]]


def test_cancel_all_releases_a_waiting_worker(qtbot: QtBot) -> None:
    prompter = AuthPrompter()
    answers: list[list[str] | None] = []
    worker = threading.Thread(target=lambda: answers.append(prompter.ask("x", [])))
    worker.start()
    dialog = open_auth_dialog(qtbot)
    prompter.cancel_all()
    worker.join(5)
    assert answers == [None]
    dialog.close()


def test_asking_on_the_gui_thread_is_refused() -> None:
    with pytest.raises(RuntimeError, match="worker"):
        AuthPrompter().ask("x", [])


def test_connection_prompts_through_dialogs_and_reports_a_cancelled_password(
        start_app: StartApp, qtbot: QtBot) -> None:
    app = start_app()
    conn = app.connections.add(ESX)
    conn.open()
    user = open_auth_dialog(qtbot)
    assert user.fields[0].text() == "root"  # libvirt's default answer
    user.fields[0].setText("ann")
    user.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: any(d is not user for d in visible_auth_dialogs()), timeout=5000)
    password = open_auth_dialog(qtbot)
    assert password.fields[0].echoMode() == QLineEdit.EchoMode.Password
    assert any("ann's password" in label.text() for label in password.findChildren(QLabel))
    password.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: conn.state == ConnectionState.ERROR, timeout=5000)
    assert "Password request failed" in conn.message
