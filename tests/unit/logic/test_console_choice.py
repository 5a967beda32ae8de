"""How "Open console" reaches a domain: which viewer, which address, or the serial command."""

import shlex
from collections.abc import Callable

import pytest

from kvmgui.logic.console_choice import (
    ConsoleProgram, OptionLikeValue, PlanKind, console_info, console_plan, custom_command,
)

UUID = "7d3c2a9e-5f1b-4c6d-8e0a-1b2c3d4e5f60"  # the domain's, from the host

VNC_LOOPBACK = ("<domain><devices><graphics type='vnc' port='5901' autoport='no' "
                "listen='127.0.0.1'/><console type='pty'/></devices></domain>")
SPICE_ANY = ("<domain><devices><graphics type='spice' port='5930'><listen type='address' "
             "address='0.0.0.0'/></graphics></devices></domain>")
SERIAL_ONLY = "<domain><devices><serial type='pty'/><console type='pty'/></devices></domain>"
AUTOPORT_OFF = "<domain><devices><graphics type='vnc' port='-1' autoport='yes'/></devices></domain>"


def have(*programs: str) -> Callable[[str], bool]:
    return lambda program: program in programs


def test_virt_viewer_is_preferred_and_waits_for_the_domain() -> None:
    plan = console_plan("qemu+ssh://ann@kvm1/system", "web01", UUID, False,
                        console_info(VNC_LOOPBACK),
                        have("virt-viewer", "remote-viewer"))
    assert plan.kind is PlanKind.LAUNCH
    assert plan.command == ("virt-viewer", "--connect", "qemu+ssh://ann@kvm1/system",
                            "--wait", "--domain-name", "--", "web01")


def test_remote_viewer_gets_the_graphics_uri_of_a_local_domain() -> None:
    plan = console_plan("qemu:///system", "web01", UUID, True, console_info(VNC_LOOPBACK),
                        have("remote-viewer"))
    assert plan.command == ("remote-viewer", "vnc://127.0.0.1:5901")
    spice = console_plan("qemu+tls://kvm1/system", "d", UUID, True, console_info(SPICE_ANY),
                         have("remote-viewer"))
    assert spice.command == ("remote-viewer", "spice://kvm1:5930")


def test_remote_loopback_display_needs_a_tunnel_and_no_viewer_is_launched() -> None:
    plan = console_plan("qemu+ssh://ann@kvm1/system", "web01", UUID, True,
                        console_info(VNC_LOOPBACK),
                        have("remote-viewer"))
    assert plan.kind is PlanKind.ADDRESS
    assert plan.tunnel == "ssh -N -L 5901:127.0.0.1:5901 ann@kvm1"
    assert plan.address == "vnc://localhost:5901"


def test_without_viewers_the_address_is_shown() -> None:
    plan = console_plan("qemu:///system", "d", UUID, True, console_info(SPICE_ANY), have())
    assert plan.kind is PlanKind.ADDRESS
    assert (plan.address, plan.tunnel) == ("spice://localhost:5930", "")


def test_stopped_domain_without_virt_viewer_has_no_address_yet() -> None:
    assert console_plan("qemu:///system", "d", UUID, False, console_info(VNC_LOOPBACK),
                        have("remote-viewer")).kind is PlanKind.NOT_RUNNING
    assert console_plan("qemu:///system", "d", UUID, True, console_info(AUTOPORT_OFF),
                        have()).kind is PlanKind.NOT_RUNNING


def test_serial_only_domain_gets_the_virsh_console_command() -> None:
    plan = console_plan("qemu:///system", "router", UUID, True, console_info(SERIAL_ONLY),
                        have("virt-viewer"))
    assert plan.kind is PlanKind.SERIAL
    assert plan.command == ("virsh", "-c", "qemu:///system", "console", "--", UUID)
    assert console_plan("qemu:///system", "x", UUID, True, console_info("<domain/>"),
                        have()).kind is PlanKind.NONE


# ---- names from the host are data, never options --------------------------------------------

HOSTILE_NAMES = ["--display=:58", "-h", "--", "my vm", "it's \"quoted\"", "$(touch x); `id`",
                 "{address}"]


