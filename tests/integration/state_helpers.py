"""Shared state of integration-tier sessions on this machine, and process helpers.

Several pytest sessions (other engineers, CI) may use one libvirtd at the same time. They
coordinate through files under STATE_DIR, guarded by an flock:

- ``sessions/<pid>``: one file per live session; objects named ``kvmgui-test-<pid>-*``
  belong to that session and are left alone by the other sessions' cleanup guards.
- ``daemon.json``: PIDs of the libvirtd/virtlogd this tier started. The last session to
  leave stops them, so a daemon started by the tier never outlives its users and a daemon
  started by anyone else is never stopped.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

STATE_DIR = Path("/run/kvmgui-test")
_LOCK_FILE = STATE_DIR / "lock"
_SESSIONS_DIR = STATE_DIR / "sessions"
_DAEMON_RECORD = STATE_DIR / "daemon.json"


class TierLockTimeout(RuntimeError):
    """Another session held the tier lock for longer than we were willing to wait."""


@contextlib.contextmanager
def tier_lock(timeout_s: float = 120.0) -> Iterator[None]:
    """Hold the machine-wide tier lock (released by the kernel if this process dies)."""
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    with open(_LOCK_FILE, "a") as lock_file:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TierLockTimeout(
                        f"another kvmgui integration session held {_LOCK_FILE} "
                        f"for more than {timeout_s:.0f} s"
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


# --- processes -------------------------------------------------------------------------


def process_state(pid: int) -> str | None:
    """The one-letter state from /proc/<pid>/stat; None if gone. A zombie counts as gone
    (PID 1 here reaps orphans late, so a killed daemon lingers as Z for a while)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    # The command name is in parentheses and may contain spaces: the state follows the last ")".
    state = stat.rsplit(")", 1)[1].split()[0]
    return None if state in ("Z", "X") else state


def process_name(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except (FileNotFoundError, ProcessLookupError):
        return None


def is_running_program(pid: int | None, program: str) -> bool:
    """True if pid is alive and runs `program`: guards against signalling a reused PID."""
    return pid is not None and process_state(pid) is not None and process_name(pid) == program


def pids_of_program(program: str) -> list[int]:
    pids = [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]
    return [pid for pid in pids if is_running_program(pid, program)]


def wait_until_gone(pid: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while process_state(pid) is not None:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def terminate(pid: int, program: str, grace_s: float = 20.0) -> None:
    """SIGTERM, then SIGKILL after grace_s; does nothing if pid no longer runs `program`."""
    if not is_running_program(pid, program):
        return
    os.kill(pid, signal.SIGCONT)  # a SIGSTOPped daemon would never act on SIGTERM
    os.kill(pid, signal.SIGTERM)
    if not wait_until_gone(pid, grace_s):
        os.kill(pid, signal.SIGKILL)
        wait_until_gone(pid, 5.0)


# --- sessions --------------------------------------------------------------------------


def register_session(pid: int) -> None:
    _SESSIONS_DIR.mkdir(parents=True, exist_ok=True)
    (_SESSIONS_DIR / str(pid)).write_text("")


def unregister_session(pid: int) -> None:
    (_SESSIONS_DIR / str(pid)).unlink(missing_ok=True)


def session_is_live(pid: int) -> bool:
    return (_SESSIONS_DIR / str(pid)).exists() and process_state(pid) is not None


def other_live_sessions(own_pid: int) -> list[int]:
    """Live sessions other than own_pid; files of dead sessions are removed on the way."""
    if not _SESSIONS_DIR.is_dir():
        return []
    live = []
    for entry in _SESSIONS_DIR.iterdir():
        if not entry.name.isdigit() or int(entry.name) == own_pid:
            continue
        if process_state(int(entry.name)) is None:
            entry.unlink(missing_ok=True)
        else:
            live.append(int(entry.name))
    return sorted(live)


# --- the daemons the tier started ------------------------------------------------------


@dataclass
class DaemonRecord:
    libvirtd_pid: int | None
    virtlogd_pid: int | None  # None when a virtlogd we did not start was already running


def read_daemon_record() -> DaemonRecord | None:
    try:
        data = json.loads(_DAEMON_RECORD.read_text())
    except (FileNotFoundError, ValueError):
        return None
    return DaemonRecord(libvirtd_pid=data.get("libvirtd"), virtlogd_pid=data.get("virtlogd"))


def write_daemon_record(record: DaemonRecord) -> None:
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    payload = {"libvirtd": record.libvirtd_pid, "virtlogd": record.virtlogd_pid}
    _DAEMON_RECORD.write_text(json.dumps(payload))


def clear_daemon_record() -> None:
    _DAEMON_RECORD.unlink(missing_ok=True)
