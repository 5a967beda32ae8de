"""``<vlan>`` settings, shared by networks, portgroups and domain interfaces."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from kvmgui.xml.node import XmlNode
from kvmgui.xml.props import Bool
from kvmgui.xml.tree import ChildOrder, Element, make_element


class Vlan(XmlNode):
    """The ``<vlan>`` child of the wrapped element (a view over the owner, not over <vlan>).

    ``tags`` behaves like a set kept in document order: assigning keeps the ``<tag>`` elements
    of ids that stay (with their ``nativeMode``), drops the others and appends new ids.
    Assigning an empty list removes the whole ``<vlan>`` element: VLAN settings without a tag
    mean nothing to libvirt.
    """

    CHILD_ORDER: ClassVar[ChildOrder] = {"vlan": ("tag",)}

    trunk = Bool("vlan@trunk")

    @property
    def tags(self) -> list[int | None]:
        """VLAN ids in document order (None for an id that is not a number)."""
        return [_tag_id(element.get("id")) for element in self.find_elements("vlan/tag")]

    @tags.setter
    def tags(self, wanted: Sequence[int]) -> None:
        vlan = self.find_element("vlan")
        if not wanted:
            if vlan is not None:
                self.remove_element(vlan)
            return
        keep = {int(tag) for tag in wanted}
        existing = self.find_elements("vlan/tag")
        present: set[int] = set()
        for element in existing:
            tag = _tag_id(element.get("id"))
            if tag in keep and tag not in present:
                present.add(tag)
            else:
                self.remove_element(element)
        for tag in wanted:
            if int(tag) not in present:
                present.add(int(tag))
                self.append_element("vlan", make_element("tag", id=str(int(tag))))

    @property
    def native_tag(self) -> int | None:
        """The id whose traffic is sent untagged/tagged on a trunk (``nativeMode``), if any."""
        element = self._native_element()
        return None if element is None else _tag_id(element.get("id"))

    @property
    def native_mode(self) -> str | None:
        """``"untagged"`` or ``"tagged"`` for ``native_tag``; None when no tag is native."""
        element = self._native_element()
        return None if element is None else element.get("nativeMode")

    def set_native(self, tag: int | None, mode: str | None = "untagged") -> None:
        """Make ``tag`` (already in ``tags``) the native VLAN, or clear it with None."""
        target = None
        if tag is not None and mode is not None:
            matches = [e for e in self.find_elements("vlan/tag") if _tag_id(e.get("id")) == tag]
            if not matches:
                raise ValueError(f"VLAN {tag} is not one of the tags {self.tags}")
            target = matches[0]
        for element in self.find_elements("vlan/tag"):
            if element is not target and "nativeMode" in element.attrib:
                del element.attrib["nativeMode"]
        if target is not None and mode is not None:
            target.set("nativeMode", mode)

    def _native_element(self) -> Element | None:
        for element in self.find_elements("vlan/tag"):
            if element.get("nativeMode") is not None:
                return element
        return None


def _tag_id(text: str | None) -> int | None:
    try:
        return None if text is None else int(text.strip())
    except ValueError:
        return None
