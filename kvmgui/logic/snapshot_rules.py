"""What a host can do with a domain's snapshots, said before the user tries (pure).

The rules come from libvirt's QEMU driver (qemu_snapshot.c) and were checked on libvirt 9.0:

* Internal snapshots live inside the disk images: every disk that takes part (not read-only,
  not a CD-ROM or floppy, not ``snapshot='no'``) must be qcow2, and a running guest's memory
  goes into one of them, so a running guest needs at least one.  UEFI (pflash) guests cannot
  save their memory that way; libvirt 9.2 and later refuse internal snapshots of them at all.
* External snapshots put new overlay files on top of the disks (disk-only), optionally with
  the memory in a file of its own (a running or paused guest only).  libvirt names the
  overlays after the snapshot only for disks that are plain files.
* Reverting to or deleting an external snapshot arrived with libvirt 9.9 (the host's
  capabilities then list ``<externalSnapshot/>``); 9.0 answers "revert to external snapshot
  not supported yet".
* Quiescing (freezing the guest's file systems first) needs a connected guest agent and is a
  disk-only option.
* The test driver takes internal snapshots of any domain and nothing else.

Reasons are ``Message`` templates (English; the UI translates them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from kvmgui.core.message import Message
from kvmgui.core.snapshots import DomainState
from kvmgui.xml import Disk, Domain, Problem
from kvmgui.xml.snapshot import DiskRequest, DomainSnapshot

Version = tuple[int, int, int]

EXTERNAL_REVERT_DELETE_SINCE: Version = (9, 9, 0)
PFLASH_INTERNAL_REFUSED_SINCE: Version = (9, 2, 0)
AGENT_CHANNEL = "org.qemu.guest_agent.0"
QEMU, TEST = "QEMU", "TEST"  # conn.getType()


def version_text(version: Version) -> str:
    return ".".join(str(part) for part in version)


class SnapshotKind(Enum):
    INTERNAL = "internal"  # disks (and a running guest's memory) inside the qcow2 images
    DISK_ONLY = "disk-only"  # external overlays, no memory
    WITH_MEMORY = "with-memory"  # external overlays plus the memory in a file


class RevertTo(Enum):
    """The state after reverting: as the snapshot was taken, or forced running or paused."""

    AS_TAKEN = "as-taken"
    RUNNING = "running"
    PAUSED = "paused"


@dataclass(frozen=True)
class SnapshotHost:
    """The host's driver (``conn.getType()``: "QEMU", "TEST", ...) and libvirt version."""

    driver: str
    version: Version

    @property
    def handles_external(self) -> bool:
        """Reverting to and deleting external snapshots works on this host (the limit is
        QEMU's; other drivers say for themselves)."""
        return self.driver != QEMU or self.version >= EXTERNAL_REVERT_DELETE_SINCE


@dataclass(frozen=True)
class SnapshotInfo:
    """One snapshot as the page shows it; ``state`` as libvirt writes it ("running",
    "shutoff", "disk-snapshot", ...), ``created`` in seconds since the epoch."""

    name: str
    parent: str | None
    description: str
    state: str
    created: int | None
    external: bool
    memory: str  # "no", "internal", "external" (or "" when unknown)
    current: bool
    xml: str = field(repr=False)

    @classmethod
    def from_xml(cls, xml: str, current: bool) -> SnapshotInfo:
        """Read a snapshot's XML (raises ValueError or XmlSyntaxError when it cannot)."""
        doc = DomainSnapshot.from_xml(xml)
        return cls(name=doc.name or "", parent=doc.parent_name, description=doc.description or "",
                   state=doc.state or "", created=doc.creation_time, external=doc.is_external,
                   memory=doc.memory or "", current=current, xml=xml)

    @property
    def disk_only(self) -> bool:
        return self.state == "disk-snapshot"

    @property
    def has_memory(self) -> bool:
        return self.memory in ("internal", "external")


