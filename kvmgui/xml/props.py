"""Typed, path-backed properties for ``XmlNode`` subclasses.

``Str("source@network")`` is the ``network`` attribute of the ``<source>`` child;
``Str("title")`` is the text of ``<title>``; ``Int("@port")`` an attribute of the node itself.

Setting a value equal to the current one changes nothing (so an editor may write back every
field it shows).  Setting None removes the attribute, or the text of a text element (and the
element when nothing else is left in it), then removes ancestors that a setter created and
that are now empty.

A stored text that does not parse (``<vcpu>two</vcpu>``, ``<memory unit='bogus'>``) reads
as None, so setting None is writing back what was read and keeps the text; a real value
replaces it.  ``del node.prop`` removes whatever is stored, parseable or not: that is how
an editor clears a field on the user's request.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, Self, TypeVar, overload

from kvmgui.xml.node import XmlNode
from kvmgui.xml.tree import Element, drop_attr, is_empty, make_element, split_attr
from kvmgui.xml.units import parse_int, parse_scaled

T = TypeVar("T")


class XmlProperty(Generic[T]):
    """Base descriptor: one value at ``element_path[@attribute]``."""

    def __init__(self, path: str, *, read_only: bool = False, owns_element: bool = False) -> None:
        self.element_path, self.attr = split_attr(path)
        self.read_only = read_only
        # For text values whose element's attributes only qualify the value (``<model
        # fallback=..>``): unsetting removes the element rather than just its text.
        self.owns_element = owns_element
        self.name = path

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.name = name

    @overload
    def __get__(self, node: None, owner: type[Any]) -> Self: ...

    @overload
    def __get__(self, node: XmlNode, owner: type[Any]) -> T | None: ...

    def __get__(self, node: XmlNode | None, owner: type[Any]) -> Self | T | None:
        if node is None:
            return self
        return self.read(node)

    def __set__(self, node: XmlNode, value: T | None) -> None:
        self._check_writable()
        if value is None:
            if not self.unparseable(node):
                self.unset(node)
            return
        if self.raw(node) is not None and self.read(node) == value:
            return
        self.write(node, node.ensure_element(self.element_path), value)

    def __delete__(self, node: XmlNode) -> None:
        """Remove the stored value even when it does not parse (an explicit clear)."""
        self._check_writable()
        self.unset(node)

    def _check_writable(self) -> None:
        if self.read_only:
            raise AttributeError(f"{self.name} is read-only")

    def unparseable(self, node: XmlNode) -> bool:
        """Something is stored but reads as None (bad text, bad unit, empty element)."""
        return self.raw(node) is not None and self.read(node) is None

    # -- override points ------------------------------------------------------------------

    def read(self, node: XmlNode) -> T | None:
        raw = self.raw(node)
        return None if raw is None else self.parse(raw)

    def parse(self, text: str) -> T | None:
        raise NotImplementedError

    def format(self, value: T) -> str:
        raise NotImplementedError

    def write(self, node: XmlNode, element: Element, value: T) -> None:
        self.store(element, self.format(value))

    # -- helpers --------------------------------------------------------------------------

    def raw(self, node: XmlNode) -> str | None:
        """The stored text ("" for an empty text element), or None when absent."""
        element = node.find_element(self.element_path)
        if element is None:
            return None
        if self.attr is not None:
            return element.get(self.attr)
        return element.text or ""

    def store(self, element: Element, text: str) -> None:
        if self.attr is not None:
            element.set(self.attr, text)
        else:
            element.text = text

    def unset(self, node: XmlNode, *, extra_attrs: Sequence[str] = ()) -> None:
        element = node.find_element(self.element_path)
        if element is None:
            return
        for attr in (self.attr, *extra_attrs) if self.attr else extra_attrs:
            drop_attr(element, attr)
        if self.attr is None:
            element.text = None
            if element is not node.element and (self.owns_element or is_empty(element)):
                node.remove_element(element)
                return
        node.prune_element(element)


class Str(XmlProperty[str]):
    def parse(self, text: str) -> str:
        return text

    def format(self, value: str) -> str:
        return value


class Int(XmlProperty[int]):
    """An integer; text that is not one reads as None (``validate`` reports what matters)."""

    def parse(self, text: str) -> int | None:
        return parse_int(text)

    def format(self, value: int) -> str:
        return str(int(value))


class Bool(XmlProperty[bool]):
    """``yes``/``no`` (or another pair, e.g. ``on``/``off``)."""

    def __init__(self, path: str, *, true: str = "yes", false: str = "no", read_only: bool = False):
        super().__init__(path, read_only=read_only)
        self.true = true
        self.false = false

    def parse(self, text: str) -> bool | None:
        return {self.true: True, self.false: False}.get(text.strip())

    def format(self, value: bool) -> str:
        return self.true if value else self.false


class Size(XmlProperty[int]):
    """A size with libvirt's ``unit=`` attribute, read as ``out_unit`` and written in it."""

    def __init__(self, path: str, *, default_unit: str, out_unit: str, read_only: bool = False):
        super().__init__(path, read_only=read_only)
        self.default_unit = default_unit
        self.out_unit = out_unit

    def read(self, node: XmlNode) -> int | None:
        element = node.find_element(self.element_path)
        if element is None:
            return None
        return parse_scaled(element.text, element.get("unit"), self.default_unit, self.out_unit)

    def format(self, value: int) -> str:
        return str(int(value))

    def write(self, node: XmlNode, element: Element, value: int) -> None:
        element.text = self.format(value)
        element.set("unit", self.out_unit)

    def unset(self, node: XmlNode, *, extra_attrs: Sequence[str] = ()) -> None:
        super().unset(node, extra_attrs=("unit", *extra_attrs))

    def stored(self, node: XmlNode) -> tuple[str, str | None] | None:
        """The number's text and the ``unit`` as written (None when absent), for messages."""
        element = node.find_element(self.element_path)
        return None if element is None else (element.text or "", element.get("unit"))


