"""Character devices a guest talks through: serial ports, text consoles, and channels for
agents (QEMU's guest agent, SPICE's vdagent)."""

from __future__ import annotations

from kvmgui.xml.devices import CharDevice
from kvmgui.xml.domain import Domain

GUEST_AGENT = "org.qemu.guest_agent.0"
SPICE_AGENT = "com.redhat.spice.0"
CONSOLE_TARGETS = ("virtio", "serial")


def serial_port(port: int | None = None) -> CharDevice:
    """A serial port backed by a pseudo-terminal (``port`` None: libvirt numbers it)."""
    serial = CharDevice.new("serial", "pty")
    serial.target_port = port
    return serial


def text_console(target_type: str = "virtio") -> CharDevice:
    """A text console on a pseudo-terminal: ``virtio`` (hvc0) or ``serial`` (mirrors ttyS0)."""
    console = CharDevice.new("console", "pty")
    console.target_type = target_type
    return console


def guest_agent_channel() -> CharDevice:
    """The QEMU guest agent's channel; libvirt picks the host socket's path."""
    channel = CharDevice.new("channel", "unix")
    channel.target_type = "virtio"
    channel.target_name = GUEST_AGENT
    return channel


def spice_agent_channel() -> CharDevice:
    """The SPICE agent's channel (clipboard, screen size), for a SPICE display."""
    channel = CharDevice.new("channel", "spicevmc")
    channel.target_type = "virtio"
    channel.target_name = SPICE_AGENT
    return channel


def next_serial_port(domain: Domain) -> int:
    """The lowest serial port number no ``<serial>`` uses."""
    used = {serial.target_port for serial in domain.serials}
    return next(port for port in range(len(used) + 1) if port not in used)


def has_channel(domain: Domain, name: str) -> bool:
    return any(channel.target_name == name for channel in domain.channels)


def is_serial_console(console: CharDevice) -> bool:
    """A ``<console>`` that shows a serial port (libvirt keeps one for the first serial
    port, and makes a serial port of such a console when there is none)."""
    return console.tag == "console" and console.target_type in (None, "serial")


def consoles_of_serial(domain: Domain, serial: CharDevice) -> list[CharDevice]:
    """The consoles showing ``serial``: removing the port removes them too (or libvirt would
    make the port again from its console)."""
    port = serial.target_port or 0
    return [console for console in domain.consoles
            if is_serial_console(console) and (console.target_port or 0) == port]
