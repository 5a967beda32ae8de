"""What the VM window's console shows, decided without Qt (unit-tested on their own).

    display = display_of(domain.xml)             # VNC, SPICE only, none
    kind = default_console(domain.xml)           # graphical when there is a display
    overlay_for(domain.state, kind, display, has_serial(domain.xml), view_state)
"""

from enum import Enum

from kvmgui.core.snapshots import DomainState
from kvmgui.logic.domain_refs import domain_refs


class ConsoleKind(Enum):
    GRAPHICAL = "graphics"
    SERIAL = "serial"


class Display(Enum):
    """The graphical display a guest offers, as the built-in console sees it."""

    VNC = "vnc"  # the built-in console can show it
    SPICE_ONLY = "spice"  # only an external SPICE viewer can (or a VNC display is added)
    OTHER = "other"  # some other kind (sdl, rdp, ...): nothing to connect to
    NONE = "none"


class ViewState(Enum):
    """Where a console view is with its guest."""

    DETACHED = "detached"  # not attached to a domain
    CONNECTING = "connecting"  # attached, nothing shown yet
    CONNECTED = "connected"  # showing the guest
    DISCONNECTED = "disconnected"  # was showing it; the link ended (the message says why)
    FAILED = "failed"  # could not connect (the message says why)


class Overlay(Enum):
    """What is drawn over the console (NONE: the guest's screen, unobstructed)."""

    NONE = "none"
    NOT_RUNNING = "not-running"  # with a Start button
    CONNECTING = "connecting"
    DISCONNECTED = "disconnected"  # with a Reconnect button
    PAUSED = "paused"  # with a Resume button
    SPICE_ONLY = "spice-only"  # explanation, "Open in remote-viewer", "Add a VNC display"
    NO_DISPLAY = "no-display"  # no graphical display at all
    NO_SERIAL = "no-serial"  # no serial port or console device


def display_of(domain_xml: str) -> Display:
    kinds = [g.kind for g in domain_refs(domain_xml).graphics]
    if "vnc" in kinds:
        return Display.VNC
    if "spice" in kinds:
        return Display.SPICE_ONLY
    return Display.OTHER if kinds else Display.NONE


def has_serial(domain_xml: str) -> bool:
    return domain_refs(domain_xml).serial


def default_console(domain_xml: str) -> ConsoleKind:
    """The graphical console when the guest has a display, else the serial one if it has one."""
    if display_of(domain_xml) is Display.NONE and has_serial(domain_xml):
        return ConsoleKind.SERIAL
    return ConsoleKind.GRAPHICAL


def is_running(state: DomainState) -> bool:
    """A console has something to show: the guest runs, or is paused with its screen kept."""
    return state.is_active and state is not DomainState.CRASHED


def overlay_for(state: DomainState, kind: ConsoleKind, display: Display, serial: bool,
                view: ViewState) -> Overlay:
    """The overlay for a domain in `state` whose `kind` console's view is in `view`."""
    if not is_running(state):
        return Overlay.NOT_RUNNING
    if kind is ConsoleKind.GRAPHICAL:
        if display is Display.SPICE_ONLY:
            return Overlay.SPICE_ONLY
        if display is not Display.VNC:
            return Overlay.NO_DISPLAY
    elif not serial:
        return Overlay.NO_SERIAL
    if state is DomainState.PAUSED:
        return Overlay.PAUSED
    if view in (ViewState.DETACHED, ViewState.CONNECTING):
        return Overlay.CONNECTING
    if view in (ViewState.DISCONNECTED, ViewState.FAILED):
        return Overlay.DISCONNECTED
    return Overlay.NONE


def wants_view(state: DomainState, kind: ConsoleKind, display: Display, serial: bool) -> bool:
    """Whether the `kind` console's view should be attached (a paused guest keeps its link)."""
    if not is_running(state):
        return False
    return display is Display.VNC if kind is ConsoleKind.GRAPHICAL else serial
