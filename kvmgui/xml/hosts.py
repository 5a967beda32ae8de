"""``<host name=.. port=..>`` lists: network disk sources and storage pool sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple, Self, overload

from kvmgui.xml.node import XmlNode
from kvmgui.xml.tree import Element, drop_attr, make_element


class SourceHost(NamedTuple):
    """A remote host; ``transport`` (tcp/unix/rdma) only exists for network disks."""

    name: str
    port: int | None = None
    transport: str | None = None


class HostList:
    """Every ``<host>`` under ``parent_path``; assigning replaces them position by position."""

    def __init__(self, parent_path: str) -> None:
        self.parent_path = parent_path
        self.path = f"{parent_path}/host"

    @overload
    def __get__(self, node: None, owner: type[Any]) -> Self: ...

    @overload
    def __get__(self, node: XmlNode, owner: type[Any]) -> list[SourceHost]: ...

    def __get__(self, node: XmlNode | None, owner: type[Any]) -> Self | list[SourceHost]:
        if node is None:
            return self
        return [_read(element) for element in node.find_elements(self.path)]

    def __set__(self, node: XmlNode, hosts: Sequence[SourceHost] | None) -> None:
        wanted = list(hosts or ())
        existing = node.find_elements(self.path)
        for element, host in zip(existing, wanted, strict=False):
            if _read(element) != host:
                _write(element, host)
        for element in existing[len(wanted) :]:
            node.remove_element(element)
        for host in wanted[len(existing) :]:
            element = make_element("host")
            _write(element, host)
            node.append_element(self.parent_path, element)


def _read(element: Element) -> SourceHost:
    port_text = element.get("port")
    try:
        port = int(port_text) if port_text is not None else None
    except ValueError:
        port = None
    return SourceHost(element.get("name", ""), port, element.get("transport"))


def _write(element: Element, host: SourceHost) -> None:
    for attr, value in (("name", host.name), ("port", host.port), ("transport", host.transport)):
        if value is None:
            drop_attr(element, attr)
        elif element.get(attr) != str(value):
            element.set(attr, str(value))
