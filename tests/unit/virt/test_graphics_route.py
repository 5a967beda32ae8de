"""How a remote domain's VNC display is reached: TCP, an SSH tunnel, or no route (why)."""

import pytest

from kvmgui.logic.domain_refs import GraphicsListen
from kvmgui.virt.graphics_route import NoRoute, SshRoute, TcpRoute, remote_route, ssh_command, \
    vnc_display


def vnc(port: int = 5901, listen: str = "", socket: str = "") -> GraphicsListen:
    return GraphicsListen("vnc", port, listen, socket)


def test_the_first_vnc_display_counts() -> None:
    spice = GraphicsListen("spice", 5900, "", "")
    assert vnc_display((spice, vnc(5902), vnc(5903))) == vnc(5902)
    assert vnc_display((spice,)) is None


@pytest.mark.parametrize("listen", ["", "0.0.0.0", "::"])
def test_a_display_on_every_address_is_reached_at_the_hosts_name(listen: str) -> None:
    route = remote_route("qemu+tls://kvm1.example/system", vnc(5905, listen))
    assert route == TcpRoute("kvm1.example", 5905)


def test_a_display_on_a_lan_address_is_reached_there() -> None:
    route = remote_route("qemu+ssh://admin@kvm1/system", vnc(5901, "192.0.2.7"))
    assert route == TcpRoute("192.0.2.7", 5901)
    assert str(remote_route("qemu+tcp://kvm1/system", vnc(5901, "2001:db8::7"))) \
        == "[2001:db8::7]:5901"


def test_loopback_over_ssh_is_tunnelled_with_the_uris_login() -> None:
    uri = ("qemu+ssh://admin@kvm1.example:2222/system?keyfile=/home/a/.ssh/id_kvm"
           "&no_verify=1&command=/opt/bin/ssh")
    route = remote_route(uri, vnc(5907, "127.0.0.1"))
    assert isinstance(route, SshRoute)
    assert route.command == (
        "/opt/bin/ssh", "-p", "2222", "-l", "admin", "-i", "/home/a/.ssh/id_kvm",
        "-o", "StrictHostKeyChecking=no", "-T", "-e", "none", "-o", "BatchMode=yes", "--",
        "kvm1.example", "nc", "127.0.0.1", "5907")
    assert route.target == "127.0.0.1:5907"


def test_libssh_uris_pass_their_known_hosts_to_openssh() -> None:
    uri = "qemu+libssh://root@h/system?known_hosts=/k/hosts&known_hosts_verify=ignore"
    command = ssh_command(uri, ("nc", "::1", "5900"))
    assert command[0] == "ssh"  # command= belongs to the ssh transport only
    assert ("-o", "UserKnownHostsFile=/k/hosts") == command[3:5]
    assert "StrictHostKeyChecking=no" in command


def test_names_from_the_host_are_never_options() -> None:
    # A host, user or socket path that looks like an option stays an argument.
    command = ssh_command("qemu+ssh://-oProxyCommand=x@-evil/system", ("nc", "::1", "5900"))
    separator = command.index("--")
    assert command[separator + 1] == "-evil"
    assert command[command.index("-l") + 1] == "-oProxyCommand=x"
    route = remote_route("qemu+ssh://h/system", vnc(-1, socket="/run/a b;rm -rf ~/vnc.sock"))
    assert isinstance(route, SshRoute)
    assert route.command[-1] == "'/run/a b;rm -rf ~/vnc.sock'"  # quoted for the remote shell


def test_loopback_without_ssh_has_no_route_and_says_why() -> None:
    route = remote_route("qemu+tls://kvm1/system", vnc(5901, "127.0.0.1"))
    assert isinstance(route, NoRoute)
    assert "qemu+ssh" in str(route.reason)


def test_a_display_without_a_listener_has_no_route() -> None:
    route = remote_route("qemu+ssh://kvm1/system", vnc(-1))
    assert isinstance(route, NoRoute)
    assert "listen type none" in str(route.reason)
    assert isinstance(remote_route("qemu+tls://kvm1/system", vnc(-1, socket="/s")), NoRoute)
