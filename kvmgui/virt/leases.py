"""DHCP leases of a libvirt network (runs on a connection worker)."""

import ipaddress
from dataclasses import dataclass
from enum import Enum

import libvirt


class LeasesUnavailable(Enum):
    NOT_SUPPORTED = "not-supported"  # the driver has no DHCPLeases (test driver, some remotes)
    INACTIVE = "inactive"  # a stopped network hands out nothing


@dataclass(frozen=True, slots=True)
class Lease:
    mac: str
    address: str  # with prefix, e.g. 192.168.122.45/24
    hostname: str
    client_id: str
    expiry: int  # seconds since the epoch, 0 if unknown


@dataclass(frozen=True, slots=True)
class LeaseReport:
    network_uuid: str
    leases: tuple[Lease, ...] = ()
    unavailable: LeasesUnavailable | None = None


def network_leases(conn: libvirt.virConnect, uuid: str) -> LeaseReport:
    net = conn.networkLookupByUUIDString(uuid)
    if not net.isActive():
        return LeaseReport(uuid, unavailable=LeasesUnavailable.INACTIVE)
    try:
        raw = net.DHCPLeases()
    except libvirt.libvirtError as err:
        if err.get_error_code() == libvirt.VIR_ERR_NO_SUPPORT:
            return LeaseReport(uuid, unavailable=LeasesUnavailable.NOT_SUPPORTED)
        raise
    leases = []
    for item in raw:
        address = str(item.get("ipaddr") or "")
        prefix = item.get("prefix")
        leases.append(Lease(
            mac=str(item.get("mac") or ""),
            address=f"{address}/{prefix}" if address and prefix else address,
            hostname=str(item.get("hostname") or ""), client_id=str(item.get("clientid") or ""),
            expiry=int(item.get("expirytime") or 0)))
    return LeaseReport(uuid, tuple(sorted(leases, key=_address_order)))


def _address_order(lease: Lease) -> tuple[int, int, str]:
    try:
        ip = ipaddress.ip_address(lease.address.split("/")[0])
    except ValueError:
        return (9, 0, lease.address)
    return (ip.version, int(ip), lease.address)
