"""The pure layers (xml, topology, stats) must not import Qt or libvirt.

Checked two ways: statically (every import statement and ``import_module``/``__import__``
call with a literal name, read with ``ast``) and at run time (importing the packages in a
fresh interpreter must not load those modules).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
PURE_PACKAGES = ("kvmgui/xml", "kvmgui/topology", "kvmgui/stats")
FORBIDDEN = {
    "PySide6", "shiboken6", "PyQt5", "PyQt6", "pyqtgraph",  # Qt, directly or through a library
    "libvirt", "libvirt_qemu", "libvirt_lxc", "libvirtaio",  # only kvmgui/virt talks to libvirt
}


def forbidden_imports(source: str, filename: str = "<source>") -> list[str]:
    """``"line: module"`` for every forbidden import in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func) and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names = [first.value]
        line = getattr(node, "lineno", 0)
        found += [f"{line}: {name}" for name in names if name.split(".")[0] in FORBIDDEN]
    return found


def _is_dynamic_import(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in ("__import__", "import_module")
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def _pure_sources() -> list[Path]:
    return sorted(p for package in PURE_PACKAGES for p in (REPO / package).rglob("*.py"))


@pytest.mark.parametrize(
    "snippet",
    [
        "import PySide6",
        "from PySide6.QtCore import QObject",
        "import os, libvirt",
        "import libvirt_qemu as q",
        "def f():\n    import pyqtgraph\n",
        "import importlib\nimportlib.import_module('PySide6.QtWidgets')",
        "__import__('libvirt')",
    ],
)
def test_checker_catches_forbidden_imports(snippet: str) -> None:
    assert forbidden_imports(snippet) != []


def test_checker_allows_lookalikes() -> None:
    assert forbidden_imports("import lxml.etree\nfrom kvmgui.xml import libvirt_names\n"
                             "from . import libvirt\nimport PySide6_helpers") == []


def test_pure_packages_exist() -> None:
    assert (REPO / "kvmgui/xml/__init__.py").exists()
    assert any(p.parent.name == "xml" for p in _pure_sources())


@pytest.mark.parametrize("path", _pure_sources(), ids=lambda p: str(p.relative_to(REPO)))
def test_pure_module_has_no_forbidden_imports(path: Path) -> None:
    assert forbidden_imports(path.read_text(encoding="utf-8"), str(path)) == []


def test_importing_pure_packages_loads_no_qt_or_libvirt() -> None:
    modules = [str(p.relative_to(REPO).with_suffix("")).replace("/", ".") for p in _pure_sources()]
    modules = [m.removesuffix(".__init__") for m in modules]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(FORBIDDEN)!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