# An ID (a running domain's number) or another domain's UUID, as a name: virt-viewer and virsh
# look their DOMAIN argument up as an ID first, then as a UUID, and only then as a name.
LOOKALIKE_NAMES = ["1", "42", "0c5a1e0e-8c8f-4f5e-9d6a-111111111111"]


@pytest.mark.parametrize("name", HOSTILE_NAMES + LOOKALIKE_NAMES)
def test_virt_viewer_gets_the_name_as_a_name_after_double_dash(name: str) -> None:
    plan = console_plan("qemu:///system", name, UUID, True, console_info(VNC_LOOPBACK),
                        have("virt-viewer"))
    assert plan.command == ("virt-viewer", "--connect", "qemu:///system", "--wait",
                            "--domain-name", "--", name)


@pytest.mark.parametrize("name", HOSTILE_NAMES + LOOKALIKE_NAMES)
def test_virsh_gets_the_uuid_never_the_name_from_the_host(name: str) -> None:
    plan = console_plan("qemu:///system", name, UUID, True, console_info(SERIAL_ONLY), have())
    assert plan.command == ("virsh", "-c", "qemu:///system", "console", "--", UUID)
    assert shlex.split(plan.command_line) == list(plan.command)


def test_copyable_text_quotes_what_the_shell_would_split_or_expand() -> None:
    def text(name: str) -> str:
        return console_plan("qemu:///system", name, UUID, True, console_info(VNC_LOOPBACK),
                            have("virt-viewer")).command_line

    start = "virt-viewer --connect qemu:///system --wait --domain-name --"
    assert text("--display=:58") == f"{start} --display=:58"
    assert text("my vm") == f"{start} 'my vm'"
    assert text("it's") == f"{start} 'it'\"'\"'s'"
    assert text("$(id)") == f"{start} '$(id)'"


def test_tunnel_text_quotes_an_ipv6_loopback() -> None:
    v6 = ("<domain><devices><graphics type='vnc' port='5901' listen='::1'/></devices>"
          "</domain>")
    plan = console_plan("qemu+ssh://kvm1/system", "d", UUID, True, console_info(v6), have())
    assert plan.tunnel == "ssh -N -L '5901:[::1]:5901' kvm1"  # unquoted, [::1] is a glob


@pytest.mark.parametrize("name", ["--display=:58", "-h", "--"])
def test_custom_command_refuses_a_name_that_would_be_an_option(name: str) -> None:
    with pytest.raises(OptionLikeValue):
        custom_command("my-viewer --connect {uri} {name}", "qemu:///system", name, "")
    plan = console_plan("qemu:///system", name, UUID, True, console_info(VNC_LOOPBACK), have(),
                        ConsoleProgram.CUSTOM, "my-viewer --connect {uri} {name}")
    assert plan.kind is PlanKind.NAME_AS_OPTION and plan.command == ()
    with_address = console_plan("qemu:///system", name, UUID, True, console_info(VNC_LOOPBACK),
                                have(), ConsoleProgram.CUSTOM, "my-viewer {name} {address}")
    assert with_address.kind is PlanKind.NAME_AS_OPTION and with_address.command == ()


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_custom_command_passes_any_name_after_double_dash(name: str) -> None:
    plan = console_plan("qemu:///system", name, UUID, True, console_info(VNC_LOOPBACK), have(),
                        ConsoleProgram.CUSTOM, "my-viewer --connect {uri} -- {name} {address}")
    assert plan.kind is PlanKind.LAUNCH
    assert plan.command == ("my-viewer", "--connect", "qemu:///system", "--", name,
                            "vnc://127.0.0.1:5901")


def test_custom_command_fills_placeholders_once_and_allows_option_values() -> None:
    # a name holding a placeholder stays as it is; "--title=-h" is an option with a value
    assert custom_command("v --title={name} -- {name}", "u", "-h{uri}", "a") == (
        "v", "--title=-h{uri}", "--", "-h{uri}")
    assert custom_command("v {address} {name}", "u", "{address}", "vnc://h:1") == (
        "v", "vnc://h:1", "{address}")
