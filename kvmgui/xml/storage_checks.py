"""What each storage pool type needs before libvirt can define, build and start it.

Pure: no Qt, no libvirt.  ``pool_problems`` adds these per-type rules to ``Pool.validate()``;
``POOL_FIELDS`` says which fields each type uses (the pool editor shows exactly those).
Field names: ``target.path``, ``source.device``, ``source.host``, ``source.dir``,
``source.name``, ``source.format``, ``source.iqn``, ``source.initiator``, ``source.auth``.
"""

from __future__ import annotations

from kvmgui.xml import Pool, Problem
from kvmgui.xml.problems import Problems

POOL_FIELDS: dict[str, tuple[str, ...]] = {
    "dir": ("target.path",),
    "fs": ("target.path", "source.device", "source.format"),
    "netfs": ("target.path", "source.host", "source.dir", "source.format"),
    "logical": ("source.name", "source.device", "target.path"),
    "disk": ("source.device", "source.format", "target.path"),
    "iscsi": ("source.host", "source.iqn", "source.initiator", "target.path"),
    "rbd": ("source.host", "source.name", "source.auth"),
}
# Types where pool.build() does something useful, and whether it destroys data on a device.
BUILDABLE = {"dir": False, "fs": True, "netfs": False, "logical": True, "disk": True}
FORMATS = {
    "fs": ("auto", "ext4", "ext3", "xfs", "btrfs", "vfat"),
    "netfs": ("nfs", "glusterfs", "cifs", "auto"),
    "disk": ("dos", "gpt"),
}
DEFAULT_TARGETS = {"logical": "/dev/{name}", "disk": "/dev", "iscsi": "/dev/disk/by-path"}
IQN_PREFIXES = ("iqn.", "eui.", "naa.")


def pool_problems(pool: Pool) -> list[Problem]:
    """``pool.validate()`` plus the fields its type requires."""
    problems = Problems(list(pool.validate()))
    kind = pool.type or ""
    fields = POOL_FIELDS.get(kind, ())
    if "target.path" in fields and kind in ("dir", "fs", "netfs"):
        path = pool.target_path or ""
        if not path.startswith("/"):
            problems.error("target.path", "The target path must be an absolute path, "
                           "e.g. /var/lib/libvirt/images/{name}.", name=pool.name or "pool")
    if kind in ("fs", "disk") and not _absolute(pool.source_devices[:1]):
        problems.error("source.device", "Choose the device, e.g. /dev/sdb.")
    if kind == "netfs":
        if not pool.source_hosts or not pool.source_hosts[0].name:
            problems.error("source.host", "Enter the server that exports the file system.")
        if not (pool.source_dir or "").startswith("/"):
            problems.error("source.dir", "Enter the exported path (NFS) or /volume name "
                           "(GlusterFS).")
    if kind == "logical":
        if not pool.source_name:
            problems.error("source.name", "Enter the name of the LVM volume group.")
        devices = pool.source_devices
        if devices and not _absolute(devices):
            problems.error("source.device", "Physical volumes are device paths such as "
                           "/dev/sdb.")
    if kind == "iscsi":
        _check_iscsi(problems, pool)
    if kind == "rbd":
        _check_rbd(problems, pool)
    return problems.items


def _absolute(paths: list[str]) -> bool:
    return bool(paths) and all(p.startswith("/") for p in paths)


def _check_iscsi(problems: Problems, pool: Pool) -> None:
    if not pool.source_hosts or not pool.source_hosts[0].name:
        problems.error("source.host", "Enter the iSCSI portal (host name or address).")
    iqn = pool.iscsi_target_iqn or ""
    if not iqn:
        problems.error("source.iqn", "Enter the target IQN, e.g. "
                       "iqn.2004-04.com.example:storage.")
    elif not iqn.startswith(IQN_PREFIXES):
        problems.warning("source.iqn", "The target name {iqn} does not start with iqn., eui. "
                         "or naa.", iqn=iqn)
    initiator = pool.initiator_iqn
    if initiator is not None and not initiator.startswith(IQN_PREFIXES):
        problems.warning("source.initiator", "The initiator name {iqn} does not start with "
                         "iqn., eui. or naa.", iqn=initiator)


def _check_rbd(problems: Problems, pool: Pool) -> None:
    if not [h for h in pool.source_hosts if h.name]:
        problems.error("source.host", "Enter at least one Ceph monitor.")
    if not pool.source_name:
        problems.error("source.name", "Enter the name of the Ceph pool.")
    if pool.auth_username and not (pool.auth_secret_usage or pool.auth_secret_uuid):
        problems.error("source.auth", "A Ceph user needs the libvirt secret that holds its "
                       "key (its usage name, e.g. client.libvirt secret).")
