"""Base classes: a wrapper around one lxml element, and a whole editable document."""

from __future__ import annotations

from collections import ChainMap
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar, Self, TypeVar

from lxml import etree

from kvmgui.xml import tree
from kvmgui.xml.tree import ChildOrder, Created, Element, Step

if TYPE_CHECKING:
    from kvmgui.xml.problems import Problem

NodeT = TypeVar("NodeT", bound="XmlNode")


@lru_cache(maxsize=512)
def steps_of(path: str) -> tuple[Step, ...]:
    return tree.parse_steps(path)


class Tracker:
    """Elements created by setters of one document.

    Unsetting a property prunes empty ancestors only when they are in here, so elements
    that came with the loaded XML are never removed as a side effect.
    """

    def __init__(self) -> None:
        self.created: Created = {}

    def adopt(self, other: Tracker) -> None:
        self.created.update(other.created)


class XmlNode:
    """A view over one element; typed properties (see ``props``) read and write through it.

    Views are cheap and may be created many times for the same element: two views of the
    same class are equal when they wrap the same element.
    """

    # Where to put new children, per parent tag (see ``tree.insert_child``).
    CHILD_ORDER: ClassVar[ChildOrder] = {}

    def __init__(
        self, element: Element, tracker: Tracker | None = None, order: ChildOrder | None = None
    ) -> None:
        self._element = element
        self._tracker = tracker if tracker is not None else Tracker()
        # A view over its owner's element (like ``Vlan``) also needs the owner's order.
        self._order: ChildOrder = (
            ChainMap(dict(self.CHILD_ORDER), dict(order)) if order else self.CHILD_ORDER
        )

    @property
    def element(self) -> Element:
        """The underlying lxml element, for generic access to anything not typed here."""
        return self._element

    @property
    def tag(self) -> str:
        return etree.QName(self._element).localname

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._element is self._element

    def __hash__(self) -> int:
        return id(self._element)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.tag}>"

    # -- primitives shared by the property descriptors and subclasses --------------------

    def find_element(self, path: str) -> Element | None:
        return tree.find(self._element, steps_of(path))

    def find_elements(self, path: str) -> list[Element]:
        return tree.find_all(self._element, steps_of(path))

    def ensure_element(self, path: str) -> Element:
        return tree.ensure(self._element, steps_of(path), self._order, self._tracker.created)

    def prune_element(self, element: Element) -> None:
        """Drop ``element`` and its ancestors if they are empty and were created by a setter."""
        tree.prune(element, self._element, self._tracker.created)

    def remove_element(self, element: Element) -> None:
        """Remove ``element`` (whatever its origin), then prune ancestors we created."""
        parent = element.getparent()
        tree.remove(element)
        self._tracker.created.pop(element, None)
        if parent is not None:
            self.prune_element(parent)

    def append_element(self, parent_path: str, element: Element) -> None:
        """Insert a new ``element`` under ``parent_path`` (created if missing), in order."""
        parent = self.ensure_element(parent_path)
        tree.insert_child(parent, element, self._order.get(etree.QName(parent).localname, ()))
        created = self._tracker.created
        for descendant in element.iter():
            created.setdefault(descendant, ())

    def wrap(self, cls: type[NodeT], element: Element) -> NodeT:
        """A view of ``element`` sharing this document's tracker."""
        return cls(element, self._tracker)

    def view(self, cls: type[NodeT]) -> NodeT:
        """A view of this same element through ``cls`` (for grouped settings like VLANs)."""
        return cls(self._element, self._tracker, self._order)

    def wrap_all(self, cls: type[NodeT], path: str) -> list[NodeT]:
        return [cls(element, self._tracker) for element in self.find_elements(path)]


class XmlDocument(XmlNode):
    """A whole libvirt XML document (its root element)."""

    ROOT_TAG: ClassVar[str] = ""

    @classmethod
    def from_xml(cls, xml: str | bytes) -> Self:
        root = tree.parse_xml(xml)
        if root.tag != cls.ROOT_TAG:
            raise ValueError(f"expected a <{cls.ROOT_TAG}> document, got <{root.tag}>")
        return cls(root)

    def to_xml(self) -> str:
        """The document as a string: as loaded (without the XML declaration) plus the edits."""
        if self._element.getparent() is None:
            # The tree form keeps comments and processing instructions around the root.
            return etree.tostring(self._element.getroottree(), encoding="unicode")
        return etree.tostring(self._element, encoding="unicode", with_tail=False)

    def validate(self) -> list[Problem]:
        raise NotImplementedError
