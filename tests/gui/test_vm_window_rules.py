"""The VM window's pure rules (no Qt): which console by default, which overlay, the keys."""

import pytest

from kvmgui.core.snapshots import DomainState
from kvmgui.ui.vm_window.key_combos import (
    COMBOS, CTRL_ALT_DEL, KEY_F1, KEY_F11, KEY_F12, function_key,
)
from kvmgui.ui.vm_window.rules import (
    ConsoleKind, Display, Overlay, ViewState, default_console, display_of, has_serial,
    overlay_for, wants_view,
)

S, G, V, Ov = DomainState, ConsoleKind.GRAPHICAL, ViewState, Overlay


def xml(devices: str) -> str:
    return (f"<domain type='test'><name>d</name><memory>1024</memory><os><type>hvm</type></os>"
            f"<devices>{devices}</devices></domain>")


VNC = "<graphics type='vnc'/>"
SPICE = "<graphics type='spice'/>"
SERIAL = "<serial type='pty'><target port='0'/></serial>"


@pytest.mark.parametrize(("devices", "display", "serial", "console"), [
    (VNC, Display.VNC, False, ConsoleKind.GRAPHICAL),
    (SPICE + VNC, Display.VNC, False, ConsoleKind.GRAPHICAL),
    (SPICE + SERIAL, Display.SPICE_ONLY, True, ConsoleKind.GRAPHICAL),
    ("<graphics type='sdl'/>", Display.OTHER, False, ConsoleKind.GRAPHICAL),
    (SERIAL, Display.NONE, True, ConsoleKind.SERIAL),
    ("", Display.NONE, False, ConsoleKind.GRAPHICAL),
])
def test_display_serial_and_default_console(devices: str, display: Display, serial: bool,
                                            console: ConsoleKind) -> None:
    assert display_of(xml(devices)) is display
    assert has_serial(xml(devices)) is serial
    assert default_console(xml(devices)) is console


@pytest.mark.parametrize(("state", "kind", "display", "serial", "view", "overlay"), [
    (S.SHUTOFF, G, Display.VNC, True, V.CONNECTED, Ov.NOT_RUNNING),
    (S.CRASHED, G, Display.VNC, True, V.DETACHED, Ov.NOT_RUNNING),
    (S.RUNNING, G, Display.SPICE_ONLY, True, V.DETACHED, Ov.SPICE_ONLY),
    (S.RUNNING, G, Display.NONE, True, V.DETACHED, Ov.NO_DISPLAY),
    (S.RUNNING, G, Display.OTHER, False, V.DETACHED, Ov.NO_DISPLAY),
    (S.RUNNING, ConsoleKind.SERIAL, Display.VNC, False, V.DETACHED, Ov.NO_SERIAL),
    (S.PAUSED, G, Display.VNC, False, V.CONNECTED, Ov.PAUSED),
    (S.RUNNING, G, Display.VNC, False, V.DETACHED, Ov.CONNECTING),
    (S.RUNNING, G, Display.VNC, False, V.CONNECTING, Ov.CONNECTING),
    (S.RUNNING, G, Display.VNC, False, V.FAILED, Ov.DISCONNECTED),
    (S.BLOCKED, ConsoleKind.SERIAL, Display.NONE, True, V.DISCONNECTED, Ov.DISCONNECTED),
    (S.RUNNING, G, Display.VNC, False, V.CONNECTED, Ov.NONE),
    (S.RUNNING, ConsoleKind.SERIAL, Display.NONE, True, V.CONNECTED, Ov.NONE),
])
def test_overlay(state: DomainState, kind: ConsoleKind, display: Display, serial: bool,
                 view: ViewState, overlay: Overlay) -> None:
    assert overlay_for(state, kind, display, serial, view) is overlay


def test_a_view_is_attached_only_where_it_can_show_something() -> None:
    assert wants_view(S.RUNNING, G, Display.VNC, False)
    assert wants_view(S.PAUSED, G, Display.VNC, False)  # the frozen screen stays on show
    assert not wants_view(S.SHUTOFF, G, Display.VNC, True)
    assert not wants_view(S.RUNNING, G, Display.SPICE_ONLY, True)
    assert wants_view(S.RUNNING, ConsoleKind.SERIAL, Display.SPICE_ONLY, True)
    assert not wants_view(S.RUNNING, ConsoleKind.SERIAL, Display.VNC, False)


def test_send_key_combos_are_linux_key_codes() -> None:
    assert CTRL_ALT_DEL.codes == (29, 56, 111)
    assert [function_key(n) for n in (1, 10, 11, 12)] == [KEY_F1, KEY_F1 + 9, KEY_F11, KEY_F12]
    names = [c.name for c in COMBOS]
    assert names[:2] == ["ctrl-alt-del", "ctrl-alt-backspace"] and names[-1] == "print"
    assert [c.codes[-1] for c in COMBOS if c.name.startswith("ctrl-alt-f")] == [
        function_key(n) for n in range(1, 13)]
    with pytest.raises(ValueError):
        function_key(13)
