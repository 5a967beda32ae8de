"""Clone… on test:///default (its driver copies volumes, instantly): the dialog, the review, the
run, and what a failure, a cancel or a refusal leave behind (nothing)."""

from xml.etree import ElementTree

import libvirt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from gui_actions_helpers import (  # noqa: F401 - scratch_fixture provides `scratch`
    DEFAULT, POOL, PREFIX, Scratch, StartApp, domain, find_volume, open_dialog, scratch_fixture,
    select,
)
from vm_window_helpers import open_vm

from kvmgui.logic.action_rules import DomainAction
from kvmgui.logic.clone_plan import DiskPolicy
from kvmgui.ui.app import Application
from kvmgui.ui.dialogs.clone_dialog import CloneDialog
from kvmgui.ui.dialogs.clone_progress import CloneProgressDialog
from kvmgui.ui.editors.diff_dialog import DiffDialog
from kvmgui.ui.roles import Role
from kvmgui.virt.clone_run import CloneOutcome, CloneResult, CloneRun

SOURCE = f"{PREFIX}src"
CLONE = f"{SOURCE}-clone"
MAC = "52:54:00:12:34:56"


def source_xml(disks: tuple[tuple[str, str], ...]) -> str:
    disk_xml = "".join(
        f"<disk type='file' device='disk'><driver name='qemu' type='{fmt}'/>"
        f"<source file='/{POOL}/{PREFIX}{name}'/><target dev='vd{chr(97 + i)}'/></disk>"
        for i, (name, fmt) in enumerate(disks))
    return (f"<domain type='test'><name>{SOURCE}</name><memory>65536</memory><vcpu>1</vcpu>"
            "<os><type>hvm</type><loader readonly='yes' type='pflash'>/usr/share/OVMF/CODE.fd"
            f"</loader><nvram>/{POOL}/{SOURCE}_VARS.fd</nvram></os><devices>{disk_xml}"
            f"<interface type='network'><mac address='{MAC}'/><source network='default'/>"
            "</interface></devices></domain>")


def make_source(scratch: Scratch, *disks: tuple[str, str]) -> libvirt.virDomain:
    pool = scratch.conn.storagePoolLookupByName(POOL)
    for name, fmt in (*disks, ("src_VARS.fd", "raw")):
        pool.createXML(f"<volume><name>{PREFIX}{name}</name><capacity>1048576</capacity>"
                       f"<allocation>524288</allocation><target><format type='{fmt}'/>"
                       "</target></volume>", 0)
    return scratch.conn.defineXML(source_xml(disks))


def open_clone_dialog(qtbot: QtBot, app: Application) -> CloneDialog:
    select(app, domain(app, "src"))
    action = app.actions.domain.actions[DomainAction.CLONE]
    assert action.isEnabled()
    action.trigger()  # reads the definition on the worker first
    qtbot.waitUntil(lambda: any(d.isVisible() for d in app.window.findChildren(CloneDialog)))
    return open_dialog(app.window, CloneDialog)


def review_and_start(app: Application, dialog: CloneDialog) -> CloneRun:
    """Review… then Clone in the review; the run has started, its first answer not yet in."""
    assert dialog.review_button.isEnabled(), dialog.problems.messages()
    dialog.review_button.click()
    review = open_dialog(app.window, DiffDialog)
    assert f"+  <name>{dialog.plan.name}</name>" in review.text.toPlainText()
    review.accept_button.click()
    return open_dialog(app.window, CloneProgressDialog).run


def wait_result(qtbot: QtBot, run: CloneRun) -> CloneResult:
    with qtbot.waitSignal(run.finished, timeout=15000) as finished:
        pass
    result: CloneResult = finished.args[0]
    return result


def volumes(scratch: Scratch) -> set[str]:
    return scratch.volume_names()


