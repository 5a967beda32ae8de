"""The VM window's Snapshots page on test:///default (the test driver implements internal
snapshots): take, revert and delete in the tree, edit a description, a snapshot made by
another client, what the host cannot do, and Take snapshot… in the Domain menu."""

from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest
from app_helpers import find_row, open_dialog, select
from fixture_helpers import StartApp
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kvmgui.cli.main import gui_parser
from kvmgui.logic.snapshot_rules import RevertTo, SnapshotInfo, SnapshotKind
from kvmgui.ui.app import show_requested
from kvmgui.ui.editors.diff_dialog import DiffDialog
from kvmgui.ui.roles import Category
from kvmgui.ui.vm_window.snapshots_create_dialog import CreateSnapshotDialog
from kvmgui.ui.vm_window.snapshots_dialogs import (
    DeleteSnapshotDialog, DescriptionDialog, RevertDialog,
)
from kvmgui.ui.vm_window.snapshots_model import SnapshotRole, SnapshotTreeModel
from kvmgui.ui.vm_window.snapshots_page import SnapshotsPage
from kvmgui.ui.vm_window.snapshots_thumbnails import ThumbnailStore, thumbnail_relative_path
from kvmgui.ui.vm_window.vm_view import VmView
from kvmgui.xml.snapshot import DomainSnapshot

from vm_window_helpers import DEFAULT, PREFIX, TIMEOUT_MS, open_vm, scratch_vm


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Screenshots go to this test's own cache directory, not the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    yield tmp_path / "cache"


def snapshots_page(qtbot: QtBot, view: VmView) -> SnapshotsPage:
    """Show the Snapshots page and wait until it lists what the host has."""
    page = view.page("snapshots")
    assert isinstance(page, SnapshotsPage)
    with qtbot.waitSignal(page.listed, timeout=TIMEOUT_MS):
        view.show_page("snapshots")
    return page


def names_in_tree(page: SnapshotsPage) -> dict[str, str | None]:
    """Snapshot name -> the name of its parent row in the tree (None at the top)."""
    model, found = page.model, {}
    pending = [model.index(r, 0) for r in range(model.rowCount())]
    while pending:
        index = pending.pop()
        parent = index.parent()
        found[index.data(SnapshotRole.NAME)] = parent.data(SnapshotRole.NAME) \
            if parent.isValid() else None
        pending += [model.index(r, 0, index) for r in range(model.rowCount(index))]
    return found


def take(qtbot: QtBot, view: VmView, page: SnapshotsPage, name: str, description: str) -> None:
    page.take_action.trigger()
    dialog = open_dialog(view, CreateSnapshotDialog)
    dialog.name_edit.setText(name)
    dialog.description_edit.setPlainText(description)
    dialog.next_button.click()
    diff = open_dialog(view, DiffDialog)
    assert f"+  <name>{name}</name>" in diff.text.toPlainText()
    with qtbot.waitSignal(page.actionFinished, timeout=TIMEOUT_MS) as finished:
        diff.accept_button.click()
    assert finished.args == [True], page.message.text()
    qtbot.waitUntil(lambda: name in names_in_tree(page), timeout=TIMEOUT_MS)


def current_name(dom: libvirt.virDomain) -> str:
    return str(dom.snapshotCurrent(0).getName())


