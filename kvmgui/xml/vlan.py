"""``<vlan>`` settings, shared by networks, portgroups and domain interfaces."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from kvmgui.xml.node import XmlNode
from kvmgui.xml.props import Bool
from kvmgui.xml.tree import ChildOrder, Element, make_element
from kvmgui.xml.units import parse_int


class Vlan(XmlNode):
    """The ``<vlan>`` child of the wrapped element (a view over the owner, not over <vlan>).

    ``tags`` behaves like a set kept in document order: assigning keeps the ``<tag>`` elements
    of ids that stay (with their ``nativeMode``), drops the others and appends new ids.
    Assigning an empty list removes the whole ``<vlan>`` element: VLAN settings without a tag
    mean nothing to libvirt.  Writing back what was read changes nothing: a None in the list
    (an id that does not parse) keeps such a tag, an id repeated in the document stays as
    often as the list repeats it, and a ``<vlan>`` without tags (read as []) stays; ``del
    tags`` removes the ``<vlan>`` element whatever it holds (how an editor clears it).
    """

    CHILD_ORDER: ClassVar[ChildOrder] = {"vlan": ("tag",)}

    trunk = Bool("vlan@trunk")

    @property
    def tags(self) -> list[int | None]:
        """VLAN ids in document order (None for an id that is not a number)."""
        return [_tag_id(element.get("id")) for element in self.find_elements("vlan/tag")]

    @tags.setter
    def tags(self, wanted: Sequence[int | None]) -> None:
        if not wanted:
            if self.find_elements("vlan/tag"):
                del self.tags
            return  # a <vlan> without tags was read as [] and stays (``del`` removes it)
        # How many <tag> elements of each id stay (None: ids that do not parse).
        keep = Counter(None if tag is None else int(tag) for tag in wanted)
        for element in self.find_elements("vlan/tag"):
            tag = _tag_id(element.get("id"))
            if keep[tag] > 0:
                keep[tag] -= 1
            else:
                self.remove_element(element)
        added: set[int] = set()
        for tag in wanted:  # new ids, each once: the list is a set to the user
            if tag is not None and keep[int(tag)] > 0 and int(tag) not in added:
                added.add(int(tag))
                self.append_element("vlan", make_element("tag", id=str(int(tag))))

    @tags.deleter
    def tags(self) -> None:
        """Remove the whole ``<vlan>`` element, whatever it holds."""
        vlan = self.find_element("vlan")
        if vlan is not None:
            self.remove_element(vlan)

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
    return None if text is None else parse_int(text)
