"""Every subpackage ships: pyproject lists packages by hand (resources/ is mapped into it)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[3]


def test_every_kvmgui_package_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts)
             for init in (ROOT / "kvmgui").rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages"
    assert "kvmgui.resources" in listed
