"""Bring up the real libvirtd the integration tier runs against, and control it for fault tests.

Without systemd the daemons are started by hand, detached from pytest, so a daemon can outlive
the session that started it while other sessions still use it (see state_helpers).
"""

from __future__ import annotations

import contextlib
import grp
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from state_helpers import (
    STATE_DIR,
    DaemonRecord,
    TierLockTimeout,
    clear_daemon_record,
    is_running_program,
    other_live_sessions,
    pids_of_program,
    process_state,
    read_daemon_record,
    register_session,
    terminate,
    tier_lock,
    unregister_session,
    wait_until_gone,
    write_daemon_record,
)

URI = "qemu:///system"
LIBVIRTD = "/usr/sbin/libvirtd"
VIRTLOGD = "/usr/sbin/virtlogd"
VIRSH = "/usr/bin/virsh"
# Binary -> the Debian package that ships it (the Makefile installs them on a fresh machine).
REQUIRED_BINARIES = {
    LIBVIRTD: "libvirt-daemon-system",
    VIRTLOGD: "libvirt-daemon-system",
    VIRSH: "libvirt-clients",
    "/usr/lib/x86_64-linux-gnu/libvirt/connection-driver/libvirt_driver_qemu.so":
        "libvirt-daemon-driver-qemu",
    "/usr/bin/qemu-system-x86_64": "qemu-system-x86",
    "/usr/bin/qemu-img": "qemu-utils",
}
ANSWER_TIMEOUT_S = 60.0
_VIRTLOGD_SOCKET = Path("/run/libvirt/virtlogd-sock")
_LIBVIRTD_LOG = STATE_DIR / "libvirtd.log"
_REAPER = Path(__file__).with_name("reaper_helpers.py")


class DaemonStartError(RuntimeError):
    pass


class DaemonControlUnavailable(RuntimeError):
    """Fault tests must not kill a daemon that someone else started or still uses."""


def missing_binaries() -> list[str]:
    return [f"{path} ({package})" for path, package in REQUIRED_BINARIES.items()
            if not os.access(path, os.R_OK if path.endswith(".so") else os.X_OK)]