def test_take_revert_and_delete_in_the_tree(start_app: StartApp,
                                            default_conn: libvirt.virConnect, qtbot: QtBot,
                                            cache_home: Path) -> None:
    dom = scratch_vm(default_conn, "snaps", running=True)
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "snaps")
    page = snapshots_page(qtbot, view)
    assert names_in_tree(page) == {}
    assert not page.revert_action.isEnabled() and not page.delete_action.isEnabled()

    take(qtbot, view, page, "first", "before the upgrade")
    assert dom.snapshotLookupByName("first", 0) is not None
    assert DomainSnapshot.from_xml(dom.snapshotLookupByName("first", 0).getXMLDesc(0)) \
        .description == "before the upgrade"
    index = page.model.index_of("first")
    assert index.data(Qt.ItemDataRole.FontRole).bold()  # the current one
    assert page.selected() is not None and page.selected().name == "first"
    picture = page.thumbnails.path(dom.UUIDString(), "first")
    assert picture.is_relative_to(cache_home)  # the user's cache directory
    assert picture.parts[-2:] == thumbnail_relative_path(dom.UUIDString(), "first").parts
    assert not QImage(str(picture)).isNull()  # the screen of the running guest, kept
    assert page.details.picture.isVisibleTo(page.details)

    take(qtbot, view, page, "second", "")
    assert names_in_tree(page) == {"first": None, "second": "first"}
    assert current_name(dom) == "second"

    page.select("first")
    page.revert_action.trigger()
    revert = open_dialog(view, RevertDialog)
    assert revert.buttons.button(QDialogButtonBox.StandardButton.Cancel).isDefault()
    revert.after.setCurrentIndex(revert.after.findData(RevertTo.PAUSED))
    with qtbot.waitSignal(page.actionFinished, timeout=TIMEOUT_MS) as finished:
        revert.accept()
    assert finished.args == [True], page.message.text()
    assert dom.state()[0] == libvirt.VIR_DOMAIN_PAUSED
    assert current_name(dom) == "first"
    qtbot.waitUntil(lambda: page.model.index_of("first").data(Qt.ItemDataRole.FontRole)
                    is not None, timeout=TIMEOUT_MS)

    page.select("first")
    page.delete_action.trigger()
    delete = open_dialog(view, DeleteSnapshotDialog)
    assert delete.only_this.isChecked() and delete.children_list.count() == 1
    with qtbot.waitSignal(page.actionFinished, timeout=TIMEOUT_MS):
        delete.accept()  # only this one: "second" moves up
    qtbot.waitUntil(lambda: names_in_tree(page) == {"second": None}, timeout=TIMEOUT_MS)
    assert [s.getName() for s in dom.listAllSnapshots(0)] == ["second"]
    assert not picture.exists()  # its screenshot went with it


def test_cancelled_questions_change_nothing(start_app: StartApp,
                                           default_conn: libvirt.virConnect,
                                           qtbot: QtBot) -> None:
    dom = scratch_vm(default_conn, "kept", running=True)
    dom.snapshotCreateXML("<domainsnapshot><name>one</name></domainsnapshot>", 0)
    dom.snapshotCreateXML("<domainsnapshot><name>two</name></domainsnapshot>", 0)
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "kept")
    page = snapshots_page(qtbot, view)
    page.select("one")
    page.delete_action.trigger()
    delete = open_dialog(view, DeleteSnapshotDialog)
    assert delete.buttons.button(QDialogButtonBox.StandardButton.Cancel).isDefault()
    delete.with_children.setChecked(True)
    delete.reject()
    page.revert_action.trigger()
    open_dialog(view, RevertDialog).reject()
    assert sorted(s.getName() for s in dom.listAllSnapshots(0)) == ["one", "two"]
    assert current_name(dom) == "two"
    assert dom.state()[0] == libvirt.VIR_DOMAIN_RUNNING


def test_delete_with_children(start_app: StartApp, default_conn: libvirt.virConnect,
                              qtbot: QtBot) -> None:
    dom = scratch_vm(default_conn, "family")
    for name in ("root", "child", "grandchild"):
        dom.snapshotCreateXML(f"<domainsnapshot><name>{name}</name></domainsnapshot>", 0)
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "family")
    page = snapshots_page(qtbot, view)
    assert names_in_tree(page) == {"root": None, "child": "root", "grandchild": "child"}
    page.select("child")
    page.delete_action.trigger()
    delete = open_dialog(view, DeleteSnapshotDialog)
    delete.with_children.setChecked(True)
    with qtbot.waitSignal(page.actionFinished, timeout=TIMEOUT_MS):
        delete.accept()
    qtbot.waitUntil(lambda: names_in_tree(page) == {"root": None}, timeout=TIMEOUT_MS)
    assert [s.getName() for s in dom.listAllSnapshots(0)] == ["root"]


