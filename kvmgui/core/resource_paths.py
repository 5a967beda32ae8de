"""Where the bundled resources live (inside the installed package)."""

from importlib import resources
from pathlib import Path


def resource(name: str) -> Path:
    return Path(str(resources.files("kvmgui.resources") / name))


def demo_host_uri() -> str:
    """The bundled demo host, for libvirt's test driver: test:///<absolute path>."""
    return "test://" + str(resource("demo-host.xml").resolve())
