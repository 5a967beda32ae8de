"""Issue 14 item 6: problems appear in a fixed place without moving the form, and only for a
field the user edited (or all of them once Apply is clicked)."""

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from editors_helpers import (  # noqa: F401 (fixtures)
    EditorsApp,
    default_editors_fixture,
)

from kvmgui.ui.editors.network_editor import NetworkEditor


def new_network_editor(editors: EditorsApp) -> NetworkEditor:
    editor = editors.open(editors.feature.new_network_action.trigger)
    assert isinstance(editor, NetworkEditor)
    QApplication.processEvents()
    return editor


def place(widget: QWidget, editor: QWidget) -> QRect:
    """Where ``widget`` sits in the editor window, after pending layout work."""
    QApplication.processEvents()
    return QRect(widget.mapTo(editor, widget.rect().topLeft()), widget.size())


def test_typing_a_vlan_tag_does_not_move_the_portgroup_table(default_editors: EditorsApp,
                                                             qtbot: QtBot) -> None:
    editor = new_network_editor(default_editors)
    qtbot.keyClicks(editor.general.name, "kvmgui-test-still")
    ports = editor.ports
    editor.tabs.setCurrentWidget(ports)
    qtbot.mouseClick(ports.add_portgroup, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ports.add_portgroup, Qt.MouseButton.LeftButton)
    table = ports.portgroups
    before = place(table, editor), table.visualItemRect(table.item(1, 2))
    assert editor.problems.messages() == []

    table.item(0, 2).setText("10")  # libvirt 9 refuses a VLAN on a NAT network: an error
    assert not editor.apply_button.isEnabled()
    assert any("VLAN" in m or "vlan" in m for m in editor.problems.messages())
    assert "without Open vSwitch" in ports.vlan_note.text()
    assert (place(table, editor), table.visualItemRect(table.item(1, 2))) == before

    table.item(0, 2).setText("")
    assert editor.problems.messages() == []
    assert (place(table, editor), table.visualItemRect(table.item(1, 2))) == before


def test_problems_wait_for_an_edit_or_for_apply(default_editors: EditorsApp,
                                                qtbot: QtBot) -> None:
    editor = new_network_editor(default_editors)
    assert editor.document.name is None or editor.document.name == ""
    assert editor.errors()  # the name is missing ...
    assert editor.problems.messages() == []  # ... but the user has not typed anything yet
    tabs_before = place(editor.tabs, editor)

    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert any("Name:" in m for m in editor.problems.messages())
    assert "Fix the problems" in editor.status.text()
    assert not editor.apply_button.isEnabled()
    assert place(editor.tabs, editor) == tabs_before

    qtbot.keyClicks(editor.general.name, "kvmgui-test-named")
    assert editor.problems.messages() == []
    assert editor.apply_button.isEnabled()


def test_a_problem_the_user_causes_shows_at_once(default_editors: EditorsApp,
                                                 qtbot: QtBot) -> None:
    editor = new_network_editor(default_editors)
    general = editor.general
    qtbot.keyClicks(general.name, "bad name/")
    assert any("Name:" in m for m in editor.problems.messages())
