"""How "Open console" reaches a domain: which viewer, which address, or the serial command."""

from collections.abc import Callable

from kvmgui.logic.console_choice import PlanKind, console_info, console_plan

VNC_LOOPBACK = ("<domain><devices><graphics type='vnc' port='5901' autoport='no' "
                "listen='127.0.0.1'/><console type='pty'/></devices></domain>")
SPICE_ANY = ("<domain><devices><graphics type='spice' port='5930'><listen type='address' "
             "address='0.0.0.0'/></graphics></devices></domain>")
SERIAL_ONLY = "<domain><devices><serial type='pty'/><console type='pty'/></devices></domain>"
AUTOPORT_OFF = "<domain><devices><graphics type='vnc' port='-1' autoport='yes'/></devices></domain>"


def have(*programs: str) -> Callable[[str], bool]:
    return lambda program: program in programs


def test_virt_viewer_is_preferred_and_waits_for_the_domain() -> None:
    plan = console_plan("qemu+ssh://ann@kvm1/system", "web01", False, console_info(VNC_LOOPBACK),
                        have("virt-viewer", "remote-viewer"))
    assert plan.kind is PlanKind.LAUNCH
    assert plan.command == ("virt-viewer", "--connect", "qemu+ssh://ann@kvm1/system",
                            "--wait", "web01")


def test_remote_viewer_gets_the_graphics_uri_of_a_local_domain() -> None:
    plan = console_plan("qemu:///system", "web01", True, console_info(VNC_LOOPBACK),
                        have("remote-viewer"))
    assert plan.command == ("remote-viewer", "vnc://127.0.0.1:5901")
    spice = console_plan("qemu+tls://kvm1/system", "d", True, console_info(SPICE_ANY),
                         have("remote-viewer"))
    assert spice.command == ("remote-viewer", "spice://kvm1:5930")


def test_remote_loopback_display_needs_a_tunnel_and_no_viewer_is_launched() -> None:
    plan = console_plan("qemu+ssh://ann@kvm1/system", "web01", True, console_info(VNC_LOOPBACK),
                        have("remote-viewer"))
    assert plan.kind is PlanKind.ADDRESS
    assert plan.tunnel == "ssh -N -L 5901:127.0.0.1:5901 ann@kvm1"
    assert plan.address == "vnc://localhost:5901"


def test_without_viewers_the_address_is_shown() -> None:
    plan = console_plan("qemu:///system", "d", True, console_info(SPICE_ANY), have())
    assert plan.kind is PlanKind.ADDRESS
    assert (plan.address, plan.tunnel) == ("spice://localhost:5930", "")


def test_stopped_domain_without_virt_viewer_has_no_address_yet() -> None:
    assert console_plan("qemu:///system", "d", False, console_info(VNC_LOOPBACK),
                        have("remote-viewer")).kind is PlanKind.NOT_RUNNING
    assert console_plan("qemu:///system", "d", True, console_info(AUTOPORT_OFF),
                        have()).kind is PlanKind.NOT_RUNNING


def test_serial_only_domain_gets_the_virsh_console_command() -> None:
    plan = console_plan("qemu:///system", "router", True, console_info(SERIAL_ONLY),
                        have("virt-viewer"))
    assert plan.kind is PlanKind.SERIAL
    assert plan.command == ("virsh", "-c", "qemu:///system", "console", "router")
    assert console_plan("qemu:///system", "x", True, console_info("<domain/>"),
                        have()).kind is PlanKind.NONE
