"""Every lifecycle action of the actions controller, on a real QEMU (TCG) guest."""

import libvirt
from app_helpers import find_row, open_dialog, select, wait_batch
from fixture_helpers import StartApp
from daemon_helpers import URI
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.app import Application
from kvmgui.ui.dialogs.confirm_dialog import ConfirmDialog
from kvmgui.ui.dialogs.delete_domains_dialog import DeleteDomainsDialog
from kvmgui.logic.action_results import ResultStatus
from kvmgui.ui.roles import Category, Column

A = DomainAction
TEXT = {libvirt.VIR_DOMAIN_RUNNING: "Running", libvirt.VIR_DOMAIN_PAUSED: "Paused",
        libvirt.VIR_DOMAIN_SHUTOFF: "Shut off"}


def guest_row(app: Application, name: str) -> QModelIndex:
    return find_row(app, URI, Category.DOMAINS, name)


def libvirt_text(dom: libvirt.virDomain) -> str:
    state = dom.state()[0]
    if state == libvirt.VIR_DOMAIN_SHUTOFF and dom.hasManagedSaveImage(0):
        return "Saved"
    return TEXT[state]


def test_lifecycle_actions_on_a_real_guest(start_app: StartApp, make_guest, virt_conn,  # type: ignore[no-untyped-def]
                                           qtbot: QtBot) -> None:
    name = make_guest("acts", running=False)
    dom = virt_conn.lookupByName(name)
    app = start_app(URI, timeout_ms=60000)
    select(app, guest_row(app, name))
    # ACPI shutdown needs a guest OS to answer; this guest sits in the BIOS, so force off instead.
    steps = [(A.START, False, "Running"), (A.PAUSE, False, "Paused"), (A.RESUME, False, "Running"),
             (A.REBOOT, False, "Running"), (A.SAVE, False, "Saved"), (A.START, False, "Running"),
             (A.FORCE_OFF, True, "Shut off"), (A.AUTOSTART_ON, False, "Shut off"),
             (A.AUTOSTART_OFF, False, "Shut off")]
    for action, confirm, expected in steps:
        with wait_batch(qtbot, app) as finished:
            app.actions.domain.actions[action].trigger()
            if confirm:
                open_dialog(app.window, ConfirmDialog).accept_button.click()
        rows = finished.args[1]
        assert [r.status for r in rows] == [ResultStatus.DONE], (action, rows)
        assert libvirt_text(dom) == expected, action
        qtbot.waitUntil(
            lambda e=expected: guest_row(app, name).siblingAtColumn(Column.STATE).data() == e,
            timeout=20000)
        if action in (A.AUTOSTART_ON, A.AUTOSTART_OFF):
            assert bool(dom.autostart()) == (action == A.AUTOSTART_ON)


def test_delete_removes_guest_and_its_volume(start_app: StartApp, make_guest, virt_conn,  # type: ignore[no-untyped-def]
                                             test_pool: str, qtbot: QtBot) -> None:
    name = make_guest("del", running=True, with_disk=True)
    pool = virt_conn.storagePoolLookupByName(test_pool)
    before = set(pool.listVolumes())
    assert before
    app = start_app(URI, timeout_ms=60000)
    select(app, guest_row(app, name))
    app.actions.domain.actions[A.DELETE].trigger()
    dialog = open_dialog(app.window, DeleteDomainsDialog)
    assert all(box.isChecked() for _choice, box in dialog.disk_boxes)  # its own, unshared disk
    with wait_batch(qtbot, app) as finished:
        dialog.delete_button.click()
    assert finished.args[1][0].status is ResultStatus.DONE
    assert name not in {d.name() for d in virt_conn.listAllDomains(0)}
    pool.refresh(0)
    assert set(pool.listVolumes()) == set()
    qtbot.waitUntil(lambda: not guest_row(app, name).isValid(), timeout=20000)
