"""The Pinning page of the VM window on test:///default: pins saved in <cputune> and applied
live (checked through another client), the grid showing where vCPUs ran, refusals that change
nothing, and the Host CPU page marking pinned vCPUs.

The test driver's host: 8 CPUs in its CPU map, of which 0, 2 and 4 are online; a running
domain's vCPUs report CPU 15 until pinned, then the first CPU of their pin."""

import libvirt
from app_helpers import open_dialog
from fixture_helpers import StartApp
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kvmgui.logic.pinning_rules import EMULATOR, HostCpus, Pinning
from kvmgui.ui.editors.diff_dialog import DiffDialog
from kvmgui.ui.vm_window.pinning_model import RAN_HERE, Column, PinningModel
from kvmgui.ui.vm_window.pinning_page import PinningPage
from kvmgui.ui.vm_window.vm_view import VmView
from kvmgui.xml import Domain

from vm_window_helpers import DEFAULT, PREFIX, TIMEOUT_MS, open_vm

INACTIVE = libvirt.VIR_DOMAIN_XML_INACTIVE
LIVE = libvirt.VIR_DOMAIN_AFFECT_LIVE


def define(conn: libvirt.virConnect, short: str, running: bool,
           cputune: str = "") -> libvirt.virDomain:
    dom = conn.defineXML(f"<domain type='test'><name>{PREFIX}{short}</name><memory>65536"
                         f"</memory><vcpu>2</vcpu>{cputune}<os><type>hvm</type></os></domain>")
    if running:
        dom.create()
    return dom


def pinning_page(qtbot: QtBot, view: VmView) -> PinningPage:
    page = view.page("pinning")
    assert isinstance(page, PinningPage)
    if page.facts is None:
        with qtbot.waitSignal(page.loaded, timeout=TIMEOUT_MS):
            view.show_page("pinning")
    else:
        view.show_page("pinning")
    return page


def toggle(qtbot: QtBot, page: PinningPage, row: int, cpu: int) -> None:
    """Space on a CPU cell, as a keyboard user ticks it."""
    index = page.model.index(row, page.model.column_of_cpu(cpu))
    page.table.setCurrentIndex(index)
    qtbot.keyClick(page.table.viewport(), Qt.Key.Key_Space)


def type_cpus(qtbot: QtBot, page: PinningPage, row: int, text: str) -> None:
    """F2 on the row's "Pinned to" cell, the cpuset typed, Enter."""
    page.table.setCurrentIndex(page.model.index(row, Column.PINNED))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editors = [e for e in page.table.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    editors[0].selectAll()
    qtbot.keyClicks(editors[0], text)
    qtbot.keyClick(editors[0], Qt.Key.Key_Return)
    # The delegate commits on a queued call.
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)


def apply(qtbot: QtBot, page: PinningPage) -> DiffDialog:
    page.apply_button.click()
    return open_dialog(page, DiffDialog)


