"""A tiny real guest for tests that need a guest doing something: Linux + busybox.

It boots in a few seconds under TCG straight into a root shell on the serial port (and one on
the first VGA console), prints BANNER on both, has no disk and no NIC. The kernel comes from
Debian's cloud kernel package, the initramfs is busybox plus INIT_SCRIPT; both are built once
per machine under ~/.cache/kvmgui-tests/tiny-guest (rebuilt when missing or when INIT_SCRIPT
changes) and copied to STAGE_DIR, because QEMU runs as libvirt-qemu and cannot enter /root.

`tiny_guest_with_virtio_modules()` adds a second initramfs archive with the kernel's virtio
and IDE CD-ROM modules and an /init that loads them first (Linux unpacks concatenated archives
in order; the later /init wins), for tests that plug disks into the guest.

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
import struct
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
from factory_helpers import Cleanup, ObjectFactory
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
# The kernel modules tiny_guest_with_virtio_modules() adds, in load order (each after what it
# depends on), with their folder under the kernel's modules tree.
VIRTIO_MODULES = {
    "virtio_ring": "drivers/virtio", "virtio": "drivers/virtio",
    "virtio_pci_modern_dev": "drivers/virtio", "virtio_pci_legacy_dev": "drivers/virtio",
    "virtio_pci": "drivers/virtio", "virtio_blk": "drivers/block",
    "scsi_common": "drivers/scsi", "scsi_mod": "drivers/scsi", "libata": "drivers/ata",
    "ata_piix": "drivers/ata", "cdrom": "drivers/cdrom", "sr_mod": "drivers/scsi",
}
LOAD_MODULES_SCRIPT = "#!/bin/busybox sh\n" + "".join(
    f"/bin/busybox insmod /lib/modules/{name}.ko\n" for name in VIRTIO_MODULES) + \
    INIT_SCRIPT.split("\n", 1)[1]


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
        raise _unavailable("cannot build the tiny guest", exc) from exc


def tiny_guest_with_virtio_modules() -> TinyGuestFiles:
    """The tiny guest's kernel, and its initramfs plus the VIRTIO_MODULES archive, where QEMU
    can read them (built first if the cache lacks them)."""
    files = tiny_guest_files()
    try:
        with _cache_lock():
            return TinyGuestFiles(files.kernel, _stage_file(_modules_initrd(files), STAGE_DIR))
    except (OSError, subprocess.CalledProcessError) as exc:
        raise _unavailable("cannot add the modules to the tiny guest", exc) from exc


def _unavailable(what: str, exc: Exception) -> TinyGuestUnavailable:
    detail = getattr(exc, "stderr", None) or ""
    return TinyGuestUnavailable(f"{what}: {exc} {detail}".strip())


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
    return _gzipped_cpio(root)


def _gzipped_cpio(root: Path) -> bytes:
    """Everything under `root` as a newc archive, the format an initramfs is in."""
    names = ["."] + sorted(str(path.relative_to(root)) for path in root.rglob("*"))
    archive = _run("cpio", "-o", "-H", "newc", "--quiet", cwd=root,
                   stdin="\n".join(names).encode() + b"\n")
    return gzip.compress(archive, mtime=0)


def _stage(files: TinyGuestFiles, stage: Path) -> TinyGuestFiles:
    """Copies QEMU may read."""
    return TinyGuestFiles(_stage_file(files.kernel, stage), _stage_file(files.initrd, stage))


def _stage_file(source: Path, stage: Path) -> Path:
    """A copy in `stage`, replaced only when its size differs from the cache's (a running
    guest keeps the file it opened)."""
    stage.mkdir(mode=0o755, parents=True, exist_ok=True)
    target = stage / source.name
    if not target.is_file() or target.stat().st_size != source.stat().st_size:
        _publish(source.read_bytes(), target)
    return target


def _kernel_version(kernel: Path) -> str:
    """The release a bzImage says it is (its setup header points at the text)."""
    data = kernel.read_bytes()
    offset = struct.unpack_from("<H", data, 0x20E)[0] + 0x200
    return data[offset:offset + 128].split(b" ", 1)[0].decode()


def _modules_initrd(files: TinyGuestFiles) -> Path:
    """The cached initramfs plus the modules archive (the caller holds the cache lock)."""
    version = _kernel_version(files.kernel)
    digest = hashlib.sha256((LOAD_MODULES_SCRIPT + files.initrd.name).encode()).hexdigest()[:12]
    cached = CACHE_DIR / f"initrd-modules-{version}-{digest}.cpio.gz"
    if cached.is_file():
        return cached
    with tempfile.TemporaryDirectory(dir=CACHE_DIR) as scratch_name:
        scratch = Path(scratch_name)
        tree = _extract(_download(f"linux-image-{version}", scratch), scratch / "k")
        root = scratch / "root"
        (root / "lib" / "modules").mkdir(parents=True)
        kernel_dir = tree / "lib" / "modules" / version / "kernel"
        for name, folder in VIRTIO_MODULES.items():
            module = kernel_dir / folder / f"{name}.ko"
            (root / "lib" / "modules" / module.name).write_bytes(module.read_bytes())
        (root / "init").write_text(LOAD_MODULES_SCRIPT)
        (root / "init").chmod(0o755)
        _publish(files.initrd.read_bytes() + _gzipped_cpio(root), cached)
    return cached


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


class TinyGuestMaker(ObjectFactory):
    """make_tiny_guest(name_suffix, paused=False, **options) -> the guest's name, started.

    paused=True starts it with its vCPUs stopped: attach to its consoles, then resume it to
    see everything from the first line. running=False only defines it. `edit(name, xml)`
    returns the XML to define instead of tiny_guest_xml's (a disk added, another display)."""

    def __init__(self, owner_pid: int, add_cleanup: Callable[[Cleanup], None],
                 before_cleanup: Cleanup, files: TinyGuestFiles) -> None:
        super().__init__(owner_pid, add_cleanup, before_cleanup)
        self._files = files

    @classmethod
    def for_test(cls, request: pytest.FixtureRequest, tier: TierDaemon,
                 files: TinyGuestFiles) -> TinyGuestMaker:
        """A maker whose guests are removed when `request`'s test ends."""
        return cls(tier.session_pid, request.node.addfinalizer, tier.ensure_answers, files)

    def __call__(self, name_suffix: str, paused: bool = False, *, running: bool = True,
                 edit: Callable[[str, str], str] | None = None, memory_mib: int = 128,
                 vnc_listen: VncListen = "none", network: str | None = None,
                 serial_ports: int = 1) -> str:
        name = owned_name(name_suffix, self._owner_pid)
        xml = tiny_guest_xml(name, self._files, memory_mib=memory_mib, vnc_listen=vnc_listen,
                             network=network, serial_ports=serial_ports)
        if edit is not None:
            xml = edit(name, xml)
        with connection() as conn:
            domain = conn.defineXML(xml)
            self.remove_later(remove_domain, name)
            if running:
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
    return TinyGuestMaker.for_test(request, libvirt_tier, files)
