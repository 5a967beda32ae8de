"""The guest OS id that virt-install, virt-manager and our wizard keep in a domain's metadata.

``<metadata><libosinfo:libosinfo xmlns:libosinfo=..><libosinfo:os id='http://debian.org/..'/>``
lets other tools recognise the guest. The path tools of ``tree`` know no namespaces, hence
this small descriptor of its own.
"""

from __future__ import annotations

from typing import Any, Self, overload

from lxml import etree

from kvmgui.xml.node import XmlNode
from kvmgui.xml.tree import Element

LIBOSINFO_NS = "http://libosinfo.org/xmlns/libvirt/domain/1.0"
_LIBOSINFO = f"{{{LIBOSINFO_NS}}}libosinfo"
_OS = f"{{{LIBOSINFO_NS}}}os"


class LibosinfoOs:
    """The recorded OS id, None when there is none; None removes it (and what a setter made)."""

    @overload
    def __get__(self, node: None, owner: type[Any]) -> Self: ...

    @overload
    def __get__(self, node: XmlNode, owner: type[Any]) -> str | None: ...

    def __get__(self, node: XmlNode | None, owner: type[Any]) -> Self | str | None:
        if node is None:
            return self
        element = _os_element(node)
        return None if element is None else element.get("id")

    def __set__(self, node: XmlNode, os_id: str | None) -> None:
        element = _os_element(node)
        if os_id is None:
            if element is not None:
                node.remove_element(element)
            return
        if element is None:
            info = _info_element(node)
            if info is None:
                info = etree.Element(_LIBOSINFO, nsmap={"libosinfo": LIBOSINFO_NS})
                element = etree.SubElement(info, _OS)
                node.append_element("metadata", info)
            else:
                element = etree.SubElement(info, _OS)  # a loaded wrapper without an OS
        if element.get("id") != os_id:
            element.set("id", os_id)


def _info_element(node: XmlNode) -> Element | None:
    metadata = node.find_element("metadata")
    return metadata.find(_LIBOSINFO) if metadata is not None else None


def _os_element(node: XmlNode) -> Element | None:
    info = _info_element(node)
    return info.find(_OS) if info is not None else None