class Flag:
    """True when the element exists (``<readonly/>``); True creates it, False removes it."""

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only

    @overload
    def __get__(self, node: None, owner: type[Any]) -> Self: ...

    @overload
    def __get__(self, node: XmlNode, owner: type[Any]) -> bool: ...

    def __get__(self, node: XmlNode | None, owner: type[Any]) -> Self | bool:
        if node is None:
            return self
        return node.find_element(self.path) is not None

    def __set__(self, node: XmlNode, value: bool | None) -> None:
        if self.read_only:
            raise AttributeError(f"{self.path} is read-only")
        element = node.find_element(self.path)
        if value and element is None:
            node.ensure_element(self.path)
        elif not value and element is not None:
            node.remove_element(element)


class StrList:
    """All values at ``path`` (e.g. ``"os/boot@dev"``), written position by position.

    Assigning a list rewrites values in place, removes surplus elements and appends missing
    ones, so unchanged entries keep their other attributes.  Elements without the attribute
    are not values (the getter skips them) and are left alone.
    """

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        self.element_path, self.attr = split_attr(path)
        self.read_only = read_only

    @overload
    def __get__(self, node: None, owner: type[Any]) -> Self: ...

    @overload
    def __get__(self, node: XmlNode, owner: type[Any]) -> list[str]: ...

    def __get__(self, node: XmlNode | None, owner: type[Any]) -> Self | list[str]:
        if node is None:
            return self
        values = (self._read(e) for e in node.find_elements(self.element_path))
        return [v for v in values if v is not None]

    def __set__(self, node: XmlNode, values: Sequence[str] | None) -> None:
        if self.read_only:
            raise AttributeError(f"{self.element_path} is read-only")
        wanted = list(values or ())
        existing = [e for e in node.find_elements(self.element_path) if self._read(e) is not None]
        for element, value in zip(existing, wanted, strict=False):
            if self._read(element) != value:
                self._write(element, value)
        for element in existing[len(wanted) :]:
            node.remove_element(element)
        parent_path, _, tag = self.element_path.rpartition("/")
        for value in wanted[len(existing) :]:
            element = make_element(tag)
            self._write(element, value)
            node.append_element(parent_path, element)

    def _read(self, element: Element) -> str | None:
        return element.get(self.attr) if self.attr else (element.text or "")

    def _write(self, element: Element, value: str) -> None:
        if self.attr:
            element.set(self.attr, value)
        else:
            element.text = value
