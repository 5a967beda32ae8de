"""GUI tests: the real application objects on libvirt's test driver, offscreen."""

from collections.abc import Iterator

import libvirt
import pytest
import fixture_helpers
from fixture_helpers import StartApp

from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri

# The shared fixtures, bound here so pytest offers them to every test of this directory.
isolated_settings = fixture_helpers.isolated_settings
start_app = fixture_helpers.start_app


@pytest.fixture
def demo_app(start_app: StartApp) -> Application:
    return start_app(demo_host_uri())


@pytest.fixture
def default_conn() -> Iterator[libvirt.virConnect]:
    """A second client of test:///default, playing "another program" (shares the driver state)."""
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    conn = libvirt.open("test:///default")
    yield conn
    for dom in conn.listAllDomains(0):
        if dom.name().startswith("kvmgui-test-"):
            if dom.isActive():
                dom.destroy()
            if dom.isPersistent():
                dom.undefine()
    conn.close()