@dataclass(frozen=True)
class Choice:
    """Whether one way of taking a snapshot is possible, and if not, why."""

    kind: SnapshotKind
    reason: Message | None = None

    @property
    def allowed(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class CreateOptions:
    choices: tuple[Choice, ...]
    quiesce: Message | None  # why the disk-only snapshot cannot quiesce (None: it can)
    external_limit: Message | None = None  # what this host cannot do with an external one

    def choice(self, kind: SnapshotKind) -> Choice:
        return next(c for c in self.choices if c.kind is kind)

    @property
    def preferred(self) -> SnapshotKind | None:
        """The first possible kind: internal, then disk-only, then with memory."""
        return next((c.kind for c in self.choices if c.allowed), None)


# ---- creating -----------------------------------------------------------------------------


def snapshot_disks(domain: Domain) -> list[Disk]:
    """The disks that take part in a snapshot by default."""
    return [disk for disk in domain.disks
            if disk.device in (None, "disk", "lun") and not disk.readonly
            and disk.element.get("snapshot") != "no"]


def agent_connected(domain: Domain) -> bool:
    """The live XML says a guest agent is listening on its channel."""
    for channel in domain.channels:
        target = channel.find_element("target")
        if (channel.target_name == AGENT_CHANNEL and target is not None
                and target.get("state") == "connected"):
            return True
    return False


def create_options(host: SnapshotHost, domain: Domain, state: DomainState) -> CreateOptions:
    """Which kinds of snapshot this host can take of `domain` (its live XML) now."""
    if host.driver == TEST:
        external = Message.of("The test driver takes internal snapshots only.")
        return CreateOptions((Choice(SnapshotKind.INTERNAL),
                              Choice(SnapshotKind.DISK_ONLY, external),
                              Choice(SnapshotKind.WITH_MEMORY, external)), external)
    if host.driver != QEMU:
        external = Message.of("External snapshots are offered on QEMU/KVM hosts only.")
        return CreateOptions((Choice(SnapshotKind.INTERNAL),
                              Choice(SnapshotKind.DISK_ONLY, external),
                              Choice(SnapshotKind.WITH_MEMORY, external)), external)
    active = state.is_active
    disk_only = _external_reason(domain)
    with_memory = disk_only
    if with_memory is None and not active:
        with_memory = Message.of("Only a running or paused guest has memory to save.")
    return CreateOptions((Choice(SnapshotKind.INTERNAL, _internal_reason(host, domain, active)),
                          Choice(SnapshotKind.DISK_ONLY, disk_only),
                          Choice(SnapshotKind.WITH_MEMORY, with_memory)),
                         _quiesce_reason(domain, state, disk_only), external_limit(host))


def external_limit(host: SnapshotHost) -> Message | None:
    """What this host cannot do with external snapshots (None: everything)."""
    if host.handles_external:
        return None
    return Message.of("libvirt {version} on this host cannot revert to or delete external "
                      "snapshots; libvirt 9.9 or later can.", version=version_text(host.version))


def _internal_reason(host: SnapshotHost, domain: Domain, active: bool) -> Message | None:
    disks = snapshot_disks(domain)
    if _has_pflash(domain) and (active or host.version >= PFLASH_INTERNAL_REFUSED_SINCE):
        return Message.of("Internal snapshots of a UEFI (pflash) guest are not supported by "
                          "libvirt {version}; take an external snapshot.",
                          version=version_text(host.version))
    if not disks:
        if active:
            return Message.of("An internal snapshot of a running guest needs a qcow2 disk to "
                              "hold its memory; this guest has no writable disk.")
        return Message.of("This guest has no writable disk to snapshot.")
    other = [f"{d.target_dev or '?'} ({d.driver_type or 'raw'})" for d in disks
             if d.driver_type != "qcow2"]
    if other:
        return Message.of("Internal snapshots need every disk in qcow2 format; not qcow2: "
                          "{disks}.", disks=", ".join(other))
    return None


def _external_reason(domain: Domain) -> Message | None:
    disks = snapshot_disks(domain)
    if not disks:
        return Message.of("This guest has no writable disk to put an overlay on.")
    other = [d.target_dev or "?" for d in disks if d.type != "file"]
    if other:
        return Message.of("External snapshots are offered for disks that are files; not a "
                          "file: {disks}.", disks=", ".join(other))
    return None


def _quiesce_reason(domain: Domain, state: DomainState, disk_only: Message | None
                    ) -> Message | None:
    if disk_only is not None:
        return disk_only
    if state not in (DomainState.RUNNING, DomainState.BLOCKED):
        return Message.of("Only a running guest can freeze its file systems.")
    if not agent_connected(domain):
        return Message.of("No guest agent answers: install and start qemu-guest-agent in "
                          "the guest to freeze its file systems during the snapshot.")
    return None


def _has_pflash(domain: Domain) -> bool:
    loader = domain.find_element("os/loader")
    os_element = domain.find_element("os")
    return ((loader is not None and loader.get("type") == "pflash")
            or (os_element is not None and os_element.get("firmware") == "efi"))


def build_request(kind: SnapshotKind, name: str, description: str, domain: Domain,
                  memory_file: str = "") -> DomainSnapshot:
    """The snapshot XML to send for `kind` (external overlays named by libvirt)."""
    if kind is SnapshotKind.INTERNAL:
        return DomainSnapshot.new(name, description)
    disks = [DiskRequest(d.target_dev or "", "external") for d in snapshot_disks(domain)]
    if kind is SnapshotKind.DISK_ONLY:
        return DomainSnapshot.new(name, description, disks=disks)
    return DomainSnapshot.new(name, description, memory="external",
                              memory_file=memory_file, disks=disks)


def memory_file_suggestion(domain: Domain, snapshot_name: str) -> str:
    """Beside the first disk: `<dir>/<domain>-<snapshot>.mem` (names made file-safe)."""
    disks = [d.source_file for d in snapshot_disks(domain) if d.source_file]
    folder = disks[0].rpartition("/")[0] if disks else "/var/lib/libvirt/qemu/snapshot"
    return f"{folder or ''}/{_file_safe(domain.name or 'domain')}-{_file_safe(snapshot_name)}.mem"


def _file_safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in text).lstrip(".") or "_"


