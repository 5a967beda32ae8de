"""The Details page (summary, live thumbnail, the embedded domain editor with its diff) and
the live thumbnail in the main window's summary, on test:///default."""

import libvirt
from app_helpers import find_row, open_dialog, select
from fixture_helpers import StartApp
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kvmgui.ui.editors.diff_dialog import DiffDialog
from kvmgui.ui.editors.domain_editor import DomainEditor
from kvmgui.ui.roles import Category
from kvmgui.ui.vm_window.details_page import DetailsPage
from kvmgui.xml import Domain

from vm_window_helpers import DEFAULT, PREFIX, TIMEOUT_MS, open_vm, scratch_vm


def details(view: object) -> DetailsPage:
    page = view.page("details")  # type: ignore[attr-defined]
    assert isinstance(page, DetailsPage)
    return page


def test_details_embeds_the_editor_and_apply_shows_the_diff_first(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = scratch_vm(default_conn, "edited")
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "edited")
    host = details(view).editor_host
    with qtbot.waitSignal(host.editorReady, timeout=TIMEOUT_MS):
        view.show_page("details")
    editor = host.editor
    assert isinstance(editor, DomainEditor)
    assert not editor.isWindow() and editor.isVisible()  # part of the page, not a dialog
    assert details(view).summary.content is not None
    assert details(view).summary.content[0] == PREFIX + "edited"

    qtbot.keyClicks(editor.overview_tab.title_edit, "Edited in its window")
    editor.apply_button.click()
    diff = open_dialog(editor, DiffDialog)
    assert "+  <title>Edited in its window</title>" in diff.text.toPlainText()
    assert Domain.from_xml(dom.XMLDesc(0)).title is None  # nothing defined before accepting
    with qtbot.waitSignal(host.editorReady, timeout=TIMEOUT_MS):  # rebuilt on the new XML
        diff.accept_button.click()
    assert Domain.from_xml(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)).title == \
        "Edited in its window"
    assert host.editor is not editor
    assert host.editor is not None
    assert host.editor.overview_tab.title_edit.text() == "Edited in its window"
    qtbot.waitUntil(lambda: ("Title", "Edited in its window")
                    in details(view).summary.content[1], timeout=TIMEOUT_MS)  # type: ignore[index]


def test_revert_drops_the_edits(start_app: StartApp, default_conn: libvirt.virConnect,
                                qtbot: QtBot) -> None:
    scratch_vm(default_conn, "reverted")
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "reverted")
    host = details(view).editor_host
    with qtbot.waitSignal(host.editorReady, timeout=TIMEOUT_MS):
        view.show_page("details")
    assert host.editor is not None
    editor = host.editor
    qtbot.keyClicks(editor.overview_tab.title_edit, "never applied")
    qtbot.keyClick(editor.overview_tab.title_edit, Qt.Key.Key_Escape)  # not a dialog's Esc
    assert host.editor is editor and editor.isVisible()
    assert editor.overview_tab.title_edit.text() == "never applied"
    assert host.editor.cancel_button.text() == "Revert"
    with qtbot.waitSignal(host.editorReady, timeout=TIMEOUT_MS):
        host.editor.cancel_button.click()
    assert host.editor.overview_tab.title_edit.text() == ""


def test_thumbnail_of_a_running_domain_while_the_details_show(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = scratch_vm(default_conn, "pictured", running=True)
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "pictured")
    thumbnail = details(view).thumbnail
    assert not thumbnail.has_picture  # the page was never shown: nothing asked
    with qtbot.waitSignal(thumbnail.pictureChanged, timeout=TIMEOUT_MS):
        view.show_page("details")
    assert thumbnail.has_picture
    assert 0 < thumbnail.pixmap().width() <= 240
    assert thumbnail.polling
    view.show_page("console")  # hidden: it stops asking
    assert not thumbnail.polling
    with qtbot.waitSignal(thumbnail.pictureChanged, timeout=TIMEOUT_MS):
        view.show_page("details")  # shown again: a fresh picture at once
    dom.destroy()  # not running: the picture goes
    qtbot.waitUntil(lambda: not thumbnail.has_picture, timeout=TIMEOUT_MS)
    assert not thumbnail.polling


def test_main_window_summary_shows_the_current_domains_screen(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    scratch_vm(default_conn, "summary-on", running=True)
    scratch_vm(default_conn, "summary-off")
    app = start_app(DEFAULT)
    thumbnail = app.vm_windows.thumbnail
    assert thumbnail.isVisible()  # the Summary tab is in front
    with qtbot.waitSignal(thumbnail.pictureChanged, timeout=TIMEOUT_MS):
        select(app, find_row(app, DEFAULT, Category.DOMAINS, PREFIX + "summary-on"))
    assert thumbnail.has_picture
    with qtbot.waitSignal(thumbnail.pictureChanged, timeout=TIMEOUT_MS):
        select(app, find_row(app, DEFAULT, Category.DOMAINS, PREFIX + "summary-off"))
    assert not thumbnail.has_picture
    select(app, find_row(app, DEFAULT, Category.DOMAINS, PREFIX + "summary-on"))
    qtbot.waitUntil(lambda: thumbnail.has_picture, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(app.vm_windows.manager.opened):
        thumbnail.clicked.emit()  # one click from the picture to the VM window