def test_clone_copies_one_disk_shares_another_and_copies_the_nvram(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    source = make_source(scratch, ("src.qcow2", "qcow2"), ("shared.img", "raw"))
    app = start_app(DEFAULT)
    dialog = open_clone_dialog(qtbot, app)
    assert dialog.name.text() == CLONE
    rows = dialog.disks
    assert rows.row("vda").name.text() == f"{CLONE}.qcow2"
    shared = rows.row("vdb").policy
    shared.setCurrentIndex(shared.findData(DiskPolicy.SHARE))
    assert not rows.row("vdb").name.isEnabled()
    assert any("vdb" in m and "write" in m for m in dialog.problems.messages())
    run = review_and_start(app, dialog)
    result = wait_result(qtbot, run)
    assert result.outcome is CloneOutcome.DONE, result

    clone = scratch.conn.lookupByName(CLONE)
    assert clone.UUIDString() == result.uuid != source.UUIDString()
    tree = ElementTree.fromstring(clone.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
    paths = [s.get("file") for s in tree.findall("devices/disk/source")]
    assert paths == [f"/{POOL}/{CLONE}.qcow2", f"/{POOL}/{PREFIX}shared.img"]
    mac = tree.find("devices/interface/mac")
    assert mac is not None and mac.get("address") not in (None, MAC)
    assert tree.findtext("os/nvram") == f"/{POOL}/{CLONE}_VARS.fd"
    assert {f"{CLONE}.qcow2", f"{CLONE}_VARS.fd"} <= volumes(scratch)
    copy = scratch.conn.storagePoolLookupByName(POOL).storageVolLookupByName(f"{CLONE}.qcow2")
    assert "qcow2" in copy.XMLDesc(0) and copy.info()[1] == 1048576
    qtbot.waitUntil(lambda: domain(app, "src-clone").isValid())
    qtbot.waitUntil(lambda: find_volume(app, POOL, f"{CLONE}.qcow2").isValid())
    assert not app.actions.runner.is_running(app.actions.domain.selected()[0])


def test_a_name_clash_made_midway_by_another_client_removes_what_was_created(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    make_source(scratch, ("src.qcow2", "qcow2"), ("data.img", "raw"))
    app = start_app(DEFAULT)
    dialog = open_clone_dialog(qtbot, app)
    run = review_and_start(app, dialog)
    pool = scratch.conn.storagePoolLookupByName(POOL)
    clash = f"{PREFIX}data-clone.img"
    assert run.plan.copies[1].name == clash

    def other_client(index: int) -> None:
        if index == 0:  # after the first copy, before the second starts
            pool.createXML(f"<volume><name>{clash}</name><capacity>4096</capacity></volume>", 0)

    run.copyFinished.connect(other_client)
    result = wait_result(qtbot, run)
    assert result.outcome is CloneOutcome.FAILED and "exists" in result.error
    assert result.removed == (f"{POOL}/{CLONE}.qcow2",) and not result.leftovers
    assert CLONE not in {d.name() for d in scratch.conn.listAllDomains(0)}
    assert volumes(scratch) == {f"{PREFIX}{n}" for n in ("src.qcow2", "data.img",
                                                          "src_VARS.fd", "data-clone.img")}, \
        "the other client's volume stays; only the clone's copy is gone"
    progress = open_dialog(app.window, CloneProgressDialog)
    assert "failed" in progress.status.text() and f"{CLONE}.qcow2" in progress.status.text()
    progress.close_button.click()
    assert not app.actions.runner.is_running(app.actions.domain.selected()[0])


def test_cancel_stops_after_the_copy_under_way_and_removes_everything(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    make_source(scratch, ("src.qcow2", "qcow2"))
    app = start_app(DEFAULT)
    run = review_and_start(app, open_clone_dialog(qtbot, app))
    progress = open_dialog(app.window, CloneProgressDialog)
    copied: list[int] = []
    run.copyStarted.connect(copied.append)
    run.copyFinished.connect(lambda index: progress.cancel_button.click() if index == 0 else None)
    result = wait_result(qtbot, run)
    assert result.outcome is CloneOutcome.CANCELLED
    assert copied == [0], "the NVRAM copy never started"
    assert result.removed == (f"{POOL}/{CLONE}.qcow2",)
    assert volumes(scratch) == {f"{PREFIX}src.qcow2", f"{PREFIX}src_VARS.fd"}
    assert CLONE not in {d.name() for d in scratch.conn.listAllDomains(0)}
    assert "cancelled" in progress.status.text()
    progress.close_button.click()


def test_a_source_started_meanwhile_is_refused_and_nothing_is_made(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    source = make_source(scratch, ("src.qcow2", "qcow2"))
    app = start_app(DEFAULT)
    dialog = open_clone_dialog(qtbot, app)
    source.create()  # another client, while the dialog is open
    result = wait_result(qtbot, review_and_start(app, dialog))
    assert result.outcome is CloneOutcome.FAILED and "running" in result.error
    assert result.removed == () and volumes(scratch) == {f"{PREFIX}src.qcow2",
                                                         f"{PREFIX}src_VARS.fd"}
    open_dialog(app.window, CloneProgressDialog).close_button.click()


def test_a_taken_name_blocks_the_review_and_clone_needs_one_stopped_domain(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    make_source(scratch, ("src.qcow2", "qcow2"))
    scratch.domain("other", running=True)
    app = start_app(DEFAULT)
    dialog = open_clone_dialog(qtbot, app)
    dialog.name.setText(f"{PREFIX}other")
    assert not dialog.review_button.isEnabled()
    assert any("already exists" in m for m in dialog.problems.messages())
    dialog.name.setText(f"{PREFIX}fresh")
    assert dialog.review_button.isEnabled()
    assert dialog.disks.row("vda").name.text() == f"{PREFIX}fresh.qcow2", "follows the name"
    dialog.cancel_button.click()
    clone = app.actions.domain.actions[DomainAction.CLONE]
    select(app, domain(app, "other"))
    app.actions.update_enabled()
    assert not clone.isEnabled(), "a running domain is not cloned"
    select(app, domain(app, "src"), domain(app, "other"))
    app.actions.update_enabled()
    assert not clone.isEnabled(), "one domain at a time"


def test_clone_from_the_vm_window_keeps_the_source_busy_until_done(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    make_source(scratch, ("src.qcow2", "qcow2"))
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, SOURCE)
    actions = view.domain_actions.actions
    assert actions[DomainAction.CLONE] in view.parts.toolbar.actions()
    assert actions[DomainAction.CLONE].isEnabled() and actions[DomainAction.START].isEnabled()
    actions[DomainAction.CLONE].trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(CloneDialog)))
    dialog = open_dialog(view, CloneDialog)
    dialog.review_button.click()
    open_dialog(view, DiffDialog).accept_button.click()
    run = open_dialog(view, CloneProgressDialog).run
    view.domain_actions.update(view.selection())
    assert not actions[DomainAction.START].isEnabled(), "the source waits while it is copied"
    assert domain(app, "src").data(Role.BUSY) == "cloning…"
    assert wait_result(qtbot, run).outcome is CloneOutcome.DONE
    view.domain_actions.update(view.selection())
    assert actions[DomainAction.START].isEnabled() and not domain(app, "src").data(Role.BUSY)
    assert CLONE in {d.name() for d in scratch.conn.listAllDomains(0)}


def test_a_paused_source_qcow2_disk_must_be_shared_or_skipped(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    source = make_source(scratch, ("src.qcow2", "qcow2"))
    source.create()
    source.suspend()
    app = start_app(DEFAULT)
    dialog = open_clone_dialog(qtbot, app)
    assert not dialog.review_button.isEnabled()
    assert any("QEMU locks its qcow2 image" in m for m in dialog.problems.messages())
    policy = dialog.disks.row("vda").policy
    policy.setCurrentIndex(policy.findData(DiskPolicy.SKIP))
    assert dialog.review_button.isEnabled(), "the NVRAM (raw) is still copied"
    dialog.cancel_button.click()


def test_a_clone_outlives_its_vm_window_and_reports_a_failure_in_the_main_window(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    make_source(scratch, ("src.qcow2", "qcow2"), ("data.img", "raw"))
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, SOURCE)
    view.domain_actions.actions[DomainAction.CLONE].trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(CloneDialog)))
    open_dialog(view, CloneDialog).review_button.click()
    open_dialog(view, DiffDialog).accept_button.click()
    run = open_dialog(view, CloneProgressDialog).run
    pool = scratch.conn.storagePoolLookupByName(POOL)

    def close_window_and_clash(index: int) -> None:
        if index == 0:
            view.close()
            pool.createXML(f"<volume><name>{PREFIX}data-clone.img</name>"
                           "<capacity>4096</capacity></volume>", 0)

    run.copyFinished.connect(close_window_and_clash)
    assert wait_result(qtbot, run).outcome is CloneOutcome.FAILED
    qtbot.waitUntil(lambda: any(box.isVisible() for box in app.window.findChildren(QMessageBox)))
    box = next(b for b in app.window.findChildren(QMessageBox) if b.isVisible())
    assert "failed" in box.text() and f"{CLONE}.qcow2" in box.text()
    box.close()
    assert volumes(scratch) == {f"{PREFIX}{n}" for n in ("src.qcow2", "data.img",
                                                          "src_VARS.fd", "data-clone.img")}
