"""The topology reads libvirt XML only through the kvmgui.xml documents: no parser of its own."""

from __future__ import annotations

import ast
from pathlib import Path

TOPOLOGY = Path(__file__).resolve().parents[3] / "kvmgui" / "topology"


def _imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


def test_no_topology_module_imports_an_xml_parser() -> None:
    sources = sorted(TOPOLOGY.glob("*.py"))
    assert len(sources) > 10
    # (xml.sax.saxutils only escapes text for the SVG export; it parses nothing)
    parsers = ("lxml", "xml.etree", "xml.dom", "xml.parsers", "defusedxml")
    offending = {
        path.name: sorted(m for m in _imported_modules(path) if m.startswith(parsers))
        for path in sources
    }
    assert {name: found for name, found in offending.items() if found} == {}


def test_the_documents_module_reads_through_kvmgui_xml() -> None:
    assert "kvmgui.xml" in _imported_modules(TOPOLOGY / "documents.py")
