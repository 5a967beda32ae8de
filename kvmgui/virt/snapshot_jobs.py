"""Jobs on a domain's snapshots, for `Connection.run` (reading) and `run_action` (changing).

    connection.run(list_snapshots(uuid), on_done=lambda found: ...)   # a SnapshotList
    connection.run_action(revert_snapshot(uuid, "before-upgrade", RevertTo.RUNNING))

Every changing job asks the rules of kvmgui.logic.snapshot_rules again with what the host says
now (its version, the domain's state and XML) and raises `SnapshotRefused` before calling
libvirt when they say no: a refused operation changes nothing. libvirt sends no snapshot
events, so callers list the snapshots again after each job.
"""

from __future__ import annotations

from dataclasses import dataclass

import libvirt

from kvmgui.core import log
from kvmgui.core.message import MessageError
from kvmgui.core.snapshots import DomainState
from kvmgui.logic.snapshot_rules import (
    RevertTo, SnapshotHost, SnapshotInfo, SnapshotKind, create_options, delete_refusal,
    descendants, revert_refusal,
)
from kvmgui.topology.inputs import version_from_number
from kvmgui.virt.actions import Job
from kvmgui.virt.define import DefineConflict, with_validate
from kvmgui.virt.errors import error_text
from kvmgui.virt.screenshot import Screenshot, read_screenshot
from kvmgui.xml import Domain, XmlSyntaxError, canonical

_REVERT_FLAGS = {
    RevertTo.AS_TAKEN: 0,
    RevertTo.RUNNING: libvirt.VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING,
    RevertTo.PAUSED: libvirt.VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED,
}


class SnapshotRefused(MessageError):
    """The rules say this host cannot do it; nothing was changed. `message` says why."""


@dataclass(frozen=True)
class SnapshotList:
    """The host's facts, the domain's live XML and state, and its snapshots."""

    host: SnapshotHost
    domain_xml: str
    state: DomainState
    snapshots: tuple[SnapshotInfo, ...]


@dataclass(frozen=True)
class CreateRequest:
    xml: str  # a <domainsnapshot> from snapshot_rules.build_request
    kind: SnapshotKind
    quiesce: bool = False
    screenshot: bool = True  # of a running guest's screen, just before the snapshot


@dataclass(frozen=True)
class CreateResult:
    name: str
    screenshot: Screenshot | None


def snapshot_host(conn: libvirt.virConnect) -> SnapshotHost:
    return SnapshotHost(str(conn.getType()).upper(), version_from_number(conn.getLibVersion()))


def list_snapshots(uuid: str) -> Job:
    """A job returning a `SnapshotList` of domain `uuid`."""
    def job(conn: libvirt.virConnect) -> SnapshotList:
        dom = conn.lookupByUUIDString(uuid)
        found = []
        for snap in dom.listAllSnapshots(0):
            try:
                found.append(_info(snap))
            except libvirt.libvirtError as err:
                if err.get_error_code() != libvirt.VIR_ERR_NO_DOMAIN_SNAPSHOT:
                    raise  # (one deleted meanwhile by another client is simply left out)
        return SnapshotList(snapshot_host(conn), dom.XMLDesc(0), DomainState(dom.state()[0]),
                            tuple(found))
    return job


def _info(snap: libvirt.virDomainSnapshot) -> SnapshotInfo:
    xml = snap.getXMLDesc(0)
    current = bool(snap.isCurrent(0))
    try:
        return SnapshotInfo.from_xml(xml, current)
    except (ValueError, XmlSyntaxError) as exc:
        log.virt.warning("snapshot %r: unreadable XML: %s", snap.getName(), exc)
        return SnapshotInfo(name=snap.getName(), parent=None, description="", state="",
                            created=None, external=False, memory="", current=current, xml=xml)


def _snapshots(dom: libvirt.virDomain) -> list[SnapshotInfo]:
    return [_info(snap) for snap in dom.listAllSnapshots(0)]


def create_snapshot(uuid: str, request: CreateRequest) -> Job:
    """A job taking the snapshot; returns a `CreateResult`."""
    def job(conn: libvirt.virConnect) -> CreateResult:
        dom = conn.lookupByUUIDString(uuid)
        state = DomainState(dom.state()[0])
        options = create_options(snapshot_host(conn), Domain.from_xml(dom.XMLDesc(0)), state)
        reason = options.choice(request.kind).reason
        if reason is None and request.quiesce:
            reason = options.quiesce
        if reason is not None:
            raise SnapshotRefused(reason)
        shot = _screenshot(conn, uuid) if request.screenshot and state.is_active else None
        flags = 0
        if request.kind is not SnapshotKind.INTERNAL:
            flags |= libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC  # all overlays or none
        if request.kind is SnapshotKind.DISK_ONLY:
            flags |= libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY
        if request.quiesce:
            flags |= libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE
        snap = with_validate(
            lambda: dom.snapshotCreateXML(
                request.xml, flags | libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE),
            lambda: dom.snapshotCreateXML(request.xml, flags))
        return CreateResult(snap.getName(), shot)
    return job


def _screenshot(conn: libvirt.virConnect, uuid: str) -> Screenshot | None:
    try:
        shot: Screenshot = read_screenshot(uuid)(conn)
        return shot
    except Exception as exc:  # no display, or it cannot be read: the snapshot matters more
        log.virt.info("no screenshot for the snapshot: %s", error_text(exc))
        return None


def revert_snapshot(uuid: str, name: str, to: RevertTo) -> Job:
    def job(conn: libvirt.virConnect) -> None:
        dom = conn.lookupByUUIDString(uuid)
        snap = dom.snapshotLookupByName(name, 0)
        reason = revert_refusal(snapshot_host(conn), _info(snap))
        if reason is not None:
            raise SnapshotRefused(reason)
        dom.revertToSnapshot(snap, _REVERT_FLAGS[to])
    return job


def delete_snapshot(uuid: str, name: str, with_children: bool) -> Job:
    """A job deleting the snapshot (and its descendants); returns the names deleted."""
    def job(conn: libvirt.virConnect) -> list[str]:
        dom = conn.lookupByUUIDString(uuid)
        snap = dom.snapshotLookupByName(name, 0)
        everything = _snapshots(dom)
        reason = delete_refusal(snapshot_host(conn), _info(snap), with_children, everything)
        if reason is not None:
            raise SnapshotRefused(reason)
        below = [s.name for s in descendants(everything, name)] if with_children else []
        snap.delete(libvirt.VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN if with_children else 0)
        return [name, *below]
    return job


def redefine_snapshot(uuid: str, name: str, original: str, xml: str) -> Job:
    """Replace the snapshot's metadata (e.g. its description) with `xml`, unless another
    client changed it since `original` was read (then `DefineConflict`)."""
    def job(conn: libvirt.virConnect) -> None:
        dom = conn.lookupByUUIDString(uuid)
        snap = dom.snapshotLookupByName(name, 0)
        current = snap.getXMLDesc(0)
        if canonical(current) != canonical(original):
            raise DefineConflict(current)
        flags = libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE
        if snap.isCurrent(0):
            flags |= libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT  # redefining must not move it
        dom.snapshotCreateXML(xml, flags)
    return job