def test_edit_description_shows_the_diff_and_keeps_the_current_snapshot(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = scratch_vm(default_conn, "described")
    dom.snapshotCreateXML("<domainsnapshot><name>only</name>"
                          "<description>old words</description></domainsnapshot>", 0)
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "described")
    page = snapshots_page(qtbot, view)
    page.select("only")
    assert page.details.description.toPlainText() == "old words"
    page.describe_action.trigger()
    dialog = open_dialog(view, DescriptionDialog)
    dialog.edit.setPlainText("<b>new</b> words")
    dialog.accept()
    diff = open_dialog(view, DiffDialog)
    text = diff.text.toPlainText()
    assert "-  <description>old words</description>" in text
    assert "+  <description>&lt;b&gt;new&lt;/b&gt; words</description>" in text
    assert "old words" in dom.snapshotLookupByName("only", 0).getXMLDesc(0)  # not yet
    with qtbot.waitSignal(page.actionFinished, timeout=TIMEOUT_MS) as finished:
        diff.accept_button.click()
    assert finished.args == [True], page.message.text()
    snap = dom.snapshotLookupByName("only", 0)
    assert DomainSnapshot.from_xml(snap.getXMLDesc(0)).description == "<b>new</b> words"
    assert snap.isCurrent(0)
    qtbot.waitUntil(lambda: page.details.description.toPlainText() == "<b>new</b> words",
                    timeout=TIMEOUT_MS)


def test_a_snapshot_made_by_another_client_appears_when_the_page_is_shown(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = scratch_vm(default_conn, "elsewhere")
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "elsewhere")
    page = snapshots_page(qtbot, view)
    assert names_in_tree(page) == {}
    view.show_page("details")
    dom.snapshotCreateXML("<domainsnapshot><name>by-virsh</name></domainsnapshot>", 0)
    with qtbot.waitSignal(page.listed, timeout=TIMEOUT_MS):
        view.show_page("snapshots")
    assert names_in_tree(page) == {"by-virsh": None}


def test_bad_input_says_why_and_takes_nothing(start_app: StartApp,
                                             default_conn: libvirt.virConnect,
                                             qtbot: QtBot) -> None:
    dom = scratch_vm(default_conn, "badinput")
    dom.snapshotCreateXML("<domainsnapshot><name>taken</name></domainsnapshot>", 0)
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "badinput")
    page = snapshots_page(qtbot, view)
    page.take_action.trigger()
    dialog = open_dialog(view, CreateSnapshotDialog)
    assert dialog.name_edit.text().startswith("snapshot-")  # from the time
    for bad, words in (("taken", "already exists"), ("a/b", "'/'"), ("", "must not be empty")):
        dialog.name_edit.setText(bad)
        dialog.next_button.click()
        assert dialog.isVisible() and words in dialog.problems.text()
    dialog.reject()
    assert [s.getName() for s in dom.listAllSnapshots(0)] == ["taken"]


def test_what_the_test_driver_cannot_do_is_said_before(start_app: StartApp,
                                                      default_conn: libvirt.virConnect,
                                                      qtbot: QtBot) -> None:
    scratch_vm(default_conn, "internalonly", running=True)
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "internalonly")
    page = snapshots_page(qtbot, view)
    page.take_action.trigger()
    dialog = open_dialog(view, CreateSnapshotDialog)
    assert dialog.kind() is SnapshotKind.INTERNAL
    for kind in (SnapshotKind.DISK_ONLY, SnapshotKind.WITH_MEMORY):
        assert not dialog.kind_buttons[kind].isEnabled()
        assert "internal snapshots only" in dialog.kind_reasons[kind].text()
    assert not dialog.quiesce_check.isEnabled()
    dialog.reject()


