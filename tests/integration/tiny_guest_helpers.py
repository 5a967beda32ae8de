"""A tiny real guest for tests that need a guest doing something: Linux + busybox.

It boots in a few seconds under TCG straight into a root shell on the serial port (and one on
the first VGA console), prints BANNER on both, has no disk and no NIC. The kernel comes from
Debian's cloud kernel package, the initramfs is busybox plus INIT_SCRIPT; both are built once
per machine under ~/.cache/kvmgui-tests/tiny-guest (rebuilt when missing or when INIT_SCRIPT
changes) and copied to STAGE_DIR, because QEMU runs as libvirt-qemu and cannot enter /root.

Needs `apt-get download` to reach the Debian archive once, `dpkg-deb` and `cpio`.
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape, quoteattr

import libvirt
import pytest

from daemon_helpers import TierDaemon
from factory_helpers import Cleanup, _Factory
from object_helpers import connection, owned_name, remove_domain

BANNER = "tiny guest up"
CMDLINE = "console=ttyS0 console=tty0"
KERNEL_META_PACKAGE = "linux-image-cloud-amd64"
CACHE_DIR = (Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
             / "kvmgui-tests" / "tiny-guest")
STAGE_DIR = Path("/var/lib/libvirt/boot/kvmgui-tiny-guest")  # libvirt's own place for kernels

# The banner goes to both consoles explicitly: /dev/console is only the last console= of the
# command line. Each shell respawns, so a test may `exit` it; `setsid -c` gives it its tty.
INIT_SCRIPT = f"""#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
echo "{BANNER}" > /dev/tty0
echo "{BANNER}" > /dev/ttyS0
setsid sh -c 'while true; do setsid -c sh </dev/tty1 >/dev/tty1 2>&1; done' &
while true; do setsid -c sh </dev/ttyS0 >/dev/ttyS0 2>&1; done
"""


class TinyGuestUnavailable(RuntimeError):
    """The kernel or busybox could not be fetched or the initramfs not built here."""


@dataclass(frozen=True)
class TinyGuestFiles:
    kernel: Path
    initrd: Path


# --- building (once per machine) --------------------------------------------------------


def tiny_guest_files() -> TinyGuestFiles:
    """Kernel and initramfs where QEMU can read them, built first if the cache lacks them."""
    try:
        with _cache_lock():
            built = _build_into(CACHE_DIR)
            return _stage(built, STAGE_DIR)
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", None) or ""
        raise TinyGuestUnavailable(f"cannot build the tiny guest: {exc} {detail}".strip()) from exc


@contextlib.contextmanager
def _cache_lock() -> Iterator[None]:
    """Two sessions starting at once build once: the second waits and finds the files."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with open(CACHE_DIR / ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _initrd_name() -> str:
    return f"initrd-{hashlib.sha256(INIT_SCRIPT.encode()).hexdigest()[:12]}.cpio.gz"


def _build_into(cache: Path) -> TinyGuestFiles:
    files = TinyGuestFiles(cache / "vmlinuz", cache / _initrd_name())
    if files.kernel.is_file() and files.initrd.is_file():
        return files
    with tempfile.TemporaryDirectory(dir=cache) as scratch_name:
        scratch = Path(scratch_name)
        if not files.kernel.is_file():
            tree = _extract(_download(_kernel_package(), scratch), scratch / "kernel")
            kernels = sorted((tree / "boot").glob("vmlinuz-*"))
            if not kernels:
                raise TinyGuestUnavailable(f"no boot/vmlinuz-* in {KERNEL_META_PACKAGE}")
            _publish(kernels[-1].read_bytes(), files.kernel)
        if not files.initrd.is_file():
            _publish(_initramfs(_busybox(scratch), scratch / "root"), files.initrd)
    return files


def _publish(data: bytes, target: Path) -> None:
    """Write via a temporary name: a crash never leaves a half file that looks complete."""
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    partial.chmod(0o644)
    partial.replace(target)


def _run(*command: str, cwd: Path | None = None, stdin: bytes | None = None) -> bytes:
    result = subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, check=True,
                            timeout=600)
    return result.stdout


def _kernel_package() -> str:
    """The versioned kernel package the meta package currently points to."""
    text = _run("apt-cache", "depends", KERNEL_META_PACKAGE).decode()
    match = re.search(r"Depends:\s*(linux-image-\S+-cloud-amd64)\s*$", text, re.MULTILINE)
    if match is None:
        raise TinyGuestUnavailable(f"apt-cache knows no kernel behind {KERNEL_META_PACKAGE} "
                                   "(run apt-get update)")
    return match.group(1)


def _download(package: str, into: Path) -> Path:
    # As root apt drops to _apt for downloads, which cannot write into our private folder.
    sandbox = ("-o", "APT::Sandbox::User=root") if os.geteuid() == 0 else ()
    _run("apt-get", "download", "-q", *sandbox, package, cwd=into)
    debs = sorted(into.glob(f"{package}_*.deb"))
    if not debs:
        raise TinyGuestUnavailable(f"apt-get download {package} left no .deb")
    return debs[-1]


def _extract(deb: Path, into: Path) -> Path:
    _run("dpkg-deb", "-x", str(deb), str(into))
    return into


