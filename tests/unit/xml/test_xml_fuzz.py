"""Fuzzing the XML layer: real libvirt XML, mutated, must never break the documents' promises.

Each example takes one definition from the corpus (tests/unit/xml/data, the objects of
resources/demo-host.xml), changes attribute values and texts to random or hostile strings,
drops attributes and elements, duplicates elements, and sometimes splices raw text into the
serialised XML.  Then:

* ``from_xml`` loads it or raises what the layer documents (``XmlSyntaxError`` for text that
  is not well-formed, ``ValueError`` for a wrong root element);
* every getter of the document and of its devices, IPs, portgroups, ... returns;
* ``validate()`` (and the pool rules of ``storage_checks``) returns problems, never raises;
* ``to_xml()`` loads again into the same document;
* writing back every value read (getter -> setter for every writable property) leaves the
  document canonically identical.

The budget is fixed and the examples derandomised, so a run is repeatable and CI-friendly.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kvmgui.xml import (
    Domain,
    HostInterface,
    Network,
    Pool,
    Problem,
    Volume,
    XmlSyntaxError,
    canonical,
    xml_diff,
)
from kvmgui.xml.hosts import HostList
from kvmgui.xml.libosinfo import LibosinfoOs
from kvmgui.xml.node import XmlDocument, XmlNode
from kvmgui.xml.props import Flag, StrList, XmlProperty
from kvmgui.xml.storage_checks import pool_problems
from kvmgui.xml.tree import parse_xml
from xml_helpers import DATA, GOLDEN, ROUNDTRIP, every_node

DEMO_HOST = Path(__file__).resolve().parents[3] / "resources" / "demo-host.xml"
CLASSES: dict[str, type[XmlDocument]] = {
    "domain": Domain, "network": Network, "pool": Pool, "volume": Volume,
    "interface": HostInterface,
}
FUZZ = settings(max_examples=1000, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Values that have broken parsers before: numbers libvirt refuses but int() takes, units,
# yes/no words, sizes past 64 bits, markup, format fields, right-to-left marks.
HOSTILE = (
    "", " ", "0", "-1", "+1", " 7 ", "1_0", "\u0663", "0x1f", "1e3", "1.5", "4095", "65536",
    "99999999", "18446744073709551616", "9" * 5000, "bogus", "KiB", "EiB", "kb", "b", "bytes",
    "yes", "no", "on", "off", "maybe", "YES", "<b>x</b>", "&amp;", "{name}", "{0}", "%s",
    "a/b", "../../etc/passwd", "52:54:00:00:00:01", "ff:ff:ff:ff:ff:ff", "192.168.1.1",
    "::1", "10.0.0.1/33", "\u202eevil", "\u00e9t\u00e9", "a\tb", "a\nb",
)
# Raw text spliced into the serialised XML: most of it makes the XML malformed.
SPLICES = ("<", "&", "&e;", "]]>", "<!--", "\x00", "</x>", '"', "'", "<domain>",
           "<!DOCTYPE x [<!ENTITY e 'entity'>]>", "<?xml version='1.0' encoding='latin1'?>")


def _seed_objects() -> list[tuple[type[XmlDocument], bytes]]:
    seeds = []
    for path in sorted(ROUNDTRIP.glob("*.xml")) + sorted(GOLDEN.glob("*-in.xml")):
        root = parse_xml(path.read_bytes())
        seeds.append((CLASSES[str(root.tag)], path.read_bytes()))
    for node_file in (DATA / "node-testdriver-sample.xml", DEMO_HOST):
        if not node_file.exists():
            continue
        for child in parse_xml(node_file.read_bytes()).iterchildren(*CLASSES):
            seeds.append((CLASSES[str(child.tag)], etree.tostring(child)))
            for volume in child.iterchildren("volume"):
                seeds.append((Volume, etree.tostring(volume)))
    return seeds


SEEDS = _seed_objects()

values = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(exclude_categories=("Cs", "Cc", "Cn")), max_size=12),
)


@st.composite
def mutated_xml(draw: st.DrawFn) -> tuple[type[XmlDocument], bytes]:
    """A seed with one to five mutations, serialised (then possibly spliced)."""
    cls, xml = draw(st.sampled_from(SEEDS))
    root = parse_xml(xml)
    for _ in range(draw(st.integers(1, 5))):
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        element = elements[draw(st.integers(0, len(elements) - 1))]
        operation = draw(st.sampled_from(("attribute", "attribute", "text", "drop attribute",
                                          "drop", "duplicate")))
        _mutate(draw, element, operation)
    text = etree.tostring(root)
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(SPLICES)).encode() + text[at:]
    return cls, text


def _mutate(draw: st.DrawFn, element: Any, operation: str) -> None:
    names = sorted(element.attrib)
    try:
        if operation == "attribute" and names:
            element.set(draw(st.sampled_from(names)), draw(values))
        elif operation == "text":
            element.text = draw(values)
        elif operation == "drop attribute" and names:
            del element.attrib[draw(st.sampled_from(names))]
        elif operation == "drop" and element.getparent() is not None:
            element.getparent().remove(element)
        elif operation == "duplicate" and element.getparent() is not None:
            element.addnext(copy.deepcopy(element))
    except ValueError:
        pass  # lxml refuses text that XML cannot hold: that mutation does not happen


def _accessors(node: XmlNode) -> dict[str, bool]:
    """Every typed value of ``node``'s class: name -> whether it can be assigned."""
    found: dict[str, bool] = {}
    for cls in reversed(type(node).__mro__):
        for name, attribute in vars(cls).items():
            if isinstance(attribute, (XmlProperty, Flag, StrList)):
                found[name] = not attribute.read_only
            elif isinstance(attribute, (HostList, LibosinfoOs)):
                found[name] = True
            elif isinstance(attribute, property) and not name.startswith("_"):
                found[name] = attribute.fset is not None
    return found


def _load(cls: type[XmlDocument], xml: bytes) -> XmlDocument | None:
    try:
        return cls.from_xml(xml)
    except (XmlSyntaxError, ValueError):
        return None  # documented: not well-formed, or not this kind of document


def _problems(document: XmlDocument) -> list[Problem]:
    if isinstance(document, Domain):
        return document.validate(host_memory_kib=8 * 1024**2) + document.validate()
    if isinstance(document, Pool):
        return pool_problems(document)
    return document.validate()


def test_seed_corpus_covers_every_document_kind() -> None:
    assert {cls for cls, _ in SEEDS} == set(CLASSES.values())
    assert len(SEEDS) >= 40


@FUZZ
@given(mutated_xml())
def test_mutated_xml_keeps_the_documents_promises(case: tuple[type[XmlDocument], bytes]) -> None:
    cls, xml = case
    document = _load(cls, xml)
    if document is None:
        return
    loaded = canonical(document.to_xml())

    for node in every_node(document):
        for name in _accessors(node):
            getattr(node, name)
    if isinstance(document, Domain):
        document.boot_order()
        for device in document.devices:
            device.to_xml()

    problems = _problems(document)
    assert all(isinstance(p, Problem) and p.message for p in problems)

    reloaded = cls.from_xml(document.to_xml())
    assert canonical(reloaded.to_xml()) == loaded

    for node in every_node(document):
        for name, writable in _accessors(node).items():
            if writable:
                setattr(node, name, getattr(node, name))
    assert canonical(document.to_xml()) == loaded, xml_diff(xml, document.to_xml())
