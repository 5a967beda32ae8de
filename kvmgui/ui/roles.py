"""Item-data roles and columns of the inventory tree."""

from enum import IntEnum

from PySide6.QtCore import Qt


class Role(IntEnum):
    KIND = Qt.ItemDataRole.UserRole + 1  # NodeKind
    KEY = Qt.ItemDataRole.UserRole + 2  # UUID, volume key, interface name, URI, category name
    SNAPSHOT = Qt.ItemDataRole.UserRole + 3  # the DomainInfo/PoolInfo/... of the row
    URI = Qt.ItemDataRole.UserRole + 4  # the connection the row belongs to
    SORT = Qt.ItemDataRole.UserRole + 5  # value to sort by in that column
    BUSY = Qt.ItemDataRole.UserRole + 6  # progress text of a running action, or ""


class NodeKind(IntEnum):
    CONNECTION = 0
    CATEGORY = 1
    DOMAIN = 2
    POOL = 3
    VOLUME = 4
    NETWORK = 5
    INTERFACE = 6


class Column(IntEnum):
    NAME = 0
    STATE = 1
    VCPUS = 2
    MEMORY = 3
    AUTOSTART = 4
    CAPACITY = 5
    ALLOCATION = 6
    FORWARD = 7
    BRIDGE = 8
    VLAN = 9
    CPU_USAGE = 10  # sparkline, drawn by a delegate from sampled history; hidden by default
    MEMORY_USAGE = 11  # sparkline, as above


class Category(IntEnum):
    DOMAINS = 0
    POOLS = 1
    NETWORKS = 2
    INTERFACES = 3
