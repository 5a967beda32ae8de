"""The stats layer stays importable without Qt or libvirt."""

import ast
from pathlib import Path

import kvmgui.stats

FORBIDDEN = ("PySide6", "libvirt", "libvirt_qemu", "pyqtgraph")


def test_stats_package_imports_neither_qt_nor_libvirt() -> None:
    package = Path(kvmgui.stats.__file__).parent
    offenders = []
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {name}" for name in names if name.split(".")[0] in FORBIDDEN
            ]
    assert offenders == []
    assert len(list(package.glob("*.py"))) > 5  # the glob really found the modules
