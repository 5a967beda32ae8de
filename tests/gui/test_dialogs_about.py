"""About kvmgui lists the versions a bug report needs: kvmgui, Qt, PySide6, and per connection
the libvirt library, the daemon and the hypervisor."""

import libvirt
import PySide6
from app_helpers import open_dialog
from fixture_helpers import StartApp
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication

import kvmgui
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.dialogs.about_dialog import AboutDialog

MISSING = "test:///nonexistent/kvmgui-test-host.xml"


def dotted(version: int) -> str:
    """libvirt's packed version number (major * 1e6 + minor * 1e3 + release) as "a.b.c"."""
    return f"{version // 1_000_000}.{version // 1000 % 1000}.{version % 1000}"


def cells(dialog: AboutDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(row, column).text() for column in range(table.columnCount())]
            for row in range(table.rowCount())]


def test_about_lists_library_and_per_connection_versions(start_app: StartApp) -> None:
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    app = start_app(demo_host_uri(), MISSING)
    app.window.about_action.trigger()
    dialog = open_dialog(app.window, AboutDialog)
    text = dialog.components.text()
    assert f"Qt {qVersion()}" in text and f"PySide6 {PySide6.__version__}" in text
    library = dotted(libvirt.getVersion())
    rows = {row[0]: row[1:] for row in cells(dialog)}
    assert rows[demo_host_uri()][:2] == [library, library]  # the test driver runs in-process
    assert rows[demo_host_uri()][2].startswith("TEST")
    assert rows[MISSING][0] == "not connected"
    dialog.reject()


def test_copy_puts_every_version_on_the_clipboard(start_app: StartApp) -> None:
    app = start_app(demo_host_uri())
    app.window.about_action.trigger()
    dialog = open_dialog(app.window, AboutDialog)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0] == f"kvmgui {kvmgui.__version__}"
    assert f"Qt {qVersion()}" in copied
    assert any(line.startswith(f"{demo_host_uri()}: ") and dotted(libvirt.getVersion()) in line
               for line in copied)
    dialog.reject()
