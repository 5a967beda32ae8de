"""install_editors: the Create menu, the Edit… action and which rows it applies to."""

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot
from editors_helpers import (  # noqa: F401 (fixtures)
    EditorsApp,
    demo_editors_fixture,
)

from kvmgui.ui.editors.network_editor import NetworkEditor


def test_create_menu_sits_before_help_with_every_action(demo_editors: EditorsApp) -> None:
    bar = demo_editors.app.window.menuBar()
    titles = [a.text() for a in bar.actions()]
    assert titles.index("C&reate") == titles.index("&Help") - 1
    menu = next(a.menu() for a in bar.actions() if a.text() == "C&reate")
    assert isinstance(menu, QMenu)
    feature = demo_editors.feature
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert actions == [feature.new_vm_action, feature.new_pool_action,
                       feature.new_volume_action, feature.new_network_action,
                       feature.edit_action]


def test_edit_applies_to_domains_and_networks_only(demo_editors: EditorsApp) -> None:
    edit = demo_editors.feature.edit_action
    for name, editable in (("web01", True), ("vg_guests", False), ("ovs-trunk", True),
                           ("eth0", False)):
        demo_editors.select(name)
        assert edit.isEnabled() is editable, name


# The offscreen platform cannot raise windows and says so; that is not our warning.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_edit_action_opens_one_editor_per_object(demo_editors: EditorsApp,
                                                 qtbot: QtBot) -> None:
    demo_editors.select("ovs-trunk")
    editor = demo_editors.open(demo_editors.feature.edit_action.trigger)
    assert isinstance(editor, NetworkEditor)
    assert editor.general.name.text() == "ovs-trunk"
    assert editor.general.ovs.isChecked()
    with qtbot.assertNotEmitted(demo_editors.feature.editorOpened, wait=300):
        demo_editors.feature.edit_action.trigger()  # raises the open editor instead
    editor.reject()
    reopened = demo_editors.open(demo_editors.feature.edit_action.trigger)
    assert isinstance(reopened, NetworkEditor)
