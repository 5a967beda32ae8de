"""kvmgui.logic.snapshot_rules: what a host can do with snapshots, said before trying
(verified against libvirt 9.0's QEMU driver in tests/integration/test_snapshots_live.py)."""

from __future__ import annotations

from datetime import datetime

import pytest

from kvmgui.core.snapshots import DomainState
from kvmgui.logic.snapshot_rules import (
    QEMU, TEST, SnapshotHost, SnapshotInfo, SnapshotKind, build_request, check_request,
    children_of, create_options, default_name, delete_refusal, descendants, external_limit,
    memory_file_suggestion, revert_refusal,
)
from kvmgui.xml import Domain, canonical

OLD = SnapshotHost(QEMU, (9, 0, 0))
NEW = SnapshotHost(QEMU, (9, 9, 0))
RUNNING, SHUTOFF, PAUSED = DomainState.RUNNING, DomainState.SHUTOFF, DomainState.PAUSED
AGENT = ("<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0' "
         "state='{state}'/></channel>")


def disk(target: str, fmt: str | None = "qcow2", *, kind: str = "file", device: str = "disk",
         extra: str = "", attrs: str = "") -> str:
    driver = f"<driver name='qemu' type='{fmt}'/>" if fmt else ""
    source = (f"<source file='/var/lib/libvirt/images/{target}.img'/>" if kind == "file"
              else "<source pool='default' volume='v1'/>" if kind == "volume"
              else f"<source dev='/dev/{target}'/>")
    return (f"<disk type='{kind}' device='{device}'{attrs}>{driver}{source}"
            f"<target dev='{target}'/>{extra}</disk>")


def domain(*devices: str, os_extra: str = "", name: str = "vm1") -> Domain:
    return Domain.from_xml(f"<domain type='kvm'><name>{name}</name><memory>65536</memory>"
                           f"<os><type>hvm</type>{os_extra}</os>"
                           f"<devices>{''.join(devices)}</devices></domain>")


def snap(name: str, parent: str | None = None, *, external: bool = False, created: int = 0,
         state: str = "running") -> SnapshotInfo:
    return SnapshotInfo(name, parent, "", state, created, external,
                        "external" if external else "internal", False, "<domainsnapshot/>")


def reason_text(host: SnapshotHost, dom: Domain, state: DomainState,
                kind: SnapshotKind) -> str | None:
    reason = create_options(host, dom, state).choice(kind).reason
    return None if reason is None else str(reason)


# ---- creating ----------------------------------------------------------------------------------


def test_a_qcow2_guest_can_take_every_kind_while_running() -> None:
    options = create_options(OLD, domain(disk("vda")), RUNNING)
    assert all(choice.allowed for choice in options.choices)
    assert options.preferred is SnapshotKind.INTERNAL


def test_internal_needs_every_disk_in_qcow2() -> None:
    dom = domain(disk("vda"), disk("vdb", "raw"), disk("vdc", None))
    text = reason_text(OLD, dom, RUNNING, SnapshotKind.INTERNAL)
    assert text is not None and "vdb (raw), vdc (raw)" in text and "vda" not in text
    options = create_options(OLD, dom, RUNNING)
    assert options.choice(SnapshotKind.DISK_ONLY).allowed  # overlays work on raw files
    assert options.preferred is SnapshotKind.DISK_ONLY


def test_cdroms_read_only_disks_and_snapshot_no_do_not_take_part() -> None:
    dom = domain(disk("vda"), disk("hdc", "raw", device="cdrom"),
                 disk("vdb", "raw", extra="<readonly/>"),
                 disk("vdc", "raw", attrs=" snapshot='no'"))
    assert reason_text(OLD, dom, RUNNING, SnapshotKind.INTERNAL) is None


def test_without_a_writable_disk_there_is_nothing_to_snapshot() -> None:
    dom = domain(disk("hdc", "raw", device="cdrom"))
    running = reason_text(OLD, dom, RUNNING, SnapshotKind.INTERNAL)
    assert running is not None and "memory" in running
    assert "no writable disk" in (reason_text(OLD, dom, SHUTOFF, SnapshotKind.INTERNAL) or "")
    assert "no writable disk" in (reason_text(OLD, dom, RUNNING, SnapshotKind.DISK_ONLY) or "")
    assert create_options(OLD, dom, RUNNING).preferred is None


