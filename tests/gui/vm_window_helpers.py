"""Shared helpers of the VM window tests (tests/gui/test_vm_window_*.py): scratch domains with
the displays a test needs on test:///default, and opening a domain's VM window."""

from xml.sax.saxutils import escape

import libvirt
from app_helpers import find_row
from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.ui.roles import Category
from kvmgui.ui.vm_window.vm_view import VmView

DEFAULT = "test:///default"
PREFIX = "kvmgui-test-"
TIMEOUT_MS = 10000


def vm_xml(name: str, graphics: tuple[str, ...] = ("vnc",), serial: bool = False) -> str:
    devices = "".join(f"<graphics type='{kind}' autoport='yes' listen='127.0.0.1'/>"
                      for kind in graphics)
    if serial:
        devices += ("<serial type='pty'><target port='0'/></serial>"
                    "<console type='pty'><target type='serial' port='0'/></console>")
    return (f"<domain type='test'><name>{escape(name)}</name><memory>65536</memory><vcpu>1</vcpu>"
            f"<os><type>hvm</type></os><devices>{devices}</devices></domain>")


def scratch_vm(conn: libvirt.virConnect, short: str, running: bool = False,
               graphics: tuple[str, ...] = ("vnc",), serial: bool = False) -> libvirt.virDomain:
    """Define kvmgui-test-`short` through another client of test:///default."""
    dom = conn.defineXML(vm_xml(PREFIX + short, graphics, serial))
    if running:
        dom.create()
    return dom


def open_vm(qtbot: QtBot, app: Application, name: str, uri: str = DEFAULT) -> VmView:
    """Open the VM window of the domain `name` (once the tree lists it)."""
    qtbot.waitUntil(lambda: find_row(app, uri, Category.DOMAINS, name).isValid(),
                    timeout=TIMEOUT_MS)
    view = app.vm_windows.open_index(find_row(app, uri, Category.DOMAINS, name))
    assert view is not None
    qtbot.waitExposed(view.window())
    return view