def daemon_answers(timeout_s: float = 10.0) -> bool:
    """One connect + call through virsh in a subprocess: a SIGSTOPped daemon accepts the
    connection but never replies, and only a subprocess can be abandoned after a timeout."""
    try:
        result = subprocess.run([VIRSH, "-c", URI, "uri"], stdin=subprocess.DEVNULL,
                                capture_output=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        return False
    return result.returncode == 0


def wait_until_answers(timeout_s: float = ANSWER_TIMEOUT_S) -> bool:
    deadline = time.monotonic() + timeout_s
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        # The first call after a cold start probes QEMU's capabilities (several seconds).
        if daemon_answers(min(remaining, 30.0)):
            return True
        time.sleep(0.2)


def grant_kvm_group_access() -> None:
    """What Debian's udev rule does; without it libvirtd re-probes QEMU on every API call.
    Adds group rw instead of forcing 0660 so a more open mode on a desktop stays as it is."""
    kvm = Path("/dev/kvm")
    if not kvm.exists():
        return
    try:
        kvm_gid = grp.getgrnam("kvm").gr_gid
    except KeyError:
        return
    current = kvm.stat()
    if current.st_gid != kvm_gid:
        os.chown(kvm, -1, kvm_gid)
    mode = stat.S_IMODE(current.st_mode)
    if mode & 0o660 != 0o660:
        os.chmod(kvm, mode | 0o660)


def _socket_accepts(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(2.0)
        try:
            sock.connect(str(path))
        except OSError:
            return False
    return True


def _start_daemon(binary: str) -> int:
    """Start `binary` with a pid file under STATE_DIR and return the daemon's PID.

    libvirtd runs in the foreground under reaper_helpers (which detaches it and reaps the
    QEMU processes it spawns); virtlogd spawns nothing and daemonizes itself with -d."""
    program = Path(binary).name
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    pid_file = STATE_DIR / f"{program}.pid"
    pid_file.unlink(missing_ok=True)  # a stale file from a killed daemon would be read first
    log_path = STATE_DIR / f"{program}.log"
    if program == "libvirtd":
        command = [sys.executable, str(_REAPER), str(log_path), binary, "--pid-file",
                   str(pid_file)]
    else:
        command = [binary, "-d", "--pid-file", str(pid_file)]
    with open(log_path, "w") as log:  # one start's log: what explains a failed start
        try:
            result = subprocess.run(command, cwd="/", stdin=subprocess.DEVNULL, stdout=log,
                                    stderr=log, timeout=30, check=False)
        except subprocess.TimeoutExpired:
            raise DaemonStartError(f"starting {binary} did not return within 30 s") from None
    if result.returncode != 0:
        raise DaemonStartError(f"{binary} exited with {result.returncode} (see {log_path})")
    deadline = time.monotonic() + 10.0
    while time.monotonic() < deadline:
        text = pid_file.read_text().strip() if pid_file.exists() else ""
        if text.isdigit() and is_running_program(int(text), program):
            return int(text)
        time.sleep(0.05)
    raise DaemonStartError(f"{binary} did not come up (see {log_path})")


class TierDaemon:
    """The session's view of the daemon: brings it up, keeps it answering, stops it at the end
    if the tier started it and no other session still uses it."""

    def __init__(self) -> None:
        self.session_pid = os.getpid()
        self.started_here = False
        self._registered = False
        self._daemon_up = False

    def open(self, cleanup: Callable[[], None]) -> str | None:
        """Make qemu:///system answer and run cleanup; return a skip reason if impossible."""
        missing = missing_binaries()
        if missing:
            return "missing " + ", ".join(missing) + "; run `make deps` as root"
        try:
            with tier_lock():
                register_session(self.session_pid)
                self._registered = True
                reason = self._bring_up()
                if reason is None:
                    cleanup()
                return reason
        except TierLockTimeout as exc:
            return str(exc)

    def close(self, cleanup: Callable[[bool], None]) -> None:
        """Run cleanup(last_session) and stop the tier's daemon if this was the last user."""
        if not self._registered:
            return
        with tier_lock():
            unregister_session(self.session_pid)
            self._registered = False
            last = not other_live_sessions(self.session_pid)
            try:
                if self._daemon_up:
                    self.ensure_answers()
                    cleanup(last)
            finally:
                record = read_daemon_record()
                if last and record is not None:
                    self._stop_recorded(record)

    def tier_libvirtd_pid(self) -> int | None:
        """PID of the libvirtd this tier started, if it is still running."""
        record = read_daemon_record()
        if record is not None and is_running_program(record.libvirtd_pid, "libvirtd"):
            return record.libvirtd_pid
        return None

    def ensure_answers(self) -> None:
        """Undo a fault test's SIGSTOP or kill so cleanup can talk to the daemon."""
        record = read_daemon_record()
        pid = self.tier_libvirtd_pid()
        if pid is not None and process_state(pid) == "T":
            os.kill(pid, signal.SIGCONT)
        if daemon_answers():
            return
        if record is not None and pid is None:
            self.start_libvirtd()
        if not wait_until_answers():
            raise RuntimeError(f"libvirtd does not answer on {URI}")

    def start_libvirtd(self) -> int:
        record = read_daemon_record() or DaemonRecord(None, None)
        record.libvirtd_pid = _start_daemon(LIBVIRTD)
        write_daemon_record(record)
        return record.libvirtd_pid

    @contextlib.contextmanager
    def exclusive_control(self) -> Iterator[DaemonControl]:
        """Hold the tier lock for one fault test; afterwards the daemon runs and answers."""
        with tier_lock():
            pid = self.tier_libvirtd_pid()
            if pid is None:
                raise DaemonControlUnavailable(
                    f"daemon control needs a libvirtd started by this test tier; the one "
                    f"answering on {URI} was started elsewhere")
            others = other_live_sessions(self.session_pid)
            if others:
                raise DaemonControlUnavailable(
                    "other kvmgui integration sessions (pids "
                    f"{', '.join(map(str, others))}) use the daemon")
            try:
                yield DaemonControl(self)
            finally:
                self.ensure_answers()

    def _bring_up(self) -> str | None:
        # A fault test of a crashed session may have left the tier's daemon stopped.
        stopped = self.tier_libvirtd_pid()
        if stopped is not None and process_state(stopped) == "T":
            os.kill(stopped, signal.SIGCONT)
        if os.geteuid() == 0:
            grant_kvm_group_access()  # first: a running daemon is slow without it too
        if daemon_answers(20.0):
            self._daemon_up = True
            return None
        if os.geteuid() != 0:
            return f"no libvirtd answers on {URI} and starting one needs root"
        stuck = pids_of_program("libvirtd") + pids_of_program("virtqemud")
        if stuck:
            return (f"a daemon (pids {', '.join(map(str, stuck))}) runs but does not answer "
                    f"on {URI}")
        record = read_daemon_record()
        virtlogd_pid = record.virtlogd_pid if record else None
        if not is_running_program(virtlogd_pid, "virtlogd"):
            virtlogd_pid = None
        try:
            if virtlogd_pid is None and not _socket_accepts(_VIRTLOGD_SOCKET):
                virtlogd_pid = _start_daemon(VIRTLOGD)
            # Recorded before libvirtd starts so a crash in between still stops virtlogd later.
            write_daemon_record(DaemonRecord(None, virtlogd_pid))
            self.start_libvirtd()
        except DaemonStartError as exc:
            reason = str(exc)
        else:
            if wait_until_answers():
                self.started_here = True
                self._daemon_up = True
                return None
            reason = (f"libvirtd started but did not answer on {URI} within "
                      f"{ANSWER_TIMEOUT_S:.0f} s (see {_LIBVIRTD_LOG})")
        failed = read_daemon_record()
        if failed is not None:
            self._stop_recorded(failed)
        return reason

    @staticmethod
    def _stop_recorded(record: DaemonRecord) -> None:
        if record.libvirtd_pid is not None:
            terminate(record.libvirtd_pid, "libvirtd")
        if record.virtlogd_pid is not None:
            terminate(record.virtlogd_pid, "virtlogd")
        clear_daemon_record()


class DaemonControl:
    """Fault injection on the tier's libvirtd (the `daemon` fixture). Guests keep running
    through all of it: QEMU processes do not depend on libvirtd."""

    def __init__(self, tier: TierDaemon) -> None:
        self._tier = tier

    @property
    def pid(self) -> int:
        pid = self._tier.tier_libvirtd_pid()
        if pid is None:
            raise RuntimeError("the tier's libvirtd is not running")
        return pid

    def answers(self, timeout_s: float = 5.0) -> bool:
        return daemon_answers(timeout_s)

    def kill(self) -> None:
        """SIGKILL libvirtd (a crash) and wait until the process is gone."""
        pid = self.pid
        os.kill(pid, signal.SIGKILL)
        if not wait_until_gone(pid, 10.0):
            raise RuntimeError(f"libvirtd {pid} survived SIGKILL")

    def restart(self) -> None:
        """Stop libvirtd if it runs, start it again and wait until it answers."""
        pid = self._tier.tier_libvirtd_pid()
        if pid is not None:
            terminate(pid, "libvirtd")
        self._tier.start_libvirtd()
        if not wait_until_answers():
            raise RuntimeError(f"restarted libvirtd does not answer on {URI}")

    def stop(self) -> None:
        """SIGSTOP libvirtd: it keeps its sockets but answers nothing until cont()."""
        pid = self.pid
        os.kill(pid, signal.SIGSTOP)
        deadline = time.monotonic() + 5.0
        while process_state(pid) != "T" and time.monotonic() < deadline:
            time.sleep(0.02)

    def cont(self) -> None:
        os.kill(self.pid, signal.SIGCONT)