def test_memory_needs_a_running_or_paused_guest() -> None:
    dom = domain(disk("vda"))
    assert "running or paused" in (reason_text(OLD, dom, SHUTOFF, SnapshotKind.WITH_MEMORY) or "")
    assert reason_text(OLD, dom, PAUSED, SnapshotKind.WITH_MEMORY) is None
    assert reason_text(OLD, dom, SHUTOFF, SnapshotKind.DISK_ONLY) is None  # offline overlays


def test_external_only_for_file_disks() -> None:
    for other in (disk("vdb", kind="volume"), disk("sdb", "raw", kind="block")):
        text = reason_text(OLD, domain(disk("vda"), other), RUNNING, SnapshotKind.DISK_ONLY)
        assert text is not None and "not a file" in text


def test_uefi_guests() -> None:
    loader = "<loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>"
    dom = domain(disk("vda"), os_extra=loader)
    text = reason_text(OLD, dom, RUNNING, SnapshotKind.INTERNAL)
    assert text is not None and "UEFI" in text and "9.0.0" in text
    assert reason_text(OLD, dom, SHUTOFF, SnapshotKind.INTERNAL) is None  # 9.0 still could
    assert reason_text(SnapshotHost(QEMU, (9, 2, 0)), dom, SHUTOFF, SnapshotKind.INTERNAL)
    firmware = Domain.from_xml("<domain><name>e</name><os firmware='efi'><type>hvm</type></os>"
                               f"<devices>{disk('vda')}</devices></domain>")
    assert reason_text(OLD, firmware, RUNNING, SnapshotKind.INTERNAL) is not None
    assert reason_text(OLD, dom, RUNNING, SnapshotKind.DISK_ONLY) is None


def test_quiesce_needs_a_connected_agent_and_a_disk_only_snapshot() -> None:
    without = create_options(OLD, domain(disk("vda")), RUNNING).quiesce
    assert without is not None and "guest agent" in str(without)
    asleep = domain(disk("vda"), AGENT.format(state="disconnected"))
    assert create_options(OLD, asleep, RUNNING).quiesce is not None
    awake = domain(disk("vda"), AGENT.format(state="connected"))
    assert create_options(OLD, awake, RUNNING).quiesce is None
    assert "running guest" in str(create_options(OLD, awake, PAUSED).quiesce)
    raw_volume = domain(disk("vda", kind="volume"), AGENT.format(state="connected"))
    assert create_options(OLD, raw_volume, RUNNING).quiesce is not None


def test_the_test_driver_takes_internal_snapshots_of_anything() -> None:
    options = create_options(SnapshotHost(TEST, (9, 0, 0)), domain(), RUNNING)
    assert options.choice(SnapshotKind.INTERNAL).allowed
    assert not options.choice(SnapshotKind.DISK_ONLY).allowed
    assert not options.choice(SnapshotKind.WITH_MEMORY).allowed
    other = create_options(SnapshotHost("LXC", (9, 0, 0)), domain(), RUNNING)
    assert [c.allowed for c in other.choices] == [True, False, False]


def test_requests_for_each_kind() -> None:
    dom = domain(disk("vda"), disk("hdc", "raw", device="cdrom"))
    internal = build_request(SnapshotKind.INTERNAL, "s", "d", dom)
    assert canonical(internal.to_xml()) == canonical(
        "<domainsnapshot><name>s</name><description>d</description></domainsnapshot>")
    disk_only = build_request(SnapshotKind.DISK_ONLY, "s", "", dom)
    assert canonical(disk_only.to_xml()) == canonical(
        "<domainsnapshot><name>s</name><disks><disk name='vda' snapshot='external'/></disks>"
        "</domainsnapshot>")
    memory = build_request(SnapshotKind.WITH_MEMORY, "s", "", dom, "/srv/s.mem")
    assert (memory.memory, memory.memory_file) == ("external", "/srv/s.mem")
    assert [d.name for d in memory.disks] == ["vda"]


def test_memory_file_suggestion_beside_the_first_disk_and_file_safe() -> None:
    dom = domain(disk("vda"), name="web/../server")
    assert memory_file_suggestion(dom, "before ../../x") == \
        "/var/lib/libvirt/images/web_.._server-before_.._.._x.mem"
    assert memory_file_suggestion(domain(), "s").startswith("/var/lib/libvirt/qemu/snapshot/")


