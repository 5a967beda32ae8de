"""The Pinning page on a real libvirtd with the tiny guest (its one vCPU kept busy with `yes`):
vCPU 0 pinned to CPU 1 live and in the definition, after which the grid shows it running on
CPU 1 within a few samples; a pin to a CPU this host does not have is refused, by the page and
by the job, saying why and changing nothing."""

from __future__ import annotations

import os

import libvirt
import pytest
from app_helpers import open_dialog, open_vm_page
from daemon_helpers import URI
from fixture_helpers import StartApp
from guest_console_helpers import open_serial_console, run_in_console, terminal_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.qtbot import QtBot
from tiny_guest_helpers import BANNER, TinyGuestMaker, make_tiny_guest  # noqa: F401 (fixture)

from kvmgui.logic.pinning_rules import Pinning
from kvmgui.ui.app import Application
from kvmgui.ui.console.serial_console import SerialConsolePage
from kvmgui.ui.editors.diff_dialog import DiffDialog
from kvmgui.ui.vm_window.pinning_model import RAN_HERE, Column
from kvmgui.ui.vm_window.pinning_page import PinningPage
from kvmgui.virt.pinning_jobs import PinningRefused, PinRequest, apply_pinning
from kvmgui.xml import Domain

BOOT_MS = 60000  # TCG on a busy 2-core machine
ANSWER_MS = 10000
INACTIVE = libvirt.VIR_DOMAIN_XML_INACTIVE
LIVE = libvirt.VIR_DOMAIN_AFFECT_LIVE
FEW_SAMPLES = 6

pytestmark = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs two host CPUs")


def keep_busy(qtbot: QtBot, app: Application, name: str) -> SerialConsolePage:
    """`yes > /dev/null &` on the guest's serial shell: its vCPU runs all the time, so the
    host scheduler moves it as soon as its pin changes."""
    page = open_serial_console(qtbot, app, name)
    qtbot.waitUntil(lambda: BANNER in terminal_text(page.terminal), timeout=BOOT_MS)
    run_in_console(qtbot, page, "yes > /dev/null", background=True)
    return page


def open_pinning(qtbot: QtBot, app: Application, name: str) -> PinningPage:
    return open_vm_page(qtbot, app, URI, name, "pinning", PinningPage, lambda p: p.loaded)


def type_cpus(qtbot: QtBot, page: PinningPage, row: int, text: str) -> None:
    page.table.setCurrentIndex(page.model.index(row, Column.PINNED))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = next(e for e in page.table.findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)


def test_vcpu0_pinned_to_cpu1_runs_there_within_a_few_samples(
        make_tiny_guest: TinyGuestMaker,  # noqa: F811
        start_app: StartApp, virt_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    name = make_tiny_guest("pinning")
    app = start_app(URI)
    app.performance.set_interval(0.5)
    keep_busy(qtbot, app, name)
    dom = virt_conn.lookupByName(name)
    # Start from CPU 0 for sure: unpinned, a busy vCPU may hop between the CPUs at any time.
    dom.pinVcpuFlags(0, (True, False), LIVE)
    qtbot.waitUntil(lambda: dom.vcpus()[0][0][3] == 0, timeout=ANSWER_MS)
    page = open_pinning(qtbot, app, name)
    facts = page.facts
    assert facts is not None and facts.active and facts.host.count == os.cpu_count()
    assert page.live_box.isChecked() and page.config_box.isChecked()
    qtbot.waitUntil(lambda: page.model.ran_on(0) == 0, timeout=ANSWER_MS)

    type_cpus(qtbot, page, 0, "1")
    page.apply_button.click()
    dialog = open_dialog(page, DiffDialog)
    assert "vCPU 0: any CPU → CPU 1" in dialog.extra.text() \
        or "vCPU 0: CPU 0 → CPU 1" in dialog.extra.text()
    assert "vcpupin" in dialog.text.toPlainText()
    with qtbot.waitSignal(page.finished, timeout=30000) as finished:
        dialog.accept_button.click()
    assert finished.args[0] is True, finished.args
    sampler = app.performance.sampler(URI)
    assert sampler is not None
    applied_at = sampler.ticks

    assert dom.vcpuPinInfo(LIVE)[0][:2] == (False, True)
    assert Domain.from_xml(dom.XMLDesc(INACTIVE)).cputune.vcpu_pin(0) == "1"
    cell = page.model.index(0, page.model.column_of_cpu(1))
    qtbot.waitUntil(lambda: sampler.ticks > applied_at and page.model.data(cell) == RAN_HERE,
                    timeout=30000)
    assert sampler.ticks - applied_at <= FEW_SAMPLES
    assert page.model.data(page.model.index(0, Column.RAN_ON)) == "1"
    assert dom.vcpus()[0][0][3] == 1  # what libvirt says, asked directly


def test_a_pin_to_a_cpu_that_does_not_exist_is_refused_and_changes_nothing(
        make_tiny_guest: TinyGuestMaker,  # noqa: F811
        start_app: StartApp, virt_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    name = make_tiny_guest("pinning-refused")
    dom = virt_conn.lookupByName(name)
    before = (dom.vcpuPinInfo(LIVE), dom.emulatorPinInfo(LIVE), dom.XMLDesc(INACTIVE))
    app = start_app(URI)
    page = open_pinning(qtbot, app, name)
    facts = page.facts
    assert facts is not None
    missing = facts.host.count + 3
    hint = f"CPU {missing} does not exist on this host (it has CPUs 0-{facts.host.count - 1})"

    type_cpus(qtbot, page, 0, str(missing))  # the page refuses it as typed
    assert f"vCPU 0: {hint}." in page.message.text()
    assert page.model.wanted == facts.current

    # A stale page (or another program using the job) is refused by the job itself.
    connection = app.model.connection(URI)
    assert connection is not None
    wanted = Pinning((None,), frozenset({missing}))
    errors: list[Exception] = []
    with qtbot.waitCallback(timeout=30000) as done:
        connection.run_action(apply_pinning(dom.UUIDString(),
                                            PinRequest(wanted, True, True, facts.saved_xml)),
                              done, lambda exc: (errors.append(exc), done(None)))
    assert len(errors) == 1 and isinstance(errors[0], PinningRefused)
    assert f"The emulator threads: {hint}." in str(errors[0])
    assert (dom.vcpuPinInfo(LIVE), dom.emulatorPinInfo(LIVE), dom.XMLDesc(INACTIVE)) == before
