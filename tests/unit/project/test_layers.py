"""The layer map: `lint-imports` checks every static import against the contracts in
pyproject.toml; this adds what a static check cannot see, the modules a pure layer really loads.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
PURE_LAYERS = ("core", "xml", "topology", "stats", "logic", "rfb")
FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "libvirt", "libvirt_qemu", "libvirt_lxc")


def _pure_modules() -> list[str]:
    modules = []
    for layer in PURE_LAYERS:
        for path in sorted((REPO / "kvmgui" / layer).glob("*.py")):
            name = str(path.relative_to(REPO).with_suffix("")).replace("/", ".")
            modules.append(name.removesuffix(".__init__"))
    return modules


def test_every_pure_layer_has_modules() -> None:
    modules = _pure_modules()
    for layer in PURE_LAYERS:
        assert sum(m.startswith(f"kvmgui.{layer}.") for m in modules) >= 2, layer


def test_importing_pure_layers_loads_neither_qt_nor_libvirt() -> None:
    script = (
        "import importlib, sys\n"
        f"for name in {_pure_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_only_init_and_main_at_the_package_root() -> None:
    loose = sorted(p.name for p in (REPO / "kvmgui").glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"]


def test_layer_contracts_hold() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a test dependency"
    result = subprocess.run([lint], cwd=REPO, capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout or "broken" not in result.stdout.split("Contracts:")[-1]


def test_no_module_over_400_lines() -> None:
    # Small files with one clear job: a module that grows past this wants splitting.
    sizes = {str(p.relative_to(REPO)): len(p.read_text(encoding="utf-8").splitlines())
             for p in (REPO / "kvmgui").rglob("*.py")}
    assert len(sizes) > 100
    assert {path: n for path, n in sizes.items() if n > 400} == {}
