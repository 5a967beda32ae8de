"""What a selected object can do now, and what a destructive action would touch (pure).

No Qt, no libvirt: the action controller asks these functions which actions to enable for the
current selection, and the delete dialogs ask which volumes a domain's disks resolve to and who
else uses them. Messages are returned as enums so the UI can word (and translate) them.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from kvmgui.logic import usage
from kvmgui.logic.domain_refs import DiskRef, NicSource, domain_refs
from kvmgui.core.snapshots import (
    ConnectionState, DomainInfo, DomainState, NetworkInfo, PoolInfo, VolumeInfo,
)


class DomainAction(Enum):
    START = "start"
    SHUTDOWN = "shutdown"
    REBOOT = "reboot"
    FORCE_OFF = "force-off"
    PAUSE = "pause"
    RESUME = "resume"
    SAVE = "save"
    DISCARD_SAVE = "discard-save"
    AUTOSTART_ON = "autostart-on"
    AUTOSTART_OFF = "autostart-off"
    DELETE = "delete"
    CONSOLE = "console"  # the VM window, on its Console page
    EXTERNAL_VIEWER = "external-viewer"  # the console viewer chosen in the Preferences
    CLONE = "clone"
    OPEN = "open"  # the VM window
    EDIT = "edit"
    TAKE_SNAPSHOT = "take-snapshot"
    ADD_HARDWARE = "add-hardware"


# Each opens one window or dialog for one domain: offered for a selection of exactly one.
ONE_DOMAIN = frozenset({
    DomainAction.CONSOLE, DomainAction.EXTERNAL_VIEWER, DomainAction.CLONE, DomainAction.EDIT,
    DomainAction.TAKE_SNAPSHOT, DomainAction.ADD_HARDWARE,
})
# They only open a window on the domain (whatever they do next asks again), so they are
# offered while another action on it is under way: a user watches a domain start.
OPENS_A_WINDOW = frozenset({
    DomainAction.OPEN, DomainAction.CONSOLE, DomainAction.EXTERNAL_VIEWER, DomainAction.EDIT,
    DomainAction.TAKE_SNAPSHOT, DomainAction.ADD_HARDWARE,
})


class PoolAction(Enum):
    START = "start"
    STOP = "stop"
    REFRESH = "refresh"
    AUTOSTART_ON = "autostart-on"
    AUTOSTART_OFF = "autostart-off"
    BUILD = "build"
    DELETE = "delete"
    UNDEFINE = "undefine"


class VolumeAction(Enum):
    DELETE = "delete"


class NetworkAction(Enum):
    START = "start"
    STOP = "stop"
    AUTOSTART_ON = "autostart-on"
    AUTOSTART_OFF = "autostart-off"
    UNDEFINE = "undefine"


# Actions that lose data or cut guests off abruptly: asked first unless the user turned that off.
DESTRUCTIVE = frozenset({
    DomainAction.FORCE_OFF, DomainAction.DISCARD_SAVE, DomainAction.DELETE,
    PoolAction.STOP, PoolAction.DELETE, PoolAction.UNDEFINE, VolumeAction.DELETE,
    NetworkAction.STOP, NetworkAction.UNDEFINE,
})

_GUEST_RUNS = (DomainState.RUNNING, DomainState.BLOCKED)


def domain_can(action: DomainAction, d: DomainInfo) -> bool:
    """Whether `action` makes sense for a domain in its current state."""
    if action is DomainAction.START:
        return d.state in (DomainState.SHUTOFF, DomainState.NOSTATE)
    if action in (DomainAction.SHUTDOWN, DomainAction.REBOOT, DomainAction.PAUSE):
        return d.state in _GUEST_RUNS
    if action is DomainAction.FORCE_OFF:
        return d.active
    if action is DomainAction.RESUME:
        return d.state is DomainState.PAUSED
    if action is DomainAction.SAVE:
        return d.persistent and d.state in (*_GUEST_RUNS, DomainState.PAUSED)
    if action is DomainAction.DISCARD_SAVE:
        return d.managed_save and not d.active
    if action is DomainAction.AUTOSTART_ON:
        return d.persistent and not d.autostart
    if action is DomainAction.AUTOSTART_OFF:
        return d.persistent and d.autostart
    if action is DomainAction.CLONE:  # its disks hold still while they are copied
        return d.state in (DomainState.SHUTOFF, DomainState.PAUSED)
    return True  # DELETE and the windows (console, editor, ...) apply to any domain


def connection_up(state: ConnectionState) -> bool:
    """Whether the objects of a connection in `state` may be acted on: only while it is
    connected. Otherwise their state is unknown (the tree greys them) and libvirt unreachable."""
    return state == ConnectionState.CONNECTED


def domain_ready(action: DomainAction, d: DomainInfo, connection: ConnectionState,
                 busy: bool) -> bool:
    """Whether to offer `action` for `d` now: its connection is up, its state allows it, and
    no other action on it is under way (`busy`) unless `action` only opens a window."""
    return (connection_up(connection) and (not busy or action in OPENS_A_WINDOW)
            and domain_can(action, d))


def domain_actions(domains: Sequence[DomainInfo]) -> set[DomainAction]:
    """Actions to enable for a selection: those at least one selected domain can do (the others
    are skipped and reported). The ONE_DOMAIN ones need exactly one domain."""
    enabled = {a for a in DomainAction if any(domain_can(a, d) for d in domains)}
    return enabled - ONE_DOMAIN if len(domains) != 1 else enabled


def pool_can(action: PoolAction, p: PoolInfo) -> bool:
    if action in (PoolAction.START, PoolAction.BUILD, PoolAction.DELETE):
        return not p.active  # libvirt builds and deletes only stopped pools
    if action in (PoolAction.STOP, PoolAction.REFRESH):
        return p.active
    if action is PoolAction.AUTOSTART_ON:
        return p.persistent and not p.autostart
    if action is PoolAction.AUTOSTART_OFF:
        return p.persistent and p.autostart
    return p.persistent  # UNDEFINE (an active pool is stopped first)


def network_can(action: NetworkAction, n: NetworkInfo) -> bool:
    if action is NetworkAction.START:
        return not n.active
    if action is NetworkAction.STOP:
        return n.active
    if action is NetworkAction.AUTOSTART_ON:
        return n.persistent and not n.autostart
    if action is NetworkAction.AUTOSTART_OFF:
        return n.persistent and n.autostart
    return n.persistent  # UNDEFINE (an active network is stopped first)


def needs_confirmation(destructive: bool, count: int, confirm_destructive: bool) -> bool:
    """One confirmation for any action on several objects; destructive ones ask even for one
    object unless the user turned that off."""
    return count > 1 or (destructive and confirm_destructive)


# ---- deleting domains with their storage ------------------------------------------------------

class DiskNote(Enum):
    """Why a disk's volume is not ticked for deletion by default (or cannot be)."""

    NONE = "none"
    SHARED = "shared"  # another domain uses the volume
    READ_ONLY = "read-only"  # installation media and the like
    CDROM = "cdrom"
    NOT_A_VOLUME = "not-a-volume"  # no storage pool holds it: libvirt cannot delete it
    LISTED_ABOVE = "listed-above"  # another domain of this deletion already offers it


