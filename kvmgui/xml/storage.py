"""``<pool>`` and ``<volume>`` documents (libvirt formatstorage). Sizes are bytes."""

from __future__ import annotations

from typing import ClassVar

from kvmgui.core.message import Message
from kvmgui.xml.hosts import HostList
from kvmgui.xml.node import XmlDocument
from kvmgui.xml.problems import Problem, Problems, check_name, check_size
from kvmgui.xml.props import Size, Str, StrList
from kvmgui.xml.tree import ChildOrder, make_element
from kvmgui.xml.units import MAX_STORAGE_BYTES

POOL_TYPES = ("dir", "fs", "netfs", "logical", "disk", "iscsi", "iscsi-direct", "scsi", "mpath",
              "rbd", "sheepdog", "gluster", "zfs", "vstorage")


class Pool(XmlDocument):
    """A storage pool. For iSCSI pools the target IQN is the first ``<source><device path>``."""

    ROOT_TAG = "pool"
    CHILD_ORDER: ClassVar[ChildOrder] = {
        "pool": ("name", "uuid", "capacity", "allocation", "available", "features", "source",
                 "target"),
        "source": ("host", "device", "dir", "adapter", "name", "format", "initiator", "auth",
                   "vendor", "product", "protocol"),
        "target": ("path", "permissions", "timestamps", "encryption"),
    }

    name = Str("name")
    uuid = Str("uuid")
    type = Str("@type")
    capacity = Size("capacity", default_unit="bytes", out_unit="bytes")
    allocation = Size("allocation", default_unit="bytes", out_unit="bytes")
    available = Size("available", default_unit="bytes", out_unit="bytes")
    target_path = Str("target/path")
    source_hosts = HostList("source")
    source_dir = Str("source/dir@path")
    source_devices = StrList("source/device@path")
    source_name = Str("source/name")
    source_format = Str("source/format@type")
    source_adapter_name = Str("source/adapter@name")
    iscsi_target_iqn = Str("source/device@path")
    initiator_iqn = Str("source/initiator/iqn@name")
    auth_type = Str("source/auth@type")
    auth_username = Str("source/auth@username")
    auth_secret_usage = Str("source/auth/secret@usage")
    auth_secret_uuid = Str("source/auth/secret@uuid")

    @classmethod
    def new(cls, pool_type: str, name: str, *, target_path: str | None = None) -> Pool:
        """A minimal pool; set the source properties the type needs before defining it."""
        pool = cls(make_element("pool", type=pool_type))
        pool.name = name
        pool.target_path = target_path
        return cls.from_xml(pool.to_xml())

    def validate(self) -> list[Problem]:
        problems = Problems()
        check_name(problems, self.name, Message.of("pool"))
        return problems.items


class Volume(XmlDocument):
    """A storage volume; ``format`` is ``<target><format type=..>`` (qcow2, raw, ...)."""

    ROOT_TAG = "volume"
    CHILD_ORDER: ClassVar[ChildOrder] = {
        "volume": ("name", "key", "source", "capacity", "allocation", "physical", "target",
                   "backingStore"),
        "target": ("path", "format", "permissions", "timestamps", "compat", "nocow", "clusterSize",
                   "features", "encryption"),
        "backingStore": ("path", "format", "permissions", "timestamps"),
    }

    name = Str("name")
    key = Str("key")
    type = Str("@type")
    capacity = Size("capacity", default_unit="bytes", out_unit="bytes")
    allocation = Size("allocation", default_unit="bytes", out_unit="bytes")
    format = Str("target/format@type")
    target_path = Str("target/path")
    backing_path = Str("backingStore/path")
    backing_format = Str("backingStore/format@type")

    @classmethod
    def new(
        cls,
        name: str,
        capacity: int,
        format: str | None = "qcow2",
        *,
        allocation: int | None = None,
    ) -> Volume:
        """A minimal volume of ``capacity`` bytes (``allocation`` 0 means thin/sparse)."""
        volume = cls(make_element("volume"))
        volume.name = name
        volume.capacity = capacity
        volume.allocation = allocation
        volume.format = format
        return cls.from_xml(volume.to_xml())

    def validate(self) -> list[Problem]:
        """Name rules, capacity > 0 and, for raw (or unspecified) format, allocation ≤ capacity."""
        problems = Problems()
        check_name(problems, self.name, Message.of("volume"))
        allocation_broken = check_size(problems, Volume.allocation.stored(self), "allocation",
                                       Message.of("volume allocation"), "bytes",
                                       MAX_STORAGE_BYTES)
        if check_size(problems, Volume.capacity.stored(self), "capacity",
                      Message.of("volume capacity"), "bytes", MAX_STORAGE_BYTES):
            return problems.items
        capacity = self.capacity
        if capacity is None or capacity <= 0:
            problems.error("capacity", "The volume capacity must be greater than 0 bytes.")
            return problems.items
        allocation = None if allocation_broken else self.allocation
        if allocation is not None and allocation > capacity and self.format in (None, "raw"):
            problems.error("allocation", "The allocation ({allocation} bytes) of a raw volume "
                           "cannot exceed its capacity ({capacity} bytes).", allocation=allocation,
                           capacity=capacity)
        return problems.items

