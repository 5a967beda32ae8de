"""An sshd of the tier's own on 127.0.0.1, in front of the libvirtd the tier runs, so the
remote transports are real: libvirt's client runs ssh, sshd runs virt-ssh-helper, and that
talks to qemu:///system. Nothing listens beyond 127.0.0.1 and nothing leaves the machine.

The server has its own host key, its own authorized key (a client key made for the session)
and its own config; it never touches /etc/ssh's keys, root's ~/.ssh or the system's ssh
service. It runs as `sshd -D -f CONFIG` under this process and is stopped by PID, with every
per-connection child it forked.

What libvirt 9.0 makes of the URI parameters (checked here):
- qemu+libssh:// (and libssh2) honour keyfile=, known_hosts=, known_hosts_verify= and sshauth=:
  a host key that differs from the pinned one is refused, an unknown one is not accepted
  without asking.
- qemu+ssh:// runs the OpenSSH client and passes it only keyfile= (-i), no_tty= (BatchMode)
  and no_verify= (StrictHostKeyChecking=no, which lets a *changed* host key through with key
  authentication); known_hosts= is ignored, the host key is checked against the user's own
  ssh configuration. The tests give that client a config of their own (UserKnownHostsFile)
  through libvirt's command= parameter, as a user's ~/.ssh/config would.
- libvirt 9.0's libssh transport keeps its TCP connection after virConnectClose returned 0,
  until the client process exits: each closed qemu+libssh connection leaves its sshd session
  behind (libssh2 and OpenSSH close theirs). Tests find their session among new ones.
  Its replies larger than a few KiB (getCapabilities: 11 KB) also wait for the next
  keepalive, ~5 s each: the main tests run over qemu+ssh://, what users type.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote

import pytest

from daemon_helpers import TierDaemon
from state_helpers import process_state, wait_until_gone

SSHD = "/usr/sbin/sshd"
SSH = "/usr/bin/ssh"
SSH_KEYGEN = "/usr/bin/ssh-keygen"
VIRT_SSH_HELPER = "/usr/bin/virt-ssh-helper"
# Binary -> the Debian package that ships it (the Makefile installs them).
REQUIRED_BINARIES = {SSHD: "openssh-server", SSH: "openssh-client",
                     SSH_KEYGEN: "openssh-client", VIRT_SSH_HELPER: "libvirt-clients"}
HOST = "127.0.0.1"
_PRIVSEP_DIR = Path("/run/sshd")  # sshd refuses to start without it
_START_TIMEOUT_S = 10.0

Transport = Literal["libssh", "libssh2", "openssh"]


class SshdUnavailable(RuntimeError):
    pass


@dataclass(frozen=True)
class KeyPair:
    private: Path
    public_line: str  # "ssh-ed25519 AAAA..." without the comment


def make_key(path: Path, comment: str) -> KeyPair:
    """A new ed25519 key pair without passphrase at `path` (+ .pub)."""
    subprocess.run([SSH_KEYGEN, "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f",
                    str(path)], check=True, capture_output=True, timeout=30)
    kind, blob = Path(f"{path}.pub").read_text().split()[:2]
    return KeyPair(path, f"{kind} {blob}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _children(pid: int) -> list[int]:
    """Direct children of `pid` that still run (from /proc: no pgrep needed)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except (FileNotFoundError, ProcessLookupError):
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] not in ("Z", "X"):
            found.append(int(entry.name))
    return sorted(found)


def _descendants(pid: int) -> list[int]:
    found = []
    for child in _children(pid):
        found += [child, *_descendants(child)]
    return found


