"""Objects removed between listing and reading are dropped, not raised (real test driver)."""

import libvirt
import pytest

from kvmgui.virt import fetch

XML = ("<domain type='test'><name>kvmgui-test-{n}</name><memory>65536</memory><vcpu>1</vcpu>"
       "<os><type>hvm</type></os></domain>")


@pytest.fixture
def conn(default_conn: libvirt.virConnect) -> libvirt.virConnect:
    return default_conn  # tests/conftest.py removes the kvmgui-test-* domains afterwards


def test_domain_undefined_mid_fetch_is_skipped(conn: libvirt.virConnect) -> None:
    gone = conn.defineXML(XML.format(n="gone"))
    kept = conn.defineXML(XML.format(n="kept"))
    gone.undefine()
    snapshots = fetch.read_all([gone, kept], fetch.domain_info)
    assert [s.name for s in snapshots] == ["kvmgui-test-kept"]


def test_errors_other_than_gone_still_raise(conn: libvirt.virConnect) -> None:
    kept = conn.defineXML(XML.format(n="kept"))

    def read(dom: libvirt.virDomain) -> object:
        return dom.migrateGetMaxSpeed(0)  # the test driver does not support this call

    with pytest.raises(libvirt.libvirtError) as err:
        fetch.read_all([kept], read)
    assert not fetch.is_gone(err.value)
