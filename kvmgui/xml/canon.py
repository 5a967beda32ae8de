"""Comparing XML: canonical bytes that ignore layout, and readable diffs."""

from __future__ import annotations

import copy
import difflib

from lxml import etree

from kvmgui.xml.tree import Element, parse_xml


def _without_layout(xml: str | bytes | Element) -> etree._ElementTree:
    """A copy whose whitespace-only text between elements is gone (layout, not content).

    Comments and processing instructions around the root element are kept with it.
    """
    if isinstance(xml, etree._Element):
        if xml.getparent() is None:
            document = copy.deepcopy(xml.getroottree())
        else:
            document = copy.deepcopy(xml).getroottree()
    else:
        document = parse_xml(xml).getroottree()
    root = document.getroot()
    for node in root.iter():
        if node.text is not None and not node.text.strip() and len(node):
            node.text = None
        if node.tail is not None and not node.tail.strip():
            node.tail = None
    for sibling in (*root.itersiblings(preceding=True), *root.itersiblings()):
        sibling.tail = None
    return document


def canonical(xml: str | bytes | Element) -> bytes:
    """C14N 2.0 of ``xml`` with layout whitespace removed.

    Attribute order, quoting, empty-element style, namespace declaration placement and
    pretty-printing do not matter; comments and every text value do.
    """
    return etree.tostring(_without_layout(xml), method="c14n2", with_comments=True)


def pretty_xml(xml: str | bytes | Element) -> str:
    """``xml`` re-indented by two spaces, attributes in their document order."""
    document = _without_layout(xml)
    etree.indent(document, space="  ")
    return etree.tostring(document, encoding="unicode") + "\n"


def xml_diff(old: str | bytes, new: str | bytes, *, context: int = 3) -> str:
    """Unified diff of the pretty-printed forms, attributes in document order.

    Returns "" when the two are canonically equal (layout or attribute order only).
    """
    if canonical(old) == canonical(new):
        return ""
    old_lines = pretty_xml(old).splitlines(keepends=True)
    new_lines = pretty_xml(new).splitlines(keepends=True)
    return "".join(difflib.unified_diff(old_lines, new_lines, "current", "new", n=context))