class SshServer:
    """`sshd -D` on 127.0.0.1:port, letting in root with `client_key` only."""

    def __init__(self, workdir: Path) -> None:
        self.dir = workdir
        self.dir.mkdir(parents=True, exist_ok=True)
        self.host_key = make_key(self.dir / "host_key", "kvmgui-test host")
        self.client_key = make_key(self.dir / "client_key", "kvmgui-test client")
        (self.dir / "authorized_keys").write_text(self.client_key.public_line + "\n")
        self.log = self.dir / "sshd.log"
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._known_hosts: dict[str, Path] = {}

    # --- the daemon -------------------------------------------------------------------

    def start(self) -> None:
        _PRIVSEP_DIR.mkdir(mode=0o755, exist_ok=True)
        for _attempt in range(3):  # another program may take the free port before sshd binds
            self.port = _free_port()
            config = self._write_config()
            self._process = subprocess.Popen(
                [SSHD, "-D", "-f", str(config), "-E", str(self.log)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if self._wait_for_banner():
                return
            self.stop()
        raise SshdUnavailable(f"sshd did not come up on {HOST} (see {self.log})")

    def _write_config(self) -> Path:
        config = self.dir / "sshd_config"
        config.write_text("\n".join([
            f"ListenAddress {HOST}",
            f"Port {self.port}",
            f"HostKey {self.host_key.private}",
            f"PidFile {self.dir / 'sshd.pid'}",
            f"AuthorizedKeysFile {self.dir / 'authorized_keys'}",
            "PermitRootLogin prohibit-password",  # the daemon's socket needs root
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "UsePAM no",
            "StrictModes no",  # the keys live in pytest's temporary folder
            "PermitTTY no",
            "AllowTcpForwarding no",
            "AllowAgentForwarding no",
            "X11Forwarding no",
            "LogLevel VERBOSE",
            "",
        ]))
        return config

    def _wait_for_banner(self) -> bool:
        assert self._process is not None
        deadline = time.monotonic() + _START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                return False
            try:
                with socket.create_connection((HOST, self.port), timeout=2.0) as probe:
                    if probe.recv(64).startswith(b"SSH-2.0-"):
                        return True
            except OSError:
                pass
            time.sleep(0.05)
        return False

    def stop(self) -> None:
        """End every session, then the listener."""
        process, self._process = self._process, None
        if process is None:
            return
        for session in _children(process.pid):
            end_process_tree(session)
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)

    @property
    def listener_pid(self) -> int:
        assert self._process is not None, "sshd is not running"
        return self._process.pid

    def sessions(self) -> list[int]:
        """PIDs of the per-connection sshd processes (one per client connection)."""
        return _children(self.listener_pid)

    def new_session(self, before: set[int], timeout_s: float = 10.0) -> int:
        """The per-connection sshd of the one client connection made since `before` was
        taken (sessions of closed libssh connections linger: see the module docstring)."""
        deadline = time.monotonic() + timeout_s
        while True:
            new = set(self.sessions()) - before
            if len(new) == 1:
                return new.pop()
            if time.monotonic() > deadline:
                raise AssertionError(f"expected one new ssh session, found {sorted(new)}")
            time.sleep(0.05)

    def accepted_logins(self) -> int:
        """How many times sshd let a client in so far (from its log)."""
        return sum("Accepted publickey" in line for line in self.log.read_text().splitlines())

    # --- client side --------------------------------------------------------------------

    def known_hosts(self, host_key: KeyPair | None = None) -> Path:
        """A known_hosts file that pins this server to `host_key` (default: its real key)."""
        line = (host_key or self.host_key).public_line
        path = self._known_hosts.get(line)
        if path is None:
            path = self.dir / f"known_hosts-{len(self._known_hosts)}"
            path.write_text(f"[{HOST}]:{self.port} {line}\n")
            self._known_hosts[line] = path
        return path

    def uri(self, transport: Transport = "openssh", *, key: Path | None = None,
            known_hosts: Path | None = None) -> str:
        """qemu:///system of the tier, reached through this sshd as root.

        libssh, libssh2: every parameter in the URI. openssh: the OpenSSH client, its host keys
        pinned by a client config of its own (see the module docstring)."""
        key = key or self.client_key.private
        known_hosts = known_hosts or self.known_hosts()
        base = f"root@{HOST}:{self.port}/system"
        if transport in ("libssh", "libssh2"):
            return (f"qemu+{transport}://{base}?keyfile={_q(key)}&known_hosts={_q(known_hosts)}"
                    "&known_hosts_verify=normal&sshauth=privkey")
        command = self._openssh_command(known_hosts)
        return f"qemu+ssh://{base}?keyfile={_q(key)}&no_verify=0&no_tty=1&command={_q(command)}"

    def _openssh_command(self, known_hosts: Path) -> Path:
        """`ssh` with a client config that trusts only `known_hosts` and only the key given."""
        config = known_hosts.with_name(known_hosts.name + ".ssh_config")
        config.write_text("\n".join([
            f"UserKnownHostsFile {known_hosts}",
            "GlobalKnownHostsFile /dev/null",
            "StrictHostKeyChecking yes",
            "IdentitiesOnly yes",
            "IdentityAgent none",
            "",
        ]))
        command = known_hosts.with_name(known_hosts.name + ".ssh")
        command.write_text(f'#!/bin/sh\nexec {SSH} -F {config} "$@"\n')
        command.chmod(0o755)
        return command


def _q(path: Path) -> str:
    return quote(str(path), safe="/")


def missing_binaries() -> list[str]:
    return [f"{path} ({package})" for path, package in REQUIRED_BINARIES.items()
            if not os.access(path, os.X_OK)]


def end_process_tree(pid: int) -> None:
    """End `pid` and its descendants, deepest first: a parent still alive reaps its child
    (this machine's init reaps orphans late). A stopped process is continued first, so it
    can act on the signal."""
    for each in reversed([pid, *_descendants(pid)]):
        for sig in (signal.SIGCONT, signal.SIGTERM):
            with contextlib.suppress(ProcessLookupError):
                os.kill(each, sig)
        if not wait_until_gone(each, 5.0):
            with contextlib.suppress(ProcessLookupError):
                os.kill(each, signal.SIGKILL)


def stop_process(pid: int) -> None:
    """SIGSTOP `pid` and wait until the kernel shows it stopped."""
    os.kill(pid, signal.SIGSTOP)
    deadline = time.monotonic() + 5.0
    while process_state(pid) != "T" and time.monotonic() < deadline:
        time.sleep(0.02)


@pytest.fixture(scope="module")
def ssh_server(libvirt_tier: TierDaemon,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    """Import this fixture into a test module to use it; skips when sshd is not installed
    or does not come up. One server per module, stopped at its end."""
    missing = missing_binaries()
    if missing:
        pytest.skip("ssh tests: missing " + ", ".join(missing) + "; run `make deps` as root")
    if os.geteuid() != 0:
        pytest.skip("ssh tests: the tier's sshd logs in as root and needs root to start")
    server = SshServer(tmp_path_factory.mktemp("sshd"))
    try:
        server.start()
    except SshdUnavailable as exc:
        pytest.skip(str(exc))
    try:
        yield server
    finally:
        server.stop()