def test_take_snapshot_from_the_domain_menu(start_app: StartApp,
                                           default_conn: libvirt.virConnect,
                                           qtbot: QtBot) -> None:
    scratch_vm(default_conn, "menu")
    app = start_app(DEFAULT)
    qtbot.waitUntil(lambda: find_row(app, DEFAULT, Category.DOMAINS, PREFIX + "menu").isValid(),
                    timeout=TIMEOUT_MS)
    action = app.vm_windows.take_snapshot.action
    assert action in app.vm_windows.domain_menu.actions()
    select(app, find_row(app, DEFAULT, Category.DOMAINS, PREFIX + "menu"))
    assert action.isEnabled()
    action.trigger()
    view = app.vm_windows.manager.view(DEFAULT, default_conn.lookupByName(
        PREFIX + "menu").UUIDString())
    assert view is not None and view.current_page_name() == "snapshots"
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(CreateSnapshotDialog)),
                    timeout=TIMEOUT_MS)
    open_dialog(view, CreateSnapshotDialog).reject()


def test_snapshot_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    def info(name: str, parent: str | None, created: int, current: bool = False) -> SnapshotInfo:
        return SnapshotInfo(name, parent, "line one\nline two", "running", created, False,
                            "internal", current, f"<domainsnapshot><name>{name}</name>"
                            "</domainsnapshot>")

    model = SnapshotTreeModel()
    model.set_snapshots([info("a", None, 1), info("b", "a", 2, current=True),
                         info("c", "a", 3), info("d", "c", 4), info("loop", "loop", 5)])
    qtmodeltester.check(model)
    assert model.rowCount() == 2  # "a", and "loop" (its own parent) cut loose at the top
    assert model.index_of("d").parent() == model.index_of("c")
    assert model.index_of("c", 4).data() == "line one"


def test_thumbnail_names_stay_inside_the_store(tmp_path: Path) -> None:
    store = ThumbnailStore(tmp_path / "store")
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    data = bytes(array.data())
    for uuid, name in (("6695eb01-f6a4-8304-79aa-97f2502e193f", "../../../.bashrc"),
                       ("../../etc", "a/b"), ("6695eb01-f6a4-8304-79aa-97f2502e193f", "")):
        assert store.save(uuid, name, data)
        path = store.path(uuid, name).resolve()
        assert path.is_relative_to((tmp_path / "store").resolve())
        loaded = store.load(uuid, name)
        assert (loaded.width(), loaded.height()) == (640, 480)  # made no larger than that
    assert store.path("u", "a") != store.path("u", "b")
    assert not store.save("6695eb01-f6a4-8304-79aa-97f2502e193f", "x", b"not a picture")
    store.remove("../../etc", ["a/b"])
    assert store.load("../../etc", "a/b").isNull()


def test_tab_snapshots_opens_the_vm_window_on_its_page(start_app: StartApp,
                                                      default_conn: libvirt.virConnect,
                                                      qtbot: QtBot) -> None:
    scratch_vm(default_conn, "cli")
    args = gui_parser().parse_args(["--select", PREFIX + "cli", "--tab", "snapshots"])
    app = start_app(DEFAULT)
    qtbot.waitUntil(lambda: find_row(app, DEFAULT, Category.DOMAINS, PREFIX + "cli").isValid(),
                    timeout=TIMEOUT_MS)
    window = show_requested(app, args.select, args.tab)
    view = app.vm_windows.manager.view(DEFAULT, default_conn.lookupByName(
        PREFIX + "cli").UUIDString())
    assert view is not None and window is view.window()  # what --screenshot saves
    assert view.current_page_name() == "snapshots"
    assert show_requested(app, args.select, "summary") is None  # a details tab stays there
