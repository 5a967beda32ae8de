"""How to reach a domain's console (pure): which viewer to start, or what to tell the user.

    virt-viewer installed         → virt-viewer --connect URI --wait --domain-name -- NAME
    else remote-viewer installed  → remote-viewer vnc://HOST:PORT (needs the running display)
    else                          → the VNC/SPICE address, and an SSH tunnel when it listens
                                    only on the remote host's loopback
    no graphics, serial console   → virsh -c URI console -- UUID

A domain's name comes from the host, so it always follows "--": a domain named "--display=:58"
or "-h" must not be read as an option. Nor may it be read as another domain: virt-viewer and
virsh look a DOMAIN argument up as an ID, then a UUID, then a name, so a domain named "1" would
open the running domain with ID 1. virt-viewer is told it is a name (--domain-name); virsh has
no such option and is given the UUID. The user may pin one viewer (`ConsoleProgram`) or give
a custom command with the placeholders {uri}, {name} and {address}.
"""

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, StrEnum
from urllib.parse import urlsplit

from kvmgui.logic.domain_refs import GraphicsListen, domain_refs

_ANY_ADDRESS = ("", "0.0.0.0", "::")
_LOOPBACK = ("127.0.0.1", "::1", "localhost")
_PLACEHOLDER = re.compile(r"\{(uri|name|address)\}")


@dataclass(frozen=True, slots=True)
class ConsoleInfo:
    graphics: tuple[GraphicsListen, ...]
    serial: bool


class PlanKind(Enum):
    LAUNCH = "launch"  # run `command`
    ADDRESS = "address"  # show `address` (and `tunnel` when set)
    NOT_RUNNING = "not-running"  # the display address exists only while the domain runs
    SERIAL = "serial"  # show `command` as the way to the serial console
    NONE = "none"  # no graphics, no serial console
    NAME_AS_OPTION = "name-as-option"  # the custom command would read the name as an option


class ConsoleProgram(StrEnum):
    """Which viewer "Open console" starts (a preference)."""

    AUTO = "auto"  # virt-viewer, else remote-viewer
    VIRT_VIEWER = "virt-viewer"
    REMOTE_VIEWER = "remote-viewer"
    CUSTOM = "custom"  # the user's command line


CUSTOM_PLACEHOLDERS = ("{uri}", "{name}", "{address}")


@dataclass(frozen=True, slots=True)
class ConsolePlan:
    kind: PlanKind
    command: tuple[str, ...] = ()
    address: str = ""
    tunnel: str = ""  # an ssh -L command when the display listens on the remote loopback

    @property
    def command_line(self) -> str:
        """`command` as text to paste into a shell: every word quoted as it needs."""
        return shlex.join(self.command)


class OptionLikeValue(ValueError):
    """A filled-in placeholder would start a word with "-" where the program reads options."""


def console_info(domain_xml: str) -> ConsoleInfo:
    facts = domain_refs(domain_xml)
    return ConsoleInfo(facts.graphics, facts.serial)


def serial_command(uri: str, uuid: str) -> tuple[str, ...]:
    """virsh's serial console of the domain `uuid` (a name could be taken for an ID)."""
    return ("virsh", "-c", uri, "console", "--", uuid)


def split_custom_command(template: str) -> tuple[str, ...]:
    """The words of a custom viewer command; ValueError when empty or its quotes do not close."""
    words = tuple(shlex.split(template))  # raises ValueError("No closing quotation")
    if not words:
        raise ValueError("empty command")
    return words


def custom_command(template: str, uri: str, name: str, address: str) -> tuple[str, ...]:
    """`template` split into words, with {uri}, {name} and {address} filled in (per word, so a
    name with spaces stays one argument; in one pass, so a name holding "{address}" stays as
    it is).

    OptionLikeValue when a filled-in value would begin a word with "-" before a "--" word: the
    program would take a domain named "--display=:58" for an option.
    """
    values = {"uri": uri, "name": name, "address": address}
    words = []
    options_end = False
    for word in split_custom_command(template):
        filled = _PLACEHOLDER.sub(lambda m: values[m[1]], word)
        if not options_end and filled.startswith("-") and not word.startswith("-"):
            raise OptionLikeValue(f"{word} would be read as an option: {filled}")
        options_end = options_end or word == "--"
        words.append(filled)
    return tuple(words)


def console_plan(uri: str, name: str, uuid: str, active: bool, info: ConsoleInfo,
                 installed: Callable[[str], bool],
                 program: ConsoleProgram = ConsoleProgram.AUTO,
                 custom: str = "") -> ConsolePlan:
    """What "Open console" does for this domain; `installed(program)` says if a viewer exists,
    `program` which viewers may be used (`custom`: the command line for CUSTOM)."""
    if not info.graphics:
        if info.serial:
            return ConsolePlan(PlanKind.SERIAL, command=serial_command(uri, uuid))
        return ConsolePlan(PlanKind.NONE)
    if program is ConsoleProgram.CUSTOM and "{address}" not in custom:
        return _custom_plan(custom, uri, name, "")
    if program in (ConsoleProgram.AUTO, ConsoleProgram.VIRT_VIEWER) and installed("virt-viewer"):
        return ConsolePlan(PlanKind.LAUNCH,
                           command=("virt-viewer", "--connect", uri, "--wait",
                                    "--domain-name", "--", name))
    graphics = info.graphics[0]
    if not active or (graphics.port <= 0 and not graphics.socket):
        return ConsolePlan(PlanKind.NOT_RUNNING)
    if graphics.socket:
        return ConsolePlan(PlanKind.ADDRESS, address=graphics.socket)
    address, tunnel = _address(uri, graphics)
    if tunnel:
        return ConsolePlan(PlanKind.ADDRESS, address=address, tunnel=tunnel)
    if program is ConsoleProgram.CUSTOM:
        return _custom_plan(custom, uri, name, address)
    if program in (ConsoleProgram.AUTO, ConsoleProgram.REMOTE_VIEWER) and installed(
            "remote-viewer"):
        return ConsolePlan(PlanKind.LAUNCH, command=("remote-viewer", address), address=address)
    return ConsolePlan(PlanKind.ADDRESS, address=address)


def _custom_plan(template: str, uri: str, name: str, address: str) -> ConsolePlan:
    try:
        command = custom_command(template, uri, name, address)
    except OptionLikeValue:
        return ConsolePlan(PlanKind.NAME_AS_OPTION, address=address)
    return ConsolePlan(PlanKind.LAUNCH, command=command, address=address)


def _address(uri: str, g: GraphicsListen) -> tuple[str, str]:
    parts = urlsplit(uri)
    remote_host = parts.hostname or ""
    if not remote_host:
        host = "localhost" if g.listen in _ANY_ADDRESS else g.listen
        return f"{g.kind}://{_bracketed(host)}:{g.port}", ""
    if g.listen in _ANY_ADDRESS:
        return f"{g.kind}://{_bracketed(remote_host)}:{g.port}", ""
    if g.listen in _LOOPBACK:
        login = f"{parts.username}@{remote_host}" if parts.username else remote_host
        tunnel = shlex.join(("ssh", "-N", "-L", f"{g.port}:{_bracketed(g.listen)}:{g.port}",
                             login))
        return f"{g.kind}://localhost:{g.port}", tunnel
    return f"{g.kind}://{_bracketed(g.listen)}:{g.port}", ""


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host