def test_pins_are_saved_in_cputune_after_the_diff(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = define(default_conn, "saved-pins", running=False)
    app = start_app(DEFAULT)
    page = pinning_page(qtbot, open_vm(qtbot, app, PREFIX + "saved-pins"))
    assert not page.live_box.isEnabled() and page.config_box.isChecked()  # not running
    for cpu in range(8):
        if cpu != 2:
            toggle(qtbot, page, 1, cpu)  # vCPU 1: only CPU 2 left ticked
    type_cpus(qtbot, page, 2, "0, 4")  # the emulator threads
    assert page.model.wanted == Pinning((None, frozenset({2})), frozenset({0, 4}))
    assert page.model.data(page.model.index(1, Column.PINNED)) == "2"

    dialog = apply(qtbot, page)
    diff = dialog.text.toPlainText()
    assert '+    <vcpupin vcpu="1" cpuset="2"/>' in diff.replace("'", '"')
    assert '+    <emulatorpin cpuset="0,4"/>' in diff.replace("'", '"')
    assert "vCPU 1: any CPU → CPU 2" in dialog.extra.text()
    assert Domain.from_xml(dom.XMLDesc(INACTIVE)).find_element("cputune") is None  # not yet
    with qtbot.waitSignal(page.finished, timeout=TIMEOUT_MS) as finished:
        dialog.accept_button.click()
    assert finished.args[0] is True, finished.args

    other = libvirt.open(DEFAULT)  # another client
    try:
        tune = Domain.from_xml(other.lookupByName(PREFIX + "saved-pins").XMLDesc(INACTIVE)).cputune
    finally:
        other.close()
    assert (tune.vcpu_pin(0), tune.vcpu_pin(1), tune.emulator_pin) == (None, "2", "0,4")
    qtbot.waitUntil(lambda: not page.model.dirty and page.model.current.vcpus[1] == frozenset({2}),
                    timeout=TIMEOUT_MS)  # read again: what the host has now


def test_live_pin_moves_the_vcpu_and_the_grid_shows_where_it_ran(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = define(default_conn, "live-pins", running=True)
    app = start_app(DEFAULT)
    page = pinning_page(qtbot, open_vm(qtbot, app, PREFIX + "live-pins"))
    assert page.model.ran_on(0) == 15  # the test driver's word before any pin
    assert page.model.data(page.model.index(0, Column.RAN_ON)) == "15"
    page.config_box.setChecked(False)  # live only
    type_cpus(qtbot, page, 0, "2")
    with qtbot.waitSignal(page.finished, timeout=TIMEOUT_MS) as finished:
        dialog = apply(qtbot, page)
        assert dialog.text.isHidden()  # nothing for the definition, so no diff
        dialog.accept_button.click()
    assert finished.args[0] is True, finished.args

    assert dom.vcpuPinInfo(LIVE)[0] == (False, False, True) + (False,) * 5
    assert Domain.from_xml(dom.XMLDesc(INACTIVE)).find_element("cputune") is None
    cell = page.model.index(0, page.model.column_of_cpu(2))
    qtbot.waitUntil(lambda: page.model.data(cell) == RAN_HERE, timeout=TIMEOUT_MS)
    assert page.model.data(page.model.index(0, Column.RAN_ON)) == "2"
    assert page.model.data(page.model.index(1, page.model.column_of_cpu(2))) == ""

    # Another client pins vCPU 1: the sampler's next ticks show where it runs now.
    dom.pinVcpu(1, (False,) * 4 + (True,))
    qtbot.waitUntil(lambda: page.model.ran_on(1) == 4, timeout=TIMEOUT_MS)
    assert page.model.data(page.model.index(1, page.model.column_of_cpu(4))) == RAN_HERE


def test_the_host_cpu_page_marks_pinned_vcpus(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = define(default_conn, "host-marks", running=True,
                 cputune="<cputune><vcpupin vcpu='1' cpuset='0,2'/></cputune>")
    ran_on = dom.vcpus()[0][1][3]
    app = start_app(DEFAULT)
    app.window.select(app.model.find_by_name(DEFAULT))
    page = app.performance.host_page
    app.window.details.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: bool(page.cpu_rows()), timeout=TIMEOUT_MS)
    lines = [line for _cpu, lines in page.cpu_rows() for line in lines]
    assert f"vCPU 1 → thread unknown on CPU {ran_on} · pinned to CPUs 0,2" in lines
    assert "vCPU 0 → thread unknown on CPU 15" in lines  # not pinned: no marker


def test_refused_pins_say_why_and_change_nothing(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = define(default_conn, "refused-pins", running=True,
                 cputune="<cputune><vcpupin vcpu='0' cpuset='4'/></cputune>")
    before = (dom.vcpuPinInfo(LIVE), dom.XMLDesc(INACTIVE))
    app = start_app(DEFAULT)
    page = pinning_page(qtbot, open_vm(qtbot, app, PREFIX + "refused-pins"))
    start = page.model.wanted
    assert start.vcpus[0] == frozenset({4})

    type_cpus(qtbot, page, 0, "9")  # beyond the host's 8 CPUs
    assert "vCPU 0: CPU 9 does not exist on this host (it has CPUs 0-7)." in page.message.text()
    type_cpus(qtbot, page, 0, "1-3,^2-3")
    assert "Only single CPUs can be taken out" in page.message.text()
    toggle(qtbot, page, 0, 4)  # its last CPU
    assert "vCPU 0 needs at least one host CPU." in page.message.text()
    assert page.model.wanted == start

    type_cpus(qtbot, page, 1, "1")  # exists, but offline: live it would have nowhere to run
    page.apply_button.click()
    assert "vCPU 1: CPU 1 is offline" in page.message.text()
    assert not page.findChildren(DiffDialog)  # refused before anything is shown or asked
    assert (dom.vcpuPinInfo(LIVE), dom.XMLDesc(INACTIVE)) == before


def test_another_clients_definition_change_refuses_the_apply(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = define(default_conn, "conflict-pins", running=False)
    app = start_app(DEFAULT)
    page = pinning_page(qtbot, open_vm(qtbot, app, PREFIX + "conflict-pins"))
    type_cpus(qtbot, page, 0, "0")
    dialog = apply(qtbot, page)
    changed = Domain.from_xml(dom.XMLDesc(INACTIVE))
    changed.title = "changed meanwhile"
    default_conn.defineXML(changed.to_xml())
    with qtbot.waitSignal(page.finished, timeout=TIMEOUT_MS) as finished:
        dialog.accept_button.click()
    assert finished.args[0] is False and "Another client changed" in finished.args[1]
    assert Domain.from_xml(dom.XMLDesc(INACTIVE)).cputune.vcpu_pin(0) is None
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT_MS):
        pass  # read again, the edit kept to apply once more
    assert page.model.wanted.vcpus[0] == frozenset({0})


def test_the_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = PinningModel()
    host = HostCpus.from_host([True, False, True], None)
    model.set_pinning(host, Pinning((frozenset({0}), None), frozenset({2})))
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.rowCount() == 3 and model.columnCount() == Column.FIRST_CPU + 3
    assert model.row_of(2) == EMULATOR
    assert model.headerData(2, Qt.Orientation.Vertical) == "Emulator"
    checks = [model.data(model.index(0, c), Qt.ItemDataRole.CheckStateRole)
              for c in range(Column.FIRST_CPU, model.columnCount())]
    assert checks == [Qt.CheckState.Checked, Qt.CheckState.Unchecked, Qt.CheckState.Unchecked]