def check_request(request: DomainSnapshot, existing: Iterable[str]) -> list[Problem]:
    """The request's own problems plus a name that another snapshot already has."""
    problems = request.validate()
    if request.name is not None and request.name in set(existing):
        problems.append(Problem.error("name", "A snapshot named {name} already exists.",
                                      name=request.name))
    return problems


def default_name(now: datetime, existing: Iterable[str]) -> str:
    """A name from the time ("snapshot-2026-12-05-141203"), unique among `existing`."""
    taken = set(existing)
    base = f"snapshot-{now:%Y-%m-%d-%H%M%S}"
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    return name


# ---- reverting and deleting ------------------------------------------------------------------


def revert_refusal(host: SnapshotHost, snapshot: SnapshotInfo) -> Message | None:
    """Why this host cannot revert to `snapshot` (None: it can try)."""
    if snapshot.external and not host.handles_external:
        return Message.of("libvirt {version} on this host cannot revert to an external "
                          "snapshot; libvirt 9.9 or later can.", version=version_text(host.version))
    return None


def delete_refusal(host: SnapshotHost, snapshot: SnapshotInfo, with_children: bool,
                   snapshots: Sequence[SnapshotInfo]) -> Message | None:
    """Why this host cannot delete `snapshot` (and, `with_children`, its descendants)."""
    doomed = [snapshot, *(descendants(snapshots, snapshot.name) if with_children else [])]
    if any(s.external for s in doomed) and not host.handles_external:
        return Message.of("libvirt {version} on this host cannot delete external snapshots; "
                          "libvirt 9.9 or later can.", version=version_text(host.version))
    return None


# ---- the tree ----------------------------------------------------------------------------------


def children_of(snapshots: Sequence[SnapshotInfo]) -> dict[str | None, list[SnapshotInfo]]:
    """Parent name -> children, oldest first; roots under None, and with them snapshots whose
    parent is unknown or that no root leads to (a loop in damaged metadata)."""
    names = {s.name for s in snapshots}
    tree: dict[str | None, list[SnapshotInfo]] = {}
    for snapshot in snapshots:
        parent = snapshot.parent if snapshot.parent in names else None
        tree.setdefault(parent, []).append(snapshot)
    reached: set[str] = set()
    _reach(tree, None, reached)
    for snapshot in snapshots:
        if snapshot.name not in reached:  # cut the loop here: it shows as a root
            tree[snapshot.parent].remove(snapshot)
            tree.setdefault(None, []).append(snapshot)
            reached.add(snapshot.name)
            _reach(tree, snapshot.name, reached)
    for siblings in tree.values():
        siblings.sort(key=lambda s: (s.created or 0, s.name))
    return tree


def _reach(tree: dict[str | None, list[SnapshotInfo]], start: str | None,
           reached: set[str]) -> None:
    pending = [s.name for s in tree.get(start, [])]
    while pending:
        name = pending.pop()
        if name not in reached:
            reached.add(name)
            pending.extend(s.name for s in tree.get(name, []))


def descendants(snapshots: Sequence[SnapshotInfo], name: str) -> list[SnapshotInfo]:
    """Every snapshot below `name`, depth first."""
    tree = children_of(snapshots)
    found: list[SnapshotInfo] = []
    seen = {name}
    pending = list(reversed(tree.get(name, [])))
    while pending:
        snapshot = pending.pop()
        if snapshot.name in seen:
            continue
        seen.add(snapshot.name)
        found.append(snapshot)
        pending.extend(reversed(tree.get(snapshot.name, [])))
    return found