@dataclass(frozen=True, slots=True)
class DiskChoice:
    domain_uuid: str
    target: str  # vda, sdb, ...
    source: str  # what the disk points at, for display
    volume: VolumeInfo | None
    pool: PoolInfo | None
    shared_with: tuple[str, ...]  # names of other domains using the same volume
    note: DiskNote

    @property
    def deletable(self) -> bool:
        return self.volume is not None and self.note is not DiskNote.LISTED_ABOVE

    @property
    def delete_by_default(self) -> bool:
        return self.deletable and self.note is DiskNote.NONE


def _source_text(ref: DiskRef) -> str:
    if ref.pool and ref.volume:
        return f"{ref.pool}/{ref.volume}"
    return ref.path or ref.network_name


def resolve_volume(ref: DiskRef,
                   pools: Iterable[PoolInfo]) -> tuple[PoolInfo, VolumeInfo] | None:
    """The pool volume a disk points at, if a (running) pool holds it."""
    for pool in pools:
        for vol in pool.volumes:
            if usage.uses_volume(ref, pool.name, vol.name, vol.path, pool.source_name):
                return pool, vol
    return None


def disk_choices(deleting: Sequence[DomainInfo], all_domains: Sequence[DomainInfo],
                 pools: Sequence[PoolInfo]) -> dict[str, list[DiskChoice]]:
    """Per domain to delete (by UUID): its disks, each with the volume it could delete.

    A volume used by a domain that is not itself being deleted is "shared" and not ticked by
    default; a volume offered under an earlier domain of the same deletion is listed once.
    """
    offered: set[str] = set()
    result: dict[str, list[DiskChoice]] = {}
    for dom in deleting:
        choices = []
        for disk in usage.disk_refs(dom.xml):
            found = resolve_volume(disk, pools)
            pool, vol = found if found is not None else (None, None)
            shared: tuple[str, ...] = ()
            if pool is not None and vol is not None:
                users = usage.volume_users(all_domains, pool.name, vol.name, vol.path,
                                           pool.source_name)
                shared = tuple(sorted(u.name for u in users if u.uuid != dom.uuid))
            choices.append(DiskChoice(
                domain_uuid=dom.uuid, target=disk.target, source=_source_text(disk),
                volume=vol, pool=pool, shared_with=shared,
                note=_note(disk, vol, shared, offered)))
            if vol is not None:
                offered.add(vol.key)
        result[dom.uuid] = choices
    return result