def test_check_request_catches_a_taken_name() -> None:
    problems = check_request(build_request(SnapshotKind.INTERNAL, "one", "", domain()),
                             ["one", "two"])
    assert [p.message for p in problems] == ["A snapshot named one already exists."]
    assert check_request(build_request(SnapshotKind.INTERNAL, "three", "", domain()),
                         ["one"]) == []


def test_default_name_from_the_time_and_unique() -> None:
    now = datetime(2026, 12, 5, 14, 12, 3)
    assert default_name(now, []) == "snapshot-2026-12-05-141203"
    assert default_name(now, ["snapshot-2026-12-05-141203"]) == "snapshot-2026-12-05-141203-2"
    assert default_name(now, ["snapshot-2026-12-05-141203", "snapshot-2026-12-05-141203-2"]) \
        == "snapshot-2026-12-05-141203-3"


# ---- reverting and deleting ------------------------------------------------------------------


def test_external_snapshots_need_libvirt_9_9_to_revert_or_delete() -> None:
    external = snap("ext", external=True)
    refusal = revert_refusal(OLD, external)
    assert refusal is not None
    assert str(refusal) == ("libvirt 9.0.0 on this host cannot revert to an external snapshot; "
                            "libvirt 9.9 or later can.")
    assert delete_refusal(OLD, external, False, [external]) is not None
    assert revert_refusal(NEW, external) is None
    assert delete_refusal(NEW, external, True, [external]) is None
    assert revert_refusal(OLD, snap("int")) is None
    assert revert_refusal(SnapshotHost(QEMU, (10, 0, 0)), external) is None
    assert revert_refusal(SnapshotHost("VZ", (9, 0, 0)), external) is None  # it says itself


def test_taking_an_external_snapshot_warns_what_cannot_follow() -> None:
    limit = create_options(OLD, domain(disk("vda")), RUNNING).external_limit
    assert str(limit) == ("libvirt 9.0.0 on this host cannot revert to or delete external "
                          "snapshots; libvirt 9.9 or later can.")
    assert create_options(NEW, domain(disk("vda")), RUNNING).external_limit is None
    assert external_limit(SnapshotHost(TEST, (9, 0, 0))) is None


def test_deleting_with_children_is_judged_on_every_child() -> None:
    snapshots = [snap("a"), snap("b", "a", external=True), snap("c", "b")]
    assert delete_refusal(OLD, snapshots[0], False, snapshots) is None
    assert delete_refusal(OLD, snapshots[0], True, snapshots) is not None
    assert delete_refusal(OLD, snapshots[2], True, snapshots) is None


# ---- the tree ----------------------------------------------------------------------------------


def test_tree_oldest_first_with_orphans_at_the_top() -> None:
    snapshots = [snap("late", "root", created=30), snap("root", created=10),
                 snap("early", "root", created=20), snap("orphan", "gone", created=5)]
    tree = children_of(snapshots)
    assert [s.name for s in tree[None]] == ["orphan", "root"]
    assert [s.name for s in tree["root"]] == ["early", "late"]


def test_loops_in_damaged_metadata_end() -> None:
    snapshots = [snap("a", "b"), snap("b", "a"), snap("self", "self")]
    tree = children_of(snapshots)
    reachable = {s.name for s in tree[None]}
    assert reachable <= {"a", "b", "self"} and "self" in reachable
    assert len([s for children in tree.values() for s in children]) == 3  # each once
    assert [s.name for s in descendants(snapshots, "self")] == []
    assert {s.name for s in descendants(snapshots, "a")} <= {"b"}


def test_descendants_depth_first() -> None:
    snapshots = [snap("a", created=1), snap("b", "a", created=2), snap("c", "b", created=3),
                 snap("d", "a", created=4)]
    assert [s.name for s in descendants(snapshots, "a")] == ["b", "c", "d"]
    assert descendants(snapshots, "d") == []


def test_snapshot_info_from_xml() -> None:
    info = SnapshotInfo.from_xml(
        "<domainsnapshot><name>n</name><description>d</description><state>disk-snapshot"
        "</state><parent><name>p</name></parent><creationTime>12</creationTime>"
        "<memory snapshot='no'/><disks><disk name='vda' snapshot='external'/></disks>"
        "</domainsnapshot>", current=True)
    assert (info.name, info.parent, info.description, info.created, info.current) == \
        ("n", "p", "d", 12, True)
    assert info.external and info.disk_only and not info.has_memory
    with pytest.raises(ValueError):
        SnapshotInfo.from_xml("<domain/>", current=False)
