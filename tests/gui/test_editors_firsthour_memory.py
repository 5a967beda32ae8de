"""Issue 14 item 7: an invalid value in one memory field never rewrites the other field."""

from pytestqt.qtbot import QtBot
from editors_helpers import (  # noqa: F401 (fixtures)
    EditorsApp,
    apply_editor,
    demo_editors_fixture,
)

from kvmgui.ui.editors.domain_editor import DomainEditor

MIB = 1024


def open_editor(editors: EditorsApp, name: str) -> DomainEditor:
    editors.select(name)
    editor = editors.open(editors.feature.edit_current)
    assert isinstance(editor, DomainEditor)
    editor.tabs.setCurrentWidget(editor.memory_tab)
    return editor


def test_maximum_zero_leaves_the_current_allocation_alone(demo_editors: EditorsApp) -> None:
    editor = open_editor(demo_editors, "web01")  # 2 GiB maximum = current
    tab = editor.memory_tab
    assert (tab.maximum.value(), tab.current.value()) == (2048, 2048)
    tab.maximum.setValue(0)
    assert tab.current.value() == 2048
    assert editor.document.current_memory == 2048 * MIB
    assert editor.document.memory == 0
    assert not editor.apply_button.isEnabled()
    assert any("Memory" in m for m in editor.problems.messages())
    # A valid maximum again: the two fields were equal before the slip, so they move together.
    tab.maximum.setValue(4096)
    assert (tab.current.value(), editor.document.current_memory) == (4096, 4096 * MIB)


def test_a_valid_maximum_still_carries_an_equal_current_along(demo_editors: EditorsApp,
                                                              qtbot: QtBot) -> None:
    editor = open_editor(demo_editors, "web01")
    tab = editor.memory_tab
    tab.maximum.setValue(1024)
    assert tab.current.value() == 1024
    tab.current.setValue(512)
    tab.maximum.setValue(0)  # invalid: current keeps its own 512
    tab.maximum.setValue(3072)  # valid, but current was not equal to it: it stays
    assert (tab.current.value(), editor.document.current_memory) == (512, 512 * MIB)
    apply_editor(qtbot, editor)
