"""Run a program under a child subreaper: `python reaper_helpers.py LOG PROGRAM ARGS...`.

Why: libvirt daemonizes QEMU (double fork), so a guest's QEMU is reparented to the nearest
subreaper, normally PID 1. Where PID 1 reaps orphans late (this container's init does),
the dead QEMU stays a zombie and libvirt's destroy() waits ~2 s for it to vanish. As the
subreaper of libvirtd this process reaps QEMU at once.

It detaches itself (fork + setsid) so the daemon may outlive the pytest session that started
it, runs PROGRAM with stdout/stderr appended to LOG, and exits once it has no children left:
after PROGRAM and every QEMU it spawned are gone.
"""

from __future__ import annotations

import ctypes
import os
import sys

_PR_SET_CHILD_SUBREAPER = 36


def main(argv: list[str]) -> int:
    log_path, program = argv[1], argv[2:]
    if os.fork() > 0:
        return 0  # the starter returns at once; the daemon's readiness is probed separately
    os.setsid()
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        os._exit(1)
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(log, 1)
    os.dup2(log, 2)
    if os.fork() == 0:
        try:
            os.execv(program[0], program)
        finally:
            os._exit(127)
    while True:
        try:
            os.wait()
        except ChildProcessError:
            os._exit(0)
        except InterruptedError:
            continue


if __name__ == "__main__":
    sys.exit(main(sys.argv))
