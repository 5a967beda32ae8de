"""Shared helpers and fixtures of the editor tests (imported by the test_editors_* modules).

Editors are driven through their widgets; libvirt's answer is read back through a second
client of test:///default (the `default_conn` fixture of tests/conftest.py) or through the
application's own Connection.run.
"""

from collections.abc import Callable
from typing import Any

import libvirt
import pytest
from fixture_helpers import StartApp
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.ui.editors.diff_dialog import DiffDialog
from kvmgui.ui.editors.editor_dialog import EditorDialog
from kvmgui.ui.editors.install import EditorsFeature
from kvmgui.ui.editors.new_vm_wizard import NewVmWizard
from kvmgui.virt.connection import Connection

DEFAULT_URI = "test:///default"
PREFIX = "kvmgui-test-"
TIMEOUT_MS = 10000


class EditorsApp:
    """The application with the editors installed, and small driving helpers."""

    def __init__(self, app: Application, qtbot: QtBot) -> None:
        self.app = app
        self.qtbot = qtbot
        self.feature: EditorsFeature = app.editors
        self.uri = app.model.connections()[0].uri

    @property
    def conn(self) -> Connection:
        conn = self.app.model.connection(self.uri)
        assert conn is not None
        return conn

    def open(self, trigger: Callable[[], object]) -> Any:
        """Run ``trigger`` and return the editor or wizard it opens."""
        with self.qtbot.waitSignal(self.feature.editorOpened, timeout=TIMEOUT_MS) as blocker:
            trigger()
        dialog = blocker.args[0]
        assert isinstance(dialog, QDialog)
        return dialog

    def select(self, name: str) -> QModelIndex:
        self.qtbot.waitUntil(lambda: self.app.model.find_by_name(name).isValid(),
                             timeout=TIMEOUT_MS)
        index = self.app.model.find_by_name(name)
        self.app.window.select(index)
        return index

    def select_volume(self, pool: str, volume: str) -> QModelIndex:
        """Select a volume row (under its pool's row) once the tree shows it."""
        model = self.app.model

        def row() -> QModelIndex:
            parent = model.find_by_name(pool)
            for r in range(model.rowCount(parent)):
                if model.index(r, 0, parent).data() == volume:
                    return model.index(r, 0, parent)
            return QModelIndex()
        self.qtbot.waitUntil(lambda: row().isValid(), timeout=TIMEOUT_MS)
        self.app.window.select(row())
        return row()

    def edit(self, name: str) -> Any:
        """Select the row of ``name``, choose Edit… (F2) and return the editor it opens (a
        domain's double-click opens its VM window, which embeds the editor)."""
        self.select(name)
        return self.open(self.feature.edit_action.trigger)

    def double_click(self, name: str) -> Any:
        """Double-click the tree row of network ``name`` and return the editor it opens."""
        index = self.app.window.view_index(self.select(name))
        tree = self.app.window.tree
        center: QPoint = tree.visualRect(index).center()

        def double_click() -> None:
            # A real double click is press, release, double-click: the view only reports
            # a double click on the row it saw pressed.
            self.qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=center)
            self.qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=center)
        return self.open(double_click)

    def run(self, job: Callable[[libvirt.virConnect], Any]) -> Any:
        """Run a job on the application's connection and return its result."""
        results: list[Any] = []
        errors: list[Exception] = []
        self.conn.run(job, results.append, errors.append)
        self.qtbot.waitUntil(lambda: bool(results or errors), timeout=TIMEOUT_MS)
        if errors:
            raise errors[0]
        return results[0]


def open_wizard(editors: EditorsApp) -> NewVmWizard:
    """The new-VM wizard, opened by the New virtual machine action."""
    wizard = editors.open(editors.feature.new_vm_action.trigger)
    assert isinstance(wizard, NewVmWizard)
    return wizard


def diff_dialog(qtbot: QtBot, parent: QDialog) -> DiffDialog:
    """The review (or conflict) dialog the editor has open."""
    def shown() -> list[DiffDialog]:
        return [d for d in parent.findChildren(DiffDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: bool(shown()), timeout=TIMEOUT_MS)
    return shown()[-1]


def apply_editor(qtbot: QtBot, editor: EditorDialog[Any]) -> str:
    """Click Apply/Create, accept the review dialog, wait until libvirt accepted it; returns
    the diff the review dialog showed."""
    assert editor.apply_button.isEnabled(), editor.problems.messages()
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    review = diff_dialog(qtbot, editor)
    text = review.text.toPlainText()
    with qtbot.waitSignal(editor.applied, timeout=TIMEOUT_MS):
        qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    return text


def inactive_xml(conn: libvirt.virConnect, name: str) -> str:
    return str(conn.lookupByName(name).XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))


@pytest.fixture(name="default_editors")
def default_editors_fixture(start_app: StartApp, qtbot: QtBot,
                            default_conn: libvirt.virConnect) -> EditorsApp:
    """The editors on test:///default; `default_conn` removes what the test created there."""
    return EditorsApp(start_app(DEFAULT_URI), qtbot)


@pytest.fixture(name="demo_editors")
def demo_editors_fixture(demo_app: Application, qtbot: QtBot) -> EditorsApp:
    return EditorsApp(demo_app, qtbot)
