"""canonical(), pretty_xml() and xml_diff()."""

from __future__ import annotations

from kvmgui.xml import Domain, canonical, pretty_xml, xml_diff

COMPACT = "<domain type='kvm' id='1'><name>a</name><devices><disk type='file'/></devices></domain>"
PRETTY = """<?xml version="1.0"?>
<domain id="1"
        type="kvm">
    <name>a</name>
    <devices>
        <disk type="file"></disk>
    </devices>
</domain>
"""


def test_canonical_ignores_layout_quotes_attribute_order_and_declaration() -> None:
    assert canonical(COMPACT) == canonical(PRETTY) == canonical(PRETTY.encode())


def test_canonical_sees_content_changes() -> None:
    assert canonical(COMPACT) != canonical(COMPACT.replace(">a<", ">b<"))
    assert canonical(COMPACT) != canonical(COMPACT.replace("id='1'", "id='2'"))
    assert canonical(COMPACT) != canonical(COMPACT.replace("<name>", "<!-- c --><name>"))
    # Whitespace inside a text value is content, not layout.
    assert canonical(COMPACT) != canonical(COMPACT.replace(">a<", "> a <"))


def test_canonical_accepts_elements_and_keeps_namespaces() -> None:
    xml = ("<domain xmlns:q='http://libvirt.org/schemas/domain/qemu/1.0'><q:commandline>"
           "<q:arg value='-s'/></q:commandline></domain>")
    dom = Domain.from_xml(xml)
    assert canonical(dom.element) == canonical(xml)
    assert b"http://libvirt.org/schemas/domain/qemu/1.0" in canonical(xml)


def test_pretty_xml_indents_two_spaces() -> None:
    assert pretty_xml(COMPACT) == (
        '<domain type="kvm" id="1">\n'
        "  <name>a</name>\n"
        "  <devices>\n"
        '    <disk type="file"/>\n'
        "  </devices>\n"
        "</domain>\n"
    )


def test_xml_diff_is_empty_for_layout_only_changes() -> None:
    assert xml_diff(COMPACT, PRETTY) == ""


def test_xml_diff_shows_the_change_as_a_unified_diff() -> None:
    diff = xml_diff(COMPACT, COMPACT.replace("<name>a</name>", "<name>b</name>"))
    lines = diff.splitlines()
    assert lines[:2] == ["--- current", "+++ new"]
    assert "-  <name>a</name>" in lines and "+  <name>b</name>" in lines
    assert sum(1 for line in lines if line[:1] in "+-" and line[:3] not in ("---", "+++")) == 2
