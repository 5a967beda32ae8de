"""Element-level helpers: safe parsing, simple paths, and edits that keep the layout tidy.

Paths are a tiny XPath subset so that setters can create what is missing:
``"cpu/topology"`` (child elements), ``"listen[@type='address']"`` (a child with a fixed
attribute, which is set when the child is created).  Attributes are handled by the callers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

Element = etree._Element

# What parsing raises for text that is not well-formed XML, named here so that layers above
# can catch it without importing lxml (a wrong root element is a ValueError instead).
XmlSyntaxError = etree.XMLSyntaxError

# Child order per parent tag, used only to place newly created elements where libvirt
# itself would write them (so diffs look natural and schema-order parents stay valid).
ChildOrder = Mapping[str, Sequence[str]]

# Elements created by setters, each with the attributes that only identify it (set from a
# path predicate such as ``listen[@type='socket']``); those do not keep it from being pruned.
Created = dict[Element, tuple[str, ...]]

_SEGMENT = re.compile(r"^(?P<tag>[A-Za-z_][\w.-]*)(?:\[@(?P<attr>[\w-]+)='(?P<value>[^']*)'\])?$")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass(frozen=True)
class Step:
    """One path segment: a child tag, optionally with one required attribute value."""

    tag: str
    attr: str | None = None
    value: str | None = None

    def matches(self, element: Element) -> bool:
        return self.attr is None or element.get(self.attr) == self.value


def parse_steps(path: str) -> tuple[Step, ...]:
    """Split ``"a/b[@x='y']"`` into steps; ``""`` or ``"."`` is the element itself."""
    if path in ("", "."):
        return ()
    steps = []
    for segment in path.split("/"):
        match = _SEGMENT.match(segment)
        if match is None:
            raise ValueError(f"unsupported path segment {segment!r} in {path!r}")
        steps.append(Step(match["tag"], match["attr"], match["value"]))
    return tuple(steps)


def split_attr(path: str) -> tuple[str, str | None]:
    """``"a/b[@x='y']@attr"`` -> ``("a/b[@x='y']", "attr")``; no attribute gives None."""
    depth = 0
    for index in range(len(path) - 1, -1, -1):
        char = path[index]
        if char == "]":
            depth += 1
        elif char == "[":
            depth -= 1
        elif char == "@" and depth == 0:
            return path[:index], path[index + 1 :] or None
    return path, None


def parse_xml(xml: str | bytes) -> Element:
    """Parse untrusted XML (it may come from a remote host) without entities or network."""
    if isinstance(xml, str):
        # A str has no byte encoding left; lxml refuses one that still declares it.
        xml = _XML_DECLARATION.sub("", xml, count=1).encode("utf-8")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(xml, parser)


def make_element(tag: str, **attrs: str) -> Element:
    """A new detached element."""
    return etree.Element(tag, attrs)


def drop_attr(element: Element, name: str) -> None:
    """Remove attribute ``name`` if present."""
    if name in element.attrib:
        del element.attrib[name]


def child_elements(parent: Element, step: Step) -> Iterator[Element]:
    """Element children matching ``step`` (comments and processing instructions skipped)."""
    for child in parent.iterchildren(step.tag):
        if step.matches(child):
            yield child


def find(element: Element, steps: Sequence[Step]) -> Element | None:
    """The first element along ``steps``, or None when any step is missing."""
    current: Element | None = element
    for step in steps:
        assert current is not None
        current = next(child_elements(current, step), None)
        if current is None:
            return None
    return current


def find_all(element: Element, steps: Sequence[Step]) -> list[Element]:
    """Every element matching the last step under the first match of the earlier steps."""
    if not steps:
        return [element]
    parent = find(element, steps[:-1])
    if parent is None:
        return []
    return list(child_elements(parent, steps[-1]))


def ensure(
    element: Element, steps: Sequence[Step], order: ChildOrder, created: Created
) -> Element:
    """Find the element along ``steps``, creating missing ones (recorded in ``created``)."""
    current = element
    for step in steps:
        found = next(child_elements(current, step), None)
        if found is None:
            found = new_child(current, step.tag, order)
            identity: tuple[str, ...] = ()
            if step.attr is not None and step.value is not None:
                found.set(step.attr, step.value)
                identity = (step.attr,)
            created[found] = identity
        current = found
    return current


def new_child(parent: Element, tag: str, order: ChildOrder) -> Element:
    """Create ``<tag/>`` under ``parent`` at its ordered position."""
    child = etree.Element(tag)
    insert_child(parent, child, order.get(_local_tag(parent), ()))
    return child


def insert_child(parent: Element, child: Element, order: Sequence[str]) -> None:
    """Insert ``child`` after the last sibling that ``order`` puts before it (or append)."""
    elements = [c for c in parent if isinstance(c.tag, str)]
    rank = {tag: i for i, tag in enumerate(order)}
    previous: Element | None = None
    following: Element | None = None
    if child.tag in rank:
        mine = rank[str(child.tag)]
        for sibling in elements:
            theirs = rank.get(_local_tag(sibling))
            if theirs is None:
                continue
            if theirs <= mine:
                previous = sibling
            elif following is None:
                following = sibling
    if previous is None and following is None and elements:
        previous = elements[-1]
    if previous is not None:
        _insert_after(parent, previous, child)
    elif following is not None:
        _insert_before(parent, following, child)
    else:
        _insert_only(parent, child)


def remove(element: Element) -> None:
    """Detach ``element`` while keeping the indentation of what remains."""
    parent = element.getparent()
    if parent is None:
        raise ValueError("cannot remove the root element")
    if element.getnext() is None:
        # Our tail holds the parent's closing indentation; hand it to whoever is now last.
        previous = element.getprevious()
        if previous is not None:
            previous.tail = element.tail
        elif len(parent) == 1:
            parent.text = None if _is_blank(parent.text) else parent.text
    parent.remove(element)


def is_empty(element: Element, ignored_attrs: Sequence[str] = ()) -> bool:
    """No attributes (besides ``ignored_attrs``), no children of any kind, no non-blank text."""
    attrs = [name for name in element.attrib if name not in ignored_attrs]
    return not attrs and len(element) == 0 and _is_blank(element.text)


def prune(element: Element, stop: Element, created: Created) -> None:
    """Remove ``element`` and its ancestors below ``stop`` while created by us and empty."""
    current: Element | None = element
    while current is not None and current is not stop and current in created:
        if not is_empty(current, created[current]):
            return
        parent = current.getparent()
        remove(current)
        del created[current]
        current = parent


def _local_tag(element: Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _is_blank(text: str | None) -> bool:
    return text is None or not text.strip()


def _indent_before(node: Element) -> str | None:
    """Whitespace written before ``node``, when the document is pretty-printed."""
    previous = node.getprevious()
    text = previous.tail if previous is not None else _parent_text(node)
    if text is not None and "\n" in text and not text.strip():
        return text
    return None


def _parent_text(node: Element) -> str | None:
    parent = node.getparent()
    return parent.text if parent is not None else None


def _insert_after(parent: Element, previous: Element, child: Element) -> None:
    indent = _indent_before(previous)
    previous.addnext(child)
    if indent is not None:
        child.tail = previous.tail
        previous.tail = indent
        _reindent(child, indent)
    # Compact documents: previous keeps its tail and child goes after it, nothing to adjust.


def _insert_before(parent: Element, following: Element, child: Element) -> None:
    indent = _indent_before(following)
    following.addprevious(child)
    child.tail = indent
    if indent is not None:
        _reindent(child, indent)


def _insert_only(parent: Element, child: Element) -> None:
    """Append to a parent without element children (it may still hold comments)."""
    outer = _indent_before(parent) if parent.getparent() is not None else "\n"
    pretty = outer is not None and len(parent) == 0 and _is_blank(parent.text)
    parent.append(child)
    if pretty:
        assert outer is not None
        parent.text = outer + "  "
        child.tail = outer
        _reindent(child, parent.text)


def _reindent(child: Element, indent: str) -> None:
    """Lay out a multi-element subtree built elsewhere at the depth it now sits."""
    spaces = indent.rsplit("\n", 1)[-1]
    laid_out = child.text is not None and "\n" in child.text and not child.text.strip()
    if len(child) and laid_out and not spaces.strip(" "):
        etree.indent(child, space="  ", level=len(spaces) // 2)