def _busybox(scratch: Path) -> Path:
    """The static busybox of the installed busybox-static package, else a downloaded one."""
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "busybox-static"],
                            capture_output=True, text=True, check=False).stdout
    installed = Path("/bin/busybox")
    if status.endswith("install ok installed") and installed.is_file():
        return installed
    tree = _extract(_download("busybox-static", scratch), scratch / "busybox")
    return tree / "bin" / "busybox"


def _initramfs(busybox: Path, root: Path) -> bytes:
    for folder in ("bin", "dev", "proc", "sys"):
        (root / folder).mkdir(parents=True)
    shutil.copy2(busybox, root / "bin" / "busybox")
    (root / "init").write_text(INIT_SCRIPT)
    (root / "init").chmod(0o755)
    names = ["."] + sorted(str(path.relative_to(root)) for path in root.rglob("*"))
    archive = _run("cpio", "-o", "-H", "newc", "--quiet", cwd=root,
                   stdin="\n".join(names).encode() + b"\n")
    return gzip.compress(archive, mtime=0)


def _stage(files: TinyGuestFiles, stage: Path) -> TinyGuestFiles:
    """Copies QEMU may read; a copy is replaced only when its size differs from the cache's
    (a running guest keeps the file it opened)."""
    stage.mkdir(mode=0o755, parents=True, exist_ok=True)
    staged = TinyGuestFiles(stage / files.kernel.name, stage / files.initrd.name)
    for source, target in ((files.kernel, staged.kernel), (files.initrd, staged.initrd)):
        if not target.is_file() or target.stat().st_size != source.stat().st_size:
            _publish(source.read_bytes(), target)
    return staged


# --- the guest ---------------------------------------------------------------------------


VncListen = Literal["none", "loopback"]


def tiny_guest_xml(name: str, files: TinyGuestFiles, *, memory_mib: int = 128,
                   vnc_listen: VncListen = "none", network: str | None = None,
                   serial_ports: int = 1) -> str:
    """A TCG guest booting files.kernel + files.initrd with a serial console and VGA + VNC.

    vnc_listen "none" opens no TCP port at all (clients come in through openGraphicsFD);
    "loopback" listens on 127.0.0.1 with a port libvirt picks. No NIC unless `network` names
    an isolated network. serial_ports > 1 adds ttyS1... (the shell runs on ttyS0 only)."""
    listen = ("<listen type='none'/>" if vnc_listen == "none"
              else "<listen type='address' address='127.0.0.1'/>")
    port = "" if vnc_listen == "none" else " port='-1' autoport='yes'"
    nic = "" if network is None else (
        f"<interface type='network'><source network={quoteattr(network)}/>"
        "<model type='virtio'/><rom enabled='no'/></interface>")
    serials = "".join(f"<serial type='pty'><target port='{port}'/></serial>"
                      for port in range(serial_ports))
    return f"""<domain type='qemu'>
  <name>{escape(name)}</name>
  <memory unit='MiB'>{memory_mib}</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64'>hvm</type>
    <kernel>{escape(str(files.kernel))}</kernel>
    <initrd>{escape(str(files.initrd))}</initrd>
    <cmdline>{CMDLINE}</cmdline>
  </os>
  <on_poweroff>destroy</on_poweroff>
  <on_crash>destroy</on_crash>
  <devices>
    {nic}
    {serials}
    <console type='pty'><target type='serial' port='0'/></console>
    <graphics type='vnc'{port}>{listen}</graphics>
    <video><model type='vga'/></video>
    <memballoon model='none'/>
  </devices>
</domain>"""


class TinyGuestMaker(_Factory):
    """make_tiny_guest(name_suffix, paused=False, **xml_options) -> the running guest's name.

    paused=True starts it with its vCPUs stopped: attach to its consoles, then resume it to
    see everything from the first line."""

    def __init__(self, owner_pid: int, add_cleanup: Callable[[Cleanup], None],
                 before_cleanup: Cleanup, files: TinyGuestFiles) -> None:
        super().__init__(owner_pid, add_cleanup, before_cleanup)
        self._files = files

    def __call__(self, name_suffix: str, paused: bool = False, *, memory_mib: int = 128,
                 vnc_listen: VncListen = "none", network: str | None = None,
                 serial_ports: int = 1) -> str:
        name = owned_name(name_suffix, self._owner_pid)
        xml = tiny_guest_xml(name, self._files, memory_mib=memory_mib, vnc_listen=vnc_listen,
                             network=network, serial_ports=serial_ports)
        with connection() as conn:
            domain = conn.defineXML(xml)
            self._remove_later(remove_domain, name)
            domain.createWithFlags(libvirt.VIR_DOMAIN_START_PAUSED if paused else 0)
        return name


@pytest.fixture
def make_tiny_guest(request: pytest.FixtureRequest, libvirt_tier: TierDaemon) -> TinyGuestMaker:
    """Import this fixture into a test module (or conftest) to use it; skips when the guest's
    files cannot be built on this machine."""
    try:
        files = tiny_guest_files()
    except TinyGuestUnavailable as exc:
        pytest.skip(str(exc))
    return TinyGuestMaker(libvirt_tier.session_pid, request.node.addfinalizer,
                          libvirt_tier.ensure_answers, files)