def _note(disk: DiskRef, vol: VolumeInfo | None, shared: tuple[str, ...],
          offered: set[str]) -> DiskNote:
    if vol is None:
        return DiskNote.NOT_A_VOLUME
    if vol.key in offered:
        return DiskNote.LISTED_ABOVE
    if shared:
        return DiskNote.SHARED
    if disk.device == "cdrom":
        return DiskNote.CDROM
    if disk.read_only:
        return DiskNote.READ_ONLY
    return DiskNote.NONE


# ---- storage and networks ---------------------------------------------------------------------

class PoolDeleteEffect(Enum):
    """What virStoragePoolDelete removes for a pool type."""

    REMOVES_DIRECTORY = "removes-directory"  # dir, fs, netfs: the (empty) target directory
    DESTROYS_VOLUME_GROUP = "destroys-volume-group"  # logical: vgremove, every LV is lost
    DESTROYS_ZFS_POOL = "destroys-zfs-pool"  # zfs: zpool destroy
    DEPENDS_ON_BACKEND = "depends-on-backend"  # others: the backend decides (or refuses)


def pool_delete_effect(pool_type: str) -> PoolDeleteEffect:
    if pool_type in ("dir", "fs", "netfs"):
        return PoolDeleteEffect.REMOVES_DIRECTORY
    if pool_type == "logical":
        return PoolDeleteEffect.DESTROYS_VOLUME_GROUP
    if pool_type == "zfs":
        return PoolDeleteEffect.DESTROYS_ZFS_POOL
    return PoolDeleteEffect.DEPENDS_ON_BACKEND


def volume_users(volume: VolumeInfo, pool: PoolInfo,
                 domains: Iterable[DomainInfo]) -> list[DomainInfo]:
    return usage.volume_users(domains, pool.name, volume.name, volume.path, pool.source_name)


def running_users(users: Iterable[DomainInfo]) -> list[str]:
    """Names of the domains that block deleting a volume: those running (or paused) on it."""
    return sorted(u.name for u in users if u.active)


def network_users(network: NetworkInfo, domains: Iterable[DomainInfo]) -> list[DomainInfo]:
    """Domains with a NIC on the network: by network name, or plugged into its bridge."""
    def plugged(nic: NicSource) -> bool:
        if nic.type == "network":
            return bool(nic.network) and nic.network == network.name
        return nic.type == "bridge" and bool(network.bridge) and nic.bridge == network.bridge

    return [dom for dom in domains if any(plugged(nic) for nic in domain_refs(dom.xml).nics)]
