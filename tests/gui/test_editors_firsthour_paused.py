"""Issue 14 item 2, second half: a domain that paused on its own says why, in its tree row and
in its summary (the reason comes with the snapshot the worker fetched)."""

import libvirt
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from kvmgui.core.snapshots import DomainInfo, DomainState, PausedReason
from kvmgui.ui import texts
from kvmgui.ui.app import Application
from kvmgui.ui.roles import Column, Role

TIMEOUT_MS = 5000
GUEST_XML = """<domain type='test'><name>kvmgui-test-paused</name><memory>65536</memory>
<os><type>hvm</type></os></domain>"""


def state_cell(app: Application, name: str) -> str:
    index = app.model.find_by_name(name)
    return str(index.siblingAtColumn(Column.STATE).data()) if index.isValid() else ""


def summary_rows(app: Application, index: QModelIndex) -> dict[str, str]:
    app.window.select(index)
    return dict(app.window.details.page.content[1])  # type: ignore[index]


def test_a_domain_paused_by_nobody_says_the_reason_is_unknown(demo_app: Application) -> None:
    # The demo host starts build01 paused; the test driver reports the reason as "unknown",
    # as QEMU's own stop (KVM internal error, a failed migration, ...) would.
    index = demo_app.model.find_by_name("build01")
    info = index.data(Role.SNAPSHOT)
    assert isinstance(info, DomainInfo) and info.state is DomainState.PAUSED
    assert info.paused_reason is PausedReason.UNKNOWN
    assert state_cell(demo_app, "build01") == "Paused (unknown reason)"
    assert summary_rows(demo_app, index)["State"] == "Paused (unknown reason)"


def test_a_domain_the_user_paused_is_just_paused(start_app: object, qtbot: QtBot,
                                                 default_conn: libvirt.virConnect) -> None:
    app = start_app("test:///default")  # type: ignore[operator]
    dom = default_conn.defineXML(GUEST_XML)
    dom.create()
    qtbot.waitUntil(lambda: state_cell(app, "kvmgui-test-paused") == "Running",
                    timeout=TIMEOUT_MS)
    dom.suspend()
    qtbot.waitUntil(lambda: state_cell(app, "kvmgui-test-paused").startswith("Paused"),
                    timeout=TIMEOUT_MS)
    assert dom.state() == [libvirt.VIR_DOMAIN_PAUSED, libvirt.VIR_DOMAIN_PAUSED_USER]
    assert state_cell(app, "kvmgui-test-paused") == "Paused"


def test_each_error_reason_has_its_own_words() -> None:
    def text(reason: int) -> str:
        return texts.domain_state(DomainInfo(
            uuid="u", name="n", state=DomainState.PAUSED, vcpus=1, memory_kib=1,
            max_memory_kib=1, autostart=False, persistent=True, managed_save=False, xml="",
            paused_reason=PausedReason(reason)))

    assert text(libvirt.VIR_DOMAIN_PAUSED_IOERROR) == "Paused (I/O error)"
    assert text(libvirt.VIR_DOMAIN_PAUSED_CRASHED) == "Paused (guest crashed)"
    assert text(libvirt.VIR_DOMAIN_PAUSED_WATCHDOG) == "Paused (watchdog)"
    assert text(libvirt.VIR_DOMAIN_PAUSED_USER) == "Paused"
    # libvirt's numbering is a stable ABI; the enum must follow it
    assert PausedReason.IOERROR == libvirt.VIR_DOMAIN_PAUSED_IOERROR
    assert PausedReason.POSTCOPY_FAILED == libvirt.VIR_DOMAIN_PAUSED_POSTCOPY_FAILED
