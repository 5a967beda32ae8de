"""Pool and volume editors on test:///default, and the per-type pool rules."""

import libvirt
import pytest
from lxml import etree
from pytestqt.qtbot import QtBot
from editors_helpers import (  # noqa: F401 (fixtures)
    EditorsApp,
    apply_editor,
    default_editors_fixture,
)

from kvmgui.xml.storage_checks import POOL_FIELDS, pool_problems
from kvmgui.ui.editors.pool_editor import PoolEditor, parse_hosts
from kvmgui.ui.editors.volume_editor import VolumeEditor
from kvmgui.xml import Pool, SourceHost

POOL = "default-pool"


def new_pool_editor(editors: EditorsApp) -> PoolEditor:
    editor = editors.open(lambda: editors.feature.new_pool_action.trigger())
    assert isinstance(editor, PoolEditor)
    return editor


def test_dir_pool_is_defined_built_started_and_autostarted(
        default_editors: EditorsApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    editor = new_pool_editor(default_editors)
    tab = editor.general
    assert editor.errors() and editor.problems.messages() == []  # no name, nothing typed yet
    qtbot.keyClicks(tab.name, "kvmgui-test-dirpool")
    assert tab.target.text() == "/var/lib/libvirt/images/kvmgui-test-dirpool"
    assert tab.build.isChecked() and "create the target directory" in tab.build.text()
    diff = apply_editor(qtbot, editor)
    assert "+    <path>/var/lib/libvirt/images/kvmgui-test-dirpool</path>" in diff
    pool = default_conn.storagePoolLookupByName("kvmgui-test-dirpool")
    assert pool.isActive() and pool.autostart()
    root = etree.fromstring(pool.XMLDesc(0))
    assert root.get("type") == "dir"
    assert root.findtext("target/path") == "/var/lib/libvirt/images/kvmgui-test-dirpool"


def test_switching_type_shows_its_fields_and_drops_the_others(default_editors: EditorsApp,
                                                              qtbot: QtBot) -> None:
    editor = new_pool_editor(default_editors)
    tab = editor.general
    qtbot.keyClicks(tab.name, "kvmgui-test-ceph")
    tab.kind.setCurrentIndex(tab.kind.findData("rbd"))
    assert tab.form.isRowVisible(tab.hosts) and not tab.form.isRowVisible(tab.target)
    assert not tab.form.isRowVisible(tab.build)
    qtbot.keyClicks(tab.hosts, "mon1.invalid, mon2.invalid:6790")
    qtbot.keyClicks(tab.source_name, "vms")
    qtbot.keyClicks(tab.auth_user, "libvirt")
    assert not editor.apply_button.isEnabled()
    assert any("secret" in m for m in editor.problems.messages())
    qtbot.keyClicks(tab.auth_secret, "client.libvirt secret")
    assert editor.apply_button.isEnabled(), editor.problems.messages()
    pool = editor.document
    assert pool.type == "rbd" and pool.target_path is None
    assert pool.source_hosts == [SourceHost("mon1.invalid"), SourceHost("mon2.invalid", 6790)]
    assert (pool.auth_type, pool.auth_username, pool.auth_secret_usage) == (
        "ceph", "libvirt", "client.libvirt secret")
    tab.kind.setCurrentIndex(tab.kind.findData("logical"))
    assert editor.document.source_hosts == [] and editor.document.auth_username is None
    assert editor.document.source_name == "vms"  # a VG name now: logical uses source name
    assert "erases everything" in tab.build.text() and not tab.build.isChecked()


def test_qcow2_volume_with_backing_volume(default_editors: EditorsApp,
                                          default_conn: libvirt.virConnect,
                                          qtbot: QtBot) -> None:
    pool = default_conn.storagePoolLookupByName(POOL)
    base = pool.createXML("<volume><name>kvmgui-test-base.qcow2</name><capacity>2147483648"
                          "</capacity><target><format type='qcow2'/></target></volume>", 0)
    default_editors.conn.refresh_object("pool", pool.UUIDString())
    # The new volume opens in its pool.
    default_editors.select_volume(POOL, "kvmgui-test-base.qcow2")
    editor = default_editors.open(lambda: default_editors.feature.new_volume_action.trigger())
    assert isinstance(editor, VolumeEditor)
    tab = editor.general
    assert tab.pool.currentData() == POOL
    qtbot.keyClicks(tab.name, "kvmgui-test-overlay.qcow2")
    tab.capacity.setValue(1)
    tab.backing.setCurrentIndex(tab.backing.findData(base.key()))
    assert tab.capacity.value() == 2  # an overlay is at least as large as its base
    apply_editor(qtbot, editor)
    root = etree.fromstring(pool.storageVolLookupByName("kvmgui-test-overlay.qcow2").XMLDesc(0))
    assert root.find("target/format").get("type") == "qcow2"
    assert root.findtext("capacity") == str(2 * 1024**3)


def test_raw_volume_cloned_from_another(default_editors: EditorsApp,
                                        default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    pool = default_conn.storagePoolLookupByName(POOL)
    source = pool.createXML("<volume><name>kvmgui-test-src.img</name><capacity>1073741824"
                            "</capacity><target><format type='raw'/></target></volume>", 0)
    default_editors.conn.refresh_object("pool", pool.UUIDString())
    default_editors.select_volume(POOL, "kvmgui-test-src.img")
    editor = default_editors.open(lambda: default_editors.feature.new_volume_action.trigger())
    tab = editor.general
    qtbot.keyClicks(tab.name, "kvmgui-test-copy.img")
    tab.format.setCurrentText("raw")
    assert not tab.backing.isEnabled()
    tab.clone.setCurrentIndex(tab.clone.findData(source.key()))
    assert tab.capacity.value() == 1  # the copy takes the source's size
    diff = apply_editor(qtbot, editor)
    assert "+<volume>" in diff
    copy = pool.storageVolLookupByName("kvmgui-test-copy.img")
    assert copy.info()[1] == 1024**3
    assert etree.fromstring(copy.XMLDesc(0)).find("target/format").get("type") == "raw"


def test_volume_name_taken_in_pool_is_an_error(default_editors: EditorsApp,
                                               default_conn: libvirt.virConnect,
                                               qtbot: QtBot) -> None:
    pool = default_conn.storagePoolLookupByName(POOL)
    pool.createXML("<volume><name>kvmgui-test-taken</name><capacity>1048576</capacity>"
                   "</volume>", 0)
    default_editors.conn.refresh_object("pool", pool.UUIDString())
    default_editors.select_volume(POOL, "kvmgui-test-taken")
    editor = default_editors.open(lambda: default_editors.feature.new_volume_action.trigger())
    qtbot.keyClicks(editor.general.name, "kvmgui-test-taken")
    assert not editor.apply_button.isEnabled()
    assert any(m.startswith("Name:") and "already has a volume" in m
               for m in editor.problems.messages())


# ---- pure rules --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(POOL_FIELDS))
def test_an_empty_pool_of_each_type_names_what_it_misses(kind: str) -> None:
    problems = pool_problems(Pool.new(kind, "p"))
    required = {"dir": {"target.path"}, "fs": {"target.path", "source.device"},
                "netfs": {"target.path", "source.host", "source.dir"},
                "logical": {"source.name"}, "disk": {"source.device"},
                "iscsi": {"source.host", "source.iqn"}, "rbd": {"source.host", "source.name"}}
    assert {p.field for p in problems if p.severity == "error"} == required[kind]


def test_complete_pools_have_no_errors() -> None:
    iscsi = Pool.new("iscsi", "san", target_path="/dev/disk/by-path")
    iscsi.source_hosts = [SourceHost("san.invalid", 3260)]
    iscsi.iscsi_target_iqn = "iqn.2004-04.invalid.example:storage"
    netfs = Pool.new("netfs", "nfs", target_path="/mnt/nfs")
    netfs.source_hosts = [SourceHost("nas.invalid")]
    netfs.source_dir = "/export"
    netfs.source_format = "nfs"
    assert pool_problems(iscsi) == [] and pool_problems(netfs) == []
    iscsi.iscsi_target_iqn = "storage"
    assert [p.severity for p in pool_problems(iscsi)] == ["warning"]


def test_parse_hosts_keeps_ports_and_ipv6() -> None:
    assert parse_hosts("a, b:6790 [fd00::1]:3300 fd00::2", 6789) == [
        SourceHost("a", 6789), SourceHost("b", 6790), SourceHost("fd00::1", 3300),
        SourceHost("fd00::2", 6789)]
